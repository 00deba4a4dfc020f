"""The line setting of a print edition (kitap/lines): a one-page probe laid out with the edition's
stylesheets, read back for the measure, indent, size, spacing and faces of each kind of text.

The probe holds one of each thing the line breaker sets, marked up as templates/parts/article.html.j2
and render/document.py mark them up: a paragraph with two note calls (and the comma between them), a
quoted paragraph, a list item, and so the notes. A test compares the setting with the real layout
(tests/test_print_quality.py).
"""
from __future__ import annotations

from ..lines import Measure, Setting
from ..render import STYLES_DIR

PROBE = """<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8"/><title>probe</title></head>
<body class="target-pdf"><section class="article" id="article">
<p id="p-1" data-n="1">Ш Ш<span class="footnote" id="fn-1">Ш Ш</span><span class="note-sep" id="probe-sep">,</span><span class="footnote" id="fn-2">Ш</span></p>
<blockquote id="p-2"><p id="probe-quote" data-n="2">Ш</p></blockquote>
<ul class="article-list"><li id="p-3" data-n="3">Ш</li></ul>
</section></body></html>"""
KINDS = {"p": "p-1", "quote": "probe-quote", "item": "p-3", "note": "fn-1"}  # kind of text → its box


def _measure(values: dict, marker: dict | None = None) -> Measure | None:
    if values["letter_spacing"] or values["white_space"] != "normal":
        return None  # the breaker does not model these: WeasyPrint breaks such text alone
    shape = ()
    if marker:
        shape = ("".join("N" if c.isdigit() else c for c in marker["text"]).replace("NN", "N"),
                 marker["style"], marker["weight"], marker["size"])
    return Measure(values["width"], values["indent"], values["size"], values["word_spacing"],
                   values["align"] == "justify", values["family"], values["style"], values["weight"],
                   values["hyphen"], shape)


def line_setting(render) -> Setting:
    """The Setting of the edition `render(html)` lays out (a callable: HTML → WeasyPrint document)."""
    from ..weasy.probe import box_styles

    boxes = box_styles(render(PROBE))
    measures = []
    if boxes[KINDS["p"]]["align"] != "justify":
        # a ragged edition (large print) is left to WeasyPrint: its pages mended after layout
        # (writers/pagination.py) did not converge when kitap broke its paragraphs and notes
        return Setting((), limits=boxes["p-1"]["limits"], fonts_css=str(STYLES_DIR / "fonts.css"))
    for kind, ident in KINDS.items():
        measure = _measure(boxes[ident], boxes.get(f"{ident}::footnote-marker") if kind == "note" else None)
        if measure:
            measures.append((kind, measure))
    call = boxes["fn-1::footnote-call"]
    return Setting(tuple(measures), call["size"], call["before"], boxes["probe-sep"]["size"],
                   boxes["p-1"]["limits"], str(STYLES_DIR / "fonts.css"))
