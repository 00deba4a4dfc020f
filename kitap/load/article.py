"""The article: plain text (one paragraph per line) or CommonMark with footnotes → blocks and notes."""
from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from ..errors import SourceError
from . import characters
from ..model import Block, Inline, Link, Note, NoteRef, Origin, Styled, Text

ALLOWED_LINK_SCHEMES = ("http://", "https://", "mailto:")
UNSUPPORTED_BLOCKS = {
    "bullet_list_open": "lists are not supported yet; write each item as its own paragraph",
    "ordered_list_open": "lists are not supported yet; write each item as its own paragraph",
    "code_block": "indented code blocks are not supported; remove the leading spaces",
    "fence": "code blocks are not supported",
    "hr": "horizontal rules are not supported; leave an empty line instead",
    "table_open": "tables are not supported",
}
STYLE_TAGS = {"em_open": "em", "strong_open": "strong"}
# Formatting nested deeper than this (emphasis in emphasis …, quotes in quotes) is refused: no text needs
# it, and 5,000 nested `*` would otherwise exhaust Python's recursion in every later stage. markdown-it
# itself silently drops what is nested deeper than its own limit: set just above ours, so nothing it
# drops gets past the check.
MAX_NESTING = 20
NESTING_PROBLEM = (f"formatting is nested more than {MAX_NESTING} levels deep (emphasis, links or block quotes "
                   "inside one another); simplify it")
NOTE_IN_NOTE = ("a note cannot have a footnote of its own (^[…] or [^…]); put the text in the note itself, "
                "e.g. in brackets")


def markdown_parser() -> MarkdownIt:
    # html=False: raw HTML in the source is kept as literal text, never passed through.
    return MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING + 2}).use(footnote_plugin)


def parse_plain(text: str, path: Path) -> list[Block]:
    """The seed's own form: every non-empty line is one paragraph, taken literally."""
    blocks = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            _limit_length(line, Origin(path, number))
            blocks.append(Block("p", [Text(line.strip())], Origin(path, number)))
    return blocks


def _limit_length(text: str, origin: Origin) -> None:
    problem = characters.too_long(text, "this paragraph", "split it into paragraphs (one per line in article.txt, "
                                                          "a blank line between them in article.md)")
    if problem:
        raise SourceError(origin.path, origin.line, problem)


def parse_markdown(text: str, path: Path) -> tuple[list[Block], list[Note]]:
    env: dict = {}
    tokens = markdown_parser().parse(text, env)
    blocks: list[Block] = []
    notes: dict[str, Note] = {}
    footnote_list = env.get("footnotes", {}).get("list", {})
    in_quote = 0
    current_note: str | None = None
    pending: tuple[str, int, int] | None = None  # kind, level, line of the open block
    line = 1
    for token in tokens:
        line = token.map[0] + 1 if token.map else line
        if token.type in UNSUPPORTED_BLOCKS:
            raise SourceError(path, line, UNSUPPORTED_BLOCKS[token.type])
        if token.level > MAX_NESTING:
            raise SourceError(path, line, NESTING_PROBLEM)
        if token.type == "blockquote_open":
            in_quote += 1
        elif token.type == "blockquote_close":
            in_quote -= 1
        elif token.type == "footnote_open":
            current_note = _note_key(footnote_list, token.meta["id"])
        elif token.type == "footnote_close":
            current_note = None
        elif token.type == "heading_open":
            pending = ("h", int(token.tag[1]), line)
        elif token.type == "paragraph_open":
            pending = ("quote" if in_quote else "p", 0, line)
        elif token.type == "inline" and pending:
            kind, level, block_line = pending
            origin = Origin(path, block_line)
            _limit_length(token.content, origin)
            children = _inlines(token.children or [], origin, footnote_list, notes=current_note is None)
            if current_note is not None:
                _add_note_body(notes, current_note, children, origin)
            else:
                blocks.append(Block(kind, children, origin, level=level))
            pending = None
    for index, item in footnote_list.items():
        if "label" not in item:  # inline footnote ^[...]: body comes as tokens in env
            key = _note_key(footnote_list, index)
            origin = Origin(path, 0)
            notes[key] = Note(key, _inlines(item.get("tokens", []), origin, footnote_list, notes=False), origin)
    return blocks, list(notes.values())


def _add_note_body(notes: dict[str, Note], key: str, children: list[Inline], origin: Origin) -> None:
    if key in notes:  # a footnote with several paragraphs: join them with a space
        notes[key].body.extend([Text(" "), *children])
    else:
        notes[key] = Note(key, children, origin)


def _note_key(footnote_list: dict, index: int) -> str:
    label = footnote_list.get(index, {}).get("label")
    return f"md:{label}" if label is not None else f"md-inline:{index}"


def parse_inline_markdown(text: str, origin: Origin) -> list[Inline]:
    """Inline Markdown (emphasis, links) for note bodies and chronology events."""
    env: dict = {}
    tokens = markdown_parser().parseInline(text, env)
    children = tokens[0].children if tokens else []
    return _inlines(children or [], origin, {}, notes=False)


def _inlines(tokens: list[Token], origin: Origin, footnote_list: dict, notes: bool = True) -> list[Inline]:
    """The inline model of markdown-it's inline tokens; `notes`: whether note calls may be among them
    (not inside a note)."""
    root: list[Inline] = []
    stack: list[list[Inline]] = [root]
    for token in tokens:
        if len(stack) > MAX_NESTING:
            raise SourceError(origin.path, origin.line, NESTING_PROBLEM)
        if token.type in ("text", "code_inline"):  # entities (&#7; &#1488;) are decoded by now: check again
            found = characters.problem(token.content)
            if found:
                raise SourceError(origin.path, origin.line, found[1])
        out = stack[-1]
        if token.type == "text":
            if out and isinstance(out[-1], Text):
                out[-1].text += token.content
            else:
                out.append(Text(token.content))
        elif token.type == "softbreak":
            out.append(Text(" "))
        elif token.type == "hardbreak":
            out.append(Styled("br", []))
        elif token.type == "code_inline":
            out.append(Styled("code", [Text(token.content)]))
        elif token.type in STYLE_TAGS:
            node = Styled(STYLE_TAGS[token.type], [])
            out.append(node)
            stack.append(node.children)
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            if not href.startswith(ALLOWED_LINK_SCHEMES):
                raise SourceError(origin.path, origin.line, f"link to '{href}': only web addresses (http://, https://) and mailto: links are allowed")
            node = Link(href, [])
            out.append(node)
            stack.append(node.children)
        elif token.type in ("em_close", "strong_close", "link_close"):
            stack.pop()
        elif token.type == "footnote_ref":
            if not notes:
                raise SourceError(origin.path, origin.line, NOTE_IN_NOTE)
            out.append(NoteRef(_note_key(footnote_list, token.meta["id"])))
        elif token.type == "image":
            raise SourceError(origin.path, origin.line, "images are not supported yet; describe the picture in words")
        elif token.type == "html_inline":  # cannot happen with html=False, kept as text if it does
            out.append(Text(token.content))
    return root
