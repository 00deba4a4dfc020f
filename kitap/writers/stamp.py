"""The one time stamp every output carries, so the same sources give the same bytes."""
from __future__ import annotations

import datetime
import os

from ..load.dates import parse_partial_date
from ..model import Book

ZIP_EPOCH = datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc)


def build_time(book: Book) -> datetime.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the book's own date, else 1980-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return max(datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc), ZIP_EPOCH)
    date, _ = parse_partial_date(book.meta.date) if book.meta.date else (None, None)
    if date:
        return max(datetime.datetime(date.year, date.month or 1, date.day or 1, tzinfo=datetime.timezone.utc), ZIP_EPOCH)
    return ZIP_EPOCH
