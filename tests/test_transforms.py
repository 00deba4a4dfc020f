"""Transforms on small in-memory models: anchoring, linking, numbering, ordering."""
from __future__ import annotations

from pathlib import Path

import pytest

from kitap.errors import SourceErrors
from kitap.languages.kk.collate import KAZAKH_ALPHABET
from kitap.languages import pack_for
from kitap.languages.kk.dates import format_date
from kitap.load.dates import parse_partial_date
from kitap.model import (Anchor, Annotation, Block, Book, ChronoEvent, GlossaryEntry, Mark, Meta, NoteRef, Origin,
                         PartialDate, Styled, Text)
from kitap.transforms import apply_transforms
from kitap.transforms.inline_ops import CrossesFormatting, insert_at, plain_text, wrap_range

HERE = Origin(Path("t.yaml"), 1)


def book_of(*paragraphs, annotations=(), glossary=(), chronology=()) -> Book:
    blocks = [Block("p", [Text(p)] if isinstance(p, str) else p, Origin(Path("a.txt"), i)) for i, p in enumerate(paragraphs, 1)]
    meta = Meta(name="t", title="T", author="A", language="kk", identifier="x")
    return Book(Path("."), meta, blocks, annotations=list(annotations),
                appendices={"glossary": list(glossary), "chronology": list(chronology)})


def note(phrase, body="n", occurrence=None):
    return Annotation(Anchor(phrase, occurrence, HERE), [Text(body)], HERE)


def test_note_call_goes_right_after_its_phrase():
    book = apply_transforms(book_of("Қазақстан БҰҰ мүшесі болды", annotations=[note("БҰҰ мүшесі")]))
    children = book.blocks[0].children
    assert [type(c).__name__ for c in children] == ["Text", "NoteRef", "Text"]
    assert children[0].text == "Қазақстан БҰҰ мүшесі" and children[2].text == " болды"
    assert book.notes[0].number == children[1].number == 1


def test_notes_are_numbered_in_reading_order_not_file_order():
    book = apply_transforms(book_of("бір екі", "үш", annotations=[note("үш", "c"), note("екі", "b"), note("бір", "a")]))
    assert [plain_text(n.body) for n in book.notes] == ["a", "b", "c"]
    assert [n.number for n in book.notes] == [1, 2, 3]


def test_two_notes_on_one_phrase_keep_file_order():
    book = apply_transforms(book_of("сөз бар", annotations=[note("сөз", "first"), note("сөз", "second")]))
    calls = [c for c in book.blocks[0].children if isinstance(c, NoteRef)]
    assert [c.key for c in calls] == ["a1", "a2"]


def test_occurrence_picks_the_nth_match_across_paragraphs():
    book = apply_transforms(book_of("БҰҰ бір", "БҰҰ екі", annotations=[note("БҰҰ", occurrence=2)]))
    assert not any(isinstance(c, NoteRef) for c in book.blocks[0].children)
    assert any(isinstance(c, NoteRef) for c in book.blocks[1].children)


def test_missing_and_ambiguous_anchors_are_reported_together():
    with pytest.raises(SourceErrors) as caught:
        apply_transforms(book_of("БҰҰ бір", "БҰҰ екі", annotations=[note("жоқ сөз"), note("БҰҰ")]))
    messages = [str(e) for e in caught.value.errors]
    assert len(messages) == 2
    assert "is not in the article" in messages[0] and "occurs 2 times" in messages[1]


def test_wrap_inside_emphasis_and_refusal_across_it():
    children = [Text("ал "), Styled("em", [Text("үлкен сөз")]), Text(" бар")]
    wrap_range(children, 3, 8, lambda c: Mark("chrono", "x", c))
    assert isinstance(children[1].children[0], Mark) and plain_text(children) == "ал үлкен сөз бар"
    with pytest.raises(CrossesFormatting):
        wrap_range([Text("ал "), Styled("em", [Text("үлкен сөз")])], 0, 6, lambda c: Mark("chrono", "x", c))


def test_call_is_never_put_inside_a_link():
    children = [Text("a "), Mark("chrono", "ch-1", [Text("1992 жылы")]), Text(" b")]
    insert_at(children, 6, NoteRef("k"))
    assert isinstance(children[2], NoteRef), "call inside a linked phrase moves to the end of the link"


def test_abbreviation_first_use_is_linked_and_case_endings_allowed():
    entry = GlossaryEntry("БҰҰ", "Біріккен Ұлттар Ұйымы", HERE)
    book = apply_transforms(book_of("Біз БҰҰБ емес", "БҰҰ-ның жарғысы, БҰҰ", glossary=[entry]))
    assert not any(isinstance(c, Mark) for c in book.blocks[0].children), "БҰҰБ is another word"
    marks = [c for c in book.blocks[1].children if isinstance(c, Mark)]
    assert [m.kind for m in marks] == ["abbr", "abbr-use"] and plain_text(marks[0].children) == "БҰҰ"
    assert book.glossary[0].uses == ["gl-1-u1", "gl-1-u2"]  # (the transforms work on a copy)


def test_abbreviation_inside_a_linked_phrase_is_not_nested():
    entry = GlossaryEntry("БҰҰ", "x", HERE)
    event = ChronoEvent(PartialDate(1992, 3, 2), [Text("e")], HERE, Anchor("БҰҰ мүшесі", None, HERE))
    book = apply_transforms(book_of("БҰҰ мүшесі болды, БҰҰ", glossary=[entry], chronology=[event]))
    top = book.blocks[0].children
    assert isinstance(top[0], Mark) and top[0].kind == "chrono"
    assert [c.kind for c in top[0].children if isinstance(c, Mark)] == ["abbr-use"], "a plain span, not a nested link"
    assert isinstance(top[-1], Mark) and top[-1].kind == "abbr"


def test_glossary_sorts_in_kazakh_alphabet_order():
    terms = ["ЮНЕСКО", "ҚР", "ЕО", "ИКҰ", "КСРО", "ӘКК", "БҰҰ", "АҚШ", "ҰҚК", "ҮЕҰ", "ІІМ", "ЫЫ", "ЭСКАТО", "ҺҺ"]
    entries = [GlossaryEntry(t, t, HERE) for t in terms]
    book = apply_transforms(book_of("мәтін", glossary=entries))
    assert [e.term for e in book.glossary] == ["АҚШ", "ӘКК", "БҰҰ", "ЕО", "ИКҰ", "КСРО", "ҚР", "ҰҚК", "ҮЕҰ", "ҺҺ",
                                               "ЫЫ", "ІІМ", "ЭСКАТО", "ЮНЕСКО"]
    assert sorted(["ү", "у", "ұ"], key=pack_for("kk").sort_key) == ["у", "ұ", "ү"]
    assert len(KAZAKH_ALPHABET) == 42


def test_chronology_sorts_partial_dates():
    events = [ChronoEvent(d, [Text("e")], HERE) for d in (PartialDate(1992, 3, 2), PartialDate(1789), PartialDate(1992, 3), PartialDate(1992))]
    book = apply_transforms(book_of("мәтін", chronology=events))
    assert [e.date.iso() for e in book.chronology] == ["1789", "1992", "1992-03", "1992-03-02"]
    assert [e.id for e in book.chronology] == ["ch-1", "ch-2", "ch-3", "ch-4"]


@pytest.mark.parametrize("text,expected", [
    ("1992-03-02", "1992 жылғы 2 наурыз"), ("1995-04", "1995 жылғы сәуір"), ("1789", "1789 жыл"),
    ("1991-12-16", "1991 жылғы 16 желтоқсан"),
])
def test_dates_are_written_in_kazakh(text, expected):
    date, problem = parse_partial_date(text)
    assert problem is None and format_date(date) == expected


@pytest.mark.parametrize("text,problem", [
    ("1992-02-30", "day 30 does not exist"), ("1992-13", "month 13 does not exist"), ("92.03.02", "is not a date"),
    ("2024-02-29", None), ("2023-02-29", "day 29 does not exist"),
])
def test_invalid_dates_are_caught(text, problem):
    _, message = parse_partial_date(text)
    assert (message is None) if problem is None else (problem in message)
