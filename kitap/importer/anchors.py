"""Footnote calls → annotation anchors: the words right before each call, as few as make them unique.

The phrase is counted with the build's own search (transforms.anchors.find_phrase: whole words) over
the plain text the build will see, so an anchor found here is found there, at the same place. It never
crosses a paragraph; when even the whole start of the paragraph repeats elsewhere, the shortest phrase
is given with `occurrence`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Inline, Link, NoteRef, Styled
from ..transforms.anchors import find_phrase
from ..transforms.inline_ops import length
from .document import Piece

WORD = re.compile(r"\S*[^\W_]\S*")  # a run of non-spaces with a letter or digit in it
MIN_WORDS = 2


@dataclass
class Call:
    key: str
    piece: int     # index of the piece (block) holding the call
    offset: int    # where the call stands in the piece's plain text


@dataclass
class Anchor:
    key: str
    phrase: str
    occurrence: int | None
    piece: int
    end: int       # where the build will put the call: after the phrase (and an ending joined by a hyphen)


def find_calls(pieces: list[Piece]) -> list[Call]:
    found: list[Call] = []
    for index, piece in enumerate(pieces):
        found.extend(Call(key, index, offset) for key, offset in _offsets(piece.children, 0))
    return found


def _offsets(children: list[Inline], start: int) -> list[tuple[str, int]]:
    out, position = [], start
    for node in children:
        if isinstance(node, NoteRef):
            out.append((node.key, position))
        elif isinstance(node, (Styled, Link)):
            out.extend(_offsets(node.children, position))
        position += length(node)
    return out


def anchor_for(call: Call, texts: list[str]) -> Anchor | None:
    """The anchor of one call, or None when no word stands before it in its paragraph."""
    before = texts[call.piece][:call.offset].rstrip()
    starts = [m.start() for m in WORD.finditer(before)]
    if not starts:
        return None
    shortest = min(MIN_WORDS, len(starts))
    for count in range(shortest, len(starts) + 1):
        hits = _hits(texts, before[starts[-count]:])
        if len(hits) == 1:
            return Anchor(call.key, before[starts[-count]:], None, call.piece, hits[0][2])
    hits = _hits(texts, before[starts[-shortest]:])
    ours = next(i for i, hit in enumerate(hits) if hit[:2] == (call.piece, starts[-shortest]))
    return Anchor(call.key, before[starts[-shortest]:], ours + 1, call.piece, hits[ours][2])


def _hits(texts: list[str], phrase: str) -> list[tuple[int, int, int]]:
    """(piece, start, end) of every occurrence, in the order the build counts them."""
    return [(index, start, end) for index, text in enumerate(texts) for start, end in find_phrase(text, phrase)]
