"""The tasks of a worksheet, made from the book: plain data the template lays out (the answers beside
what the student sees, so one template makes both the worksheet and its key).

Shuffles are reproducible: each task has its own random generator seeded by the project's name and the
task's name, so the same project always gives the same worksheet, and adding a question to
questions.yaml does not reshuffle the matching. Every edition of a project gets the same worksheet item
for item (the seed leaves out the edition, entries are taken in their source order, which their ids
keep): a class reading both scripts shares one answer key.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

from ..model import Book, Mark, PartialDate
from ..transforms.inline_ops import plain_text, walk

MATCH_MAX = 8    # abbreviations to match: more do not fit one page beside the other tasks
ORDER_MAX = 6    # events to put in order
MIN_ITEMS = 2    # a matching or ordering task of fewer items asks nothing


@dataclass(frozen=True)
class Matched:
    """A term to match, the paragraph where the text first uses it, and the letter of its expansion."""

    term: str
    paragraph: int
    answer: int  # index in Task.options


@dataclass(frozen=True)
class Ordered:
    """An event to put in order: its text, paragraph, place in time (1 = earliest) and date."""

    text: str
    paragraph: int
    place: int
    date: PartialDate


@dataclass(frozen=True)
class Gap:
    """A sentence of the text with one gap: the text before and after it, and the word that fills it."""

    before: str
    answer: str
    after: str
    paragraph: int


@dataclass(frozen=True)
class Task:
    """One numbered task: its kind ('matching', 'order', 'gaps', 'truefalse', 'choice', 'open'), its items
    (Matched, Ordered, Gap or model.Question) and, for matching, the shuffled expansions."""

    kind: str
    items: tuple
    options: tuple[str, ...] = ()


def _rng(book: Book, task: str) -> random.Random:
    name = book.meta.name.removesuffix(f"-{book.meta.edition}") if book.meta.edition else book.meta.name
    return random.Random(f"{name}|{task}")  # str seeds hash the same in every process


def source_order(entries: list) -> list:
    """Entries in the order of their source file (their ids number them so in every edition)."""
    return sorted(entries, key=lambda e: int(re.sub(r"\D", "", e.id) or 0))


def paragraph_of(book: Book) -> dict[str, int]:
    """Element id of each marked phrase (a glossary use, an event's phrase) → its paragraph number."""
    return {node.id: block.number for block in book.blocks for node in walk(block.children)
            if isinstance(node, Mark) and node.id}


def _not_in_order(rng: random.Random, items: list) -> list:
    """The items shuffled, never left as they were (a list in its own order asks nothing)."""
    shuffled = list(items)
    rng.shuffle(shuffled)
    if len(items) > 1 and shuffled == list(items):
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled


def matching(book: Book, where: dict[str, int]) -> Task | None:
    """Abbreviations (in the glossary file's order) to match with their expansions (shuffled)."""
    rng = _rng(book, "matching")
    entries = source_order([e for e in book.glossary if e.uses] or list(book.glossary))  # prefer terms the text uses
    if len(entries) > MATCH_MAX:
        chosen = set(id(e) for e in rng.sample(entries, MATCH_MAX))
        entries = [e for e in entries if id(e) in chosen]
    if len(entries) < MIN_ITEMS:
        return None
    options = _not_in_order(rng, [e.expansion for e in entries])
    items = tuple(Matched(e.term, where.get(e.uses[0], 0) if e.uses else 0, options.index(e.expansion))
                  for e in entries)
    return Task("matching", items, tuple(options))


def _span(date: PartialDate) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The first and last day a (partial) date may mean: «1992» is all of 1992."""
    return ((date.year, date.month or 1, date.day or 1),
            (date.year, date.month or 12, date.day or 31))


def ordering(book: Book, where: dict[str, int]) -> Task | None:
    """Events to number in the order they happened: only events whose order the dates decide (never two in
    the same year when one of them says only the year), those the text mentions first."""
    rng = _rng(book, "order")
    events = source_order(list(book.chronology))
    rng.shuffle(events)
    events.sort(key=lambda e: e.ref not in where)  # stable: mentioned in the text first
    chosen: list = []
    for event in events:
        first, last = _span(event.date)
        if all(last < _span(c.date)[0] or _span(c.date)[1] < first for c in chosen):
            chosen.append(event)
        if len(chosen) == ORDER_MAX:
            break
    if len(chosen) < MIN_ITEMS + 1:  # two events in order are a coin toss
        return None
    by_date = sorted(chosen, key=lambda e: e.date)
    shown = _not_in_order(rng, by_date)
    items = tuple(Ordered(plain_text(e.event), where.get(e.ref, 0), by_date.index(e) + 1, e.date)
                  for e in shown)
    return Task("order", items)


QUESTION_TASKS = ("truefalse", "choice", "open")  # after the generated tasks; open questions last (room to write)


def teacher_tasks(book: Book) -> list[Task]:
    """The teacher's questions (questions.yaml), one task per kind, each in the file's order."""
    questions = book.appendices.get("questions", [])
    return [Task(kind, tuple(q for q in questions if q.kind == kind)) for kind in QUESTION_TASKS
            if any(q.kind == kind for q in questions)]


def tasks(book: Book) -> list[Task]:
    """Every task the book gives, in the order the worksheet sets them."""
    from .gaps import gap_task

    where = paragraph_of(book)
    made = [matching(book, where), ordering(book, where), gap_task(book)]
    return [task for task in made if task] + teacher_tasks(book)
