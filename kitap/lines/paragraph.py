"""A paragraph of the model as the breaker's stream, and the breaks it chose written back into the text.

The paragraph is read as WeasyPrint will set it: each Text node as shown (typography and soft hyphens
applied) in the face of its emphasis, white space collapsed as HTML collapses it, a note call as its
number at the call's size, two calls side by side with their comma. Where the breaker chose no break, a
space becomes a no-break space and a soft hyphen is left out; nothing else of the text changes.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..model import Foreign, Link, Mark, NoteRef, PageBreak, Styled, Text
from . import Measure, Setting
from .breaker import (AFTER, AFTER_HYPHEN, CONTENT, FIXED, FORBIDDEN, JUSTIFIED, RAGGED, SOFT, SPACE, TIE, TOLERANCE,
                      Stream, best_breaks)
from .fonts import advances, face_file

SOFT_HYPHEN = "\u00ad"
NBSP = "\u00a0"
COLLAPSIBLE = " \t\n\r"
FIXED_SPACES = NBSP  # stretched by WeasyPrint's justification, as spaces are
# A line may end after these when a letter follows (Pango, by Unicode's line breaking rules): the hyphen
# ends the line as a hyphenated one; a dash or a slash does not.
BREAK_AFTER = {"-": AFTER_HYPHEN, "\u2010": AFTER_HYPHEN, "\u2013": AFTER, "\u2014": AFTER, "/": AFTER}
STYLES = {"em": ("italic", None), "i": ("italic", None), "strong": (None, 700), "b": (None, 700)}
# Justified paragraphs may be set with a letter spacing (em) of these when that spares a loose line, as
# TeX's microtype expands or condenses a font: a step of TRACKING_UNIT costs TRACKING_STEP demerits
# (squared for more). Tighter as well as looser: «1992 жылдың … мүшелігіне қабылданды» fits one A4 line
# only 0.02 em tighter, else its first line is left with spaces four times the font's. Up to 0.025 em: in
# the booklet's narrow measure that spares 4 of 10 loose lines of the default project (6 of 74 left); at
# 0.03 em the booklet's «1992 жылдың …» fits one line too, but its spaces all but vanish (looked at).
TRACKING = (0.0, -0.005, 0.005, -0.01, 0.01, -0.015, 0.015, -0.02, 0.02, -0.025, 0.025)
TRACKING_UNIT = 0.005
TRACKING_STEP = 20000.0
TIE_LETTERS = 4
TIE_WORD = re.compile(r"([^\W\d_]+(?:\u00ad[^\W\d_]+)*)(\.?)")  # a word, soft hyphens inside; a full stop after
WORD = re.compile(r"[^\W\d_][^\W_\u00ad]*(?:\u00ad[^\W_\u00ad]+)+")


class Unmeasured(Exception):
    """What the breaker cannot measure (code in another font): the paragraph is left to WeasyPrint."""


def _runs(setting: Setting, measure: Measure, children: list, display: dict[int, str]) -> tuple:
    """The paragraph as hashable runs: ('text', node id, text, style, weight) | ('call', number) |
    ('sep',) | ('br',)."""
    runs: list[tuple] = []

    def visit(nodes: list, style: str, weight: int) -> None:
        previous = None
        for node in nodes:
            if isinstance(node, NoteRef):
                if isinstance(previous, NoteRef):
                    runs.append(("sep",))
                runs.append(("call", str(node.number)))
            elif isinstance(node, Text):
                runs.append(("text", id(node), display.get(id(node), node.text), style, weight))
            elif isinstance(node, Styled):
                if node.style == "br":
                    runs.append(("br",))
                elif node.style in STYLES:
                    new_style, new_weight = STYLES[node.style]
                    visit(node.children, new_style or style, new_weight or weight)
                else:
                    raise Unmeasured(node.style)
            elif isinstance(node, (Foreign, Link, Mark)):
                visit(node.children, style, weight)
            elif not isinstance(node, PageBreak):
                raise Unmeasured(type(node).__name__)
            previous = node

    visit(children, measure.style, measure.weight)
    return tuple(runs)


def break_paragraph(setting: Setting, measure: Measure, children: list, display: dict[int, str],
                    number: str = "") -> tuple[dict[int, str], float]:
    """The new display text of the paragraph's Text nodes (empty: leave them as they are) and the letter
    spacing (em) to set the paragraph with. `number`: a note's, which its first line begins with."""
    try:
        runs = _runs(setting, measure, children, display)
        ids = [run[1] for run in runs if run[0] == "text"]
        solved = _solve(setting, measure, tuple(r if r[0] != "text" else (r[0], 0, *r[2:]) for r in runs), number)
    except Unmeasured:
        return {}, 0.0
    return (dict(zip(ids, solved[0])), solved[1]) if solved is not None else ({}, 0.0)


@lru_cache(maxsize=4096)
def _solve(setting: Setting, measure: Measure, runs: tuple, number: str) -> tuple[tuple[str, ...], float] | None:
    """The texts of the runs rewritten for the best breaks, and the letter spacing (em) they were found
    with: of TRACKING, the one with the least demerits (each step away from 0 costs TRACKING_STEP), only
    for justified text (cached: a paragraph is laid out again and again as the pages are mended, and
    unchanged paragraphs break the same way)."""
    # As TeX does, the breaks are first sought among lines no worse than TOLERANCE (most paragraphs have
    # such a way, and far fewer ways are weighed: breaking was a third of a volume's build time), and only
    # if there is none, or only one that breaks a rule, among all lines.
    for tolerance in (TOLERANCE, None):
        best = None
        for tracking in (TRACKING if measure.justified else (0.0,)):
            cost = TRACKING_STEP * round(abs(tracking) / TRACKING_UNIT) ** 2
            if best is not None and cost >= best[0]:
                break  # (TRACKING grows away from 0: no later tracking can do better than what was found)
            found = _breaks(setting, measure, runs, number, tracking * measure.size, tolerance)
            if found is not None:
                demerits = found[1] + cost
                if best is None or demerits < best[0]:
                    best = (demerits, found[0], tracking)
        if best is not None and best[0] < FORBIDDEN:
            break
    return (_rewrite(runs, best[1]), best[2]) if best else None


def _breaks(setting: Setting, measure: Measure, runs: tuple, number: str, tracking: float,
            tolerance: float | None = None):
    """(the chosen breaks as (run, character), total demerits) with `tracking` pt after every character."""
    segments, places = _untracked(setting, measure, runs)
    segments = [stream.tracked(tracking) for stream in segments]
    chosen: set[tuple[int, int]] = set()
    total = 0.0
    for segment, (stream, where) in enumerate(zip(segments, places)):
        params = JUSTIFIED if measure.justified else RAGGED
        indent = _indent(setting, measure, number) if segment == 0 else 0.0
        found = best_breaks(stream, measure.width, indent, params, measure.size, tolerance=tolerance)
        if found is None:
            return None
        chosen.update(where[i] for i in found[0] if where[i] is not None)
        total += found[1]
    return chosen, total


def _indent(setting: Setting, measure: Measure, number: str) -> float:
    if not measure.marker:  # a paragraph: its text-indent; a note: its number «N.» before the first line
        return measure.indent
    pattern, style, weight, size = measure.marker
    path = _face(setting, measure, style, weight)
    return measure.indent + sum(advances(path, size, pattern.replace("N", number or "1")))


def _face(setting: Setting, measure: Measure, style: str, weight: int) -> str:
    path = face_file(Path(setting.fonts_css), measure.family, style, weight)
    if path is None:
        raise Unmeasured(measure.family)
    return path


@lru_cache(maxsize=64)
def _untracked(setting: Setting, measure: Measure, runs: tuple):
    """The paragraph's streams with no letter spacing, measured once for every tracking tried (and both
    searches): Stream.tracked derives the others."""
    return _streams(setting, measure, runs)


def _streams(setting: Setting, measure: Measure, runs: tuple, tracking: float = 0.0):
    """One Stream per segment (a forced line break ends one), and for each element where it came from:
    (run, character) of a text, or None. `tracking`: letter spacing (pt) after every character."""
    segments, places = [], []
    stream, where = Stream(measure.word_spacing, tracking), []
    last_space = True  # white space at the start of a segment is dropped
    for index, run in enumerate(runs):
        if run[0] == "br":
            segments.append(stream)
            places.append(where)
            stream, where, last_space = Stream(measure.word_spacing, tracking), [], True
            continue
        if run[0] in ("call", "sep"):
            text, size = (run[1], setting.call_size) if run[0] == "call" else (",", setting.separator_size)
            path = _face(setting, measure, "normal", 400)
            before = setting.call_before if run[0] == "call" else 0.0
            stream.add(CONTENT, before + sum(advances(path, size, text)) + (tracking if run[0] == "sep" else 0.0),
                       spaced=run[0] == "sep")
            where.append(None)
            last_space = False
            continue
        _, _, text, style, weight = run
        widths = advances(_face(setting, measure, style, weight), measure.size, text)
        hyphen = sum(advances(_face(setting, measure, style, weight), measure.size, measure.hyphen)) + tracking
        for offset, char in enumerate(text):
            if char in COLLAPSIBLE:
                if last_space:
                    continue
                stream.add(SPACE, widths[offset] + tracking)
                last_space = True
            elif char == SOFT_HYPHEN:
                stream.add(SOFT, hyphen)
            else:
                following = text[offset + 1] if offset + 1 < len(text) else _next_char(runs, index)
                kind = BREAK_AFTER.get(char)
                breaks = kind and following.isalpha() and offset and text[offset - 1].isalnum()
                if char in FIXED_SPACES:
                    stream.add(TIE if _soft_tie(text, offset) else FIXED, widths[offset] + tracking)
                else:
                    stream.add(kind if breaks else CONTENT, widths[offset] + tracking, char.isalnum())
                last_space = False
            where.append((index, offset))
    segments.append(stream)
    places.append(where)
    return segments, places


def _soft_tie(text: str, offset: int) -> bool:
    """The no-break space at `offset` binds a number to a word of TIE_LETTERS letters or more («1989 жылы»,
    «11 шілдедегі»): a line may end there, at a cost (breaker.Params.tie_penalty), when every other way
    leaves a loose line. A number and a unit or an abbreviation («5 %», «1,6 млн.», «20 км») never part."""
    if not (offset and text[offset - 1].isdigit()):
        return False
    word = TIE_WORD.match(text, offset + 1)
    return bool(word) and len(word.group(1).replace(SOFT_HYPHEN, "")) >= TIE_LETTERS and not word.group(2)


def _next_char(runs: tuple, index: int) -> str:
    for run in runs[index + 1:]:
        if run[0] == "text" and run[2]:
            return run[2][0]
        if run[0] != "text":
            return "1"
    return " "


def _rewrite(runs: tuple, chosen: set[tuple[int, int]]) -> tuple[str, ...]:
    """Each text run as shown: spaces not chosen as no-break spaces, soft hyphens not chosen left out, white
    space HTML would collapse removed (so it cannot count twice)."""
    out: dict[int, str] = {}
    last_space = True
    for index, run in enumerate(runs):
        if run[0] != "text":
            last_space = run[0] == "br"
            continue
        chars = []
        for offset, char in enumerate(run[2]):
            if char in COLLAPSIBLE:
                if not last_space:  # a space at the end stays one: WeasyPrint drops it there
                    kept = (index, offset) in chosen or _trailing(runs, index, offset)
                    chars.append(" " if kept else NBSP)
                last_space = True
                continue
            last_space = False
            if char in FIXED_SPACES and (index, offset) in chosen:
                chars.append(" ")
            elif char != SOFT_HYPHEN or (index, offset) in chosen:
                chars.append(char)
        out[index] = "".join(chars)
    _move_end_spaces(runs, out)
    return tuple(out.values())


def _move_end_spaces(runs: tuple, out: dict[int, str]) -> None:
    """A no-break space that ends a text box gets half the word spacing and justification WeasyPrint gives
    the others (it finds the spaces at a box's ends by byte offset, and U+00A0 takes two bytes); at the
    start of the next box it gets all of it. So it goes there, when text follows directly."""
    for index in out:
        if out[index].endswith(NBSP) and index + 1 in out and out[index + 1] and out[index + 1][0] not in " " + NBSP:
            out[index] = out[index][:-1]
            out[index + 1] = NBSP + out[index + 1]


def _trailing(runs: tuple, index: int, offset: int) -> bool:
    """Nothing but white space follows in this segment."""
    if runs[index][2][offset + 1:].strip(COLLAPSIBLE):
        return False
    for run in runs[index + 1:]:
        if run[0] == "br":
            return True
        if run[0] != "text" or run[2].strip(COLLAPSIBLE):
            return False
    return True


def limit_hyphens(text: str, limits: tuple[int, int, int]) -> str:
    word, before, after = limits

    def limited(match: re.Match) -> str:
        parts = match.group().split(SOFT_HYPHEN)
        letters = [sum(c.isalpha() for c in part) for part in parts]
        if sum(letters) < word:
            return "".join(parts)
        out, seen, total = parts[0], letters[0], sum(letters)
        for part, count in zip(parts[1:], letters[1:]):
            out += (SOFT_HYPHEN if seen >= before and total - seen >= after else "") + part
            seen += count
        return out

    return WORD.sub(limited, text) if any(limits) else text
