"""Dates as written in sources: YYYY, YYYY-MM or YYYY-MM-DD."""
from __future__ import annotations

import calendar
import re

from ..model import PartialDate

DATE_RE = re.compile(r"^([0-9]{1,4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


DAY_FIRST = re.compile(r"(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})")


def parse_partial_date(text: str) -> tuple[PartialDate | None, str | None]:
    """The date, or an error message saying what is wrong."""
    match = DATE_RE.match(text.strip())
    if not match:
        written = DAY_FIRST.fullmatch(text.strip())  # «31.02.1992», «2/3/1992»: as a date is written in a text
        if written:
            iso = f"{written['year']}-{int(written['month']):02d}-{int(written['day']):02d}"
            date, problem = parse_partial_date(iso)
            return None, (f"'{text}': write the date as YYYY-MM-DD, here '{iso}'" if date else
                          f"'{text}' would be '{iso}', but {problem.split(': ', 1)[1]}; check the date")
        return None, f"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 1992-03-02), a year from 1 to 9999"
    year = int(match[1])
    if year < 1:
        return None, f"'{text}': there is no year 0; years run from 1 to 9999"
    month = int(match[2]) if match[2] else 0
    day = int(match[3]) if match[3] else 0
    if match[2] and not 1 <= month <= 12:
        return None, f"'{text}': month {month} does not exist (use 01–12)"
    if match[3]:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            return None, f"'{text}': day {day} does not exist in that month (it has {last} days)"
    return PartialDate(year, month, day), None
