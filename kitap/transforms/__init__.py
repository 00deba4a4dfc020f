"""Stage 2: ordered model → model transforms, shared by every writer."""
from __future__ import annotations

from typing import Callable

from ..model import Book
from .abbreviations import link_abbreviations
from .anchors import attach_annotations, link_chronology
from .appendices import order_appendices
from .numbering import number_notes, number_paragraphs

# Order matters: ids before the links that use them; phrase links before note calls are numbered;
# abbreviations last, so they never nest inside another link.
TRANSFORMS: tuple[Callable[[Book], Book], ...] = (
    order_appendices,
    link_chronology,
    attach_annotations,
    link_abbreviations,
    number_paragraphs,
    number_notes,
)


def apply_transforms(book: Book) -> Book:
    for transform in TRANSFORMS:
        book = transform(book)
    return book
