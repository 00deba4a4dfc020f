"""`mojibake` (error, fixable): Cyrillic text that was read in the wrong encoding and saved again.

Two mistakes of the kind a program makes with a file it guessed wrong, both undone without loss:
- UTF-8 read as Windows-1251 and saved again as UTF-8: every letter becomes two («Абай» → «РђР±Р°Р№»,
  «Құнан» → «ТљТ±РЅР°РЅ»). The bytes of the letters are the Windows-1251 bytes of the garbage; read as
  UTF-8 they are the text. (The byte 0x98 has no character in Windows-1251 and is lost on the way: it is
  the second byte of «И» and «Ә», whose first bytes are left alone, so it is put back after them.)
- Windows-1251 read as Windows-1252 (Latin): every letter becomes an accented Latin one («Абай» →
  «Àáàé»). No language writes a word in accented letters alone, so such words are the sign.
Words, not paragraphs, are converted: the ASCII between them reads the same either way. Real text is never
taken for it: Kazakh letters have no Windows-1251 bytes at all, a Russian word almost never reads as UTF-8
(and must then read as Cyrillic), and a paragraph needs two such words (or one of three letters or more).
"""
from __future__ import annotations

import re
from typing import Iterator

from .findings import Finding
from .source import Project

TOKEN = re.compile(r"\S+")
CYRILLIC = re.compile("[\u0400-\u04ff]")
LOST_0X98 = re.compile(rb"([\xd0\xd3])(?![\x80-\xbf])")
PAIR = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")  # a UTF-8 lead byte and a continuation: a character's bytes
HOW = {"utf-8": "UTF-8 text read as Windows-1251 and saved again", "cp1252": "Windows-1251 text read as Latin "
       "(Windows-1252)"}


def _from_utf8_read_as_cp1251(token: str) -> tuple[str, bool] | None:
    """The token as meant, and whether it alone is a sign (it reads as two Cyrillic letters or more: a dash
    «вЂ“» is not, nor an initial «Р.», which would read «И.»)."""
    if token.isascii():
        return None
    try:
        raw = token.encode("cp1251")
    except UnicodeEncodeError:
        return None
    pairs = len(PAIR.findall(raw))  # characters whose bytes are there («РУ-10» has none: a real word)
    if not pairs:
        return None
    try:
        text = LOST_0X98.sub(lambda m: m[1] + b"\x98", raw).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return (text, pairs >= 2 and len(CYRILLIC.findall(text)) >= 2) if text != token else None


def _from_cp1251_read_as_cp1252(token: str) -> tuple[str, bool] | None:
    """The token as meant, and whether it alone is a sign (three letters or more: «èç» is not)."""
    letters = [c for c in token if c.isalpha()]
    if not letters or not all("\u00c0" <= c <= "\u00ff" for c in letters):
        return None
    try:
        text = token.encode("cp1252").decode("cp1251")
    except UnicodeError:
        return None
    return (text, len(letters) >= 3) if CYRILLIC.search(text) else None


def misread(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, the words as they were meant, how they were misread) of each misread run of `text`;
    none unless two of its words are signs of it, or one of three Cyrillic letters or more."""
    found, signs = [], []
    for match in TOKEN.finditer(text):
        for how, undo in (("utf-8", _from_utf8_read_as_cp1251), ("cp1252", _from_cp1251_read_as_cp1252)):
            undone = undo(match[0])
            if undone is not None:
                found.append((match.start(), match.end(), undone[0], how))
                if undone[1]:
                    signs.append(undone[0])
                break
    if not signs or len(signs) == 1 and len(CYRILLIC.findall(signs[0])) < 3:
        return []
    return found


def check(project: Project) -> Iterator[Finding]:
    for passage in project.passages:
        found = misread(passage.text)
        if not found:
            continue
        start, end, meant, how = found[0]
        more = f" and {len(found) - 1} more word(s) of the paragraph" if len(found) > 1 else ""
        yield passage.finding(start, "error", f"«{passage.text[start:end]}»{more}: {HOW[how]}; it reads «{meant}» "
                              "(`check --fix` converts it)", "mojibake",
                              tuple((s, e, text) for s, e, text, _ in found))
