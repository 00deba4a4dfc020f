"""The chronology drawn as a timeline (draw.py: events → SVG text; axis.py: the scale and its breaks;
labels.py: the labels' widths and lines), at the head of the chronology in every edition.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

from .draw import TimelineEvent, draw, stacked_height


@dataclass(frozen=True)
class Layout:
    """How wide a figure is drawn (in its label font sizes) and how tall one may be before it is split."""

    columns: float
    max_height: float
    css_class: str = ""


# The usual layout fits every edition: 30 label sizes wide (base.css sets it 30em wide), each part at most
# 36 tall, a page of any edition. Large print draws it narrower and so larger (base.css: svg.large, 24 em of
# 1.25 times the text): labels of 20 pt, years and paragraphs of 16 pt, the least large print sets.
LAYOUTS = {"": Layout(30, 36), "styles/print-large.css": Layout(24, 28, "large")}
# A screen (the e-book, the web page) draws it 20 label sizes wide (base.css: svg.screen, 20 em): on a phone
# of 360 px the figure fits the page at labels of 0.9 times the text; at 30 it shrank them to 11 px (a new
# user's trial: «labels of about 10 px, years of 8 px»). It is split where the A4 edition splits it (the
# e-book's page list, synced to the A4 pages, may point at a part's caption), each part taller: a screen scrolls.
SCREEN = Layout(20, LAYOUTS[""].max_height, "screen")

MAX_PLACES = 3  # an event many texts of a volume tell: its first three texts' marks and paragraphs, then «…»
FIRST_WORDS = 28  # letters of an event's first words standing in for its short form


def short_form(event, letters: int = FIRST_WORDS) -> str:
    """An event's label: its `short:` form, else its first words (whole words, up to `letters` letters) and «…»."""
    from ..transforms.inline_ops import plain_text

    if event.short:
        return event.short
    words = " ".join(plain_text(event.event).split()).rstrip(".").split(" ")
    taken = []
    for word in words:
        if len(" ".join(taken + [word])) > letters:
            break
        taken.append(word)
    if len(taken) == len(words):
        return " ".join(words)
    return (" ".join(taken).rstrip(",;:—– ") if taken else words[0][:letters - 1]) + "…"


def short_forms(events) -> list[str]:
    """Each event's label (short_form); a cut label that another one begins with, or equals, tells the
    events apart no more («Білім грантына өтініш…» for the start and the end of one campaign, «Омбы
    мұғалімдер…» beside «Омбы мұғалімдер семинариясын…»): they take more words until none does."""
    labels = [short_form(event) for event in events]
    letters = FIRST_WORDS
    while letters < 200:
        stems = [label.removesuffix("…") for label in labels]
        same = [i for i, stem in enumerate(stems) if labels[i].endswith("…") and not events[i].short
                and any(j != i and other.startswith(stem) for j, other in enumerate(stems))]
        if not same:
            break
        letters += 8
        for i in same:
            labels[i] = short_form(events[i], letters)
    return labels


def book_events(renderer) -> list[TimelineEvent]:
    """The book's chronology as timeline events: labels typeset, paragraphs of their phrases, links where
    the target has them."""
    from ..typography import NB_HYPHEN, typeset

    labels, book = renderer.pack.labels, renderer.book
    events = []
    for event, short in zip(book.chronology, short_forms(book.chronology)):
        paragraphs = list(dict.fromkeys(str(renderer.paragraph_of[ref]) for _, ref in event.places
                                        if ref and ref in renderer.paragraph_of))
        shown = ", ".join(paragraphs[:MAX_PLACES]) + (", …" if len(paragraphs) > MAX_PLACES else "")
        where = labels["paragraph_short"].format(n=shown) if paragraphs else ""
        href = "" if renderer.target.paged else renderer.href("chronology", event.id)
        source = str(event.chapter) if book.chapters and event.chapter else ""
        also = tuple(dict.fromkeys(str(chapter) for chapter, _ in event.more if chapter and str(chapter) != source))
        also = also[:MAX_PLACES - 1]  # (the chronology's list names every text that tells it)
        # a label is one line of SVG text: nothing to keep together, and the author's hyphen can be searched
        label = typeset(short, renderer.pack.typography).replace(NB_HYPHEN, "-")
        events.append(TimelineEvent(event.date, label, where, href, source, also if book.chapters else ()))
    return events


def legend(renderer) -> dict[str, str] | None:
    """A volume's texts (source → 'number. title'), each drawn with its own mark shape; None for one text."""
    from ..typography import typeset

    chapters = renderer.book.chapters
    if not chapters:
        return None
    drawn = {chapter for e in renderer.book.chronology for chapter, _ in e.places[:MAX_PLACES]}
    return {str(c.number): typeset(f"{c.number}. {c.meta.title}", renderer.pack.typography) for c in chapters
            if c.number in drawn}


def layout_of(renderer) -> Layout:
    """The layout for the edition the renderer renders (by the extra stylesheet that makes it); a screen's."""
    if not renderer.target.paged:
        return SCREEN
    return next((LAYOUTS[s] for s in renderer.extra_stylesheets if s in LAYOUTS), LAYOUTS[""])


def parts(events: list[TimelineEvent], layout: Layout = LAYOUTS[""]) -> list[list[TimelineEvent]]:
    """The events in date order, in as few figures as keep each under the layout's height, of equal
    numbers of events."""
    events = sorted(events, key=lambda e: e.date)
    count = max(1, math.ceil(stacked_height(events, layout.columns) / layout.max_height))
    size = math.ceil(len(events) / count)
    return [events[i:i + size] for i in range(0, len(events), size)]


def figure(renderer) -> str:
    """The book's timeline, as the chronology's template places it (in parts, when it is long)."""
    labels, layout = renderer.pack.labels, layout_of(renderer)
    pieces = parts(book_events(renderer), LAYOUTS[""] if layout is SCREEN else layout)
    svgs = []
    for number, events in enumerate(pieces, start=1):
        years = sorted({e.date.year for e in events})
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
        title = labels["timeline"] + (f" ({number}/{len(pieces)})" if len(pieces) > 1 else "")
        ident = "timeline" if len(pieces) == 1 else f"timeline-{number}"
        if len(pieces) > 1:  # the part's number, seen (its SVG title is read out, not printed); a page may
            # begin at it: the e-book's page marker goes there (an element with an id, as pagemap.py reads)
            caption = f"chronology-{ident}"  # (the chronology's id prefix: the e-book finds its file by it)
            svgs.append(f'<p class="timeline-part" id="{caption}" aria-hidden="true">'
                        f'{renderer.page_marks(caption)}{escape(title)}</p>')
        svgs.append(draw(events, title, labels["timeline_desc"].format(count=len(events), years=span), ident,
                         legend(renderer), layout.columns, layout.css_class))
    return '<div class="timeline">\n' + "\n".join(svgs) + "\n</div>"
