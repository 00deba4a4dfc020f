"""The build, as a list of named steps: load → transform → lay out → write → commit."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .errors import KitapError
from .load import load_project
from .timing import Stopwatch
from .transforms import apply_transforms
from .writers.atomic import commit_outputs

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


def parse_only(value: str | None) -> tuple[str, ...]:
    if not value:
        return KINDS
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise KitapError(f"--only: unknown output '{unknown[0]}' (choose from {', '.join(KINDS)})")
    return tuple(k for k in KINDS if k in kinds)


def build(source: Path, output: Path, kinds: tuple[str, ...] = KINDS, archival: bool = False,
          on_stage: Callable[[str], None] | None = None) -> BuildReport:
    """Read and check everything, make every output in memory, then write them all atomically."""
    from .writers.booklet import impose_saddle
    from .writers.epub import write_epub
    from .writers.html import write_html
    from .writers.pdf import A4, BOOKLET, LARGE, lay_out, write_pdf

    started = time.perf_counter()
    watch = Stopwatch(on_stage)
    with watch.stage("load"):
        book = load_project(source)
    with watch.stage("transforms"):
        book = apply_transforms(book)
    name = book.meta.name
    made: list[tuple[str, str, bytes, float, int | None]] = []  # kind, file, data, seconds, pages
    warnings: list[str] = []
    a4 = None
    for kind, variant in (("pdf", A4), ("booklet", BOOKLET), ("large", LARGE)):
        if kind not in kinds and not (kind == "pdf" and "epub" in kinds):
            continue
        began = time.perf_counter()
        layout = lay_out(book, variant, watch)
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
        written = commit_outputs(output, {file: data for _, file, data, _, _ in made})
    outputs = [Output(kind, path, path.stat().st_size, seconds, pages)
               for (kind, _, _, seconds, pages), path in zip(made, written)]
    return BuildReport(outputs, sorted(set(warnings)), watch.seconds, time.perf_counter() - started)
