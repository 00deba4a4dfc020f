"""The e-book in a real reading engine: epub.js (npm `epubjs`, as in many web and phone readers) in Debian's
Chromium. Search finds every occurrence; the first text page, a note and the appendices are screenshotted at
phone and tablet sizes and at 200 % text size, and checked on the DOM epub.js laid out (no OCR).
Screenshots: tests/.tmp/readers/ (not in git)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import NS, epub_files, seed_paragraphs, xhtml
from readers import (PHONE, PHONE_WIDE, SCREENSHOTS, TABLET, chromium, needs_browser, needs_node, once,
                     reader_folder, served)

pytestmark = [once, needs_node, needs_browser]
DOM = (Path(__file__).parent / "reader_dom.js").read_text(encoding="utf-8")
WORDS = ("Қазақстан", "Лиссабон", "халықаралық", "әлемдік", "мемлекет")  # common words of the default project
SCREENS = [("phone", PHONE, "100%"), ("phone375", PHONE_WIDE, "100%"), ("phone", PHONE, "200%"), ("tablet", TABLET, "100%"),
           ("tablet", TABLET, "200%")]
APPENDICES = ("glossary.xhtml", "chronology.xhtml", "persons.xhtml", "colophon.xhtml#corrections")


@pytest.fixture(scope="module")
def reader(seed_build, tmp_path_factory):
    """epub.js's test page with the default project's e-book, served on 127.0.0.1, and a Chromium."""
    folder = reader_folder(seed_build.epub, tmp_path_factory.mktemp("epubjs"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with served(folder) as base, chromium() as browser:
        yield base, browser


def open_book(reader, viewport):
    base, browser = reader
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]}, device_scale_factor=2)
    page.goto(f"{base}/reader.html")
    return page


def show(page, href: str, size: str, shot: str) -> dict:
    """Open the book at `href`, screenshot it, and measure the DOM epub.js laid out."""
    layout = page.evaluate(f"show({href!r}, {size!r})")
    layout.update(page.evaluate("(() => { const l = rendition.manager.layout; return {gap: l.gap, delta: l.delta}; })()"))
    page.screenshot(path=str(SCREENSHOTS / shot))
    return page.frames[-1].evaluate(DOM, layout)


def expected_counts(epub) -> dict[str, int]:
    """Occurrences of each word in the e-book's documents, text node by text node as epub.js searches, in the
    text as a reader sees it (soft hyphens, if any, are invisible)."""
    files = epub_files(epub)
    opf = xhtml(files["EPUB/content.opf"])
    items = {i.get("id"): i.get("href") for i in opf.xpath("//opf:item", namespaces=NS)}
    texts = [t for ref in opf.xpath("//opf:itemref/@idref", namespaces=NS)
             for t in xhtml(files["EPUB/" + items[ref]]).itertext()]
    return {w: sum(t.replace("\u00ad", "").lower().count(w.lower()) for t in texts) for w in WORDS}


def test_search_finds_every_occurrence_of_common_words(reader, seed_build):
    page = open_book(reader, PHONE)
    found = page.evaluate(f"searchCounts({list(WORDS)!r})")
    expected = expected_counts(seed_build.epub)
    article = " ".join(seed_paragraphs()).lower()
    for word in WORDS:
        assert expected[word] >= article.count(word.lower()) > 0, word  # the text's own uses are all there
    assert found == expected
    page.close()


@pytest.mark.parametrize("device, viewport, size", SCREENS, ids=[f"{d}-{s}" for d, _, s in SCREENS])
def test_first_page_note_and_appendices_fit_the_screen(reader, device, viewport, size):
    page = open_book(reader, viewport)
    tag = f"{device}-{size.rstrip('%')}"
    first = show(page, "article.xhtml#p-1", size, f"first-page-{tag}.png")  # (at 200 % the title fills a screen)
    assert first["fonts"], "the embedded Kazakh font is used"
    assert re.sub(r"\s+", " ", first["shown"]).count(seed_paragraphs()[0][:20]) == 1, "the first paragraph begins on screen"
    assert first["wide"] == []
    # a note: epub.js has no pop-ups, its call goes to the note
    note = show(page, "article.xhtml#fn-4", size, f"note-{tag}.png")
    assert "4." in note["shown"] and note["wide"] == []
    for href in APPENDICES:
        name = href.split(".")[0]
        measured = show(page, href, size, f"{name}-{tag}.png")
        assert measured["wide"] == [], (href, measured["wide"][:3])
        assert measured["splitHeadings"] == [], (href, "a heading split across pages")
        assert measured["beside"] == [], (href, "set beside something", measured["beside"][:3])
        unfilled = [line for line in measured["lines"] if not line["filled"]]
        assert unfilled == [], (href, "a line broke before a word that fitted: a narrow column", unfilled[:3])
        if size == "100%":  # every line that wraps holds three words, or two long ones that fill half of it or more
            # («құқықтарының декларациясын»); at 200 % a phone's line holds ~20 letters: one or two Kazakh words
            short = [line for line in measured["lines"] if not line["last"] and line["words"] < 3 and line["share"] < 0.5]
            assert short == [], (href, short)
    page.close()


def test_note_calls_are_24_px_targets_that_keep_the_line_spacing(reader):
    page = open_book(reader, PHONE)
    measured = show(page, "article.xhtml", "100%", "first-page-phone-100.png")
    assert measured["calls"] and all(c["width"] >= 24 and c["height"] >= 24 for c in measured["calls"]), measured["calls"]
    frame = page.frames[-1]
    # a paragraph with note calls is as many lines of its line height as it has lines, with or without the
    # calls' tap areas
    heights = frame.evaluate("""() => {
      const p = document.querySelector("#p-3"), height = () => p.getBoundingClientRect().height;
      const padded = height();
      const style = document.head.appendChild(document.createElement("style"));
      style.textContent = "a.noteref { padding: 0 !important; margin: 0 !important; }";
      const plain = height();
      style.remove();
      return [padded, plain, parseFloat(getComputedStyle(p).lineHeight)];
    }""")
    padded, plain, line_height = heights
    assert padded == plain and abs(padded / line_height - round(padded / line_height)) < 0.05, heights
    styles = frame.evaluate("""() => [getComputedStyle(document.querySelector('#p-1'), '::before').content,
                                       getComputedStyle(document.querySelector('a.noteref')).textDecorationLine]""")
    assert styles[0] != "none", "the paragraph number is drawn"
    page.close()


def test_back_references_look_like_links(reader):
    page = open_book(reader, PHONE)
    show(page, "glossary.xhtml", "100%", "glossary-phone-100.png")
    decoration = page.frames[-1].evaluate("getComputedStyle(document.querySelector('a.ref')).textDecorationLine")
    assert decoration == "underline"
    page.close()
