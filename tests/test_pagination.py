"""After the layout: no word hyphenated across a page break, no footnote on a later page than its call,
in every print edition of both scripts (the layout is mended and made again: writers/pagination.py)."""
from __future__ import annotations

import pytest

from conftest import ROOT

EDITIONS = ("cyrl", "latn")
VARIANTS = ("pdf", "booklet", "large")


@pytest.fixture(scope="module")
def books():
    from kitap.load import load_project
    from kitap.pipeline import editions_of
    from kitap.transforms import apply_transforms

    return dict(zip(EDITIONS, editions_of(apply_transforms(load_project(ROOT / "source")), EDITIONS)))


@pytest.mark.parametrize("script", EDITIONS)
@pytest.mark.parametrize("variant", VARIANTS)
def test_no_split_word_and_no_late_note(books, script, variant):
    from kitap.writers.pagination import problems
    from kitap.writers.pdf import VARIANTS as PRINT, _render, lay_out, text_page
    from kitap.timing import NULL

    book = books[script]
    layout = lay_out(book, PRINT[variant])
    assert not problems(layout.text) and not problems(layout.appendices)
    first = problems(_render(book, text_page((PRINT[variant].stylesheet,) if PRINT[variant].stylesheet else ()),
                             NULL, None))
    if variant == "large":  # (large print splits no word: it has no soft hyphens)
        assert not first.split_words


@pytest.mark.parametrize("script, variant", [("cyrl", "booklet"), ("latn", "pdf"), ("latn", "large")])
def test_the_mending_brings_back_notes_the_style_alone_would_leave_late(books, script, variant, monkeypatch):
    """The notes' `footnote-policy: line` (styles/print.css) keeps the default project's notes with their
    calls from the first layout; without it WeasyPrint sets some on the page after their call, and the
    mending (writers/pagination.py: a note marked keep-with-call, else its paragraph on a new page) brings
    each back."""
    from weasyprint import CSS

    import kitap.writers.pdf as pdf
    from kitap.timing import NULL
    from kitap.writers.pagination import problems

    original = pdf._stylesheets
    monkeypatch.setattr(pdf, "_stylesheets",
                        lambda names: [*original(names), CSS(string=".footnote { footnote-policy: auto }")])
    book = books[script]
    page = pdf.text_page((pdf.VARIANTS[variant].stylesheet,) if pdf.VARIANTS[variant].stylesheet else ())
    assert problems(pdf._render(book, page, NULL, None)).late_notes
    assert not problems(pdf._mended(book, page, NULL, None))


def test_pdf_pages_never_end_inside_a_word(tmp_path):
    """Read back from the PDF: no page's last text line ends with the hyphen a line break adds (U+2010)."""
    import pdfplumber

    from conftest import run_cli

    result = run_cli("--source", str(ROOT / "source"), "--output", str(tmp_path), "--script", "latn", "--only", "large")
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(tmp_path / "kazakhstan-un-latn-large.pdf") as pdf:
        for page in pdf.pages[:-1]:
            body = [c for c in page.chars if c["size"] >= 17]  # the text, not notes, heads or numbers
            last = max(body, key=lambda c: (round(c["top"]), c["x0"]))
            assert last["text"] != "\u2010", f"page {page.page_number} ends inside a word"
