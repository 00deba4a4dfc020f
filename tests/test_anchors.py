"""Anchors match whole words: a phrase never matches inside a longer word unless its anchor ends with «…»,
and a note's call never lands inside a word."""
from __future__ import annotations

from pathlib import Path

import pytest

from kitap.errors import SourceErrors
from kitap.load.article import parse_plain
from kitap.model import Anchor, Annotation, Book, ChronoEvent, Meta, NoteRef, Origin, PartialDate, Text
from kitap.transforms import apply_transforms
from kitap.transforms.anchors import find_phrase
from kitap.transforms.inline_ops import plain_text

from conftest import NOTE_GAP, NS, epub_files, run_cli, xhtml

HERE = Origin(Path("annotations.yaml"), 4)
TEXT = "Адамдары еңбек етеді, адам ойлайды.\n  Әр адамға құқық берілген, адам — қоғам негізі.\nБҰҰ-ға мүше ел."


def book_with(*annotations, chronology=()) -> Book:
    meta = Meta(name="t", title="T", author="A", language="kk", identifier="x")
    return Book(Path("."), meta, parse_plain(TEXT, Path("article.txt")), annotations=list(annotations),
                appendices={"chronology": list(chronology)})


def note(phrase, occurrence=None):
    return Annotation(Anchor(phrase, occurrence, HERE), [Text("n")], HERE)


def text_before_call(book: Book) -> str:
    for block in book.blocks:
        text = ""
        for node in block.children:
            if isinstance(node, NoteRef):
                return text
            text += plain_text([node])
    raise AssertionError("no call")


@pytest.mark.parametrize("text, phrase, expected", [
    ("адамдары адам адамға", "адам", [(9, 13)]),
    ("адамдары адам адамға", "адам…", [(0, 8), (9, 13), (14, 20)]),
    ("адамдары адам адамға", "адам...", [(0, 8), (9, 13), (14, 20)]),
    ("жұмысадам адам", "адам…", [(10, 14)]),            # never starts inside a word
    ("БҰҰ-ға мүше, БҰҰ.", "БҰҰ", [(0, 6), (13, 16)]),   # an ending after a hyphen goes with the word
    ("1992-ші жылы", "1992", [(0, 7)]),
    ("«адам» және (адам)", "адам", [(1, 5), (13, 17)]),
    ("мемлекет, мемлекеттің", "мемлекет,", [(0, 9)]),    # a phrase ending in punctuation
])
def test_whole_word_matching(text, phrase, expected):
    assert find_phrase(text, phrase) == expected


def test_a_phrase_inside_a_longer_word_is_not_counted():
    book = apply_transforms(book_with(note("адам", occurrence=2)))
    assert text_before_call(book).endswith("Әр адамға құқық берілген, адам")


def test_ambiguous_anchor_names_every_occurrence_with_line_and_column():
    with pytest.raises(SourceErrors) as caught:
        apply_transforms(book_with(note("адам")))
    message = str(caught.value.errors[0])
    assert message == ("annotations.yaml:4: annotation anchor «адам» occurs 2 times (article.txt 1:23, 2:29); "
                       "add 'occurrence: N' or quote a longer phrase")


def test_occurrence_out_of_range_lists_the_occurrences():
    with pytest.raises(SourceErrors) as caught:
        apply_transforms(book_with(note("адам", occurrence=3)))
    assert "occurs 2 time(s) (article.txt 1:23, 2:29), so 'occurrence: 3' does not exist" in str(caught.value)


def test_suffix_anchor_puts_the_call_after_the_whole_word():
    book = apply_transforms(book_with(note("адам…", occurrence=2)))
    assert text_before_call(book) == "Әр адамға"


def test_call_after_a_hyphenated_ending():
    book = apply_transforms(book_with(note("БҰҰ")))
    assert text_before_call(book) == "БҰҰ-ға"


def test_a_phrase_only_inside_words_says_so_and_how_to_fix_it():
    with pytest.raises(SourceErrors) as caught:
        apply_transforms(book_with(note("Адам")))
    message = str(caught.value.errors[0])
    assert "is only part of longer words («Адамдары», line 1:1)" in message
    assert "end the anchor with … to let a suffix follow («Адам…»)" in message


def test_chronology_anchor_with_suffix_links_the_whole_word():
    event = ChronoEvent(PartialDate(1992), [Text("e")], HERE, Anchor("мүше…", None, HERE), id="ch-1")
    book = apply_transforms(book_with(chronology=[event]))
    mark = [n for n in book.blocks[2].children if type(n).__name__ == "Mark"][0]
    assert plain_text(mark.children) == "мүше"


def test_build_places_the_call_after_the_word(project, tmp_path):
    """The reported case: «адам» with occurrence 3 once landed inside «адамдары» (адам²дары)."""
    (project / "article.txt").write_text("Адамдары бар. Адамдары көп.\nадамдары адам мен адам.\n", encoding="utf-8")
    (project / "annotations.yaml").write_text('- anchor: "адам…"\n  occurrence: 1\n  note: "бірінші"\n', encoding="utf-8")
    (project / "chronology.yaml").write_text("", encoding="utf-8")
    (project / "glossary.yaml").write_text("", encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(tmp_path / "out"), "--only", "epub")
    assert result.returncode == 0, result.stderr
    doc = xhtml(epub_files(tmp_path / "out" / "mini.epub")["EPUB/article.xhtml"])
    call = doc.xpath("//x:a[@role='doc-noteref']", namespaces=NS)[0]
    before = (call.getprevious().tail if call.getprevious() is not None else call.getparent().text) or ""
    assert before.replace("\u00ad", "").endswith("адамдары" + NOTE_GAP) and (call.tail or "").startswith(" ")
