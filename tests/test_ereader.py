"""The e-reader edition: accessibility metadata, navigation, page list synced to print, reproducibility,
and an independent reader (Pandoc) reading it back."""
from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest

from conftest import (FIXTURES, assert_page_list_matches, text_after, NS, build_project, epub_files, norm, read_pdf, run_cli, seed_paragraphs,
                      xhtml)
from test_epub import epubcheck

OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


@pytest.fixture(scope="module")
def files(seed_build):
    return epub_files(seed_build.epub)


@pytest.fixture(scope="module")
def opf(files):
    return xhtml(files["EPUB/content.opf"])


def meta(opf, prop):
    return opf.xpath(f"//opf:meta[@property='{prop}']/text()", namespaces=OPF)


def test_epubcheck_with_usage_messages_finds_nothing_to_fix(seed_build):
    report = epubcheck(seed_build.epub, "--usage")
    serious = [m for m in report["messages"] if m["severity"] in ("FATAL", "ERROR", "WARNING")]
    assert serious == []
    # the only usage note allowed is EPUBCheck's remark that fonts are embedded (which is the point)
    assert {m["ID"] for m in report["messages"] if m["severity"] == "USAGE"} <= {"CSS-028"}


def test_accessibility_metadata(opf):
    assert meta(opf, "schema:accessMode") == ["textual"]
    assert meta(opf, "schema:accessModeSufficient") == ["textual"]
    features = set(meta(opf, "schema:accessibilityFeature"))
    assert {"tableOfContents", "readingOrder", "structuralNavigation", "pageBreakMarkers", "pageNavigation"} <= features
    assert meta(opf, "schema:accessibilityHazard") == ["none"]
    assert meta(opf, "schema:accessibilitySummary")[0]
    assert meta(opf, "dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
    source = opf.xpath("//dc:source", namespaces=OPF)
    assert len(source) == 1 and "kazakhstan-un.pdf" in source[0].text
    assert opf.xpath(f"//opf:meta[@refines='#{source[0].get('id')}'][@property='source-of']/text()", namespaces=OPF) == ["pagination"]


def test_every_document_and_foreign_span_has_its_language(files):
    for name, data in files.items():
        if name.endswith(".xhtml"):
            assert xhtml(data).get("lang") == "kk"
    glossary = xhtml(files["EPUB/glossary.xhtml"])
    assert glossary.xpath("//x:span[@lang='ru']", namespaces=NS) and glossary.xpath("//x:span[@lang='en']", namespaces=NS)
    for span in glossary.xpath("//x:span[@lang='ru']", namespaces=NS):
        assert re.search("[а-яА-Я]", "".join(span.itertext()))
    for span in glossary.xpath("//x:span[@lang='en']", namespaces=NS):
        assert not re.search("[а-яА-Я]", "".join(span.itertext()))


def test_landmarks_and_cover(files, opf):
    nav = xhtml(files["EPUB/nav.xhtml"])
    kinds = nav.xpath("//x:nav[@epub:type='landmarks']//x:a/@epub:type", namespaces=NS)
    assert kinds == ["cover", "toc", "bodymatter", "glossary", "appendix", "index", "assessment"]  # assessment: the self-check
    cover = opf.xpath("//opf:item[@properties='cover-image']", namespaces=OPF)
    assert cover and cover[0].get("media-type") == "image/png"
    image = files["EPUB/" + cover[0].get("href")]
    assert image.startswith(b"\x89PNG") and len(image) < 200_000
    page = xhtml(files["EPUB/cover.xhtml"])
    alt = page.xpath("//x:img/@alt", namespaces=NS)[0]
    assert "Қазақстан және Біріккен Ұлттар Ұйымы" in alt and "Сайын Борбасов" in alt


def test_page_list_matches_the_printed_handout(seed_build, files):
    """Every page of the A4 PDF has a marker, and the text after it is the text that starts that page."""
    assert_page_list_matches(seed_build.pdf, files)



def test_a_page_that_begins_mid_paragraph_is_marked_at_its_first_word(tmp_path):
    project = tmp_path / "long"
    project.mkdir()
    (project / "book.yaml").write_text("name: long\ntitle: Ұзын абзац\nauthor: Тест\n", encoding="utf-8")
    words = ("мемлекет халықаралық ұйым бейбітшілік қауіпсіздік тәуелсіздік " * 140).split()
    (project / "article.txt").write_text(" ".join(f"{i}{w}" for i, w in enumerate(words)) + "\n", encoding="utf-8")
    built = build_project(project, tmp_path / "out")
    pdf_pages = read_pdf(built.pdf)
    article = xhtml(epub_files(built.epub)["EPUB/article.xhtml"])
    for page in pdf_pages[1:]:
        marker = article.xpath(f"//*[@id='page-{page.number}']")
        if not marker:
            continue
        first = norm(page.body).split()[0]
        assert text_after(article, marker[0]).split()[0] == first
    assert article.xpath("//x:p//*[@id='page-2']", namespaces=NS), "page 2 begins inside the paragraph"


def test_paragraph_numbers_are_the_same_as_in_print(files, seed_build):
    article = xhtml(files["EPUB/article.xhtml"])
    numbers = [int(s.text) for s in article.xpath("//x:span[@class='pn']", namespaces=NS)]
    assert numbers == list(range(1, len(seed_paragraphs()) + 1))


def test_glossary_entries_link_back_to_each_paragraph_that_uses_them(files):
    article = xhtml(files["EPUB/article.xhtml"])
    glossary = xhtml(files["EPUB/glossary.xhtml"])
    ids = set(article.xpath("//@id"))
    for dd in glossary.xpath("//x:dd", namespaces=NS):
        refs = dd.xpath(".//x:a[@class='ref']", namespaces=NS)
        assert refs
        for ref in refs:
            target = ref.get("href").split("#")[1]
            assert target in ids
            paragraph = article.xpath(f"//*[@id='{target}']/ancestor::x:p", namespaces=NS)[0]
            assert paragraph.get("data-n") == ref.text


def test_fonts_are_only_the_faces_used(files, opf):
    fonts = sorted(name.rsplit("/", 1)[1] for name in files if name.endswith(".ttf"))
    assert "NotoSerif-BoldItalic.ttf" not in fonts and "NotoSerif-Regular.ttf" in fonts
    css = files["EPUB/styles/fonts.css"].decode()
    assert all(f"fonts/{name}" in css for name in fonts)
    assert "BoldItalic" not in css
    assert 'font-family: "Kitap Serif", "Noto Serif"' in files["EPUB/styles/base.css"].decode().replace("html { ", "")


def test_build_summary_reports_the_epub_size(tmp_path):
    result = run_cli("--source", str(FIXTURES / "mini"), "--output", str(tmp_path), "--only", "epub")
    assert re.search(r"mini\.epub\s+\d+ KB", result.stdout)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_same_sources_give_byte_identical_outputs(tmp_path, mini_build):
    again = build_project(FIXTURES / "mini", tmp_path / "again")
    for name in ("mini.pdf", "mini-booklet.pdf", "mini-large.pdf", "mini.epub"):
        assert _digest(mini_build.output / name) == _digest(again.output / name), name


def test_source_date_epoch_is_honoured(tmp_path):
    import os

    env_before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "946684800"  # 2000-01-01
    try:
        result = run_cli("--source", str(FIXTURES / "mini"), "--output", str(tmp_path), "--only", "pdf,epub")
    finally:
        if env_before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = env_before
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "mini.epub") as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2000, 1, 1)}
        assert b"2000-01-01T00:00:00Z" in archive.read("EPUB/content.opf")
        assert archive.infolist()[0].filename == "mimetype" and archive.infolist()[0].compress_type == zipfile.ZIP_STORED
    from pypdf import PdfReader
    assert PdfReader(tmp_path / "mini.pdf").metadata["/CreationDate"].startswith("D:20000101")


def test_pandoc_reads_the_epub_back_with_every_paragraph(seed_build):
    import pypandoc

    text = pypandoc.convert_file(str(seed_build.epub), "plain", extra_args=["--wrap=none"])
    lines = [norm(re.sub(r"\[\d+\]", "", re.sub(r"^\d+ ?", "", line))) for line in text.splitlines() if line.strip()]
    found = 0
    for paragraph in seed_paragraphs():
        assert paragraph in lines[found:], paragraph[:50]
        found = lines.index(paragraph, found) + 1
