"""Office files through Pandoc: its JSON syntax tree → the neutral Imported document.

Pandoc (PyPI `pypandoc-binary`, which ships the program) reads Word, OpenDocument, HTML and Markdown
alike, keeps footnotes and endnotes as notes at their calls, and resolves the formatting that Word
keeps in character styles. It runs with --sandbox: it reads the one file it is given, nothing else.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import PurePosixPath

from ..errors import BuildError, KitapError
from ..model import Inline, Link, NoteRef, Styled, Text
from .document import Imported, Piece, tidy

# Pandoc's input format for each kind of file. `+styles` (Word) keeps each paragraph's style name, for
# the quotation styles Pandoc does not recognise itself; `-smart` keeps the author's own quote marks.
PANDOC_FORMATS = {"docx": "docx+styles", "odt": "odt", "html": "html", "markdown": "markdown-smart"}
# Paragraph styles that mean a block quotation (Word, LibreOffice, their Russian and Kazakh names).
QUOTE_STYLES = {"quote", "intense quote", "quotations", "quotation", "block text", "block quote",
                "цитата", "выделенная цитата", "дәйексөз"}
ALLOWED_LINKS = ("http://", "https://", "mailto:")
STYLE_OF = {"Emph": "em", "Strong": "strong"}
SIMPLE_INLINES = {
    "Str": lambda text: [Text(text)],
    "Space": lambda _: [Text(" ")],
    "SoftBreak": lambda _: [Text(" ")],
    "LineBreak": lambda _: [Styled("br", [])],
    "Code": lambda content: [Text(content[1])],
    "Math": lambda content: [Text(content[1])],
}
# Inline containers whose formatting kitap does not keep → where their inlines are in Pandoc's content
# (None: the content is the inlines).
CONTAINER_INLINES = {"Underline": None, "Strikeout": None, "Superscript": None, "Subscript": None, "SmallCaps": None,
                     "Cite": 1}
TIMEOUT = 120  # seconds: a large document takes Pandoc a few


def run_pandoc(kind: str, path, text: str | None = None) -> dict:
    """Pandoc's syntax tree of a file (or of `text`, for HTML already decoded)."""
    import pypandoc

    command = [pypandoc.get_pandoc_path(), "--sandbox", "-f", PANDOC_FORMATS[kind], "-t", "json"]
    try:
        done = subprocess.run(command + ([] if text is not None else [str(path)]), input=text,
                              capture_output=True, text=True, timeout=TIMEOUT, encoding="utf-8")
    except subprocess.TimeoutExpired:
        raise KitapError(f"{path}: reading the file took more than {TIMEOUT} s; is it a very large document?") from None
    except OSError as error:
        raise BuildError(f"Pandoc could not be started ({error}); reinstall the dependencies: "
                         ".venv/bin/pip install -r requirements.txt") from None
    if done.returncode != 0:
        problem = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise KitapError(f"{path}: the file could not be read as {kind} ({problem}); open it in Word or LibreOffice "
                         "and save it again")
    return json.loads(done.stdout)


def from_pandoc(tree: dict, span_styles: dict[str, tuple[str, ...]] | None = None) -> Imported:
    """`span_styles`: Word character style → the emphasis it gives (Pandoc's `+styles` names them only)."""
    reader = _Reader(span_styles or {})
    for block in tree["blocks"]:
        reader.block(block, quoted=False)
    meta = tree.get("meta", {})
    return Imported(reader.pieces, reader.notes, title=_meta_text(meta.get("title")),
                    subtitle=_meta_text(meta.get("subtitle")), author=_meta_text(meta.get("author")),
                    )


def _meta_text(value) -> str:
    if not value:
        return ""
    if value["t"] == "MetaList":
        return ", ".join(filter(None, (_meta_text(item) for item in value["c"])))
    if value["t"] == "MetaString":
        return value["c"].strip()
    if value["t"] in ("MetaInlines", "MetaBlocks"):
        blocks = value["c"] if value["t"] == "MetaBlocks" else [{"t": "Plain", "c": value["c"]}]
        reader = _Reader()
        return " ".join(_plain(reader.inlines(b["c"])) for b in blocks if b["t"] in ("Para", "Plain")).strip()
    return ""


def _plain(children: list[Inline]) -> str:
    from ..transforms.inline_ops import plain_text

    return plain_text(tidy(children))


class _Reader:
    """Walks Pandoc's blocks; keeps the pieces, the notes and what could not be kept."""

    def __init__(self, span_styles: dict[str, tuple[str, ...]] | None = None):
        self.span_styles = span_styles or {}
        self.pieces: list[Piece] = []
        self.notes: dict[str, list[Inline]] = {}
        self.lost: list[tuple[str, str]] = []  # what the current block could not keep

    def add(self, kind: str, inlines: list, level: int = 0) -> None:
        children = tidy(self.inlines(inlines))
        self.pieces.append(Piece(kind, children, level, lost=self.lost))
        self.lost = []

    def block(self, block: dict, quoted: bool, item: tuple[str, int] | None = None) -> None:
        # one method per kind of Pandoc block; HorizontalRule, RawBlock, Null hold none of the author's words
        handler = getattr(self, "_" + block["t"], None)
        if handler:
            handler(block.get("c"), quoted, item)

    def blocks(self, blocks: list, quoted: bool, item: tuple[str, int] | None = None) -> None:
        for index, block in enumerate(blocks):
            # an item's first paragraph carries its marker; the ones after it are plain paragraphs
            self.block(block, quoted, item if index == 0 else None)

    def _Para(self, content, quoted, item) -> None:
        self.add(item[0] if item else ("quote" if quoted else "p"), content, item[1] if item else 0)

    _Plain = _Para

    def _Header(self, content, quoted, item) -> None:
        self.add("h", content[2], content[0])

    def _LineBlock(self, content, quoted, item) -> None:
        lines = [inline for line in content for inline in [*line, {"t": "LineBreak"}]]
        self.add("quote" if quoted else "p", lines[:-1])

    def _BlockQuote(self, content, quoted, item) -> None:
        self.blocks(content, True)

    def _Div(self, content, quoted, item) -> None:
        style = dict(content[0][2]).get("custom-style", "")
        self.blocks(content[1], quoted or style.strip().lower() in QUOTE_STYLES, item)

    def _BulletList(self, content, quoted, item) -> None:
        for blocks in content:
            self.blocks(blocks, quoted, ("bullet", 0))

    def _OrderedList(self, content, quoted, item) -> None:
        for number, blocks in enumerate(content[1], start=content[0][0]):
            self.blocks(blocks, quoted, ("number", number))

    def _Table(self, content, quoted, item) -> None:
        """A table, row by row: a row of cells that each hold one line of text is one paragraph, its cells
        joined by « — » («Ұн — 500 гр.»), so what a row pairs stays together; any other row is one
        paragraph per cell."""
        self.lost.append(("table", ""))  # told with the paragraph of its first row
        self.blocks(content[1][1], quoted)  # its caption («Абылай өмірінің негізгі кезеңдері»): a paragraph before it
        head, bodies, foot = content[3], content[4], content[5]
        rows = [*head[1], *[row for body in bodies for row in (*body[2], *body[3])], *foot[1]]
        for row in rows:
            cells = [cell[4] for cell in row[1] if cell[4]]
            lines = [_one_line(blocks) for blocks in cells]
            if cells and all(line is not None for line in lines):
                inlines = []
                for line in lines:
                    inlines += ([{"t": "Str", "c": " — "}] if inlines else []) + line
                self.add("quote" if quoted else "p", inlines)
                continue
            for blocks in cells:
                self.blocks(blocks, quoted)

    def _Figure(self, content, quoted, item) -> None:
        self.blocks(content[2], quoted)
        self.blocks(content[1][1], quoted)  # the caption

    def _DefinitionList(self, content, quoted, item) -> None:
        for term, definitions in content:
            self.add("p", term)
            for definition in definitions:
                self.blocks(definition, quoted)

    def _CodeBlock(self, content, quoted, item) -> None:
        self.lost.append(("code", ""))  # told with the paragraph of its first line
        for line in filter(str.strip, content[1].split("\n")):
            self.add("p", [{"t": "Str", "c": line}])

    def inlines(self, inlines: list) -> list[Inline]:
        out: list[Inline] = []
        for inline in inlines:
            kind, content = inline["t"], inline.get("c")
            if kind in SIMPLE_INLINES:
                out.extend(SIMPLE_INLINES[kind](content))
            elif kind in STYLE_OF:
                out.append(Styled(STYLE_OF[kind], self.inlines(content)))
            elif kind in CONTAINER_INLINES:  # formatting kitap does not keep: its words stay
                where = CONTAINER_INLINES[kind]
                out.extend(self.inlines(content if where is None else content[where]))
            elif kind in ("Span", "Link", "Image", "Note", "Quoted"):
                out.extend(getattr(self, "_" + kind)(content))
            # RawInline: markup of another format, not the author's words
        return out

    def _Quoted(self, content) -> list[Inline]:
        marks = ("“", "”") if content[0]["t"] == "DoubleQuote" else ("‘", "’")
        return [Text(marks[0]), *self.inlines(content[1]), Text(marks[1])]

    def _Link(self, content) -> list[Inline]:
        children, target = self.inlines(content[1]), content[2][0]
        return [Link(target, children)] if target.startswith(ALLOWED_LINKS) else children

    def _Image(self, content) -> list[Inline]:
        self.lost.append(("image", PurePosixPath(content[2][0].split("?")[0]).name or "image"))
        return []

    def _Note(self, content) -> list[Inline]:
        key = f"n{len(self.notes) + 1}"
        self.notes[key] = self.note(content)
        return [NoteRef(key)]

    def _Span(self, content) -> list[Inline]:
        children = self.inlines(content[1])
        for style in self.span_styles.get(dict(content[0][2]).get("custom-style", ""), ()):
            children = [Styled(style, children)]
        return children

    def note(self, blocks: list) -> list[Inline]:
        """A note's text on one line: its paragraphs joined by a space (annotations are one paragraph)."""
        inner = _Reader(self.span_styles)
        inner.notes = self.notes
        inner.blocks(blocks, False)
        joined: list[Inline] = []
        for piece in inner.pieces:
            joined.extend([Text(" "), *piece.children] if joined else piece.children)
        self.lost.extend(lost for piece in inner.pieces for lost in piece.lost)
        return tidy(joined)


def _one_line(blocks: list) -> list | None:
    """The inlines of a table cell that holds one paragraph (in a Word style's Div, as +styles gives it), else None."""
    while len(blocks) == 1 and blocks[0]["t"] == "Div":
        blocks = blocks[0]["c"][1]
    if len(blocks) == 1 and blocks[0]["t"] in ("Para", "Plain"):
        return blocks[0]["c"]
    return None
