"""The EPUB 3: the same templates as the PDF, one file per part, pop-up notes, embedded fonts,
accessibility metadata, and the printed handout's page numbers."""
from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass

from ebooklib import epub

from ..model import Book, PageBreak, Styled
from ..render import EPUB, STYLES_DIR, Page, environment, heading_tree, present_parts, render_document
from ..render.document import chapter_file
from ..languages import pack_for
from ..transforms.inline_ops import insert_at_word_of_alnum, walk
from .cover import cover_png
from .fonts import epub_fonts, visible_characters
from .pagemap import PageStart
from .stamp import build_time

# Apple Books shows the embedded fonts only when the book says so, in this file of its own.
APPLE_OPTIONS = "META-INF/com.apple.ibooks.display-options.xml"
APPLE_DISPLAY_OPTIONS = (b'<?xml version="1.0" encoding="UTF-8"?>\n<display_options>\n  <platform name="*">\n'
                         b'    <option name="specified-fonts">true</option>\n  </platform>\n</display_options>\n')
COLOPHON_IDS = ("col", "cor")  # element ids of the colophon (the appendices declare their own)
LANDMARKS = (("cover", "cover.xhtml", "cover"), ("toc", "nav.xhtml#toc", "contents"),
             ("bodymatter", "article.xhtml#article", None))
ACCESSIBILITY_FEATURES = ("tableOfContents", "readingOrder", "structuralNavigation", "pageBreakMarkers",
                          "pageNavigation", "printPageNumbers", "displayTransformability", "alternativeText")


@dataclass(frozen=True)
class NavEntry:
    href: str
    title: str
    children: tuple["NavEntry", ...] = ()


def _nav_entries(file_name: str, entries) -> tuple[NavEntry, ...]:
    """Table-of-contents entries (render.TocEntry) of one document as nav entries, nested alike."""
    return tuple(NavEntry(f"{file_name}#{e.id}", e.title, _nav_entries(file_name, e.children)) for e in entries)


def _ncx(entry: NavEntry, uid: str):
    """ebooklib's form of a nav entry for the NCX: a link, or a section with its children."""
    if not entry.children:
        return epub.Link(entry.href, entry.title, uid)
    return (epub.Section(entry.title, entry.href),
            [_ncx(child, f"{uid}-{n}") for n, child in enumerate(entry.children, start=1)])


@dataclass(frozen=True)
class Landmark:
    kind: str
    href: str
    title: str


def _part_of(element_id: str) -> str:
    """The part (file) of the e-book an element id is in."""
    from ..appendices import appendices

    owners = [(prefix, a.name) for a in appendices() for prefix in a.ids] + [(p, "colophon") for p in COLOPHON_IDS]
    return next((part for prefix, part in owners if element_id.startswith(prefix)), "article")


def _landmarks(labels, title: str, parts: list[str], book: Book | None = None) -> list[Landmark]:
    """Cover, contents, the text (a volume: its first chapter), then each appendix present by its epub:type."""
    from ..appendices import appendices

    marks = [Landmark(kind, href, labels[label] if label else title) for kind, href, label in LANDMARKS]
    if book is not None and book.chapters:
        first = book.chapters[0]
        marks[-1] = Landmark("bodymatter", f"{chapter_file(first.number)}#{first.id}", title)
    return marks + [Landmark(a.epub_type, f"{a.name}.xhtml", labels[a.name]) for a in appendices() if a.name in parts]


# SVG attribute names lxml's HTML parser (inside ebooklib) lower-cases; XHTML is case-sensitive.
SVG_ATTRIBUTES = tuple(name.encode() for name in ("viewBox", "preserveAspectRatio", "textLength", "lengthAdjust"))


class _Document(epub.EpubHtml):
    """An XHTML document of the e-book, the case of its inline SVG's attribute names given back."""

    def get_content(self, default=None):
        content = super().get_content(default)
        for name in SVG_ATTRIBUTES:
            content = content.replace(b" " + name.lower() + b'="', b" " + name + b'="')
        return content


def _pages(book: Book, labels, page_breaks) -> list[tuple[str, Page]]:
    """The e-book's documents (file name without .xhtml, what it renders): one per part; a volume's title
    page, then one per chapter."""
    pages = []
    for part in present_parts(book):
        if part == "article" and book.chapters:
            pages += [(chapter_file(c.number).removesuffix(".xhtml"),
                       Page(parts=("article",), chapters=(c.number,), title=c.meta.title, page_breaks=page_breaks))
                      for c in book.chapters]
            continue
        title = book.meta.title if part in ("article", "front") else labels[part]
        pages.append((part, Page(parts=(part,), title=title, page_breaks=page_breaks)))
    return pages


def _volume_toc(book: Book, documents) -> list[NavEntry]:
    """A volume's navigation: its title page, its parts with their chapters (each with its headings), the
    appendices."""
    from ..render import Renderer

    renderer = Renderer(book, EPUB)
    files = {d.file_name: d for d in documents}
    toc: list[NavEntry] = []
    for d in documents:
        if d.file_name.startswith("chapter-"):
            continue
        if d.id != "front":
            toc.append(NavEntry(d.file_name, d.title))
            continue
        toc.append(NavEntry(d.file_name, d.title))
        for entry in renderer.chapter_tree():  # parts and chapters, in order, after the title page
            toc.append(_volume_entry(entry, renderer, files))
    return toc


def _volume_entry(entry, renderer, files) -> NavEntry:
    file_name = renderer.file_of("article", entry.id)
    return NavEntry(f"{file_name}#{entry.id}", entry.title,
                    tuple(_volume_entry(child, renderer, files) for child in entry.children))


def _file_finder(book: Book):
    """The e-book file of an element id (a volume's text: its chapter's file)."""
    if not book.chapters:
        return lambda element_id: f"{_part_of(element_id)}.xhtml"
    from ..transforms.volume import chapter_of

    where = chapter_of(book)

    def file_of(element_id: str) -> str:
        if element_id in where:
            return chapter_file(where[element_id])
        if element_id in ("title", "contents", "contents-heading"):
            return "front.xhtml"
        return f"{_part_of(element_id)}.xhtml"

    return file_of


def place_page_breaks(book: Book, starts: list[PageStart]) -> dict[str, list[int]]:
    """EPUB-only transform: page breaks inside paragraphs go into the (copied) model; the others are
    returned as element id → page numbers for the templates to mark."""
    blocks = {b.id: b for b in book.blocks if b.number}
    elsewhere: dict[str, list[int]] = {}
    for start in starts:
        block = blocks.get(start.element_id)
        if block is None or start.alnum_offset is None:
            elsewhere.setdefault(start.element_id, []).append(start.page)
            continue
        insert_at_word_of_alnum(block.children, start.alnum_offset, PageBreak(start.page))
    return elsewhere


def _faces_used(book: Book) -> set[str]:
    """Bold italic only when the text nests strong and emphasis; the other faces the styles always use."""
    faces = {"NotoSerif-Regular", "NotoSerif-Italic", "NotoSerif-Bold", "NotoSans-Regular", "NotoSans-Bold"}
    runs = [b.children for b in book.blocks] + [n.body for n in book.notes]
    for children in runs:
        for node in walk(children):
            if isinstance(node, Styled) and node.style in ("em", "strong"):
                inner = {"em": "strong", "strong": "em"}[node.style]
                if any(isinstance(n, Styled) and n.style == inner for n in walk(node.children)):
                    faces.add("NotoSerif-BoldItalic")
    return faces


def _stylesheet(name: str, faces: set[str]) -> bytes:
    """A shared stylesheet; fonts.css keeps only the @font-face rules of the faces embedded."""
    lines = (STYLES_DIR / f"{name}.css").read_text(encoding="utf-8").splitlines(keepends=True)
    if name == "fonts":
        lines = [line for line in lines if "@font-face" not in line or any(f"fonts/{face}.ttf" in line for face in faces)]
    return "".join(lines).encode("utf-8")


def write_epub(book: Book, starts: list[PageStart] = (), cover: bytes | None = None) -> bytes:
    """The EPUB; with the A4 handout's page `starts`, its page list and markers match the printed
    handout. `cover`: the cover image, if already made (`cover_png(book.meta)`)."""
    meta = book.meta
    labels = pack_for(meta.language).labels
    stamp = build_time(book)
    book = copy.deepcopy(book)  # page breaks are for the EPUB only
    page_breaks = place_page_breaks(book, starts)
    file_of = _file_finder(book)

    eb = epub.EpubBook()
    eb.set_identifier(meta.identifier)
    eb.set_title(meta.title)
    eb.set_language(meta.language)
    eb.add_author(meta.author, uid="author")
    for name, value in (("date", meta.date), ("rights", meta.rights), ("publisher", meta.publisher),
                        ("description", meta.description), ("source", meta.source)):
        if value:
            eb.add_metadata("DC", name, value)
    _accessibility_metadata(eb, book, labels, paged=bool(starts))
    eb.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})  # EPUB 2 readers' cover

    faces = _faces_used(book)
    stylesheets = [epub.EpubItem(uid=f"css-{name}", file_name=f"styles/{name}.css", media_type="text/css",
                                 content=_stylesheet(name, faces))
                   for name in ("fonts", "base", "epub", *(("volume",) if book.chapters else ()))]
    cover_image = epub.EpubItem(uid="cover-image", file_name="images/cover.png", media_type="image/png",
                                content=cover or cover_png(meta))
    cover_image.properties = ["cover-image"]
    cover = epub.EpubHtml(uid="cover", file_name="cover.xhtml", title=labels["cover"], lang=meta.language,
                          content=environment().get_template("cover.xhtml.j2").render(meta=meta, image="images/cover.png"))
    documents = []
    for uid, page in _pages(book, labels, page_breaks):
        content = render_document(book, EPUB, page)
        doc = _Document(uid=uid, file_name=f"{uid}.xhtml", title=page.title, lang=meta.language, content=content)
        if "<svg" in content:  # the chronology's timeline: the manifest must say the document holds SVG
            doc.properties.append("svg")
        for sheet in stylesheets:
            doc.add_link(href=sheet.file_name, rel="stylesheet", type="text/css")
        documents.append(doc)

    characters = visible_characters(*(d.content for d in documents), meta.title, meta.author,
                                    pack_for(meta.language).letters)
    for name, data in epub_fonts(characters, faces).items():
        eb.add_item(epub.EpubItem(uid=f"font-{name.split('.')[0]}", file_name=f"styles/fonts/{name}",
                                  media_type="font/ttf", content=data))
    for item in (*stylesheets, cover_image, cover, *documents):
        eb.add_item(item)
    # the notes gathered after the text are an entry of the contents too: a pupil reads them all at once there
    notes = (NavEntry("article.xhtml#notes", labels["notes"]),) if book.notes and not book.chapters else ()
    toc = _volume_toc(book, documents) if book.chapters else \
        [NavEntry(d.file_name, d.title, (*_nav_entries(d.file_name, heading_tree(book)), *notes) if d.id == "article"
                  else ()) for d in documents]
    eb.toc = [_ncx(entry, f"toc-{n}") for n, entry in enumerate(toc, start=1)]
    eb.add_item(epub.EpubNcx())
    nav = epub.EpubNav(title=labels["contents"])
    eb.add_item(nav)
    for sheet in stylesheets[2:]:
        cover.add_link(href=sheet.file_name, rel="stylesheet", type="text/css")
    eb.spine = [cover, *documents, ("nav", "no")]
    # EPUB 2's guide names the cover page: without it calibre (Kindle's AZW3, its PDF) adds a cover page of
    # its own before this one, and the book opened on the cover twice
    eb.guide.append({"type": "cover", "href": "cover.xhtml", "title": labels["cover"]})

    nav_xhtml = environment().get_template("nav.xhtml.j2").render(
        meta=meta, L=labels, documents=toc,
        landmarks=_landmarks(labels, meta.title, [d.id for d in documents], book),
        pages=[NavEntry(f"{file_of(s.element_id)}#page-{s.page}", str(s.page)) for s in starts])
    raw = io.BytesIO()
    epub.write_epub(raw, eb, {"epub3_pages": False, "mtime": stamp.replace(tzinfo=None), "raise_exceptions": True})
    opf = zipfile.ZipFile(io.BytesIO(raw.getvalue())).read("EPUB/content.opf")
    return normalise_zip(raw.getvalue(), stamp.timetuple()[:6], {
        "EPUB/nav.xhtml": nav_xhtml.encode("utf-8"), "EPUB/content.opf": _package_language(opf, meta.language),
        APPLE_OPTIONS: APPLE_DISPLAY_OPTIONS})


def _package_language(opf: bytes, language: str) -> bytes:
    """The package document with its own language (xml:lang on <package>: Ace's epub-lang), which ebooklib
    does not write."""
    from lxml import etree

    root = etree.fromstring(opf)
    root.set("{http://www.w3.org/XML/1998/namespace}lang", language)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def _accessibility_metadata(eb: epub.EpubBook, book: Book, labels: dict, paged: bool) -> None:
    """EPUB Accessibility 1.1 discovery metadata (schema.org) and the source of the page numbers."""
    def meta(prop: str, value: str, **extra) -> None:
        eb.add_metadata(None, "meta", value, {"property": prop, **extra})

    meta("schema:accessMode", "textual")
    meta("schema:accessModeSufficient", "textual")
    for feature in ACCESSIBILITY_FEATURES:
        if paged or feature not in ("pageBreakMarkers", "pageNavigation", "printPageNumbers"):
            meta("schema:accessibilityFeature", feature)
    meta("schema:accessibilityHazard", "none")
    meta("schema:accessibilitySummary", labels["a11y_summary"])
    meta("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA")
    if book.meta.certified_by:  # only a real certifier: nobody certifies a book by writing it
        meta("a11y:certifiedBy", book.meta.certified_by)
    if paged:
        eb.add_metadata("DC", "source", f"{book.meta.title}. {labels['print_edition']} ({book.meta.name}.pdf)",
                        {"id": "print-source"})
        meta("source-of", "pagination", refines="#print-source")


def normalise_zip(data: bytes, date_time: tuple, replace: dict[str, bytes] | None = None) -> bytes:
    """Same bytes for the same content: mimetype first and stored, fixed order, times and attributes."""
    replace = replace or {}
    source = zipfile.ZipFile(io.BytesIO(data))
    names = set(source.namelist()) | set(replace)  # (a name only in `replace` is a file added)
    order = ["mimetype", "META-INF/container.xml"] + sorted(n for n in names if n not in ("mimetype", "META-INF/container.xml"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, replace[name] if name in replace else source.read(name), compresslevel=9)
    return out.getvalue()
