"""The widths of text as WeasyPrint will set it: the shipped fonts (styles/fonts.css) shaped by HarfBuzz,
which is what Pango shapes with (on the seed's lines the two agree within 0.07 pt)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}")
DESCRIPTOR = re.compile(r"(font-family|font-style|font-weight)\s*:\s*\"?([^\";]+)\"?\s*;")
SOURCE = re.compile(r"url\(([^)]+)\)")


@lru_cache(maxsize=4)
def faces(fonts_css: Path) -> dict[tuple[str, str, int], str]:
    """(family, style, weight) → font file, from the @font-face rules of the toolchain's fonts.css."""
    found = {}
    for rule in FONT_FACE.findall(fonts_css.read_text(encoding="utf-8")):
        fields = dict(DESCRIPTOR.findall(rule))
        source = SOURCE.search(rule)
        if source and "font-family" in fields:
            key = (fields["font-family"].strip(), fields.get("font-style", "normal").strip(),
                   int(fields.get("font-weight", "400").strip()))
            found[key] = str((fonts_css.parent / source[1].strip("\"'")).resolve())
    return found


def face_file(fonts_css: Path, families: tuple[str, ...], style: str, weight: int) -> str | None:
    """The file WeasyPrint would use for the first of `families` that fonts.css declares (the nearest weight
    of that style, as CSS font matching picks), or None (a system font: not measured)."""
    known = faces(fonts_css)
    for family in families:
        candidates = [key for key in known if key[0] == family]
        if candidates:
            styled = [key for key in candidates if key[1] == style] or candidates
            return known[min(styled, key=lambda key: abs(key[2] - weight))]
    return None


@lru_cache(maxsize=16)
def _font(path: str):
    import uharfbuzz as hb

    face = hb.Face(hb.Blob.from_file_path(path))
    return hb.Font(face), face.upem


@lru_cache(maxsize=4096)
def advances(path: str, size: float, text: str) -> tuple[float, ...]:
    """The advance of each character of `text` (pt) shaped as one run at `size` pt: a glyph's advance is
    given to the first character of its cluster; default-ignorable characters (U+00AD) take none."""
    import uharfbuzz as hb

    if not text:  # (an empty run: a paragraph that opens with bold text; HarfBuzz gives no glyph list)
        return ()
    font, upem = _font(path)
    buffer = hb.Buffer()
    buffer.add_codepoints([ord(c) for c in text])
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    widths = [0.0] * len(text)
    scale = size / upem
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions):
        widths[info.cluster] += position.x_advance * scale
    return tuple(widths)
