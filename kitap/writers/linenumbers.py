"""Optional line numbers (every fifth line of each page) in the outer margin of the A4 handout.

WeasyPrint cannot number lines, and any element put into the text can move a line break. So the
numbers are placed from the real line boxes of the finished layout, set on a separate transparent
page by WeasyPrint itself, and stamped onto each page (pypdf), marked as an artifact so screen
readers and the PDF/UA structure ignore them. The text is never laid out again.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from ..weasy import page_box
from .booklet import stable_id

EVERY = 5
PX_TO_PT = 0.75  # WeasyPrint lays out in CSS pixels


@dataclass(frozen=True)
class LineMark:
    page: int      # 0-based page of the text document
    x: float       # right edge of the text column, CSS px
    y: float       # top of the line box, CSS px
    height: float
    number: int


def line_marks(document) -> list[LineMark]:
    """Every fifth line of the article's paragraphs on each page."""
    from .pagemap import line_starts

    marks = []
    for start in line_starts(document):
        if start.line % EVERY == 0:
            page = page_box(document.pages[start.page - 1])
            right = page.content_box_x() + page.width  # the text column's right edge, whatever the line's length
            marks.append(LineMark(start.page - 1, right, start.box.position_y, start.box.height, start.line))
    return marks


def _overlay_pdf(marks: list[LineMark], pages: int, width: float, height: float) -> bytes:
    from weasyprint import HTML

    from ..render import STYLES_DIR, TOOL_ROOT
    from .fetcher import ConfinedFetcher

    sheets = []
    for page in range(pages):
        spans = "".join(f'<span style="left:{m.x + 14:.2f}px;top:{m.y:.2f}px;line-height:{m.height:.2f}px">{m.number}</span>'
                        for m in marks if m.page == page)
        sheets.append(f'<div class="sheet">{spans}</div>')
    html = (f'<html lang="kk"><head><title>line numbers</title><link rel="stylesheet" href="styles/fonts.css"/>'
            f'<style>@page {{ size: {width}px {height}px; margin: 0 }} body {{ margin: 0 }}'
            f'.sheet {{ position: relative; height: {height}px; break-after: page; }}'
            f'.sheet span {{ position: absolute; font: 7pt "Kitap Sans"; color: #555; }}</style></head>'
            f'<body>{"".join(sheets)}</body></html>')
    return HTML(string=html, base_url=str(TOOL_ROOT) + "/", url_fetcher=ConfinedFetcher([STYLES_DIR])).write_pdf()


def overlay_line_numbers(pdf: bytes, marks: list[LineMark], first_page) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream

    width, height = first_page.width, first_page.height
    text_pages = max(m.page for m in marks) + 1
    overlay = PdfWriter(clone_from=PdfReader(io.BytesIO(_overlay_pdf(marks, text_pages, width, height))))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for index in range(text_pages):
        stamp = overlay.pages[index]
        content = ContentStream(stamp.get_contents(), overlay)
        content.set_data(b"/Artifact BMC\n" + content.get_data() + b"\nEMC\n")  # not part of the text
        stamp.replace_contents(content)
        writer.pages[index].merge_page(stamp, over=True)
    out = io.BytesIO()
    writer.write(out)
    return stable_id(out.getvalue())
