"""Issue 13, part 4 (and the stamp of part 9): the build opens exactly the project files it reads,
after the loader's checks; unreadable files get a clear message; a damaged stamp counts as none.

Which files a process opens is recorded by a Python audit hook ("open" events: built-in open and
os.open alike) in a real `build.py` process.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli

RECORD = """
import json, sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
sys.argv = ["build.py"] + sys.argv[2:]
from kitap import cli
code = 0
try:
    cli._run()
except SystemExit as end:
    code = end.code or 0
import os
with open(os.environ["KITAP_RECORD"], "w") as record:
    json.dump({"code": code, "opened": opened}, record)
"""


def run_recorded(tmp_path, *args) -> tuple[int, list[str], str]:
    record = tmp_path / "opened.json"
    result = subprocess.run([sys.executable, "-c", RECORD, "-", *args], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "KITAP_RECORD": str(record)}, timeout=300)
    data = json.loads(record.read_text())
    return data["code"], data["opened"], result.stderr


def test_a_link_out_of_the_project_is_refused_before_it_is_opened(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("ҚҰПИЯ\n", encoding="utf-8")
    (project / "article.txt").unlink()
    (project / "article.txt").symlink_to(secret)
    for args in (["--source", str(project), "--output", str(tmp_path / "o"), "--jobs", "1"],
                 ["check", "--source", str(project)]):
        code, opened, stderr = run_recorded(tmp_path, *args)
        assert code == 1 and f"{project / 'article.txt'}: this file is a link to {secret}, outside the project" in stderr
        assert not [p for p in opened if p.endswith("secret.txt") or p.endswith("/article.txt")], opened


def test_files_no_source_names_are_never_opened(project, tmp_path):
    outside = tmp_path / "big-outside.bin"
    with open(outside, "wb") as handle:
        handle.truncate(1 << 30)  # a sparse 1 GiB file: reading it took 2 GB
    (project / "link-to-big").symlink_to(outside)
    with open(project / "unrelated.dat", "wb") as handle:
        handle.truncate(512 << 20)
    (project / "notes-of-the-editor.txt").write_text("private\n", encoding="utf-8")
    args = ["--source", str(project), "--output", str(tmp_path / "o"), "--only", "epub", "--jobs", "1"]
    for attempt in ("build", "no-op rebuild"):
        code, opened, stderr = run_recorded(tmp_path, *args)
        assert code == 0, stderr
        assert not [p for p in opened if "big" in p or "unrelated" in p or "notes-of-the-editor" in p], attempt
    project_files = {os.path.basename(p) for p in opened if p.startswith(str(project))}
    assert project_files == {"book.yaml", "article.txt", "annotations.yaml", "glossary.yaml", "chronology.yaml"}


def test_a_declared_article_is_fingerprinted_and_not_rebuilt_for_nothing(project, tmp_path):
    (project / "texts").mkdir()
    (project / "article.txt").rename(project / "texts" / "main.txt")
    with open(project / "book.yaml", "a", encoding="utf-8") as handle:
        handle.write("article: texts/main.txt\n")
    out = tmp_path / "o"
    assert run_cli("--source", str(project), "--output", str(out), "--only", "epub").returncode == 0
    assert "up to date" in run_cli("--source", str(project), "--output", str(out), "--only", "epub").stdout
    stamp = json.loads((out / ".kitap-build.json").read_text())
    assert "texts/main.txt" in stamp["sources"] and "article.md" not in stamp["sources"]
    with open(project / "texts" / "main.txt", "a", encoding="utf-8") as handle:
        handle.write("Жаңа абзац.\n")
    again = run_cli("--source", str(project), "--output", str(out), "--only", "epub")
    assert again.returncode == 0 and "mini.epub" in again.stdout
    (project / "article.md").write_text("Басқа мәтін.\n", encoding="utf-8")  # not read: the article is declared
    assert "up to date" in run_cli("--source", str(project), "--output", str(out), "--only", "epub").stdout


def test_a_new_article_candidate_is_noticed(project, tmp_path):
    out = tmp_path / "o"
    assert run_cli("--source", str(project), "--output", str(out), "--only", "epub").returncode == 0
    (project / "article.md").write_text("Басқа мәтін.\n", encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(out), "--only", "epub")
    assert result.returncode == 1 and "both article.md and article.txt exist" in result.stderr


SETPRIV = shutil.which("setpriv")


def run_without_privileges(*args) -> subprocess.CompletedProcess:
    """The CLI as a user who cannot read what is not readable (root without its read-anything capability)."""
    prefix = [SETPRIV, "--bounding-set", "-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


@pytest.mark.skipif(os.geteuid() == 0 and SETPRIV is None, reason="root without setpriv reads every file")
def test_an_unreadable_source_is_a_clear_message_in_build_and_check(project, tmp_path):
    (project / "glossary.yaml").chmod(0)
    expected = f"{project / 'glossary.yaml'}: cannot read this file: permission denied (make it readable"
    for args in (["--source", str(project), "--output", str(tmp_path / "o")], ["check", "--source", str(project)]):
        result = run_without_privileges(*args)
        assert result.returncode == 1 and result.stderr.startswith(expected), result.stderr
    (project / "glossary.yaml").chmod(0o644)
    (project / "private.txt").write_text("x", encoding="utf-8")
    (project / "private.txt").chmod(0)  # not a source: never read, so no problem
    result = run_without_privileges("--source", str(project), "--output", str(tmp_path / "o2"), "--only", "epub")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("stamp", ['{"epub": "x"}', "[1, 2, 3]", '{"sources": "book.yaml"}', '{"epub": {"inputs": 1}}',
                                   '{"sources": ["../../../etc/passwd"]}', "not json", '{"epub": {"inputs": "a", '
                                   '"files": {"../x": "y"}}}'])
def test_a_damaged_stamp_counts_as_none(project, tmp_path, stamp):
    from kitap.pipeline import build

    out = tmp_path / "o"
    out.mkdir()
    (out / ".kitap-build.json").write_text(stamp, encoding="utf-8")
    report = build(project, out, ("epub",))
    assert [o.kind for o in report.outputs] == ["epub"]
    assert build(project, out, ("epub",)).unchanged == ("epub",), "the new stamp is sound"
