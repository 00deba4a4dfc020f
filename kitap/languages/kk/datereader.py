"""Reading dates written out in Kazakh prose.

    «1992 жылдың 22 мамырында»      → 1992-05-22 (day)
    «1992 жылғы 2 наурыз»           → 1992-03-02 (day)
    «1992 жылғы наурызда»           → 1992-03 (month)
    «1992 жылы», «1789 жылғы»        → 1992, 1789 (year)
    «1939–1945 жылдары»             → 1939 and 1945 (year each)
    «90 жылдардың ортасына дейін»   → the 1990s, 'mid' (decade)
    «1920-30 жылдарда»              → the 1920s and the 1930s (decade each)
    «Осы жылдың 5 қазанында»        → 5 October of the last year named before it (day)
    «келесі жылы»                   → the year after it (year)
    «26 қазан 2023 ж.», «26 Қазан, 2023» → 2023-10-26 (day; a news site's dateline)
    «26.10.2023 ж.», «26.10.2023»   → 2023-10-26 (day)
    «1986-ның желтоқсаны»           → 1986-12 (month: the year with its case ending)
    «1893 ж. маусымның 25-і»        → 1893-06-25 (day: the month's day after it)
    «1905-1910 ж.», «1905–1910 жж.» → 1905 and 1910 (year each)

Month names are read in every case form (наурызында, сәуірінде, қаңтарда, желтоқсанға …), but
only next to a day number or a year: «қазан» is also a cauldron and «Қазан» a city (a capital is read
only between a day and a year, as a site writes «26 Қазан, 2023»). A day and a
month without a year («5 маусымында») take the last year named before them, and are skipped when
no year came before.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from ...model import PartialDate
from .dates import MONTHS

LETTERS = "А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"
_SUFFIX = f"[{LETTERS}]*"
_MONTH = "|".join(MONTHS)
# A year word in any form: жыл, жылы, жылғы, жылдың, жылдан …; or the abbreviation «ж.»; not жылдық,
# жылдығы («2000 жылдық тарих»: two thousand years of it; «550 жылдығы»: an anniversary), which name no year
_YEAR_WORD = rf"(?:[Жж]ыл(?!дар|дық|дығ){_SUFFIX}|ж\.)"
# Month names are lower case in Kazakh; «Қазан» with a capital is the city.
_DAY_MONTH = rf"(?P<day>\d{{1,2}})(?:\s*-\s*|\s+)(?P<month>{_MONTH}){_SUFFIX}"
_MONTH_ONLY = rf"(?P<month_only>{_MONTH}){_SUFFIX}"
_END = rf"(?![{LETTERS}\d])"
_START = rf"(?<![{LETTERS}\d])"

# «1992 жылдың 22 мамырында», «1992 жылғы наурызда», «1992 жылы»
EXPLICIT = re.compile(
    rf"{_START}(?P<head>(?P<year>\d{{3,4}})\s*-?\s*{_YEAR_WORD})(?:\s+(?:{_DAY_MONTH}|{_MONTH_ONLY}){_END})?")
# «1939–1945 жылдары», «1905-1910 ж.», «1905–1910 жж.»: a range of years
RANGE = re.compile(rf"{_START}(?P<first>\d{{4}})\s*[–—-]\s*(?P<second>\d{{4}}|\d\d(?!\s*-\s*(?:шы|ші)))\s*-?\s*"
                   rf"(?:жылдар{_SUFFIX}|жж?\.)")  # (and «1961-72 жылдары»: the second by its last two digits)
# «XV ғасырдың», «19-ғасырдың»: the century a decade after it is of («XV ғасырдың 70-жылдары»: the 1470s)
CENTURY_BEFORE = re.compile(r"(?:(?P<roman>[IVX]{1,5})|(?P<number>\d{1,2})\s*-?\s*)\s*ғасыр(?:дың|ының)\s+$")
# «1986-ның желтоқсаны»: the year with its genitive ending, then the month
YEAR_CASE_MONTH = re.compile(rf"{_START}(?P<year>\d{{4}})\s*-\s*(?:ның|нің|дың|дің|тың|тің)\s+"
                             rf"(?P<month_only>{_MONTH}){_SUFFIX}{_END}")
# «1893 ж. маусымның 25-і», «1938 жылы наурыздың 19-ы»: the year, the month's genitive, its day's number
YEAR_MONTH_DAY = re.compile(rf"{_START}(?P<year>\d{{4}})\s*{_YEAR_WORD}\s+(?P<month>{_MONTH}){_SUFFIX}\s+"
                            rf"(?P<day>\d{{1,2}})\s*-\s*(?:і|ы|сі|сы|нші|ншы|ші|шы){_END}")
# «Осы жылдың 5 қазанында», «сол жылы», «келесі жылдың наурызында»
RELATIVE = re.compile(
    rf"{_START}(?P<which>(?i:осы|сол|келесі))\s+жыл(?!дар){_SUFFIX}(?:\s+(?:{_DAY_MONTH}|{_MONTH_ONLY}){_END})?")
# «5 маусымында» with no year of its own
DAY_MONTH = re.compile(rf"{_START}{_DAY_MONTH}{_END}")
# «90 жылдардың ортасына дейін», «1990-шы жылдардың басында», «1980 жылдары»
DECADE = re.compile(
    rf"{_START}(?P<decade>(?:\d\d)?\d0)\s*(?:-\s*(?:шы|ші|ыншы|інші|)\s*)?жылдар{_SUFFIX}"
    rf"(?:\s+(?P<part>(?i:бас|орта|ая|соң)){_SUFFIX}(?:\s+(?:дейін|шейін|қарай))?)?")
# «1920-30 жылдарда», «1980–90-шы жылдары»: two decades, the second by its last two digits
DECADE_RANGE = re.compile(
    rf"{_START}(?P<first>\d\d\d0)\s*[–—-]\s*(?P<second>\d0)\s*(?:-\s*(?:шы|ші|ыншы|інші)\s*)?жылдар{_SUFFIX}")
# «26 қазан 2023 ж.», «26 Қазан, 2023»: day, month, year (a month with a capital too, between the two numbers)
DAY_MONTH_YEAR = re.compile(rf"{_START}(?P<day>\d{{1,2}})\s+(?P<month>(?i:{_MONTH})){_SUFFIX},?\s+(?P<year>\d{{4}})"
                            rf"(?:\s*(?:ж\.|жыл(?!дар){_SUFFIX}))?{_END}")
# «26.10.2023 ж.»: day, month and year in figures
NUMERIC = re.compile(rf"{_START}(?P<day>\d{{1,2}})\.(?P<number>\d{{1,2}})\.(?P<year>\d{{4}})"
                     rf"(?:\s*(?:ж\.|жыл(?!дар){_SUFFIX}))?(?![{LETTERS}]|\.?\d)")
PARTS = {"бас": "early", "орта": "mid", "ая": "late", "соң": "late"}
RELATIVE_YEAR = {"осы": 0, "сол": 0, "келесі": 1}
MIN_YEAR, MAX_YEAR = 1000, 2100  # a 3-digit number is a year only with «жылы/жылғы/жылдың»
YEAR_FORMS_FOR_SHORT = ("жылы", "жылғы", "жылдың")


@dataclass(frozen=True, order=True)
class Decade:
    """A decade (1990 for the 1990s) and, when said, its part: 'early', 'mid' or 'late'."""

    start: int
    part: str = ""

    def contains(self, year: int) -> bool:
        return self.start <= year < self.start + 10

    def iso(self) -> str:
        return f"{self.start}s" + (f" ({self.part})" if self.part else "")


@dataclass(frozen=True)
class FoundDate:
    """A date mention: paragraph index, character span, text, the date, and how precise it is.

    precision is 'day', 'month', 'year' or 'decade'; `inferred` is true when the year was not
    written but taken from an earlier one («Осы жылдың 5 қазанында»).
    """

    paragraph: int
    start: int
    end: int
    text: str
    date: PartialDate | Decade
    precision: str
    inferred: bool = False


def _month(name: str) -> int:
    return next(i for i, month in enumerate(MONTHS, start=1) if name.startswith(month))


def _dated(year: int, match: re.Match) -> tuple[PartialDate, str]:
    groups = match.groupdict()
    if groups.get("day"):
        return PartialDate(year, _month(groups["month"]), int(groups["day"])), "day"
    if groups.get("month_only"):
        return PartialDate(year, _month(groups["month_only"])), "month"
    return PartialDate(year), "year"


def _valid(date: PartialDate) -> bool:
    """False for a day the month does not have («31 ақпанда»): then the number is not a day."""
    return not date.day or 1 <= date.day <= calendar.monthrange(date.year, date.month)[1]


def _explicit_year(match: re.Match) -> int | None:
    year = int(match["year"])
    word = match["head"][len(match["year"]):].strip(" -")
    if MIN_YEAR <= year <= MAX_YEAR or (100 <= year < MIN_YEAR and word in YEAR_FORMS_FOR_SHORT):
        return year
    return None


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for letter, after in zip(numeral, numeral[1:] + " "):
        total += -values[letter] if values.get(after, 0) > values[letter] else values[letter]
    return total


def _candidates(text: str) -> list[tuple[int, int, str, re.Match]]:
    """Every pattern's matches in a paragraph, as (start, -end, kind, match): longest first at a place."""
    found = []
    for kind, pattern in (("range", RANGE), ("decades", DECADE_RANGE), ("decade", DECADE), ("explicit", EXPLICIT),
                          ("relative", RELATIVE), ("day-month", DAY_MONTH), ("day-month-year", DAY_MONTH_YEAR),
                          ("numeric", NUMERIC), ("year-case-month", YEAR_CASE_MONTH), ("year-month-day", YEAR_MONTH_DAY)):
        found += [(m.start(), -m.end(), kind, m) for m in pattern.finditer(text)]
    return sorted(found, key=lambda c: c[:2])


def find_dates(paragraphs: list[str]) -> list[FoundDate]:
    """Every date mentioned in the paragraphs, in reading order."""
    result: list[FoundDate] = []
    last_year: int | None = None
    for index, text in enumerate(paragraphs):
        taken = 0  # matches never overlap: the first (and longest) at a place wins
        for start, neg_end, kind, match in _candidates(text):
            if start < taken:
                continue
            found, last_year = _read(index, match, kind, last_year)
            if found:
                result.extend(found)
                taken = -neg_end
    return result


def _read(index: int, m: re.Match, kind: str, last_year: int | None) -> tuple[list[FoundDate], int | None]:
    """The dates one match says, and the last explicit year after it."""
    def found(date, precision, inferred=False, span=(m.start(), m.end())):
        return FoundDate(index, span[0], span[1], m.string[span[0]:span[1]], date, precision, inferred)

    if kind == "range" and len(m["second"]) == 2 and m["first"].endswith("0") and m["second"].endswith("0"):
        kind = "decades"  # «1920-30 жылдарда»: the twenties and thirties
    if kind == "range":
        first, second = int(m["first"]), int(m["second"])
        if len(m["second"]) == 2:  # «1961-72»
            second += first // 100 * 100 + (100 if second <= first % 100 else 0)
        return [found(PartialDate(first), "year", span=m.span("first")),
                found(PartialDate(second), "year", span=(m.start("second"), m.end()))], second
    if kind == "decades":
        first = int(m["first"])
        second = first // 100 * 100 + int(m["second"])
        if second <= first:  # «1990-10 жылдар»: the next century's
            second += 100
        return [found(Decade(first), "decade", span=m.span("first")),
                found(Decade(second), "decade", span=(m.start("second"), m.end()))], last_year
    if kind == "decade":
        value = int(m["decade"])
        century = CENTURY_BEFORE.search(m.string, 0, m.start()) if value < 100 else None
        if century:  # «XV ғасырдың 70-жылдары»
            number = _roman(century["roman"]) if century["roman"] else int(century["number"])
            value += (number - 1) * 100
        elif value < 100:
            value += 1900  # «90 жылдар»: the nineties of the last century
        part = PARTS[m["part"].lower()] if m["part"] else ""
        return [found(Decade(value, part), "decade")], last_year
    if kind == "year-case-month":
        year = int(m["year"])
        return ([found(PartialDate(year, _month(m["month_only"])), "month")], year) if MIN_YEAR <= year <= MAX_YEAR \
            else ([], last_year)
    if kind in ("day-month-year", "numeric", "year-month-day"):
        year = int(m["year"])
        month = int(m["number"]) if kind == "numeric" else _month(m["month"].lower())
        if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
            return [], last_year
        date = PartialDate(year, month, int(m["day"]))
        return ([found(date, "day")], year) if _valid(date) else ([], last_year)
    if kind == "explicit":
        year = _explicit_year(m)
        if year is None:
            return [], last_year
        date, precision = _dated(year, m)
        if not _valid(date):  # «1992 жылы 31 ақпанда»: the year stands, the day is no date
            return [found(PartialDate(year), "year", span=m.span("head"))], year
        return [found(date, precision)], year
    if last_year is None:  # a relative year or a bare day and month with nothing to resolve them by
        return [], last_year
    year = last_year + (RELATIVE_YEAR[m["which"].lower()] if kind == "relative" else 0)
    date, precision = _dated(year, m)
    return ([found(date, precision, inferred=True)] if _valid(date) else []), last_year
