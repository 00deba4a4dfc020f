"""The lesson kit: a worksheet for the class and its answer key for the teacher, two A4 PDFs (made only
when asked for: `--only worksheet`). The key is its own file, never part of the student's."""
from __future__ import annotations

from . import Product, Writer


def make(job) -> tuple[Product, ...]:
    """The worksheet and its key; for a course volume, the two for each chapter that has something to ask."""
    from ..errors import KitapError
    from ..worksheets.chapters import kit_books
    from ..worksheets.items import tasks
    from ..worksheets.layout import worksheet_pdf

    files = []
    with job.watch.stage("worksheet"):
        for book in kit_books(job.book):
            made = tasks(book)
            if not made:
                continue
            for key, suffix in ((False, "worksheet"), (True, "answers")):
                data, pages = worksheet_pdf(book, made, key)
                files.append(Product(f"{book.meta.name}-{suffix}.pdf", data, pages))
    if not files:
        from ..worksheets.items import MIN_ITEMS

        book = job.book
        raise KitapError(f"{book.root / ('course.yaml' if book.chapters else 'book.yaml')}: nothing to ask on a "
                         f"worksheet: matching needs {MIN_ITEMS} glossary terms or more and ordering {MIN_ITEMS} chronology events or more "
                         f"(the project has {len(book.glossary)} and {len(book.chronology)}), a gap a sentence with a "
                         "term or a year; or write your own questions in questions.yaml (README.md: questions.yaml)")
    return tuple(files)


WRITERS = (
    Writer("worksheet", "worksheet (lesson worksheet and answer key, A4)", make,
           reads=("styles/worksheet.css", "templates/worksheet.html.j2"), lays_out=True, default=False),
)
