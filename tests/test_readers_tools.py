"""The e-book checked by Ace by DAISY and converted by calibre (Kindle's AZW3 and plain text), for real."""
from __future__ import annotations

import io
import re

import pytest
from fontTools.ttLib import TTFont

from conftest import NS, epub_files, read_pdf, seed_paragraphs, xhtml
from readers import CALIBRE, calibre, needs_browser, needs_calibre, needs_node, once, run_ace
from test_epub import KAZAKH_LETTERS

pytestmark = [once]

CYRILLIC_THEN_DIGIT = re.compile(r"[\u0400-\u04ff]\d")  # a note number glued onto a word: «банк1»


def failed(report: dict) -> list[str]:
    return [f"{a['earl:testSubject']['url']}: {t['earl:test']['earl:impact']} {t['earl:test']['dct:title']}"
            for a in report["assertions"] for t in a.get("assertions", []) if t["earl:result"]["earl:outcome"] == "fail"]


@needs_node
@needs_browser
@pytest.mark.parametrize("edition", ["", "-latn"])
def test_ace_finds_nothing_to_fix(seed_build, tmp_path, edition):
    report = run_ace(seed_build.output / f"{seed_build.name}{edition}.epub", tmp_path / "ace")
    assert failed(report) == []  # no critical, serious, moderate or minor finding
    assert report["earl:result"]["earl:outcome"] == "pass"
    # the schema.org accessibility metadata is all there (a third party's certification, a11y:certifiedBy…, is not ours to claim)
    assert {"schema:accessMode", "schema:accessibilityFeature", "schema:accessibilityHazard", "schema:accessibilitySummary",
            "schema:accessModeSufficient", "dcterms:conformsTo"} <= set(report["a11y-metadata"]["present"])
    assert not [m for m in report["a11y-metadata"]["missing"] if not m.startswith("a11y:certif")]


@needs_node
@needs_browser
def test_ace_finds_nothing_to_fix_in_a_corpus_text(tmp_path):
    """A new user's project (a real text of tests/corpus/ as article.txt, no notes, no appendices)."""
    from test_corpus import CORPUS, build

    entry, epub, result = build(CORPUS / "kk" / "law-udhr.txt", tmp_path)
    assert result.returncode == 0, result.stderr
    report = run_ace(epub, tmp_path / "ace")
    assert failed(report) == [] and report["earl:result"]["earl:outcome"] == "pass"


@needs_node
@needs_browser
def test_ace_finds_nothing_to_fix_in_a_course_volume(course_ebooks, tmp_path):
    report = run_ace(course_ebooks / "term-1.epub", tmp_path / "ace")
    assert failed(report) == [] and report["earl:result"]["earl:outcome"] == "pass"


@pytest.fixture(scope="module")
def azw3_back(seed_build, tmp_path_factory):
    """The e-book converted to Kindle's AZW3 by calibre, and that AZW3 unpacked by calibre to read it (its own
    HTML, CSS and fonts: not converted back, which would obfuscate the fonts again)."""
    if CALIBRE is None:
        pytest.skip(needs_calibre.kwargs["reason"])
    folder = tmp_path_factory.mktemp("azw3")
    azw3, unpacked = folder / "book.azw3", folder / "unpacked"
    calibre("ebook-convert", str(seed_build.epub), str(azw3))
    calibre("calibre-debug", "--explode-book", str(azw3), str(unpacked))
    return azw3, {str(f.relative_to(unpacked)): f.read_bytes() for f in unpacked.rglob("*") if f.is_file()}


def documents(files: dict[str, bytes]) -> dict[str, object]:
    return {name: xhtml(data) for name, data in files.items() if name.endswith((".html", ".xhtml"))}


def test_azw3_keeps_the_fonts(azw3_back):
    azw3, files = azw3_back
    assert azw3.stat().st_size > 50_000
    fonts = [TTFont(io.BytesIO(data)) for name, data in files.items() if name.endswith((".ttf", ".otf"))]
    assert len(fonts) >= 4
    assert any(all(ord(c) in font.getBestCmap() for c in KAZAKH_LETTERS) for font in fonts)
    css = "".join(data.decode() for name, data in files.items() if name.endswith(".css"))
    assert "Kitap Serif" in css and "@font-face" in css


def test_azw3_opens_on_one_cover(azw3_back):
    """The package's guide names the cover page: calibre adds no cover page of its own before it (a Kindle
    opened on the cover, and the next page was the same cover again)."""
    _, files = azw3_back
    pictures = [name for name, doc in documents(files).items()  # a page that is a picture and no words
                if doc.xpath("//x:img | //*[local-name()='image']", namespaces=NS)
                and not "".join(doc.xpath("//x:body//text()", namespaces=NS)).strip()]
    assert pictures == [], pictures  # the Kindle shows its cover, the image the package names: no page repeats it
    opf = next(data for name, data in files.items() if name.endswith(".opf")).decode()
    assert 'type="cover"' in opf


def test_azw3_keeps_the_notes_both_ways(azw3_back):
    _, files = azw3_back
    docs = documents(files)
    calls = [a for doc in docs.values() for a in doc.xpath("//x:a[@role='doc-noteref']", namespaces=NS)]
    ids = {i for doc in docs.values() for i in doc.xpath("//@id")}
    assert len(calls) >= 12
    for call in calls:
        assert call.get("href").split("#")[1] in ids
        assert not call.xpath("ancestor::x:a", namespaces=NS), "a note call nested in another link"
    backlinks = [a for doc in docs.values() for a in doc.xpath("//x:a[@role='doc-backlink']", namespaces=NS)]
    assert len(backlinks) == len(calls) and all(a.get("href").split("#")[1] in ids for a in backlinks)


def test_azw3_keeps_the_printed_page_numbers_and_paragraph_numbers(azw3_back, seed_build):
    _, files = azw3_back
    docs = documents(files)
    pages = {i for doc in docs.values() for i in doc.xpath("//@id") if re.fullmatch(r"page-\d+", i)}
    assert pages == {f"page-{p.number}" for p in read_pdf(seed_build.pdf)}
    # the page list came along as a list of links, each to its page's marker
    listed = [a for doc in docs.values() for a in doc.xpath("//*[@id='page-list']//x:a", namespaces=NS)]
    assert [(a.text, a.get("href").split("#")[1]) for a in listed] == [(p[5:], p) for p in sorted(pages, key=lambda p: int(p[5:]))]
    numbers = [int(n) for doc in docs.values() for n in doc.xpath("//x:p/@data-n | //x:li/@data-n", namespaces=NS)]
    assert numbers == list(range(1, len(seed_paragraphs()) + 1))
    css = "".join(data.decode() for name, data in files.items() if name.endswith(".css"))
    assert re.search(r"content:\s*attr\(data-n\)\s*;", css), "the numbers are still drawn from data-n"


@needs_calibre
def test_calibre_text_has_no_paragraph_numbers_and_no_glued_note_numbers(seed_build, tmp_path):
    calibre("ebook-convert", str(seed_build.epub), str(tmp_path / "book.txt"))
    text = (tmp_path / "book.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = seed_paragraphs()[0]
    assert first in lines, "the first paragraph is a line of its own, without its number"
    lines = [re.sub("\u202f\\d+", "", line) for line in lines]  # without the note calls (a narrow space, a number)
    for paragraph in seed_paragraphs():  # each paragraph begins a line: no number before it
        assert any(line.startswith(paragraph[:30]) for line in lines), paragraph[:30]
        assert not any(paragraph[:30] in line and not line.startswith(paragraph[:30]) for line in lines), paragraph[:30]
    assert not CYRILLIC_THEN_DIGIT.search(text)
    assert "\u00ad" not in text and "Лиссабон" in text


KINDLE_PAGES = """import sys
from calibre.devices.kindle.apnx_page_generator.generators.pagebreak_page_generator import PagebreakPageGenerator
print(PagebreakPageGenerator.instance._generate(sys.argv[-1], None).number_of_pages)
"""


def test_kindle_page_numbers_are_the_printed_pages(azw3_back, seed_build):
    """A Kindle's page numbers come from an APNX file that calibre writes when it sends the book; its
    `pagebreak` method counts the page-break markers the AZW3 kept: one a printed page."""
    azw3, _ = azw3_back
    count = calibre("calibre-debug", "-c", KINDLE_PAGES, str(azw3)).stdout.split()[-1]
    assert int(count) == len(read_pdf(seed_build.pdf))
