"""`check --fix` keeps editorial.yaml true: each change to the author's words is recorded there.

A fix that changes what the reader sees (a full stop added, a space after a full stop, a word
typed on a Russian layout, Roman numerals retyped) becomes an entry of `corrections:` (line,
original, corrected, reason), so the colophon lists it like the editor's own corrections. A fix
that removes lines (the repeated title) moves the lines of the corrections already there. The file
is rewritten with ruamel.yaml's round trip, so its comments and layout stay.
"""
from __future__ import annotations

import bisect
import io
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .findings import Edit
from .source import LINE_BREAK

EDITORIAL_FILE = "editorial.yaml"
# The changes a reader sees, recorded with a reason in the book's language (its pack's correction_reasons).
RECORDED_RULES = frozenset({"paragraph-end", "space-after-punct", "roman-cyrillic", "keyboard-slip"})


@dataclass(frozen=True)
class Change:
    """One recorded correction: its line in the fixed article and the words before and after."""

    line: int
    original: str
    corrected: str
    rule: str


class Shift:
    """Maps offsets of a text to offsets of the same text after a round of edits."""

    def __init__(self, edits: list[Edit]):
        self.edits = sorted(edits, key=lambda e: (e.start, e.end))
        self.ends = [e.end for e in self.edits]
        total, self.deltas = 0, []
        for edit in self.edits:
            total += len(edit.text) - (edit.end - edit.start)
            self.deltas.append(total)

    def __call__(self, offset: int, after_insertions: bool = False) -> int:
        """The new offset of `offset`: edits ending at or before it count; an insertion right at it
        counts only `after_insertions` (the end of a run of text, which the insertion extends)."""
        count = bisect.bisect_right(self.ends, offset)
        while not after_insertions and count and self.edits[count - 1].start == offset == self.edits[count - 1].end:
            count -= 1
        return offset + (self.deltas[count - 1] if count else 0)


def _line_starts(text: str) -> list[int]:
    """Where each line of `text` starts, its line breaks counted as the loader counts them (CRLF, LF, and a
    lone CR too: a line's number in editorial.yaml is the line the build reads there)."""
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


def _word_run(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of non-space characters around text[start:end]."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def changes(rounds: list[tuple[str, list[tuple[Edit, object]]]], final_text: str) -> list[Change]:
    """The recorded changes of every round of fixes: (text before the round, [(edit, finding)])."""
    shifts = [Shift([edit for edit, _ in edits]) for _, edits in rounds]
    line_starts = _line_starts(final_text)
    result: list[Change] = []
    for number, (before, edits) in enumerate(rounds):
        by_run = dict.fromkeys((*_word_run(before, edit.start, edit.end), finding.rule) for edit, finding in edits
                               if finding.rule in RECORDED_RULES)
        for start, end, rule in by_run:
            new_start, new_end = start, end
            for shift in shifts[number:]:  # (what is inserted before the words is not theirs: a heading's «# »)
                new_start, new_end = shift(new_start, after_insertions=True), shift(new_end, after_insertions=True)
            # corrected as the final text reads, with what later fixes did to the same words
            result.append(Change(bisect.bisect_right(line_starts, new_start), before[start:end],
                                 final_text[new_start:new_end], rule))
    return result


def moved_line(line: int, original_text: str, rounds_edits: list[list[Edit]], final_text: str) -> int:
    """Where line `line` of the original article is after every round of edits."""
    starts = _line_starts(original_text)
    if not 1 <= line <= len(starts):
        return line
    offset = starts[line - 1]
    for edits in rounds_edits:
        offset = Shift(edits)(offset)
    final_starts = _line_starts(final_text)
    return bisect.bisect_right(final_starts, offset)


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # keep each value on its line
    yaml.preserve_quotes = True
    return yaml


def _take_trailing_comment(corrections: CommentedSeq):
    """The comment (a blank line, say) after the last correction, taken off it to go after the new ones."""
    if not corrections or not isinstance(corrections[-1], CommentedMap) or not corrections[-1]:
        return None
    last = corrections[-1]
    return last.ca.items.pop(list(last.keys())[-1], None)


def updated(path: Path, recorded: list[Change], move, reasons: dict[str, str]) -> str | None:
    """The new text of editorial.yaml, or None when nothing in it changes.

    `move(line)` gives the new line of an existing correction's line.
    """
    yaml = _yaml()
    data = yaml.load(path.read_text(encoding="utf-8-sig")) if path.is_file() else None
    if data is None:
        data = CommentedMap()
    corrections = data.get("corrections")
    if corrections is None:
        corrections = data["corrections"] = CommentedSeq()
    touched = False
    for entry in corrections:
        if isinstance(entry, dict) and isinstance(entry.get("line"), int) and move(entry["line"]) != entry["line"]:
            entry["line"] = move(entry["line"])
            touched = True
    trailing = _take_trailing_comment(corrections) if recorded else None
    for change in recorded:
        entry = CommentedMap()
        entry["line"] = change.line
        entry["original"] = DoubleQuotedScalarString(change.original)
        entry["corrected"] = DoubleQuotedScalarString(change.corrected)
        entry["reason"] = DoubleQuotedScalarString(reasons.get(change.rule, change.rule))
        corrections.append(entry)
        touched = True
    if trailing is not None:
        corrections[-1].ca.items["reason"] = trailing
    if not touched:
        return None
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
