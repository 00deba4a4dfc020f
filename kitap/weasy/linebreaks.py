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
its own copy, so nothing is shared between boxes.

A second saving is inside the function, for text with soft hyphens (all of kitap's print text): when a
line does not end at a soft hyphen, WeasyPrint tries every soft hyphen of the next few lines as the end
of this one, longest first, laying out the whole candidate each time — on the seed, 213 of these
searches (three editions) tried ~1,800 candidates and none fitted. A candidate is accepted only if it
fits on one line with room to spare (or, for the shortest one, if it fits on one line at all); every
longer candidate is the shortest one with more letters in place of its final hyphen, so it is wider.
The function is therefore given one more step before that loop: lay out the shortest candidate first;
if it does not fit, only it is tried (the longer ones cannot succeed where it fails), with the layout
just made (a one-slot hand-over, checked by its text). The step is added
to WeasyPrint's own source of the function, only if that source is exactly the one it was written for
(WeasyPrint 70.0); otherwise the function is used as it is.

Outputs are byte-identical with and without both savings (tests/test_speed_work.py).

Memory: the text WeasyPrint passes is the rest of the paragraph from the current line on, a new string
for every line; a key holding it kept every one alive, so memory grew with the square of a paragraph's
length (a 400 KB paragraph took 819 MB, a 2 MB one was killed by the kernel). The key therefore holds
the text's length and hash instead, and the answer keeps the text's first and last characters, compared
on every hit, so a hash collision is not taken for a repeat (bench/memory.py, bench/RESULTS.md).
"""
from __future__ import annotations

import copy
import inspect
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

_LOOP_START = """        dictionary_iterations = [second_line_text[:i+1] for i in soft_hyphen_indexes]
"""
_SHORTEST_FIRST = """        dictionary_iterations = [second_line_text[:i+1] for i in soft_hyphen_indexes]
        if len(dictionary_iterations) > 1:  # kitap: the shortest candidate first (kitap/weasy/linebreaks.py)
            _text = first_line_text + dictionary_iterations[-1] + style['hyphenate_character']
            _probe = create_layout(_text, style, context, max_width, justification_spacing)
            _line, _index = _probe.get_first_line()
            if _index is not None or max_width - line_size(_line, style)[0] < 0:
                dictionary_iterations = dictionary_iterations[-1:]
                _KITAP_PROBE[:] = [(_text, _probe)]  # the loop below tries exactly this one: reuse it
"""
_LOOP_LAYOUT = """            new_layout = create_layout(
                hyphenated_first_line_text, style, context, max_width,
                justification_spacing)
"""
_LOOP_LAYOUT_REUSED = """            _reused = _KITAP_PROBE.pop() if _KITAP_PROBE else None
            new_layout = _reused[1] if _reused and _reused[0] == hyphenated_first_line_text else create_layout(
                hyphenated_first_line_text, style, context, max_width,
                justification_spacing)
"""


@lru_cache(maxsize=1)
def split_first_line_function():
    """WeasyPrint's split_first_line with the shortest-candidate step, or as it is if its source differs."""
    from weasyprint.text import line_break

    from . import allowed, function_source

    original = line_break.split_first_line
    source = function_source(original)
    if not allowed("shortest soft hyphen first", source, "split_first_line"):
        return original
    if (source.count(_LOOP_START) != 1 or source.count(_LOOP_LAYOUT) != 1
            or not source.startswith("def split_first_line(")):
        return original
    namespace = dict(vars(line_break), _KITAP_PROBE=[])
    patched = source.replace(_LOOP_START, _SHORTEST_FIRST).replace(_LOOP_LAYOUT, _LOOP_LAYOUT_REUSED)
    padded = "\n" * (original.__code__.co_firstlineno - 1) + patched
    exec(compile(padded, inspect.getsourcefile(original), "exec"), namespace)  # line numbers as in WeasyPrint's file
    return namespace["split_first_line"]

_MODULES = ("weasyprint.layout.inline", "weasyprint.layout.preferred")
ENDS = 64  # characters kept from each end of a remembered text, to tell a repeat from a hash collision


class Memory(dict):
    """Answers by call; `hits` counts the calls answered from memory."""

    hits = 0


@contextmanager
def remembered_lines() -> Iterator[Memory]:
    """While active, WeasyPrint's layout answers repeated `split_first_line` calls from memory (where the
    gate allows it: the function's exact source, whose answers depend only on its arguments)."""
    import importlib

    from weasyprint.text import line_break

    from . import allowed, function_source

    if not allowed("line-break memory", function_source(line_break.split_first_line), "split_first_line"):
        yield Memory()
        return

    original = split_first_line_function()
    memory = Memory()

    def split_first_line(text, style, context, max_width, justification_spacing, is_line_start=True, minimum=False):
        key = (len(text), hash(text), id(style), max_width, justification_spacing, is_line_start, minimum)
        ends = (text[:ENDS], text[-ENDS:])
        known = memory.get(key)
        if known is not None and known[3] == ends:
            memory.hits += 1
            layout, rest, _style, _ends = known
            return (copy.copy(layout), *rest)
        layout, *rest = original(text, style, context, max_width, justification_spacing, is_line_start, minimum)
        if not hasattr(layout, "layout"):  # deactivated: no Pango object a copy could share
            memory[key] = (copy.copy(layout), rest, style, ends)  # the style is kept so that its id is not reused
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
