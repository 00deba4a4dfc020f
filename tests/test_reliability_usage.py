"""Issue 13, parts 5 and 9: `new` writes YAML that reads back exactly, long titles fit the cover, the
line-break cache keeps no paragraph text (its memory grows with a paragraph's length, not its square)."""
from __future__ import annotations

import pytest
from lxml import etree

from conftest import needs_speedups, NS, epub_files, run_cli


@pytest.mark.parametrize("title", ["Жоба\\q", 'Абай "жолы"', "Backslash \\ and 'apostrophe'", "Соңы: # емес"])
def test_new_writes_a_book_yaml_that_reads_back_exactly(tmp_path, title):
    folder = tmp_path / "p"
    assert run_cli("new", str(folder), "--title", title, "--author", 'Мұхтар "М." Әуезов').returncode == 0
    book = (folder / "book.yaml").read_text(encoding="utf-8")
    assert "# The book's details." in book and "# keep it: e-readers recognise the book by it" in book
    built = run_cli("--source", str(folder), "--output", str(tmp_path / "out"), "--only", "epub")
    assert built.returncode == 0, built.stderr
    opf = etree.fromstring(epub_files(tmp_path / "out" / "p.epub")["EPUB/content.opf"])
    assert opf.xpath("//dc:title/text()", namespaces=NS) == [title]
    assert opf.xpath("//dc:creator/text()", namespaces=NS) == ['Мұхтар "М." Әуезов']


def test_new_refuses_a_title_the_loader_would_refuse_as_wrong_usage(tmp_path):
    for title in ("A\aB", "Ұ" * 301, "שלום"):
        result = run_cli("new", str(tmp_path / "p"), "--title", title)
        assert result.returncode == 2 and "Invalid value for '--title'" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "p").exists()


@pytest.mark.parametrize("title", ["Ұзын " * 60, "Ұзынсөз" * 42, "Қысқа"])
def test_the_cover_sets_any_accepted_title_in_its_space(title):
    import io

    from PIL import Image

    from kitap.model import Meta
    from kitap.writers import cover

    meta = Meta(name="x", title=title.strip()[:300], author="Автор " * 33, language="kk", identifier="x",
                subtitle="Тақырыпша " * 30, credentials="Профессор " * 20)
    image = Image.open(io.BytesIO(cover.cover_png(meta)))
    assert image.size == (cover.WIDTH, cover.HEIGHT)
    ink = image.point(lambda v: 255 if v < 128 else 0)
    assert ink.crop((0, cover.TOP, cover.WIDTH, cover.TOP + 80)).getbbox(), "the title is drawn"
    gap = (0, cover.AUTHOR_TOP - 90, cover.WIDTH, cover.AUTHOR_TOP - 52)
    assert ink.crop(gap).getbbox() is None, "the title stays above the author's rule"
    assert ink.crop((0, 0, cover.MARGIN - 5, cover.HEIGHT)).getbbox() is None, "nothing in the left margin"
    assert ink.crop((cover.WIDTH - cover.MARGIN + 5, 0, cover.WIDTH, cover.HEIGHT)).getbbox() is None


@needs_speedups
def test_the_line_break_cache_keeps_no_paragraph_text(monkeypatch):
    from contextlib import contextmanager

    from kitap.load import load_project
    from kitap.transforms import apply_transforms
    from kitap.writers import pdf
    from kitap.weasy.linebreaks import ENDS, remembered_lines

    from conftest import FIXTURES

    book = load_project(FIXTURES / "mini")
    text = " ".join(["Қазақстан Республикасы тәуелсіздік алды және әлемдік қауымдастыққа енді."] * 300)
    book.blocks[0].children[0].text = text
    book.annotations, book.chronology = [], []
    book = apply_transforms(book)
    seen = []

    @contextmanager
    def watched():
        with remembered_lines() as memory:
            yield memory
            seen.append([(key, value) for key, value in memory.items()])

    monkeypatch.setattr(pdf, "remembered_lines", watched)
    pdf.lay_out(book, pdf.A4)
    entries = seen[0]
    assert len(entries) > 100
    assert not [key for key, _ in entries if any(isinstance(part, str) for part in key)], "no text in a key"
    kept = sum(len(part) for _, value in entries for part in value[3])
    assert kept <= 2 * ENDS * len(entries)
    assert sum(len(getattr(value[0], "text", "")) for _, value in entries) < 4 * len(text), "lines, not the rest"
