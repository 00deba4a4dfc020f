"""Paragraph numbers in the outer margin of a book's right-hand pages, moved there after layout.

CSS cannot place an element by the side of the page it falls on: a paragraph's number (`p[data-n]::before`,
absolutely positioned left of the text, print.css) sits in the left margin of every page, which on a
right-hand page of a bound book is the gutter. After layout the side of each page is known
(WeasyPrint's `page_type.side`), so on the right-hand ones each number is moved to mirror its place:
as far right of the text as it stood left of it. Only positions change: the lines, the pages, the text
of the PDF and its structure stay as laid out.
"""
from __future__ import annotations

from . import boxes, page_box

NUMBER = "::before"


def numbers_to_outer_margin(document) -> int:
    """Move the paragraph numbers of the right-hand pages of a laid-out WeasyPrint document to the right
    of the text; the count moved."""
    moved = 0
    for page in document.pages:
        box = page_box(page)
        if getattr(box.page_type, "side", None) != "right":
            continue
        for number, paragraph in _numbers(box, None):
            text = _first_text(number)
            if text is None:
                continue
            gap = paragraph.content_box_x() - (text.position_x + text.width)
            number.translate(paragraph.content_box_x() + paragraph.width + gap - text.position_x, 0)
            moved += 1
    return moved


def _numbers(box, paragraph):
    """(number box, its paragraph's block box) for each absolutely placed paragraph number under `box`."""
    tag = box.element_tag or ""
    element = box.element
    if element is not None and element.get("data-n"):
        if "::" not in tag and isinstance(box, boxes().BlockBox):
            paragraph = box
        elif tag.endswith(NUMBER) and type(box).__name__ == "AbsolutePlaceholder" and paragraph is not None:
            yield box, paragraph
            return
    for child in getattr(box, "children", ()):
        yield from _numbers(child, paragraph)


def _first_text(box):
    if hasattr(box, "text") and hasattr(box, "position_x") and not getattr(box, "children", None):
        return box
    for child in getattr(box, "children", ()):
        found = _first_text(child)
        if found is not None:
            return found
    return None
