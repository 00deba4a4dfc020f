"""Shared fixtures: real builds of small projects and of the default project, read back for real."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The seed as received, kept with the tests (test_seed_content checks it still equals ../shared/seed/).
SEED = FIXTURES / "seed" / "000_7d0fef2b9a9eb36b.txt"
SHARED_SEED = ROOT.parent / "shared" / "seed" / SEED.name
NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
      "opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "ncx": "http://www.daisy.org/z3986/2005/ncx/"}
# Tests of kitap's WeasyPrint speed-ups themselves (kitap/weasy): skipped when KITAP_SPEEDUPS=0 turns them
# off (CI runs the whole suite so too, to show the outputs are the same without them).
SPEEDUPS_ON = os.environ.get("KITAP_SPEEDUPS", "1").strip().lower() not in ("0", "off", "no", "false")
needs_speedups = pytest.mark.skipif(not SPEEDUPS_ON, reason="KITAP_SPEEDUPS=0: the speed-ups are off")
NOTE_GAP = "\u202f"  # before a pop-up note's call (kitap/render/document.py): part of the call, not of the text
BODY_MIN_SIZE = 10.0  # pt: body text is 11 pt; footnotes (8.5) and running heads (8) are smaller
SMALL_MIN_SIZE = 7.9  # pt: note calls are superscripts below this (7.7 pt: 70 % of the 11 pt text)


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The real command line, as a user runs it."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("KITAP_DEBUG", None)
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=300)


def norm(text: str) -> str:
    """Whitespace-insensitive form for comparing text across formats; a word hyphenated at a line end
    (WeasyPrint sets U+2010 there for a soft hyphen) is joined again, as is one broken at its own hyphen;
    a no-break hyphen is a hyphen."""
    text = re.sub(r"\u2010\n", "", text)
    text = re.sub(r"(?<=\w)-\n(?=\w)", "-", text)  # a line ending at a word's own hyphen («мақсат-/мұраттары»)
    return re.sub(r"\s+", " ", text.replace("\u00ad", "").replace("\u00a0", " ").replace("\u2011", "-")).strip()


@dataclass
class Built:
    source: Path
    output: Path
    name: str

    @property
    def pdf(self) -> Path:
        return self.output / f"{self.name}.pdf"

    @property
    def epub(self) -> Path:
        return self.output / f"{self.name}.epub"


def text_project(folder: Path, article: str, language: str = "kk", article_name: str = "article.txt") -> Path:
    """A copy of the mini fixture at `folder` holding `article` alone (no notes, glossary or chronology), in
    `language` (a test's own small text: kitap reads it as a new project)."""
    import shutil

    shutil.copytree(FIXTURES / "mini", folder)
    for name in ("annotations.yaml", "glossary.yaml", "chronology.yaml", "persons.yaml", "article.txt"):
        (folder / name).unlink(missing_ok=True)
    (folder / article_name).write_text(article, encoding="utf-8")
    if language != "kk":
        book = (folder / "book.yaml").read_text(encoding="utf-8")
        (folder / "book.yaml").write_text(book.replace("language: kk", f"language: {language}") if "language:" in book
                                          else book + f"language: {language}\n", encoding="utf-8")
    return folder


def build_into(source: Path, output: Path, *options: str) -> Path:
    """A real build of `source` into `output` with these options (e.g. "--only", "epub"); it must succeed."""
    result = run_cli("--source", str(source), "--output", str(output), *options)
    assert result.returncode == 0, result.stderr
    return output


def build_project(source: Path, output: Path) -> Built:
    result = run_cli("--source", str(source), "--output", str(output))
    assert result.returncode == 0, result.stderr
    name = re.search(r"^name:\s*(\S+)", (source / "book.yaml").read_text(encoding="utf-8"), re.M)
    return Built(source, output, name[1] if name else "book")


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Built:
    return build_project(ROOT / "source", tmp_path_factory.mktemp("seed-out"))


@pytest.fixture(scope="session")
def course_ebooks(tmp_path_factory) -> Path:
    """The course pack of tests/fixtures/course as e-books only: term-1.epub and term-1.kepub.epub."""
    return build_into(FIXTURES / "course", tmp_path_factory.mktemp("course-ebooks"), "--only", "epub,kepub")


@pytest.fixture(scope="session")
def mini_build(tmp_path_factory) -> Built:
    return build_project(FIXTURES / "mini", tmp_path_factory.mktemp("mini-out"))


@pytest.fixture
def project(tmp_path) -> Path:
    """A writable copy of the small fixture project, to break in one way per test."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", target)
    return target


# ---- reading PDFs --------------------------------------------------------------

@dataclass
class PdfPage:
    number: int
    body: str          # text set at body size or larger, in reading order
    small: str         # footnotes (and running heads)
    calls: list[int]   # superscript note calls, in order


def read_pdf(path: Path, calls_under: float = 0.0) -> list[PdfPage]:
    """The pages' text; `calls_under`: digits smaller are left out of the body text (large print's 16 pt
    note calls on 18 pt text)."""
    import pdfplumber

    pages = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            body = page.filter(lambda o: o.get("object_type") != "char" or o["size"] >= BODY_MIN_SIZE
                               and not (o["text"].isdigit() and o["size"] < calls_under))
            small = page.filter(lambda o: o.get("object_type") != "char" or SMALL_MIN_SIZE <= o["size"] < BODY_MIN_SIZE)
            pages.append(PdfPage(number, body.extract_text() or "", small.extract_text() or "", _calls(page)))
    return pages


def _calls(page) -> list[int]:
    """Numbers set as superscript calls: digits smaller than any text size, grouped by adjacency."""
    chars = [c for c in page.chars if c["size"] < SMALL_MIN_SIZE and c["text"].isdigit()]
    numbers, current, last = [], "", None
    for char in chars:
        if last is not None and (abs(char["top"] - last["top"]) > 1 or char["x0"] - last["x1"] > 1.5):
            numbers.append(int(current))
            current = ""
        current += char["text"]
        last = char
    if current:
        numbers.append(int(current))
    return numbers


def pdf_body_text(pages: list[PdfPage]) -> str:
    # a removed note call can leave a gap before punctuation ("банк ,"): close it on both sides of comparisons
    return close_punctuation(norm(" ".join(page.body for page in pages)))


def close_punctuation(text: str) -> str:
    return re.sub(r" ([,.;:!?»)])", r"\1", text)


# ---- reading EPUBs -------------------------------------------------------------

def epub_files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xhtml(data: bytes):
    return etree.fromstring(data)


def text_without_calls(element) -> str:
    """An element's text with note calls left out (they are not the author's words)."""
    copy = etree.fromstring(etree.tostring(element))
    for call in copy.xpath(".//x:a[@role='doc-noteref'] | .//x:span[@class='note-sep']", namespaces=NS):
        parent = call.getparent()
        tail = call.tail or ""
        previous = call.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "").removesuffix(NOTE_GAP) + tail
        else:
            parent.text = (parent.text or "").removesuffix(NOTE_GAP) + tail
        parent.remove(call)
    return norm("".join(copy.itertext()))


def seed_paragraphs() -> list[str]:
    """The seed article's paragraphs (byline excluded) with the editor's listed corrections applied."""
    from ruamel.yaml import YAML

    lines = SEED.read_text(encoding="utf-8").split("\n")
    editorial = YAML(typ="safe").load((ROOT / "source" / "editorial.yaml").read_text(encoding="utf-8"))
    for c in editorial.get("corrections", []):
        line = lines[c["line"] - 1]
        assert line.count(c["original"]) == 1, c
        lines[c["line"] - 1] = line.replace(c["original"], c["corrected"])
    body = [norm(line) for line in lines if line.strip()]
    return body[:-3]  # the byline (name, degree, title) became book metadata


def assert_page_list_matches(pdf, files: dict[str, bytes]) -> None:
    """Every page of the A4 PDF has a marker in the EPUB's page list, and the text after the marker is
    the text that starts that page."""
    pdf_pages = read_pdf(pdf)
    nav = xhtml(files["EPUB/nav.xhtml"])
    links = nav.xpath("//x:nav[@epub:type='page-list']//x:a", namespaces=NS)
    assert [a.text for a in links] == [str(p.number) for p in pdf_pages]
    for link, page in zip(links, pdf_pages):
        document, ident = link.get("href").split("#")
        tree = xhtml(files[f"EPUB/{document}"])
        marker = tree.xpath(f"//*[@id='{ident}']", namespaces=NS)
        assert marker and marker[0].get("{http://www.idpf.org/2007/ops}type") == "pagebreak"
        assert marker[0].get("aria-label") == str(page.number)
        following = text_after(tree, marker[0])
        # (a third may be smaller than body text: not in page.body; a note call left out of it leaves a gap
        # before the punctuation after it: «pakt» ,»)
        first_words = close_punctuation(norm(page.body)).split()[:2]
        # a page may open in smaller print (the colophon, 9.9 pt): its first words after the running head
        small_words = norm(page.small.split("\n", 1)[-1]).split()[:2]
        if first_words:  # a page of small print only (the colophon's corrections) has no body text to compare
            assert close_punctuation(following).split()[:2] in (first_words, small_words), f"page {page.number}"


BLOCK_TAGS = {"p", "div", "dt", "dd", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "section", "header", "caption"}


def text_after(tree, marker) -> str:
    """Text following the marker in document order, without paragraph numbers and note calls."""
    words, seen = [], False
    for element in tree.iter():
        if element is marker:
            seen = True
            words.append(element.tail or "")
            continue
        if not seen:
            continue
        skipped = element.tag.endswith("}th") or element.getparent().tag.endswith("}th")  # headers, smaller in print
        if skipped or element.get("class") == "note-sep" or element.get("role") == "doc-noteref":
            words.append(element.tail or "")
            continue
        block = etree.QName(element).localname in BLOCK_TAGS  # (its text starts a new line: a word boundary)
        words += [" " if block else "", element.text or "", element.tail or ""]
        if len("".join(words).split()) > 6:
            break
    return norm("".join(words).replace(NOTE_GAP, ""))


def assert_notes_on_their_call_pages(pages: list[PdfPage], count: int) -> None:
    """Note calls run 1, 2, 3… in reading order, and each note's text is at the foot of its call's page."""
    calls = [n for page in pages for n in page.calls]
    assert calls == list(range(1, count + 1)), "note calls must run 1, 2, 3… in reading order"
    for page in pages:
        notes_here = norm(page.small)
        for number in page.calls:
            marker = re.search(rf"(?:^| ){number}\. ", notes_here)
            assert marker, f"note {number} is called on page {page.number} but its text is not at its foot"


def print_article(source: Path, script: str | None = None):
    """The A4 handout's article as rendered for WeasyPrint (where the soft hyphens are), parsed: the project
    loaded, transformed and rendered in this process, the edition in `script` if given."""
    from lxml import html as lxml_html

    from kitap.load import load_project
    from kitap.pipeline import editions_of
    from kitap.render import PDF, render_document, text_page
    from kitap.transforms import apply_transforms

    books = editions_of(apply_transforms(load_project(source)), (script,) if script else None)
    return lxml_html.fromstring(render_document(books[-1], PDF, text_page()))
