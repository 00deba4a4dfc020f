"""What the Kazakh pack reads in Cyrillic, read in a Latin text: the dates it mentions (for the
chronology checks) and the words a sentence may end with (for paragraph-end). The Latin is read back
in Cyrillic (transliterate.to_cyrillic_mapped) and what is found there points at the Latin."""
from __future__ import annotations

from dataclasses import replace

from .transliterate import to_cyrillic_mapped


def find_dates(paragraphs: list[str]) -> list:
    """Every date the Latin paragraphs mention (kitap.languages.kk.datereader.FoundDate), its span and text
    the Latin's: «1992 jyldyñ 2 nauryzynda» → 1992-03-02."""
    from ..kk.datereader import find_dates as kazakh_dates

    mapped = [to_cyrillic_mapped(text) for text in paragraphs]
    found = kazakh_dates([cyrillic for cyrillic, _ in mapped])
    result = []
    for date in found:
        offsets = mapped[date.paragraph][1]
        start, end = offsets[date.start], offsets[date.end]
        result.append(replace(date, start=start, end=end, text=paragraphs[date.paragraph][start:end]))
    return result


def is_predicate(word: str) -> bool:
    """Can a Kazakh sentence end with this Latin word (a finite verb: boldy, qabyldandy)?"""
    from ...check.spelling import is_predicate as kazakh_predicate
    from .spelling import readings

    return any(kazakh_predicate(cyrillic) for cyrillic in readings(word))
