"""Stage 1 of `import`: any supported file → the neutral Imported document (nothing is written)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from ..load.files import read_any_text
from ..transforms.inline_ops import plain_text
from .detect import NAMES, detect
from .document import Imported
from .metadata import docx_character_styles, docx_review, odt_title_paragraph, package_properties, title_without_site
from .pandoc import from_pandoc, run_pandoc
from .plaintext import encoding_notices, read_plain
from .webpage import read_page


def read_document(path: Path) -> tuple[Imported, str]:
    """The document and the name of its kind, for the report."""
    kind, notice = detect(path)
    document = READERS[kind](path)
    if notice:
        document.notices.insert(0, notice)
    return document, NAMES[kind]


def _office(path: Path, kind: str) -> Imported:
    styles = docx_character_styles(path) if kind == "docx" else {}
    shown, said = docx_review(path) if kind == "docx" else (None, [])
    if shown is None:
        document = from_pandoc(run_pandoc(kind, path), styles)
    else:  # Pandoc reads hidden text as text: it is given the file without it
        with tempfile.TemporaryDirectory(prefix="kitap-import-") as folder:
            document = from_pandoc(run_pandoc(kind, _with_member(path, Path(folder), "word/document.xml", shown)), styles)
    document.notices += said
    document.authored = True
    author, title = package_properties(path, kind)
    document.author = document.author or author
    document.title = document.title or title
    if kind == "odt" and not document.title:
        document.title = _take_title_paragraph(document, odt_title_paragraph(path))
    return document


def _with_member(path: Path, folder: Path, member: str, data: bytes) -> Path:
    """A copy of the package `path` in `folder` with `member` replaced by `data`."""
    import zipfile

    copy = folder / path.name
    with zipfile.ZipFile(path) as original, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as made:
        for item in original.infolist():
            made.writestr(item, data if item.filename == member else original.read(item))
    return copy


def _take_title_paragraph(document: Imported, title: str) -> str:
    """Pandoc reads an OpenDocument Title paragraph as text: take it out when it opens the document."""
    pieces = document.pieces
    if title and pieces and pieces[0].kind == "p" and plain_text(pieces[0].children) == title:
        pieces.pop(0)
        return title
    return ""


def _web_page(path: Path) -> Imported:
    page = read_page(path, path.read_bytes())
    document = from_pandoc(run_pandoc("html", path, page.html))
    # a page's <title> often adds the site's name: a heading that opens the text is the better title
    opening = document.pieces[0] if document.pieces and document.pieces[0].kind == "h" else None
    document.title = plain_text(opening.children) if opening else title_without_site(page.title, page=True)
    document.author, document.source = page.author, page.source
    return document


def _markdown(path: Path) -> Imported:
    text, converted = read_any_text(path)
    document = from_pandoc(run_pandoc("markdown", path, text))
    document.notices += encoding_notices(path, converted)
    return document


READERS = {
    "docx": lambda path: _office(path, "docx"),
    "odt": lambda path: _office(path, "odt"),
    "html": _web_page,
    "markdown": _markdown,
    "txt": read_plain,
}
