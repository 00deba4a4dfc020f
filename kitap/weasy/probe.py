"""What a laid-out box's computed style says, as plain values (pt), for kitap's line breaker: read from
WeasyPrint's box tree (internals, so here: a missing attribute is a clear error, never a wrong output)."""
from __future__ import annotations

PX = 0.75  # pt per CSS px: WeasyPrint's boxes and computed lengths are in px


def _length(value, reference: float) -> float:
    """A computed length (px, or a percentage of `reference` px) in pt."""
    if value == "auto":
        return 0.0
    unit = getattr(value, "unit", "px")
    number = getattr(value, "value", value)
    return (number * reference / 100 if unit == "%" else number) * PX


def box_styles(document) -> dict[str, dict]:
    """For every box of the first page whose element has an id ('p-1', and 'fn-1::footnote-call' for a
    pseudo-element), the first one met: its content width and what of its style sets its lines."""
    from . import WRITTEN_FOR, _installed_version, page_box

    found: dict[str, dict] = {}

    def visit(box) -> None:
        element = box.element
        tag = box.element_tag or ""
        ident = element.get("id") if element is not None else None
        if ident:
            key = ident + (tag[tag.index("::"):] if "::" in tag else "")
            if key not in found:
                found[key] = _values(box)
        for child in getattr(box, "children", ()):
            visit(child)

    try:
        visit(page_box(document.pages[0]))
    except (AttributeError, KeyError, TypeError) as error:
        raise RuntimeError(f"WeasyPrint {_installed_version()} boxes are not as {WRITTEN_FOR} makes them: "
                           f"{error}") from None
    return found


def _values(box) -> dict:
    style = box.style
    width = box.width or 0.0
    letter = style["letter_spacing"]
    return {
        "width": width * PX,
        "size": style["font_size"] * PX,
        "indent": _length(style["text_indent"], width),
        "word_spacing": style["word_spacing"] * PX,
        "letter_spacing": 0.0 if letter == "normal" else letter * PX,
        "align": style["text_align_all"],
        "family": tuple(style["font_family"]),
        "style": style["font_style"],
        "weight": int(style["font_weight"]),
        "hyphen": style["hyphenate_character"],
        "limits": tuple(style["hyphenate_limit_chars"]),
        "before": _length(style["padding_left"], width) + _length(style["margin_left"], width)
        + style["border_left_width"] * PX,
        "white_space": style["white_space"],
        "text": "".join(getattr(child, "text", "") for child in getattr(box, "children", ())),
    }
