"""Kazakh (and Russian) Cyrillic → plain Latin letters, for file names only (abai-zholy.pdf).

Deliberately simple and ASCII: a file name must be typed on any keyboard, so this is not the 2021 Latin
alphabet (ä ğ ñ ö ū ü ı), just the nearest plain letters.
"""
from __future__ import annotations

import re
import unicodedata

LATIN = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ng", "о": "o",
    "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
}
NOT_IN_NAME = re.compile(r"[^a-z0-9_-]+")


def file_name(text: str, default: str = "book", limit: int = 60) -> str:
    """A name of Latin letters, digits, '-' and '_' ('Абай жолы' → 'abay-zholy'; Latin letters lose their
    marks: 'Mätın' → 'matin', 'Şoqan' → 'shoqan')."""
    lowered = text.lower().replace("ş", "sh").replace("ı", "i")
    plain = unicodedata.normalize("NFKD", "".join(LATIN.get(char, char) for char in lowered))
    latin = "".join(char for char in plain if not unicodedata.combining(char))
    name = NOT_IN_NAME.sub("-", latin).strip("-_")[:limit].strip("-_")
    return name or default
