"""WeasyPrint breaks the same line of text again and again; remember the answer while one document lays out.

Profiling the seed's A4 layout (bench/RESULTS.md): Pango line breaking (`split_first_line`) is 40 % of
WeasyPrint's layout time, and a third of its 1,808 calls repeat an earlier call exactly: every footnote
added to a page lays out the whole footnote area again, and a page that is remade lays out its lines
again. The function is deterministic: its answer depends only on the text, the computed style (the
same object each time a box is laid out again), the width, the justification spacing and the two flags;
the layout context it is also given serves only as pyphen's dictionary cache. So while a document is
being laid out, an exact repeat is answered from memory.

What is remembered is a copy of the returned text layout, which WeasyPrint has already "deactivated"
(its Pango objects freed; it keeps the text and metrics and rebuilds them when drawing); each caller gets
its own copy, so nothing is shared between boxes. Outputs are byte-identical with and without it
(tests/test_speed.py).
"""
from __future__ import annotations

import copy
from contextlib import contextmanager
from typing import Iterator

_MODULES = ("weasyprint.layout.inline", "weasyprint.layout.preferred")


class Memory(dict):
    """Answers by call; `hits` counts the calls answered from memory."""

    hits = 0


@contextmanager
def remembered_lines() -> Iterator[Memory]:
    """While active, WeasyPrint's layout answers repeated `split_first_line` calls from memory."""
    import importlib

    from weasyprint.text import line_break

    original = line_break.split_first_line
    memory = Memory()

    def split_first_line(text, style, context, max_width, justification_spacing, is_line_start=True, minimum=False):
        key = (text, id(style), max_width, justification_spacing, is_line_start, minimum)
        known = memory.get(key)
        if known is not None:
            memory.hits += 1
            layout, rest, _style = known
            return (copy.copy(layout), *rest)
        layout, *rest = original(text, style, context, max_width, justification_spacing, is_line_start, minimum)
        if not hasattr(layout, "layout"):  # deactivated: no Pango object a copy could share
            memory[key] = (copy.copy(layout), rest, style)  # the style is kept so that its id is not reused
        return (layout, *rest)

    modules = [importlib.import_module(name) for name in _MODULES]
    saved = [module.split_first_line for module in modules]
    for module in modules:
        module.split_first_line = split_first_line
    try:
        yield memory
    finally:
        for module, function in zip(modules, saved):
            module.split_first_line = function
        memory.clear()
