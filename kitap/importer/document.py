"""The imported document in a neutral form: what any reader (Pandoc, plain text) hands to the writers.

Inline content uses the book model's own nodes (Text, Styled 'em'/'strong'/'br', Link, NoteRef), so
the plain text the importer anchors notes in is computed exactly as the build computes it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Inline, Link, NoteRef, Styled, Text

SPACES = re.compile(r"[ \t\r\n]+")  # not U+00A0: a no-break space is the author's choice


@dataclass
class Piece:
    """One block of the imported text: kind 'p' (paragraph), 'h' (heading), 'quote', 'bullet' or 'number'
    (list items); `level` is a heading's level or an ordered item's number."""

    kind: str
    children: list[Inline]
    level: int = 0
    lost: list[tuple[str, str]] = field(default_factory=list)  # what could not be kept: ("image", "a.png"), ("table", "")


@dataclass
class Imported:
    pieces: list[Piece]
    notes: dict[str, list[Inline]]          # note key → its text (the calls are NoteRefs in the pieces)
    title: str = ""                         # the file's own title (Title style, <title>, front matter)
    subtitle: str = ""
    author: str = ""                        # as the file states it; judged later
    date: str = ""                          # the date the file gives itself (a site's dateline), ISO
    source: str = ""                        # where the file says it comes from (a saved page's own address)
    notices: list[str] = field(default_factory=list)  # what the user must hear about the reading
    authored: bool = False                  # a document its author wrote (Word, OpenDocument): no web page's furniture
    publisher: str = ""                     # the institution a page's header names over the text


def is_space(node: Inline) -> bool:
    return isinstance(node, Text) and not node.text.strip()


def tidy(children: list[Inline]) -> list[Inline]:
    """Merge neighbouring texts, collapse runs of spaces, move spaces out of emphasis (Markdown's
    `*word *` would not be emphasis), drop empty emphasis, strip the ends."""
    out: list[Inline] = []
    for node in children:
        if isinstance(node, (Styled, Link)) and not (isinstance(node, Styled) and node.style == "br"):
            inner = tidy(node.children)
            if not inner:
                continue
            lead, trail = _edge_spaces(inner)
            if lead:
                _append_text(out, " ")
            out.append(type(node)(node.style if isinstance(node, Styled) else node.href, inner))
            if trail:
                _append_text(out, " ")
        elif isinstance(node, Text):
            _append_text(out, node.text)
        else:
            out.append(node)
    return _strip(out)


def _append_text(out: list[Inline], text: str) -> None:
    if out and isinstance(out[-1], Text):
        out[-1] = Text(_collapse(out[-1].text + text))
    else:
        out.append(Text(_collapse(text)))


def _collapse(text: str) -> str:
    return SPACES.sub(" ", text)


def _edge_spaces(inner: list[Inline]) -> tuple[bool, bool]:
    """Strip the spaces at both ends of a container's children; say which ends had some."""
    lead = bool(inner) and isinstance(inner[0], Text) and inner[0].text[:1] == " "
    trail = bool(inner) and isinstance(inner[-1], Text) and inner[-1].text[-1:] == " "
    if lead:
        inner[0] = Text(inner[0].text.lstrip(" "))
    if trail:
        inner[-1] = Text(inner[-1].text.rstrip(" "))
    inner[:] = [n for n in inner if not (isinstance(n, Text) and not n.text)]
    return lead, trail


def _strip(out: list[Inline]) -> list[Inline]:
    while out and (is_space(out[0]) or _is_break(out[0])):
        out.pop(0)
    while out and (is_space(out[-1]) or _is_break(out[-1])):
        out.pop()
    if out and isinstance(out[0], Text):
        out[0] = Text(out[0].text.lstrip())
    if out and isinstance(out[-1], Text):
        out[-1] = Text(out[-1].text.rstrip())
    return out


def _is_break(node: Inline) -> bool:
    return isinstance(node, Styled) and node.style == "br"


def calls(children: list[Inline]) -> list[NoteRef]:
    found = []
    for node in children:
        if isinstance(node, NoteRef):
            found.append(node)
        elif isinstance(node, (Styled, Link)):
            found.extend(calls(node.children))
    return found
