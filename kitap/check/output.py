"""How findings are shown: summaries of file-wide problems, grouped on a terminal, one line in pipes, JSON.

- A rule that fires on at least SUMMARY_AT places of one file, in at least a third of its passages
  (a text typed wholly in a legacy font, thirty paragraphs without a full stop), is shown as one
  finding with the count, the lines and the fix; `--verbose` lists each.
- In a pipe (and in the build's output) every finding is one line, `path:line:col: severity:
  message [rule]`, for grep and editors. On a terminal the findings of each paragraph (or YAML
  entry) are grouped under its line and first words.
- `--format=json`: {"findings": [{path, line, col, severity, rule, message, fixable, count}], "errors",
  "warnings", "notes"}, for tools (the web preview can show the same list).
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

from ..errors import display_path
from .findings import Finding

SUMMARY_AT = 10
SUMMARY_SHARE = 1 / 3
LINE_SUMMARY_AT = 5  # fixable findings of one rule on one line (a paragraph typed with Latin «a» throughout): one
SHOWN_LINES = 8
PREVIEW_WORDS = 6
SUMMARIES = {  # rule → what the summary says (the count comes first)
    "font-hack": "words are in a legacy Kazakh font encoding",
    "paragraph-end": "paragraphs end without a full stop",
    "mixed-script": "words mix Latin and Cyrillic letters",
    "double-space": "places have several spaces in a row",
    "space-after-punct": "sentences start with no space after the full stop",
    "straight-quotes": "paragraphs have straight quote marks",
    "spelling": "words are not in the dictionary",
}


def summarised(findings: list[Finding], passages_per_file: dict[Path, int]) -> list[Finding]:
    """The findings with every file-wide problem (one rule in many places of a file) made one finding, and
    every problem all over one line that `--fix` mends (LINE_SUMMARY_AT of one rule) one finding for that line."""
    by_key: dict[tuple[Path, str], list[Finding]] = {}
    for finding in findings:
        by_key.setdefault((finding.path, finding.rule), []).append(finding)
    result = []
    for (path, rule), group in by_key.items():
        lines = sorted({f.line for f in group})
        wide = len(group) >= SUMMARY_AT and len(lines) >= SUMMARY_SHARE * passages_per_file.get(path, len(lines))
        if wide:
            result.append(_summary(group, lines))
            continue
        for line in lines:
            on_line = [f for f in group if f.line == line]
            fixable = all(f.fix for f in on_line)  # (unknown words are each shown: each needs its own look)
            result += [_summary(on_line, [line])] if len(on_line) >= LINE_SUMMARY_AT and fixable else on_line
    return sorted(result, key=lambda f: f.sort_key)


def _summary(group: list[Finding], lines: list[int]) -> Finding:
    first = group[0]
    shown = ", ".join(map(str, lines[:SHOWN_LINES])) + (", …" if len(lines) > SHOWN_LINES else "")
    what = SUMMARIES.get(first.rule, f"findings like this one: {first.message}")
    fixable = all(f.fix for f in group)
    advice = "`check --fix` fixes them all" if fixable else "each needs a look"
    message = f"{len(group)} {what} ({'lines' if len(lines) > 1 else 'line'} {shown}); {advice} (`--verbose` lists each)"
    severity = "error" if any(f.severity == "error" for f in group) else "warning"
    edits = tuple(edit for f in group for edit in f.fix)
    return replace(first, severity=severity, message=message, fix=edits, count=len(group))


def one_line(findings: list[Finding]) -> list[str]:
    return [str(f) for f in findings]


def grouped(findings: list[Finding], groups: dict[Path, list[tuple[int, int, str]]]) -> list[str]:
    """Lines for a terminal: each file, each paragraph or entry with findings, its findings under it."""
    out: list[str] = []
    for path in dict.fromkeys(f.path for f in findings):
        out += ([""] if out else []) + [display_path(path)]
        spans = groups.get(path, [])
        current = None
        for finding in (f for f in findings if f.path == path):
            span = next((s for s in spans if s[0] <= finding.line <= s[1]), (finding.line, finding.line, ""))
            if span != current:
                current = span
                where = f"line {span[0]}" if span[0] == span[1] else f"lines {span[0]}–{span[1]}"
                out.append(f"  {where}" + (f"  «{span[2]}»" if span[2] else ""))
            out.append(f"    {finding.line}:{finding.col}  {finding.severity}: {finding.message}  [{finding.rule}]")
    return out


def preview(text: str) -> str:
    words = text.split()
    return " ".join(words[:PREVIEW_WORDS]) + ("…" if len(words) > PREVIEW_WORDS else "")


def as_json(findings: list[Finding], notes: list[str]) -> str:
    errors = sum(f.severity == "error" for f in findings)
    return json.dumps({
        "findings": [{"path": display_path(f.path), "line": f.line, "col": f.col, "severity": f.severity,
                      "rule": f.rule, "message": f.message, "fixable": bool(f.fix), "count": f.count}
                     for f in findings],
        "errors": errors, "warnings": len(findings) - errors, "notes": notes}, ensure_ascii=False, indent=1)


def counts(findings: list[Finding]) -> list[str]:
    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    errors = sum(f.count for f in findings if f.severity == "error")
    warnings = sum(f.count for f in findings) - errors
    lines = [f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"]
    by_rule = Counter()
    for finding in findings:
        by_rule[finding.rule] += finding.count
    if by_rule:
        lines.append("by rule: " + ", ".join(f"{rule} {count}" for rule, count in sorted(by_rule.items())))
    return lines
