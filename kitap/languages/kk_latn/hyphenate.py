"""Hyphenation of Kazakh in Latin letters by the Kazakh syllable rules.

The rules are those of Cyrillic Kazakh (kitap.languages.kk.hyphenate): a word is read in Cyrillic
letter by letter (the reading to_cyrillic makes: i is й next to a vowel, и elsewhere), broken there,
and each break is carried back to the Latin letter that begins the Cyrillic letter after it, so a
digraph (ch, ts, ia …) is never split.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..kk.hyphenate import SOFT_HYPHEN, break_points
from .transliterate import cyrillic_units

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=65536)
def _hyphenated(word: str) -> str:
    if SOFT_HYPHEN in word:
        return word
    parts = word.split("-")
    out = []
    for part in parts:
        units = cyrillic_units(part)
        if units is None or sum(c.isupper() for c in part) > 1:
            out.append(part)  # a foreign word or an abbreviation: not ours to break
            continue
        cyrillic = "".join(letter for _, letter in units)
        starts = [units[cut][0] for cut in break_points(cyrillic) if 0 < cut < len(units)]
        out.append("".join(SOFT_HYPHEN + c if i in starts else c for i, c in enumerate(part)))
    return "-".join(out)


def hyphenate_text(text: str) -> str:
    """The text with U+00AD at every syllable break the Kazakh rules allow; nothing else changes."""
    return WORD.sub(lambda m: _hyphenated(m[0]), text)
