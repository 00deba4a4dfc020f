"""The Kazakh (Cyrillic) language pack: alphabet, hyphenation by rule, typography, dates, labels.

The pack itself (PACK) is made on first use: a process that needs only one of the pack's tables (the
loader's encoding tables, on a rebuild with nothing to do) does not load the rest.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _roman_word():
    """A word made of Roman-digit letters, Latin or Cyrillic (compiled when the Latin edition is first made)."""
    import re

    from ...check.script import ROMAN_LETTERS

    return re.compile(rf"(?<![^\W\d_])[{''.join(sorted(ROMAN_LETTERS))}]+(?![^\W\d_])")


def _to_latin(text: str) -> str:
    """The Latin edition's text; a Roman numeral typed in Cyrillic letters («ХХ ғасыр», «ХVІІІ») is written
    in Latin ones (XX, XVIII), not letter by letter as «HH ğasyr»."""
    from ...check.script import roman_in_cyrillic
    from ..kk_latn.transliterate import to_latin

    text = _roman_word().sub(lambda m: roman_in_cyrillic(m[0], m.string[m.end():]) or m[0], text)
    return to_latin(text)


def _pack():
    from .. import Checking, Edition, LanguagePack
    from ...typography import TypographyRules
    from .collate import KAZAKH_ALPHABET
    from .dates import format_date
    from .hyphenate import hyphenate_text
    from .labels import LABELS
    from .letters import SURNAME
    from .sentences import ABBREVIATIONS, CONTINUING, CORRECTION_REASONS, HEADING
    from .web import FURNITURE

    typography = TypographyRules(upper="A-ZА-ЯЁӘҒҚҢӨҰҮҺІ", lower="a-zа-яёәғқңөұүһі",
                                 trailing_abbreviations=frozenset({"т.б.", "т.с.с.", "т.т.", "т.д.", "т.п."}),
                                 suffix_hyphen=True)
    return LanguagePack(
        tag="kk", name="қазақ тілі", script="Cyrl", alphabet=KAZAKH_ALPHABET, labels=LABELS, format_date=format_date,
        hyphenate=hyphenate_text, typography=typography,
        editions={"latn": Edition("latn", "kk-Latn", _to_latin)},
        checker=Checking("Kazakh", ABBREVIATIONS, HEADING, CORRECTION_REASONS,
                         speller="kitap.check.spelling:findings", unavailable="kitap.check.spelling:unavailable",
                         predicate="kitap.check.spelling:is_predicate", dates="kitap.languages.kk.datereader:find_dates",
                         quoted_russian=True, continuing=CONTINUING, surname=SURNAME),
        furniture=FURNITURE,
    )


def __getattr__(name: str):
    if name == "PACK":
        globals()["PACK"] = pack = _pack()
        return pack
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
