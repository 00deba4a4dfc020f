"""The timeline's labels: their widths, measured with the font the figure names, and their lines.

Widths are the advance widths of the shipped Noto Sans ('Kitap Sans', styles/fonts/), the font the SVG asks
for in print, in the e-book (which embeds it) and on the web page. An earlier per-class estimate ran a fifth
wider than the text, so paragraph numbers stood far from their labels. SLACK leaves room for a renderer
that kerns differently; a character the font lacks counts as the widest.
"""
from __future__ import annotations

from functools import lru_cache

from ..render import STYLES_DIR

FONT_FILE = "fonts/NotoSans-Regular.ttf"
SLACK = 1.02
MISSING = 1.1  # em: a character the font does not have (a fallback font draws it)


@lru_cache(maxsize=1)
def _advances() -> dict[int, float]:
    """Code point → advance width in em, of the figure's font."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(STYLES_DIR / FONT_FILE), lazy=True)
    metrics, per_em = font["hmtx"], font["head"].unitsPerEm
    return {code: metrics[glyph][0] / per_em for code, glyph in font.getBestCmap().items()}


def char_width(char: str) -> float:
    return _advances().get(ord(char), MISSING)


def text_width(text: str, size: float = 1.0) -> float:
    """The width of `text` set at `size` (em) in the figure's font, with a little to spare."""
    return size * SLACK * sum(char_width(c) for c in text)


def wrap(text: str, room: float) -> list[str]:
    """The text in lines no wider than `room` (at 1 em), broken at spaces; a word wider than the room
    stands alone on its line."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}") <= room:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]
