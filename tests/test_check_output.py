"""How findings are shown: file-wide summaries, grouping by paragraph on a terminal, JSON, --verbose."""
from __future__ import annotations

import json

from click.testing import CliRunner

from kitap.check import check_report
from kitap.check.cli import check_command, print_report
from test_check_cli import LINE
from test_check_fixtures import make_project

HACKED = "".join(f"Ќазаќстан {n}-ші ќадамын жасады, ќоѓам ќуанды.\n" for n in range(1, 13))


def test_a_file_wide_problem_is_one_finding_with_the_count_and_the_fix(tmp_path):
    root = make_project(tmp_path, HACKED)
    result = CliRunner().invoke(check_command, ["--source", str(root)])
    lines = [line for line in result.stdout.splitlines() if LINE.match(line)]
    (summary,) = [line for line in lines if line.endswith("[font-hack]")]
    assert ": error: 48 words are in a legacy Kazakh font encoding (lines 1, 2, 3, 4, 5, 6, 7, 8, …); " \
           "`check --fix` fixes them all (`--verbose` lists each) [font-hack]" in summary
    assert "48 errors," in result.stdout and result.exit_code == 1
    verbose = CliRunner().invoke(check_command, ["--source", str(root), "--verbose"])
    assert sum(line.endswith("[font-hack]") for line in verbose.stdout.splitlines()) == 48


def test_on_a_terminal_findings_are_grouped_by_paragraph(tmp_path, capsys):
    root = make_project(tmp_path, "Қазақстан  тәуелсіз ел болды.\nЕкінші  жол қуатттан бас тартты.\n")
    print_report(check_report(root), terminal=True)
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("project/article.txt")
    assert out[1] == "  line 1  «Қазақстан тәуелсіз ел болды.»"
    assert out[2] == "    1:10  warning: 2 spaces in a row; one is enough  [double-space]"
    assert out[3] == "  line 2  «Екінші жол қуатттан бас тартты.»"
    assert out[4].startswith("    2:7  warning: 2 spaces") and out[5].startswith("    2:16  warning: «қуатттан»: the")


def test_json_for_tools(tmp_path):
    root = make_project(tmp_path, "Қазақстан  тәуелсіз ел болды.\n")
    result = CliRunner().invoke(check_command, ["--source", str(root), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["errors"] == 0 and data["warnings"] == 1 and data["notes"] == []
    assert data["findings"] == [{"path": data["findings"][0]["path"], "line": 1, "col": 10, "severity": "warning",
                                 "rule": "double-space", "message": "2 spaces in a row; one is enough",
                                 "fixable": True, "count": 1}]
    assert data["findings"][0]["path"].endswith("project/article.txt")


def test_json_for_tools_when_a_file_does_not_load(tmp_path):
    """A fault-finding pass: with a YAML mistake, `--format json` wrote nothing on stdout (the message on
    stderr only), so a tool had no JSON to read. The loader's errors are findings of rule "source"."""
    from conftest import run_cli

    root = make_project(tmp_path, "Қазақстан тәуелсіз ел болды.\n", glossary='- term: "БҰҰ"\n expansion: x\n')
    result = run_cli("check", "--source", str(root), "--format", "json")
    assert result.returncode == 1 and "glossary.yaml:2:" in result.stderr
    data = json.loads(result.stdout)
    assert data["errors"] == 1 and data["findings"][0]["rule"] == "source" and data["findings"][0]["line"] == 2
    assert data["findings"][0]["path"].endswith("project/glossary.yaml")
