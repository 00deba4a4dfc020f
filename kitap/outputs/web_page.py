"""The web page: one self-contained HTML file."""
from __future__ import annotations

from . import Product, Writer


def make(job) -> Product:
    from ..writers.html import write_html

    with job.watch.stage("html write"):
        data = write_html(job.book, job.links)
    edition = f"-{job.book.meta.edition}" if job.book.meta.edition else ""
    return Product(f"html/index{edition}.html", data)


WRITERS = (
    Writer("html", "html (web page)", make, reads=("styles/html.css", "templates/notes.js"), in_helper=True),
)
