"""Pieces and notes → the Markdown of article.md and of the annotations' notes.

Every character of the author's text that Markdown would read as markup is escaped, so the build reads
back exactly the text that was imported (the project writer checks it does, block by block).
"""
from __future__ import annotations

import re

from ..model import Inline, Link, Styled, Text
from .document import Piece

DELIMITERS = {"em": "*", "strong": "**"}
INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])|&(?=#?\w+;)")
# What would start a block of another kind at the beginning of a line: a heading, a quote, a list item
# (1. or 1) too), a rule, a code fence, an indented code block.
LINE_START = re.compile(r"^(#|>|[-+*=~](?=\s|$|[-+*=~]*\s*$)|\d{1,9}(?=[.)](?:\s|$))|`{3}|~{3})")
PREFIX = {"p": "", "quote": "> ", "bullet": "- "}


def article_markdown(pieces: list[Piece], plain: set[int] = frozenset()) -> str:
    """article.md: one block per piece, items of one list on consecutive lines. Pieces whose index is in
    `plain` are written without their formatting (used when Markdown cannot say it exactly)."""
    out: list[str] = []
    previous = None
    for index, piece in enumerate(pieces):
        text = inline_markdown(piece.children, formatted=index not in plain)
        if piece.kind == "h":
            line = "#" * piece.level + " " + text
        else:
            prefix = f"{piece.level}. " if piece.kind == "number" else PREFIX[piece.kind]
            line = prefix + text.replace("\\\n", "\\\n" + (prefix if piece.kind == "quote" else " " * len(prefix)))
        same_list = previous is not None and piece.kind in ("bullet", "number") and piece.kind == previous
        out.append(("\n" if same_list else "\n\n") + line if out else line)
        previous = piece.kind
    return "".join(out) + "\n"


def inline_markdown(children: list[Inline], formatted: bool = True) -> str:
    """The Markdown of a line of text (a block's content or a note)."""
    return _escape_line_start(_inline(children, formatted, frozenset()))


def _inline(children: list[Inline], formatted: bool, open_styles: frozenset) -> str:
    parts: list[str] = []
    for node in children:
        if isinstance(node, Text):
            parts.append(INLINE_SPECIAL.sub(lambda m: "\\" + m[0], node.text))
        elif isinstance(node, Styled) and node.style == "br":
            parts.append("\\\n")
        elif isinstance(node, Styled):
            inner = _inline(node.children, formatted, open_styles | {node.style})
            same = node.style in open_styles or node.style not in DELIMITERS  # *…* inside *…* is not **…**
            mark = "" if same or not formatted else DELIMITERS[node.style]
            parts.append(mark + inner + mark)
        elif isinstance(node, Link):
            inner = _inline(node.children, formatted, open_styles)
            href = node.href.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
            parts.append(f"[{inner}](<{href}>)" if formatted else inner)
        # NoteRef: the article keeps no call marks; annotations.yaml places the notes
    return "".join(parts)


def _escape_line_start(text: str) -> str:
    """Escape what would open another kind of block at the start of the text or after a hard break."""
    lines = text.split("\\\n")
    return "\\\n".join(_escape_one(line) for line in lines)


def _escape_one(line: str) -> str:
    stripped = line.lstrip(" ")
    match = LINE_START.match(stripped)
    if not match:
        return stripped
    if match[0][0].isdigit():  # 1995. → 1995\. (the number stays, the list marker goes)
        return match[0] + "\\" + stripped[len(match[0]):]
    return "\\" + stripped
