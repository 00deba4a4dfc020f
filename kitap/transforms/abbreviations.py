"""Find every use of each glossary abbreviation in the text.

The first use outside other links becomes `<abbr title>` linked to the glossary entry; every use gets
an id, so the glossary can list the pages (PDF) or paragraphs (EPUB) where the term is used.
"""
from __future__ import annotations

import re

from ..model import Block, Book, Inline, Mark, Text
from .inline_ops import CONTAINERS, TEXTUAL, length, wrap_range

LETTER = "A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"


def term_pattern(term: str) -> re.Pattern:
    """The term as a whole word; a case ending after a hyphen (БҰҰ-ның) is allowed."""
    return re.compile(rf"(?<![{LETTER}]){re.escape(term)}(?![{LETTER}])")


def _text_spans(children: list[Inline], offset: int = 0, free: bool = True):
    """(start, text, free) for every Text node; `free` is False inside a link or mark (no nested links)."""
    for node in children:
        if isinstance(node, Text):
            yield offset, node.text, free
        elif isinstance(node, CONTAINERS):
            yield from _text_spans(node.children, offset, free and isinstance(node, TEXTUAL))
        offset += length(node)


def _occurrences(blocks: list[Block], pattern: re.Pattern) -> list[tuple[Block, int, bool]]:
    return [(block, start + m.start(), free) for block in blocks
            for start, text, free in _text_spans(block.children) for m in pattern.finditer(text)]


def link_abbreviations(book: Book) -> Book:
    for entry in book.glossary:
        hits = _occurrences(book.blocks, term_pattern(entry.term))
        first = next((i for i, (_, _, free) in enumerate(hits) if free), None)
        for index, (block, start, _) in enumerate(hits):
            ident = f"{entry.id}-u{index + 1}"
            kind = "abbr" if index == first else "abbr-use"
            wrap_range(block.children, start, start + len(entry.term),
                       lambda children, k=kind, i=ident, e=entry: Mark(k, e.id, children, id=i))
            entry.uses.append(ident)
    return book
