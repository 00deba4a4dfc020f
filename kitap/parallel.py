"""Many projects at once (a term's course pack): one process per core, each a whole build."""
from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import click

from .errors import KitapError, messages


def _one(job: tuple) -> tuple[Path, list[str], list[str], list[str]]:
    """(project, problems that stopped it, warnings, built files), for one project, in a worker process."""
    from .pipeline import build

    source, output, kinds, archival, force, line_numbers, scripts = job
    try:
        report = build(source, output, kinds, archival, None, force, line_numbers, jobs=1,  # cores are busy
                       scripts=scripts)
    except KitapError as error:
        return source, messages(error), [], []
    from .report import warning_line

    built = [f"{o.path}  {o.size / 1024:.0f} KB" + (f"  {o.pages_text}" if o.pages else "") for o in report.outputs]
    return source, [], [warning_line(w) for w in report.warnings], built


def _until_broken(done, jobs: list[tuple[Path, Path]]):
    """The projects' results in order; a project whose worker process died (killed: out of memory?) failed,
    and so did those after it (the pool is broken then): each told in one line."""
    from concurrent.futures.process import BrokenProcessPool

    given = 0
    try:
        for result in done:
            given += 1
            yield result
    except BrokenProcessPool:
        from .lanes import WORKER_DIED

        for source, _ in jobs[given:]:
            yield source, [f"{source}: {WORKER_DIED}"], [], []


def build_many(jobs: list[tuple[Path, Path]], kinds: tuple[str, ...], archival: bool, force: bool,
               line_numbers: bool, quiet: bool, processes: int | None = None, scripts=None) -> int:
    """Build every project; report each; exit status 1 if any failed (the others are still built)."""
    started = time.perf_counter()
    from .lanes import usable_cpus

    workers = min(len(jobs), processes or usable_cpus())
    failed = 0
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = pool.map(_one, [(s, o, kinds, archival, force, line_numbers, scripts) for s, o in jobs])
        for source, problems, warnings, built in _until_broken(done, jobs):
            failed += bool(problems)
            for line in problems + warnings:
                click.echo(line, err=True)
            if not quiet:
                for line in built:
                    click.echo(line)
                if not built and not problems:
                    click.echo(f"{source}: up to date")
    if not quiet:
        click.echo(f"{len(jobs)} projects on {workers} processes in {time.perf_counter() - started:.1f} s"
                   + (f"; {failed} failed" if failed else ""))
    return 1 if failed else 0
