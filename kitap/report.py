"""What a build tells the user: a progress display on a terminal, then a summary table."""
from __future__ import annotations

import re
import sys
from contextlib import contextmanager

import click

from rich.console import Console
from rich.table import Table

from .pipeline import BuildReport

STAGE_ORDER = ("import", "load", "transforms", "check", "html", "layout", "pdf write", "epub write", "html write",
               "commit")


@contextmanager
def progress(quiet: bool):
    """A spinner naming the current stage, only on an interactive terminal (never in CI or a pipe)."""
    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        yield None
        return
    with console.status("reading the project…") as status:
        yield lambda stage: status.update(f"{stage}…")


SEVERITY = re.compile(r": (?:warning|error): ")


def warning_line(warning: str) -> str:
    """A warning as one line: the checker's findings already say `path:line:col: warning: …`."""
    line = " ".join(warning.split())
    return line if SEVERITY.search(line) else f"warning: {line}"


def summary(report: BuildReport, verbose: bool) -> None:
    console = Console(highlight=False, soft_wrap=True)
    for warning in report.warnings:  # one line each, never folded: as `check` prints them
        click.echo(warning_line(warning), err=True)
    if console.is_terminal:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        for column, justify in (("output", "left"), ("pages", "right"), ("size", "right"), ("time", "right")):
            table.add_column(column, justify=justify)
        for out in report.outputs:
            table.add_row(str(out.path), out.pages_text, f"{out.size / 1024:.0f} KB", f"{out.seconds:.1f} s")
        console.print(table)
    else:  # logs and pipes get one plain line per output, never folded
        for out in report.outputs:
            pages = f"  {out.pages_text}" if out.pages else ""
            print(f"{out.path}  {out.size / 1024:.0f} KB{pages}  {out.seconds:.1f} s")
    console.print(f"built in {report.seconds:.1f} s")
    if verbose:  # the stages of each process (the helper's ran at the same time as the main process's)
        for title, times in (("stage", report.stages), ("helper process stage", report.helper_stages)):
            if not times:
                continue
            stages = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
            stages.add_column(title)
            stages.add_column("time", justify="right")
            for stage in sorted(times, key=lambda s: STAGE_ORDER.index(s) if s in STAGE_ORDER else 99):
                stages.add_row(stage, f"{times[stage]:.2f} s")
            console.print(stages)
    sys.stdout.flush()
