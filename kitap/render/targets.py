"""What a rendered document is for (PDF, EPUB, web page) and its options: no Jinja, no model walking,
so a process that only lays out HTML rendered elsewhere (the build's main process) imports just this."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..appendices import names as appendix_names

TOOL_ROOT = Path(__file__).resolve().parents[2]
TEMPLATES_DIR = TOOL_ROOT / "templates"
STYLES_DIR = TOOL_ROOT / "styles"

def appendix_parts() -> tuple[str, ...]:
    """The parts after the article, in reading order: the registered appendices (kitap/appendices), the colophon."""
    return (*appendix_names(), "colophon")


def parts() -> tuple[str, ...]:
    """Parts of a book, in reading order; the EPUB puts each in its own file."""
    return ("article", *appendix_parts())


@dataclass(frozen=True)
class Target:
    """What differs between writers, as explicit flags over one template set."""

    name: str               # 'pdf', 'epub' or 'html'
    single_document: bool   # every part in one HTML document (links are '#id')
    footnotes: str          # 'float': notes inline for WeasyPrint's float: footnote; 'aside': pop-up notes
    epub_semantics: bool    # emit epub:type attributes (only valid in EPUB's XHTML)
    paged: bool             # references give page numbers (from the real layout), not paragraph numbers
    stylesheets: tuple[str, ...]
    hyphenate: bool = False  # soft hyphens at Kazakh syllable breaks (print only: in an e-book they break
                             # search, copied text and text-to-speech; see README, E-readers)
    contents: bool = False   # a table of contents after the title block (the web page; the EPUB has its nav)
    whole_words: bool = False  # a word's own hyphen breaks no line either (large print: no word is split)


PDF = Target("pdf", True, "float", False, True, ("styles/fonts.css", "styles/base.css", "styles/print.css"), True)
EPUB = Target("epub", False, "aside", True, False, ("styles/fonts.css", "styles/base.css", "styles/epub.css"))
HTML = Target("html", True, "aside", False, False, ("styles/fonts.css", "styles/base.css", "styles/html.css"),
              contents=True)


@dataclass
class Page:
    """Options of one rendered document: which parts, extra styles, where page numbering starts."""

    parts: tuple[str, ...] = field(default_factory=parts)
    title: str = ""
    extra_stylesheets: tuple[str, ...] = ()
    first_page: int = 1
    page_of: dict[str, int] = field(default_factory=dict)
    page_breaks: dict[str, list[int]] = field(default_factory=dict)
    inline_styles: str = ""                 # the web page carries its styles (and fonts) inside
    scripts: tuple[str, ...] = ()
    downloads: tuple = ()                   # (href, title) links to the other outputs
    linked_styles: bool = True              # <link> the stylesheets; False: the writer supplies them parsed
    # Adjustments after a first layout (writers/pagination.py): words set without their soft hyphens
    # (paragraph id → letters and digits before each), notes kept on their call's page.
    unhyphenated: dict[str, tuple[int, ...]] = field(default_factory=dict)
    keep_notes: tuple[str, ...] = ()        # note ids
    new_page_before: tuple[str, ...] = ()   # paragraph ids that start a new page
    compact_colophon: bool = False          # the colophon set smaller: it spilled alone onto a last page
    lines: object = None                    # print: the edition's kitap.lines.Setting (breaks chosen by kitap)
    # A course volume: the chapters the article part renders (by number; () all, after the title page),
    # whether pages carry their folio (False: writers/volume.py stamps them once the pages are counted),
    # whether the first page is an opening without running heads, and whether its pages are a book's
    # (the booklet: the volume's title over left-hand pages, the chapter's over right-hand ones).
    chapters: tuple[int, ...] = ()
    folios: bool = True
    opening: bool = False
    mirrored: bool = False


LINK_SCHEME = "kitap:"  # a volume's printed parts link to each other as kitap:ID (writers/pdfmerge.py resolves them)


def text_page(extra_stylesheets: tuple[str, ...] = (), lines=None) -> Page:
    """The print editions' first document: the title block and the article (the appendices follow as a
    second document, once the text's pages are known); `lines`: the edition's line setting."""
    return Page(parts=("article",), extra_stylesheets=extra_stylesheets, linked_styles=False, lines=lines)
