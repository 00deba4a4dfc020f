"""Editions in another script: the default project in the 2021 Latin alphabet, checked as the Cyrillic
edition is (EPUBCheck, page list, footnotes, hyphenation, fonts), and a Latin-script source."""
from __future__ import annotations

import io
import re
import shutil

import pytest
from fontTools.ttLib import TTFont

from conftest import (FIXTURES, NS, ROOT, text_project, print_article, assert_notes_on_their_call_pages, assert_page_list_matches, epub_files,
                      norm, read_pdf, run_cli, xhtml)
from test_epub import epubcheck

SHY = "\u00ad"
LATIN_LETTERS = "äğıñöşūüÄĞIİÑÖŞŪÜ"
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@pytest.fixture(scope="module")
def latin(tmp_path_factory):
    """The default project built in both scripts."""
    out = tmp_path_factory.mktemp("editions-out")
    result = run_cli("--source", str(ROOT / "source"), "--output", str(out), "--script", "cyrl,latn")
    assert result.returncode == 0, result.stderr
    return out


def test_every_output_in_both_scripts(latin):
    names = {p.name for p in latin.iterdir()} | {f"html/{p.name}" for p in (latin / "html").iterdir()}
    for stem in ("kazakhstan-un", "kazakhstan-un-latn"):
        assert {f"{stem}.pdf", f"{stem}-booklet.pdf", f"{stem}-large.pdf", f"{stem}.epub"} <= names
    assert {"html/index.html", "html/index-latn.html"} <= names


def test_latin_epub_is_valid_and_in_latin_letters(latin):
    epub = latin / "kazakhstan-un-latn.epub"
    report = epubcheck(epub)
    assert report["checker"]["nFatal"] == report["checker"]["nError"] == report["checker"]["nWarning"] == 0, report
    files = epub_files(epub)
    opf = xhtml(files["EPUB/content.opf"])
    assert opf.xpath("//dc:language/text()", namespaces=NS) == ["kk-Latn"]
    assert opf.xpath("//dc:title/text()", namespaces=NS) == ["Qazaqstan jäne Bırıkken Ūlttar Ūiymy"]
    cyrillic_opf = xhtml(epub_files(latin / "kazakhstan-un.epub")["EPUB/content.opf"])
    assert opf.xpath("//dc:identifier/text()", namespaces=NS) != cyrillic_opf.xpath("//dc:identifier/text()", namespaces=NS)
    article = xhtml(files["EPUB/article.xhtml"])
    text = article.xpath("string(//x:section[@id='article'])", namespaces=NS)
    assert not CYRILLIC.search(text), CYRILLIC.search(text)
    glossary = xhtml(files["EPUB/glossary.xhtml"])
    assert glossary.xpath("string(//x:h2)", namespaces=NS) == "Qysqartular sözdıgı"
    terms = [t for t in glossary.xpath("//x:dt//x:abbr/text()", namespaces=NS)]
    assert terms[:3] == ["BŪŪ", "DVQ", "EO"] and "İUNESKO" in terms
    # the Russian and English names are not transliterated
    russian = glossary.xpath("//x:span[@lang='ru']/text()", namespaces=NS)
    assert "Организация Объединённых Наций (ООН)" in russian


def test_latin_collation_orders_the_glossary(latin):
    from kitap.languages import pack_for

    glossary = xhtml(epub_files(latin / "kazakhstan-un-latn.epub")["EPUB/glossary.xhtml"])
    terms = glossary.xpath("//x:dt//x:abbr/text()", namespaces=NS)
    assert terms == sorted(terms, key=pack_for("kk-Latn").sort_key)


def test_latin_page_list_follows_its_own_a4_handout(latin):
    assert_page_list_matches(latin / "kazakhstan-un-latn.pdf", epub_files(latin / "kazakhstan-un-latn.epub"))


def test_latin_footnotes_are_on_their_call_pages(latin):
    from kitap.load import load_project

    notes = len(load_project(ROOT / "source").annotations)
    assert_notes_on_their_call_pages(read_pdf(latin / "kazakhstan-un-latn.pdf"), notes)


def test_latin_hyphenation_breaks_only_at_syllables(latin):
    """Every soft hyphen of the Latin print edition is where the Kazakh syllable rules put one (the e-book
    has none: they would break its search)."""
    from kitap.languages import pack_for

    hyphenate = pack_for("kk-Latn").hyphenate
    article = print_article(ROOT / "source", "latn")
    for note in article.xpath("//span[@class='footnote']"):  # (inline in print: their text follows the call's word)
        note.drop_tree()
    text = article.xpath("string(//section[@id='article'])")
    assert SHY not in epub_files(latin / "kazakhstan-un-latn.epub")["EPUB/article.xhtml"].decode()
    words = set(re.findall(rf"[^\W\d_]+(?:{SHY}[^\W\d_]+)+", text))
    assert len(words) > 200
    wrong = [w for w in words if hyphenate(w.replace(SHY, "")) != w]
    assert wrong == []


def test_the_fonts_hold_every_latin_letter(latin):
    files = epub_files(latin / "kazakhstan-un-latn.epub")
    fonts = [name for name in files if name.endswith(".ttf")]
    assert fonts
    for name in fonts:
        cmap = TTFont(io.BytesIO(files[name])).getBestCmap()
        missing = [c for c in LATIN_LETTERS if ord(c) not in cmap]
        assert missing == [], name
    import pdfplumber

    with pdfplumber.open(latin / "kazakhstan-un-latn.pdf") as pdf:
        chars = [c for page in pdf.pages for c in page.chars if c["text"] in LATIN_LETTERS]
    assert {c["text"] for c in chars} >= set("äğıñöşūüÖŞŪ")
    assert all(re.search(r"\+(Kitap|Noto)-S(erif|ans)", c["fontname"]) for c in chars)  # the shipped fonts, no fallback


def test_editions_in_book_yaml_are_built_by_default(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "mini", project)
    with open(project / "book.yaml", "a", encoding="utf-8") as book:
        book.write("editions: [cyrl, latn]\n")
    first = run_cli("--source", str(project), "--output", str(tmp_path / "out"), "--only", "epub,html")
    assert first.returncode == 0, first.stderr
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"mini.epub", "mini-latn.epub"}
    again = run_cli("--source", str(project), "--output", str(tmp_path / "out"), "--only", "epub,html")
    assert "up to date (epub, html, epub-latn, html-latn)" in again.stdout, again.stdout


def test_an_edition_the_language_has_not_is_an_error_at_its_line(tmp_path):
    project = tmp_path / "ru"
    shutil.copytree(FIXTURES / "ru", project)
    with open(project / "book.yaml", "a", encoding="utf-8") as book:
        book.write("editions: [cyrl, latn]\n")
    result = run_cli("--source", str(project), "--output", str(tmp_path / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{project / 'book.yaml'}:8: 'editions' lists scripts to build (for 'ru': cyrl), "
                                    "not 'latn'"), result.stderr


LATIN_SOURCE = """\
# Kırıspe
Qazaqstan 1992 jylğy 2 nauryzda BŪŪ-ğa müşe boldy.
Ūiymnyñ jūmysy Nью-Йорк qalasynda ötedı.
"""


def test_a_latin_source_builds_and_has_a_cyrillic_edition(tmp_path):
    project = tmp_path / "latn"
    project.mkdir()
    (project / "book.yaml").write_text('name: latyn\ntitle: "Qazaqstan jäne BŪŪ"\nauthor: "Avtor"\nlanguage: kk-Latn\n',
                                       encoding="utf-8")
    (project / "article.txt").write_text(LATIN_SOURCE.replace("Nью-Йорк", "[Нью-Йорк]{lang=ru}"), encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(tmp_path / "out"), "--script", "latn,cyrl",
                     "--only", "epub")
    assert result.returncode == 0, result.stderr
    latin = xhtml(epub_files(tmp_path / "out" / "latyn.epub")["EPUB/article.xhtml"])
    assert "Qa" in latin.xpath("string(//x:p[@id='p-1'])", namespaces=NS)
    cyrillic = xhtml(epub_files(tmp_path / "out" / "latyn-cyrl.epub")["EPUB/article.xhtml"])
    assert cyrillic.get("lang") == "kk"
    text = norm(cyrillic.xpath("string(//x:section[@id='article'])", namespaces=NS).replace(SHY, ""))
    assert "Кіріспе" in text and "Қазақстан 1992 жылғы 2 наурызда БҰҰ-ға мүше болды." in text
    assert "Ұйымның жұмысы Нью-Йорк қаласында өтеді." in text


def test_a_cyrillic_word_in_a_latin_text_is_reported(tmp_path):
    project = tmp_path / "latn"
    project.mkdir()
    (project / "book.yaml").write_text('name: latyn\ntitle: "Mätın"\nauthor: "Avtor"\nlanguage: kk-Latn\n',
                                       encoding="utf-8")
    (project / "article.txt").write_text("Qazaqstan БҰҰ-ğa müşe boldy.\nMäskeu [Москва]{lang=ru} qalasy.\n",
                                         encoding="utf-8")
    result = run_cli("check", "--source", str(project))
    lines = [line for line in result.stdout.splitlines() if "[script-edition]" in line]
    assert lines == [f"{project / 'article.txt'}:1:11: warning: «БҰҰ-ğa» has Cyrillic letters in a text in the Latin "
                     "alphabet; write it in Latin letters («BŪŪ-ğa»), or mark it as another language ([…]{lang=ru}) "
                     "[script-edition]"], result.stdout


def test_a_roman_numeral_typed_in_cyrillic_is_latin_in_the_latin_edition(tmp_path):
    """«ХХ ғасыр» is how most Kazakh texts type the century: the Latin edition prints «XX ğasyr», the
    numeral's Latin letters, not «HH ğasyr» (Х is h letter by letter); an abbreviation stays letters."""
    from conftest import text_project

    project = text_project(tmp_path / "roman", "ХХ ғасырдың екінші жартысында ел тәуелсіздік алды.\n"
                           "Бұл ХVІІІ ғасырдан басталған тарихтың жалғасы, І бөлімде айтылды.\n")
    result = run_cli("--source", str(project), "--output", str(tmp_path / "out"), "--script", "latn", "--only", "epub")
    assert result.returncode == 0, result.stderr
    (epub,) = (tmp_path / "out").glob("*-latn.epub")
    text = norm(xhtml(epub_files(epub)["EPUB/article.xhtml"]).xpath("string(//x:section[@id='article'])",
                                                                     namespaces=NS).replace(SHY, ""))
    assert "XX ğasyrdyñ ekınşı jartysynda" in text and "XVIII ğasyrdan" in text, text
    assert "HH" not in text and "HVIII" not in text


def test_a_source_named_in_words_is_converted_an_address_is_not(tmp_path):
    """The Latin edition's colophon printed «"Зерттелуі" бөлімі: Метеорология … энциклопедиясы» in Cyrillic."""
    from kitap.load import load_project
    from kitap.transforms.editions import edition_of

    project = text_project(tmp_path / "p", "Балқаш — ірі көл.\n")
    book_yaml = project / "book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8") + 'source: "Метеорология энциклопедиясы, 2010"\n',
                         encoding="utf-8")
    assert edition_of(load_project(project), "latn").meta.source == "Meteorologiia entsiklopediiasy, 2010"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8").replace('"Метеорология энциклопедиясы, 2010"',
                                                                       '"https://kk.wikipedia.org/wiki/Балқаш"'),
                         encoding="utf-8")
    assert edition_of(load_project(project), "latn").meta.source == "https://kk.wikipedia.org/wiki/Балқаш"
