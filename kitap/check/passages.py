"""Every text the checker reads, as passages: the article's paragraphs and what the editor wrote in YAML.

A passage is a stretch of text with a kind (what rules apply to it) and a way to turn an offset in
it into the `line:col` of its file. Article passages also know where they start in the file, so a
rule's edits can be applied by `check --fix`; YAML passages are reported, never edited.

Kinds: "paragraph" (running text), "heading", "list", "quote", "verse", "code" (the article);
"title" (book.yaml's title and subtitle), "name" (a glossary expansion), "note" (notes, glossary
notes, the book's description, editorial notes), "event" (a chronology event).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..transforms.inline_ops import plain_text
from .findings import Edit, Finding

LIST_ITEM = re.compile(r"[-*+•–]\s|\d{1,3}[.)]\s|[а-яәғқңөұүһі]\)\s", re.I)
MD_HEADING = re.compile(r"#{1,6}(?:\s|$)")
TXT_HEADING = re.compile(r"#{1,3}\s")
HARD_BREAK = re.compile(r"(?:  |\\)\r?\n")
VERSE_LINE = 45   # a txt line this short, among at least VERSE_RUN such lines in a row, is verse
VERSE_RUN = 3
RUNNING_KINDS = frozenset({"paragraph", "note", "event"})


@dataclass(frozen=True)
class Passage:
    text: str
    kind: str
    path: Path
    locate: Callable[[int], tuple[int, int]]  # offset in text → (line, col) in the file
    start: int | None = None                  # where text starts in the article file (None: not editable)
    index: int = 0                            # the passage's place among those of its file (grouping)

    def finding(self, offset: int, severity: str, message: str, rule: str,
                edits: tuple[tuple[int, int, str], ...] = ()) -> Finding:
        """A finding at `offset` of the passage; edits are (start, end, text) in passage offsets."""
        line, col = self.locate(offset)
        fix = () if self.start is None else tuple(Edit(self.start + a, self.start + b, t) for a, b, t in edits)
        return Finding(self.path, line, col, severity, message, rule, fix)

    @property
    def editable(self) -> bool:
        return self.start is not None


def article_passages(article) -> list[Passage]:
    paragraphs = article.paragraphs
    kinds = [_md_kind(p.text) if article.markdown else _txt_kind(p.text) for p in paragraphs]
    if not article.markdown:
        _mark_verse(kinds, [p.text for p in paragraphs], [article.position(p.start)[0] for p in paragraphs])
    return [Passage(p.text, kind, article.path, lambda offset, s=p.start: article.position(s + offset), p.start, i)
            for i, (p, kind) in enumerate(zip(paragraphs, kinds))]


def _txt_kind(text: str) -> str:
    stripped = text.strip()
    if TXT_HEADING.match(stripped):
        return "heading"
    return "list" if LIST_ITEM.match(stripped) else "paragraph"


def _md_kind(text: str) -> str:
    stripped = text.lstrip()
    if MD_HEADING.match(stripped) or re.search(r"\n\s*(?:=+|-+)\s*$", text):
        return "heading"
    if stripped.startswith(">"):
        return "quote"
    if stripped.startswith(("```", "~~~", "|", "<")) or text.startswith(("    ", "\t")):
        return "code"
    if LIST_ITEM.match(stripped):
        return "list"
    if HARD_BREAK.search(text):
        return "verse"
    return "paragraph"


def _mark_verse(kinds: list[str], texts: list[str], lines: list[int]) -> None:
    """Runs of short consecutive lines of a txt article (no blank line between) are verse; not a run of
    which most lines go on in the next (goes_on): that is prose copied with its line breaks."""
    run: list[int] = []
    for i in range(len(texts) + 1):
        short = i < len(texts) and kinds[i] == "paragraph" and len(texts[i].strip()) <= VERSE_LINE
        if short and (not run or lines[i] == lines[run[-1]] + 1):
            run.append(i)
            continue
        broken = sum(goes_on(texts[j], texts[j + 1]) for j in run[:-1])
        if len(run) >= VERSE_RUN and broken * 2 < len(run) - 1:
            for j in run:
                kinds[j] = "verse"
        run = [i] if short else []


# «…, - дейді», «…? - десе»: after a reply's closing punctuation, a dash and the words that say who spoke
SPEECH_DASH = re.compile(r"[,!?.…]\s+[-–—]\s+[^\W\d_]")
WRAPPED_LINE = 120  # characters: the longest line a copied page or PDF has (A4 at 10 pt: about 100)


def goes_on(line: str, following: str) -> bool:
    """The sentence of `line` goes on in `following`: the line ends in a letter or a digit and the next
    begins with a small letter («…Орта Азия мен» | «қазақ даласына…»). A text copied from a PDF or a web
    page with its line breaks has such lines; a poem's lines begin with capitals. Not after a comma: a
    preamble's clauses are paragraphs that end so («…ескере отырып,» | «адам…»); and both lines are no
    longer than a page or a screen is wide (WRAPPED_LINE: «…семьи, и» | «принимая во внимание, что …» are
    clauses too, each a long paragraph)."""
    end, start = line.rstrip()[-1:], following.lstrip()[:1]
    return (end.isalnum() and start.isalpha() and start.islower()
            and len(line.strip()) <= WRAPPED_LINE and len(following.strip()) <= WRAPPED_LINE)


# ---- what the editor wrote ------------------------------------------------------------------


class YamlFile:
    """A YAML file's raw lines, to find the line and column of a text the loader read from it."""

    def __init__(self, path: Path):
        self.path = path
        self.lines = path.read_text(encoding="utf-8-sig").splitlines() if path.is_file() else []

    def key_line(self, line: int, key: str) -> int:
        """The line of `key:` in the entry starting at `line` (or `line` when not found)."""
        window = len(self.lines) if line <= 1 else 20  # top-level keys: anywhere in the file
        for number in range(max(line, 1), min(line + window, len(self.lines)) + 1):
            text = self.lines[number - 1]
            if number > line and text.lstrip().startswith("- "):
                break
            if re.search(rf"(?:^|[\s-]){re.escape(key)}\s*:", text):
                return number
        return line

    def passage(self, text: str, kind: str, line: int, index: int) -> Passage:
        return Passage(text, kind, self.path, lambda offset: self._locate(text, offset, line), None, index)

    def _locate(self, text: str, offset: int, line: int) -> tuple[int, int]:
        """Where text[offset:] is in the file at or after `line`: by searching for the words there."""
        for length in (24, 12, 6, 3):
            snippet = text[offset:offset + length]
            if len(snippet) < min(length, 3):
                continue
            for number in range(line, min(line + 40, len(self.lines)) + 1):
                col = self.lines[number - 1].find(snippet)
                if col >= 0:
                    return number, col + 1
        return line, 1


def yaml_passages(book) -> list[Passage]:
    """The texts of book.yaml, the notes, the appendices and editorial.yaml, each at its own line."""
    files: dict[Path, YamlFile] = {}
    result: list[Passage] = []

    def add(path: Path, text: str, kind: str, entry_line: int, key: str) -> None:
        if not text.strip():
            return
        yaml = files.setdefault(path, YamlFile(path))
        result.append(yaml.passage(text, kind, yaml.key_line(entry_line, key), len(result)))

    root = book.root
    meta = book.meta
    for key, kind in (("title", "title"), ("subtitle", "title"), ("description", "note")):
        add(root / "book.yaml", getattr(meta, key), kind, 1, key)
    for annotation in book.annotations:
        add(annotation.origin.path, plain_text(annotation.body), "note", annotation.origin.line, "note")
    from ..appendices import appendices

    for appendix in appendices():  # what each appendix says its entries hold (a glossary's expansion …)
        for entry in book.appendices.get(appendix.name, []) if appendix.texts else ():
            for text, kind, key in appendix.texts(entry):
                add(entry.origin.path, text, kind, entry.origin.line, key)
    editorial = root / "editorial.yaml"
    add(editorial, book.editorial.title_note, "note", 1, "title_note")
    for note in book.editorial.notes:
        add(editorial, note, "note", 1, "notes")
    return result
