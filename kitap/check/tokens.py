"""Words of a passage as the spelling and punctuation rules see them: where sentences start, what is Russian.

A word starts a sentence when only opening punctuation stands between it and the start of the
passage or a sentence's end (. ! ? …); a full stop after an abbreviation («ж.», «т.б.») or an
initial («Н.») ends no sentence. A sentence with Russian function words and no letter of Kazakh's
own (ә ғ қ ң ө ұ ү һ і) is Russian, quoted in the text: it is not spelled as Kazakh.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..languages.kk.sentences import KAZAKH_ONLY_LETTERS, RUSSIAN_ENDINGS, RUSSIAN_WORDS

# A word, or hyphenated words (шым-шытырық), not right after a hyphen (168-ден, 20-пунктті); a stress mark
# (U+0301, U+0300: «Чока́н», as Russian school texts mark stress) is part of its word.
STRESS = "\u0301\u0300"
_LETTERS = rf"(?:[^\W\d_]|[{STRESS}])*"
TOKEN = re.compile(rf"(?<![\w{STRESS}-])[^\W\d_]{_LETTERS}(?:-[^\W\d_]{_LETTERS})*")
# A sentence ends at . ! ? … before a space, a closing mark or the end: not inside «egov.kz», «1.5», «т.б.»
SENTENCE_END = re.compile(r"[.!?…]+[»“”\"')\]]*(?=\s|$)")
OPENING = set(" \t\r\n\u00a0«„“\"'([—–-")
WORD_BEFORE = re.compile(r"((?:[^\W\d_]+\.)*[^\W\d_]+)$")
MIN_RUSSIAN_WORDS = 2
GROUP = re.compile(r"\(([^()]*)\)|«([^«»]*)»")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    initial: bool  # starts a sentence
    russian: bool  # in a Russian sentence


def abbreviation_before(text: str, period: int, abbreviations: frozenset[str]) -> bool:
    """Is the full stop at `period` the end of an abbreviation (of the language: `abbreviations`) or an
    initial (not of a sentence)?"""
    found = WORD_BEFORE.search(text, 0, period)
    if not found:
        return False
    word = found[1]
    parts = word.split(".")
    return len(word) == 1 or all(len(part) == 1 for part in parts) or word.lower() in abbreviations


def sentence_starts(text: str, abbreviations: frozenset[str]) -> list[int]:
    """Offsets where a sentence may start: 0 and after each sentence end that is not an abbreviation's."""
    starts = [0]
    for end in SENTENCE_END.finditer(text):
        if end[0] == "." and abbreviation_before(text, end.start(), abbreviations):
            continue
        starts.append(end.end())
    return starts


def _is_russian(words: list[str]) -> bool:
    if any(KAZAKH_ONLY_LETTERS & set(word) for word in words):
        return False
    return sum(word.lower() in RUSSIAN_WORDS for word in words) >= MIN_RUSSIAN_WORDS


def _russian_groups(text: str) -> list[tuple[int, int]]:
    """Spans of bracketed or quoted Russian inside a Kazakh sentence («(Программа развития ООН)»)."""
    spans = []
    for group in GROUP.finditer(text):
        words = [w[0] for w in TOKEN.finditer(group[0])]
        if (len(words) >= 2 and not any(KAZAKH_ONLY_LETTERS & set(w) for w in words)
                and any(w.lower() in RUSSIAN_WORDS or w.lower().endswith(RUSSIAN_ENDINGS) for w in words)):
            spans.append(group.span())
    return spans


def tokens(text: str, checking) -> list[Token]:
    """The words of a text in the language `checking` knows (Russian quoted in it told apart, if it says so)."""
    starts = sentence_starts(text, checking.abbreviations) + [len(text) + 1]
    groups = _russian_groups(text) if checking.quoted_russian else []
    result: list[Token] = []
    for begin, end in zip(starts, starts[1:]):
        words = list(TOKEN.finditer(text, begin, min(end, len(text))))
        russian = checking.quoted_russian and _is_russian([w[0] for w in words])
        for match in words:
            initial = all(c in OPENING for c in text[begin:match.start()])
            quoted = any(start <= match.start() < stop for start, stop in groups)
            result.append(Token(match[0], match.start(), initial, russian or quoted))
    return result
