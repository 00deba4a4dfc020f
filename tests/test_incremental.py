"""Rebuilds: nothing changed → nothing built (and WeasyPrint not even imported); what changed is rebuilt;
several projects at once."""
from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import FIXTURES, ROOT, run_cli


def _state(folder):
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*") if p.is_file()}


def test_unchanged_project_is_not_rebuilt_and_weasyprint_is_not_loaded(project, tmp_path):
    out = tmp_path / "out"
    assert run_cli("--source", str(project), "--output", str(out)).returncode == 0
    before = _state(out)
    again = subprocess.run([sys.executable, "-X", "importtime", str(ROOT / "build.py"), "--source", str(project),
                            "--output", str(out)], capture_output=True, text=True)
    assert again.returncode == 0
    assert "up to date" in again.stdout
    assert "weasyprint" not in again.stderr and "ebooklib" not in again.stderr
    assert _state(out) == before


def test_a_changed_note_rebuilds_and_force_rebuilds_everything(project, tmp_path):
    out = tmp_path / "out"
    run_cli("--source", str(project), "--output", str(out), "--only", "pdf,epub")
    before = _state(out)
    text = (project / "annotations.yaml").read_text(encoding="utf-8")
    (project / "annotations.yaml").write_text(text.replace("46-сессиясында", "қырық алтыншы сессиясында"), encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(out), "--only", "pdf,epub")
    assert result.returncode == 0 and "mini.pdf" in result.stdout and "mini.epub" in result.stdout
    after = _state(out)
    assert after["mini.pdf"][1] != before["mini.pdf"][1] and after["mini.epub"][1] != before["mini.epub"][1]
    forced = run_cli("--source", str(project), "--output", str(out), "--only", "pdf,epub", "--force")
    assert "mini.pdf" in forced.stdout and "up to date" not in forced.stdout


def test_a_deleted_or_edited_output_is_rebuilt_alone(project, tmp_path):
    out = tmp_path / "out"
    run_cli("--source", str(project), "--output", str(out), "--only", "pdf,epub")
    (out / "mini.epub").unlink()
    result = run_cli("--source", str(project), "--output", str(out), "--only", "pdf,epub")
    assert "mini.epub" in result.stdout and "mini.pdf" not in result.stdout
    (out / "mini.pdf").write_bytes(b"damaged")
    result = run_cli("--source", str(project), "--output", str(out), "--only", "pdf,epub")
    assert "mini.pdf" in result.stdout and (out / "mini.pdf").read_bytes().startswith(b"%PDF")


def test_several_projects_build_in_parallel_and_one_failure_does_not_stop_the_others(tmp_path):
    lessons = tmp_path / "lessons"
    for name in ("a", "b", "c"):
        shutil.copytree(FIXTURES / "mini", lessons / name)
    (lessons / "c" / "annotations.yaml").write_text('- anchor: "жоқ сөз"\n  note: "x"\n', encoding="utf-8")
    result = run_cli("--source", str(lessons), "--output", str(tmp_path / "out"), "--only", "pdf")
    assert result.returncode == 1
    assert (tmp_path / "out" / "a" / "mini.pdf").exists() and (tmp_path / "out" / "b" / "mini.pdf").exists()
    assert not (tmp_path / "out" / "c" / "mini.pdf").exists()
    assert f"{lessons / 'c' / 'annotations.yaml'}:1: annotation anchor «жоқ сөз» is not in the article" in result.stderr
    assert "3 projects on" in result.stdout and "1 failed" in result.stdout
    explicit = run_cli("--source", str(lessons / "a"), "--source", str(lessons / "b"), "--output", str(tmp_path / "o2"),
                       "--only", "epub")
    assert explicit.returncode == 0 and (tmp_path / "o2" / "a" / "mini.epub").exists()
