"""The A4 handout: the single-document HTML laid out by WeasyPrint."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from ..model import Book
from ..render import PDF, STYLES_DIR, TOOL_ROOT, render_document
from .fetcher import ConfinedFetcher


@dataclass
class PdfResult:
    data: bytes
    pages: int
    warnings: list[str]


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def write_pdf(book: Book) -> PdfResult:
    from weasyprint import HTML  # imported here: a no-op rebuild must not pay for it

    html = render_document(book, PDF)
    fetcher = ConfinedFetcher([STYLES_DIR, book.root])
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        document = HTML(string=html, base_url=str(TOOL_ROOT) + "/", url_fetcher=fetcher).render()
        data = document.write_pdf()
    finally:
        logger.removeHandler(collect)
    return PdfResult(data, len(document.pages), collect.messages)
