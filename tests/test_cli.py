"""The command line's contract: help with examples for every command, exit statuses, plain output in pipes."""
from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, run_cli


@pytest.mark.parametrize("command", [[], ["build"], ["check"], ["serve"], ["new"]])
def test_every_command_has_help_with_examples(command):
    result = run_cli(*command, "--help")
    assert result.returncode == 0
    assert "Examples:" in result.stdout and "python build.py" in result.stdout


def test_main_help_documents_exit_status_and_options():
    text = run_cli("--help").stdout
    assert "Exit status: 0 success, 1 problem in the sources or the build, 2 usage or internal error" in text
    for option in ("--source", "--output", "--only", "--force", "--quiet", "--verbose", "--line-numbers", "--archival"):
        assert option in text


def test_usage_errors_exit_2_without_traceback(tmp_path):
    result = run_cli("--no-such-option")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    for command in ([], ["build"]):
        only = run_cli(*command, "--source", str(FIXTURES / "mini"), "--output", str(tmp_path), "--only", "pdff")
        assert only.returncode == 2 and "Traceback" not in only.stderr
        assert only.stderr.strip().endswith("Invalid value for '--only': unknown output 'pdff' (choose from pdf, "
                                            "booklet, large, epub, kepub, html, worksheet)"), only.stderr
        assert not any(tmp_path.iterdir()), "nothing built"
    # a fault-finding pass: `--only ""` built everything, `--script arab` was a source problem (exit 1)
    for option, value, said in (("--only", "", "it names no output"), ("--only", ",", "it names no output"),
                                ("--script", "arab", "no language kitap knows is printed in 'arab' (choose from cyrl, latn)")):
        wrong = run_cli("--source", str(FIXTURES / "mini"), "--output", str(tmp_path), option, value)
        assert wrong.returncode == 2 and f"Invalid value for '{option}': {said}" in wrong.stderr, wrong.stderr
        assert not any(tmp_path.iterdir()), "nothing built"


def test_pipes_get_plain_lines_and_quiet_prints_nothing(tmp_path):
    loud = run_cli("--source", str(FIXTURES / "mini"), "--output", str(tmp_path / "a"), "--only", "epub", "--verbose")
    assert "\x1b[" not in loud.stdout + loud.stderr, "no colour codes outside a terminal"
    assert re.search(r"mini\.epub\s+\d+ KB", loud.stdout)
    for stage in ("load", "transforms", "layout", "epub write"):
        assert re.search(rf"^{stage}\s+\d+\.\d\d s$", loud.stdout, re.M), stage
    quiet = run_cli("--source", str(FIXTURES / "mini"), "--output", str(tmp_path / "b"), "--only", "epub", "--quiet")
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""


def test_new_project_builds_at_once(tmp_path):
    folder = tmp_path / "abai"
    created = run_cli("new", str(folder), "--title", "Абай жолы", "--author", "Мұхтар Әуезов")
    assert created.returncode == 0
    assert {p.name for p in folder.iterdir()} == {"book.yaml", "article.txt", "annotations.yaml", "glossary.yaml", "chronology.yaml"}
    built = run_cli("--source", str(folder), "--output", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"abai.pdf", "abai.epub", "abai-booklet.pdf", "abai-large.pdf", "html"}
    again = run_cli("new", str(folder))
    assert again.returncode == 1 and "not empty" in again.stderr
