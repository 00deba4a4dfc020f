"""The one document model every writer reads: plain dataclasses, no I/O."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Union


@dataclass(frozen=True)
class Origin:
    """Where a piece of source came from, for error messages."""

    path: Path
    line: int


# ---- inline content -------------------------------------------------------

@dataclass
class Text:
    text: str


@dataclass
class Styled:
    """Emphasis, strong emphasis or code: `style` is the HTML element name."""

    style: str
    children: list["Inline"]


@dataclass
class Foreign:
    """Words in another language than the book's ([…]{lang=ru} in the source): kept in their own
    language by every edition, hyphenated and tagged as that language."""

    lang: str
    children: list["Inline"]


@dataclass
class Link:
    href: str
    children: list["Inline"]


@dataclass
class NoteRef:
    """A note call; `number` is filled in by the numbering transform."""

    key: str
    number: int = 0


@dataclass
class Mark:
    """A phrase tied to an appendix entry: kind 'abbr' (glossary) or 'chrono' (chronology)."""

    kind: str
    ref: str
    children: list["Inline"]
    id: str = ""


@dataclass
class PageBreak:
    """Where a page of the printed edition begins (EPUB only: page-list navigation)."""

    number: int


Inline = Union[Text, Styled, Foreign, Link, NoteRef, Mark, PageBreak]


# ---- blocks -----------------------------------------------------------------

@dataclass(frozen=True)
class SourceLine:
    """Where a source line's text begins inside a block's plain text: `offset` in the text is at `line`:`col`
    of the file (Markdown paragraphs span several lines; inline markup is not counted)."""

    offset: int
    line: int
    col: int


@dataclass
class Block:
    """A paragraph ('p'), heading ('h', with level), quoted paragraph ('quote') or list item ('item': of
    the list `list_id`, numbered `item_number` in an ordered list, 0 in a bulleted one)."""

    kind: str
    children: list[Inline]
    origin: Origin
    level: int = 0
    number: int = 0  # classroom paragraph number, filled by the numbering transform
    lines: tuple[SourceLine, ...] = ()  # where its source lines begin (see position)
    list_id: int = 0
    item_number: int = 0
    id: str = ""  # its element id in every output ('p-3', 's-1'), filled by the numbering transform
    chapter: int = 0  # in a course volume, the number of the text (chapter) it belongs to; else 0

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column in the source file of an offset in the block's plain text."""
        start = next((s for s in reversed(self.lines) if s.offset <= offset), None)
        if start is None:
            return self.origin.line, offset + 1
        return start.line, start.col + offset - start.offset


# ---- apparatus ----------------------------------------------------------------

@dataclass
class Note:
    key: str
    body: list[Inline]
    origin: Origin
    number: int = 0  # as printed (in a volume: counted in its chapter)
    id: str = ""     # its element id ('fn-3'; in a volume 'fn-c2-3'), filled by the numbering transform

    @property
    def ref_id(self) -> str:
        """The element id of its call in the text ('fnref-3')."""
        return "fnref-" + self.id.removeprefix("fn-")


@dataclass
class Anchor:
    """A phrase quoted from the article, with its occurrence (1-based) when it repeats."""

    phrase: str
    occurrence: int | None
    origin: Origin


@dataclass
class Annotation:
    anchor: Anchor
    body: list[Inline]
    origin: Origin


@dataclass
class GlossaryEntry:
    term: str
    expansion: str
    origin: Origin
    kk: str = ""  # its name in Kazakh, Russian, English (the ones not in the book's language)
    ru: str = ""
    en: str = ""
    source_language: str = ""  # 'kk', 'ru' or 'en': the language the abbreviation was formed in

    def other_names(self, book_language: str) -> list[tuple[str, str]]:
        """(language, name) of its names in the other languages, in a fixed order."""
        base = book_language.split("-")[0]
        return [(lang, name) for lang, name in (("kk", self.kk), ("ru", self.ru), ("en", self.en)) if name and lang != base]
    note: str = ""
    id: str = ""
    uses: list[str] = field(default_factory=list)  # ids of the marked uses in the text


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, a year and month, or a full date."""

    year: int
    month: int = 0
    day: int = 0

    def iso(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)


@dataclass
class ChronoEvent:
    date: PartialDate
    event: list[Inline]
    origin: Origin
    anchor: Anchor | None = None
    id: str = ""
    short: str = ""  # its short form, for the timeline's label ('' : the event's first words)
    ref: str = ""      # the element id of the phrase of the text linked to it (its anchor), if any
    chapter: int = 0   # in a course volume, the text (chapter) it comes from
    more: list[tuple[int, str]] = field(default_factory=list)  # a volume's other texts telling it: (chapter, ref)

    @property
    def places(self) -> list[tuple[int, str]]:
        """(chapter, element id of the phrase or '') of every text of a volume that tells this event."""
        return [(self.chapter, self.ref), *self.more]


@dataclass
class Correction:
    line: int
    original: str
    corrected: str
    reason: str


@dataclass
class Editorial:
    title_note: str = ""
    corrections: list[Correction] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Meta:
    name: str
    title: str
    author: str
    language: str
    identifier: str
    subtitle: str = ""
    credentials: str = ""
    date: str = ""
    rights: str = ""
    publisher: str = ""
    description: str = ""
    certified_by: str = ""  # who certified the e-book's accessibility, if anyone did
    source: str = ""        # where the text was taken from (a web address, a book), printed in the colophon
    edition: str = ""       # the script of an edition in another script than the source's ('latn'), else ''
    editor: str = ""        # a course volume's editor (who compiled it: `author` holds the same name)
    editions: tuple[str, ...] = ()  # the editions book.yaml asks for by default ('cyrl', 'latn'); () its own


@dataclass
class Person:
    """Someone the text names, for the index of persons: as the index prints them and sorts them, who
    they were, and the phrases of the text that name them (anchors: whole words, «…» lets a suffix follow)."""

    name: str
    role: str
    origin: Origin
    sort_as: str = ""
    dates: str = ""
    mentions: tuple[Anchor, ...] = ()
    id: str = ""
    uses: list[str] = field(default_factory=list)  # ids of the marked mentions in the text


@dataclass
class Question:
    """A teacher's question (questions.yaml): 'open' (lines to write on), 'choice' (one of `choices` is the
    answer) or 'truefalse' (a statement; `answer` is 'true' or 'false'), and the paragraph it is about."""

    kind: str
    text: str
    answer: str
    origin: Origin
    choices: tuple[str, ...] = ()
    lines: int = 0            # lines to write on (open questions)
    paragraph: int = 0        # the classroom paragraph number it comes from (0: not said)
    anchor: Anchor | None = None  # or the phrase of the text it is about (its paragraph found by the transforms)
    id: str = ""
    block: Block | None = None  # that paragraph, once linked (its number and id are the volume's in a volume)
    chapter: int = 0          # in a course volume, the text (chapter) it comes from


@dataclass
class Chapter:
    """One text of a course volume (course.yaml): its own details and editorial record; its blocks are
    the volume's blocks whose `chapter` is its number."""

    number: int          # its place in the volume, from 1
    meta: Meta           # its book.yaml
    root: Path           # its project folder
    editorial: Editorial = field(default_factory=Editorial)
    part: str = ""       # the heading of the part of the volume it opens (course.yaml's `part:`), if any
    origin: Origin | None = None  # its line in course.yaml
    part_page: bool = True  # in print, its part heading on a page of its own (course.yaml `parts: own-page`)

    @property
    def id(self) -> str:
        return f"c{self.number}"


@dataclass
class Book:
    root: Path
    meta: Meta
    blocks: list[Block]
    notes: list[Note] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    # Each registered appendix's entries by its name (kitap/appendices): 'glossary', 'chronology', 'persons'.
    appendices: dict[str, list] = field(default_factory=dict)
    editorial: Editorial = field(default_factory=Editorial)
    sources: dict[str, str] = field(default_factory=dict)  # file read → its sha256, or "absent" (load/sources.py)
    own_script: str = ""  # the script of the source ('cyrl'), whichever edition this book is
    chapters: list[Chapter] = field(default_factory=list)  # a course volume's texts, in order; [] for one text
    numbering: str = "per-text"  # a volume's paragraph numbers: 'per-text' (restarting) or 'continuous'

    @property
    def glossary(self) -> list[GlossaryEntry]:
        return self.appendices.setdefault("glossary", [])

    @glossary.setter
    def glossary(self, entries: list[GlossaryEntry]) -> None:
        self.appendices["glossary"] = entries

    @property
    def chronology(self) -> list[ChronoEvent]:
        return self.appendices.setdefault("chronology", [])

    @chronology.setter
    def chronology(self, events: list[ChronoEvent]) -> None:
        self.appendices["chronology"] = events
