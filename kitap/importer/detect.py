"""What kind of file is given to `import`: by its bytes first (a Word file renamed to .txt is still Word),
then by its name."""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import SourceError

BY_SUFFIX = {".docx": "docx", ".odt": "odt", ".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "txt",
             ".md": "markdown", ".markdown": "markdown"}
NAMES = {"docx": "a Word document (.docx)", "odt": "an OpenDocument text (.odt)", "html": "a web page (.html)",
         "txt": "a text file (.txt)", "markdown": "a Markdown file (.md)"}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Files kitap cannot import, known by their first bytes, and what to do instead.
REFUSED = (
    (b"%PDF", "a PDF file; kitap cannot import PDF: open it, copy the text into a .txt file, or save it as .docx"),
    (b"\xd0\xcf\x11\xe0", "an old Word document (.doc) or another old Office file; open it in Word or LibreOffice "
                          "and save it as .docx (Word Document)"),
    (b"{\\rtf", "a Rich Text file (.rtf); open it in Word or LibreOffice and save it as .docx (Word Document)"),
    (b"PK\x03\x04", "a zip archive but not a Word or OpenDocument text; unpack it, or save the text as .docx"),
)
SUPPORTED = ".docx (Word), .odt (LibreOffice, OpenOffice), .html or .htm (a saved web page), .md (Markdown), .txt"
MAX_BYTES = 50 * 1024 * 1024  # office files carry pictures: a larger limit than the 10 MB of a source text


def detect(path: Path) -> tuple[str, str]:
    """The kind of file ('docx', 'odt', 'html', 'txt', 'markdown') and a notice when its name says otherwise."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(path, 0, f"file is {size / 1048576:.0f} MB; kitap imports files up to "
                                   f"{MAX_BYTES // 1048576} MB (remove large pictures, or split the text)")
    with path.open("rb") as stream:
        head = stream.read(8)
    kind = _zip_kind(path) if head.startswith(b"PK\x03\x04") else None
    by_name = BY_SUFFIX.get(path.suffix.lower())
    if kind is None:
        refused = next((what for signature, what in REFUSED if head.startswith(signature)), None)
        if refused:
            raise SourceError(path, 0, f"this is {refused}")
        if by_name in ("docx", "odt"):
            raise SourceError(path, 0, f"the file is named {path.suffix} but is not {NAMES[by_name]} (damaged, or "
                                       "another kind of file renamed); open it in Word or LibreOffice and save it again")
        if by_name is None:
            raise SourceError(path, 0, f"kitap cannot import this kind of file; it imports {SUPPORTED}")
        kind = by_name
    notice = f"{path}: the file is {NAMES[kind]} although its name ends in '{path.suffix}'; imported as such" \
        if by_name and by_name != kind else ""
    return kind, notice


def _zip_kind(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
    except zipfile.BadZipFile:
        raise SourceError(path, 0, "the file is damaged (it starts like a Word or OpenDocument file but cannot be "
                                   "opened); open it in Word or LibreOffice and save it again") from None
    return None
