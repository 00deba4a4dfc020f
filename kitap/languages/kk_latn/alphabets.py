"""The Kazakh Latin alphabets before the one of 2021 that kitap prints, and how a text in one is written in
the letters of 2021 (a text `import` is given: the Latin sites of Egemen Qazaqstan and Kazinform still
publish in the alphabet of 2018).

- **2018** (the decree of 19 February 2018, amended: the letters with an acute): á ә, ǵ ғ, ı и/й, i і,
  ń ң, ó ө, u ұ, ú ү, ý у, y ы, sh ш, ch ч. Known by its marked letters (á ǵ ń ó ú ý) in a text that has
  none of the letters only the alphabet of 2021 has (ä ğ ñ ö ş ū ü). In 2021 the same sounds are ä, ğ,
  i, ı, ñ, ö, ū, ü, u, y, ş, ch: «Qazaqstan Respýblıkasy Bilim jáne ǵylym mınıstrligi» is «Qazaqstan
  Respublikasy Bılım jäne ğylym ministrlıgı». A capital I is і in both (I i of 2018, I ı of 2021).
- **ǧ and ŋ** for ğ and ñ, the rest as in 2021 (a variant some sites use: «Jaŋa älıpbi», «qarastyrǧanda»).
"""
from __future__ import annotations

import re

# 2018 → 2021, letter by letter (small letters; capitals follow)
FROM_2018 = {"á": "ä", "ǵ": "ğ", "ı": "i", "i": "ı", "ń": "ñ", "ó": "ö", "u": "ū", "ú": "ü", "ý": "u"}
MARKED_2018 = frozenset("áǵńóúý")
ONLY_2021 = frozenset("äğñöşūü")
MIN_MARKED = 3  # letters of the 2018 alphabet's own, at least, to read a text as written in it
CARON_VARIANT = {"ǧ": "ğ", "Ǧ": "Ğ", "ŋ": "ñ", "Ŋ": "Ñ"}
SH = re.compile(r"[Ss][Hh]")
WORD = re.compile(r"[^\W\d_]+")
ALPHABET_2018 = frozenset("aábdefgǵhiıjklmnńoópqrstuúývyzc")  # (c in ch only)


def alphabet_of(text: str) -> str:
    """'2018', 'caron' (ǧ ŋ for ğ ñ) or '' (the alphabet of 2021, or not Kazakh Latin at all)."""
    lower = text.lower()
    marked = sum(1 for c in lower if c in MARKED_2018)
    if marked >= MIN_MARKED and not any(c in ONLY_2021 for c in lower):
        return "2018"
    if any(c in CARON_VARIANT for c in text):
        return "caron"
    return ""


def to_2021(text: str, alphabet: str) -> str:
    """`text` of that alphabet (alphabet_of) in the letters of 2021; other characters pass unchanged."""
    if alphabet == "caron":
        return "".join(CARON_VARIANT.get(c, c) for c in text)
    if alphabet != "2018":
        return text
    return WORD.sub(lambda m: _word_2018(m[0]), text)


def _word_2018(word: str) -> str:
    """One word of 2018 in the letters of 2021; a word the alphabet cannot have written (English: w, x, c
    without h; an acronym in plain capitals: USD, EUR) is left as it is, but an acronym with Q, a letter only
    Kazakh's (EQYU, ЕҚЫҰ: EQYŪ in 2021)."""
    small = word.lower()
    if not set(small) <= ALPHABET_2018 or "c" in small.replace("ch", "") \
            or word.isascii() and word.isupper() and "Q" not in word:
        return word
    word = SH.sub(lambda m: "Ş" if m[0][0] == "S" else "ş", word)
    out = []
    for char in word:
        small = char.lower()
        if small in FROM_2018 and char != "I":  # (a capital I is і in both alphabets)
            letter = FROM_2018[small]
            out.append(("İ" if letter == "i" else letter.upper()) if char.isupper() else letter)
        else:
            out.append(char)
    return "".join(out)


NAMES = {"2018": "the Kazakh Latin alphabet of 2018 (á ǵ ń ó ú ý)",
         "caron": "a Kazakh Latin with ǧ and ŋ for ğ and ñ"}
CHANGES = {"2018": "ǵ → ğ, ń → ñ, ý → u, u → ū, i → ı, ı → i, sh → ş …", "caron": "ǧ → ğ, ŋ → ñ"}
