"""The build, as a list of named steps: load → transform → lay out → write → commit."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KitapError
from .load import load_project
from .transforms import apply_transforms
from .writers.atomic import commit_outputs

# Output kinds, in build order; `--only` takes a comma-separated subset.
KINDS = ("pdf", "booklet", "large", "epub")


@dataclass
class Output:
    kind: str
    path: Path
    size: int
    pages: int | None = None


@dataclass
class BuildReport:
    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def parse_only(value: str | None) -> tuple[str, ...]:
    if not value:
        return KINDS
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise KitapError(f"--only: unknown output '{unknown[0]}' (choose from {', '.join(KINDS)})")
    return tuple(k for k in KINDS if k in kinds)


def build(source: Path, output: Path, kinds: tuple[str, ...] = KINDS, archival: bool = False) -> BuildReport:
    """Read and check everything, make every output in memory, then write them all atomically."""
    from .writers.booklet import impose_saddle
    from .writers.epub import write_epub
    from .writers.pdf import A4, BOOKLET, LARGE, lay_out, write_pdf

    started = time.perf_counter()
    book = apply_transforms(load_project(source))
    name = book.meta.name
    files: dict[str, bytes] = {}
    pages: dict[str, int] = {}
    warnings: list[str] = []
    a4 = lay_out(book, A4) if {"pdf", "epub"} & set(kinds) else None
    for kind, variant in (("pdf", A4), ("booklet", BOOKLET), ("large", LARGE)):
        if kind not in kinds:
            continue
        layout = a4 if variant is A4 else lay_out(book, variant)
        warnings += layout.warnings
        data = write_pdf(book, layout, archival)
        file_name = f"{name}{variant.suffix}.pdf"
        files[file_name] = impose_saddle(data) if variant is BOOKLET else data
        pages[file_name] = layout.pages
    if "epub" in kinds:
        files[f"{name}.epub"] = write_epub(book, a4)
    written = commit_outputs(output, files)
    kind_of = {f"{name}{v.suffix}.pdf": k for k, v in (("pdf", A4), ("booklet", BOOKLET), ("large", LARGE))}
    report = BuildReport([Output(kind_of.get(p.name, "epub"), p, p.stat().st_size, pages.get(p.name)) for p in written],
                         sorted(set(warnings)))
    report.seconds = time.perf_counter() - started
    return report
