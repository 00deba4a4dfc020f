"""The registry of outputs: every file kitap can make is declared by one module of this package.

A module declares `WRITERS`, a tuple of `Writer`: what it makes (its kind, the name `--only` takes),
which tool files only it reads (for the fingerprints), what it needs from another output (the e-book
needs the A4 handout's page starts) and how it is made: one file (a `Product`), or several made together
(a tuple of them: the worksheet and its answer key), which the fingerprints and the report then count as
one output kind. The pipeline, `--only`, the fingerprints, the
report and the two-process build read this registry; adding an output is one module and one line in
MODULES. Declarations are cheap to import: the making imports what it needs when it runs.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

# The modules that declare writers; their writers are listed (and reported) in this order.
MODULES = (
    "kitap.outputs.print_editions",
    "kitap.outputs.ebook",
    "kitap.outputs.web_page",
    "kitap.outputs.worksheet",
)

PAGE_STARTS = "page-starts"  # where each page of the A4 handout begins (the e-book's page list)


@dataclass(frozen=True)
class Product:
    """One file an output made, in memory, with its pages as laid out (None for a file without pages)."""

    file: str
    data: bytes
    pages: int | None = None


@dataclass(frozen=True)
class Writer:
    kind: str                                 # its name: --only, the report, the fingerprints
    summary: str                              # what it is, for --only's help
    make: Callable                            # make(job) -> Product, or a tuple of them: the output's files, in memory
    reads: tuple[str, ...] = ()               # tool files (styles/…, templates/…) that only it reads
    needs: tuple[str, ...] = ()               # results of other outputs it needs (PAGE_STARTS)
    gives: tuple[str, ...] = ()               # results it gives as it is made
    give: Callable | None = None              # give(job): those results without making the output
    lays_out: bool = False                    # lays out pages with WeasyPrint
    in_helper: bool = False                   # with two processes, made in the helper (see kitap.lanes)
    default: bool = True                      # made when no --only names outputs
    pages_text: Callable[[int], str] | None = None  # its pages as the report says them

    def describe_pages(self, pages: int | None) -> str:
        if not pages:
            return ""
        if self.pages_text:
            return self.pages_text(pages)
        return f"{pages} page{'s' if pages > 1 else ''}"


def products_of(made: Product | tuple[Product, ...]) -> tuple[Product, ...]:
    """The files a writer's `make` returned, as a tuple."""
    return made if isinstance(made, tuple) else (made,)


@lru_cache(maxsize=1)
def writers() -> tuple[Writer, ...]:
    return tuple(w for module in MODULES for w in importlib.import_module(module).WRITERS)


def writer(kind: str) -> Writer:
    return next(w for w in writers() if w.kind == kind)


def kinds() -> tuple[str, ...]:
    """Every output kind, in the order of the registry."""
    return tuple(w.kind for w in writers())


def default_kinds() -> tuple[str, ...]:
    return tuple(w.kind for w in writers() if w.default)


def giver(result: str) -> Writer:
    """The output that gives a result (PAGE_STARTS: the A4 handout)."""
    return next(w for w in writers() if result in w.gives)


def reads_of(kind: str) -> tuple[str, ...]:
    """The tool files an output depends on alone: its own, and those of the outputs it needs results of."""
    own = writer(kind)
    return tuple(dict.fromkeys([*own.reads, *(f for result in own.needs for f in giver(result).reads)]))
