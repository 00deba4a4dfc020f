"""The build, as a list of named steps: load → transform → lay out → write → commit."""
from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .errors import KitapError
from .fingerprint import STAMP, fingerprints, read_stamp, stamp_bytes, up_to_date
from .timing import Stopwatch

# Output kinds, in build order; `--only` takes a comma-separated subset.
KINDS = ("pdf", "booklet", "large", "epub", "html")


@dataclass
class Output:
    kind: str
    path: Path
    size: int
    seconds: float
    pages: int | None = None


@dataclass
class BuildReport:
    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    unchanged: tuple[str, ...] = ()  # kinds not rebuilt: their inputs did not change


def projects(sources: tuple[Path, ...], output: Path) -> list[tuple[Path, Path]]:
    """(project folder, output folder) pairs: one project builds into `output`; several (repeated --source,
    or a folder whose subfolders are projects) each into output/<folder name>."""
    if len(sources) == 1 and sources[0].is_dir() and not (sources[0] / "book.yaml").exists():
        inner = sorted(p for p in sources[0].iterdir() if (p / "book.yaml").is_file())
        if inner:
            sources = tuple(inner)
    if len(sources) == 1:
        return [(sources[0], output)]
    names = [s.resolve().name for s in sources]
    if len(set(names)) != len(names):
        raise KitapError("several projects share a folder name; their outputs would collide in " + str(output))
    return [(source, output / name) for source, name in zip(sources, names)]


def parse_only(value: str | None) -> tuple[str, ...]:
    if not value:
        return KINDS
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise KitapError(f"--only: unknown output '{unknown[0]}' (choose from {', '.join(KINDS)})")
    return tuple(k for k in KINDS if k in kinds)


def build(source: Path, output: Path, kinds: tuple[str, ...] = KINDS, archival: bool = False,
          on_stage: Callable[[str], None] | None = None, force: bool = False, line_numbers: bool = False) -> BuildReport:
    """Build the outputs whose inputs changed (all with `force`, or into a fresh folder)."""
    started = time.perf_counter()
    prints = fingerprints(source, kinds, f"archival={archival} line_numbers={line_numbers}") if source.is_dir() else {}
    stamp = read_stamp(output)
    todo = tuple(k for k in kinds if force or not prints or not up_to_date(output, k, prints[k], stamp))
    if not todo:
        return BuildReport(seconds=time.perf_counter() - started, unchanged=kinds)
    report = _build(source, output, todo, archival, on_stage, prints, stamp, line_numbers)
    report.unchanged = tuple(k for k in kinds if k not in todo)
    report.seconds = time.perf_counter() - started
    return report


def check_before_build(book, source: Path) -> list[str]:
    """The checker's rules (all but spelling, which `build.py check` runs) on the loaded, untransformed
    book: errors stop the build, warnings are reported with it."""
    from .check import CHECKS, run_checks, spelling
    from .check.source import project_of

    findings = run_checks(project_of(book), [c for c in CHECKS if c is not spelling.check])
    errors = [str(f) for f in findings if f.severity == "error"]
    if errors:
        raise KitapError("\n".join(errors + [f"{len(errors)} error(s) found by the checker; nothing was written "
                                             f"(python build.py check --source {source} explains each)"]))
    return [str(f) for f in findings]


def _build(source: Path, output: Path, kinds: tuple[str, ...], archival: bool,
           on_stage: Callable[[str], None] | None, prints: dict[str, str], stamp: dict,
           line_numbers: bool = False) -> BuildReport:
    """Read and check everything, make every output in memory, then write them all atomically."""
    from .load import load_project
    from .transforms import apply_transforms
    from .writers.atomic import commit_outputs
    from .writers.booklet import impose_saddle
    from .writers.epub import write_epub
    from .writers.html import write_html
    from .writers.pdf import A4, BOOKLET, LARGE, lay_out, write_pdf

    watch = Stopwatch(on_stage)
    with watch.stage("load"):
        book = load_project(source)
        loaded = copy.deepcopy(book)  # the checker reads the sources as written, before transforms
    with watch.stage("transforms"):
        book = apply_transforms(book)  # raises the anchor errors first, in the loader's own words
    with watch.stage("check"):
        warnings = check_before_build(loaded, source)
    name = book.meta.name
    made: list[tuple[str, str, bytes, float, int | None]] = []  # kind, file, data, seconds, pages
    a4 = None
    for variant in (A4, BOOKLET, LARGE):
        kind = variant.name
        if kind not in kinds and not (kind == "pdf" and "epub" in kinds):
            continue
        began = time.perf_counter()
        layout = lay_out(book, variant, watch, line_numbers and variant is A4)
        a4 = layout if variant is A4 else a4
        warnings += layout.warnings
        if kind not in kinds:
            continue  # the A4 layout was needed only for the e-book's page list
        with watch.stage("pdf write"):
            data = write_pdf(book, layout, archival)
            data = impose_saddle(data) if variant is BOOKLET else data
        made.append((kind, f"{name}{variant.suffix}.pdf", data, time.perf_counter() - began, layout.pages))
    if "epub" in kinds:
        began = time.perf_counter()
        with watch.stage("epub write"):
            data = write_epub(book, a4)
        made.append(("epub", f"{name}.epub", data, time.perf_counter() - began, None))
    if "html" in kinds:
        began = time.perf_counter()
        with watch.stage("html write"):
            data = write_html(book)
        made.append(("html", "html/index.html", data, time.perf_counter() - began, None))
    with watch.stage("commit"):
        files = {file: data for _, file, data, _, _ in made}
        if prints:
            built = {kind: (prints[kind], {file: data}) for kind, file, data, _, _ in made}
            files[STAMP] = stamp_bytes(stamp, built)
        written = commit_outputs(output, files)
    outputs = [Output(kind, path, path.stat().st_size, seconds, pages)
               for (kind, _, _, seconds, pages), path in zip(made, written)]
    return BuildReport(outputs, sorted(set(warnings)), watch.seconds)
