"""Sentences of the text to fill in: the gap is a glossary term or a year of the chronology.

A good gap sentence is short enough to copy the sense of at a glance (MIN_WORDS to MAX_WORDS words) and
leaves one word to write that the sentence does not give away: the term or year occurs once in it, a term's
expansion is not in it, no other year of the chronology stands beside a year's gap (the order task's answer),
and it is no list of abbreviations. A term keeps its ending («____-ға»), and a year
is only its digits («____ жылдың 2 наурызында»). Each answer is asked once (twice when the text offers too few); years and terms alternate; the
sentences are set in reading order. Nothing depends on the script: the Latin edition asks the same gaps.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..check.tokens import sentence_starts
from ..languages import pack_for
from ..model import Book
from ..transforms.anchors import find_phrase
from ..transforms.inline_ops import plain_text
from .items import Gap, Task

GAPS_MAX = 6
MIN_WORDS, MAX_WORDS, BEST_WORDS = 6, 20, 12
MAX_TERMS = 2  # a sentence naming more abbreviations is a list
MAX_REPEATS = 2  # times one answer may fill a gap, when the text has too few different ones
YEAR = re.compile(r"(?<![\d.,])\d{4}(?![\d.,]\d)")


@dataclass(frozen=True)
class Candidate:
    kind: str        # 'year' or 'term'
    answer: str
    sentence: str
    start: int       # of the gap in the sentence
    paragraph: int
    order: tuple[int, int]  # block and sentence index: reading order

    @property
    def score(self) -> int:
        return abs(len(self.sentence.split()) - BEST_WORDS)


def sentences(text: str, abbreviations: frozenset[str]) -> list[str]:
    """The sentences of a paragraph (a full stop after an abbreviation or an initial ends none)."""
    starts = sentence_starts(text, abbreviations) + [len(text)]
    return [text[a:b].strip() for a, b in zip(starts, starts[1:]) if text[a:b].strip()]


def _term_hits(sentence: str, terms) -> dict[str, list[int]]:
    return {e.term: [start for start, _ in find_phrase(sentence, e.term)] for e in terms}


RANGE_DASHES = "-–—"
TABLE_ROW = re.compile(r"\S+ — ")  # a table's row, its cells joined by « — » (import): no sentence to fill in
TOLD_SHARE = 0.7  # of a sentence's words an event of the chronology holds: the order task prints its answer


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W_]+", text)}


def _in_range(sentence: str, m) -> bool:
    """A year that is one end of a range («1905-1910 ж.»): its gap would leave the other end as an ending."""
    before, after = sentence[max(0, m.start() - 2):m.start()], sentence[m.end():m.end() + 2]
    return (len(before) == 2 and before[1] in RANGE_DASHES and before[0].isdigit()) or \
        (len(after) == 2 and after[0] in RANGE_DASHES and after[1].isdigit())


def candidates(book: Book) -> list[Candidate]:
    """Every gap a sentence of the text could have, as the rules above allow."""
    pack = pack_for(book.meta.language)
    abbreviations = pack.checker.abbreviations if pack.checker else frozenset()
    years = {str(event.date.year) for event in book.chronology}
    told = [_words(plain_text(event.event)) for event in book.chronology]  # the order task prints each event
    found = []
    for index, block in enumerate(book.blocks):
        if block.kind == "h":
            continue
        for number, sentence in enumerate(sentences(plain_text(block.children), abbreviations)):
            if not MIN_WORDS <= len(sentence.split()) <= MAX_WORDS or TABLE_ROW.match(sentence.strip()) \
                    or any(len(_words(sentence) & event) >= TOLD_SHARE * len(_words(sentence)) for event in told):
                continue  # a table's row («1835 — Рождение …»); a sentence an event tells (its answer is printed)
            order = (index, number)
            named = {term: hits for term, hits in _term_hits(sentence, book.glossary).items() if hits}
            if len(named) <= MAX_TERMS:
                found += [Candidate("term", e.term, sentence, named[e.term][0], block.number, order)
                          for e in book.glossary if len(named.get(e.term, ())) == 1 and e.expansion not in sentence
                          and sum(map(str.isalpha, e.term)) >= 2]  # «ж.» (жыл) asks nothing worth writing
            digits = [m for m in YEAR.finditer(sentence)]
            dated = {d[0] for d in digits if d[0] in years}
            # one year of the chronology, the one to write: another left beside the gap («Гумбольдтың (1844)»)
            # would print an answer of the order task
            found += [Candidate("year", m[0], sentence, m.start(), block.number, order) for m in digits
                      if dated == {m[0]} and sum(d[0] == m[0] for d in digits) == 1 and not _in_range(sentence, m)]
    return found


def choose(found: list[Candidate], limit: int = GAPS_MAX) -> list[Candidate]:
    """Up to `limit` gaps, the best sentences first, alternating years and terms; each sentence once, each
    answer once (then, if the text has too few, twice); in reading order."""
    chosen: list[Candidate] = []
    for repeats in range(1, MAX_REPEATS + 1):
        queues = {kind: sorted((c for c in found if c.kind == kind), key=lambda c: (c.score, c.order))
                  for kind in ("year", "term")}
        while len(chosen) < limit and any(queues.values()):
            for queue in queues.values():
                while queue and (sum(c.answer == queue[0].answer for c in chosen) >= repeats
                                 or any(c.order == queue[0].order for c in chosen)):
                    queue.pop(0)
                if queue and len(chosen) < limit:
                    chosen.append(queue.pop(0))
    return sorted(chosen, key=lambda c: c.order)


def gap_task(book: Book) -> Task | None:
    chosen = choose(candidates(book))
    if not chosen:
        return None
    return Task("gaps", tuple(Gap(c.sentence[:c.start], c.answer, c.sentence[c.start + len(c.answer):], c.paragraph)
                              for c in chosen))
