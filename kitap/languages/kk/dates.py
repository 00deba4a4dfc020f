"""Dates written out in Kazakh."""
from __future__ import annotations

from ...model import PartialDate

MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
          "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан")


def format_date(date: PartialDate) -> str:
    """1992-03-02 → '1992 жылғы 2 наурыз'; 1995-04 → '1995 жылғы сәуір'; 1789 → '1789 жыл'."""
    if date.day:
        return f"{date.year} жылғы {date.day} {MONTHS[date.month - 1]}"
    if date.month:
        return f"{date.year} жылғы {MONTHS[date.month - 1]}"
    return f"{date.year} жыл"
