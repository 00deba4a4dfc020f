"""Headings in a plain-text article (`# `, `## `, `### `) and in Markdown: not numbered paragraphs, in the
PDF bookmarks, the EPUB's nav and NCX, the web page's contents and the running head."""
from __future__ import annotations

import shutil

import pytest
from lxml import etree

from conftest import FIXTURES, NS, build_project, epub_files, run_cli, xhtml

HEADINGS = FIXTURES / "headings"
TITLES = ["Преамбула", "1-бап", "Түсініктеме", "2-бап"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_project(HEADINGS, tmp_path_factory.mktemp("headings-out"))


def outline(pdf_path):
    """The PDF's bookmarks as (depth, title) pairs, in order."""
    from pypdf import PdfReader

    pairs = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                pairs.append((depth, item.title))

    walk(PdfReader(pdf_path).outline, 0)
    return pairs


def test_headings_are_not_numbered_paragraphs(built):
    doc = xhtml(epub_files(built.epub)["EPUB/article.xhtml"])
    numbers = doc.xpath("//x:section[@id='article']//*[@data-n]/@data-n", namespaces=NS)
    assert numbers == ["1", "2", "3", "4", "5"]
    headings = doc.xpath("//x:section[@id='article']/x:h2 | //x:section[@id='article']/x:h3", namespaces=NS)
    assert [h.get("id") for h in headings] == ["s-1", "s-2", "s-3", "s-4"]
    assert [h.tag.split("}")[1] for h in headings] == ["h2", "h2", "h3", "h2"]
    assert "".join(headings[0].itertext()).replace("\u00ad", "").startswith("Преамбула")
    assert not doc.xpath("//x:p[starts-with(normalize-space(.), '#')]", namespaces=NS)


def test_pdf_bookmarks_nest_the_headings_under_the_title_without_calls_or_soft_hyphens(built):
    marks = outline(built.pdf)
    assert marks[:5] == [(0, "Адам құқықтарының жалпыға бірдей декларациясы"), (1, "Преамбула"), (1, "1-бап"),
                         (2, "Түсініктеме"), (1, "2-бап")]
    assert not any("\u00ad" in title for _, title in marks)


def test_epub_nav_and_ncx_list_the_headings(built):
    files = epub_files(built.epub)
    nav = xhtml(files["EPUB/nav.xhtml"])
    article = nav.xpath("//x:nav[@epub:type='toc']/x:ol/x:li[1]", namespaces=NS)[0]
    assert [a.text for a in article.xpath("./x:ol/x:li/x:a", namespaces=NS)] == ["Преамбула", "1-бап", "2-бап", "Ескертпелер"]
    assert article.xpath("./x:ol/x:li[2]/x:ol/x:li/x:a/@href", namespaces=NS) == ["article.xhtml#s-3"]
    ncx = etree.fromstring(files["EPUB/toc.ncx"])
    labels = ncx.xpath("//ncx:navPoint/ncx:navLabel/ncx:text/text()", namespaces=NS)
    assert labels[1:5] == TITLES
    sources = set(ncx.xpath("//ncx:content/@src", namespaces=NS))
    assert {f"article.xhtml#s-{n}" for n in range(1, 5)} <= sources


def test_web_page_contents_link_every_heading_and_appendix(built):
    from lxml import html

    page = html.fromstring((built.output / "html" / "index.html").read_text(encoding="utf-8"))
    links = page.xpath("//nav[@id='contents']//a")
    assert [a.text for a in links][:4] == TITLES
    for link in links:
        assert page.xpath(f"//*[@id='{link.get('href')[1:]}']"), link.get("href")
    assert [a.get("href") for a in links][4:] == ["#notes", "#colophon"]


def test_note_call_in_a_heading_is_set_in_the_text_face_not_the_heading_face(built):
    import pdfplumber

    with pdfplumber.open(built.pdf) as pdf:
        chars = pdf.pages[0].chars
    heading = [c for c in chars if c["text"] == "П" and c["size"] > 12][0]
    call = [c for c in chars if c["text"] == "1" and c["size"] < 9 and abs(c["top"] - heading["top"]) < 8][0]
    assert "Sans" in heading["fontname"] and "Serif" in call["fontname"] and "Bold" not in call["fontname"]
    note = [c for c in chars if c["text"] == "Д" and c["size"] < 9][0]
    assert "Serif" in note["fontname"] and "Bold" not in note["fontname"]


def test_running_head_follows_the_section(tmp_path):
    """Each page's running head names the level-1 heading in effect where the page begins."""
    import pdfplumber

    project = tmp_path / "long"
    shutil.copytree(HEADINGS, project)
    article = project / "article.txt"
    lines = article.read_text(encoding="utf-8").splitlines()
    long_paragraph = lines[-1]
    article.write_text("\n".join(lines + [long_paragraph] * 14) + "\n", encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(tmp_path / "out"), "--only", "pdf")
    assert result.returncode == 0, result.stderr
    heads = []
    with pdfplumber.open(tmp_path / "out" / "headings.pdf") as pdf:
        for page in pdf.pages[1:]:
            top = page.crop((page.width / 2, 0, page.width, 60)).extract_text() or ""
            heads.append(top.strip())
        last = pdf.pages[-1].extract_text()
    # (no appendix: the colophon follows the text on its last page, under the section's head)
    assert len(heads) >= 2 and heads == ["2-бап"] * len(heads), heads
    assert "Басылым туралы" in last


def test_markdown_headings_reach_the_nav(tmp_path):
    project = tmp_path / "md"
    shutil.copytree(HEADINGS, project)
    text = (project / "article.txt").read_text(encoding="utf-8")
    (project / "article.txt").unlink()
    (project / "article.md").write_text(text.replace("\n", "\n\n"), encoding="utf-8")
    built = build_project(project, tmp_path / "out")
    nav = xhtml(epub_files(built.epub)["EPUB/nav.xhtml"])
    assert nav.xpath("//x:nav[@epub:type='toc']//x:a/text()", namespaces=NS)[1:5] == TITLES


@pytest.mark.parametrize("line, message", [
    ("#### Төртінші деңгей", "a heading has one to 3 '#'"),
    ("#", "an empty heading"),
])
def test_malformed_headings_are_errors_at_their_line(project, line, message):
    article = project / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(project / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{article}:4: {message}"), result.stderr


def test_a_hash_without_a_space_is_text(project):
    article = project / "article.txt"
    article.write_text("#хэштег сияқты жол\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(project / "out"), "--only", "epub")
    assert result.returncode == 0, result.stderr
    doc = xhtml(epub_files(project / "out" / "mini.epub")["EPUB/article.xhtml"])
    assert doc.xpath("//x:p[@id='p-1']", namespaces=NS)[0].xpath("string()").replace("\u00ad", "").endswith("#хэштег сияқты жол")
