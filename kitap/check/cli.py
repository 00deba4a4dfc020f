"""`python build.py check [--source DIR] [--fix]`: print the findings, count them, exit 1 on errors."""
from __future__ import annotations

import sys
from collections import Counter
from itertools import groupby
from pathlib import Path

import click

from ..errors import KitapError, display_path
from . import Report, check_report

SOURCE_HELP = "Project folder to check (book.yaml, article, annotations, glossary, chronology)."
FIX_HELP = ("Apply the safe fixes first: convert files in a legacy encoding (KZ-1048, Windows-1251 …) to UTF-8, "
            "then fix the article (legacy font letters, Latin look-alikes in Kazakh words, "
            "Cyrillic Roman numerals, a missing space after a full stop, doubled spaces), keeping a backup "
            "(article.txt.bak). Spelling and tripled letters are never changed.")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 'es' if word.endswith('x') else 's'}"


def print_report(report: Report) -> None:
    """Findings grouped by file (in line and column order), then the counts, overall and by rule."""
    for index, (_, group) in enumerate(groupby(report.findings, key=lambda f: f.path)):
        if index:
            click.echo()
        for finding in group:
            click.echo(str(finding))
    for note in report.notes:
        click.echo(f"info: {note}")
    warnings = len(report.findings) - report.errors
    if report.findings:
        click.echo()
    click.echo(f"{_plural(report.errors, 'error')}, {_plural(warnings, 'warning')}")
    by_rule = Counter(f.rule for f in report.findings)
    if by_rule:
        click.echo("by rule: " + ", ".join(f"{rule} {count}" for rule, count in sorted(by_rule.items())))


def _print_fixes(source: Path) -> None:
    from .fix import convert_encodings, fix_project

    for converted in convert_encodings(source):
        click.echo(f"{display_path(converted.path)}: converted from {converted.encoding} to UTF-8; the original is "
                   f"kept as {display_path(converted.backup)}")
    fixed = fix_project(source)
    for finding in fixed.applied:
        where = f"{display_path(finding.path)}:{finding.line}:{finding.col}"
        click.echo(f"{where}: fixed: {finding.message} [{finding.rule}]")
    if fixed.applied:
        click.echo(f"{_plural(len(fixed.applied), 'fix')} applied to {display_path(fixed.path)}; "
                   f"the original is kept as {display_path(fixed.backup)}")
    else:
        click.echo(f"nothing to fix in {display_path(fixed.path)}")
    click.echo()


@click.command("check", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--source", type=click.Path(path_type=Path), default=Path("source"), show_default=True, help=SOURCE_HELP)
@click.option("--fix", is_flag=True, help=FIX_HELP)
def check_command(source: Path, fix: bool) -> None:
    """Check a project for what an editor misses: anchors, abbreviations, dates, mixed alphabets,
    legacy font encodings, typing slips and spelling.

    Each finding is one line, `path:line:col: error|warning: message [rule]`. Errors (an anchor
    not found, text in a legacy font encoding) stop a build; warnings do not.

    \b
    Examples:
      python build.py check                        # the default project in source/
      python build.py check --source lessons/un    # another project
      python build.py check --fix                  # apply the safe fixes, then check again
      python build.py check | grep spelling        # one rule's findings

    \b
    Exit status: 0 no errors (warnings allowed), 1 errors found or sources unreadable.
    """
    try:
        if fix:
            _print_fixes(source)
        report = check_report(source)
    except KitapError as error:
        from ..cli import fail  # the build's own way of reporting unreadable sources

        fail(error)
    print_report(report)
    sys.exit(1 if report.errors else 0)
