"""A generated cover: title, subtitle and author set in the shipped fonts (no external images)."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from ..model import Meta
from ..render import STYLES_DIR

WIDTH, HEIGHT, MARGIN = 1200, 1800, 110
INK, RULE, PAPER = 20, 90, 255  # grayscale: prints and shows well on e-ink


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    return lines + [line] if line else lines


def cover_png(meta: Meta) -> bytes:
    image = Image.new("L", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    bold = STYLES_DIR / "fonts" / "NotoSans-Bold.ttf"
    regular = STYLES_DIR / "fonts" / "NotoSans-Regular.ttf"
    y = 360
    draw.rectangle((MARGIN, y - 60, WIDTH - MARGIN, y - 48), fill=RULE)
    for text, path, size, gap in ((meta.title, bold, 96, 24), (meta.subtitle, regular, 54, 16)):
        font = ImageFont.truetype(str(path), size)
        for line in _wrap(draw, text, font, WIDTH - 2 * MARGIN):
            draw.text((MARGIN, y), line, font=font, fill=INK)
            y += int(size * 1.25)
        y += gap + 40
    author = ImageFont.truetype(str(bold), 60)
    credentials = ImageFont.truetype(str(regular), 42)
    bottom = HEIGHT - 300
    draw.rectangle((MARGIN, bottom - 50, WIDTH - MARGIN, bottom - 44), fill=RULE)
    draw.text((MARGIN, bottom), meta.author, font=author, fill=INK)
    if meta.credentials:
        draw.text((MARGIN, bottom + 90), meta.credentials, font=credentials, fill=INK)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=9)  # not optimize=True: ten times slower for 1 % less
    return out.getvalue()
