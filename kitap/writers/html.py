"""The web page: one self-contained HTML file (styles, fonts and the notes script inside) that a teacher
can upload to a school site or an LMS."""
from __future__ import annotations

import base64
import re

from ..languages import pack_for
from ..model import Book
from ..render import HTML, STYLES_DIR, TEMPLATES_DIR, Page, render_document
from .fonts import subset_font, visible_characters

FONT_URL = re.compile(r"url\(fonts/([A-Za-z-]+)\.ttf\) format\(\"truetype\"\)")
WEB_FACES = ("NotoSerif-Regular", "NotoSerif-Italic", "NotoSerif-Bold", "NotoSans-Regular", "NotoSans-Bold")


def _fonts_css(characters: set[str]) -> str:
    """fonts.css with each face subset to the page's characters, as WOFF2 data: URLs."""
    def inline(match: re.Match) -> str:
        data = subset_font(STYLES_DIR / "fonts" / f"{match[1]}.ttf", characters, flavor="woff2")
        return f'url(data:font/woff2;base64,{base64.b64encode(data).decode()}) format("woff2")'

    lines = (STYLES_DIR / "fonts.css").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if "@font-face" not in line or any(f"fonts/{f}.ttf" in line for f in WEB_FACES)]
    return FONT_URL.sub(inline, "\n".join(kept))


def page_html(book: Book, scripts: tuple[str, ...] = (), downloads: tuple = ()) -> str:
    """The page as a string (the live preview adds its reload script through `scripts`)."""
    draft = render_document(book, HTML, Page(downloads=downloads))
    characters = visible_characters(draft, pack_for(book.meta.language).letters)
    styles = "\n".join([_fonts_css(characters)] + [(STYLES_DIR / name).read_text(encoding="utf-8")
                                                    for name in ("base.css", "html.css",
                                                                 *(("volume.css",) if book.chapters else ()))])
    notes = (TEMPLATES_DIR / "notes.js").read_text(encoding="utf-8")
    return render_document(book, HTML, Page(inline_styles=styles, scripts=(notes, *scripts), downloads=downloads))


DOWNLOADS = {"pdf": ("{name}.pdf", "PDF (A4)"), "epub": ("{name}.epub", "EPUB")}


def write_html(book: Book, links: tuple[str, ...] = ("pdf", "epub")) -> bytes:
    """The page; its footer links the outputs `links` (those the same build makes) beside its folder."""
    name = book.meta.name  # (an edition's: kazakhstan-un-latn)
    downloads = tuple((f"../{DOWNLOADS[kind][0].format(name=name)}", DOWNLOADS[kind][1]) for kind in links)
    return page_html(book, downloads=downloads).encode("utf-8")
