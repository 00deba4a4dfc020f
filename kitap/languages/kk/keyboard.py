"""Typing slips of Kazakh text, as data: what a Russian keyboard layout puts for the Kazakh letters.

The Russian layout has no ә ғ қ ң ө ұ ү һ і, so a text typed on it has the nearest Russian letter:
«Казакстан» for «Қазақстан», «онер» for «өнер», «тугел» for «түгел». И and і are also swapped
(і is on the layout's и key in some Kazakh layouts, and the reverse).
"""
from __future__ import annotations

# letter typed → the Kazakh letters it may stand for
RUSSIAN_LAYOUT = {"к": "қ", "н": "ң", "г": "ғ", "у": "ұү", "о": "ө", "а": "ә", "и": "і", "і": "и", "х": "һ"}
# At most this many letters of a word are tried in every combination (2^12 spellings at most).
MAX_SLIP_POSITIONS = 12
# Letters an editor mistypes for each other besides those: ranked first among suggestions.
CONFUSED = frozenset({("ы", "і"), ("е", "э"), ("ш", "щ"), ("ь", "ъ"), ("е", "ё"), ("и", "й")})
