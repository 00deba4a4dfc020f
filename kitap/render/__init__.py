"""Stage 3: model + templates → HTML strings (`render_document`), for the targets in `targets`.

The targets and paths are imported at once; the renderer (Jinja and the Kazakh typography) on first use
of one of its names, so a process that only lays out HTML does not load it.
"""
from .targets import (EPUB, HTML, PDF, STYLES_DIR, TEMPLATES_DIR, TOOL_ROOT, Page, Target, appendix_parts, parts,
                      text_page)

__all__ = ["EPUB", "HTML", "PDF", "STYLES_DIR", "TEMPLATES_DIR", "TOOL_ROOT", "Page", "Target", "appendix_parts",
           "parts", "text_page", "Ref", "Renderer", "TocEntry", "css_string", "environment", "heading_tree", "present_parts",
           "render_document"]
_RENDERER = {"Ref", "Renderer", "TocEntry", "css_string", "environment", "heading_tree", "present_parts",
             "render_document"}


def __getattr__(name: str):
    if name in _RENDERER:
        from . import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
