"""Command line: `python build.py [--source DIR] [--output DIR]` and its subcommands.

Exit status: 0 success, 1 a problem in the sources or the build (one message per problem), 2 usage error.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import KitapError, SourceErrors

SOURCE_HELP = "Project folder to read (book.yaml, article, annotations, glossary, chronology)."
OUTPUT_HELP = "Folder for the built files; created if missing."
ONLY_HELP = "Build only these outputs, comma-separated: pdf (A4 handout), booklet, large, epub. Default: all."
ARCHIVAL_HELP = "Write PDF/A-3b (for archives) instead of PDF/UA-1."


def _fail(error: KitapError) -> None:
    lines = [str(e) for e in error.errors] if isinstance(error, SourceErrors) else [str(error)]
    for line in lines:
        click.echo(line, err=True)
    if len(lines) > 1:
        click.echo(f"{len(lines)} problems; nothing was written.", err=True)
    sys.exit(1)


def _run_build(source: Path, output: Path, only: str | None = None, archival: bool = False) -> None:
    from .pipeline import build, parse_only

    try:
        report = build(source, output, parse_only(only), archival)
    except KitapError as error:
        _fail(error)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for out in report.outputs:
        pages = f", {out.pages} pages" if out.pages else ""
        click.echo(f"{out.path}  {out.size / 1024:.0f} KB{pages}")
    click.echo(f"built in {report.seconds:.1f} s")


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--source", type=click.Path(path_type=Path), default=Path("source"), show_default=True, help=SOURCE_HELP)
@click.option("--output", type=click.Path(path_type=Path), default=Path("output"), show_default=True, help=OUTPUT_HELP)
@click.option("--only", metavar="KINDS", help=ONLY_HELP)
@click.option("--archival", is_flag=True, help=ARCHIVAL_HELP)
@click.version_option(__version__, prog_name="kitap")
@click.pass_context
def main(ctx: click.Context, source: Path, output: Path, only: str | None, archival: bool) -> None:
    """Build a print handout (PDF) and an e-book (EPUB 3) from an annotated text.

    \b
    Examples:
      python build.py                                  # source/ → output/
      python build.py --source lessons/un --output out/un
      python build.py --only pdf,epub                  # just the A4 handout and the e-book
    """
    if ctx.invoked_subcommand is None:
        _run_build(source, output, only, archival)


@main.command("build")
@click.option("--source", type=click.Path(path_type=Path), default=Path("source"), show_default=True, help=SOURCE_HELP)
@click.option("--output", type=click.Path(path_type=Path), default=Path("output"), show_default=True, help=OUTPUT_HELP)
@click.option("--only", metavar="KINDS", help=ONLY_HELP)
@click.option("--archival", is_flag=True, help=ARCHIVAL_HELP)
def build_command(source: Path, output: Path, only: str | None, archival: bool) -> None:
    """Build every output (the same as running without a subcommand)."""
    _run_build(source, output, only, archival)


def run() -> None:
    """Entry point: no traceback for users unless KITAP_DEBUG is set."""
    try:
        main(standalone_mode=True)
    except KitapError as error:  # raised outside a command (should not happen), still reported cleanly
        _fail(error)
    except KeyboardInterrupt:
        click.echo("interrupted; earlier outputs are untouched", err=True)
        sys.exit(130)
    except Exception as error:  # an internal bug: say so plainly
        if os.environ.get("KITAP_DEBUG"):
            raise
        click.echo(f"internal error: {type(error).__name__}: {error} (run with KITAP_DEBUG=1 for details, "
                   "and please report it)", err=True)
        sys.exit(2)
