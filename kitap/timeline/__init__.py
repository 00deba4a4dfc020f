"""The chronology drawn as a timeline (draw.py: events → SVG text; axis.py: the scale and its breaks;
labels.py: the labels' widths and lines), at the head of the chronology in every edition.
"""
from __future__ import annotations

import math

from .draw import TimelineEvent, draw, stacked_height

MAX_HEIGHT = 36  # label font sizes: a figure taller than this is split, each part fitting a page of any edition

FIRST_WORDS = 28  # letters of an event's first words standing in for its short form


def short_form(event) -> str:
    """An event's label: its `short:` form, else its first words (whole words, up to FIRST_WORDS letters) and «…»."""
    from ..transforms.inline_ops import plain_text

    if event.short:
        return event.short
    words = " ".join(plain_text(event.event).split()).rstrip(".").split(" ")
    taken = []
    for word in words:
        if len(" ".join(taken + [word])) > FIRST_WORDS:
            break
        taken.append(word)
    if len(taken) == len(words):
        return " ".join(words)
    return (" ".join(taken).rstrip(",;:—– ") if taken else words[0][:FIRST_WORDS - 1]) + "…"


def book_events(renderer) -> list[TimelineEvent]:
    """The book's chronology as timeline events: labels typeset, paragraphs of their phrases, links where
    the target has them."""
    from ..typography import NB_HYPHEN, typeset

    labels, book = renderer.pack.labels, renderer.book
    events = []
    for event in book.chronology:
        paragraph = renderer.paragraph_of.get(event.ref) if event.ref else None
        where = labels["paragraph_short"].format(n=paragraph) if paragraph else ""
        href = "" if renderer.target.paged else renderer.href("chronology", event.id)
        # a label is one line of SVG text: nothing to keep together, and the author's hyphen can be searched
        label = typeset(short_form(event), renderer.pack.typography).replace(NB_HYPHEN, "-")
        events.append(TimelineEvent(event.date, label, where, href))
    return events


def parts(events: list[TimelineEvent]) -> list[list[TimelineEvent]]:
    """The events in date order, in as few figures as keep each under MAX_HEIGHT, of equal numbers of events."""
    events = sorted(events, key=lambda e: e.date)
    count = max(1, math.ceil(stacked_height(events) / MAX_HEIGHT))
    size = math.ceil(len(events) / count)
    return [events[i:i + size] for i in range(0, len(events), size)]


def figure(renderer) -> str:
    """The book's timeline, as the chronology's template places it (in parts, when it is long)."""
    labels = renderer.pack.labels
    pieces = parts(book_events(renderer))
    svgs = []
    for number, events in enumerate(pieces, start=1):
        years = sorted({e.date.year for e in events})
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
        title = labels["timeline"] + (f" ({number}/{len(pieces)})" if len(pieces) > 1 else "")
        ident = "timeline" if len(pieces) == 1 else f"timeline-{number}"
        svgs.append(draw(events, title, labels["timeline_desc"].format(count=len(events), years=span), ident))
    return '<div class="timeline">\n' + "\n".join(svgs) + "\n</div>"
