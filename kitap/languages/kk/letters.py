"""Letters of the Kazakh Cyrillic alphabet that Russian lacks: they tell a Kazakh text from a Russian one."""
from __future__ import annotations

KAZAKH_ONLY = frozenset("әғқңөұүһі")
# A Kazakh text has several of these letters in every hundred (the seed: about 6 %); a Russian text has
# none but in Kazakh names. Below this share of the Cyrillic letters, a Cyrillic text is taken as Russian.
RUSSIAN_BELOW = 0.01


def language_of(text: str) -> str:
    """'ru' for a mostly Cyrillic text with (almost) no Kazakh letters, else 'kk'."""
    lower = text.lower()
    cyrillic = sum(1 for c in lower if "а" <= c <= "я" or c == "ё" or c in KAZAKH_ONLY)
    letters = sum(1 for c in lower if c.isalpha())
    if not cyrillic or cyrillic < letters / 2:
        return "kk"
    kazakh = sum(1 for c in lower if c in KAZAKH_ONLY)
    return "ru" if kazakh / cyrillic < RUSSIAN_BELOW else "kk"
