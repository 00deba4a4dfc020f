"""The A4 handout, read back from the real PDF."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from conftest import assert_notes_on_their_call_pages, close_punctuation, norm, pdf_body_text, read_pdf, seed_paragraphs


@pytest.fixture(scope="module")
def seed_pages(seed_build):
    return read_pdf(seed_build.pdf)


def test_every_seed_paragraph_is_in_the_pdf_in_order(seed_pages):
    text = pdf_body_text(seed_pages)
    position = 0
    for paragraph in seed_paragraphs():
        found = text.find(close_punctuation(paragraph), position)
        assert found >= 0, f"missing or out of order: {paragraph[:60]}…"
        position = found + len(close_punctuation(paragraph))


def test_byline_became_the_title_block(seed_pages):
    first = norm(seed_pages[0].body + " " + seed_pages[0].small)
    assert "Сайын Борбасов" in first
    assert "саяси ғылым докторы, профессор" in first


def test_each_footnote_is_at_the_foot_of_the_page_of_its_call(seed_build, seed_pages):
    from ruamel.yaml import YAML

    annotations = YAML(typ="safe").load((seed_build.source / "annotations.yaml").read_text(encoding="utf-8"))
    assert_notes_on_their_call_pages(seed_pages, len(annotations))


def test_footnote_numbers_match_their_text(seed_build, seed_pages):
    """The note printed as n. is the annotation called n-th in the text (WeasyPrint counts, the model numbers)."""
    from kitap.load import load_project
    from kitap.transforms import apply_transforms
    from kitap.transforms.inline_ops import plain_text

    book = apply_transforms(load_project(seed_build.source))
    small = norm(" ".join(page.small for page in seed_pages))
    for note in book.notes:
        body = norm(plain_text(note.body))
        assert f"{note.number}. {body[:40]}" in small, f"note {note.number} text not found after its number"


def test_glossary_and_chronology_appendices_are_complete(seed_build, seed_pages):
    from kitap.load import load_project
    from kitap.languages.kk.dates import format_date

    book = load_project(seed_build.source)
    text = pdf_body_text(seed_pages)
    glossary_start = text.find("Қысқартулар сөздігі")
    chronology_start = text.find("Оқиғалар хронологиясы")
    assert 0 < glossary_start < chronology_start
    glossary = text[glossary_start:chronology_start]
    for entry in book.glossary:
        assert entry.term in glossary and norm(entry.expansion) in glossary, entry.term
    chronology = text[chronology_start:]
    dates = [format_date(event.date) for event in sorted(book.chronology, key=lambda e: e.date)]
    # each date on two lines beside its event: the year (with «жылғы»), then the day and month
    positions = [chronology.find(" ".join(d.split()[:2])) for d in dates]
    assert all(p >= 0 for p in positions), dates
    assert positions == sorted(positions), "chronology must be in date order"


def test_chronology_gives_page_numbers_of_the_text(seed_pages):
    text = pdf_body_text(seed_pages)
    chronology = text[text.find("Оқиғалар хронологиясы"):]
    pages = [int(n) for n in re.findall(r"б\. (\d+)", chronology)]
    assert pages and all(1 <= p <= len(seed_pages) for p in pages)


def test_metadata_outline_and_language(seed_build):
    reader = PdfReader(seed_build.pdf)
    assert reader.metadata.title == "Қазақстан және Біріккен Ұлттар Ұйымы"
    assert reader.metadata.author == "Сайын Борбасов"
    assert reader.trailer["/Root"].get("/Lang") == "kk"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[0] == "Қазақстан және Біріккен Ұлттар Ұйымы"
    assert "Қысқартулар сөздігі" in titles and "Оқиғалар хронологиясы" in titles


def test_running_header_and_page_numbers(seed_pages):
    total = len(seed_pages)
    assert total >= 3
    for page in seed_pages[1:]:
        assert page.small.strip().endswith(str(page.number)), "page number at the foot"
        assert "Сайын Борбасов" in page.small


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")
def test_fonts_are_embedded_and_subset(seed_build):
    lines = subprocess.run(["pdffonts", str(seed_build.pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert lines
    for line in lines:
        name, *_, emb, sub, uni, _obj, _gen = line.split()
        assert (emb, sub, uni) == ("yes", "yes", "yes"), line
        assert re.match(r"[A-Z]{6}\+Kitap-", name), line


def test_the_texts_source_is_in_the_colophon_of_every_edition(tmp_path):
    """book.yaml's `source:` (where a teacher took the text from) is printed in the colophon, in the
    e-book's dc:source and on the web page, as written in either script (a web address is not transliterated)."""
    import shutil
    import zipfile

    from conftest import FIXTURES, build_into

    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "mini", project)
    address = "https://qalam.global/kk/jeltoqsan"
    with (project / "book.yaml").open("a", encoding="utf-8") as book:
        book.write(f'source: "{address}"\n')
    out = build_into(project, tmp_path / "out", "--only", "pdf,epub,html", "--script", "cyrl,latn")
    def text_of(pdf) -> str:
        return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(pdf).pages).split())

    assert f"Дереккөзі: {address}" in text_of(out / "mini.pdf")
    assert f"Derekközı: {address}" in text_of(out / "mini-latn.pdf")
    assert f"<dc:source>{address}</dc:source>" in zipfile.ZipFile(out / "mini.epub").read("EPUB/content.opf").decode()
    assert f"Дереккөзі: {address}" in (out / "html" / "index.html").read_text(encoding="utf-8")
