"""Command line: `python build.py [--source DIR] [--output DIR]` and its subcommands.

Exit status: 0 success; 1 a problem in the sources or the build (one message per problem, nothing
written); 2 wrong usage (unknown option, bad value) or an internal error.
"""
from __future__ import annotations

import gc
import importlib
import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import KitapError, messages

SOURCE_HELP = "Project folder to read (book.yaml, article, annotations, glossary, chronology)."
OUTPUT_HELP = "Folder for the built files; created if missing."
SCRIPT_HELP = ("Editions to build, comma-separated: the scripts the text is printed in — cyrl, latn (Kazakh in the "
               "Latin alphabet of 2021). Default: book.yaml's 'editions:', else the text's own script.")


def only_help() -> str:
    from .outputs import writers

    extra = [w.kind for w in writers() if not w.default]
    return ("Build only these outputs, comma-separated: " + ", ".join(w.summary for w in writers())
            + (f". Default: all but {', '.join(extra)}." if extra else ". Default: all."))
ARCHIVAL_HELP = "Write PDF/A-3b (for archives) instead of PDF/UA-1."
JOBS_HELP = ("Processes to use. One project: with 2 or more, a second process makes the e-book, web page and "
             "large print while the first lays out the handout. Several projects: one per process. "
             "[default: the number of CPUs]")
SHARD_HELP = ("Of the projects given, build only the K-th of N shares (sorted by folder name, every N-th from "
              "the K-th): run K = 1…N on N machines or CI jobs to spread a library over them.")
HANDOUTS_HELP = ("Course packs: also write each text as its own A4 handout, page numbers from 1, into "
                 "OUTPUT/handouts/<text>/.")
EXIT_STATUS = "\b\nExit status: 0 success, 1 problem in the sources or the build, 2 usage or internal error."


def fail(error: KitapError) -> None:
    lines = messages(error)
    for line in lines:
        click.echo(line, err=True)
    if len(lines) > 1:
        click.echo(f"{len(lines)} problems; nothing was written.", err=True)
    sys.exit(1)


def command_line(*args) -> str:
    """A kitap command as the user can paste it here: this Python (the project's .venv) and build.py, as
    paths from the current folder."""
    import shlex

    script = Path(__file__).resolve().parent.parent / "build.py"

    def shown(path) -> str:
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute)
        return relative if not relative.startswith("..") else absolute

    python = shown(sys.executable)
    if os.sep not in python:
        python = "." + os.sep + python
    return " ".join(shlex.quote(str(part)) for part in (python, shown(script), *args))
def _parsed_by(parser: str, option: str):
    """A click callback: the option's value as the pipeline's `parser` reads it, or wrong usage (exit status 2)
    said by click: --only names known outputs, --script scripts some language is printed in."""

    def valid(ctx, param, value: str | None) -> str | None:
        from . import pipeline

        try:
            getattr(pipeline, parser)(value)
        except KitapError as error:
            raise click.BadParameter(str(error).removeprefix(f"{option}: ")) from None
        return value

    return valid


_valid_only = _parsed_by("parse_only", "--only")
_valid_script = _parsed_by("parse_scripts", "--script")


def _valid_shard(ctx, param, value: str | None):
    """--shard K/N with 1 ≤ K ≤ N: anything else is wrong usage (exit status 2)."""
    if value is None:
        return None
    from .pipeline import parse_shard

    try:
        return parse_shard(value)
    except KitapError as error:
        raise click.BadParameter(str(error)) from None


def build_options(function):
    """The options every building command shares."""
    for option in reversed((
        click.option("--source", type=click.Path(path_type=Path), multiple=True, help=SOURCE_HELP + " Repeat it, "
                     "or give a folder of projects, to build several at once on all cores. [default: source]"),
        click.option("--output", type=click.Path(path_type=Path), default=Path("output"), show_default=True, help=OUTPUT_HELP),
        click.option("--only", metavar="KINDS", help=only_help(), callback=_valid_only),
        click.option("--script", metavar="SCRIPTS", help=SCRIPT_HELP, callback=_valid_script),
        click.option("--archival", is_flag=True, help=ARCHIVAL_HELP),
        click.option("--force", is_flag=True, help="Rebuild even the outputs whose sources did not change."),
        click.option("--line-numbers", is_flag=True, help="Number every fifth line of each page of the A4 handout."),
        click.option("--quiet", "-q", is_flag=True, help="Print nothing but problems."),
        click.option("--verbose", "-v", is_flag=True, help="Also show the time of each stage."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N", help=JOBS_HELP),
        click.option("--shard", metavar="K/N", callback=_valid_shard, help=SHARD_HELP),
        click.option("--handouts", is_flag=True, help=HANDOUTS_HELP),
    )):
        function = option(function)
    return function


def run_build(sources: tuple[Path, ...], output: Path, only: str | None, archival: bool, force: bool,
              line_numbers: bool, quiet: bool, verbose: bool, jobs: int | None = None, script: str | None = None,
              shard: tuple[int, int] | None = None, handouts: bool = False) -> None:
    from .pipeline import parse_only, parse_scripts, projects, shard_of

    from .lanes import usable_cpus

    processes = jobs or usable_cpus()

    try:
        kinds = parse_only(only)
        scripts = parse_scripts(script)
        pairs = projects(sources or (Path("source"),), output)
        if shard:
            everything, pairs = len(pairs), shard_of(pairs, *shard)
        extra = _handout_jobs(pairs, handouts, scripts)
    except KitapError as error:
        fail(error)
    if shard and not pairs:
        click.echo(f"shard {shard[0]}/{shard[1]}: none of the {everything} project(s) falls to it; nothing to do")
        return
    if len(pairs) > 1 or extra:
        from .parallel import build_many

        code = build_many(pairs, kinds, archival, force, line_numbers, quiet, processes, scripts) if len(pairs) > 1 \
            else _build_one(pairs[0], kinds, archival, force, line_numbers, quiet, verbose, processes, scripts)
        if extra:
            code = max(code, build_many([(s, o) for s, o, _ in extra], ("pdf",), archival, force, False, quiet,
                                        processes, extra[0][2]))
        sys.exit(code)
    _build_one(pairs[0], kinds, archival, force, line_numbers, quiet, verbose, processes, scripts)


def _handout_jobs(pairs, handouts: bool, scripts):
    """--handouts: (text folder, its handout folder, scripts) for each text of each course pack built."""
    if not handouts:
        return []
    from .handouts import handout_jobs

    return handout_jobs(pairs, scripts)


def _build_one(pair, kinds, archival, force, line_numbers, quiet, verbose, processes, scripts) -> int:
    from .pipeline import build

    source, output = pair
    if line_numbers and (Path(source) / "course.yaml").is_file() and not (Path(source) / "book.yaml").is_file():
        click.echo(f"{source}: --line-numbers numbers the lines of a single text's A4 handout, not a course "
                   "pack's volume: the volume is built without them (build a text alone with --line-numbers)", err=True)
    if processes > 1:
        # One build in two processes, then this one leaves by os._exit: the build pauses the cycle collector
        # while it lays out; resuming it at the end only ran a last pass over every layout object (25-30 ms)
        # just before the exit, so here it stays paused.
        gc.disable()
    try:
        with _progress(quiet) as on_stage:
            report = build(source, output, kinds, archival, on_stage, force, line_numbers, processes, scripts)
    except KitapError as error:
        fail(error)
    if quiet:
        return 0
    if not report.outputs:  # nothing changed: answer at once, without loading the display library
        click.echo(f"{output}: up to date ({', '.join(report.unchanged)}); use --force to rebuild")
        return 0
    from .report import summary

    summary(report, verbose)
    return 0


def _progress(quiet: bool):
    """A progress display on an interactive terminal only (rich is not even imported otherwise)."""
    if quiet or not sys.stderr.isatty():
        from contextlib import nullcontext

        return nullcontext(None)
    from .report import progress

    return progress(quiet)


class LazyGroup(click.Group):
    """Subcommands imported only when used, so a no-op build starts fast."""

    LAZY = {"check": ("kitap.check.cli", "check_command"), "import": ("kitap.importer.cli", "import_command")}

    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *self.LAZY])

    def get_command(self, ctx, name):
        if name in self.LAZY:
            module, attribute = self.LAZY[name]
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=EXIT_STATUS)
@build_options
@click.version_option(__version__, prog_name="kitap")
@click.pass_context
def main(ctx: click.Context, source, output, only, script, archival, force, line_numbers, quiet, verbose, jobs,
         shard, handouts) -> None:
    """Build a print handout (PDF), an A5 booklet, a large-print PDF, an e-book (EPUB 3) and a web page
    from an annotated text.

    \b
    Examples:
      python build.py                                  # source/ → output/
      python build.py --source lessons/un --output out/un
      python build.py --only pdf,epub                  # just the A4 handout and the e-book
      python build.py import Абай.docx lessons/abai    # start a project from a Word file
      python build.py new lessons/abai --title "Абай"  # start a new project
      python build.py serve                            # live preview in the browser
      python build.py check                            # what an editor would catch
      python build.py --source term-1 --handouts       # a course pack, and each text as a handout
      python build.py --source library --shard 2/8     # the 2nd of 8 shares of a folder of projects
    """
    if ctx.invoked_subcommand is None:
        run_build(source, output, only, archival, force, line_numbers, quiet, verbose, jobs, script, shard, handouts)


@main.command("build", epilog=EXIT_STATUS)
@build_options
def build_command(source, output, only, script, archival, force, line_numbers, quiet, verbose, jobs, shard,
                  handouts) -> None:
    """Build the outputs (the same as running without a subcommand).

    \b
    Examples:
      python build.py build --source source --output output
      python build.py build --only epub --verbose
      python build.py build --source lessons/a --source lessons/b --output out   # out/a, out/b
    """
    run_build(source, output, only, archival, force, line_numbers, quiet, verbose, jobs, script, shard, handouts)


def _valid_text(ctx, param, value: str) -> str:
    """A title or author for `new`: the loader's own rules (characters, length), or wrong usage."""
    from .load.characters import problem
    from .load.project import BOOK_FIELDS

    found = problem(value)
    if found:
        raise click.BadParameter(found[1])
    limit = next(f.limit for f in BOOK_FIELDS if f.name == param.name)
    if len(value) > limit:
        raise click.BadParameter(f"{len(value):,} characters; the limit is {limit:,}")
    return value


@main.command("new", epilog=EXIT_STATUS)
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--title", default="", help="Title of the new text.", callback=_valid_text)
@click.option("--author", default="", help="Author of the new text.", callback=_valid_text)
def new_command(folder: Path, title: str, author: str) -> None:
    """Start a new project in FOLDER: book.yaml, an article, and empty annotations, glossary and
    chronology with commented examples. It is ready to build: `python build.py --source FOLDER`.

    \b
    Examples:
      python build.py new lessons/abai --title "Абай жолы" --author "Мұхтар Әуезов"
      python build.py --source lessons/abai --output lessons/abai/output
    """
    from .scaffold import scaffold

    try:
        created = scaffold(folder, title, author)
    except KitapError as error:
        fail(error)
    for path in created:
        click.echo(f"created {path}")
    click.echo("next: " + command_line("--source", folder, "--output", folder / "output"))


@main.command("serve", epilog=EXIT_STATUS)
@click.option("--source", type=click.Path(path_type=Path), default=Path("source"), show_default=True, help=SOURCE_HELP)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("--output", type=click.Path(path_type=Path), default=None,
              help="Where the preview's PDF and EPUB are built (default: a temporary folder).")
def serve_command(source: Path, port: int, output: Path | None) -> None:
    """Live preview: serve the text as a web page on this computer only, rebuild when a file of the
    project, its templates or styles changes, and reload the page. Stop with Ctrl+C.

    \b
    Examples:
      python build.py serve
      python build.py serve --source lessons/abai --port 8080
    """
    from .serve import serve

    serve(source, port, output)


def run() -> None:
    """Entry point: no traceback for users unless KITAP_DEBUG is set."""
    try:
        _run()
    except SystemExit as end:
        leave(end.code)
    leave(0)


def leave(code) -> None:
    """End the process once everything is written and flushed, without tearing the interpreter down:
    freeing WeasyPrint's layout objects one by one took 0.15–0.2 s after a build."""
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
        from .writers import release_fonts

        release_fonts()
    finally:
        os._exit(code)


def _run() -> None:
    try:
        main(standalone_mode=True)
    except KitapError as error:
        fail(error)
    except KeyboardInterrupt:
        click.echo("interrupted; earlier outputs are untouched", err=True)
        sys.exit(130)
    except Exception as error:  # an internal bug: say so plainly
        if os.environ.get("KITAP_DEBUG"):
            raise
        click.echo(f"internal error: {type(error).__name__}: {error} (run with KITAP_DEBUG=1 for details, "
                   "and please report it)", err=True)
        sys.exit(2)
