"""Stage 2: ordered model → model transforms, shared by every writer."""
from __future__ import annotations

import copy
from typing import Callable

from ..model import Book
from .anchors import attach_annotations
from .numbering import number_notes, number_paragraphs


def order_appendices(book: Book) -> Book:
    """Each appendix's entries in its order (the book language's alphabet, dates), with their ids."""
    from ..appendices import appendices, order
    from ..languages import pack_for

    pack = pack_for(book.meta.language)
    for appendix in appendices():
        book.appendices[appendix.name] = order(appendix, book.appendices.get(appendix.name, []), pack)
    return book


def _linking(first: bool) -> Callable[[Book], Book]:
    def link_appendices(book: Book) -> Book:
        from ..appendices import appendices

        for appendix in appendices():
            if appendix.link and appendix.link_first == first:
                book = appendix.link(book)
        return book

    link_appendices.__name__ = "link_phrases" if first else "link_terms"
    return link_appendices


link_phrases = _linking(True)    # phrases a note may follow (the chronology's anchors)
link_terms = _linking(False)     # terms and names (the glossary's, the persons'): never inside another link

# Order matters: ids before the links that use them; phrase links before note calls are numbered;
# terms and names last, so they never nest inside another link.
TRANSFORMS: tuple[Callable[[Book], Book], ...] = (
    order_appendices,
    link_phrases,
    attach_annotations,
    link_terms,
    number_paragraphs,
    number_notes,
)


def apply_transforms(book: Book) -> Book:
    """The book transformed. The transforms work on one copy of it, made here: the book as loaded is not
    changed (the checker reads it so), and no caller needs a copy of its own."""
    book = copy.deepcopy(book)
    for transform in TRANSFORMS:
        book = transform(book)
    return book
