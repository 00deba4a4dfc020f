"""What a new user meets first: the commands kitap prints work, warnings read one per line, and the
outputs say only what is true (no made-up certifier, no empty column, sheets counted as a print shop does)."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import NS, ROOT, epub_files, run_cli, xhtml

BASE_PYTHON = Path(sys.base_prefix) / "bin" / "python3"


def base_python_lacks_kitaps_dependencies() -> bool:
    probe = subprocess.run([str(BASE_PYTHON), "-c", "import weasyprint, ebooklib"], capture_output=True)
    return probe.returncode != 0


@pytest.mark.skipif(sys.prefix == sys.base_prefix or not BASE_PYTHON.is_file(), reason="tests run outside a venv")
def test_build_py_outside_the_venv_runs_in_the_venv(tmp_path):
    result = subprocess.run([str(BASE_PYTHON), str(ROOT / "build.py"), "--version"], cwd=tmp_path,
                            capture_output=True, text=True, env={k: v for k, v in os.environ.items() if k != "KITAP_REEXEC"})
    assert result.returncode == 0 and "kitap, version" in result.stdout, result.stderr


@pytest.mark.skipif(not BASE_PYTHON.is_file() or not base_python_lacks_kitaps_dependencies(),
                    reason="the base Python has kitap's dependencies")
def test_without_a_venv_build_py_says_how_to_make_one(tmp_path):
    lone = tmp_path / "kitap"
    lone.mkdir()
    (lone / "build.py").write_text((ROOT / "build.py").read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run([str(BASE_PYTHON), "build.py", "--version"], cwd=lone, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "kitap's dependencies are not installed for this Python" in result.stderr
    assert "Run `make` once in ." in result.stderr and "`./.venv/bin/python build.py --version`" in result.stderr


def test_new_prints_a_command_that_works(tmp_path):
    folder = tmp_path / "жаңа жоба"
    result = run_cli("new", str(folder), "--title", "Жаңа жоба", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    command = result.stdout.strip().splitlines()[-1]
    assert command.startswith("next: ")
    built = subprocess.run(shlex.split(command[len("next: "):]), cwd=tmp_path, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert (folder / "output" / "zhana-zhoba.epub").is_file() or list((folder / "output").glob("*.epub"))


def test_warnings_in_a_pipe_are_one_line_each_with_one_severity(project, tmp_path):
    long_word = "Ұзақ-сөйлем " * 12
    (project / "article.txt").write_text(f"ЮНЕСКО туралы {long_word}мәтін.\n", encoding="utf-8")
    (project / "annotations.yaml").write_text("", encoding="utf-8")
    (project / "chronology.yaml").write_text("", encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(tmp_path / "out"), "--only", "epub")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "ЮНЕСКО" in line]
    assert len(lines) == 1, result.stderr
    assert re.match(rf"{re.escape(str(project / 'article.txt'))}:1:1: warning: abbreviation «ЮНЕСКО» is not in "
                    r"glossary\.yaml; add it with its expansion \[abbr-missing\]$", lines[0]), lines[0]
    assert lines[0].count(": warning: ") == 1 and not lines[0].startswith("warning:")


def test_accessibility_certifier_only_when_named(project, tmp_path):
    def certifiers(folder):
        opf = xhtml(epub_files(folder / "mini.epub")["EPUB/content.opf"])
        return opf.xpath("//opf:meta[@property='a11y:certifiedBy']/text()", namespaces=NS)

    assert run_cli("--source", str(project), "--output", str(tmp_path / "a"), "--only", "epub").returncode == 0
    assert certifiers(tmp_path / "a") == []
    with open(project / "book.yaml", "a", encoding="utf-8") as book:
        book.write('certified_by: "Оқу-әдістемелік орталығы"\n')
    assert run_cli("--source", str(project), "--output", str(tmp_path / "b"), "--only", "epub").returncode == 0
    assert certifiers(tmp_path / "b") == ["Оқу-әдістемелік орталығы"]


def test_chronology_has_no_in_the_text_column_without_linked_events(project, tmp_path):
    from conftest import read_pdf

    (project / "chronology.yaml").write_text('- date: "1991"\n  event: "Тәуелсіздік."\n', encoding="utf-8")
    assert run_cli("--source", str(project), "--output", str(tmp_path / "out"), "--only", "pdf,epub").returncode == 0
    chronology = xhtml(epub_files(tmp_path / "out" / "mini.epub")["EPUB/chronology.xhtml"])
    assert chronology.xpath("count(//x:th)", namespaces=NS) == 2
    assert not chronology.xpath("//*[contains(@class, 'where')]", namespaces=NS)
    text = " ".join(page.body for page in read_pdf(tmp_path / "out" / "mini.pdf"))
    chronology_text = text[text.index("Оқиғалар хронологиясы"):text.index("Басылым туралы")]
    assert "Тәуелсіздік" in chronology_text and "Мәтінде" not in chronology_text


def test_the_booklet_is_counted_in_a5_pages_and_sheets(project, tmp_path):
    result = run_cli("--source", str(project), "--output", str(tmp_path / "out"), "--only", "booklet")
    assert result.returncode == 0, result.stderr
    line = [l for l in result.stdout.splitlines() if "booklet" in l][0]
    pages = int(re.search(r"(\d+) A5 pages?, (\d+) sheets?", line)[1])
    sheets = int(re.search(r"(\d+) A5 pages?, (\d+) sheets?", line)[2])
    assert sheets == -(-pages // 4)
