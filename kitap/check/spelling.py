"""`spelling` (warning): words the Kazakh Hunspell dictionary does not know.

The dictionary is Debian's hunspell-kk (kk_KZ.dic/.aff), read with spylls, a pure-Python port of
Hunspell. It is loaded once per process (about 0.7 s). Looking words up is fast (the default
project's 650 words take about 0.02 s), but spylls' suggestions cost about 0.15 s per word, and
this dictionary does not know many inflected forms (ядролық, қауіпсіздікті, ұйымның …), so the
default project would take 20 s for suggestions nobody needs: words are flagged without them.

Skipped: abbreviations (БҰҰ, БҰҰ-ның), numbers and their endings (168-ден), words with Latin or
legacy-font letters (the mixed-script and font-hack checks report those), Roman numerals, single
letters (initials), and the glossary's terms and the words of their expansions. Each unknown word
is reported once, at its first use, with the number of uses.
"""
from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .findings import Finding
from .fonthack import HACK_TO_KAZAKH
from .script import is_latin, looks_roman
from .source import Project

DICTIONARY_STEMS = (Path("/usr/share/hunspell/kk_KZ"), Path("/usr/share/myspell/kk_KZ"),
                    Path("/usr/share/myspell/dicts/kk_KZ"))
NOT_INSTALLED = "spelling not checked: Kazakh Hunspell dictionary (hunspell-kk) not installed"
NO_SPYLLS = "spelling not checked: the spylls package is not installed (pip install -r requirements-check.txt)"
# A word, or hyphenated words (шым-шытырық), not right after a hyphen (168-ден, 20-пунктті).
TOKEN = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*")


def _dictionary_stem() -> Path | None:
    return next((stem for stem in DICTIONARY_STEMS
                 if stem.with_suffix(".dic").is_file() and stem.with_suffix(".aff").is_file()), None)


def unavailable() -> str | None:
    """Why spelling cannot be checked on this machine, or None when it can."""
    if _dictionary_stem() is None:
        return NOT_INSTALLED
    return NO_SPYLLS if importlib.util.find_spec("spylls") is None else None


@lru_cache(maxsize=1)
def dictionary():
    """The loaded Kazakh dictionary, once per process."""
    from spylls.hunspell import Dictionary

    return Dictionary.from_files(str(_dictionary_stem()))


@lru_cache(maxsize=100_000)
def known(word: str) -> bool:
    return dictionary().lookup(word)


def _skipped(token: str, glossary_words: set[str]) -> bool:
    parts = token.split("-")
    return (len(token) < 2 or any(len(part) > 1 and part.isupper() for part in parts)
            or any(is_latin(c) or c in HACK_TO_KAZAKH for c in token) or looks_roman(token)
            or token.lower() in glossary_words)


def check(project: Project) -> Iterator[Finding]:
    if unavailable():
        return
    glossary_words = {word.lower() for entry in project.book.glossary
                      for word in re.findall(r"[^\W\d_]+", f"{entry.term} {entry.expansion}")}
    first: dict[str, tuple[int, int, str]] = {}
    count: dict[str, int] = {}
    for index, text in enumerate(project.article.block_texts):
        for m in TOKEN.finditer(text):
            token = m[0]
            key = token.lower()
            if key in count:
                count[key] += 1
            elif not _skipped(token, glossary_words) and not all(known(part) for part in token.split("-")):
                first[key] = (index, m.start(), token)
                count[key] = 1
    for key, (index, start, token) in first.items():
        times = f" (used {count[key]} times)" if count[key] > 1 else ""
        offset = project.article.block_offset(index, start, start + len(token))
        yield project.article.finding(offset, "warning", f"«{token}»{times} is not in the Kazakh dictionary "
                                      "(hunspell-kk)", "spelling")
