"""A course volume's lesson kits: one worksheet and answer key per chapter (text), each made from the part
of the volume that chapter holds, so its paragraph numbers, terms, events and questions are the volume's
as the class reads them (per-text numbering restarts in each chapter; continuous numbering does not)."""
from __future__ import annotations

import copy

from ..model import Book, Chapter


def chapter_name(volume: Book, chapter: Chapter) -> str:
    """The file name stem of a chapter's kit: the volume's name and the chapter's number, the edition last
    as in every file name ('term-1-2', 'term-1-2-latn')."""
    edition = volume.meta.edition
    base = volume.meta.name.removesuffix(f"-{edition}") if edition else volume.meta.name
    return f"{base}-{chapter.number}" + (f"-{edition}" if edition else "")


def chapter_book(volume: Book, chapter: Chapter) -> Book:
    """The chapter as a book of its own for the worksheet: its blocks, the glossary entries it uses (with
    its uses only), its events, its questions; its title and author, the volume's language and edition."""
    from ..transforms.volume import chapter_of

    where = chapter_of(volume)
    mine = lambda ident: where.get(ident) == chapter.number  # noqa: E731
    glossary = []
    for entry in volume.glossary:
        uses = [u for u in entry.uses if mine(u)]
        if uses:
            kept = copy.copy(entry)
            kept.uses = uses
            glossary.append(kept)
    meta = copy.copy(chapter.meta)
    meta.name, meta.language, meta.edition = chapter_name(volume, chapter), volume.meta.language, volume.meta.edition
    book = Book(root=chapter.root, meta=meta, blocks=[b for b in volume.blocks if b.chapter == chapter.number],
                editorial=chapter.editorial)
    book.appendices = {**{name: [e for e in entries if getattr(e, "chapter", 0) == chapter.number]
                          for name, entries in volume.appendices.items()},
                       "glossary": glossary, "chronology": _events(volume, chapter.number)}
    return book


def _events(volume: Book, number: int) -> list:
    """The chapter's events, an event several texts tell included, each linked to this text's phrase."""
    found = []
    for event in volume.chronology:
        for chapter, ref in event.places:
            if chapter == number:
                kept = copy.copy(event)
                kept.chapter, kept.ref, kept.more = chapter, ref, []
                found.append(kept)
                break
    return found


def kit_books(book: Book) -> list[Book]:
    """The books a lesson kit is made for: the book itself, or each chapter of a volume."""
    return [chapter_book(book, c) for c in book.chapters] if book.chapters else [book]
