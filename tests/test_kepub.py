"""Kobo's e-book (`--only kepub`, kitap/outputs/kobo.py): the EPUB with Kobo's span markup, valid for
EPUBCheck, every character of the text kept, pop-up notes as in the EPUB."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from conftest import NS, ROOT, epub_files, run_cli, seed_paragraphs, text_without_calls, xhtml
from test_epub import epubcheck

KOBO_ID = re.compile(r"kobo\.(\d+)\.(\d+)")
SENTENCE_END = re.compile(r"[.!?…][»”)]*\s+(?=\S)|[.!?…][»”)]*\s+$")
OUTSIDE_TEXT = ("script", "style")


@dataclass
class KepubBuild:
    result: object
    output: Path


@pytest.fixture(scope="module")
def kepub_build(tmp_path_factory):
    output = tmp_path_factory.mktemp("kepub-out")
    return KepubBuild(run_cli("--source", str(ROOT / "source"), "--output", str(output), "--only", "kepub"), output)


def documents(files: dict[str, bytes]) -> dict[str, object]:
    return {n: xhtml(d) for n, d in files.items() if n.endswith(".xhtml") and n != "EPUB/nav.xhtml"}


def unwrapped(root):
    """The document without Kobo's spans and layout divisions (their content in their place)."""
    for element in root.xpath("//x:span[@class='koboSpan'] | //x:div[@id='book-columns' or @id='book-inner']",
                              namespaces=NS):
        element.tag = "kobo-markup"
    etree.strip_tags(root, "kobo-markup")
    return root


def c14n(root) -> bytes:
    return etree.tostring(root, method="c14n")


def text_nodes(root) -> list[tuple[str, object]]:
    """Every piece of XHTML text in the body that has more than spaces, with the element it is in."""
    found = []
    xhtml_ns = f"{{{NS['x']}}}"
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag.split("}")[1] in OUTSIDE_TEXT:
            continue
        if not all(e.tag.startswith(xhtml_ns) for e in (element, *element.iterancestors())):
            continue  # the timeline's SVG keeps its text as it is (a span would not be SVG)
        if (element.text or "").strip():
            found.append((element.text, element))
        if (element.tail or "").strip() and element.getparent() is not None:
            found.append((element.tail, element.getparent()))
    return found


def test_only_kepub_makes_the_kobo_books_of_both_scripts(kepub_build):
    assert kepub_build.result.returncode == 0, kepub_build.result.stderr
    assert sorted(p.name for p in kepub_build.output.glob("*.epub")) == [
        "kazakhstan-un-latn.kepub.epub", "kazakhstan-un.kepub.epub"]
    assert "kazakhstan-un.kepub.epub" in kepub_build.result.stdout


def test_kepub_passes_epubcheck(kepub_build):  # (the conversion is the same for both scripts)
    report = epubcheck(kepub_build.output / "kazakhstan-un.kepub.epub")
    assert (report["checker"]["nFatal"], report["checker"]["nError"], report["checker"]["nWarning"]) == (0, 0, 0), \
        [m["message"] for m in report["messages"]][:5]


def test_kepub_keeps_every_character_and_file_of_the_epub(kepub_build, seed_build):
    kobo = epub_files(kepub_build.output / "kazakhstan-un.kepub.epub")
    same_but_spans(kobo, epub_files(seed_build.epub))
    article = unwrapped(xhtml(kobo["EPUB/article.xhtml"]))
    paragraphs = [text_without_calls(p) for p in article.xpath("//x:section[@id='article']//x:p", namespaces=NS)]
    assert paragraphs == seed_paragraphs()


def same_but_spans(kobo: dict[str, bytes], plain: dict[str, bytes]) -> None:
    assert kobo.keys() == plain.keys()
    changed = {name for name in plain if kobo[name] != plain[name]}
    assert changed == set(documents(plain)), "only the content documents change (not the nav, OPF, styles, fonts)"
    for name in changed:  # without Kobo's spans and divisions, each is the EPUB's document
        assert c14n(unwrapped(xhtml(kobo[name]))) == c14n(xhtml(plain[name])), name


def every_text_in_spans(files: dict[str, bytes]) -> None:
    for name, root in documents(files).items():
        body = root.find("x:body", NS)
        assert len(body) == 1 and body[0].get("id") == "book-columns" and body[0][0].get("id") == "book-inner"
        assert len(body[0]) == 1, name
        spans = root.xpath("//x:span[@class='koboSpan']", namespaces=NS)
        ids = [s.get("id") for s in spans]
        assert ids and len(set(ids)) == len(ids) and all(KOBO_ID.fullmatch(i) for i in ids), name
        assert [(t, e) for t, e in text_nodes(body) if e.get("class") != "koboSpan"] == [], name
        assert all(len(s) == 0 or ([c.tag for c in s] == [f"{{{NS['x']}}}img"] and not s.text) for s in spans), \
            "a span holds a sentence or an image"


def test_every_sentence_is_in_a_kobo_span(kepub_build):
    files = epub_files(kepub_build.output / "kazakhstan-un.kepub.epub")
    every_text_in_spans(files)
    article = documents(files)["EPUB/article.xhtml"]
    paragraph = article.xpath("//x:p[@id='p-3']", namespaces=NS)[0]
    numbers = [KOBO_ID.fullmatch(i).groups() for i in paragraph.xpath(".//x:span[@class='koboSpan']/@id", namespaces=NS)]
    assert len({p for p, _ in numbers}) == 1 and [int(s) for _, s in numbers] == list(range(1, len(numbers) + 1))
    texts = [s.text for s in article.xpath("//x:span[@class='koboSpan']", namespaces=NS) if s.text]
    assert not [t for t in texts if SENTENCE_END.search(t.rstrip())], "one sentence a span"
    assert len([t for t in texts if SENTENCE_END.search(t)]) >= 10, "sentences that run on are split at their ends"


def test_kepub_notes_pop_up_as_in_the_epub(kepub_build):
    files = epub_files(kepub_build.output / "kazakhstan-un.kepub.epub")
    article = documents(files)["EPUB/article.xhtml"]
    calls = article.xpath("//x:a[@epub:type='noteref']", namespaces=NS)
    notes = article.xpath("//x:aside[@epub:type='footnote']/@id", namespaces=NS)
    assert len(calls) >= 12 and [c.get("href").lstrip("#").split("#")[-1] for c in calls] == notes
    assert all(c.get("role") == "doc-noteref" and c.xpath("string()").strip().isdigit() for c in calls)
    assert not article.xpath("//x:script", namespaces=NS), "kobo.js is not needed"


def test_a_course_volume_as_a_kepub(course_ebooks):
    """A course volume (a document a chapter): valid, every chapter marked, nothing else changed."""
    kobo = epub_files(course_ebooks / "term-1.kepub.epub")
    assert {"EPUB/chapter-1.xhtml", "EPUB/chapter-3.xhtml"} <= kobo.keys()
    same_but_spans(kobo, epub_files(course_ebooks / "term-1.epub"))
    every_text_in_spans(kobo)
    report = epubcheck(course_ebooks / "term-1.kepub.epub")
    assert (report["checker"]["nFatal"], report["checker"]["nError"], report["checker"]["nWarning"]) == (0, 0, 0), \
        [m["message"] for m in report["messages"]][:5]
