"""Line breaking for print: each paragraph broken by Knuth and Plass's algorithm over HarfBuzz widths,
the chosen breaks handed to WeasyPrint as the only places it may break.

WeasyPrint breaks greedily (each line as full as it can be, whatever it does to the next) and justifies
by stretching spaces only; on the seed's A4 handout that gave word spaces of 1.48 times the normal space
on average, 28 of 61 justified lines over 1.5 times, last lines of two letters and runs of three
hyphenated lines (bench/RESULTS.md, issue 16). Here every paragraph of the article and every footnote is
broken as a whole (breaker.py) with the widths WeasyPrint will give it: the shipped fonts shaped by
HarfBuzz, as Pango does (fonts.py), at the sizes, measures, indents and spacing a small probe layout of
the edition's stylesheets reports (kitap/weasy/probe.py: a `Setting`). The breaks chosen are then the
only ones WeasyPrint can take: every other space of the paragraph is set as a no-break space (WeasyPrint
stretches those as it stretches spaces) and every other soft hyphen is left out (paragraph.py). Nothing
changes WeasyPrint itself, and the e-book and the web page, which have no Setting, are unchanged.

The `hyphenate-limit-chars` of a paragraph's style (WeasyPrint applies it to its own hyphenation, not
to soft hyphens) is applied here to every soft hyphen of the edition: large print hyphenates only long
words.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Measure:
    """How one kind of text is set in an edition (pt), as the probe layout shows it."""

    width: float                    # the line length
    indent: float                   # the first line's indent
    size: float                     # font size
    word_spacing: float             # added to every space (negative: tighter than the font's space)
    justified: bool
    family: tuple[str, ...]
    style: str = "normal"
    weight: int = 400
    hyphen: str = "\u2010"          # what WeasyPrint sets at a soft hyphen it breaks at
    marker: tuple[str, str, int, float] = ()  # a footnote's «N.» before its first line: format, style, weight, size


@dataclass(frozen=True)
class Setting:
    """The line setting of one print edition: a Measure per kind of text ('p', 'quote', 'item', 'note'),
    the note calls' size and the space before them, the hyphenation limits."""

    measures: tuple[tuple[str, Measure], ...]
    call_size: float = 0.0
    call_before: float = 0.0         # padding and margin before a call (pt)
    separator_size: float = 0.0      # the comma between two calls
    limits: tuple[int, int, int] = (0, 0, 0)  # hyphenate-limit-chars: word, before, after (letters)
    fonts_css: str = ""
    _index: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def measure(self, kind: str) -> Measure | None:
        if not self._index:
            self._index.update(self.measures)
        return self._index.get(kind)


def set_lines(setting: Setting, kind: str, children: list, display: dict[int, str], number: str = "") -> float:
    """Break a paragraph (or a note) of `kind`: its texts in `display` (id of a Text node → the text as
    shown) are rewritten so that WeasyPrint breaks it where the breaker chose; returns the letter spacing
    (em) the paragraph is to be set with. Left as they are when the kind has no measure or the paragraph
    holds what cannot be measured."""
    measure = setting.measure(kind)
    if measure is None:
        return 0.0
    from .paragraph import break_paragraph

    texts, tracking = break_paragraph(setting, measure, children, display, number)
    display.update(texts)
    return tracking


def limit_hyphens(text: str, limits: tuple[int, int, int]) -> str:
    """`text` without the soft hyphens `hyphenate-limit-chars` forbids: in words shorter than `word`
    letters, or fewer than `before` letters from the word's start or `after` from its end."""
    from .paragraph import limit_hyphens as limiting

    return limiting(text, limits)
