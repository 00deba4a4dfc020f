"""Order the glossary (the book language's alphabet) and the chronology (by date); give entries stable ids."""
from __future__ import annotations

from ..languages import pack_for
from ..model import Book


def order_appendices(book: Book) -> Book:
    book.glossary.sort(key=lambda entry: pack_for(book.meta.language).sort_key(entry.term))
    for index, entry in enumerate(book.glossary, start=1):
        entry.id = f"gl-{index}"
    book.chronology.sort(key=lambda event: event.date)  # stable: same-date entries keep file order
    for index, event in enumerate(book.chronology, start=1):
        event.id = f"ch-{index}"
    return book
