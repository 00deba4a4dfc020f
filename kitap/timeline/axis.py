"""The timeline's axis (it runs down the figure): years to scale, long empty stretches collapsed into a
broken-axis mark.

Every event is a time in years (1992-03-02 → 1992.17; a date of a month or a year is its middle). The
axis starts as one stretch to scale; while marks crowd each other (closer than MIN_SEP) or one empty
stretch fills most of the axis, the longest empty stretch is cut out and drawn as a break (BREAK wide).
Only stretches of at least MIN_BREAK_YEARS, and wider than two breaks, are cut: a cut must save room.
All lengths are in units of the label font size (the SVG's user units are that times FONT).
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass

from ..model import PartialDate

MARGIN = 1.4          # free space at either end of the axis (half a year label)
PAD = 0.6             # space inside a stretch before its first and after its last mark
BREAK = 1.8           # width of a collapsed stretch
MIN_SEP = 1.0         # marks closer than this crowd each other
MIN_BREAK_YEARS = 2.0
MAX_EMPTY = 0.4       # an empty stretch wider than this share of the axis is collapsed anyway
TICK_MIN = 1.3        # space between two year labels (one under the other)
TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
MONTH_TICKS_MIN = 0.7  # months get small unlabelled ticks when a month is at least this wide


def time_of(date: PartialDate) -> float:
    """A date as a time in years; a month or a year without its day is its middle."""
    if not date.month:
        return date.year + 0.5
    days = calendar.monthrange(date.year, date.month)[1]
    day = (date.day - 0.5) / days if date.day else 0.5
    return date.year + (date.month - 1 + day) / 12


@dataclass(frozen=True)
class Stretch:
    """A stretch of the axis to scale: times first..last drawn from x0 to x1 (along the axis)."""

    first: float
    last: float
    x0: float
    x1: float

    def x(self, time: float, scale: float) -> float:
        return self.x0 + PAD + (time - self.first) * scale if self.last > self.first else (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Axis:
    stretches: tuple[Stretch, ...]
    scale: float  # units per year

    def x(self, time: float) -> float:
        stretch = next(s for s in self.stretches if s.first <= time <= s.last)
        return stretch.x(time, self.scale)

    @property
    def breaks(self) -> list[float]:
        """The middle of each collapsed stretch."""
        return [(a.x1 + b.x0) / 2 for a, b in zip(self.stretches, self.stretches[1:])]


def _lay(times: list[float], cuts: set[int], width: float) -> Axis:
    """The axis of distinct sorted `times` with the gaps after the indexes in `cuts` collapsed."""
    groups, start = [], 0
    for index in range(len(times)):
        if index in cuts or index == len(times) - 1:
            groups.append((times[start], times[index]))
            start = index + 1
    years = sum(last - first for first, last in groups)
    room = width - 2 * MARGIN - BREAK * (len(groups) - 1) - 2 * PAD * len(groups)
    scale = room / years if years else 0.0
    spare = room / len(groups) if not years else 0.0  # every stretch a single moment: share the room
    stretches, x = [], MARGIN
    for first, last in groups:
        size = 2 * PAD + (last - first) * scale + spare
        stretches.append(Stretch(first, last, x, x + size))
        x += size + BREAK
    return Axis(tuple(stretches), scale)


def _crowded(times: list[float], cuts: set[int], axis: Axis) -> bool:
    gaps = [(times[i + 1] - times[i]) * axis.scale for i in range(len(times) - 1) if i not in cuts]
    if not gaps:
        return False
    return min(gaps) < MIN_SEP or max(gaps) > MAX_EMPTY * (axis.stretches[-1].x1 - axis.stretches[0].x0)


def make_axis(times: list[float], width: float) -> Axis:
    """The axis for these event times, `width` units long."""
    distinct = sorted(set(times))
    cuts: set[int] = set()
    axis = _lay(distinct, cuts, width)
    while _crowded(distinct, cuts, axis):
        gaps = [(distinct[i + 1] - distinct[i], i) for i in range(len(distinct) - 1) if i not in cuts]
        worth = [(gap, i) for gap, i in gaps if gap >= MIN_BREAK_YEARS and gap * axis.scale > 2 * BREAK]
        if not worth:
            break
        cuts.add(max(worth)[1])
        axis = _lay(distinct, cuts, width)
    return axis


@dataclass(frozen=True)
class Tick:
    x: float
    label: str  # '' for a month's small tick


def ticks(axis: Axis) -> list[Tick]:
    """Each stretch's first event's year at its start, year ticks at a round step inside it and its last
    event's year; months as small ticks where there is room; year labels never closer than TICK_MIN (the
    events' years first, each before the next; a round year too near one gives way)."""
    step = next((s for s in TICK_STEPS if s * axis.scale >= TICK_MIN), TICK_STEPS[-1]) if axis.scale else 0
    ends: list[Tick] = []    # the stretches' first and last events' years
    rounds: list[Tick] = []  # round years inside them
    months: list[Tick] = []
    for stretch in axis.stretches:
        first, last = int(stretch.first), int(stretch.last)
        ends.append(Tick(stretch.x(stretch.first, axis.scale), str(first)))
        if last != first:
            ends.append(Tick(stretch.x(stretch.last, axis.scale), str(last)))
        rounds += [Tick(stretch.x(y, axis.scale), str(y)) for y in range(first, last + 1)
                   if step and y % step == 0 and stretch.first <= y and str(y) not in (ends[-1].label, str(first))]
        if axis.scale / 12 >= MONTH_TICKS_MIN:
            months += [Tick(stretch.x(y + m / 12, axis.scale), "") for y in range(first, last + 1)
                       for m in range(12) if stretch.first <= y + m / 12 <= stretch.last]
    labelled: list[Tick] = []
    for tick in ends:
        if not labelled or tick.x - labelled[-1].x >= TICK_MIN:
            labelled.append(tick)
    for tick in rounds:
        if all(abs(tick.x - other.x) >= TICK_MIN for other in labelled):
            labelled.append(tick)
    return sorted(labelled, key=lambda t: t.x) + months
