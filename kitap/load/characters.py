"""Which characters a source may hold: the one rule for file texts and for every value read from YAML.

Two checks, both by one regular expression (fast on a 10 MB article):
- characters no output can carry: NUL and the other C0/C1 controls (tab and newline excepted), lone
  surrogates (a YAML escape like "\\uD800" can make one), and the Unicode noncharacters (U+FDD0–U+FDEF,
  U+xFFFE, U+xFFFF): XML (the EPUB) refuses them, EPUBCheck calls them fatal;
- with `glyphs`, characters the shipped fonts have no glyph for: the PDF would then take them from
  whatever fonts the computer has, so the output would differ between machines. kitap refuses them
  and says which script they belong to. The text is compared in its composed form (NFC), so a letter
  typed as letter + combining mark (й as и + U+0306) counts as the letter the fonts have.
"""
from __future__ import annotations

import re
import unicodedata

# The longest text kitap sets in one piece (a paragraph, a note, any value): WeasyPrint's time grows with
# the square of a paragraph's length (bench/RESULTS.md, "Memory against paragraph length").
MAX_TEXT = 100_000
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}"
                                          for plane in range(17))
FORBIDDEN_RE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{NONCHARACTERS}]")
# The code points every shipped font (styles/fonts/Noto*.ttf) maps to a glyph: all six have the same
# set. tests/test_characters.py compares this table with the fonts' own character maps.
FONT_COVERAGE = (
    (0x0020, 0x007E), (0x00A0, 0x017F), (0x0259, 0x0259), (0x0300, 0x0301), (0x0400, 0x052F),
    (0x2000, 0x2064), (0x2066, 0x206F), (0x20AC, 0x20AC), (0x20B8, 0x20B8), (0x2116, 0x2116),
    (0x2122, 0x2122),
)
# Characters that show nothing, left by copying: zero-width space, non-joiner, joiner, word joiner, a BOM inside
# the text (check/hygiene.py names them; an anchor that differs from the text by one is told so: transforms/anchors.py)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# Invisible characters that need no glyph: tab, newline, and the zero-width no-break space (BOM).
NO_GLYPH_NEEDED = "\t\n\ufeff"
COVERED = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in FONT_COVERAGE)
UNCOVERED_RE = re.compile(f"[^{COVERED}{re.escape(NO_GLYPH_NEEDED)}]")
SUPPORTED = ("Latin (English, Kazakh Latin, Turkish, most European languages), Cyrillic (Kazakh, Russian "
             "and the other Cyrillic alphabets), digits and common punctuation and symbols")
# Words of a character's Unicode name that end its script's name: "HEBREW LETTER ALEF" → Hebrew.
NAME_STOPS = {"LETTER", "SMALL", "CAPITAL", "SYLLABLE", "IDEOGRAPH", "DIGIT", "VOWEL", "SIGN", "LIGATURE",
              "NUMBER", "MARK", "PUNCTUATION", "UNIFIED", "COMPATIBILITY"}


def describe(char: str) -> str:
    """«x» (U+0078 LATIN SMALL LETTER X)."""
    name = unicodedata.name(char, "")
    shown = char if char.isprintable() and not unicodedata.category(char).startswith("M") else ""
    return (f"«{shown}» " if shown else "") + f"(U+{ord(char):04X}{' ' + name if name else ''})"


def forbidden(text: str) -> tuple[int, str] | None:
    """(offset, message) of the first character no output can carry, or None."""
    bad = FORBIDDEN_RE.search(text)
    if bad is None:
        return None
    code = ord(bad[0])
    if code == 0:
        problem = "a NUL character (U+0000): this is not text (a file that has them is binary, or UTF-16)"
    elif 0xD800 <= code <= 0xDFFF:
        problem = f"a lone surrogate U+{code:04X}, which is not a character (written as an escape?); delete it"
    elif code < 0xA0:
        problem = (f"invisible control character U+{code:04X} in the text (often left by copying from Word or a "
                   "PDF, or written as an escape such as \\a or \\e); delete it")
    else:
        problem = f"U+{code:04X} is a Unicode noncharacter, never part of a text (e-books refuse it); delete it"
    return bad.start(), problem


def script_of(char: str) -> str | None:
    """The script a letter belongs to, from its Unicode name ('Hebrew'), or None for a symbol."""
    words = unicodedata.name(char, "").replace("-", " ").split()
    if words[:1] == ["CJK"]:
        return "Chinese/Japanese (CJK)"
    for index, word in enumerate(words):
        if word in NAME_STOPS:
            return " ".join(words[:index]).title() or None if unicodedata.category(char)[0] in "LMN" else None
    return None


def uncovered(text: str) -> tuple[int, str] | None:
    """(offset, message) of the first character the shipped fonts cannot set, or None."""
    composed = unicodedata.normalize("NFC", text) if not text.isascii() else text
    bad = UNCOVERED_RE.search(composed)
    if bad is None:
        return None
    char = bad[0]
    offset = bad.start() if composed is text else _original_offset(text, composed, bad.start())
    if char == "\ufffd":
        return offset, ("«\ufffd» (U+FFFD REPLACEMENT CHARACTER) marks a character lost before kitap saw the text (a "
                        "failed conversion, or a character reference such as &#7; to a character no text may hold); "
                        "put the right character there")
    script = script_of(char)
    what = f"text in {script} script: {describe(char)}" if script else describe(char)
    return offset, (f"{what} cannot be set: kitap's fonts have no glyph for it, and outputs never depend on the "
                    f"fonts of the computer they are made on; kitap sets {SUPPORTED} (see README, Fonts); "
                    "leave it out, or transliterate it")


def _original_offset(text: str, composed: str, offset: int) -> int:
    """An offset in the composed text, as an offset in `text` with the same number of lines before it."""
    line = composed.count("\n", 0, offset)
    start = 0
    for _ in range(line):
        start = text.index("\n", start) + 1
    return start


def problem(text: str, glyphs: bool = True) -> tuple[int, str] | None:
    """The first problem with the characters of `text`: forbidden ones, then (with `glyphs`) ones the
    fonts lack; (offset, message) or None."""
    return forbidden(text) or (uncovered(text) if glyphs else None)


def too_long(text: str, what: str = "this text", how: str = "split it") -> str | None:
    """The message for a text longer than MAX_TEXT, or None."""
    if len(text) <= MAX_TEXT:
        return None
    return f"{what} has {len(text):,} characters; the limit is {MAX_TEXT:,} (about 30 printed pages); {how}"


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
