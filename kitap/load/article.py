"""The article: plain text (one paragraph per line) or CommonMark with footnotes → blocks and notes."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin

from ..errors import SourceError
from . import characters
from ..model import Block, Foreign, Inline, Link, Note, NoteRef, Origin, SourceLine, Styled, Text

ALLOWED_LINK_SCHEMES = ("http://", "https://", "mailto:")
# In article.txt a line starting with one to three '#' and a space is a heading (the only markup it has).
PLAIN_HEADING = re.compile(r"(?P<marks>#+)[ \t]+(?P<text>\S.*)")
MAX_HEADING_LEVEL = 3
# Words in another language, in both formats: [Что такое счастье?]{lang=ru} (a BCP 47 tag).
LANGUAGE_TAG = r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"
FOREIGN_SPAN = re.compile(rf"\[(?P<text>[^\[\]\n]+)\]\{{lang=(?P<lang>{LANGUAGE_TAG})\}}")
# What is left of a span whose tag is not one: refused, not printed as it stands.
BROKEN_SPAN = re.compile(r"\]\{lang=(?P<lang>[^}\n]*)\}")
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
# Formatting nested deeper than this (emphasis in emphasis …, quotes in quotes) is refused: no text needs
# it, and 5,000 nested `*` would otherwise exhaust Python's recursion in every later stage. markdown-it
# itself silently drops what is nested deeper than its own limit: set just above ours, so nothing it
# drops gets past the check.
MAX_NESTING = 20
NESTING_PROBLEM = (f"formatting is nested more than {MAX_NESTING} levels deep (emphasis, links or block quotes "
                   "inside one another); simplify it")
NOTE_IN_NOTE = ("a note cannot have a footnote of its own (^[…] or [^…]); put the text in the note itself, "
                "e.g. in brackets")


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """One parser per process: parsing keeps its state in the `env` each call is given (a course pack's
    notes and events were 1,262 parsers made and thrown away)."""
    # html=False: raw HTML in the source is kept as literal text, never passed through. Of attributes
    # only a span's language is read ([…]{lang=ru}); any other {…} stays text.
    return (MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING + 2}).use(footnote_plugin)
            .use(attrs_plugin, spans=True, allowed=["lang"]))


def _refuse_broken_span(text: str, path: Path, line: int) -> None:
    broken = BROKEN_SPAN.search(text)
    if broken:
        raise SourceError(path, line, f"[…]{{lang={broken['lang']}}}: '{broken['lang']}' is not a language tag; "
                                      "write one like ru, en or kk-Latn")


def plain_inlines(text: str, line: int, col: int) -> tuple[list[Inline], tuple[SourceLine, ...]]:
    """A line of article.txt (its text starting at `col`): literal text, but for spans in another
    language ([…]{lang=ru}); and where its pieces start in the file, around the spans' markup."""
    children: list[Inline] = []
    starts = [SourceLine(0, line, col)]
    position = plain = 0
    for match in FOREIGN_SPAN.finditer(text):
        if match.start() > position:
            children.append(Text(text[position:match.start()]))
            plain += match.start() - position
        children.append(Foreign(match["lang"], [Text(match["text"])]))
        starts.append(SourceLine(plain, line, col + match.start("text")))
        plain += len(match["text"])
        position = match.end()
        starts.append(SourceLine(plain, line, col + position))
    if position < len(text) or not children:
        children.append(Text(text[position:]))
    return children, tuple(starts)


def parse_plain(text: str, path: Path) -> list[Block]:
    """The seed's own form: every non-empty line is one paragraph, taken literally; a line starting with
    '# ', '## ' or '### ' is a heading of that level."""
    blocks = []
    for number, line in enumerate(text.split("\n"), start=1):
        content = line.strip()
        if not content:
            continue
        _limit_length(line, Origin(path, number))
        indent = len(line) - len(line.lstrip())
        heading = PLAIN_HEADING.fullmatch(content)
        if heading:
            level = len(heading["marks"])
            if level > MAX_HEADING_LEVEL:
                raise SourceError(path, number, f"a heading has one to {MAX_HEADING_LEVEL} '#' ('# Title', "
                                                f"'## Section', '### Subsection'), not {level}")
            children, lines = plain_inlines(heading["text"].rstrip(), number, indent + heading.start("text") + 1)
            blocks.append(Block("h", children, Origin(path, number), level=level, lines=lines))
        elif content.startswith("#") and not content.strip("#"):
            raise SourceError(path, number, "an empty heading: write its text after the '#' ('# Кіріспе')")
        else:
            children, lines = plain_inlines(content, number, indent + 1)
            _refuse_broken_span("".join(c.text for c in children if isinstance(c, Text)), path, number)
            blocks.append(Block("p", children, Origin(path, number), lines=lines))
    return blocks


def _limit_length(text: str, origin: Origin) -> None:
    problem = characters.too_long(text, "this paragraph", "split it into paragraphs (one per line in article.txt, "
                                                          "a blank line between them in article.md)")
    if problem:
        raise SourceError(origin.path, origin.line, problem)


NOTE_DEFINITION = re.compile(r" {0,3}\[\^([^\]\s]+)\]:")
NOTE_CALL_LEFT = re.compile(r"\[\^([^\]\s]+)\]")  # a call Markdown found no note for: it stays as typed


def _note_definitions(lines: list[str], path: Path) -> dict[str, int]:
    """Each footnote label of the article and the line its note is written on; a label given twice is an
    error (Markdown keeps one of the two notes and drops the other's words)."""
    defined: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        found = NOTE_DEFINITION.match(line)
        if found and found[1] in defined:
            raise SourceError(path, number, f"footnote [^{found[1]}] is written twice (line {defined[found[1]]} too): "
                                            "give each note a label of its own, and its call the same label")
        if found:
            defined[found[1]] = number
    return defined


def parse_markdown(text: str, path: Path) -> tuple[list[Block], list[Note]]:
    env: dict = {}
    lines = text.split("\n")
    defined = _note_definitions(lines, path)
    tokens = markdown_parser().parse(text, env)
    for label, reference in env.get("footnotes", {}).get("refs", {}).items():
        if reference == -1:  # written, never called: Markdown drops it
            raise SourceError(path, defined.get(label[1:], 0), f"footnote [^{label[1:]}] is never called in the text, "
                              f"so its words would be left out: put [^{label[1:]}] where the note belongs, or delete the note")
    reader = _MarkdownBlocks(path, lines, env.get("footnotes", {}).get("list", {}))
    for token in tokens:
        reader.take(token)
    for index, item in reader.footnote_list.items():
        if "label" not in item:  # inline footnote ^[...]: body comes as tokens in env
            key = _note_key(reader.footnote_list, index)
            origin = Origin(path, 0)
            reader.notes[key] = Note(key, _inlines(item.get("tokens", []), origin, reader.footnote_list, notes=False),
                                     origin)
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
        self.line = 1  # of the last token that said where it is

    def take(self, token: Token) -> None:
        line = self.line = token.map[0] + 1 if token.map else self.line
        kind = token.type
        if kind in UNSUPPORTED_BLOCKS:
            raise SourceError(self.path, line, UNSUPPORTED_BLOCKS[kind])
        if token.level > MAX_NESTING:
            raise SourceError(self.path, line, NESTING_PROBLEM)
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
        _limit_length(token.content, origin)
        breaks: list[int] = []
        children = _inlines(token.children or [], origin, self.footnote_list, breaks, notes=self.current_note is None)
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
    return _inlines(children or [], origin, {}, notes=False)


def _inlines(tokens: list[Token], origin: Origin, footnote_list: dict, breaks: list[int] | None = None,
             notes: bool = True) -> list[Inline]:
    """Inline tokens → inline nodes; `breaks` (if given) gets the plain-text offset after each line end;
    `notes`: whether note calls may be among them (not inside a note)."""
    root: list[Inline] = []
    stack: list[list[Inline]] = [root]
    length = 0  # of the plain text so far
    for token in tokens:
        if len(stack) > MAX_NESTING:
            raise SourceError(origin.path, origin.line, NESTING_PROBLEM)
        if token.type in ("text", "code_inline"):  # entities (&#7; &#1488;) are decoded by now: check again
            found = characters.problem(token.content)
            if found:
                raise SourceError(origin.path, origin.line, found[1])
        out = stack[-1]
        if token.type == "text":
            _refuse_broken_span(token.content, origin.path, origin.line)
            left = NOTE_CALL_LEFT.search(token.content)
            if left:
                raise SourceError(origin.path, origin.line, f"footnote call [^{left[1]}] has no note: write the note on "
                                  f"a line of its own, '[^{left[1]}]: its text', or remove the call")
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
        elif token.type == "span_open":
            lang = str(token.attrs.get("lang", ""))
            if not re.fullmatch(LANGUAGE_TAG, lang):
                _refuse_broken_span(f"]{{lang={lang}}}", origin.path, origin.line)
            node = Foreign(lang, [])
            out.append(node)
            stack.append(node.children)
        elif token.type in ("em_close", "strong_close", "link_close", "span_close"):
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
