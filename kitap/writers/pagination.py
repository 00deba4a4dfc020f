"""What a typesetter checks after the pages are made, read from WeasyPrint's real layout, and the
adjustment that mends each:

- a word hyphenated across a page break (the last line of a page ends «ha‐», the next page starts
  «lyqaralyq»): that word is laid out again without its soft hyphens, so it moves whole to the line
  (and page) after;
- a footnote set at the foot of a page after its call's page (WeasyPrint moves a note that does not fit
  to the next page, and leaves its call behind): that note gets `footnote-policy: line`, so the line
  with its call goes to the next page with it; where WeasyPrint still cannot move that line (the
  call in a paragraph's first line), the paragraph starts a new page.

The layout is made again with the adjustments until nothing is left to mend (a few rounds at most: each
round only moves text forward).
"""
from __future__ import annotations

from dataclasses import dataclass

from .pagemap import PARAGRAPH_PREFIX, _runs

HYPHEN_MARK = "\u2010"   # the hyphenate-character WeasyPrint sets at a soft hyphen it breaks at
SOFT_HYPHEN = "\u00ad"
NOTE_PREFIX = "fn-"


@dataclass(frozen=True)
class Problems:
    split_words: tuple[tuple[str, int], ...] = ()  # (paragraph id, letters and digits before the word)
    late_notes: tuple[tuple[str, str], ...] = ()    # (note id, paragraph id) of notes set after their call's page

    def __bool__(self) -> bool:
        return bool(self.split_words or self.late_notes)


def problems(document) -> Problems:
    """The pagination problems of a laid-out WeasyPrint document."""
    return Problems(tuple(_split_words(document)), tuple(_late_notes(document)))


COLOPHON = "colophon"  # the colophon section's id (templates/parts/colophon.html.j2)


def colophon_alone(document) -> bool:
    """Whether the last of several pages holds only colophon text (a one-page handout printed on two sheets,
    the second with three lines of imprint). No problem to mend by itself: the colophon is set closer only
    where that saves the page (writers/pdf.py), and a colophon on a page of its own is a book's imprint page."""
    from ..weasy import boxes as box_types, page_box

    if len(document.pages) < 2:
        return False
    boxes = box_types()
    texts: list[bool] = []  # for each text on the page: whether it is the colophon's

    def visit(box, inside: bool) -> None:
        if isinstance(box, (boxes.MarginBox, boxes.FootnoteAreaBox)):
            return
        inside = inside or box.element is not None and box.element.get("id") == COLOPHON
        if isinstance(box, boxes.TextBox) and box.text.strip():
            texts.append(inside)
        for child in getattr(box, "children", ()):
            visit(child, inside)

    visit(page_box(document.pages[-1]), False)
    return bool(texts) and all(texts)


def _split_words(document):
    last: dict[int, object] = {}  # page → the last text run of the flow on it
    for run in _runs([document]):
        if run.box.text.strip():
            last[run.page] = run
    for page, run in sorted(last.items()):
        text = run.box.text
        if page == len(document.pages) or not run.paragraph or not text.endswith(SOFT_HYPHEN + HYPHEN_MARK):
            continue
        start = len(text) - 2
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == SOFT_HYPHEN):
            start -= 1
        yield run.paragraph, run.before + sum(c.isalnum() for c in text[:start])


def _late_notes(document):
    from ..weasy import boxes as box_types, page_box

    boxes = box_types()

    called: dict[str, tuple[int, str]] = {}  # note id → (page, paragraph id) of its call
    placed: dict[str, int] = {}

    def visit(box, number: int, in_notes: bool, paragraph: str):
        if isinstance(box, boxes.MarginBox):
            return
        in_notes = in_notes or isinstance(box, boxes.FootnoteAreaBox)
        tag = box.element_tag or ""
        ident = box.element.get("id") if box.element is not None else None
        if ident and ident.startswith(PARAGRAPH_PREFIX) and "::" not in tag:
            paragraph = ident
        if ident and ident.startswith(NOTE_PREFIX):
            if in_notes:
                placed.setdefault(ident, number)
            elif tag.endswith("::footnote-call"):
                called.setdefault(ident, (number, paragraph))
        for child in getattr(box, "children", ()):
            visit(child, number, in_notes, paragraph)

    for number, page in enumerate(document.pages, start=1):
        visit(page_box(page), number, False, "")
    for ident, (page, paragraph) in called.items():
        if placed.get(ident, page) > page:
            yield ident, paragraph


def mended(page, found: Problems):
    """The render options of `page` (a render.Page) with the adjustments for `found` added."""
    from dataclasses import replace

    unhyphenated = {key: set(value) for key, value in page.unhyphenated.items()}
    for paragraph, offset in found.split_words:
        unhyphenated.setdefault(paragraph, set()).add(offset)
    kept = {note for note, _ in found.late_notes}
    stubborn = {paragraph for note, paragraph in found.late_notes if note in page.keep_notes and paragraph}
    return replace(page, unhyphenated={k: tuple(sorted(v)) for k, v in unhyphenated.items()},
                   keep_notes=tuple(sorted({*page.keep_notes, *kept})),
                   new_page_before=tuple(sorted({*page.new_page_before, *stubborn})))


__all__ = ["PARAGRAPH_PREFIX", "Problems", "mended", "problems"]
