"""The Kazakh date reader on the seed's own sentences and on synthetic ones."""
from __future__ import annotations

import pytest

from conftest import ROOT
from kitap.languages.kk.datereader import Decade, find_dates
from kitap.model import PartialDate


def read(*paragraphs: str) -> list[tuple[str, object, str]]:
    return [(d.text, d.date, d.precision) for d in find_dates(list(paragraphs))]


def test_the_seed_article_dates():
    paragraphs = (ROOT / "source" / "article.txt").read_text(encoding="utf-8").split("\n")
    found = {d.text: (d.paragraph + 1, d.date, d.precision, d.inferred) for d in find_dates(paragraphs)}
    assert found == {
        "1992 жылдың 22 мамырында": (6, PartialDate(1992, 5, 22), "day", False),
        "90 жылдардың ортасына дейін": (8, Decade(1990, "mid"), "decade", False),
        "1992 жылдың 2 наурызында": (10, PartialDate(1992, 3, 2), "day", False),
        "1992 жылдың 15 сәуірінде": (16, PartialDate(1992, 4, 15), "day", False),
        "1992 жылдың 5 маусымында": (17, PartialDate(1992, 6, 5), "day", False),
        "Осы жылдың 5 қазанында": (18, PartialDate(1992, 10, 5), "day", True),
        "1789 жылғы": (25, PartialDate(1789), "year", False),
        "1948 жылғы": (25, PartialDate(1948), "year", False),
        "1968 жылы": (25, PartialDate(1968), "year", False),
        "1975 жылы": (25, PartialDate(1975), "year", False),
    }


def test_spans_point_at_the_text():
    text = "Өзін ядролық қарусыз мемлекет ретінде жариялаған Қазақстан 1992 жылдың 22 мамырында Лиссабон шартына қол қойды"
    (date,) = find_dates([text])
    assert text[date.start:date.end] == date.text == "1992 жылдың 22 мамырында"


@pytest.mark.parametrize("text, expected", [
    ("1992 жылғы 2 наурыз", PartialDate(1992, 3, 2)),
    ("1992 жылғы 23 мамырда", PartialDate(1992, 5, 23)),
    ("1991 жылғы 16 желтоқсанда", PartialDate(1991, 12, 16)),
    ("1976 жылғы 3 қаңтарда", PartialDate(1976, 1, 3)),
    ("1992 жылғы 29 ақпанның", PartialDate(1992, 2, 29)),
    ("1945 жылғы 26 маусымда", PartialDate(1945, 6, 26)),
    ("1991 жылғы 29 тамызда", PartialDate(1991, 8, 29)),
    ("1993 жылғы 1 қарашада", PartialDate(1993, 11, 1)),
    ("2005 жылдың 12 шілдесінде", PartialDate(2005, 7, 12)),
    ("1999 жылғы 30 қыркүйекке дейін", PartialDate(1999, 9, 30)),
    ("2001 жылғы 1 желтоқсанға", PartialDate(2001, 12, 1)),
    ("2005 ж. 12 желтоқсан", PartialDate(2005, 12, 12)),
    ("1995 жылғы 30-тамызда", PartialDate(1995, 8, 30)),
    ("1992 жылғы наурызда", PartialDate(1992, 3)),
    ("1992 жылғы қазанда", PartialDate(1992, 10)),
    ("1992 жылы", PartialDate(1992)),
    ("1789 жылғы", PartialDate(1789)),
    ("2011 жылдан бастап", PartialDate(2011)),
])
def test_explicit_dates_in_their_case_forms(text, expected):
    (date,) = find_dates([f"Мысал: {text} болды."])
    assert date.date == expected and date.text.startswith(text.split()[0])


@pytest.mark.parametrize("text, expected", [
    ("26 қазан 2023 ж.", PartialDate(2023, 10, 26)),
    ("5 маусым 1992 жылы", PartialDate(1992, 6, 5)),  # one date, not «5 маусым» of an earlier year and 1992
    ("Зерде • 26 Қазан, 2023", PartialDate(2023, 10, 26)),  # a site's dateline: the month with a capital
    ("26.10.2023 ж.", PartialDate(2023, 10, 26)),
    ("№ 595 бұйрығы, 30.10.2018", PartialDate(2018, 10, 30)),
])
def test_day_month_and_year_in_that_order(text, expected):
    (date,) = find_dates([text])
    assert date.date == expected and date.precision == "day"


@pytest.mark.parametrize("text, expected", [
    ("1986-ның желтоқсаны", [PartialDate(1986, 12)]),  # the year with its case ending
    ("1986-ның желтоқсаны. 16 желтоқсанда жастар алаңға шықты.", [PartialDate(1986, 12), PartialDate(1986, 12, 16)]),
    ("1893 ж. маусымның 25-і", [PartialDate(1893, 6, 25)]),
    ("1938 жылы наурыздың 19-ы", [PartialDate(1938, 3, 19)]),
    ("1905-1910 ж. медреседе оқыды", [PartialDate(1905), PartialDate(1910)]),
    ("1905–1910 жж. оқыды", [PartialDate(1905), PartialDate(1910)]),
    # a new user's trial (a biography, a history text): the second year by its last two digits
    ("1961-72 жылдары жұмыс істеді", [PartialDate(1961), PartialDate(1972)]),
    ("1998-02 жылдары", [PartialDate(1998), PartialDate(2002)]),
    ("XV ғасырдың 70-жылдарының басында", [Decade(1470, "early")]),  # the century before the decade
    ("19-ғасырдың 60-жылдарында", [Decade(1860)]),
    ("2000 жылдық тарихы бар", []),  # two thousand years of it, no year
    ("хандықтың 550 жылдығы тойланды", []),  # an anniversary
])
def test_the_forms_a_history_text_writes(text, expected):
    assert [d.date for d in find_dates([text])] == expected


@pytest.mark.parametrize("text", ["31.02.2023 күні", "1.2.3.4 нұсқасы", "12.5 пайыз", "Қазан 2023 жылы"])
def test_what_is_no_day_month_and_year(text):
    assert all(date.precision != "day" for date in find_dates([text]))


@pytest.mark.parametrize("text, decade", [
    ("90 жылдардың ортасына дейін", Decade(1990, "mid")),
    ("1990-шы жылдардың басында", Decade(1990, "early")),
    ("80-жылдардың аяғында", Decade(1980, "late")),
    ("1960 жылдары", Decade(1960)),
])
def test_decades(text, decade):
    (date,) = find_dates([f"Бұл {text} болды"])
    assert (date.date, date.precision, date.text) == (decade, "decade", text)


@pytest.mark.parametrize("text, first, second, read", [
    ("1920-30 жылдарда", 1920, 1930, "30 жылдарда"),
    ("1980–90-шы жылдары", 1980, 1990, "90-шы жылдары"),
    ("1990-10 жылдар аралығында", 1990, 2010, "10 жылдар"),
])
def test_two_decades(text, first, second, read):
    """«1920-30 жылдарда»: the 1920s and the 1930s, not «30 жылдарда» alone read as the 1930s."""
    found = find_dates([f"Бұл {text} болды"])
    assert [(d.date, d.precision) for d in found] == [(Decade(first), "decade"), (Decade(second), "decade")]
    assert found[1].text.startswith(read)


def test_this_year_is_the_last_year_named_before():
    found = find_dates(["1992 жылы ел тәуелсіз болды.", "Осы жылдың 5 қазанында сөз сөйледі", "Сол жылы тағы бір оқиға",
                        "Келесі жылдың наурызында кетті"])
    assert [(d.paragraph, d.date, d.inferred) for d in found] == [
        (0, PartialDate(1992), False), (1, PartialDate(1992, 10, 5), True), (2, PartialDate(1992), True),
        (3, PartialDate(1993, 3), True)]


def test_a_day_and_month_take_the_year_before_them():
    found = read("1992 жылдың 15 сәуірінде тағайындалды", "5 маусымында өкілдік жұмысын бастады")
    assert found[1] == ("5 маусымында", PartialDate(1992, 6, 5), "day")


def test_year_ranges():
    assert read("Соғыс 1939–1945 жылдары болды") == [("1939", PartialDate(1939), "year"),
                                                     ("1945 жылдары", PartialDate(1945), "year")]


@pytest.mark.parametrize("text", [
    "Қазан қаласында 5 қазан сатып алды",     # a city and cauldrons, no year to make a date
    "Осы жылдың 5 қазанында",                 # "this year" with no year before it
    "Ол қазанда ет пісірді",                  # a cauldron
    "300 жыл бойы",                           # a duration
    "5 жылдан кейін",                         # a duration
    "46 сессиясында 20-пунктті қарап",        # numbers that are not dates
])
def test_what_is_not_a_date(text):
    assert read(text) == []


@pytest.mark.parametrize("text", [
    "1992 жылы 5 Қазанға барды",     # the city, with its capital
    "1992 жылы 31 ақпанда",          # no such day: only the year is a date
])
def test_only_the_year(text):
    assert read(text) == [("1992 жылы", PartialDate(1992), "year")]


def test_two_decades_in_russian():
    from kitap.languages.ru.datereader import find_dates as russian_dates

    found = russian_dates(["В 1920–30-х годах и в 90-е годы."])
    assert [(d.date, d.precision) for d in found] == [(Decade(1920), "decade"), (Decade(1930), "decade"),
                                                      (Decade(1990), "decade")]
