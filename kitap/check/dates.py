"""`date-not-in-chronology` (warning): a date the article mentions that no chronology entry covers.

Dates are read by the language pack's date reader (kitap.languages.kk.datereader, …ru.datereader). An entry covers a mention when the dates agree at the
mention's precision — a year matches any entry in that year, a month any entry in that month, a
decade any entry in the decade, a full date only the same full date — or when the entry's anchor
is a phrase overlapping the mention: that is how «1992 жылдың 22 мамырында» is covered by the entry
dated 1992-05-23, whose anchor is that phrase (the article's date differs from the record, and a
note says so).
"""
from __future__ import annotations

from typing import Iterator

from ..errors import SourceError
from ..languages.kk.datereader import Decade, FoundDate
from .language import checking
from ..model import ChronoEvent
from ..transforms.anchors import locate
from .findings import Finding
from .source import Project


def _agrees(found: FoundDate, event: ChronoEvent) -> bool:
    date = event.date
    if isinstance(found.date, Decade):
        return found.date.contains(date.year)
    if found.precision == "day":
        return date == found.date
    if found.precision == "month":
        return (date.year, date.month) == (found.date.year, found.date.month)
    return date.year == found.date.year


def _anchored_spans(project: Project) -> list[tuple[int, int, int]]:
    """(block index, start, end) of every chronology anchor that is found in the article."""
    index_of = {id(block): index for index, block in enumerate(project.book.blocks)}
    spans = []
    for event in project.book.chronology:
        if event.anchor is None:
            continue
        try:
            block, start, end = locate(project.book.blocks, event.anchor, "chronology")
        except SourceError:
            continue  # reported by the anchor check
        spans.append((index_of[id(block)], start, end))
    return spans


def check(project: Project) -> Iterator[Finding]:
    article = project.article
    spans = _anchored_spans(project)
    find_dates = checking(project).function("dates")
    if find_dates is None:  # the language pack reads no dates
        return
    dates = find_dates(article.block_texts)
    if dates and not project.book.chronology:
        # a text with no chronology at all (a news item for one lesson): one word of its dates, not one a date
        # (a range, «1465–1466 гг.», is two dates of one phrase: named once)
        phrases = list({(found.paragraph, found.start, found.end): found for found in dates}.values())
        first = phrases[0]
        shown = ", ".join(f"«{found.text}»" for found in phrases[:3])
        shown += f" and {len(phrases) - 3} more" if len(phrases) > 3 else ""
        yield article.finding(article.block_offset(first.paragraph, first.start, first.end), "warning",
                              f"the text names {len(phrases)} date{'s' if len(phrases) > 1 else ''} ({shown}) and "
                              "chronology.yaml has no event: write the ones a lesson needs there (they make the "
                              "chronology and its timeline), or leave it empty", "date-not-in-chronology")
        return
    for found in dates:
        if any(_agrees(found, event) for event in project.book.chronology):
            continue
        if any(index == found.paragraph and start < found.end and found.start < end for index, start, end in spans):
            continue
        shown = found.date.iso()
        if found.inferred:
            shown += ", the year taken from the text before it"
        offset = article.block_offset(found.paragraph, found.start, found.end)
        yield article.finding(offset, "warning", f"date «{found.text}» ({shown}) is not in chronology.yaml; add an "
                              "entry for it, or link an entry to this phrase with 'anchor:'", "date-not-in-chronology")
