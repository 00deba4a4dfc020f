"""The print editions: the A4 handout, the A5 booklet imposed for saddle stitching (and its A5 pages, tagged,
for screen readers), and large print."""
from __future__ import annotations

from . import PAGE_STARTS, Product, Writer


def _layout(job, name: str):
    from ..writers.pdf import A4, VARIANTS, lay_out  # only here: it loads WeasyPrint

    variant = VARIANTS[name]
    layout = lay_out(job.book, variant, job.watch, job.line_numbers and variant is A4,
                     job.html_for if variant is A4 else None)
    job.warnings += layout.warnings
    if variant is A4 and job.wants(PAGE_STARTS):
        from ..writers.pagemap import page_starts

        job.give(PAGE_STARTS, page_starts([layout.text, layout.appendices]))
    return variant, layout


def _maker(name: str):
    def make(job) -> Product:
        from ..writers.pdf import write_pdf

        variant, layout = _layout(job, name)
        with job.watch.stage("pdf write"):
            data = write_pdf(job.book, layout, job.archival)
        return Product(f"{job.book.meta.name}{variant.suffix}.pdf", data, layout.pages)

    return make


# The booklet's A5 pages, tagged, are laid out and written once for its two files: the sheets imposed for
# printing (pdfimpose keeps no structure tree) and the pages themselves for screen readers.
_A5 = "booklet A5 pages"  # a result of one Job's own, never sent to the other process


def _a5_pages(job) -> Product:
    if _A5 not in job.results:
        job.results[_A5] = _maker("booklet")(job)
    return job.results[_A5]


def _imposed(job) -> Product:
    from ..writers.booklet import impose_saddle

    pages = _a5_pages(job)
    return Product(pages.file, impose_saddle(pages.data), pages.pages)


def _tagged_pages(job) -> Product:
    pages = _a5_pages(job)
    return Product(pages.file.removesuffix(".pdf") + "-pages.pdf", pages.data, pages.pages)


def _booklet_pages(pages: int) -> str:
    sheets = -(-pages // 4)  # four A5 pages a sheet, printed on both sides
    return f"{pages} A5 pages, {sheets} sheet{'s' if sheets > 1 else ''}"


WRITERS = (
    Writer("pdf", "pdf (A4 handout)", _maker("pdf"), reads=("styles/print.css",), gives=(PAGE_STARTS,),
           give=lambda job: _layout(job, "pdf"), lays_out=True),
    Writer("booklet", "booklet (A5, imposed on A4 sheets)", _imposed,
           reads=("styles/print.css", "styles/print-a5.css"), lays_out=True, pages_text=_booklet_pages),
    Writer("booklet-pages", "booklet-pages (its A5 pages, tagged, for screen readers)", _tagged_pages,
           reads=("styles/print.css", "styles/print-a5.css"), lays_out=True),
    Writer("large", "large (large print)", _maker("large"), reads=("styles/print.css", "styles/print-large.css"),
           lays_out=True, in_helper=True),
)
