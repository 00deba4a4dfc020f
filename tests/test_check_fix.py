"""`check --fix`: only the safe fixes, a backup, an atomic write, everything else byte for byte."""
from __future__ import annotations

import codecs
import random

import pytest

from kitap.check.fix import fix_project
from kitap.errors import KitapError
from kitap.load import load_project
from test_check_cli import run_check
from test_check_fixtures import make_project, raw_seed_project

DIRTY = ("Ќазаќстан  БҰҰ мүшесі бoлды.Бұл \u0425V\u0406\u0406\u0406 ғасырдан бері қуатттан бас тартқан United Nаtions\n"
         "Његош је писао о љубави.\n")
CLEAN = ("Қазақстан БҰҰ мүшесі болды. Бұл XVIII ғасырдан бері қуатттан бас тартқан United Nаtions.\n"
         "Његош је писао о љубави.\n")


def test_fix_applies_only_the_safe_fixes_and_keeps_a_backup(tmp_path):
    root = make_project(tmp_path, DIRTY)
    report = fix_project(root)
    assert (root / "article.txt").read_text(encoding="utf-8") == CLEAN
    # tripled letters, a Cyrillic letter in a Latin word, and Serbian stay as they were
    assert report.backup == root / "article.txt.bak" and report.backup.read_text(encoding="utf-8") == DIRTY
    assert sorted(f.rule for f in report.applied) == ["double-space", "font-hack", "mixed-script", "paragraph-end",
                                                      "roman-cyrillic", "space-after-punct"]
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == [], "no temporary file left"


def test_a_second_fix_changes_nothing(tmp_path):
    root = make_project(tmp_path, DIRTY)
    fix_project(root)
    fixed = (root / "article.txt").read_bytes()
    report = fix_project(root)
    assert report.applied == [] and report.backup is None
    assert (root / "article.txt").read_bytes() == fixed
    assert not (root / "article.txt.bak-1").exists()


def test_bom_and_windows_line_ends_are_kept(tmp_path):
    root = make_project(tmp_path, "")
    original = codecs.BOM_UTF8 + "Бірінші  жол бар.\r\nЕкінші жол.Үшінші сөйлем\r\n\r\nТөртінші жол\r\n".encode("utf-8")
    (root / "article.txt").write_bytes(original)
    fix_project(root)
    assert (root / "article.txt").read_bytes() == codecs.BOM_UTF8 + (
        "Бірінші жол бар.\r\nЕкінші жол. Үшінші сөйлем\r\n\r\nТөртінші жол\r\n".encode("utf-8"))
    assert (root / "article.txt.bak").read_bytes() == original


@pytest.mark.parametrize("breaks", [("\r\n", "\r"), ("\r", "\r")], ids=["crlf-with-a-lone-cr", "old-mac"])
def test_a_correction_is_recorded_at_the_line_the_build_reads_with_a_lone_carriage_return(tmp_path, breaks):
    """A lone CR is a line break to the loader; editorial.yaml had counted lines by LF only, so the build
    after the fix refused the project (its correction was «not on line 3»)."""
    from conftest import build_into

    usual, lone = breaks
    root = make_project(tmp_path, "")
    lines = ["Бірінші жол бар.", "Екінші жол бар.", "Үшінші жол бар.", "Төртінші жол білген.Бірқатар сөз бар."]
    (root / "article.txt").write_bytes((lines[0] + usual + lines[1] + lone + lines[2] + usual + lines[3] + usual).encode())
    fix_project(root)
    assert "line: 4" in (root / "editorial.yaml").read_text(encoding="utf-8")
    assert (build_into(root, tmp_path / "out", "--only", "html") / "html" / "index.html").is_file()


def test_an_existing_backup_is_kept(tmp_path):
    root = make_project(tmp_path, "Бірінші  жол\n")
    (root / "article.txt.bak").write_text("an older backup", encoding="utf-8")
    report = fix_project(root)
    assert report.backup.name == "article.txt.bak-1"
    assert (root / "article.txt.bak").read_text(encoding="utf-8") == "an older backup"


def test_nothing_is_written_when_the_project_does_not_load(tmp_path):
    root = make_project(tmp_path, DIRTY, glossary="- term: [\n")
    with pytest.raises(KitapError):
        fix_project(root)
    assert (root / "article.txt").read_text(encoding="utf-8") == DIRTY
    assert not (root / "article.txt.bak").exists()


def test_fix_on_the_seed_as_received(tmp_path):
    root = raw_seed_project(tmp_path)
    before = (root / "article.txt").read_text(encoding="utf-8").split("\n")
    fix_project(root)
    after = (root / "article.txt").read_text(encoding="utf-8").split("\n")
    changed = {number: (old, new) for number, (old, new) in enumerate(zip(before, after), start=1) if old != new}
    lost_stops = {number for number, line in enumerate(before, start=1) if line.rstrip()[-1:].isalpha()
                  and len(line.split()) > 3}
    assert len(lost_stops) == 30 and sorted(changed) == sorted(lost_stops | {40})
    assert changed[25][1] == changed[25][0].replace("\u0425V\u0406\u0406\u0406", "XVIII") + "."
    assert changed[40][1] == changed[40][0].replace("қуатталды.Әлемдік", "қуатталды. Әлемдік")
    assert all(new == old.rstrip() + "." for number, (old, new) in changed.items() if number not in (25, 40))
    assert "қуатттан" in after[4], "a tripled letter is reported, never fixed"
    assert "Сайын БОРБАСОВ" in after[-4] and after[-2] == "профессор", "a byline is no running text"
    recorded = (root / "editorial.yaml").read_text(encoding="utf-8")
    assert recorded.count("  - line:") == 32
    assert 'original: "\u0425V\u0406\u0406\u0406"\n    corrected: "XVIII"' in recorded
    assert '  - line: 40\n    original: "қуатталды.Әлемдік"\n    corrected: "қуатталды. Әлемдік"' in recorded
    load_project(root)  # the loader finds every corrected text on its line


def test_the_command_reports_each_fix_then_checks_again(tmp_path, monkeypatch):
    make_project(tmp_path, "Ќазаќстан  тәуелсіз ел\n")
    result = run_check("--source", "project", "--fix", cwd=tmp_path, monkeypatch=monkeypatch)
    lines = result.out.splitlines()
    assert "project/article.txt:1:1: fixed: «Ќазаќстан» is in a legacy Kazakh font encoding (ќ for қ); it reads " \
           "«Қазақстан» (`check --fix` converts it) [font-hack]" in lines
    assert "project/article.txt:1:10: fixed: 2 spaces in a row; one is enough [double-space]" in lines
    assert "2 fixes applied to project/article.txt; the original is kept as project/article.txt.bak" in lines
    assert "0 errors, 0 warnings" in lines and result.code == 0
    again = run_check("--source", "project", "--fix", cwd=tmp_path, monkeypatch=monkeypatch)
    assert "nothing to fix in project/article.txt" in again.out.splitlines()


def test_dirty_random_text_fixes_in_one_run(tmp_path):
    """Whatever the mixture of alphabets, legacy letters and punctuation, a second --fix has nothing to do."""
    pieces = list("абқұңғәүөһіыАБҚҰІХМСaeopcxyihKMTXVIəЌќђњѓѕџљћјЈ  ..,!?«»()[]\"-0123456789\u00a0\t") + [
        "\n", "\r\n", " жылы ", "1992 жылдың 5 қазанында", "БҰҰ-ның", "Н.Назарбаев", "қуатттан"]
    generator = random.Random(5)
    for number in range(150):
        root = make_project(tmp_path / str(number), "Сөз " + "".join(generator.choices(pieces, k=generator.randint(1, 100))))
        fix_project(root)
        assert fix_project(root).applied == [], (root / "article.txt").read_text(encoding="utf-8")
