"""`font-hack` (error, fixable): Kazakh letters stored as Serbian/Macedonian ones by old fonts.

Before Unicode, Kazakh fonts drew қ ұ ң ғ ә ү ө һ in the slots of ќ ђ њ ѓ ѕ џ љ ћ. Text typed with
them looks right only in that font; everywhere else it reads «ќазаќ» for «қазақ».

The same letters are real in Serbian and Macedonian, so context decides, paragraph by paragraph:
- a paragraph is Kazakh when more of its words have a Kazakh feature (a letter Serbian and
  Macedonian lack: і ы й ь я ә …, or a Kazakh word like «мен», «деп») than have «ј», which Kazakh lacks;
- in a Kazakh paragraph a word is converted unless the result cannot be Kazakh — it would start
  with ң («Његош» → «Ңегөш»), or a converted vowel would touch another vowel («Ђоковић» → «Ұоковић»)
  — or it contains «ј»: such words are foreign names quoted in Kazakh text and are left alone.
A paragraph with no Kazakh feature («Ќерка ми е дома.», «Његош је писао о љубави») is never changed.
"""
from __future__ import annotations

import re
from typing import Iterator

from .findings import Finding
from .source import Project

HACK_TO_KAZAKH = dict(zip("ќђњѓѕџљћЌЂЊЃЅЏЉЋ", "құңғәүөһҚҰҢҒӘҮӨҺ"))
HACK_LETTERS = frozenset(HACK_TO_KAZAKH)
WORD = re.compile(r"[^\W\d_]+")
NOT_SERBIAN = frozenset("ыіэёйщъьяюәғқңөұүһЫІЭЁЙЩЪЬЯЮӘҒҚҢӨҰҮҺ")
KAZAKH_WORDS = frozenset({"мен", "бен", "пен", "деп", "екен"})
SERBIAN_ONLY = frozenset("јЈ")
# Vowels that never stand next to another vowel in a Kazakh word (и, у, ю, я are glides and may).
PURE_VOWELS = frozenset("аәеоөұүыіАӘЕОӨҰҮЫІ")


def is_kazakh_paragraph(words: list[str]) -> bool:
    kazakh = sum(1 for w in words if NOT_SERBIAN & set(w) or w.lower() in KAZAKH_WORDS)
    serbian = sum(1 for w in words if SERBIAN_ONLY & set(w))
    return kazakh > serbian


def convert(word: str) -> str | None:
    """The word with legacy letters turned back into Kazakh ones, or None if it cannot be Kazakh."""
    if SERBIAN_ONLY & set(word):
        return None
    converted = "".join(HACK_TO_KAZAKH.get(c, c) for c in word)
    if converted[0] in "ңҢ":
        return None
    for i, char in enumerate(word):
        if char in HACK_TO_KAZAKH and converted[i] in PURE_VOWELS:
            neighbours = converted[max(0, i - 1):i] + converted[i + 1:i + 2]
            if any(n in PURE_VOWELS for n in neighbours):
                return None
    return converted


def check(project: Project) -> Iterator[Finding]:
    for passage in project.passages:
        if HACK_LETTERS.isdisjoint(passage.text):
            continue
        matches = list(WORD.finditer(passage.text))
        if not is_kazakh_paragraph([m[0] for m in matches]):
            continue  # Serbian or Macedonian: the letters are real
        for match in matches:
            word = match[0]
            if HACK_LETTERS.isdisjoint(word):
                continue
            converted = convert(word)
            if converted is None:
                continue
            offset = match.start()
            pairs = ", ".join(f"{c} for {HACK_TO_KAZAKH[c]}" for c in dict.fromkeys(c.lower() for c in word
                                                                                     if c in HACK_TO_KAZAKH))
            edits = tuple((offset + i, offset + i + 1, HACK_TO_KAZAKH[c]) for i, c in enumerate(word)
                          if c in HACK_TO_KAZAKH)
            yield passage.finding(offset, "error", f"«{word}» is in a legacy Kazakh font encoding ({pairs}); "
                                  f"it reads «{converted}» (`check --fix` converts it)", "font-hack", edits)
