"""Reading source files safely: inside the project, size-limited, UTF-8 with a helpful diagnosis."""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ..errors import SourceError

MAX_BYTES = 10 * 1024 * 1024
LEGACY_CYRILLIC_ENCODINGS = ("cp1251", "koi8-r", "cp866", "mac-cyrillic")
# C0/C1 controls other than tab and newline, and non-characters: XML (EPUB) cannot carry them.
CONTROL_RE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
CYRILLIC_LOWER = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")


def inside_project(root: Path, relative: str, origin: Path, line: int) -> Path:
    """Resolve `relative` against the project root, refusing anything that leaves it (symlinks included)."""
    candidate = (root / relative).resolve()
    real_root = root.resolve()
    if candidate != real_root and real_root not in candidate.parents:
        raise SourceError(origin, line, f"path '{relative}' leads outside the project folder; keep every file inside {root}")
    return candidate


def read_text(path: Path, root: Path) -> str:
    """Read a UTF-8 text file of the project; accept a BOM and CRLF, refuse what is not text."""
    real = path.resolve()
    if real != root.resolve() and root.resolve() not in real.parents:
        raise SourceError(path, 0, f"this file is a link to {real}, outside the project folder; copy the file into the project instead")
    size = os.path.getsize(real)
    if size > MAX_BYTES:
        raise SourceError(path, 0, f"file is {size / 1048576:.1f} MB; the limit is {MAX_BYTES // 1048576} MB per source file (split the text into several projects)")
    data = real.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(path, 1, "file is UTF-16; save it as UTF-8 (in a text editor: Save As → Encoding: UTF-8)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(path, line, f"not UTF-8 text{_encoding_hint(data)}; convert it, e.g. "
                          f"`iconv -f {_guess_encoding(data) or 'cp1251'} -t utf-8 {path.name} > {path.stem}.utf8{path.suffix}`") from None
    if "\x00" in text:
        raise SourceError(path, data.count(b"\n", 0, data.index(b"\x00")) + 1, "file contains NUL bytes: it is not a text file")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if bad := CONTROL_RE.search(text):
        line = text.count("\n", 0, bad.start()) + 1
        raise SourceError(path, line, f"invisible control character U+{ord(bad[0]):04X} in the text "
                                      "(often left by copying from Word or a PDF); delete it")
    return text


def _guess_encoding(data: bytes) -> str | None:
    best, best_score = None, 0.5
    for encoding in LEGACY_CYRILLIC_ENCODINGS:
        decoded = data.decode(encoding, errors="replace")
        letters = [c for c in decoded if c.isalpha()]
        if not letters:
            continue
        score = sum(c in CYRILLIC_LOWER for c in letters) / len(letters)
        if score > best_score:
            best, best_score = encoding, score
    return best


def _encoding_hint(data: bytes) -> str:
    guess = _guess_encoding(data)
    return f" (it looks like {guess}, a legacy Cyrillic encoding)" if guess else ""


def nfc(text: str) -> str:
    """Compose letters for comparison only; the author's text itself is never rewritten."""
    return unicodedata.normalize("NFC", text)
