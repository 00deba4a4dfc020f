"""`build.py check`: find what a Kazakh editor misses, before print.

Each module checks one thing and yields Findings (`path:line:col: severity: message [rule]`):

    anchors.py        anchor-missing, anchor-ambiguous, chrono-anchor-missing, question-paragraph (errors)
    mojibake.py       mojibake (text read in the wrong encoding and saved again)   (error, fixable)
    fonthack.py       font-hack                                                 (error, fixable)
    encoding.py       lost-letters («?» inside words: letters lost to an encoding)  (error)
    abbreviations.py  abbr-missing, abbr-unused, abbr-before-expansion
    dates.py          date-not-in-chronology
    script.py         mixed-script, roman-cyrillic (fixable), script-edition, untagged-russian
    hygiene.py        space-after-punct, space-missing, double-space, invisible-character (fixable), tripled-letter,
                      unbalanced-quotes, unbalanced-brackets, straight-quotes
    spelling.py       spelling, keyboard-slip (fixable; when hunspell-kk is installed)
    punctuation.py    paragraph-end (fixable), stray-period
    structure.py      heading-unmarked, title-repeated (fixable), md-merged-lines, md-unread, author-missing,
                      web-furniture

Malformed sources are not findings: loading raises SourceErrors, as the build does.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import abbreviations, anchors, dates, encoding, fonthack, hygiene, mojibake, punctuation, script, spelling, structure
from .findings import Edit, Finding
from .output import preview, summarised
from .source import Project, read_project

CHECKS = (anchors.check, mojibake.check, fonthack.check, encoding.check, abbreviations.check, dates.check, script.check,
          script.check_edition_script, script.check_untagged_russian, hygiene.check, punctuation.check,
          structure.check, spelling.check)
# The checks whose findings may carry safe edits, in the order --fix applies them.
FIXING_CHECKS = (mojibake.check, fonthack.check, script.check, hygiene.check, punctuation.check, structure.check, spelling.slips_only)

__all__ = ["Edit", "Finding", "Report", "check_project", "check_report"]


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # said once, not findings: "spelling not checked: …"
    # each file's passages: (first line, last line, first words), to group findings on a terminal
    groups: dict[Path, list[tuple[int, int, str]]] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    def shown(self, verbose: bool = False) -> list[Finding]:
        """The findings as shown: file-wide problems summarised unless `verbose`."""
        if verbose:
            return self.findings
        return summarised(self.findings, {path: len(spans) for path, spans in self.groups.items()})


def run_checks(project: Project, checks=CHECKS) -> list[Finding]:
    return sorted((finding for check in checks for finding in check(project)), key=lambda f: f.sort_key)


def passage_groups(project: Project) -> dict[Path, list[tuple[int, int, str]]]:
    groups: dict[Path, list[tuple[int, int, str]]] = {}
    for passage in project.passages:
        first, last = passage.locate(0)[0], passage.locate(max(len(passage.text.rstrip()) - 1, 0))[0]
        groups.setdefault(passage.path, []).append((first, last, preview(passage.text)))
    return groups


def check_report(root: Path, checks=CHECKS) -> Report:
    project = read_project(Path(root))
    notes = [reason] if (reason := spelling.unavailable_for(project.book.meta.language)) else []
    return Report(run_checks(project, checks), notes, passage_groups(project))


def check_project(root: Path) -> list[Finding]:
    """Every finding for the project in `root`, sorted by file, line and column."""
    return check_report(root).findings
