"""Anchors of annotations and chronology entries (errors), found exactly as the build finds them.

- `anchor-missing`: an annotation's phrase is not in the article (or its `occurrence` is not);
- `chrono-anchor-missing`: a chronology entry's linked phrase is not in the article;
- `anchor-ambiguous`: either kind of phrase occurs several times and no `occurrence` says which.
Each finding points at the `anchor:` line of the YAML file and keeps the build's message.
"""
from __future__ import annotations

from typing import Iterator

from ..errors import SourceError
from ..model import Anchor
from ..transforms.anchors import find_phrase, locate
from .findings import Finding
from .source import Project, yaml_finding


def _check_anchor(project: Project, anchor: Anchor, what: str, missing_rule: str) -> Iterator[Finding]:
    try:
        locate(project.book.blocks, anchor, what)
    except SourceError as error:
        count = sum(len(find_phrase(text, anchor.phrase)) for text in project.article.block_texts)
        rule = "anchor-ambiguous" if count > 1 and anchor.occurrence is None else missing_rule
        yield yaml_finding(error.path, error.line, "error", error.message, rule, "anchor")


def check(project: Project) -> Iterator[Finding]:
    for annotation in project.book.annotations:
        yield from _check_anchor(project, annotation.anchor, "annotation", "anchor-missing")
    for event in project.book.chronology:
        if event.anchor is not None:
            yield from _check_anchor(project, event.anchor, "chronology", "chrono-anchor-missing")
