"""Where each printed page begins, read from WeasyPrint's real layout of the A4 handout.

The EPUB carries the same page numbers (page-list nav and pagebreak markers), so "page 3" means one
place on paper and on the e-reader. A page that starts inside a paragraph is located by the number
of letters and digits before it in that paragraph: typography, note calls, paragraph numbers and
hyphens never change those, so the count is the same in the model and in the layout.
"""
from __future__ import annotations

from dataclasses import dataclass

PARAGRAPH_PREFIX = "p-"


@dataclass(frozen=True)
class PageStart:
    page: int
    element_id: str            # the innermost element with an id where the page begins
    alnum_offset: int | None   # for a paragraph: letters and digits of it on earlier pages; else None


def page_starts(documents) -> list[PageStart]:
    """Page starts of WeasyPrint documents laid out one after the other (page numbers continue)."""
    from weasyprint.formatting_structure import boxes

    starts: list[PageStart] = []
    counted: dict[str, int] = {}  # paragraph id → letters and digits laid out so far
    number = 0

    def visit(box, ids: tuple[str, ...], found: list):
        if isinstance(box, (boxes.MarginBox, boxes.FootnoteAreaBox)):
            return
        element_id = box.element.get("id") if box.element is not None and "::" not in (box.element_tag or "") else None
        if element_id and (not ids or ids[-1] != element_id):
            ids = ids + (element_id,)
        if isinstance(box, boxes.TextBox) and "::" not in (box.element_tag or ""):
            paragraph = next((i for i in reversed(ids) if i.startswith(PARAGRAPH_PREFIX)), None)
            if box.text.strip() and not found and ids and not _in_repeated_header(box):
                found.append(PageStart(number, paragraph or ids[-1],
                                       counted.get(paragraph, 0) if paragraph else None))
            if paragraph:
                counted[paragraph] = counted.get(paragraph, 0) + sum(c.isalnum() for c in box.text)
        for child in getattr(box, "children", ()):
            visit(child, ids, found)

    for document in documents:
        for page in document.pages:
            number += 1
            found: list[PageStart] = []
            visit(page._page_box, (), found)
            if found:
                starts.append(found[0])
    return starts


def _in_repeated_header(box) -> bool:
    """Table headers repeat on every page; the page really starts at the first row after them."""
    return box.element_tag in ("th",)
