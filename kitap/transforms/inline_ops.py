"""Edits of inline trees by plain-text offset: the tools the anchoring transforms share."""
from __future__ import annotations

from typing import Callable

from ..model import Foreign, Inline, Link, Mark, NoteRef, Styled, Text

CONTAINERS = (Styled, Foreign, Link, Mark)
# Containers a note call may sit inside (a link or a mark may not hold one: calls never nest in <a>).
TEXTUAL = (Styled, Foreign)


class CrossesFormatting(Exception):
    """A phrase starts inside one formatted span and ends outside it."""


def plain_text(children: list[Inline]) -> str:
    out = []
    for node in children:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, CONTAINERS):
            out.append(plain_text(node.children))
    return "".join(out)


def find_all(text: str, phrase: str) -> list[int]:
    starts, index = [], text.find(phrase)
    while index >= 0:
        starts.append(index)
        index = text.find(phrase, index + 1)
    return starts


def length(node: Inline) -> int:
    if isinstance(node, Text):
        return len(node.text)
    if isinstance(node, CONTAINERS):
        return len(plain_text(node.children))
    return 0


def _split(children: list[Inline], offset: int) -> None:
    """Make `offset` fall on a node boundary at this level (splitting a Text node if needed)."""
    position = 0
    for index, node in enumerate(children):
        size = length(node)
        if isinstance(node, Text) and position < offset < position + size:
            cut = offset - position
            children[index:index + 1] = [Text(node.text[:cut]), Text(node.text[cut:])]
            return
        position += size


def insert_at(children: list[Inline], offset: int, new: Inline) -> None:
    """Insert a zero-width node (a note call) at `offset`; never inside a link, so calls never nest in <a>."""
    position = 0
    for index, node in enumerate(children):
        size = length(node)
        if position < offset < position + size:
            if isinstance(node, TEXTUAL):
                insert_at(node.children, offset - position, new)
                return
            if isinstance(node, (Link, Mark)):
                children.insert(index + 1, new)
                return
        position += size
    _split(children, offset)
    position = 0
    for index, node in enumerate(children):
        if position == offset:
            # after any calls already here, so two notes on one phrase keep their order
            while index < len(children) and isinstance(children[index], NoteRef):
                index += 1
            children.insert(index, new)
            return
        position += length(node)
    children.append(new)


def insert_at_word_of_alnum(children: list[Inline], count: int, new: Inline) -> None:
    """Insert `new` before the word holding the `count`-th letter or digit (0-based) of the text.

    Letters and digits are what a layout and the model always agree on: typography, hyphens, note
    calls and generated numbers never change them."""
    text = plain_text(children)
    offset, seen = len(text), 0
    for index, char in enumerate(text):
        if char.isalnum():
            if seen == count:
                offset = index
                break
            seen += 1
    while offset > 0 and not text[offset - 1].isspace():  # a mark inside a word goes before the word
        offset -= 1
    insert_at(children, offset, new)


def wrap_range(children: list[Inline], start: int, end: int, make: Callable[[list[Inline]], Inline]) -> None:
    """Wrap the text between two offsets in a new container made by `make(children)`."""
    position = 0
    for node in children:
        size = length(node)
        whole = start == position and end == position + size
        if isinstance(node, CONTAINERS) and position <= start and end <= position + size and not whole:
            wrap_range(node.children, start - position, end - position, make)
            return
        position += size
    _split(children, start)
    _split(children, end)
    first = last = None
    position = 0
    for index, node in enumerate(children):
        size = length(node)
        if position >= start and position + size <= end and size:
            first = index if first is None else first
            last = index
        elif size and position < end and position + size > start:
            raise CrossesFormatting()
        position += size
    if first is None:
        raise CrossesFormatting()
    children[first:last + 1] = [make(children[first:last + 1])]


def walk(children: list[Inline]):
    """Every inline node, depth first, with the chain of containers above it."""
    for node in children:
        yield node
        if isinstance(node, CONTAINERS):
            yield from walk(node.children)
