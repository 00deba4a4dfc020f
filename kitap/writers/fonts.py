"""Font files for the EPUB: the shipped fonts, subset to the characters the book uses."""
from __future__ import annotations

import io
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from ..kazakh.collate import KAZAKH_ALPHABET
from ..render import STYLES_DIR

FONT_FILES = ("NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Bold.ttf", "NotoSerif-BoldItalic.ttf",
              "NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
# Always kept: digits and punctuation a reader may add (note numbers), and the whole Kazakh and Russian
# alphabets in both cases, so a letter never falls back to a reader's font that lacks it.
ALWAYS = " 0123456789.,;:!?()[]«»\"'-–—…/" + KAZAKH_ALPHABET + KAZAKH_ALPHABET.upper()


def subset_font(path: Path, characters: set[str], flavor: str | None = None) -> bytes:
    """The font with only the glyphs for `characters` (plus what shaping needs); no time stamp."""
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.flavor = flavor  # None: TrueType (EPUB); 'woff2' for the web page
    font = TTFont(path, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in characters | set(ALWAYS)})
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def epub_fonts(characters: set[str], faces: set[str]) -> dict[str, bytes]:
    """File name under styles/fonts/ → subset font bytes, for the faces the book uses."""
    return {name: subset_font(STYLES_DIR / "fonts" / name, characters) for name in FONT_FILES
            if name.removesuffix(".ttf") in faces}
