"""Kazakh hyphenation: the hand-checked word list, the seed article, and the words never broken."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kitap.languages.kk import hyphenate
from kitap.languages.kk.hyphenate import SOFT_HYPHEN, break_points, hyphenate_text, syllables

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WORD_LIST = FIXTURES / "hyphenation-kk.txt"
SEED = FIXTURES / "seed" / "000_7d0fef2b9a9eb36b.txt"
VOWELS = set("аәеёиоөуұүыіэюяАӘЕЁИОӨУҰҮЫІЭЮЯ")


def read_word_list() -> list[tuple[str, list[str]]]:
    """(word, expected syllables): "-" separates syllables, "=" is the word's own hyphen."""
    entries = []
    for line in WORD_LIST.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        expected = [piece.replace("=", "-") for piece in re.split(r"-|(?<==)", line)]
        entries.append(("".join(expected), expected))
    return entries


ENTRIES = read_word_list()
LIST_WORDS = [word for word, _ in ENTRIES]
SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_WORDS = sorted(set(hyphenate.WORD.findall(SEED_TEXT)))


def pieces(word: str, points: list[int]) -> list[str]:
    edges = [0, *points, len(word)]
    return [word[a:b] for a, b in zip(edges, edges[1:])]


def letters(text: str) -> int:
    return sum(char.isalpha() for char in text)


def test_word_list_is_large_and_has_no_duplicates():
    assert len(LIST_WORDS) >= 300
    assert len(set(LIST_WORDS)) == len(LIST_WORDS)


@pytest.mark.parametrize("word,expected", ENTRIES, ids=[w for w, _ in ENTRIES])
def test_syllables_match_the_hand_checked_list(word, expected):
    assert syllables(word) == expected


def test_the_issue_words():
    assert syllables("Қазақстан") == ["Қа", "зақс", "тан"]
    assert syllables("халықаралық") == ["ха", "лы", "қа", "ра", "лық"]
    assert syllables("мемлекеттер") == ["мем", "ле", "кет", "тер"]
    assert syllables("ассамблея") == ["ас", "самб", "ле", "я"]
    assert syllables("конституция") == ["конс", "ти", "ту", "ци", "я"]
    # ...and the poor breaks of TeX's hyph-kk are not made.
    assert hyphenate_text("Қазақстан оқушы") == "Қа\xadзақс\xadтан оқу\xadшы"


def test_syllables_keep_every_character():
    for word in LIST_WORDS + SEED_WORDS:
        assert "".join(syllables(word)) == word


def test_soft_and_hard_signs_never_start_a_syllable():
    for word in LIST_WORDS:
        assert not any(s[0] in "ьъЬЪ" for s in syllables(word)), word


@pytest.mark.parametrize("min_left,min_right", [(2, 2), (2, 3), (3, 3)])
def test_breaks_leave_enough_letters_on_each_side(min_left, min_right):
    for word in LIST_WORDS + SEED_WORDS:
        points = break_points(word, min_left, min_right)
        assert points == sorted(set(points)), word
        if points:
            assert letters(word[:points[0]]) >= min_left, (word, points)
            assert letters(word[points[-1]:]) >= min_right, (word, points)


def test_breaks_are_the_syllable_boundaries_minus_the_short_ends():
    for word in LIST_WORDS + SEED_WORDS:
        if "-" in word or not word.isalpha() or sum(c.isupper() for c in word) > 1:
            continue
        boundaries = []
        for syllable in syllables(word)[:-1]:
            boundaries.append((boundaries[-1] if boundaries else 0) + len(syllable))
        expected = [b for b in boundaries if b >= 2 and len(word) - b >= 2]
        assert break_points(word) == expected, word


def test_one_letter_syllables_are_never_alone_on_a_line():
    assert break_points("атом") == []
    assert break_points("ақыл") == []
    assert break_points("ұйым") == []
    assert break_points("армия") == [2]  # ар-мия, not арми-я
    assert break_points("алақан") == [3]  # ала-қан, not а-лақан
    assert break_points("оюлы") == [2]  # ою-лы
    assert break_points("диалог") == [2, 3]  # ди-алог, диа-лог


@pytest.mark.parametrize("word", [
    "БҰҰ", "МАГАТЕ", "ЮНЕСКО", "ЕЫҚҰ", "ҚР", "ҚазМҰУ", "ҚазҰУ", "БОРБАСОВ", "ХVІІІ",
    "1992", "1789", "168-ден", "168-ші", "1-ші", "Hello", "Helsinki", "Wi-Fi",
    "Kазақстан",  # Latin K
    "Қазақстан2", "COVID-19-бен", "Н", "ана", "аю",
])
def test_never_broken(word):
    assert break_points(word) == []
    assert hyphenate_text(word) == word


def test_hyphenated_words():
    assert break_points("шым-шытырық") == [4, 6, 8]  # шым-|шы|ты|рық
    assert break_points("Сан-Марино") == [4, 6, 8]
    assert break_points("қауіп-қатерлер") == [2, 6, 8, 11]
    assert break_points("ата-ана") == [4]  # no break within two letters of the hyphen
    assert break_points("БҰҰ-ның") == [4]  # only at the hyphen: БҰҰ itself is whole
    assert break_points("ҚР-дың") == []  # ҚР has no vowel
    assert break_points("20-пунктті") == [8]  # the number stays with its word
    assert break_points("1992-жылы") == [7]
    assert hyphenate_text("шым-шытырық") == "шым-шы\xadты\xadрық"
    assert hyphenate_text("БҰҰ-ның 168-ден") == "БҰҰ-ның 168-ден"


def test_soft_hyphens_already_there_are_kept():
    assert break_points("Қа\xadзақстан") == [3]
    assert hyphenate_text("Қа\xadзақстан мемлекет") == "Қа\xadзақстан мем\xadле\xadкет"


def test_decomposed_letters():
    # й typed as и + combining breve is a consonant, and no break splits a letter from its mark.
    word = "ке\u0438\u0306ін"  # кейін
    assert break_points(word) == [2]
    assert syllables(word) == ["ке", "\u0438\u0306ін"]


def test_seed_text_round_trips_and_abbreviations_stay_whole():
    hyphenated = hyphenate_text(SEED_TEXT)
    assert hyphenated.replace(SOFT_HYPHEN, "") == SEED_TEXT
    assert SOFT_HYPHEN not in SEED_TEXT and hyphenated.count(SOFT_HYPHEN) > 1000
    tokens = hyphenate.WORD.findall(hyphenated)
    for token in tokens:
        plain = token.replace(SOFT_HYPHEN, "")
        if re.search(r"\d|[A-Za-z]", plain) and "-" not in plain:
            assert SOFT_HYPHEN not in token, token
        if sum(c.isupper() for c in plain) >= 2 and "-" not in plain:
            assert SOFT_HYPHEN not in token, token
    for whole in ["БҰҰ", "1992", "168-ден", "168-ші", "БҰҰ-ның", "МАГАТЕ", "ХVІІІ", "БОРБАСОВ",
                  "ЮНИСЕФ", "ҚР"]:
        assert whole in hyphenated
    assert "Н.На\xadзар\xadба\xadев" in hyphenated
    assert "«Қа\xadзақс\xadтан Рес\xadпуб\xadли\xadка\xadсы\xadның" in hyphenated
    assert hyphenate_text(hyphenated) == hyphenated


def test_every_side_of_every_break_has_a_vowel():
    for word in LIST_WORDS + SEED_WORDS:
        points = break_points(word, 1, 1)
        if points:
            for piece in pieces(word, points):
                assert VOWELS & set(piece), (word, points)




def test_headings_are_never_hyphenated(tmp_path):
    """A heading is set whole, as books set them: no soft hyphen in it (the A5 booklet broke «қамта-|масыз ету»
    in an article's heading), while the paragraphs under it are hyphenated."""
    from conftest import print_article, text_project

    page = print_article(text_project(tmp_path / "p", "# 3-бап. Бала құқықтарын барынша толық қамтамасыз ету\n"
                                      "Мемлекеттер баланың құқықтарын қамтамасыз етеді және қорғайды.\n"))
    heading = page.xpath("//h2[@class='article-heading']")[0].text_content()
    assert "\u00ad" not in heading and "қамтамасыз" in heading
    assert "\u00ad" in page.xpath("//p[@id='p-1']")[0].text_content()
