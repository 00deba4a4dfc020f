"""The `import` subcommand (loaded only when used)."""
from __future__ import annotations

from pathlib import Path

import click

from ..cli import EXIT_STATUS, command_line, fail
from ..errors import KitapError
from ..scaffold import placeholder_author


@click.command("import", epilog=EXIT_STATUS)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
def import_command(file: Path, folder: Path | None) -> None:
    """Make a new project in FOLDER from FILE: a Word document (.docx), an OpenDocument text (.odt), a
    saved web page (.html, .htm), Markdown (.md) or text (.txt). Headings, italics, bold, quotes and
    lists are kept; footnotes and endnotes become annotations.yaml entries; abbreviations become a
    glossary.yaml draft to confirm. FOLDER must be new or empty; without it, a folder named after the
    file (in Latin letters) is made in the current directory. Nothing is written unless everything
    was read. Pictures and tables cannot be kept yet: each is named in a warning.

    \b
    Examples:
      python build.py import ~/Downloads/Абай.docx lessons/abai
      python build.py import saved-page.html          # → ./saved-page/
    """
    from . import import_file

    try:
        result = import_file(file, folder)
    except KitapError as error:
        fail(error)
    for warning in result.warnings:
        click.echo(warning, err=True)
    click.echo(f"imported {file}, {result.kind}, into {result.folder}/:")
    for line in _summary(result):
        click.echo("  " + line)
    if result.errors:
        for error in result.errors:
            click.echo(error, err=True)
        also = "; then correct the same words in the anchors of annotations.yaml" if result.notes else ""
        click.echo(f"the text has {_count(len(result.errors), 'problem')} the build stops at (the file's own words, "
                   f"kept as they are); `check --fix` below repairs the mechanical ones{also}", err=True)
        click.echo("next: " + command_line("check", "--source", result.folder, "--fix"))
        return
    if result.broken:
        click.echo(f"{_count(result.broken, 'line')} broken inside a sentence (a text copied with its line breaks); "
                   "`check --fix` below joins each to the next")
    if result.unmarked:
        shown = ", ".join(f"«{line}»" for line in result.unmarked[:3]) + (" …" if len(result.unmarked) > 3 else "")
        click.echo(f"lines that look like headings, not marked as such: {shown}; `check --fix` below marks "
                   "them (`check` shows each)")
    if result.broken or result.unmarked:
        click.echo("next: " + command_line("check", "--source", result.folder, "--fix"))
        return
    click.echo("next: " + command_line("--source", result.folder, "--output", result.folder / "output"))


def _summary(result) -> list[str]:
    confirmed = [t for t in result.terms if t.expansion]
    author = f"«{result.author}»" if result.author else \
        f"«{placeholder_author(result.language)}» (TODO: the file does not name the author)"
    return [
        f"book.yaml         title «{result.title}», author {author}, language {result.language}",
        f"{result.article:<18}{_count(result.paragraphs, 'paragraph')}, {_count(result.headings, 'heading')}",
        f"annotations.yaml  {_count(result.notes, 'note')}",
        f"glossary.yaml     {_count(len(confirmed), 'abbreviation')} with an expansion to confirm, "
        f"{len(result.terms) - len(confirmed)} to complete (commented out)",
        "chronology.yaml   empty, with an example",
    ]


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"
