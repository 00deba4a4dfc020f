"""WeasyPrint measures a page's footnote area again for every note added to it; remember each note's layout.

Each time a footnote is placed on a page (or taken off it), WeasyPrint's `_update_footnote_area` lays
out a copy of the whole footnote area, every note on the page so far, only to learn the area's height.
A page with n notes lays out 1 + 2 + … + n notes; in a 40-text course pack that was 3,234 note layouts
for 1,000 measurements, a fifth of the chapters' layout time.

The notes above the one just added are laid out exactly as in the measurement before: the same note
box (a copy of it: the same element and computed style), at the same position, with the same margins
pending above it, on the same page. So while an area is being *measured* (never while it is laid out
for the page: that layout is moved and drawn), a note's layout is answered from memory when everything
it depends on is the same as when it was made:

- the note (its element, its computed style, its pseudo-element), its position, the containing area's
  width and height, the margins pending above it and whether the page is still empty;
- the page being made, whether its break was forced, and the floats it holds (the shapes a line avoids).

What a note's layout changes outside itself is replayed on a hit: the margins list it was given (it
appends its own top margin to it) is set to what the layout left there. Each caller gets a copy of the
answer's lists and dicts; the laid-out note itself is only read by the measurement (its height and
bottom), which then drops it.

Outputs are byte-identical with and without it (tests/test_weasy_gate.py builds every output both ways).
"""
from __future__ import annotations

import copy
from contextlib import contextmanager
from typing import Iterator

from .linebreaks import Memory


@contextmanager
def remembered_notes() -> Iterator[Memory]:
    """While active, the layouts of notes made to measure a footnote area are remembered (where the gate
    allows it: the exact sources of the functions involved)."""
    from weasyprint import layout
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout import block

    from . import allowed, function_source

    context_class = layout.LayoutContext
    sources = function_source(context_class._update_footnote_area), function_source(block._in_flow_layout)
    if not (allowed("footnote area memory", sources[0], "_update_footnote_area")
            and allowed("footnote area memory", sources[1], "_in_flow_layout")):
        yield Memory()
        return

    memory = Memory()
    original_layout = block.block_level_layout
    original_update = context_class._update_footnote_area
    measuring: list[bool] = []

    def update_footnote_area(self):
        measuring.append(True)
        try:
            return original_update(self)
        finally:
            measuring.pop()

    def block_level_layout(context, box, bottom_space, skip_stack, containing_block, page_is_empty=True,
                           absolute_boxes=None, fixed_boxes=None, adjoining_margins=None, first_letter_style=None,
                           first_line_style=None, discard=False, max_lines=None):
        if (not measuring or skip_stack is not None or absolute_boxes or fixed_boxes
                or not isinstance(containing_block, boxes.FootnoteAreaBox) or first_letter_style is not None
                or first_line_style is not None or adjoining_margins is None):
            return original_layout(context, box, bottom_space, skip_stack, containing_block, page_is_empty,
                                   absolute_boxes, fixed_boxes, adjoining_margins, first_letter_style,
                                   first_line_style, discard, max_lines)
        key = (id(box.element), id(box.style), box.element_tag, type(box), box.position_x, box.position_y,
               containing_block.width, containing_block.height, containing_block.is_for_root_element,
               containing_block.style["direction"], tuple(adjoining_margins), page_is_empty, bottom_space,
               discard, max_lines, context.current_page, context.forced_break,
               tuple(map(id, context.excluded_shapes or ())))
        known = memory.get(key)
        if known is not None:
            memory.hits += 1
            result, margins_after, same_list, _kept = known
            adjoining_margins[:] = margins_after
            new_child, resume_at, next_page, next_margins, collapsing_through, lines = result
            return (new_child, copy.deepcopy(resume_at), dict(next_page),
                    adjoining_margins if same_list else list(next_margins), collapsing_through, lines)
        given = adjoining_margins
        result = original_layout(context, box, bottom_space, skip_stack, containing_block, page_is_empty,
                                 absolute_boxes, fixed_boxes, adjoining_margins, first_letter_style,
                                 first_line_style, discard, max_lines)
        if (absolute_boxes or fixed_boxes or result[1] is not None or result[0] is None):
            return result  # something left the note (or it did not fit whole): not remembered
        new_child, resume_at, next_page, next_margins, collapsing_through, lines = result
        # (the style and element are kept alive, so that their ids are not reused by other boxes)
        memory[key] = ((new_child, copy.deepcopy(resume_at), dict(next_page), list(next_margins),
                        collapsing_through, lines), list(given), next_margins is given, (box.style, box.element))
        return result

    block.block_level_layout = block_level_layout
    context_class._update_footnote_area = update_footnote_area
    try:
        yield memory
    finally:
        block.block_level_layout = original_layout
        context_class._update_footnote_area = original_update
        memory.clear()
