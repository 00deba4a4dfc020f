"""A generated cover: title, subtitle and author set in the shipped fonts (no external images).

Every text is set in the space the cover has for it: the type gets smaller until the wrapped lines
fit (a word wider than the line is broken), down to a floor; the loader's length limits (book.yaml's
title at most 300 characters) keep every accepted title above that floor, and lines that would still
not fit are not drawn, so no text makes a bigger image than the cover itself.
"""
from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from ..model import Meta
from ..render import STYLES_DIR

WIDTH, HEIGHT, MARGIN = 1200, 1800, 110
INK, RULE, PAPER = 20, 90, 255  # grayscale: prints and shows well on e-ink
BOLD, REGULAR = STYLES_DIR / "fonts" / "NotoSans-Bold.ttf", STYLES_DIR / "fonts" / "NotoSans-Regular.ttf"
TOP, AUTHOR_TOP = 360, HEIGHT - 300  # where the title block starts; where the author block starts
LEADING = 1.25
SCALES = tuple(s / 20 for s in range(20, 5, -1))  # 1.0, 0.95 … 0.3 of each text's full size


@lru_cache(maxsize=64)
def _font(path, size: int):
    return ImageFont.truetype(str(path), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        for piece in _pieces(draw, word, font, width):
            trial = f"{line} {piece}".strip()
            if draw.textlength(trial, font=font) <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = piece
    return lines + [line] if line else lines


def _pieces(draw: ImageDraw.ImageDraw, word: str, font, width: int) -> list[str]:
    """The word, or the word cut into pieces that each fit the line."""
    if draw.textlength(word, font=font) <= width:
        return [word]
    pieces, piece = [], ""
    for char in word:
        if piece and draw.textlength(piece + char, font=font) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return pieces + [piece] if piece else pieces


def _fit(draw, blocks: list[tuple[str, object, int, int]], width: int, height: int):
    """(lines, size, font path, gap) of each non-empty block, at the largest scale at which all of them
    fit in `height`; at the smallest, what fits."""
    blocks = [b for b in blocks if b[0]]
    for scale in SCALES:
        laid = []
        for text, path, size, gap in blocks:
            scaled = max(8, int(size * scale))
            laid.append((_wrap(draw, text, _font(path, scaled), width), scaled, path, int(gap * scale)))
        if sum(len(lines) * int(size * LEADING) + gap for lines, size, _, gap in laid) <= height:
            return laid
    return laid


def _draw(draw, laid, y: int, bottom: int) -> None:
    for lines, size, path, gap in laid:
        for line in lines:
            if y + size > bottom:
                return
            draw.text((MARGIN, y), line, font=_font(path, size), fill=INK)
            y += int(size * LEADING)
        y += gap


def cover_png(meta: Meta) -> bytes:
    image = Image.new("L", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    width = WIDTH - 2 * MARGIN
    draw.rectangle((MARGIN, TOP - 60, WIDTH - MARGIN, TOP - 48), fill=RULE)
    title_bottom = AUTHOR_TOP - 90
    _draw(draw, _fit(draw, [(meta.title, BOLD, 96, 64), (meta.subtitle, REGULAR, 54, 56)], width, title_bottom - TOP),
          TOP, title_bottom)
    draw.rectangle((MARGIN, AUTHOR_TOP - 50, WIDTH - MARGIN, AUTHOR_TOP - 44), fill=RULE)
    _draw(draw, _fit(draw, [(meta.author, BOLD, 60, 15), (meta.credentials, REGULAR, 42, 0)], width,
                     HEIGHT - 60 - AUTHOR_TOP), AUTHOR_TOP, HEIGHT - 60)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=9)  # not optimize=True: ten times slower for 1 % less
    return out.getvalue()
