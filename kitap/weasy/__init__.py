"""The one place kitap reaches into WeasyPrint's internals: gated, and each speed-up can be switched off.

What is here, and what it buys (figures: bench/RESULTS.md):
- imports.py, three speed-ups of WeasyPrint's import (0.68 → 0.19-0.31 s): C libraries found from one
  `ldconfig -p` listing instead of one run per name tried; fontTools' subsetter and instancer given
  lazily (unused with HarfBuzz subsetting); WeasyPrint's C declarations parsed once into a cached
  out-of-line cffi module instead of at every import.
- linebreaks.py, two speed-ups of layout (Pango layouts of the seed's three editions 11,072 → 6,012,
  layout about 10 % faster): exact repeats of `split_first_line` answered from memory while a
  document lays out, and, inside WeasyPrint's own function, the shortest soft-hyphen candidate tried
  first.
- notes.py, a speed-up of footnotes: WeasyPrint measures a page's footnote area again for every note
  added to it (1 + 2 + … + n note layouts for n notes); the notes above the new one are answered from
  memory while the area is measured (2,757 of 9,827 block layouts of a 40-text course pack's chapters).
- tagging.py, a record of what WeasyPrint's PDF tagging knows and does not write down (the HTML element
  of each structure element, footnotes and their calls, `lang`, hyphens and spaces at line ends), for
  the structure tree kitap/writers/pdftags.py rebuilds: a correctness fix, with its own switch.
- reading the laid-out pages (page boxes, box classes: `page_box`, `boxes`) for the EPUB's page list,
  line numbers and the pagination checks; and freeing a font configuration's temporary folder.

The gate: every speed-up is used only with the exact WeasyPrint it was written for (WRITTEN_FOR, and the
hash of each function's source it rewrites or wraps, SOURCES); otherwise it is skipped with one warning,
and WeasyPrint is used as it is (the same bytes, a slower build). KITAP_SPEEDUPS=0 switches them all
off (tests/test_weasy_gate.py builds every output both ways and compares the bytes); KITAP_PDF_TAGS=0
switches off the tagging record (a fix, not a speed-up, so KITAP_SPEEDUPS leaves it on). The readings
of internals have no way round: they are checked too, and a mismatch is a clear error instead of a
wrong output.
"""
from __future__ import annotations

import hashlib
import inspect
import os
import sys
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Kind:
    """A kind of change kitap makes around WeasyPrint: its switch, and what skipping one costs."""

    noun: str
    switch: str
    cost: str


SPEEDUP = Kind("speed-up", "KITAP_SPEEDUPS", "the outputs are the same, the build is slower")
TAGGING = Kind("PDF tagging fix", "KITAP_PDF_TAGS", "the PDF keeps WeasyPrint's own structure tree, which "
               "screen readers read less well")
WRITTEN_FOR = "70.0"
SWITCH = SPEEDUP.switch
# sha256 of the WeasyPrint sources a speed-up rewrites or depends on, for WRITTEN_FOR.
SOURCES = {
    "split_first_line": "39ad1016863ca34de0bea4c9fcffb46da7e27813c87dd82b7011bfa19fe5504f",
    "text/ffi.py": "530e83118f7841d2791678ece23d5e43a7a24150ee1ea64bb4ba70c70b3eb5da",
    "pdf/tags.py": "fae488b773686ea7fb685967c78a5b011854b88b61377f426ffb4e9ec00d76d2",
    "Stream.marked": "3fa3acacbbf66422e7b0de4346b6eaf638657280a0f62c73172e3c445b888692",
    "_update_footnote_area": "2e317e4b066fb80cb369a41cd6f054a127722f9961c18ef4d6e1eef93673c4c1",
    "_in_flow_layout": "c2537262836dd9812b584633bee887846dba6de921b3b31bff299c5ba29e6dca",
}
_warned: set[str] = set()


def switched_on(kind: Kind = SPEEDUP) -> bool:
    """False when the kind's switch (KITAP_SPEEDUPS, KITAP_PDF_TAGS) is 0 (or off, no, false)."""
    return os.environ.get(kind.switch, "1").strip().lower() not in ("0", "off", "no", "false")


def speedups_enabled() -> bool:
    """False when KITAP_SPEEDUPS=0 (or off, no, false) switches kitap's speed-ups off."""
    return switched_on(SPEEDUP)


def _installed_version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("weasyprint")
    except PackageNotFoundError:
        return None


def _warn(name: str, reason: str, kind: Kind) -> None:
    if name not in _warned:
        _warned.add(name)
        print(f"warning: kitap's {kind.noun} '{name}' is not used: {reason}; {kind.cost}", file=sys.stderr)


def allowed(name: str, source: str | None = None, key: str | None = None, kind: Kind = SPEEDUP) -> bool:
    """Whether the speed-up (or fix) `name` may be used: switched on, the exact WeasyPrint version, and
    (given) the source it rewrites or reads hashing as recorded under `key`. A refusal other than the
    switch warns once."""
    if not switched_on(kind):
        return False
    installed = _installed_version()
    if installed != WRITTEN_FOR:
        _warn(name, f"it was written for WeasyPrint {WRITTEN_FOR}, this is {installed}", kind)
        return False
    if key is not None and (source is None or hashlib.sha256(source.encode()).hexdigest() != SOURCES[key]):
        _warn(name, f"WeasyPrint's {key} is not the one it was written for", kind)
        return False
    return True


@lru_cache(maxsize=None)
def function_source(function) -> str | None:
    """The source of one of WeasyPrint's functions, read once per process (inspect reads and tokenizes
    its whole module: a few milliseconds, and the gate asks at every document laid out)."""
    try:
        return inspect.getsource(function)
    except (OSError, TypeError):
        return None


def import_weasyprint() -> None:
    """Import all of WeasyPrint, with the import speed-ups where the gate allows them; once per process."""
    from .imports import import_weasyprint as importing

    importing()


@lru_cache(maxsize=1)
def boxes():
    """WeasyPrint's box classes (read, never changed: page starts, line numbers, pagination checks)."""
    from weasyprint.formatting_structure import boxes as module

    for name in ("LineBox", "TextBox", "InlineBox", "BlockBox", "MarginBox", "FootnoteAreaBox"):
        if not hasattr(module, name):
            raise RuntimeError(f"WeasyPrint {_installed_version()} has no {name}: kitap reads pages as WeasyPrint "
                               f"{WRITTEN_FOR} makes them")
    return module


def page_box(page):
    """The box tree of a laid-out page (WeasyPrint keeps it in a private attribute)."""
    try:
        return page._page_box
    except AttributeError:
        raise RuntimeError(f"WeasyPrint {_installed_version()} pages have no box tree where {WRITTEN_FOR} keeps it") \
            from None


def free_font_config(config) -> None:
    """Remove a font configuration's temporary folder now (WeasyPrint does it when the object is freed,
    which never happens in a process that leaves by os._exit)."""
    config.__del__()
