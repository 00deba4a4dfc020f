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
TRANSPARENT_INLINES = ("Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps")
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
        kind, content = block["t"], block.get("c")
        if kind in ("Para", "Plain"):
            self.add(item[0] if item else ("quote" if quoted else "p"), content, item[1] if item else 0)
        elif kind == "Header":
            self.add("h", content[2], content[0])
        elif kind == "LineBlock":
            lines = [inline for line in content for inline in [*line, {"t": "LineBreak"}]]
            self.add("quote" if quoted else "p", lines[:-1])
        elif kind == "BlockQuote":
            self.blocks(content, True)
        elif kind == "Div":
            style = dict(content[0][2]).get("custom-style", "")
            self.blocks(content[1], quoted or style.strip().lower() in QUOTE_STYLES, item)
        elif kind in ("BulletList", "OrderedList"):
            self.list_items(kind, content, quoted)
        elif kind == "Table":
            self.table(content, quoted)
        elif kind == "Figure":
            self.blocks(content[2], quoted)
            self.blocks(content[1][1], quoted)  # the caption
        elif kind == "DefinitionList":
            for term, definitions in content:
                self.add("p", term)
                for definition in definitions:
                    self.blocks(definition, quoted)
        elif kind == "CodeBlock":
            for line in filter(str.strip, content[1].split("\n")):
                self.add("p", [{"t": "Str", "c": line}])
        # HorizontalRule, RawBlock, Null: no words of the text are there

    def blocks(self, blocks: list, quoted: bool, item: tuple[str, int] | None = None) -> None:
        for index, block in enumerate(blocks):
            # an item's first paragraph carries its marker; the ones after it are plain paragraphs
            self.block(block, quoted, item if index == 0 else None)

    def list_items(self, kind: str, content, quoted: bool) -> None:
        start, items = (content[0][0], content[1]) if kind == "OrderedList" else (1, content)
        for number, blocks in enumerate(items, start=start):
            marker = ("number", number) if kind == "OrderedList" else ("bullet", 0)
            self.blocks(blocks, quoted, marker)

    def table(self, content, quoted: bool) -> None:
        self.lost.append(("table", ""))  # told with the paragraph of its first cell
        head, bodies, foot = content[3], content[4], content[5]
        rows = [*head[1], *[row for body in bodies for row in (*body[2], *body[3])], *foot[1]]
        for row in rows:
            for cell in row[1]:
                self.blocks(cell[4], quoted)

    def inlines(self, inlines: list) -> list[Inline]:
        out: list[Inline] = []
        for inline in inlines:
            out.extend(self.inline(inline))
        return out

    def inline(self, inline: dict) -> list[Inline]:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            return [Text(content)]
        if kind in ("Space", "SoftBreak"):
            return [Text(" ")]
        if kind == "LineBreak":
            return [Styled("br", [])]
        if kind in STYLE_OF:
            return [Styled(STYLE_OF[kind], self.inlines(content))]
        if kind in TRANSPARENT_INLINES:
            return self.inlines(content)
        if kind == "Span":
            return self.span(content)
        if kind == "Cite":
            return self.inlines(content[1])
        if kind == "Quoted":
            marks = ("“", "”") if content[0]["t"] == "DoubleQuote" else ("‘", "’")
            return [Text(marks[0]), *self.inlines(content[1]), Text(marks[1])]
        if kind in ("Code", "Math"):
            return [Text(content[1])]
        if kind == "Link":
            children, target = self.inlines(content[1]), content[2][0]
            return [Link(target, children)] if target.startswith(ALLOWED_LINKS) else children
        if kind == "Image":
            self.lost.append(("image", PurePosixPath(content[2][0].split("?")[0]).name or "image"))
            return []
        if kind == "Note":
            key = f"n{len(self.notes) + 1}"
            self.notes[key] = self.note(content)
            return [NoteRef(key)]
        return []  # RawInline: markup of another format, not the author's words

    def span(self, content) -> list[Inline]:
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
