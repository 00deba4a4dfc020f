"""Reading dates written out in Russian prose, for the checker's date-not-in-chronology rule.

    «2 марта 1992 г.», «2 марта 1992 года»   → 1992-03-02 (day)
    «в марте 1992 г.», «марта 1992 года»      → 1992-03 (month)
    «в 1992 году», «1992 г.», «1992 год»      → 1992 (year)
    «1939–1945 гг.», «в 1939–1945 годах»      → 1939 and 1945 (year each)
    «в 1990-е годы», «в 90-х годах»           → the 1990s (decade)
    «24.12.2025», «24.12.2025 г.»             → 2025-12-24 (day)
"""
from __future__ import annotations

import calendar
import re

from ...model import PartialDate
from ..kk.datereader import Decade, FoundDate

MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август", "сентябр", "октябр",
               "ноябр", "декабр")
# (in either case: a site prints «27 Январь 2026», a sentence may begin «Январь 1992 года …»)
_MONTH = "|".join(f"(?P<m{n}>(?i:{stem}))" for n, stem in enumerate(MONTH_STEMS, start=1))
_LETTERS = "А-Яа-яЁё"
_YEAR_WORD = r"(?:г(?:г)?\.|год(?:а|у|ом|ах|ы)?|годах)"
_START, _END = rf"(?<![{_LETTERS}\d])", rf"(?![{_LETTERS}\d])"
DAY_MONTH_YEAR = re.compile(rf"{_START}(?P<day>\d{{1,2}})\s+(?:{_MONTH})[{_LETTERS}]*\s+(?P<year>\d{{3,4}})"
                            rf"(?:\s*{_YEAR_WORD})?")
NUMERIC = re.compile(rf"{_START}(?P<day>\d{{1,2}})\.(?P<number>\d{{1,2}})\.(?P<year>\d{{4}})(?:\s*{_YEAR_WORD})?"
                     rf"(?![{_LETTERS}]|\.?\d)")
MONTH_YEAR = re.compile(rf"{_START}(?:{_MONTH})[{_LETTERS}]*\s+(?P<year>\d{{3,4}})(?:\s*{_YEAR_WORD})?")
RANGE = re.compile(rf"{_START}(?P<first>\d{{4}})\s*[–—-]\s*(?P<second>\d{{4}})\s*(?:гг\.|годах|годы|годов)")
YEAR = re.compile(rf"{_START}(?P<year>\d{{3,4}})\s*{_YEAR_WORD}")
DECADE = re.compile(rf"{_START}(?P<decade>(?:\d\d)?\d0)-?(?:е|х|ые|ых)\s+(?:годы|годах|годов|гг\.)")
# «в 1920–30-х годах»: two decades, the second by its last two digits
DECADE_RANGE = re.compile(rf"{_START}(?P<first>\d\d\d0)\s*[–—-]\s*(?P<second>\d0)-?(?:е|х|ые|ых)\s+"
                          r"(?:годы|годах|годов|гг\.)")


def _month(match: re.Match) -> int:
    return next(n for n in range(1, 13) if match[f"m{n}"])


def find_dates(paragraphs: list[str]) -> list[FoundDate]:
    """Every date mentioned in the paragraphs, in reading order; the first (and longest) match at a place."""
    found: list[FoundDate] = []
    for index, text in enumerate(paragraphs):
        taken: list[tuple[int, int]] = []
        for pattern in (DAY_MONTH_YEAR, NUMERIC, RANGE, DECADE_RANGE, MONTH_YEAR, DECADE, YEAR):
            for m in pattern.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                dates = _dates(m, pattern)
                if dates:
                    taken.append(m.span())
                    found += [FoundDate(index, m.start(), m.end(), m[0], date, precision) for date, precision in dates]
    return sorted(found, key=lambda f: (f.paragraph, f.start))


def _dates(m: re.Match, pattern) -> list:
    if pattern is RANGE:
        return [(PartialDate(int(m["first"])), "year"), (PartialDate(int(m["second"])), "year")]
    if pattern is DECADE_RANGE:
        first = int(m["first"])
        second = first // 100 * 100 + int(m["second"])
        return [(Decade(first), "decade"), (Decade(second if second > first else second + 100), "decade")]
    if pattern is DECADE:
        value = int(m["decade"])
        return [(Decade(value + 1900 if value < 100 else value), "decade")]
    year = int(m["year"])
    if not 1000 <= year <= 2100:
        return []
    if pattern in (DAY_MONTH_YEAR, NUMERIC):
        month, day = (_month(m) if pattern is DAY_MONTH_YEAR else int(m["number"])), int(m["day"])
        if not 1 <= month <= 12:
            return []
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return []
        return [(PartialDate(year, month, day), "day")]
    if pattern is MONTH_YEAR:
        return [(PartialDate(year, _month(m)), "month")]
    return [(PartialDate(year), "year")]
