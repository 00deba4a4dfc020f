"""Print editions: the single-document HTML laid out by WeasyPrint.

The text and the appendices are laid out as two documents joined into one PDF: the text first, so the
appendices can print the real page of every term and event (the layout of the text never depends on
them), then the appendices, with page numbers continuing.
"""
from __future__ import annotations

import atexit
import logging
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial

from ..model import Book
from ..render import PDF, STYLES_DIR, TOOL_ROOT, Page, appendix_parts, text_page
from ..timing import NULL, Stopwatch
from .fetcher import ConfinedFetcher
from ..weasy import free_font_config
from ..weasy.linebreaks import remembered_lines
from ..weasy.notes import remembered_notes
from ..weasy.margins import numbers_to_outer_margin
from ..weasy.tagging import recorded_tags
from .linenumbers import line_marks, overlay_line_numbers
from .pdftags import sound_tags
from .stamp import build_time


@dataclass(frozen=True)
class PrintVariant:
    """One print edition: its output suffix and the stylesheet it adds to print.css."""

    name: str
    suffix: str
    stylesheet: str | None = None
    book_pages: bool = False  # left and right pages: paragraph numbers in the outer margin of both
    hyphenated: bool = True   # soft hyphens in the text (large print: none, see print-large.css)


A4 = PrintVariant("pdf", "")
BOOKLET = PrintVariant("booklet", "-booklet", "styles/print-a5.css", book_pages=True)
LARGE = PrintVariant("large", "-large", "styles/print-large.css", hyphenated=False)
VARIANTS = {variant.name: variant for variant in (A4, BOOKLET, LARGE)}  # output kind → edition


@dataclass
class Layout:
    """The laid-out text and appendices of one edition, and the page of every id in the text."""

    text: object            # weasyprint Document of the title block and the article
    appendices: object      # weasyprint Document of glossary, chronology, colophon; None: the colophon is the text's
    page_of: dict[str, int]
    warnings: list[str]
    line_marks: list = field(default_factory=list)  # LineMark: numbers to print beside the text

    @property
    def pages(self) -> int:
        return len(self.text.pages) + len(self.appendix_pages)

    @property
    def appendix_pages(self) -> list:
        return self.appendices.pages if self.appendices is not None else []


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@lru_cache(maxsize=1)
def _font_config():
    """One font configuration per process: the shipped @font-face fonts are loaded once, not per document."""
    from multiprocessing import util

    from weasyprint.text.fonts import FontConfiguration

    atexit.register(release_fonts)
    util.Finalize(None, release_fonts, exitpriority=0)  # worker processes leave by os._exit after these
    return FontConfiguration()


def release_fonts() -> None:
    """Remove the font configuration's temporary folder now. WeasyPrint removes it when the object is
    freed, which never happens in a process that leaves by os._exit (a pool worker, a build's helper,
    the CLI itself)."""
    if _font_config.cache_info().currsize:
        config = _font_config()
        _stylesheets.cache_clear()  # they refer to the configuration
        _font_config.cache_clear()
        free_font_config(config)


def print_target(variant: PrintVariant):
    """The render target of an edition: large print has no soft hyphens at all (`hyphens: none` is not
    enough: WeasyPrint 70 still breaks footnotes at them), and breaks no line at a word's own hyphen
    («генерал-губернатор», «Ей-богу»)."""
    return PDF if variant.hyphenated else replace(PDF, hyphenate=False, whole_words=True)


def _html(book: Book, page: Page, target=PDF) -> str:
    from ..render import render_document

    return render_document(book, target, page)


@lru_cache(maxsize=None)
def _stylesheets(names: tuple[str, ...]) -> list:
    """The print stylesheets, parsed once per process and given to every document (text, appendices,
    each edition) instead of being linked from it and parsed again: the same cascade, the same bytes."""
    from weasyprint import CSS

    fetcher = ConfinedFetcher([STYLES_DIR])
    return [CSS(url=(TOOL_ROOT / name).as_uri(), url_fetcher=fetcher, font_config=_font_config()) for name in names]


@lru_cache(maxsize=None)
def _setting(names: tuple[str, ...]):
    """The line setting of the edition these stylesheets make (writers/setting.py), once per process."""
    from weasyprint import HTML

    from .setting import line_setting

    def render(html: str):
        return HTML(string=html, base_url=str(TOOL_ROOT) + "/", url_fetcher=ConfinedFetcher([STYLES_DIR])).render(
            font_config=_font_config(), stylesheets=_stylesheets(names))

    return line_setting(render)


def _render(book: Book, page: Page, watch: Stopwatch, html_for):
    from weasyprint import HTML  # imported here: a no-op rebuild must not pay for it

    with watch.stage("html"):
        html = html_for(page) if html_for else _html(book, page)
    with watch.stage("layout"), remembered_lines(), remembered_notes():
        fetcher = ConfinedFetcher([STYLES_DIR, book.root])
        return HTML(string=html, base_url=str(TOOL_ROOT) + "/", url_fetcher=fetcher).render(
            font_config=_font_config(), stylesheets=_stylesheets((*PDF.stylesheets, *page.extra_stylesheets)))


MAX_MENDING_ROUNDS = 4


def _mended(book: Book, page: Page, watch: Stopwatch, html_for):
    """The layout of `page`, made again with the adjustments its pagination problems ask for (a word
    hyphenated across pages, a note on the page after its call: writers/pagination.py) until it has none."""
    from .pagination import colophon_alone, mended, problems

    document = _render(book, page, watch, html_for)
    for _ in range(MAX_MENDING_ROUNDS):
        found = problems(document)
        if not found:
            break
        page = mended(page, found)
        document = _render(book, page, watch, html_for)
    if colophon_alone(document) and not page.compact_colophon:
        return _closer_colophon(book, page, watch, html_for, document)
    return document


def _closer_colophon(book: Book, page: Page, watch: Stopwatch, html_for, document):
    """The layout with the colophon set closer (print.css), when that saves the last page it spilled onto
    alone; else `document` as it was (a colophon that moved whole to its page stays as set)."""
    from .pagination import problems

    closer = _render(book, replace(page, compact_colophon=True), watch, html_for)
    return closer if len(closer.pages) < len(document.pages) and not problems(closer) else document


def colophon_with_text(book: Book) -> bool:
    """A book with no appendix (no glossary, chronology …) prints its colophon after the text, on the text's
    last page when it has room: a one-page handout stays one sheet of paper, not two. (The appendices are
    laid out after the text for its page numbers; the colophon gives none.)"""
    from ..appendices import appendices

    return not book.chapters and not any(book.appendices.get(appendix.name) for appendix in appendices())


def lay_out(book: Book, variant: PrintVariant = A4, watch: Stopwatch = NULL, line_numbers: bool = False,
            html_for=None) -> Layout:
    """Lay out the text, then the appendices with the text's real page numbers. `html_for(page)`: the
    HTML of a `Page` of this book for print, when another process renders it (default: render here)."""
    from .pagination import colophon_alone

    extra = (variant.stylesheet,) if variant.stylesheet else ()
    if not variant.hyphenated and html_for is None:
        html_for = partial(_html, book, target=print_target(variant))
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        with watch.stage("layout"):
            setting = _setting((*PDF.stylesheets, *extra))
        together = colophon_with_text(book)
        first = text_page(extra, setting)
        text = _mended(book, replace(first, parts=(*first.parts, "colophon")) if together else first, watch, html_for)
        if variant.book_pages:
            numbers_to_outer_margin(text)
        page_of = {ident: number for number, page in enumerate(text.pages, start=1) for ident in page.anchors}
        after = Page(parts=appendix_parts(), extra_stylesheets=extra, first_page=len(text.pages) + 1, page_of=page_of,
                     linked_styles=False, lines=setting)
        appendices = None if together else _render(book, after, watch, html_for)
        if appendices is not None and colophon_alone(appendices):  # its colophon alone on a last sheet: set closer
            appendices = _closer_colophon(book, after, watch, html_for, appendices)
    finally:
        logger.removeHandler(collect)
    marks = line_marks(text) if line_numbers else []
    return Layout(text, appendices, page_of, collect.messages, marks)


def write_pdf(book: Book, layout: Layout, archival: bool = False) -> bytes:
    """PDF/UA-1 (tagged, accessible), or PDF/A-3b with tags for archives."""
    joined = layout.text.copy(layout.text.pages + layout.appendix_pages)
    data = write_document(book, joined, archival)
    return overlay_line_numbers(data, layout.line_marks, layout.text.pages[0]) if layout.line_marks else data


def write_document(book: Book, document, archival: bool = False) -> bytes:
    """One laid-out WeasyPrint document written as the book's PDF (a volume's part: writers/volume.py)."""
    stamp = build_time(book).strftime("%Y-%m-%dT%H:%M:%SZ")
    document.metadata.created = document.metadata.modified = stamp
    variant = "pdf/a-3b" if archival else "pdf/ua-1"
    with recorded_tags() as record:
        data = document.write_pdf(pdf_variant=variant, pdf_tags=True, pdf_identifier=book.meta.identifier.encode())
    return sound_tags(data, record)  # the structure tree a screen reader can follow (writers/pdftags.py)
