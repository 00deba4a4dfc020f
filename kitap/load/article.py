"""The article: plain text (one paragraph per line) or CommonMark with footnotes → blocks and notes."""
from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from ..errors import SourceError
from ..model import Block, Inline, Link, Note, NoteRef, Origin, SourceLine, Styled, Text

ALLOWED_LINK_SCHEMES = ("http://", "https://", "mailto:")
# In article.txt a line starting with one to three '#' and a space is a heading (the only markup it has).
PLAIN_HEADING = re.compile(r"(?P<marks>#+)[ \t]+(?P<text>\S.*)")
MAX_HEADING_LEVEL = 3
# What precedes a Markdown line's text: indentation and quote marks, and on a block's first line a
# heading's '#'s or a list item's marker.
MD_LINE_LEAD = re.compile(r"[ \t>]*")
MD_FIRST_LEAD = re.compile(r"[ \t>]*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
UNSUPPORTED_BLOCKS = {
    "code_block": "indented code blocks are not supported; remove the leading spaces",
    "fence": "code blocks are not supported",
    "hr": "horizontal rules are not supported; leave an empty line instead",
    "table_open": "tables are not supported",
}
STYLE_TAGS = {"em_open": "em", "strong_open": "strong"}


def markdown_parser() -> MarkdownIt:
    # html=False: raw HTML in the source is kept as literal text, never passed through.
    return MarkdownIt("commonmark", {"html": False}).use(footnote_plugin)


def parse_plain(text: str, path: Path) -> list[Block]:
    """The seed's own form: every non-empty line is one paragraph, taken literally; a line starting with
    '# ', '## ' or '### ' is a heading of that level."""
    blocks = []
    for number, line in enumerate(text.split("\n"), start=1):
        content = line.strip()
        if not content:
            continue
        indent = len(line) - len(line.lstrip())
        heading = PLAIN_HEADING.fullmatch(content)
        if heading:
            level = len(heading["marks"])
            if level > MAX_HEADING_LEVEL:
                raise SourceError(path, number, f"a heading has one to {MAX_HEADING_LEVEL} '#' ('# Title', "
                                                f"'## Section', '### Subsection'), not {level}")
            title = heading["text"].rstrip()
            blocks.append(Block("h", [Text(title)], Origin(path, number), level=level,
                                lines=(SourceLine(0, number, indent + heading.start("text") + 1),)))
        elif content.startswith("#") and not content.strip("#"):
            raise SourceError(path, number, "an empty heading: write its text after the '#' ('# Кіріспе')")
        else:
            blocks.append(Block("p", [Text(content)], Origin(path, number), lines=(SourceLine(0, number, indent + 1),)))
    return blocks


def parse_markdown(text: str, path: Path) -> tuple[list[Block], list[Note]]:
    env: dict = {}
    tokens = markdown_parser().parse(text, env)
    reader = _MarkdownBlocks(path, text.split("\n"), env.get("footnotes", {}).get("list", {}))
    for token in tokens:
        reader.take(token)
    for index, item in reader.footnote_list.items():
        if "label" not in item:  # inline footnote ^[...]: body comes as tokens in env
            key = _note_key(reader.footnote_list, index)
            origin = Origin(path, 0)
            reader.notes[key] = Note(key, _inlines(item.get("tokens", []), origin, reader.footnote_list), origin)
    return reader.blocks, list(reader.notes.values())


class _MarkdownBlocks:
    """Markdown's block tokens → blocks and notes: paragraphs, headings, quotes, list items (one level)."""

    def __init__(self, path: Path, lines: list[str], footnote_list: dict):
        self.path, self.lines, self.footnote_list = path, lines, footnote_list
        self.blocks: list[Block] = []
        self.notes: dict[str, Note] = {}
        self.in_quote = 0
        self.current_note: str | None = None
        self.pending: tuple[str, int, int] | None = None  # kind, level, line of the open block
        self.lists: list[list] = []  # open lists: [list id, next item number (0: bulleted)]
        self.list_count = 0
        self.item: Block | None = None  # the open list item, once its first paragraph is read

    def take(self, token: Token) -> None:
        line = token.map[0] + 1 if token.map else 0
        kind = token.type
        if kind in UNSUPPORTED_BLOCKS:
            raise SourceError(self.path, line, UNSUPPORTED_BLOCKS[kind])
        if kind in ("bullet_list_open", "ordered_list_open"):
            if self.lists or self.current_note is not None:
                raise SourceError(self.path, line, "a list inside a list or a footnote is not supported; "
                                                   "write it as one list, one item a line")
            self.list_count += 1
            start = int(token.attrs.get("start", 1)) if kind == "ordered_list_open" else 0
            self.lists.append([self.list_count, start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_close":
            self.item = None
            if self.lists[-1][1]:
                self.lists[-1][1] += 1
        elif kind in ("blockquote_open", "blockquote_close"):
            self.in_quote += 1 if kind == "blockquote_open" else -1
        elif kind == "footnote_open":
            self.current_note = _note_key(self.footnote_list, token.meta["id"])
        elif kind == "footnote_close":
            self.current_note = None
        elif kind == "heading_open":
            self.pending = ("h", int(token.tag[1]), line)
        elif kind == "paragraph_open":
            block_kind = "item" if self.lists and self.current_note is None else "quote" if self.in_quote else "p"
            self.pending = (block_kind, 0, line)
        elif kind == "inline" and self.pending:
            self._inline(token)

    def _inline(self, token: Token) -> None:
        kind, level, block_line = self.pending
        self.pending = None
        origin = Origin(self.path, block_line)
        breaks: list[int] = []
        children = _inlines(token.children or [], origin, self.footnote_list, breaks)
        if self.current_note is not None:
            _add_note_body(self.notes, self.current_note, children, origin)
            return
        lines = self._source_lines(block_line, breaks)
        if kind == "item" and self.item is not None:  # a further paragraph of the same item: joined
            self.item.children.extend([Text(" "), *children])
            return
        block = Block(kind, children, origin, level=level, lines=lines)
        if kind == "item":
            block.list_id, block.item_number = self.lists[-1]
            self.item = block
        self.blocks.append(block)

    def _source_lines(self, first: int, breaks: list[int]) -> tuple[SourceLine, ...]:
        """Where each source line of a block starts in its plain text (`breaks`: offsets after line ends)."""
        result = []
        for index, offset in enumerate([0, *breaks]):
            number = first + index
            text = self.lines[number - 1] if 0 < number <= len(self.lines) else ""
            lead = (MD_FIRST_LEAD if index == 0 else MD_LINE_LEAD).match(text)
            result.append(SourceLine(offset, number, lead.end() + 1))
        return tuple(result)


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
    return _inlines(children or [], origin, {})


def _inlines(tokens: list[Token], origin: Origin, footnote_list: dict, breaks: list[int] | None = None) -> list[Inline]:
    """Inline tokens → inline nodes; `breaks` (if given) gets the plain-text offset after each line end."""
    root: list[Inline] = []
    stack: list[list[Inline]] = [root]
    length = 0  # of the plain text so far
    for token in tokens:
        out = stack[-1]
        if token.type == "text":
            length += len(token.content)
            if out and isinstance(out[-1], Text):
                out[-1].text += token.content
            else:
                out.append(Text(token.content))
        elif token.type == "softbreak":
            length += 1
            if breaks is not None:
                breaks.append(length)
            out.append(Text(" "))
        elif token.type == "hardbreak":
            if breaks is not None:
                breaks.append(length)
            out.append(Styled("br", []))
        elif token.type == "code_inline":
            length += len(token.content)
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
            out.append(NoteRef(_note_key(footnote_list, token.meta["id"])))
        elif token.type == "image":
            raise SourceError(origin.path, origin.line, "images are not supported yet; describe the picture in words")
        elif token.type == "html_inline":  # cannot happen with html=False, kept as text if it does
            out.append(Text(token.content))
    return root
