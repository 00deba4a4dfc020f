"""Letters of the Kazakh Cyrillic alphabet that Russian lacks: they tell a Kazakh text from a Russian one."""
from __future__ import annotations

from .. import surname_pattern

KAZAKH_ONLY = frozenset("әғқңөұүһі")
# A Kazakh text has several of these letters in every hundred (the seed: about 6 %); a Russian text has
# none but in Kazakh names. Below this share of the Cyrillic letters, a Cyrillic text is taken as Russian.
RUSSIAN_BELOW = 0.01


# Kazakh in the Latin alphabet of 2021 has these letters often (the corpus in Latin: 10–17 % of its
# letters), and among them ä, ñ, ū, which Turkish, the other language with ı ş ğ ü ö, lacks (1.9–4.3 %).
KAZAKH_LATIN = frozenset("äğñöşūüı")
KAZAKH_LATIN_ONLY = frozenset("äñū")
LATIN_KAZAKH_FROM = (0.05, 0.01)  # the shares of the two, at least


def language_of(text: str) -> str:
    """'ru' for a mostly Cyrillic text with (almost) no Kazakh letters, 'kk-Latn' for a mostly Latin one
    with the letters of the Kazakh Latin alphabet, else 'kk'."""
    lower = text.lower()
    cyrillic = sum(1 for c in lower if "а" <= c <= "я" or c == "ё" or c in KAZAKH_ONLY)
    letters = sum(1 for c in lower if c.isalpha())
    if not cyrillic or cyrillic < letters / 2:
        latin = sum(1 for c in lower if "a" <= c <= "z" or c in KAZAKH_LATIN)
        marked = sum(1 for c in lower if c in KAZAKH_LATIN), sum(1 for c in lower if c in KAZAKH_LATIN_ONLY)
        kazakh = latin > letters / 2 and all(n >= share * latin for n, share in zip(marked, LATIN_KAZAKH_FROM))
        return "kk-Latn" if kazakh else "kk"
    kazakh = sum(1 for c in lower if c in KAZAKH_ONLY)
    return "ru" if kazakh / cyrillic < RUSSIAN_BELOW else "kk"


# Letters of other Cyrillic alphabets that look like Kazakh ones (a Khanty, Chuvash or Old Russian key of a
# keyboard layout or a character map): the text looks right, but spelling, search and sorting do not
# see a Kazakh letter, and a font without them prints another shape.
LOOK_ALIKES = {
    "ӊ": "ң", "Ӊ": "Ң",   # en with tail (Khanty)
    "ӈ": "ң", "Ӈ": "Ң",   # en with hook (Nenets)
    "ҕ": "ғ", "Ҕ": "Ғ",   # ghe with middle hook (Yakut)
    "ӷ": "ғ", "Ӷ": "Ғ",   # ghe with descender
    "ӄ": "қ", "Ӄ": "Қ",   # ka with hook (Chukchi)
    "ҟ": "қ", "Ҟ": "Қ",   # ka with stroke (Abkhaz)
    "ѳ": "ө", "Ѳ": "Ө",   # fita (Old Russian)
}


# Kazakh in Cyrillic capitals: the vowels, and и у, which stand beside a vowel as glides (ТӘУЕЛ, САИРОВ).
SURNAME = surname_pattern("АӘЕЁОӨҰҮЫІЭЮЯ", "ИУ")
