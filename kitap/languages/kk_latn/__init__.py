"""Kazakh in the Latin alphabet of 2021: the Kazakh pack's knowledge, in Latin letters.

Labels and month names are the Kazakh pack's, transliterated; hyphenation uses the Kazakh syllable
rules (each word is read in Cyrillic, broken there, and the breaks carried back letter for letter);
collation follows the Latin alphabet's own order.
"""
from __future__ import annotations

import re

from .. import Checking, Edition, LanguagePack, WebFurniture, surname_pattern
from ...typography import TypographyRules
from ..kk import PACK as CYRILLIC
from .hyphenate import hyphenate_text
from .transliterate import latin_lower, latin_upper, to_cyrillic, to_latin

# The 31 letters in the order of the alphabet (A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V Y Z).
LATIN_ALPHABET = "aäbdefgğhıijklmnñoöpqrsştuūüvyz"


def format_date(date) -> str:
    return to_latin(CYRILLIC.format_date(date))


def _to_cyrillic(text: str) -> str:
    return to_cyrillic(text).text


TYPOGRAPHY = TypographyRules(upper="A-ZÄĞIİÑÖŞŪÜ", lower="a-zäğıiñöşūü",
                             trailing_abbreviations=frozenset({"t.b.", "t.s.s.", "t.t."}), suffix_hyphen=True)

def _checking() -> Checking:
    """The Kazakh pack's sentence and heading knowledge, in Latin letters; spelling, dates and sentence
    ends through the Kazakh pack, each word read back in Cyrillic (spelling.py, reading.py here)."""
    kazakh = CYRILLIC.checker
    return Checking("Kazakh", frozenset(to_latin(a) for a in kazakh.abbreviations),
                    re.compile(to_latin(kazakh.headings.pattern), kazakh.headings.flags),
                    {rule: to_latin(reason) for rule, reason in kazakh.correction_reasons.items()},
                    speller="kitap.languages.kk_latn.spelling:findings",
                    unavailable="kitap.languages.kk_latn.spelling:unavailable",
                    predicate="kitap.languages.kk_latn.reading:is_predicate",
                    dates="kitap.languages.kk_latn.reading:find_dates", capitals=TYPOGRAPHY.upper,
                    continuing=frozenset(to_latin(word) for word in kazakh.continuing),
                    surname=surname_pattern("AÄEOÖŪÜYI", "İU"))  # I is ı's capital (і), İ и


PACK = LanguagePack(
    tag="kk-Latn", name="qazaq tılı", script="Latn", alphabet=LATIN_ALPHABET,
    labels={key: to_latin(value) for key, value in CYRILLIC.labels.items()}, format_date=format_date,
    hyphenate=hyphenate_text, typography=TYPOGRAPHY, lower=latin_lower, upper=latin_upper,
    editions={"cyrl": Edition("cyrl", "kk", _to_cyrillic)},
    checker=_checking(),
    # the Cyrillic pack's furniture in Latin letters (a site of the Latin alphabet: «Basty bet », «Bölısu»)
    furniture=WebFurniture(**{name: tuple(to_latin(word) for word in words)
                              for name, words in vars(CYRILLIC.furniture).items()}),
)
