"""Sorting in Kazakh alphabetical order, not code-point order."""
from __future__ import annotations

KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_RANK = {letter: index for index, letter in enumerate(KAZAKH_ALPHABET)}


def sort_key(text: str) -> tuple:
    """Kazakh letters by their place in the alphabet; other characters after them, by code point.

    Case is a tie-breaker only, so 'БҰҰ' and 'бұұ' sort together.
    """
    folded = tuple((0, _RANK[c]) if c in _RANK else (1, ord(c)) for c in text.lower())
    return folded, text
