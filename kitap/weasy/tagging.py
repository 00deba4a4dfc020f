"""What WeasyPrint's PDF tagging knows and does not write down: read while it tags, for kitap/writers/pdftags.py.

WeasyPrint 70 builds the structure tree page by page from the laid-out boxes (weasyprint/pdf/tags.py,
`_build_box_tree`), and the tree it writes has lost what a sound PDF/UA tree needs: which HTML element
each structure element came from (so the two halves of a paragraph split across pages, or a table's
eight pages, cannot be joined again), which box is a footnote and which its call, the elements' `lang`,
and, for each marked text, whether it ends a line with a hyphen WeasyPrint added or at a space the line
break took away. While a document is written, `recorded_tags()` wraps `_build_box_tree` and writes
these facts down, keyed by the PDF object number of each structure element and by (page, MCID) of each
marked text; it changes nothing WeasyPrint writes. The post-processor rebuilds the tree from them.

Gated like the speed-ups, on the exact WeasyPrint and the sources read (`pdf/tags.py`, `Stream.marked`),
but with its own switch (KITAP_PDF_TAGS=0): it is a correctness fix, not a speed-up, and KITAP_SPEEDUPS=0
(under which CI runs the whole suite) must not turn it off. Skipped, the PDF keeps WeasyPrint's tree,
with only the fixes that need no record (unreferenced marked content made artifacts).
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator


@dataclass(frozen=True)
class Source:
    """The box a structure element was made from."""

    key: tuple[int, str]      # (serial number of the HTML element in this document, tag with pseudo-element)
    inline: bool              # an inline-level box (its element flows inside a line)
    block: bool = False       # a block box (its element set as a block of its own)
    lang: str | None = None   # the element's own lang attribute
    ident: str | None = None  # the element's id
    note: bool = False        # a footnote (a box of a page's footnote area)
    title: str | None = None  # an abbreviation's expansion (<abbr title>)

    @property
    def serial(self) -> int:
        return self.key[0]

    @property
    def pseudo(self) -> str:
        return self.key[1].partition("::")[2]


@dataclass(frozen=True)
class Mark:
    """One marked text (a text box) as drawn."""

    text: str                 # the box's text, with WeasyPrint's added hyphen if any
    line_end: bool = False    # the last text of its line
    hyphen: str = ""          # the hyphen WeasyPrint added at the line end ("" if none)


@dataclass
class TagRecord:
    elements: dict[int, Source] = field(default_factory=dict)            # PDF object number → source
    marks: dict[tuple[int, int], Mark] = field(default_factory=dict)     # (page index, MCID) → text
    margins: dict[tuple[int, int], str] = field(default_factory=dict)    # (page, MCID) of margin boxes → Header/Footer
    calls: dict[int, tuple[int, tuple]] = field(default_factory=dict)    # note call's object → page, (x, y, w, h) in px
    _serials: dict[int, tuple[int, object]] = field(default_factory=dict)
    _notes: set[int] = field(default_factory=set)  # ids of the boxes in footnote areas (laid out, their float is none)

    def serial(self, element) -> int:
        known = self._serials.get(id(element))
        if known is None:  # the element is kept, so that its id is not reused while recording
            known = self._serials[id(element)] = (len(self._serials), element)
        return known[0]


MARGIN_SIDES = (("@top", "Header"), ("@bottom", "Footer"))  # at-keyword prefix → artifact subtype


@contextmanager
def recorded_tags() -> Iterator[TagRecord | None]:
    """While active, every PDF WeasyPrint tags is recorded into the TagRecord given (one document per
    context); None where the gate refuses (another WeasyPrint, or KITAP_PDF_TAGS=0)."""
    from weasyprint.pdf import stream, tags

    from . import TAGGING, allowed, boxes, function_source

    if not (allowed("structure record", function_source(tags), "pdf/tags.py", TAGGING)
            and allowed("structure record", function_source(stream.Stream.marked), "Stream.marked", TAGGING)):
        yield None
        return
    record = TagRecord()
    original = tags._build_box_tree

    def build(box, parent, pdf, page_number, nums, annotations, marked):
        real = getattr(box, "_box", box)  # an absolutely placed box stands in for its box
        margin = _margin_marks(real, page_number, marked)
        if isinstance(real, boxes().FootnoteAreaBox):
            record._notes.update(id(child) for child in real.children)
        _record_lines(record, real, page_number, marked)
        for element in original(box, parent, pdf, page_number, nums, annotations, marked):
            if element.number not in record.elements and real.element is not None:
                record.elements[element.number] = source = _source(record, real)
                if source.pseudo == "footnote-call":
                    record.calls[element.number] = page_number, _area(real)
            yield element
        for mark, side in margin:
            record.margins[mark] = side

    tags._build_box_tree = build  # its recursive calls go through the module, so through this wrapper too
    try:
        yield record
    finally:
        tags._build_box_tree = original


def _source(record: TagRecord, box) -> Source:
    from . import boxes

    element = box.element
    own = "::" not in (box.element_tag or "")  # a pseudo-element does not carry its element's attributes
    return Source(key=(record.serial(element), box.element_tag or ""),
                  inline=isinstance(box, (boxes().InlineBox, boxes().TextBox)),
                  block=isinstance(box, boxes().BlockBox),
                  lang=element.get("lang") if own else None, ident=element.get("id") if own else None,
                  note=own and id(box) in record._notes,
                  title=element.get("title") if own and box.element_tag == "abbr" else None)


def _area(box) -> tuple[float, float, float, float]:
    """Where a note call's glyphs are (its boxes have no height of their own: line-height 0)."""
    leaves = list(_leaves(box)) or [box]
    left = min(leaf.content_box_x() for leaf in leaves)
    top = min(leaf.content_box_y() for leaf in leaves)
    right = max(leaf.content_box_x() + leaf.width for leaf in leaves)
    bottom = max(leaf.content_box_y() + leaf.height for leaf in leaves)
    return left, top, right - left, bottom - top


def _leaves(box) -> Iterator:
    """The text boxes of a line, in order, through its inline boxes (not into inline blocks)."""
    from . import boxes

    for child in getattr(box, "children", ()):
        if isinstance(child, boxes().TextBox):
            yield child
        elif isinstance(child, boxes().InlineBox):
            yield from _leaves(child)


def _record_lines(record: TagRecord, box, page: int, marked: dict) -> None:
    from . import boxes

    for line in getattr(box, "children", ()):
        if not isinstance(line, boxes().LineBox):
            continue
        leaves = [leaf for leaf in _leaves(line) if leaf in marked]
        for leaf in leaves:
            end = leaf is leaves[-1]
            hyphen = leaf.style["hyphenate_character"]
            added = hyphen if end and hyphen and leaf.text.endswith(hyphen) else ""  # as WeasyPrint's own drawing tells it
            record.marks[page, marked[leaf]["mcid"]] = Mark(leaf.text, end, added)


def _margin_marks(box, page: int, marked: dict) -> list[tuple[tuple[int, int], str]]:
    from . import boxes

    if not isinstance(box, boxes().MarginBox):
        return []
    side = next((name for prefix, name in MARGIN_SIDES if box.at_keyword.startswith(prefix)), "")
    found, todo = [], [box]
    while todo:
        current = todo.pop()
        if current in marked:
            found.append(((page, marked[current]["mcid"]), side))
        todo.extend(getattr(current, "children", ()))
    return found
