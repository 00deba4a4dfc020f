"""Issue 16, parts 1–2: the texture of the print editions as a typesetter measures it on the real PDFs
(tests/print_metrics.py: pdfplumber only), on the default project and on two corpus texts made into
projects nobody tuned, and a short news text full of dates (the one that missed the targets until a number
and its word could part at a cost), in both scripts; and numbers and abbreviations kept with their
suffixes.

Targets (A4 handout and A5 booklet): mean word space of justified lines ≤ 1.25 × the font's space, at
most 10 % of them above 1.5 ×, no paragraph's last line shorter than 5 letters and digits nor only the
end of a word hyphenated before it, at most 2 hyphenated lines in a row, no word hyphenated across a
page break. Figures before and after: bench/RESULTS.md (issue 16).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_project, epub_files
import print_metrics as pm

CORPUS = ("law-udhr", "school-wiki-iran", "news-govkz-state-language")
# lines (and paragraphs' last lines) a project's edition has at least: the measure must see enough of them
ENOUGH = {"news-govkz-state-language": (10, 3)}
EDITIONS = {"A4": "", "booklet": "-booklet-pages"}  # the booklet measured on its A5 pages when written
SCRIPTS = ("", "-latn")
MEAN_SPACE = 1.25
LOOSE_SHARE = 0.10
HYPHEN_RUN = 2


@pytest.fixture(scope="module")
def builds(seed_build, tmp_path_factory):
    """Output folder and file stem of the default project and of each corpus project."""
    made = {"default": (seed_build.output, seed_build.name)}
    for name in CORPUS:
        source = pm.corpus_project(ROOT / "tests" / "corpus" / "kk" / f"{name}.txt",
                                   tmp_path_factory.mktemp(name) / "project", sys.executable, ROOT / "build.py")
        built = build_project(source, tmp_path_factory.mktemp(f"{name}-out"))
        made[name] = (built.output, built.name.strip('"'))
    return made


_measured: dict = {}


def metrics(builds, project: str, edition: str, script: str) -> pm.Metrics:
    key = (project, edition, script)
    if key not in _measured:
        output, stem = builds[project]
        path = output / f"{stem}{script}{EDITIONS[edition]}.pdf"
        if edition == "booklet" and not path.exists():  # no separate A5 pages: the imposed sheets, read half by half
            path = output / f"{stem}{script}-booklet.pdf"
        _measured[key] = pm.measure(path)
    return _measured[key]


CASES = [(project, edition, script) for project in ("default", *CORPUS) for edition in EDITIONS for script in SCRIPTS]
IDS = [f"{p}-{e}{s or '-cyrl'}" for p, e, s in CASES]


@pytest.mark.parametrize("project, edition, script", CASES, ids=IDS)
def test_word_spaces_average_near_the_fonts_own(builds, project, edition, script):
    m = metrics(builds, project, edition, script)
    assert m.justified_lines >= ENOUGH.get(project, (20, 10))[0]
    assert m.mean_space <= MEAN_SPACE, m.space_ratios


@pytest.mark.parametrize("project, edition, script", CASES, ids=IDS)
def test_few_loose_lines(builds, project, edition, script):
    m = metrics(builds, project, edition, script)
    assert m.loose_share <= LOOSE_SHARE, (m.loose_lines, m.justified_lines)


@pytest.mark.parametrize("project, edition, script", CASES, ids=IDS)
def test_no_short_last_lines_hyphen_runs_or_words_split_across_pages(builds, project, edition, script):
    m = metrics(builds, project, edition, script)
    assert m.last_lines >= ENOUGH.get(project, (20, 10))[1]
    assert m.short_last_lines == []
    assert m.longest_hyphen_run <= HYPHEN_RUN
    assert m.page_break_hyphens == []


def test_large_print_is_not_set_tighter(builds):
    # the negative word spacing of justified text is not for ragged large print: its spaces are the font's
    import pdfplumber

    output, stem = builds["default"]
    with pdfplumber.open(str(output / f"{stem}-large.pdf")) as pdf:
        page = pm._reading_order(pdf)[1]
        lines = pm._lines(page, 2, pm._margin_baselines([page]))
    gaps = [gap / normal for line in lines for gap, normal in pm._words_and_spaces(line.chars)]
    assert gaps and min(gaps) > 0.97


# ---- part 2: a number or an abbreviation stays with its suffix after a hyphen ----------------------------

BOUND = ("168-ші", "168-ден", "46-сессиясында", "20-пунктті", "БҰҰ-ның")


def _line_texts(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [line for page in pdf.pages for line in (page.extract_text() or "").split("\n")]


@pytest.mark.parametrize("suffix", ("", "-booklet", "-large"))
def test_print_binds_suffixes_with_a_no_break_hyphen(builds, suffix):
    output, stem = builds["default"]
    lines = _line_texts(output / f"{stem}{suffix}.pdf")
    text = "\n".join(lines)
    for word in BOUND:  # whole on a line; read as typed, with a hyphen (the no-break one is drawn: pdftags.py)
        assert word in text.replace("\u00ad", ""), word
    # no line ends at such a hyphen: «168-» / «ші»
    assert not [line for line in lines if re.search(r"(\d|[А-ЯӘҒҚҢӨҰҮҺІ]{2})[-\u2011\u2010]$", line)]


def test_the_fonts_have_the_no_break_hyphen():
    import uharfbuzz as hb

    for font in sorted((ROOT / "styles" / "fonts").glob("*.ttf")):
        assert hb.Font(hb.Face(hb.Blob.from_file_path(str(font)))).get_nominal_glyph(0x2011), font.name


def test_ebook_and_web_page_keep_the_authors_hyphen_in_a_span_that_does_not_wrap(builds):
    output, stem = builds["default"]
    article = epub_files(output / f"{stem}.epub")["EPUB/article.xhtml"].decode("utf-8")
    page = (output / "html" / "index.html").read_text(encoding="utf-8")
    for document in (article, page):
        assert "\u2011" not in document  # a reader searching «168-ші» finds it
        assert '<span style="white-space: nowrap">168-ші</span>' in document
        # the abbreviation is a marked term: its suffix's span starts at the hyphen
        assert re.search(r'БҰҰ(?:</\w+>)+<span style="white-space: nowrap">-ның</span>', document)
