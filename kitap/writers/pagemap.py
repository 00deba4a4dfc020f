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


@dataclass(frozen=True)
class LineStart:
    page: int
    line: int                  # line of the article on its page, from 1
    paragraph_id: str
    alnum_offset: int
    box: object = None         # the line box (position_y, height: CSS px)


@dataclass(frozen=True)
class _Run:
    page: int
    ids: tuple[str, ...]       # ids of the elements around the text, outermost first
    paragraph: str | None      # the paragraph (p-N) it belongs to, if any
    before: int                # letters and digits of that paragraph laid out before it
    box: object
    line: object               # the line box holding it


def _runs(documents):
    """Every laid-out text box of the flow (not margins, footnote area or generated text), in order."""
    from ..weasy import boxes as box_types, page_box

    boxes = box_types()

    counted: dict[str, int] = {}  # paragraph id → letters and digits laid out so far
    number = 0

    def visit(box, ids: tuple[str, ...], line):
        if isinstance(box, (boxes.MarginBox, boxes.FootnoteAreaBox)):
            return
        pseudo = "::" in (box.element_tag or "")
        element_id = box.element.get("id") if box.element is not None and not pseudo else None
        if element_id and (not ids or ids[-1] != element_id):
            ids = ids + (element_id,)
        line = box if isinstance(box, boxes.LineBox) else line
        if isinstance(box, boxes.TextBox) and not pseudo:
            paragraph = next((i for i in reversed(ids) if i.startswith(PARAGRAPH_PREFIX)), None)
            yield _Run(number, ids, paragraph, counted.get(paragraph, 0), box, line)
            if paragraph:
                counted[paragraph] = counted.get(paragraph, 0) + sum(c.isalnum() for c in box.text)
        for child in getattr(box, "children", ()):
            yield from visit(child, ids, line)

    for document in documents:
        for page in document.pages:
            number += 1
            yield from visit(page_box(page), (), None)


def page_starts(documents) -> list[PageStart]:
    """Page starts of WeasyPrint documents laid out one after the other (page numbers continue)."""
    starts: dict[int, PageStart] = {}
    for run in _runs(documents):
        if run.page not in starts and run.box.text.strip() and run.ids and not _in_repeated_header(run.box):
            starts[run.page] = PageStart(run.page, run.paragraph or run.ids[-1],
                                         run.before if run.paragraph else None)
    return list(starts.values())


def line_starts(document) -> list[LineStart]:
    """Where each line of the article's paragraphs begins, numbered from 1 on every page."""
    seen: set[int] = set()
    lines: list[LineStart] = []
    count: dict[int, int] = {}
    for run in _runs([document]):
        if run.paragraph is None or run.line is None or id(run.line) in seen or not run.box.text.strip():
            continue
        seen.add(id(run.line))
        count[run.page] = count.get(run.page, 0) + 1
        lines.append(LineStart(run.page, count[run.page], run.paragraph, run.before, run.line))
    return lines


def _in_repeated_header(box) -> bool:
    """Table headers repeat on every page; the page really starts at the first row after them."""
    return box.element_tag in ("th",)
