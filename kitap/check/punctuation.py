"""Sentence punctuation (warnings): `paragraph-end` and `line-broken` (fixable), and `stray-period`.

- `paragraph-end`: a paragraph of running text that ends in a letter or a digit: its full stop was
  lost (the handout would print it so). Running text is a paragraph, a note or a chronology event
  of at least RUNNING_WORDS words, or one whose last word is a predicate (болды, қабылданды, еді);
  a short fragment with no predicate (a byline, a date line) is not. Never flagged: headings (and
  a line heading-unmarked reads as one), list items, verse, a paragraph ending in , ; : or a dash
  (a sentence continued in the next paragraph), in a word no sentence ends with (the pack's
  `continuing`: және, и), or in a closing quote or bracket. `--fix` adds the
  full stop and records it in editorial.yaml.
- `line-broken`: a paragraph of the article whose sentence goes on in the next one (it ends in a letter
  or a digit, and the next begins with a small letter): a line break inside a sentence, as a
  text copied from a PDF or a web page with its line breaks has. Reported instead of paragraph-end (a
  full stop there would cut the sentence); `--fix` joins the two lines.
- `stray-period`: a full stop followed by a lower-case word in the same paragraph («кітаптар.
  дәптерлер, қаламдар»): a list broken by a stray full stop, or a capital lost. Not after an
  abbreviation of the language (its pack's checker: «ж.», «т.б.», «г.») or an initial («Н.»).
"""
from __future__ import annotations

import re
from typing import Iterator

from .findings import Finding
from .passages import RUNNING_KINDS, Passage, goes_on
from .source import Project
from .language import checking, predicate
from .structure import furniture_lines, heading_lines
from .tokens import TOKEN, abbreviation_before

RUNNING_WORDS = 8
STRAY = re.compile(r"(?<=[^\W\d_])\.[ \u00a0]+(?=[^\W\d_])")  # then a lower-case letter: see _stray_period
STRAY_KINDS = RUNNING_KINDS | {"list", "quote"}


# A reference ends so, with no full stop: «… Алматы, 1998. ISBN 5-89800-123-9», «… б. 45», an address
REFERENCE_END = re.compile(r"(?:ISBN|ISSN|DOI|doi)[:\s]*[\dXx-]+$|https?://\S+$"
                           r"|(?:б|бб|с|стр|pp?)\.\s*\d+(?:[-–]\d+)?$")


def _paragraph_end(passage: Passage, is_predicate, continuing: frozenset[str]) -> Iterator[Finding]:
    text = passage.text.rstrip()
    if not text or not text[-1].isalnum() or REFERENCE_END.search(text):
        return
    words = TOKEN.findall(text)
    if not words or len(words) < RUNNING_WORDS and not (is_predicate and is_predicate(words[-1])):
        return
    if words[-1].lower() in continuing:  # «… және», «… и»: the sentence goes on (a preamble's clause)
        return
    last = words[-1] if text.endswith(words[-1]) else text.split()[-1]
    yield passage.finding(len(text) - len(last), "warning", f"the paragraph ends without a full stop («…{last}»); "
                          "`check --fix` adds it", "paragraph-end", ((len(text), len(text), "."),))


def _stray_period(passage: Passage, abbreviations: frozenset[str]) -> Iterator[Finding]:
    text = passage.text
    for match in STRAY.finditer(text):
        if not text[match.end()].islower() or abbreviation_before(text, match.start(), abbreviations):
            continue
        word = TOKEN.match(text, match.end())
        before = text[:match.start()].split()[-1] if text[:match.start()].split() else ""
        yield passage.finding(match.start(), "warning", f"a full stop between «{before}» and «{word[0] if word else ''}», "
                              "which starts in lower case: a stray full stop (a comma?) or a lost capital",
                              "stray-period")


def _line_broken(passage: Passage, following: Passage) -> Iterator[Finding]:
    text = passage.text.rstrip()
    last, first = text.split()[-1], following.text.split()[0]
    between = (len(text), following.start - passage.start) if passage.editable and following.editable else None
    yield passage.finding(len(text) - len(last), "warning", f"the sentence goes on in the next paragraph («…{last}» | "
                          f"«{first}…»): a line break inside a sentence, as a text copied with its line breaks "
                          "has; join the two lines (`check --fix` does)", "line-broken",
                          ((*between, " "),) if between else ())


# A sentence ending inside a paragraph and the next one starting: the paragraph is prose, not a clause
SENTENCE_INSIDE = re.compile(r"[.!?…]\s+[^\W\d_a-zа-яёәғқңөұүһі]")


def _goes_on_after_comma(text: str, following: str) -> bool:
    """A paragraph of prose (it ends a sentence inside itself) that stops at a comma, and the next one begins
    in a small letter («…Бір мезгілде үйге баралық деп келсе,» | «ауыл жоқ…»: a text copied from a book's page,
    whatever its lines' length). A law's preamble ends its clauses so too, but they are no prose: each is one
    clause, no full stop inside."""
    start = following.lstrip()[:1]
    return text.rstrip().endswith(",") and start.isalpha() and start.islower() and bool(SENTENCE_INSIDE.search(text))


def _broken_lines(project: Project) -> dict[int, Passage]:
    """Article paragraph index → the next paragraph, where the first goes on in the next (goes_on)."""
    passages = [p for p in project.article_passages if p.kind == "paragraph"]
    return {p.index: q for p, q in zip(passages, passages[1:])
            if q.index == p.index + 1 and p.text.strip() and q.text.strip()
            and (goes_on(p.text, q.text) or _goes_on_after_comma(p.text, q.text))}


def check(project: Project) -> Iterator[Finding]:
    headings = heading_lines(project)
    language = checking(project)
    is_predicate, abbreviations, continuing = predicate(project), language.abbreviations, language.continuing
    broken = _broken_lines(project)
    article = {id(p) for p in project.article_passages}
    furniture = {id(p) for p in furniture_lines(project)}  # (web-furniture says: remove the line)
    for passage in project.passages:
        if id(passage) in article and passage.index in broken and passage.index not in headings:
            yield from _line_broken(passage, broken[passage.index])
        elif passage.kind in RUNNING_KINDS and not (passage.editable and passage.index in headings) \
                and id(passage) not in furniture:
            yield from _paragraph_end(passage, is_predicate, continuing)
        if passage.kind in STRAY_KINDS:
            yield from _stray_period(passage, abbreviations)
