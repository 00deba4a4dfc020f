"""Dates written out in Russian: «2 марта 1992 г.», «март 1992 г.», «1992 г.»."""
from __future__ import annotations

from ...model import PartialDate

MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
          "ноябрь", "декабрь")
MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                   "октября", "ноября", "декабря")
NBSP = "\u00a0"


def format_date(date: PartialDate) -> str:
    """1992-03-02 → '2 марта 1992 г.'; 1995-04 → 'апрель 1995 г.'; 1789 → '1789 г.' (no-break spaces)."""
    year = f"{date.year}{NBSP}г."
    if date.day:
        return f"{date.day}{NBSP}{MONTHS_GENITIVE[date.month - 1]} {year}"
    if date.month:
        return f"{MONTHS[date.month - 1]} {year}"
    return year
