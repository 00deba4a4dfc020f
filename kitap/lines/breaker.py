"""Knuth and Plass's optimal line breaking (TeX's algorithm) over a paragraph's widths.

A paragraph is a stream of elements: content (a character, a note call), breakable spaces, fixed spaces
(no-break spaces: they stretch but never break), ties (the no-break space between a number and its word:
a break there costs more than a loose line), soft hyphens (a break that adds a hyphen) and breaks
after a character (a hard hyphen or a dash). Every way of breaking it into lines is weighed at once and
the one with the least demerits is chosen: each line's badness grows with the cube of how far its spaces
are from the font's normal space; hyphens, two hyphens in a row, a hyphen before the last line and a
change from a tight to a loose line add demerits, as in TeX. Some things are not done at all (unless
nothing else is possible): three hyphenated lines in a row, a last line shorter than MIN_LAST_LETTERS
letters and digits, a last line that is only the end of a word hyphenated on the line before.

WeasyPrint only stretches spaces; a line may still be set tighter than the normal space when the style
gives the paragraph a negative `word-spacing` (its minimum space): that is the shrink TeX allows.
"""
from __future__ import annotations

from dataclasses import dataclass

CONTENT, SPACE, FIXED, TIE, SOFT, AFTER, AFTER_HYPHEN = "c", " ", "~", "t", "-", "/", "h"
BREAKS = {SPACE, TIE, SOFT, AFTER, AFTER_HYPHEN}
SPACING = (SPACE, FIXED, TIE)
HYPHENATED = {SOFT, AFTER_HYPHEN}  # a line ending there ends in a hyphen
MIN_LAST_LETTERS = 5
MAX_HYPHEN_RUN = 2
# Demerits of what is done only when nothing else is possible: more than any line's looseness can cost
# (badness is not capped, as TeX caps it at 10000: a capped «1992 жылдың» alone on a line tied with a
# line of six loose spaces, and won).
FORBIDDEN = 1e30
# A limit to a line's badness for a first search (paragraph.py): spaces of about 1.68 × the font's when
# justified, about 3 em left free when ragged (TeX's \tolerance is 200 at its laxer stretch)
TOLERANCE = 2000.0
FIT = 0.5              # pt left free on every line: Pango sets a line up to ~0.15 pt wider than HarfBuzz measures it
                       # (note calls, kerning across boxes); a line that does not fit breaks where it should not


@dataclass(frozen=True)
class Params:
    """One mode of breaking (the numbers are TeX's defaults, but for `rag`)."""

    justified: bool
    stretch: float = 0.5          # a justified line's badness is 100 at spaces of (1 + stretch) × normal
    rag: float = 2.0              # a ragged line's badness is 100 at this many em left free
    line_penalty: float = 10
    hyphen_penalty: float = 50
    double_hyphen: float = 10000  # two hyphenated lines in a row
    final_hyphen: float = 5000    # a hyphen at the end of the last line but one
    adjacent: float = 10000       # a very loose line next to a tight one, and so on
    # A break between a number and its word («1997 жылғы 11 | шілдедегі»): dearer than a loose line (badness
    # 800 at 1.5 ×: (10 + 800)² ≈ 656,000), so only where it spares more than one; the news text's booklet
    # (bench/RESULTS.md, issue 16) had 5 loose lines of 16 without it, none with it
    tie_penalty: float = 1000


# Justified: badness 100 at spaces of 1.25 × normal (TeX's 0.5 let lines of 1.5 × pass as well as a
# hyphen; measured in bench/RESULTS.md, issue 16).
JUSTIFIED = Params(justified=True, stretch=0.25)
RAGGED = Params(justified=False, hyphen_penalty=200)


class Stream:
    """A paragraph's elements, filled in order; the prefix sums make any line's width a subtraction."""

    def __init__(self, space_adjust: float = 0.0, tracking: float = 0.0):
        self.tracking = tracking  # letter spacing (pt) after every character, spaces included
        self.kinds: list[str] = []
        self.content = [0.0]   # prefix sums of content widths
        self.natural = [0.0]   # … of the spaces' natural widths
        self.spaces = [0]      # … of the number of spaces
        self.letters = [0]     # … of letters and digits
        self.adjust = space_adjust  # added to every space (the style's word-spacing)
        self.hyphens: dict[int, float] = {}  # soft hyphen → the width of the hyphen set there
        self.spaced = [0]      # … of the content elements the letter spacing is added to (not note calls)

    def add(self, kind: str, width: float = 0.0, letter: bool = False, spaced: bool = True) -> None:
        """An element; for a soft hyphen `width` is the hyphen's, set only if the line breaks there.
        `spaced`: content the paragraph's letter spacing is added to (a note call is not)."""
        if kind == SOFT:
            self.hyphens[len(self.kinds)] = width
        self.kinds.append(kind)
        spacing = kind in SPACING
        content = kind in (CONTENT, AFTER, AFTER_HYPHEN)
        self.content.append(self.content[-1] + (width if content else 0.0))
        self.natural.append(self.natural[-1] + (width if spacing else 0.0))
        self.spaces.append(self.spaces[-1] + spacing)
        self.letters.append(self.letters[-1] + letter)
        self.spaced.append(self.spaced[-1] + (content and spaced))

    def tracked(self, tracking: float) -> "Stream":
        """This stream (filled with no letter spacing) as it is with `tracking` pt after every character:
        each spaced content element, each space and each hyphen `tracking` wider. The same widths as
        filling it again with them, without measuring the text again."""
        if not tracking:
            return self
        other = Stream(self.adjust, tracking)
        other.kinds, other.spaces, other.letters, other.spaced = self.kinds, self.spaces, self.letters, self.spaced
        other.content = [width + tracking * count for width, count in zip(self.content, self.spaced)]
        other.natural = [width + tracking * count for width, count in zip(self.natural, self.spaces)]
        other.hyphens = {index: width + tracking for index, width in self.hyphens.items()}
        return other

    def __len__(self) -> int:
        return len(self.kinds)

    def width(self, start: int, end: int) -> float:
        """The width of elements [start, end) with every space at its minimum."""
        spaces = self.spaces[end] - self.spaces[start]
        return self.content[end] - self.content[start] + self.natural[end] - self.natural[start] + spaces * self.adjust


def _line_end(stream: Stream, index: int) -> tuple[int, int]:
    """(end of the line, start of the next) for a break at element `index` (len: the paragraph's end)."""
    if index == len(stream):
        return index, index
    if stream.kinds[index] in (AFTER, AFTER_HYPHEN):
        return index + 1, index + 1
    return index, index + 1


def _fitness(ratio: float) -> int:
    return 0 if ratio < -0.5 else 1 if ratio <= 0.5 else 2 if ratio <= 1 else 3


def _badness(stream: Stream, start: int, end: int, slack: float, params: Params, em: float) -> tuple[float, int]:
    if not params.justified:
        ratio = slack / (params.rag * em)
        return 100 * ratio ** 3, _fitness(ratio)
    natural = stream.natural[end] - stream.natural[start]
    spaces = stream.spaces[end] - stream.spaces[start]
    if not spaces:  # one word: WeasyPrint cannot stretch it; as bad as one space that wide
        natural, spaces = 0.26 * em, 1
    # The gap a reader sees between two words is the space as set and the letter spacing of the letter
    # before it; it is weighed against the font's own space (the tracking taken out of both)
    extra = spaces * stream.tracking
    font = natural - extra
    minimum = natural + spaces * stream.adjust + extra
    quotient = (minimum + slack) / font
    if quotient >= 1:
        ratio = (quotient - 1) / params.stretch
    else:
        shrink = 1 - minimum / font
        ratio = (quotient - 1) / shrink if shrink > 0 else -1.0
    return 100 * abs(ratio) ** 3, _fitness(ratio)


def best_breaks(stream: Stream, width: float, indent: float, params: Params, em: float,
                last_rules: bool = True, tolerance: float | None = None) -> tuple[list[int], float] | None:
    """The elements to break at (in order, without the paragraph's end) and their total demerits, or None
    when no line can hold an unbreakable piece (the caller then leaves the paragraph to WeasyPrint), or
    none is within `tolerance` (a line's badness: lines worse are not weighed at all)."""
    candidates = [i for i, kind in enumerate(stream.kinds) if kind in BREAKS] + [len(stream)]
    # state (start of the next line, fitness of the line before, hyphenated lines in a row) →
    # (total demerits, the state before, the break that made it)
    start = (0, 1, 0)
    nodes: dict[tuple, tuple] = {start: (0.0, None, None, False)}
    active = [start]
    for index in candidates:
        end, following = _line_end(stream, index)
        final = index == len(stream)
        kind = None if final else stream.kinds[index]
        hyphen = stream.hyphens.get(index, 0.0)
        penalty = params.hyphen_penalty if kind in HYPHENATED else params.tie_penalty if kind == TIE else 0.0
        made: dict[tuple, tuple] = {}
        keep = []
        for state in active:
            line_start, fitness, run = state
            measure = width - (indent if line_start == 0 else 0.0) - FIT
            base = stream.width(line_start, end)
            if base > measure:
                continue  # too long already: no later break can end a line that starts there
            keep.append(state)
            slack = measure - base - hyphen
            if slack < 0 or following == line_start:
                continue
            total = nodes[state][0]
            if final:
                demerits = _last_line(stream, state, nodes, line_start, end, params, last_rules)
                new_fitness = 1
            else:
                badness, new_fitness = _badness(stream, line_start, end, slack, params, em)
                if tolerance is not None and badness > tolerance:
                    continue
                demerits = (params.line_penalty + badness) ** 2 + penalty ** 2
                if abs(new_fitness - fitness) > 1:
                    demerits += params.adjacent
            hyphenated = kind in HYPHENATED
            new_run = run + 1 if hyphenated else 0
            if hyphenated and run:
                demerits += params.double_hyphen
            if new_run > MAX_HYPHEN_RUN:
                demerits += FORBIDDEN
                new_run = MAX_HYPHEN_RUN
            key = (following, new_fitness, new_run) if not final else ("end",)
            if key not in made or total + demerits < made[key][0]:
                made[key] = (total + demerits, state, index, hyphenated)
        active = keep
        for key, value in made.items():
            if key not in nodes or value[0] < nodes[key][0]:
                nodes[key] = value
                if key != ("end",):
                    active.append(key)
        if not active and not final:
            return None
    if ("end",) not in nodes:
        return None
    chosen, state, total = [], ("end",), nodes[("end",)][0]
    while nodes[state][1] is not None:
        _, previous, index, _ = nodes[state]
        if state != ("end",):
            chosen.append(index)
        state = previous
    return sorted(chosen), total


def _last_line(stream: Stream, state: tuple, nodes: dict, start: int, end: int, params: Params,
               last_rules: bool) -> float:
    """The last line is set as it comes (not justified): only its length and its first word matter."""
    demerits = params.line_penalty ** 2
    if start == 0 or not last_rules:
        return demerits
    previous_hyphenated = nodes[state][3]
    letters = stream.letters[end] - stream.letters[start]
    spaces = stream.spaces[end] - stream.spaces[start]
    if letters < MIN_LAST_LETTERS or (previous_hyphenated and not spaces):
        demerits += FORBIDDEN
    if previous_hyphenated:
        demerits += params.final_hyphen
    return demerits
