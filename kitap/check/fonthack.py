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

The same rule repairs a KZ-1048 file that was converted as if it were Windows-1251 (kitap/languages/kk/
encodings.py): its Kazakh letters read ј ѕ ї є ў ґ ќ ћ (жјне, теѕ, дїниеге, Адамдарєа). The two
tables agree on ќ and ћ and differ on ѕ (ә for the old fonts, ң for KZ-1048), so the article's own
letters choose: KZ-1048's table when more of its words carry letters only it produces (ј ї є ў ґ)
than letters only the old fonts used (ђ њ ѓ џ љ). Such a text is misread as a whole, so each of its
paragraphs is repaired (a quoted Ukrainian word with ї or є would be too: the price of repairing a
one-word heading), except one with ђ њ ѓ џ љ, which no KZ-1048 text yields.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..languages.kk.encodings import MISREAD_AS_CP1251
from .findings import Finding
from .mojibake import misread
from .source import Project

FONT_HACK = dict(zip("ќђњѓѕџљћЌЂЊЃЅЏЉЋ", "құңғәүөһҚҰҢҒӘҮӨҺ"))
# Every letter either table repairs (the spelling check leaves words with them to this rule).
HACK_TO_KAZAKH = {**MISREAD_AS_CP1251, **FONT_HACK}
HACK_LETTERS = frozenset(HACK_TO_KAZAKH)
ONLY_FONT_HACK = frozenset(FONT_HACK) - frozenset(MISREAD_AS_CP1251)
ONLY_MISREAD = frozenset(MISREAD_AS_CP1251) - frozenset(FONT_HACK)
SOURCES = {"font": "a legacy Kazakh font encoding", "kz1048": "KZ-1048 text converted as if it were Windows-1251"}
WORD = re.compile(r"[^\W\d_]+")
NOT_SERBIAN = frozenset("ыіэёйщъьяюәғқңөұүһЫІЭЁЙЩЪЬЯЮӘҒҚҢӨҰҮҺ")
KAZAKH_WORDS = frozenset({"мен", "бен", "пен", "деп", "екен"})
SERBIAN_ONLY = frozenset("јЈ")
# Vowels that never stand next to another vowel in a Kazakh word (и, у, ю, я are glides and may).
PURE_VOWELS = frozenset("аәеоөұүыіАӘЕОӨҰҮЫІ")
ABBREVIATION = 5  # letters at most of a word in capitals read as an abbreviation


def table_for(text: str) -> tuple[str, dict[str, str]]:
    """Which legacy letters a text has: ("kz1048", its table) or ("font", the old fonts' table)."""
    words = WORD.findall(text)
    misread = sum(1 for w in words if ONLY_MISREAD & set(w))
    font = sum(1 for w in words if ONLY_FONT_HACK & set(w))
    return ("kz1048", MISREAD_AS_CP1251) if misread > font else ("font", FONT_HACK)


def is_kazakh_paragraph(words: list[str], table: dict[str, str] = FONT_HACK) -> bool:
    if table is not FONT_HACK:
        # A KZ-1048 text read as Windows-1251 is misread as a whole, a one-word heading too: every paragraph
        # is Kazakh but one with letters such a text cannot have (ђ њ ѓ џ љ: Serbian or Macedonian).
        return not any(ONLY_FONT_HACK & set(w) for w in words)
    kazakh = sum(1 for w in words if NOT_SERBIAN & set(w) or w.lower() in KAZAKH_WORDS)
    serbian = sum(1 for w in words if SERBIAN_ONLY & set(w))
    return kazakh > serbian


def convert(word: str, table: dict[str, str] = FONT_HACK) -> str | None:
    """The word with legacy letters turned back into Kazakh ones, or None if it cannot be Kazakh."""
    if table is FONT_HACK and SERBIAN_ONLY & set(word):
        return None
    converted = "".join(table.get(c, c) for c in word)
    if converted[0] in "ңҢ":
        return None
    if word.isupper() and len(word) <= ABBREVIATION:
        return converted  # an abbreviation: its letters are not syllables (БЎЎ → БҰҰ)
    for i, char in enumerate(word):
        if char in table and converted[i] in PURE_VOWELS:
            neighbours = converted[max(0, i - 1):i] + converted[i + 1:i + 2]
            if any(n in PURE_VOWELS for n in neighbours):
                return None
    return converted


def check(project: Project) -> Iterator[Finding]:
    source, table = table_for(project.article.text)
    letters = frozenset(table)
    for passage in project.passages:
        if letters.isdisjoint(passage.text) or misread(passage.text):  # (text read in the wrong encoding: mojibake.py)
            continue
        matches = list(WORD.finditer(passage.text))
        if not is_kazakh_paragraph([m[0] for m in matches], table):
            continue  # Serbian or Macedonian: the letters are real
        for match in matches:
            word = match[0]
            if letters.isdisjoint(word):
                continue
            converted = convert(word, table)
            if converted is None:
                continue
            offset = match.start()
            pairs = ", ".join(f"{c} for {table[c]}" for c in dict.fromkeys(c.lower() for c in word if c in table))
            edits = tuple((offset + i, offset + i + 1, table[c]) for i, c in enumerate(word) if c in table)
            yield passage.finding(offset, "error", f"«{word}» is in {SOURCES[source]} ({pairs}); "
                                  f"it reads «{converted}» (`check --fix` converts it)", "font-hack", edits)
