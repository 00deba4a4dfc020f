"""The Kazakh (Cyrillic) language pack: alphabet, hyphenation by rule, typography, dates, labels."""
from __future__ import annotations

from .. import Edition, LanguagePack
from ...typography import TypographyRules
from .collate import KAZAKH_ALPHABET
from .dates import format_date
from .hyphenate import hyphenate_text
from .labels import LABELS


def _to_latin(text: str) -> str:
    from ..kk_latn.transliterate import to_latin

    return to_latin(text)


TYPOGRAPHY = TypographyRules(upper="A-ZА-ЯЁӘҒҚҢӨҰҮҺІ", lower="a-zа-яёәғқңөұүһі",
                             trailing_abbreviations=frozenset({"т.б.", "т.с.с.", "т.т.", "т.д.", "т.п."}))

PACK = LanguagePack(
    tag="kk", name="қазақ тілі", script="Cyrl", alphabet=KAZAKH_ALPHABET, labels=LABELS, format_date=format_date,
    hyphenate=hyphenate_text, typography=TYPOGRAPHY,
    editions={"latn": Edition("latn", "kk-Latn", _to_latin)},
)
