"""The EPUB 3: the same templates as the PDF, one file per part, pop-up notes, embedded fonts."""
from __future__ import annotations

import html as htmllib
import io
import re
import zipfile

from ebooklib import epub

from ..model import Book
from ..render import EPUB, PARTS, STYLES_DIR, Page, render_document
from ..render.labels import labels_for
from .fonts import epub_fonts
from .stamp import build_time

PART_LABEL = {"article": None, "glossary": "glossary", "chronology": "chronology", "colophon": "colophon"}
TAG_RE = re.compile(r"<[^>]+>")


def _present_parts(book: Book) -> list[str]:
    return [p for p in PARTS if not (p == "glossary" and not book.glossary) and not (p == "chronology" and not book.chronology)]


def _title(book: Book, part: str) -> str:
    label = PART_LABEL[part]
    return labels_for(book.meta.language)[label] if label else book.meta.title


def write_epub(book: Book, print_layout=None) -> bytes:
    """The EPUB; with the A4 `print_layout`, its page list matches the printed handout."""
    meta = book.meta
    stamp = build_time(book)
    eb = epub.EpubBook()
    eb.set_identifier(meta.identifier)
    eb.set_title(meta.title)
    eb.set_language(meta.language)
    eb.add_author(meta.author, uid="author")
    for name, value in (("date", meta.date), ("rights", meta.rights), ("publisher", meta.publisher),
                        ("description", meta.description)):
        if value:
            eb.add_metadata("DC", name, value)

    stylesheets = [epub.EpubItem(uid=f"css-{name}", file_name=f"styles/{name}.css", media_type="text/css",
                                 content=(STYLES_DIR / f"{name}.css").read_bytes()) for name in ("fonts", "base", "epub")]
    documents = []
    for part in _present_parts(book):
        title = _title(book, part)
        content = render_document(book, EPUB, Page(parts=(part,), title=title))
        doc = epub.EpubHtml(uid=part, file_name=f"{part}.xhtml", title=title, lang=meta.language, content=content)
        for sheet in stylesheets:
            doc.add_link(href=sheet.file_name, rel="stylesheet", type="text/css")
        documents.append(doc)

    text = "".join(htmllib.unescape(TAG_RE.sub("", d.content)) for d in documents) + meta.title + meta.author
    for name, data in epub_fonts(set(text)).items():
        eb.add_item(epub.EpubItem(uid=f"font-{name.split('.')[0]}", file_name=f"styles/fonts/{name}",
                                  media_type="font/ttf", content=data))
    for item in (*stylesheets, *documents):
        eb.add_item(item)
    eb.toc = [epub.Link(d.file_name, d.title, f"toc-{d.id}") for d in documents]
    eb.add_item(epub.EpubNcx())
    nav = epub.EpubNav(title=labels_for(meta.language)["contents"])
    nav.lang = meta.language
    eb.add_item(nav)
    eb.spine = documents

    raw = io.BytesIO()
    epub.write_epub(raw, eb, {"epub3_pages": False, "mtime": stamp.replace(tzinfo=None), "raise_exceptions": True})
    return normalise_zip(raw.getvalue(), stamp.timetuple()[:6])


def normalise_zip(data: bytes, date_time: tuple) -> bytes:
    """Same bytes for the same content: mimetype first and stored, fixed order, times and attributes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    order = ["mimetype", "META-INF/container.xml"] + sorted(n for n in names if n not in ("mimetype", "META-INF/container.xml"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()
