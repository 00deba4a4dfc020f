"""The chronology (chronology.yaml): dated events in date order, each linked both ways with the phrase of
the text that mentions it, and drawn as a timeline at the head of its part (kitap/timeline)."""
from __future__ import annotations

from typing import Any

from . import Appendix

SHORT_LIMIT = 32  # letters of an event's `short:` form: a timeline label that fits beside its neighbours


def load(node: Any, path, errors: list) -> list:
    from ..load.dates import parse_partial_date
    from ..load.project import anchor_of, inline_text
    from ..load.yamlio import Field, check_list, check_mapping, line_of
    from ..errors import SourceError
    from ..model import ChronoEvent, Origin

    fields_of = (Field("date", "date", required=True), Field("event", required=True), Field("anchor"),
                 Field("occurrence", "int"), Field("short", limit=SHORT_LIMIT))
    result: list[ChronoEvent] = []

    def each(item: Any, line: int) -> None:
        fields = check_mapping(item, fields_of, path, line, "a chronology entry", errors)
        if "date" not in fields or "event" not in fields:
            return
        date, problem = parse_partial_date(fields["date"])
        if problem:
            errors.append(SourceError(path, line_of(item, "date", line), problem))
            return
        event = inline_text(fields["event"], Origin(path, line_of(item, "event", line)), errors)
        result.append(ChronoEvent(date, event, Origin(path, line), anchor_of(fields, path, line),
                                  short=fields.get("short", "")))

    check_list(node, path, "chronology.yaml", errors, each)
    return result


def sort(events: list, pack) -> None:
    events.sort(key=lambda event: event.date)  # stable: same-date entries keep file order


def link(book):
    from ..transforms.anchors import link_chronology

    return link_chronology(book)


def convert(events: list, converter) -> None:
    for event in events:
        converter.inlines(event.event)
        event.short = converter(event.short)


def texts(event) -> list[tuple[str, str, str]]:
    from ..transforms.inline_ops import plain_text

    return [(plain_text(event.event), "event", "event"), (event.short, "name", "short")]


APPENDIX = Appendix("chronology", "chronology.yaml", "dated events", load, "parts/chronology.html.j2", sort=sort,
                    link=link, link_first=True, convert=convert, texts=texts, epub_type="appendix", ids=("ch-", "chronology"))
