"""Spelling with the real Kazakh Hunspell dictionary (Debian's hunspell-kk) read by spylls."""
from __future__ import annotations


import pytest

from kitap.check import check_report, spelling
from test_check_fixtures import found, make_project

needs_dictionary = pytest.mark.skipif(spelling.unavailable() is not None,
                                      reason="hunspell-kk or spylls not installed")


@needs_dictionary
def test_a_misspelled_word_is_flagged_once_with_its_uses(tmp_path):
    root = make_project(tmp_path, "Қазақстан тәуелсіздік алды\nҚазақстн тәуелсіз ел болды, Қазақстн дамыды\n")
    (finding,) = found(root, "spelling")
    assert (finding.line, finding.col) == (2, 1)
    assert finding.message == "«Қазақстн» (used 2 times) is not in the Kazakh dictionary (hunspell-kk)"


@needs_dictionary
def test_known_words_abbreviations_numbers_and_glossary_terms_pass(tmp_path):
    article = "Қазақстан БҰҰ-ның 168-ші мүшесі болды. Н.Назарбаев ЕҚЫК қоры, UNESCO, XVIII ғасыр\n"
    glossary = '- term: "ЕҚЫК"\n  expansion: "Еуропадағы қауіпсіздік кеңесі"\n'
    assert found(make_project(tmp_path, article, glossary=glossary), "spelling") == []


def test_without_the_dictionary_one_note_and_no_findings(tmp_path, monkeypatch):
    monkeypatch.setattr(spelling, "DICTIONARY_STEMS", (tmp_path / "nowhere" / "kk_KZ",))
    root = make_project(tmp_path, "Қазақстн тәуелсіз ел болды\n")
    report = check_report(root)
    assert report.notes == ["spelling not checked: Kazakh Hunspell dictionary (hunspell-kk) not installed"]
    assert [f for f in report.findings if f.rule == "spelling"] == []


@needs_dictionary
def test_the_dictionary_is_loaded_once_per_process(tmp_path):
    spelling.dictionary()
    root = make_project(tmp_path, "Қазақстан тәуелсіздік алды\n")
    check_report(root)
    check_report(root)
    assert spelling.dictionary.cache_info().currsize == 1 and spelling.dictionary.cache_info().hits >= 2
