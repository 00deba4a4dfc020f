"""The print editions: the A4 handout, the A5 booklet imposed for saddle stitching (and its A5 pages, tagged,
for screen readers), and large print."""
from __future__ import annotations

from . import PAGE_STARTS, Product, Writer


def _layout(job, name: str):
    from ..writers.pdf import A4, VARIANTS, lay_out  # only here: it loads WeasyPrint

    variant = VARIANTS[name]
    if job.book.chapters:  # a course volume: laid out part by part, chapters in parallel
        from ..writers.volume import lay_out_volume

        made = lay_out_volume(job.book, variant, job.watch, job.archival, job.jobs, job.output)
        job.warnings += made.warnings
        if job.line_numbers and variant is A4:
            job.warnings.append("--line-numbers: not made for a course volume (build a text alone for them)")
        if variant is A4 and job.wants(PAGE_STARTS):
            job.give(PAGE_STARTS, made.starts)
        return variant, made
    layout = lay_out(job.book, variant, job.watch, job.line_numbers and variant is A4,
                     job.html_for if variant is A4 else None)
    job.warnings += layout.warnings
    if variant is A4 and job.wants(PAGE_STARTS):
        from ..writers.pagemap import page_starts

        job.give(PAGE_STARTS, page_starts([d for d in (layout.text, layout.appendices) if d is not None]))
    return variant, layout


def _maker(name: str):
    def make(job) -> Product:
        from ..writers.pdf import BOOKLET, write_pdf

        variant, layout = _layout(job, name)
        with job.watch.stage("pdf write"):
            data = layout.data if job.book.chapters else write_pdf(job.book, layout, job.archival)
            if variant is BOOKLET:
                return _booklet(job, data, layout.pages)
        return Product(f"{job.book.meta.name}{variant.suffix}.pdf", data, layout.pages)

    return make


def _booklet(job, a5_pdf: bytes, pages: int):
    """The imposed booklet (thicker than one signature holds, in several, with a note for the print shop),
    and its A5 pages as laid out: imposition keeps no structure tree, so they are the booklet for screen
    readers (tagged)."""
    from ..languages import pack_for
    from ..writers.booklet import impose_signatures, print_shop_note
    from ..writers.pdf import BOOKLET

    name = f"{job.book.meta.name}{BOOKLET.suffix}"
    data, parts = impose_signatures(a5_pdf)
    made = (Product(f"{name}.pdf", data, pages), Product(f"{name}-pages.pdf", a5_pdf, pages))
    if len(parts) == 1:
        return made
    note = print_shop_note(pack_for(job.book.meta.language).labels, f"{name}.pdf", pages, parts)
    return (*made, Product(f"{name}-print-shop.txt", note.encode("utf-8")))


def _booklet_pages(pages: int) -> str:
    from ..writers.booklet import signatures

    sheets = -(-pages // 4)  # four A5 pages a sheet, printed on both sides
    count = len(signatures(pages))
    return f"{pages} A5 pages, {sheets} sheet{'s' if sheets > 1 else ''}" + (f" in {count} signatures" if count > 1 else "")


WRITERS = (
    Writer("pdf", "pdf (A4 handout)", _maker("pdf"), reads=("styles/print.css",), gives=(PAGE_STARTS,),
           give=lambda job: _layout(job, "pdf"), lays_out=True),
    Writer("booklet", "booklet (A5, imposed on A4 sheets)", _maker("booklet"),
           reads=("styles/print.css", "styles/print-a5.css"), lays_out=True, pages_text=_booklet_pages),
    Writer("large", "large (large print)", _maker("large"), reads=("styles/print.css", "styles/print-large.css"),
           lays_out=True, in_helper=True),
)
