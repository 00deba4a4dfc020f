"""`python build.py check [--source DIR] [--fix]`: print the findings, count them, exit 1 on errors."""
from __future__ import annotations

import sys
from itertools import groupby
from pathlib import Path

import click

from ..errors import KitapError, display_path, messages, one_line as message_line
from . import Report, check_report
from .editorial import EDITORIAL_FILE
from .findings import Finding
from .output import as_json, counts, grouped, one_line
from .spelling import WORDS_FILE

SOURCE_HELP = "Project folder to check (book.yaml, article, annotations, glossary, chronology)."
FIX_HELP = ("Apply the safe fixes first: convert files in a legacy encoding (KZ-1048, Windows-1251 …) to UTF-8, "
            "then fix the article (legacy font letters, Latin look-alikes in Kazakh words, "
            "Cyrillic Roman numerals, a missing space after a full stop, doubled spaces, a lost full stop at a "
            "paragraph's end, a word typed on a Russian layout, '# ' before a heading, the title repeated at the "
            "start), keeping a backup (article.txt.bak); the changes a reader sees are recorded in editorial.yaml. "
            "Spelling and tripled letters are never changed.")
ADD_WORDS_HELP = ("Add the words the spelling check does not know to the project's words.txt (after listing them), "
                  "then check again.")


def _source_findings(error: KitapError) -> list[Finding]:
    """The loader's errors (a file that does not read, a YAML mistake) as findings, for --format json."""
    from ..errors import SourceError, SourceErrors

    found = error.errors if isinstance(error, SourceErrors) else [error] if isinstance(error, SourceError) else []
    if not found:
        return [Finding(Path("."), 0, 0, "error", line, "source") for line in messages(error)]
    return [Finding(e.path, e.line, 0, "error", message_line(e.message), "source") for e in found]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 'es' if word.endswith('x') else 's'}"


def print_report(report: Report, verbose: bool = False, form: str = "text", terminal: bool | None = None) -> None:
    """The findings (summarised unless verbose): grouped by paragraph on a terminal, one line each in a
    pipe, or JSON; then the counts, overall and by rule."""
    shown = report.shown(verbose)
    if form == "json":
        click.echo(as_json(shown, report.notes))
        return
    terminal = sys.stdout.isatty() if terminal is None else terminal
    if terminal:
        lines = grouped(shown, report.groups)
    else:
        lines = []
        for index, (_, group) in enumerate(groupby(shown, key=lambda f: f.path)):
            lines += ([""] if index else []) + one_line(list(group))
    for line in lines:
        click.echo(line)
    for note in report.notes:
        click.echo(f"info: {note}")
    if shown:
        click.echo()
    for line in counts(shown):
        click.echo(line)


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
        if fixed.recorded:
            click.echo(f"{_plural(fixed.recorded, 'correction')} recorded in "
                       f"{display_path(source / EDITORIAL_FILE)} (the colophon lists them)")
    else:
        click.echo(f"nothing to fix in {display_path(fixed.path)}")
    click.echo()


def _projects(source: Path) -> list[Path]:
    """The projects to check: the folder, or each text of a course pack (course.yaml read as the build reads
    it: its problems, and every text's source errors, are reported before anything is checked)."""
    from ..load.course import is_course, load_course, text_folders

    if not is_course(source) or (source / "book.yaml").is_file():
        return [source]
    load_course(source)
    return text_folders(source)


def _reports(folders: list[Path]) -> Report:
    """The findings on each project, one report (a course pack's texts in its order)."""
    reports = [check_report(folder) for folder in folders]
    return Report([f for r in reports for f in r.findings], list(dict.fromkeys(n for r in reports for n in r.notes)),
                  {path: spans for r in reports for path, spans in r.groups.items()})


def _add_words(source: Path, report: Report) -> None:
    words = list(dict.fromkeys(f.subject for f in report.findings if f.rule == "spelling" and f.subject))
    path = source / WORDS_FILE
    if not words:
        click.echo(f"no unknown words to add to {display_path(path)}")
        click.echo()
        return
    click.echo(f"adding {_plural(len(words), 'word')} to {display_path(path)}: {', '.join(words)}")
    old = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
    path.write_text(old + ("" if not old or old.endswith("\n") else "\n") + "\n".join(words) + "\n",
                    encoding="utf-8")
    click.echo()


@click.command("check", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--source", type=click.Path(path_type=Path), default=Path("source"), show_default=True, help=SOURCE_HELP)
@click.option("--fix", is_flag=True, help=FIX_HELP)
@click.option("--add-words", is_flag=True, help=ADD_WORDS_HELP)
@click.option("--verbose", "-v", is_flag=True, help="List every finding, also those a summary stands for.")
@click.option("--format", "form", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: grouped by paragraph on a terminal, one line per finding in a pipe; json: for tools.")
def check_command(source: Path, fix: bool, add_words: bool, verbose: bool, form: str) -> None:
    """Check a project (or each text of a course pack) for what an editor misses: anchors, abbreviations,
    dates, mixed alphabets, legacy font encodings, typing slips, punctuation, headings and spelling.

    In a pipe each finding is one line, `path:line:col: error|warning: message [rule]`; on a
    terminal the findings are grouped by paragraph. A problem found all over a file is shown once,
    with a count (--verbose lists each place). Errors (an anchor not found, text in a legacy font
    encoding) stop a build; warnings do not.

    \b
    Examples:
      python build.py check                        # the default project in source/
      python build.py check --source lessons/un    # another project
      python build.py check --fix                  # apply the safe fixes, then check again
      python build.py check --add-words            # teach it the words it does not know
      python build.py check | grep spelling        # one rule's findings
      python build.py check --format json          # for tools

    \b
    Exit status: 0 no errors (warnings allowed), 1 errors found or sources unreadable.
    """
    try:
        folders = _projects(source)
        if fix:
            for folder in folders:
                _print_fixes(folder)
        report = _reports(folders)
        if add_words:
            for folder in folders:
                _add_words(folder, _reports([folder]))
            report = _reports(folders)
    except KitapError as error:
        from ..cli import fail  # the build's own way of reporting unreadable sources

        if form == "json":  # a tool reading stdout gets them as findings of their own (rule "source")
            click.echo(as_json(_source_findings(error), []))
        fail(error)
    print_report(report, verbose, form)
    sys.exit(1 if report.errors else 0)
