"""Kazakh text in the legacy 8-bit code pages, and what saving or reading it wrongly does to the letters.

- KZ-1048 (Python's `kz1048`) is Windows-1251 with the nine Kazakh letters (ә ғ қ ң ө ұ ү һ і) in 16
  places where Windows-1251 has Serbian, Macedonian, Ukrainian and Belarusian ones. Reading a KZ-1048
  file as Windows-1251 therefore turns those letters into ј ѕ ї є ў ґ ќ ћ (жјне, теѕ, дїниеге,
  Адамдарєа): MISREAD_AS_CP1251, computed here from the two codecs themselves.
- Windows-1251 has no ә ғ қ ң ө ұ ү һ: a Kazakh text saved in it has «?» in their place, for good.
"""
from __future__ import annotations

from .collate import KAZAKH_ALPHABET

# Every letter a Kazakh or Russian text is written with (both cases).
LETTERS = frozenset(KAZAKH_ALPHABET + KAZAKH_ALPHABET.upper())
LOST_IN_CP1251 = "".join(c for c in KAZAKH_ALPHABET if c.encode("cp1251", errors="replace") == b"?")


def _misread_table() -> dict[str, str]:
    table = {}
    for code in range(0x80, 0x100):
        right, wrong = bytes([code]).decode("kz1048", errors="replace"), bytes([code]).decode("cp1251", errors="replace")
        if right != wrong and right in LETTERS:
            table[wrong] = right
    return table


# A letter as Windows-1251 reads it → the Kazakh letter KZ-1048 meant (ј → ә, ѕ → ң, ї → ү …).
MISREAD_AS_CP1251 = _misread_table()
# The legacy encodings a Kazakh or Russian file may come in, in the order preferred when several read
# the same text (a Russian text reads the same in KZ-1048 and Windows-1251: call it Windows-1251).
LEGACY_ENCODINGS = {
    "cp1251": "Windows-1251 (Cyrillic)",
    "kz1048": "KZ-1048 (the Kazakh Windows code page)",
    "koi8-r": "KOI8-R",
    "cp866": "DOS Cyrillic (cp866)",
    "mac-cyrillic": "Mac Cyrillic",
}
