"""Font files for the e-book and the web page: the shipped fonts, subset to the characters used.

Subsetting is HarfBuzz's hb-subset (through uharfbuzz): about a millisecond a font, where fontTools
took about 170 ms. WOFF2 packing for the web page is fontTools' (Brotli).
"""
from __future__ import annotations

import html
import io
import re
from functools import lru_cache
from pathlib import Path

import uharfbuzz as hb

from ..languages.kk.collate import KAZAKH_ALPHABET
from ..render import STYLES_DIR

FONT_FILES = ("NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Bold.ttf", "NotoSerif-BoldItalic.ttf",
              "NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
# Always kept: digits and punctuation a reader may add (note numbers), and the whole Kazakh and Russian
# alphabets in both cases, so a letter never falls back to a reader's font that lacks it (the writers add
# the book language's own alphabet).
ALWAYS = " 0123456789.,;:!?()[]«»\"'-–—…/" + KAZAKH_ALPHABET + KAZAKH_ALPHABET.upper()
# Names kept in the subset: family and style (1–6), and copyright and licence (0, 13, 14) as the OFL asks.
NAME_IDS = (0, 1, 2, 3, 4, 5, 6, 13, 14)
TAG_RE = re.compile(r"<[^>]+>")


def visible_characters(*documents: str) -> set[str]:
    """The characters a reader can see in HTML documents (markup removed, entities decoded)."""
    return {char for document in documents for char in html.unescape(TAG_RE.sub("", document))}


@lru_cache(maxsize=16)
def _face(path: Path) -> hb.Face:
    return hb.Face(path.read_bytes())


def subset_font(path: Path, characters: set[str] | frozenset[str], flavor: str | None = None) -> bytes:
    """The font with only the glyphs for `characters` (plus what shaping needs), all layout features kept."""
    request = hb.SubsetInput()
    for char in set(characters) | set(ALWAYS):
        request.unicode_set.add(ord(char))
    request.sets(hb.SubsetInputSets.LAYOUT_FEATURE_TAG).invert()  # keep every OpenType feature
    names = request.sets(hb.SubsetInputSets.NAME_ID)
    for name_id in NAME_IDS:
        names.add(name_id)
    request.flags |= hb.SubsetFlags.NO_HINTING
    data = hb.subset(_face(path), request).blob.data
    if flavor is None:
        return data
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    font.flavor = flavor
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def epub_fonts(characters: set[str], faces: set[str]) -> dict[str, bytes]:
    """File name under styles/fonts/ → subset font bytes, for the faces the book uses."""
    return {name: subset_font(STYLES_DIR / "fonts" / name, characters) for name in FONT_FILES
            if name.removesuffix(".ttf") in faces}
