"""A glossary draft: the text's abbreviations (as `build.py check` finds them) with the expansions the text
itself gives, «Біріккен Ұлттар Ұйымы (БҰҰ)» or «БҰҰ (Біріккен Ұлттар Ұйымы)».

An expansion is taken only when the initials of its words spell the abbreviation (small linking words
such as «және» may stand between), so «… ұйымы (ЮНЕСКО)» gives none: the editor writes it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..check.abbreviations import (CYRILLIC_UPPER, abbreviation_matches, abbreviation_pattern, in_capitals,
                                   name_in_capitals)
from ..check.script import looks_roman, roman_in_cyrillic

# Words an expansion may hold without their initial in the abbreviation.
LINKING_WORDS = {"және", "мен", "пен", "бен", "мен", "и", "по", "де", "да", "of", "and", "the", "for"}
MAX_WORDS = 10
WORD = r"[^\W\d_][^\s()]*"


@dataclass
class Term:
    term: str
    expansion: str     # '' when the text never spells it out
    paragraph: int     # where it is first used (classroom paragraph number)
    spelled: str = ""  # the words of the text that spell it out, for the editor to compare


def draft(texts: list[str], numbers: list[int], author: str, capitals: str = CYRILLIC_UPPER,
          surname: re.Pattern | None = None) -> list[Term]:
    """The abbreviations (words in `capitals`: the language's) in order of first use, each with the
    expansion found in the text; not a surname in capitals after a name (`surname`: the language's
    Checking.surname)."""
    author_words = {word.lower() for word in re.findall(r"[^\W\d_]+", author)}
    terms: dict[str, Term] = {}
    for text, number in zip(texts, numbers):
        if in_capitals(text):
            continue
        for match in abbreviation_matches(text, abbreviation_pattern(capitals)):
            token = match[0]
            if token in terms or token.lower() in author_words or roman_in_cyrillic(token, text[match.end():]) \
                    or token.isascii() and looks_roman(token) or name_in_capitals(text, match, surname):
                continue
            terms[token] = Term(token, "", number)
    for term in terms.values():
        term.expansion, term.spelled = _expansion(texts, term.term)
    return list(terms.values())


def _expansion(texts: list[str], term: str) -> tuple[str, str]:
    escaped = re.escape(term)
    before = re.compile(rf"((?:{WORD}[\s,]+){{1,{MAX_WORDS}}})\(\s*{escaped}\s*\)")
    after = re.compile(rf"(?<![^\W\d_]){escaped}\s*\(\s*([^()]+?)\s*\)")
    for text in texts:
        for match in before.finditer(text):
            words = match[1].split()
            for count in range(1, len(words) + 1):
                if _spells(words[-count:], term):
                    name = " ".join(words[-count:]).rstrip(",")
                    return name, f"{name} ({term})"
        for match in after.finditer(text):
            if _spells(match[1].split(), term):
                return match[1], f"{term} ({match[1]})"
    return "", ""


def _spells(words: list[str], term: str) -> bool:
    """Do the words' initials spell the term (linking words may be skipped, never the first or last)?"""
    initials = [w[0].upper() for w in words if w.lower() not in LINKING_WORDS]
    return bool(words) and words[0].lower() not in LINKING_WORDS and "".join(initials) == term
