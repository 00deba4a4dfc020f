"""A timeline as SVG text: a pure function of its events (no file is read, nothing else is asked).

Time runs down the figure: the axis on the left, years to scale with long empty stretches collapsed into a
broken-axis mark (axis.py), a mark for each event, and to the right of it the event's label (its short
form, and the paragraph of the text it comes from). Labels follow one another in time order, each pushed
down just enough not to overlap the one before, and each joined to its mark by a leader that bends across
the gap between axis and labels: marks and labels are in the same order, so no two leaders cross and no
label overlaps another, however crowded the years. One layout serves every width: the figure is COLUMNS
label font sizes wide, and the stylesheet sets it that many em wide, so its letters are the text's size
in print, large print and on a phone alike.

Grayscale; the project's fonts by family name ('Kitap Sans', styles/fonts.css). A mark links to its event
where `href` is given (e-book, web page). Events from several sources (the texts of a course pack) get a
mark shape each, and a legend names them. Lengths are in label font sizes; SVG user units are FONT times that.
"""
from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..model import PartialDate
from .axis import make_axis, ticks, time_of
from .labels import text_width, wrap

FONT = 10                 # user units per label font size
COLUMNS = 30              # the figure's width
SMALL = 0.8               # the paragraph line's size, and the years'
MARK = 0.34               # a mark's radius
AXIS_X = 4.2              # the axis; years end left of it
LEADER_X = (4.9, 6.3)     # a leader runs level from its mark to the first x, bends, and reaches its label at the second
LABEL_X = 6.6
LINE, SMALL_LINE = 1.2, 1.0   # line heights of a label's text and of its paragraph line
SPACING = 0.4             # between two labels
TOP, BOTTOM = 1.0, 1.0    # above the first label and the axis' start; below the last
LEGEND_LINE = 1.3
# The axis is as long as the labels one under the other, and at least this long for two moments or more:
# room for a break and marks apart in each stretch (three events, two in 1991 and one in 2021, made an axis
# of 4.8 with no room to cut the thirty empty years: the marks piled up under the one year «1991»).
MIN_AXIS = 10.0
# Mark shapes for the sources, in order: distinct in grayscale (shape, fill).
SHAPES = (("circle", "#000"), ("square", "#fff"), ("triangle", "#777"), ("diamond", "#000"),
          ("circle", "#fff"), ("square", "#777"), ("triangle", "#000"), ("diamond", "#fff"))
SVG_NS, XLINK_NS = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"
FAMILY = "'Kitap Sans', 'Noto Sans', sans-serif"


@dataclass(frozen=True)
class TimelineEvent:
    date: PartialDate
    label: str            # its short form
    where: str = ""       # the paragraph it comes from, as the book's language writes it ('10-абз.')
    href: str = ""        # where its mark links to ('' : no link, as in print)
    source: str = ""      # the text (chapter) of a volume it comes from
    also: tuple[str, ...] = ()  # the volume's other texts that tell it too (each drawn with its own mark)


@dataclass(frozen=True)
class Label:
    """A label's lines, its paragraph (on the last line when there is room, else under it), its top, width."""

    lines: tuple[str, ...]
    where: str
    top: float
    width: float
    where_below: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * LINE + (SMALL_LINE if self.where_below else 0)

    @property
    def anchor(self) -> float:
        """Where its leader reaches it: the middle of its first line."""
        return self.top + 0.6 * LINE


def _n(value: float) -> str:
    return f"{value * FONT:.1f}".removesuffix(".0")


WHERE_GAP = 0.5  # between a label's last line and its paragraph on that line


def label_of(event: TimelineEvent, room: float, top: float = 0.0) -> Label:
    lines = tuple(wrap(event.label, room))
    beside = text_width(lines[-1]) + WHERE_GAP + text_width(event.where, SMALL)
    below = bool(event.where) and beside > room
    widths = [text_width(line) for line in lines[:-1]] + [text_width(event.where, SMALL) if below else 0,
                                                          text_width(lines[-1]) if below or not event.where else beside]
    return Label(lines, event.where, top, max(widths), below)


def stacked_height(events: list[TimelineEvent], columns: float = COLUMNS) -> float:
    """The height of the events' labels one under the other (a figure is at least this tall)."""
    return sum(label_of(e, columns - LABEL_X - 0.2).height + SPACING for e in events)


def _labels(events: list[TimelineEvent], ys: list[float], room: float) -> list[Label]:
    """Each label as near its mark as the one before it lets it be."""
    result, bottom = [], float("-inf")
    for event, y in zip(events, ys):
        label = label_of(event, room, max(y - 0.6 * LINE, bottom + SPACING))
        result.append(label)
        bottom = label.top + label.height
    return result


def draw(events: list[TimelineEvent], title: str, description: str, ident: str,
         legend: dict[str, str] | None = None, columns: float = COLUMNS, css_class: str = "") -> str:
    """The SVG of a timeline. `legend` names the sources (source → name), when there are several;
    `ident` prefixes the ids of its title and description."""
    events = sorted(events, key=lambda e: e.date)
    sources = list(dict.fromkeys([*(legend or {}), *(s for e in events for s in (e.source, *e.also))]))
    shapes = {source: SHAPES[i % len(SHAPES)] for i, source in enumerate(sources)}
    room = columns - LABEL_X - 0.2
    top = TOP + (LEGEND_LINE * len(sources) if len(sources) > 1 else 0)
    times = [time_of(e.date) for e in events]
    length = stacked_height(events, columns)  # as long as the labels
    axis = make_axis(times, max(length, MIN_AXIS) if len(set(times)) > 1 else length)
    ys = [top + axis.x(time_of(e.date)) for e in events]
    labels = _labels(events, ys, room)
    height = max([top + axis.stretches[-1].x1] + [label.top + label.height for label in labels]) + BOTTOM
    out = [f'<svg xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}" class="timeline-svg{" " + css_class if css_class else ""}" viewBox="0 0 {_n(columns)} '
           f'{_n(height)}" width="{_n(columns)}" height="{_n(height)}" role="img" aria-labelledby="{ident}-title" '
           f'aria-describedby="{ident}-desc">',
           f'<title id="{ident}-title">{escape(title)}</title>', f'<desc id="{ident}-desc">{escape(description)}</desc>',
           # (the label size on a group, not on the <svg>: there a browser takes it for the figure's own font
           # size, and the stylesheet's width of 30em became 300 px whatever the text's size)
           f'<g font-family="{FAMILY}" font-size="{FONT}">']
    out += _axis(axis, top)
    if len(sources) > 1:
        out += _legend(sources, shapes, legend or {}, columns)
    out += [_event(event, y, label, shapes[event.source], [shapes[s] for s in event.also])
            for event, y, label in zip(events, ys, labels)]
    out.append("</g></svg>")
    return "\n".join(out)


def _axis(axis, top: float) -> list[str]:
    line = f'stroke="#000" stroke-width="{_n(0.1)}"'
    out = ['<g class="axis">']
    out += [f'<line x1="{_n(AXIS_X)}" y1="{_n(top + s.x0)}" x2="{_n(AXIS_X)}" y2="{_n(top + s.x1)}" {line}/>'
            for s in axis.stretches]
    for middle in axis.breaks:  # the broken-axis mark: two strokes across the axis where a stretch was cut out
        out += [f'<line class="break" x1="{_n(AXIS_X - 0.5)}" y1="{_n(top + middle + dy + 0.2)}" x2="{_n(AXIS_X + 0.5)}" '
                f'y2="{_n(top + middle + dy - 0.2)}" {line}/>' for dy in (-0.2, 0.2)]
    for tick in ticks(axis):
        y = top + tick.x
        size = 0.45 if tick.label else 0.22
        out.append(f'<line x1="{_n(AXIS_X - size)}" y1="{_n(y)}" x2="{_n(AXIS_X)}" y2="{_n(y)}" {line}/>')
        if tick.label:
            out.append(f'<text class="year" x="{_n(AXIS_X - 0.7)}" y="{_n(y + 0.3)}" font-size="{_n(SMALL)}" '
                       f'text-anchor="end" fill="#000">{tick.label}</text>')
    out.append("</g>")
    return out


def _shape(kind: str, fill: str, x: float, y: float, r: float = MARK) -> str:
    common = f'fill="{fill}" stroke="#000" stroke-width="{_n(0.08)}"'
    if kind == "circle":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" {common}/>'
    if kind == "square":
        return f'<rect x="{_n(x - r)}" y="{_n(y - r)}" width="{_n(2 * r)}" height="{_n(2 * r)}" {common}/>'
    points = ((x, y - 1.2 * r), (x + 1.1 * r, y + 0.8 * r), (x - 1.1 * r, y + 0.8 * r)) if kind == "triangle" else \
        ((x, y - 1.3 * r), (x + 1.3 * r, y), (x, y + 1.3 * r), (x - 1.3 * r, y))
    return f'<polygon points="{" ".join(f"{_n(a)},{_n(b)}" for a, b in points)}" {common}/>'


def _legend(sources: list[str], shapes: dict, names: dict[str, str], columns: float = COLUMNS) -> list[str]:
    out = ['<g class="legend">']
    room = (columns - 1.4 - 0.2) / SMALL  # (in the legend's own size)
    for row, source in enumerate(sources):
        y = TOP + row * LEGEND_LINE
        out.append(_shape(*shapes[source], 0.6, y - 0.3))
        name = _fitted(names.get(source, source), room)
        out.append(f'<text x="{_n(1.4)}" y="{_n(y)}" font-size="{_n(SMALL)}">{escape(name)}</text>')
    out.append("</g>")
    return out


def _fitted(text: str, room: float) -> str:
    """A text's first words and «…» when it is wider than `room` (a text's long title in the legend: it ran
    past the figure's edge, cut off mid-word; the chronology's list below names it whole)."""
    if text_width(text) <= room:
        return text
    words = text.split()
    while len(words) > 1 and text_width(" ".join(words) + "…") > room:
        words.pop()
    return " ".join(words).rstrip(",;:—–-") + "…"


def _event(event: TimelineEvent, y: float, label: Label, shape: tuple[str, str], others=()) -> str:
    (bend, reach), anchor = LEADER_X, label.anchor
    leader = (f'<polyline class="leader" points="{_n(AXIS_X)},{_n(y)} {_n(bend)},{_n(y)} {_n(reach)},{_n(anchor)} '
              f'{_n(LABEL_X - 0.15)},{_n(anchor)}" fill="none" stroke="#666" stroke-width="{_n(0.07)}"/>')
    texts = [f'<text class="short" x="{_n(LABEL_X)}" y="{_n(label.top + (n + 0.85) * LINE)}" fill="#000">'
             f'{escape(line)}</text>' for n, line in enumerate(label.lines)]
    if label.where:
        last = len(label.lines) - 1
        where_x, where_y = (LABEL_X, label.top + len(label.lines) * LINE + 0.75) if label.where_below else \
            (LABEL_X + text_width(label.lines[last]) + WHERE_GAP, label.top + (last + 0.85) * LINE)
        texts.append(f'<text class="where" x="{_n(where_x)}" y="{_n(where_y)}" font-size="{_n(SMALL)}" fill="#444">'
                     f'{escape(label.where)}</text>')
    # the texts a space apart (not drawn): text read out of the drawing keeps its words apart («декларациясы 25-абз.»)
    # the other texts' marks beside the first, on its leader (an event two texts tell: one mark each)
    marks = _shape(*shape, AXIS_X, y) + "".join(_shape(*other, AXIS_X + (n + 1) * 2.4 * MARK, y)
                                                for n, other in enumerate(others))
    body = (leader + marks + f'<g class="label" data-x="{_n(LABEL_X)}" data-y="{_n(label.top)}" '
            f'data-width="{_n(label.width)}" data-height="{_n(label.height)}">' + " ".join(texts) + "</g>")
    if event.href:
        body = f'<a xlink:href={quoteattr(event.href)}>{body}</a>'
    return f'<g class="event">{body}</g>'
