"""The EPUB 3, its page list matching the A4 handout's pages."""
from __future__ import annotations

from . import PAGE_STARTS, Product, Writer


def make(job) -> Product:
    from ..writers.cover import cover_png
    from ..writers.epub import write_epub

    with job.watch.stage("epub write"):
        cover = cover_png(job.book.meta)  # drawn while the A4 handout is laid out (by the other process)
    starts = job.need(PAGE_STARTS)
    with job.watch.stage("epub write"):
        data = write_epub(job.book, starts or [], cover)
    return Product(f"{job.book.meta.name}.epub", data)


WRITERS = (
    Writer("epub", "epub (e-book)", make, reads=("styles/epub.css", "templates/nav.xhtml.j2", "templates/cover.xhtml.j2"),
           needs=(PAGE_STARTS,), in_helper=True),
)
