"""The worksheet and its answer key as PDFs: one template (templates/worksheet.html.j2, `key` on or off)
laid out by WeasyPrint with the project's fonts, tagged PDF/UA-1 as the handout is."""
from __future__ import annotations

from .. import __version__
from ..languages import pack_for
from ..model import Book
from ..render import STYLES_DIR, TOOL_ROOT
from ..typography import typeset

STYLESHEETS = ("styles/fonts.css", "styles/worksheet.css")
TEMPLATE = "worksheet.html.j2"


def worksheet_html(book: Book, tasks: list, key: bool) -> str:
    """The worksheet (or, with `key`, its answer key) as HTML. Pure: nothing is read or written."""
    from ..render import environment

    pack = pack_for(book.meta.language)
    labels = pack.labels
    title = f"{labels['worksheet']}{' · ' + labels['answer_key'] if key else ''}: {book.meta.title}"
    return environment().get_template(TEMPLATE).render(
        meta=book.meta, tasks=tasks, key=key, L=labels, T=lambda text: typeset(text, pack.typography),
        format_date=pack.format_date, title=title, version=__version__)


def worksheet_pdf(book: Book, tasks: list, key: bool) -> tuple[bytes, int]:
    """The PDF and its page count."""
    from weasyprint import HTML

    from ..writers.fetcher import ConfinedFetcher
    from ..writers.pdf import _font_config, _stylesheets  # one font configuration and parsed CSS per process
    from ..writers.stamp import build_time

    document = HTML(string=worksheet_html(book, tasks, key), base_url=str(TOOL_ROOT) + "/",
                    url_fetcher=ConfinedFetcher([STYLES_DIR])).render(font_config=_font_config(),
                                                                     stylesheets=_stylesheets(STYLESHEETS))
    document.metadata.created = document.metadata.modified = build_time(book).strftime("%Y-%m-%dT%H:%M:%SZ")
    identifier = f"{book.meta.identifier}#{'answers' if key else 'worksheet'}".encode()
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, pdf_identifier=identifier), len(document.pages)
