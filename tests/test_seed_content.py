"""The default project's editorial content: complete, correct in form, and faithful to the seed."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, SEED, SHARED_SEED, norm, seed_paragraphs

from kitap.load import load_project
from kitap.transforms.inline_ops import plain_text
from kitap.transforms import apply_transforms

REQUIRED_TERMS = {"БҰҰ", "ЕЫҚҰ", "ЕО", "ДВҚ", "ЮНЕСКО", "ЮНИСЕФ", "ЮНЕП", "ЭСКАТО", "ПРООН", "МАГАТЕ", "ИКҰ", "ҚР"}
RUSSIAN_DERIVED = {"ПРООН", "МАГАТЕ", "ЭСКАТО"}
REQUIRED_DATES = {"1789", "1948", "1966", "1975", "1991-12-16", "1992-03-02", "1992-04-15", "1992-05-23",
                  "1992-06-05", "1992-10-05", "1995"}
CAPITALS = "А-ЯЁӘҒҚҢӨҰҮҺІ"


def book():
    return apply_transforms(load_project(ROOT / "source"))


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="../shared/seed is not beside this checkout")
def test_kept_seed_copy_is_the_shared_seed():
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_article_is_the_seed_verbatim_except_listed_corrections():
    article = [norm(line) for line in (ROOT / "source" / "article.txt").read_text(encoding="utf-8").split("\n") if line.strip()]
    assert article == seed_paragraphs()


def test_glossary_covers_every_abbreviation_of_the_text():
    b = book()
    terms = {e.term for e in b.glossary}
    assert REQUIRED_TERMS <= terms
    # the byline is metadata; «ХVІІІ» is a Roman numeral typed in mixed letters, not an abbreviation
    text = SEED.read_text(encoding="utf-8").rsplit("Сайын", 1)[0].replace("ХVІІІ", "")
    used = set(re.findall(rf"(?<![{CAPITALS}а-яәғқңөұүһі])[{CAPITALS}]{{2,}}(?![{CAPITALS}а-яәғқңөұүһі])", text))
    assert used <= terms, used - terms
    for entry in b.glossary:
        assert entry.ru and entry.en, f"{entry.term}: Russian and English names"
    for entry in b.glossary:
        if entry.term in RUSSIAN_DERIVED:
            assert entry.source_language == "ru" and entry.note, entry.term


def test_chronology_has_the_datable_events_with_established_dates():
    b = book()
    dates = {e.date.iso() for e in b.chronology}
    for required in REQUIRED_DATES:
        assert any(d.startswith(required) for d in dates), required
    assert not any(d.startswith("1968") for d in dates), "the covenant is dated 1966"
    assert "1992-05-22" not in dates, "the Lisbon Protocol is dated 23 May 1992"
    assert len(b.chronology) >= 10
    assert sum(1 for e in b.chronology if e.anchor) >= 8


def test_date_differences_are_explained_in_annotations():
    notes = " ".join(plain_text(a.body) for a in book().annotations)
    assert "1966" in notes and "23 мамыр" in notes


def test_at_least_twelve_annotations_all_attached():
    b = book()
    assert len(b.annotations) >= 12 and len(b.notes) == len(b.annotations)
