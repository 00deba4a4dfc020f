"""A booklet thicker than one saddle-stitched signature holds (40 A5 pages) is printed in several, each
imposed on its own, with a note for the print shop (kitap/writers/booklet.py)."""
from __future__ import annotations

import pdfplumber
import pytest

from kitap.writers.booklet import MAX_SIGNATURE, impose_signatures, print_shop_note, signatures


@pytest.mark.parametrize("pages, sizes", [
    (1, [1]), (40, [40]), (41, [24, 17]), (79, [40, 39]), (80, [40, 40]), (81, [28, 28, 25]), (120, [40, 40, 40]),
    (200, [40, 40, 40, 40, 40]), (201, [36, 36, 36, 32, 32, 29]),
])
def test_signatures_are_as_few_and_even_as_whole_sheets_allow(pages, sizes):
    parts = signatures(pages)
    assert [len(p) for p in parts] == sizes
    assert parts[0].start == 0 and parts[-1].stop == pages
    assert all(a.stop == b.start for a, b in zip(parts, parts[1:]))
    assert all(len(p) % 4 == 0 for p in parts[:-1]), "every signature but the last is whole sheets"
    assert all(len(p) <= MAX_SIGNATURE for p in parts)


def test_no_signature_holds_more_than_forty_pages_of_sheets():
    for pages in range(1, 400):
        parts = signatures(pages)
        assert all(-(-len(p) // 4) * 4 <= MAX_SIGNATURE for p in parts), pages
        assert len(parts) == -(-(-(-pages // 4) * 4) // MAX_SIGNATURE)


def _numbered_a5(count: int) -> bytes:
    from weasyprint import HTML

    pages = "".join(f'<p style="break-after: page; font-size: 40pt">P{n}</p>' for n in range(1, count + 1))
    return HTML(string=f"<style>@page {{ size: A5; margin: 2cm }}</style>{pages}").write_pdf()


def _sides(data: bytes, tmp_path) -> list[list[str]]:
    """The page labels on each imposed side, left to right."""
    path = tmp_path / "imposed.pdf"
    path.write_bytes(data)
    sides = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = sorted(page.extract_words(), key=lambda w: w["x0"])
            sides.append([w["text"] for w in words if w["text"].startswith("P")])
    return sides


def test_each_signature_is_imposed_on_its_own_for_saddle_stitching(tmp_path):
    data, parts = impose_signatures(_numbered_a5(50))
    assert [(p.start, p.stop) for p in parts] == [(0, 28), (28, 50)]
    sides = _sides(data, tmp_path)
    assert len(sides) == 2 * (7 + 6)  # 7 sheets, then 6 (2 pages left blank), both sides each
    # First sheet of each signature: its last and first pages outside, its second and second-to-last inside.
    assert sides[0] == ["P28", "P1"] and sides[1] == ["P2", "P27"]
    assert sides[14] == ["P29"] and sides[15] == ["P30"], "the 2nd signature's outer sheet: its blank last pages"
    assert sides[16] == ["P50", "P31"]
    printed = sorted(int(label[1:]) for side in sides for label in side)
    assert printed == list(range(1, 51)), "every page once, none lost"
    for side in sides[:14]:
        assert all(int(label[1:]) <= 28 for label in side), "signature 1 holds only pages 1–28"


def test_one_signature_is_the_plain_saddle_booklet(tmp_path):
    from kitap.writers.booklet import impose_saddle

    a5 = _numbered_a5(12)
    data, parts = impose_signatures(a5)
    assert len(parts) == 1 and data == impose_saddle(a5)


def test_print_shop_note_lists_signatures_and_sheets():
    from kitap.languages import pack_for

    parts = signatures(95)
    note = print_shop_note(pack_for("kk").labels, "pack-booklet.pdf", 95, parts)
    assert note.startswith("pack-booklet.pdf: A5 кітапша, 95 бет, 3 дәптер")
    assert "1-дәптер: 1–32 беттер, A4 парақтар 1–8." in note
    assert "3-дәптер: 65–95 беттер, A4 парақтар 17–24." in note
    assert "қысқа жиегі" in note
    russian = print_shop_note(pack_for("ru").labels, "pack-booklet.pdf", 95, parts)
    assert "Тетрадь 2: страницы 33–64, листы A4 9–16." in russian


def test_a_thick_booklet_is_built_in_signatures_with_the_note_beside_it(tmp_path):
    """The real build: a text long enough for more than 40 A5 pages."""
    import shutil

    import pikepdf

    from conftest import FIXTURES, run_cli

    project = tmp_path / "long"
    shutil.copytree(FIXTURES / "mini", project)
    corpus = sorted((FIXTURES.parent / "corpus" / "kk").glob("*.txt"))
    paragraphs = [line for path in corpus for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 200]
    (project / "article.txt").write_text("\n".join(paragraphs * 7) + "\n", encoding="utf-8")
    for name in ("annotations.yaml", "chronology.yaml", "glossary.yaml"):
        (project / name).unlink(missing_ok=True)
    result = run_cli("--source", str(project), "--output", str(tmp_path / "out"), "--only", "booklet")
    assert result.returncode == 0, result.stderr
    imposed = tmp_path / "out" / "mini-booklet.pdf"
    note = (tmp_path / "out" / "mini-booklet-print-shop.txt").read_text(encoding="utf-8")
    pages = int(result.stdout.split(" A5 pages")[0].split()[-1])
    assert pages > MAX_SIGNATURE and "signatures" in result.stdout
    parts = signatures(pages)
    assert f"{len(parts)} дәптер" in note
    with pikepdf.open(imposed) as pdf:
        assert len(pdf.pages) == 2 * sum(-(-len(p) // 4) for p in parts)
