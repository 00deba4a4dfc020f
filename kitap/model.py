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


Inline = Union[Text, Styled, Link, NoteRef, Mark, PageBreak]


# ---- blocks -----------------------------------------------------------------

@dataclass
class Block:
    """A paragraph ('p'), heading ('h', with level) or quoted paragraph ('quote')."""

    kind: str
    children: list[Inline]
    origin: Origin
    level: int = 0
    number: int = 0  # classroom paragraph number, filled by the numbering transform


# ---- apparatus ----------------------------------------------------------------

@dataclass
class Note:
    key: str
    body: list[Inline]
    origin: Origin
    number: int = 0


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
    ru: str = ""
    en: str = ""
    source_language: str = ""  # 'kk', 'ru' or 'en': the language the abbreviation was formed in
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


@dataclass
class Book:
    root: Path
    meta: Meta
    blocks: list[Block]
    notes: list[Note] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    chronology: list[ChronoEvent] = field(default_factory=list)
    editorial: Editorial = field(default_factory=Editorial)
    sources: dict[str, str] = field(default_factory=dict)  # file read → its sha256, or "absent" (load/sources.py)
