"""Mark the first use of each glossary abbreviation in the text and link it to its entry."""
from __future__ import annotations

import re

from ..model import Book, Inline, Link, Mark, Styled, Text
from .inline_ops import plain_text, wrap_range

CYRILLIC_CAPITALS = "А-ЯЁӘҒҚҢӨҰҮҺІ"
LETTER = "A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"


def term_pattern(term: str) -> re.Pattern:
    """The term as a whole word; a case ending after a hyphen (БҰҰ-ның) is allowed."""
    return re.compile(rf"(?<![{LETTER}]){re.escape(term)}(?![{LETTER}])")


def _free_text_spans(children: list[Inline], offset: int = 0):
    """(start, text) of Text nodes that are not inside a link or mark (no nested links)."""
    for node in children:
        if isinstance(node, Text):
            yield offset, node.text
            offset += len(node.text)
        elif isinstance(node, Styled):
            yield from _free_text_spans(node.children, offset)
            offset += len(plain_text(node.children))
        elif isinstance(node, (Link, Mark)):
            offset += len(plain_text(node.children))


def link_abbreviations(book: Book) -> Book:
    for entry in book.glossary:
        pattern = term_pattern(entry.term)
        for block in book.blocks:
            hit = next((start + m.start() for start, text in _free_text_spans(block.children)
                        for m in pattern.finditer(text)), None)
            if hit is not None:
                wrap_range(block.children, hit, hit + len(entry.term),
                           lambda children, e=entry: Mark("abbr", e.id, children, id=f"{e.id}-first"))
                entry.uses.append(f"{entry.id}-first")
                break
    return book
