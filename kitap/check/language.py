"""The checker's knowledge of the book's language: its pack's `checker` (kitap.languages.Checking)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..languages import Checking, pack_for

NOTHING = re.compile(r"(?!)")  # a pattern that matches nothing


@lru_cache(maxsize=16)
def checking_for(language: str) -> Checking:
    """The pack's checking knowledge, or a plain one (no spelling, no dates, no headings by name) for a
    pack that has none."""
    pack = pack_for(language)
    return pack.checker or Checking(pack.name, frozenset(), NOTHING, {})


def checking(project) -> Checking:
    return checking_for(project.book.meta.language)


def predicate(project):
    """Can a sentence of the book's language end with this word (a finite verb)? None when not known."""
    return checking(project).function("predicate")
