"""The build, as a list of named steps: load → transform → render/write → commit."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .load import load_project
from .transforms import apply_transforms
from .writers.atomic import commit_outputs


@dataclass
class Output:
    path: Path
    size: int
    pages: int | None = None


@dataclass
class BuildReport:
    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def build(source: Path, output: Path) -> BuildReport:
    """Read and check everything, make every output in memory, then write them all atomically."""
    from .writers.epub import write_epub
    from .writers.pdf import write_pdf

    started = time.perf_counter()
    book = apply_transforms(load_project(source))
    name = book.meta.name
    pdf = write_pdf(book)
    files = {f"{name}.pdf": pdf.data, f"{name}.epub": write_epub(book)}
    written = commit_outputs(output, files)
    pages = {f"{name}.pdf": pdf.pages}
    report = BuildReport([Output(p, p.stat().st_size, pages.get(p.name)) for p in written], pdf.warnings)
    report.seconds = time.perf_counter() - started
    return report
