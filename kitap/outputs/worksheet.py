"""The lesson kit: a worksheet for the class and its answer key for the teacher, two A4 PDFs (made only
when asked for: `--only worksheet`). The key is its own file, never part of the student's."""
from __future__ import annotations

from . import Product, Writer


def make(job) -> tuple[Product, Product]:
    from ..errors import KitapError
    from ..worksheets.items import tasks
    from ..worksheets.layout import worksheet_pdf

    with job.watch.stage("worksheet"):
        made = tasks(job.book)
        if not made:
            raise KitapError(f"{job.book.root / 'book.yaml'}: nothing to ask on a worksheet: the project has no "
                             "glossary, chronology, sentences with a term or a year to fill in, or questions.yaml "
                             "(README.md: questions.yaml)")
        files = []
        for key, suffix in ((False, "worksheet"), (True, "answers")):
            data, pages = worksheet_pdf(job.book, made, key)
            files.append(Product(f"{job.book.meta.name}-{suffix}.pdf", data, pages))
    return tuple(files)


WRITERS = (
    Writer("worksheet", "worksheet (lesson worksheet and answer key, A4)", make,
           reads=("styles/worksheet.css", "templates/worksheet.html.j2"), lays_out=True, default=False),
)
