"""The timeline's labels: their widths, estimated from the font, and their lines.

Widths are estimated from the advance widths of Noto Sans ('Kitap Sans') by class of character, each class
at or above the widest of its letters in the alphabets kitap sets (Kazakh and Russian Cyrillic, Kazakh Latin,
English), so a label never runs wider than its estimate; tests/test_timeline.py holds them against the font.
"""
from __future__ import annotations

WIDTHS = {"space": 0.27, "narrow": 0.34, "digit": 0.58, "lower": 0.66, "upper": 0.80, "wide_lower": 0.95,
          "wide_upper": 1.07, "other": 0.66, "wide_other": 1.05}
NARROW = set(".,:;!'ıіiïjlI-()[]·\u2010\u2011")
WIDE_LOWER = set("жмшщыюфъwmœæ")
WIDE_UPPER = set("ЖМШЩЫЮФДЦЪWMŒÆ")
WIDE_OTHER = set("%&@©®—…№")
CLASSES = ((NARROW, "narrow"), (WIDE_LOWER, "wide_lower"), (WIDE_UPPER, "wide_upper"), (WIDE_OTHER, "wide_other"))


def char_width(char: str) -> float:
    if char in (" ", "\u00a0"):
        return WIDTHS["space"]
    found = next((name for members, name in CLASSES if char in members), None)
    if found:
        return WIDTHS[found]
    if char.isdigit():
        return WIDTHS["digit"]
    return WIDTHS["upper" if char.isupper() else "lower" if char.islower() else "other"]


def text_width(text: str, size: float = 1.0) -> float:
    """The estimated width of `text` set at `size` (em)."""
    return size * sum(char_width(c) for c in text)


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
