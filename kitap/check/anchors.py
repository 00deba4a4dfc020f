"""Anchors of annotations and chronology entries (errors), found exactly as the build finds them.

- `anchor-missing`: an annotation's phrase is not in the article (or its `occurrence` is not);
- `chrono-anchor-missing`: a chronology entry's linked phrase is not in the article;
- `anchor-ambiguous`: either kind of phrase occurs several times and no `occurrence` says which;
- `question-paragraph`: a question of questions.yaml about a paragraph the text does not have, or quoting a
  phrase it does not hold (the worksheet's build refused it after `check` passed it).
Each finding points at the `anchor:` line of the YAML file and keeps the build's message.
"""
from __future__ import annotations

from typing import Iterator

from ..errors import SourceError, SourceErrors
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
    yield from _questions(project)


def _questions(project: Project) -> Iterator[Finding]:
    from ..appendices.questions import link

    if not project.book.appendices.get("questions"):
        return
    try:
        link(project.book)  # as the build links them (it sets each question's paragraph: nothing else reads it)
    except SourceErrors as errors:
        for error in errors.errors:
            key = "anchor" if "anchor" in error.message or "phrase" in error.message else "paragraph"
            yield yaml_finding(error.path, error.line, "error", error.message, "question-paragraph", key)
