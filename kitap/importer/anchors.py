"""Footnote calls → annotation anchors: the words right before each call, as few as make them unique.

The phrase is counted with the build's own search (transforms.inline_ops.find_all) over the plain text
the build will see, so an anchor found here is found there, at the same place. It never crosses a
paragraph; when even the whole start of the paragraph repeats elsewhere, the shortest phrase is given
with `occurrence`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Inline, Link, NoteRef, Styled
from ..transforms.inline_ops import find_all, length
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
    end: int       # where the build will put the call: right after the phrase


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
        phrase = before[starts[-count]:]
        if len(_hits(texts, phrase)) == 1:
            return Anchor(call.key, phrase, None, call.piece, len(before))
    phrase = before[starts[-shortest]:]
    occurrence = _hits(texts, phrase).index((call.piece, len(before) - len(phrase))) + 1
    return Anchor(call.key, phrase, occurrence, call.piece, len(before))


def _hits(texts: list[str], phrase: str) -> list[tuple[int, int]]:
    return [(index, start) for index, text in enumerate(texts) for start in find_all(text, phrase)]
