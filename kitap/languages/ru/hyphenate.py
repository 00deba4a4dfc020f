"""Russian hyphenation: Pyphen's `ru` patterns (LibreOffice's), as soft hyphens.

Not broken: words with capitals after the first letter (СССР, МАГАТЕ), with digits, or with letters
outside the Russian alphabet; at least two letters stay on each side of a break (Pyphen's default for ru).
"""
from __future__ import annotations

import re
from functools import lru_cache

SOFT_HYPHEN = "\u00ad"
RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _dictionary():
    import pyphen

    return pyphen.Pyphen(lang="ru_RU", left=2, right=2)


@lru_cache(maxsize=65536)
def _hyphenated(word: str) -> str:
    if (SOFT_HYPHEN in word or sum(c.isupper() for c in word) > 1 or len(word) < 4
            or not all(c.lower() in RUSSIAN for c in word)):
        return word
    return _dictionary().inserted(word, hyphen=SOFT_HYPHEN)


def hyphenate_text(text: str) -> str:
    """The text with U+00AD at every break Pyphen's Russian patterns allow; nothing else changes."""
    return WORD.sub(lambda m: _hyphenated(m[0]), text)
