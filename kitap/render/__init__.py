"""Stage 3: model + templates → HTML strings. Pure: no file is written, nothing is fetched."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .. import __version__
from ..kazakh.dates import format_date
from ..model import Book, Inline, Link, Mark, NoteRef, Styled, Text
from .labels import labels_for

TOOL_ROOT = Path(__file__).resolve().parents[2]
TEMPLATES_DIR = TOOL_ROOT / "templates"
STYLES_DIR = TOOL_ROOT / "styles"

# Parts of a book, in reading order; the EPUB puts each in its own file.
PARTS = ("article", "glossary", "chronology", "colophon")


@dataclass(frozen=True)
class Target:
    """What differs between writers, as explicit flags over one template set."""

    name: str               # 'pdf', 'epub' or 'html'
    single_document: bool   # every part in one HTML document (links are '#id')
    footnotes: str          # 'float': notes inline for WeasyPrint's float: footnote; 'aside': pop-up notes
    epub_semantics: bool    # emit epub:type attributes (only valid in EPUB's XHTML)
    paged: bool             # page numbers exist (CSS target-counter works)
    stylesheets: tuple[str, ...]


PDF = Target("pdf", True, "float", False, True, ("styles/fonts.css", "styles/base.css", "styles/print.css"))
EPUB = Target("epub", False, "aside", True, False, ("styles/fonts.css", "styles/base.css", "styles/epub.css"))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["kkdate"] = format_date
    return env


class Renderer:
    """Renders inline content and links for one book and one target."""

    def __init__(self, book: Book, target: Target):
        self.book, self.target = book, target
        self.notes = {note.key: note for note in book.notes}
        self.glossary = {entry.id: entry for entry in book.glossary}

    def href(self, part: str, ident: str) -> str:
        return f"#{ident}" if self.target.single_document else f"{part}.xhtml#{ident}"

    def inline(self, children: list[Inline]) -> Markup:
        out: list[str] = []
        previous = None
        for node in children:
            if isinstance(node, NoteRef) and isinstance(previous, NoteRef):
                out.append('<span class="note-sep">,</span>')
            out.append(self._node(node))
            previous = node
        return Markup("".join(out))

    def _node(self, node: Inline) -> str:
        if isinstance(node, Text):
            return str(escape(node.text))
        if isinstance(node, Styled):
            return "<br/>" if node.style == "br" else f"<{node.style}>{self.inline(node.children)}</{node.style}>"
        if isinstance(node, Link):
            return f'<a class="external" href="{escape(node.href)}">{self.inline(node.children)}</a>'
        if isinstance(node, Mark):
            return self._mark(node)
        if isinstance(node, NoteRef):
            return self._noteref(node)
        raise TypeError(node)

    def _mark(self, node: Mark) -> str:
        if node.kind == "abbr":
            entry = self.glossary[node.ref]
            return (f'<a class="abbr-link" id="{node.id}" href="{self.href("glossary", node.ref)}">'
                    f'<abbr title="{escape(entry.expansion)}">{self.inline(node.children)}</abbr></a>')
        return f'<a class="chrono-link" id="{node.id}" href="{self.href("chronology", node.ref)}">{self.inline(node.children)}</a>'

    def _noteref(self, node: NoteRef) -> str:
        note = self.notes[node.key]
        if self.target.footnotes == "float":
            return f'<span class="footnote" id="fn-{note.number}">{self.inline(note.body)}</span>'
        epub = ' epub:type="noteref"' if self.target.epub_semantics else ""
        return (f'<a class="noteref" id="fnref-{note.number}" href="#fn-{note.number}"{epub} role="doc-noteref">'
                f'{note.number}</a>')


def render_document(book: Book, target: Target, parts: tuple[str, ...] = PARTS, title: str = "",
                    stylesheet_prefix: str = "") -> str:
    """One HTML document holding `parts` of the book."""
    renderer = Renderer(book, target)
    return environment().get_template("book.html.j2").render(
        book=book, meta=book.meta, target=target, parts=parts, r=renderer, L=labels_for(book.meta.language),
        version=__version__, title=title or book.meta.title,
        stylesheets=[stylesheet_prefix + s for s in target.stylesheets])
