"""Why a source file is not UTF-8 text, said only as far as the bytes make it certain.

In order: a file of another kind (Word, OpenDocument, PDF, RTF, an image …) by its first bytes; UTF-16;
a UTF-8 file with a few bad bytes (their line and byte offset; no encoding is guessed); a legacy
Cyrillic encoding, named only when one decoding reads as Kazakh or Russian text and no other comes
close (then `check --fix` can convert it); otherwise only the first bad byte's place.

A decoding reads as text when its words are made of Kazakh/Russian letters (ј ѕ ї є ў inside a word
mean KZ-1048 read as Windows-1251), in plausible case (lower, Capitalised, or a short ABBREVIATION:
KOI8-R read as Windows-1251 gives long words in capitals), and its punctuation stands where
punctuation goes (Mac Cyrillic read as Windows-1251 glues dashes to the start of words).
"""
from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass

from ..languages.kk.encodings import LEGACY_ENCODINGS, LETTERS, LOST_IN_CP1251

HELD_ONLY_IN_KAZAKH_CODE_PAGES = frozenset(LOST_IN_CP1251)  # a text with one of them lost none of them

IMPORT = "make a project from it with `python build.py import FILE`"
SIGNATURES = (  # first bytes → what the file is, and what to do
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", f"an old Microsoft Office file (Word .doc or Excel .xls), not text; save it "
                                           f"as .docx in Word, then {IMPORT}"),
    (b"%PDF", "a PDF file, not text; copy its text into the article (kitap does not read PDF)"),
    (b"{\\rtf", f"an RTF document, not plain text; save it as .docx in Word or LibreOffice, then {IMPORT}"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"II*\x00", "a TIFF image, not text"),
    (b"MM\x00*", "a TIFF image, not text"),
    (b"\x1f\x8b", "a gzip-compressed file, not text"),
)
ZIP_KINDS = (  # a name inside a zip archive → what the archive is
    ("word/document.xml", f"a Word document (.docx), not text; {IMPORT}"),
    ("xl/workbook.xml", "an Excel workbook (.xlsx), not text; kitap reads text, not tables"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx), not text"),
    ("content.xml", f"an OpenDocument file (.odt, from LibreOffice), not text; {IMPORT}"),
    ("META-INF/container.xml", "an EPUB e-book, not text"),
)
TEXT_PUNCTUATION = frozenset(" \u00a0«»„“”‘’–—…№•·°§©×")
WORD_RE = re.compile(r"[^\W\d_]+")
GLUED_DASH_RE = re.compile(r"(?:^|(?<=\s))[–—](?=[^\W\d_])")  # «–оссийская»: a dash is spaced, not glued
# «?» where a letter was: between letters («?аза?стан»), or starting a word before a small letter («?міт»);
# a question mark is followed by a space, or starts a sentence with a capital.
LOWER = "a-z" + "".join(sorted({c for c in LETTERS if c.islower()}))
LOST_RE = re.compile(rf"[\w?]*(?:[^\W\d_]\?+[^\W\d_]|(?<![\w?])\?+[{LOWER}])[\w?]*")
MIN_EVIDENCE = 20  # non-ASCII characters needed before naming an encoding
SURE, MARGIN = 0.97, 0.03


@dataclass(frozen=True)
class Diagnosis:
    line: int
    message: str
    encoding: str | None = None  # a legacy encoding the file certainly is in, when converting it is safe
    text: str | None = None      # the text in that encoding


def diagnose(data: bytes, fix: str = "python build.py check --fix") -> Diagnosis:
    """Why `data` (not valid UTF-8) is not a UTF-8 text file; `fix`: the command that converts it."""
    kind = file_kind(data)
    if kind:
        return Diagnosis(1, f"this file is {kind}")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return Diagnosis(1, "file is UTF-32; save it as UTF-8 (in a text editor: Save As → Encoding: UTF-8)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        return Diagnosis(1, "file is UTF-16; save it as UTF-8 (in a text editor: Save As → Encoding: UTF-8)")
    text, bad = _read_utf8(data)
    if _mostly_utf8(text, bad):
        runs = _runs(bad)
        places = ", ".join(f"line {_line(data, start)} (byte {start}: "
                           + " ".join(f"0x{b:02X}" for b in data[start:end]) + ")" for start, end in runs[:5])
        more = f" and {len(runs) - 5} more places" if len(runs) > 5 else ""
        return Diagnosis(_line(data, bad[0]), f"the file is UTF-8 except at {places}{more}, where the bytes are not "
                         "UTF-8; retype the character there (or delete it) in a UTF-8 editor")
    legacy = legacy_encoding(data)
    if legacy is None:
        at = bad[0]
        return Diagnosis(_line(data, at), f"not UTF-8 text (byte {at}: 0x{data[at]:02X} is the first that is not "
                         "UTF-8); save the file as UTF-8 in the program that made it (Save As → Encoding: UTF-8)")
    encoding, text = legacy
    return _legacy_diagnosis(encoding, text, fix)


def _legacy_diagnosis(encoding: str, text: str, fix: str) -> Diagnosis:
    name = LEGACY_ENCODINGS[encoding]
    # an encoding that holds the Kazakh letters (KZ-1048) lost none: a «?» there is a question mark
    # typed without its space («шығарсың?осы»)
    lost = [] if set(text.lower()) & HELD_ONLY_IN_KAZAKH_CODE_PAGES else lost_letters(text)
    if lost:
        line, word = lost[0]
        letters = " ".join(LOST_IN_CP1251)
        return Diagnosis(line, f"not UTF-8 text: the file is in {name}, which has no letters {letters}; they were "
                         f"replaced by «?» when it was saved, before kitap saw it (e.g. «{word}»; {_lines(lost)}), "
                         "and cannot be recovered: save the original text again, as UTF-8")
    return Diagnosis(1, f"not UTF-8 text: the file is in {name}; `{fix}` converts it to UTF-8 (keeping the "
                     "original as a .bak file)", encoding, text)


def file_kind(data: bytes) -> str | None:
    """What a file of another kind than text is, by its first bytes; None for anything else."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            names = set()
        return next((kind for name, kind in ZIP_KINDS if name in names), "a ZIP archive, not text")
    return None


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    return len(sample) >= 8 and max(sample[0::2].count(0), sample[1::2].count(0)) > len(sample) / 4


def _read_utf8(data: bytes) -> tuple[str, list[int]]:
    """The text with the bytes that are not valid UTF-8 left out, and those bytes' offsets."""
    bad: list[int] = []

    def record(error: UnicodeDecodeError) -> tuple[str, int]:
        bad.extend(range(error.start, error.end))
        return "", error.end

    codecs.register_error("kitap.record", record)
    return data.decode("utf-8", errors="kitap.record"), bad


def _runs(offsets: list[int]) -> list[tuple[int, int]]:
    """Consecutive offsets as (start, end) ranges."""
    runs: list[list[int]] = []
    for offset in offsets:
        if runs and runs[-1][1] == offset:
            runs[-1][1] = offset + 1
        else:
            runs.append([offset, offset + 1])
    return [(start, end) for start, end in runs]


def _mostly_utf8(text: str, bad: list[int]) -> bool:
    """Valid non-ASCII UTF-8 characters far outnumber the bad bytes (a legacy 8-bit file has almost none)."""
    return sum(1 for c in text if not c.isascii()) >= 4 * len(bad)


def legacy_encoding(data: bytes) -> tuple[str, str] | None:
    """(codec, text) when exactly one legacy encoding reads `data` as Kazakh or Russian text."""
    readings: dict[str, tuple[str, float]] = {}
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue  # a byte this encoding does not have: not this one
        if any(text == known for known, _ in readings.values()):
            continue  # reads the same as an encoding preferred to it
        readings[encoding] = (text, plausibility(text))
    ranked = sorted(readings.items(), key=lambda item: -item[1][1])
    if not ranked:
        return None
    (best, (text, score)), rest = ranked[0], ranked[1:]
    evidence = sum(1 for c in text if not c.isascii())
    if evidence < MIN_EVIDENCE or score < SURE or any(other > score - MARGIN for _, (_, other) in rest):
        return None
    return best, text


def plausibility(text: str) -> float:
    """The share of a decoding's non-ASCII characters that stand as they would in Kazakh or Russian text."""
    total = sum(1 for c in text if not c.isascii())
    if not total:
        return 0.0
    wrong = sum(1 for c in text if not c.isascii() and c not in LETTERS and c not in TEXT_PUNCTUATION)
    capitals = 0  # letters of words in capitals: abbreviations and headings, not most of a text
    for match in WORD_RE.finditer(text):
        word = match[0]
        letters = sum(1 for c in word if not c.isascii() and c in LETTERS)
        if not letters:
            continue
        if not set(word) <= LETTERS or not _plausible_case(word):
            wrong += letters
        elif word.isupper() and len(word) > 1:
            capitals += letters
    if capitals > total / 2:
        wrong += capitals
    wrong += len(GLUED_DASH_RE.findall(text))
    return max(0.0, 1 - wrong / total)


def _plausible_case(word: str) -> bool:
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())


def lost_letters(text: str) -> list[tuple[int, str]]:
    """(line, word) of every word with «?» in place of letters (LOST_RE): letters a legacy encoding could not hold."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in LOST_RE.finditer(line):
            if any(not c.isascii() for c in match[0]):
                found.append((number, match[0]))
    return found


def _lines(found: list[tuple[int, str]]) -> str:
    """'line 3' or 'lines 1, 2, 5 …'."""
    lines = list(dict.fromkeys(line for line, _ in found))
    shown = ", ".join(map(str, lines[:12])) + (f" and {len(lines) - 12} more" if len(lines) > 12 else "")
    return f"line {shown}" if len(lines) == 1 else f"lines {shown}"


def _line(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
