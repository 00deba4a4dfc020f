"""The project as the checker sees it: the loaded Book, plus the article's raw text for exact positions.

The loader strips lines and parses Markdown; the checker reports line:col in the file as the editor
sees it, and `--fix` edits that raw text, so both views are kept side by side.
"""
from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..load import load_project
from ..model import Block, Book
from ..transforms.inline_ops import plain_text
from .findings import Edit, Finding
from .passages import Passage, article_passages, yaml_passages

LINE_BREAK = re.compile(r"\r\n|\r|\n")
BLANK_LINES = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the raw article file and the offset where it starts in the file's text."""

    text: str
    start: int


class Article:
    """The article file: its text (BOM removed, line ends kept) and offset ↔ line:col arithmetic."""

    def __init__(self, path: Path, text: str, blocks: list[Block], bom: bool = False):
        self.path = path
        self.text = text
        self.blocks = blocks
        self.bom = bom
        self.markdown = path.suffix == ".md"
        self.line_starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]

    @classmethod
    def read(cls, path: Path, blocks: list[Block]) -> "Article":
        data = path.read_bytes()
        return cls(path, data.decode("utf-8-sig"), blocks, data.startswith(codecs.BOM_UTF8))

    def with_text(self, text: str) -> "Article":
        """The same file with another text (as --fix rewrites it); the blocks stay those of the loaded text."""
        return Article(self.path, text, self.blocks, self.bom)

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Lines of article.txt; blank-line separated groups of lines of article.md."""
        splitter = BLANK_LINES if self.markdown else LINE_BREAK
        result, start = [], 0
        for match in [*splitter.finditer(self.text), None]:
            end = match.start() if match else len(self.text)
            if self.text[start:end].strip():
                result.append(Paragraph(self.text[start:end], start))
            start = match.end() if match else end
        return result

    @cached_property
    def block_texts(self) -> list[str]:
        """The text of each block as the build sees it (what anchors and glossary terms are found in)."""
        return [plain_text(block.children) for block in self.blocks]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset in the file's text."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def block_offset(self, index: int, start: int, end: int) -> int:
        """Where text[start:end] of block `index` is in the file (by search in Markdown, where syntax shifts it)."""
        block = self.blocks[index]
        line = block.origin.line
        line_start = self.line_starts[line - 1] if 1 <= line <= len(self.line_starts) else 0
        if not self.markdown:  # the loader strips each line and a heading's '#': the block knows its column
            line, col = block.position(start)
            return self.line_starts[line - 1] + col - 1 if 1 <= line <= len(self.line_starts) else start
        found = self.text.find(self.block_texts[index][start:end], line_start)
        return found if found >= 0 else line_start

    def finding(self, offset: int, severity: str, message: str, rule: str, fix: tuple[Edit, ...] = ()) -> Finding:
        line, col = self.position(offset)
        return Finding(self.path, line, col, severity, message, rule, fix)


@dataclass
class Project:
    book: Book
    article: Article

    @cached_property
    def article_passages(self) -> list[Passage]:
        return article_passages(self.article)

    @cached_property
    def passages(self) -> list[Passage]:
        """The article's paragraphs, then every text the editor wrote in the YAML files."""
        return self.article_passages + yaml_passages(self.book)


def read_project(root: Path) -> Project:
    """Load and validate the project (SourceErrors propagate) and read its article's raw text."""
    return project_of(load_project(root))


def project_of(book) -> Project:
    """The checker's view of a book already loaded (and not yet transformed)."""
    return Project(book, Article.read(book.blocks[0].origin.path, book.blocks))


def yaml_finding(path: Path, line: int, severity: str, message: str, rule: str, key: str) -> Finding:
    """A finding about a YAML entry starting at `line`: pointed at its `key:` when the entry has one."""
    lines = path.read_text(encoding="utf-8-sig").splitlines() if path.is_file() else []
    col = 1
    for number in range(line, min(line + 20, len(lines) + 1)):
        text = lines[number - 1]
        if number > line and text.lstrip().startswith("- "):
            break  # the next entry
        found = re.search(rf"\b{re.escape(key)}\s*:", text)
        if found:
            line, col = number, found.start() + 1
            break
    return Finding(path, line, col, severity, message, rule)
