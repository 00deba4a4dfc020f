"""Issue 13, parts 6–8: outputs on another file system, a build killed at any moment of its commit,
the helper process ending with its parent, `serve` surviving any failure of a rebuild."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

import pytest

from conftest import FIXTURES, ROOT, run_cli
from test_errors import snapshot

STAGING = ".kitap-staging-"


@contextmanager
def tmpfs(folder):
    """A real tmpfs mounted on `folder` (root only), unmounted afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_outputs_on_another_file_system_and_under_a_read_only_parent(project, tmp_path):
    with tmpfs(tmp_path / "mnt") as mount:
        result = run_cli("--source", str(project), "--output", str(mount), "--only", "epub,html")
        assert result.returncode == 0, result.stderr  # was: Invalid cross-device link
        assert (mount / "mini.epub").is_file() and (mount / "html" / "index.html").is_file()
        (mount / "out").mkdir()
        with tmpfs(mount / "out") as out:
            subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
            try:
                result = run_cli("--source", str(project), "--output", str(out), "--only", "epub")
                assert result.returncode == 0, result.stderr  # the parent is read-only: staging is inside
                assert (out / "mini.epub").is_file() and not [p for p in out.iterdir() if p.name.startswith(STAGING)]
            finally:
                subprocess.run(["mount", "-o", "remount,rw", str(mount)], capture_output=True)


KILLER = """
import os, signal, sys
from pathlib import Path
from kitap.writers.atomic import commit_outputs
event, at, out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
count = [0]
def hook(name, args):
    if name == event and ".kitap-staging-" in str(args[0]) and not str(args[0]).endswith(".lock"):
        count[0] += 1
        if count[0] == at:
            os.kill(os.getpid(), signal.SIGKILL)
sys.addaudithook(hook)
commit_outputs(out, {"a.pdf": b"new a" * 1000, "html/index.html": b"new page", "b.epub": b"new b", "stamp": b"new"})
"""
OLD = {"a.pdf": b"old a", "html/index.html": b"old page", "b.epub": b"old b", "stamp": b"old"}
NEW = {"a.pdf": b"new a" * 1000, "html/index.html": b"new page", "b.epub": b"new b", "stamp": b"new"}
# Each moment of the commit: before writing each staged file (and the commit list), before each rename,
# before removing the staging folder.
MOMENTS = [("open", n) for n in range(1, 6)] + [("os.rename", n) for n in range(1, 5)] + [("shutil.rmtree", 1)]


@pytest.mark.parametrize("event,at", MOMENTS)
def test_a_commit_killed_at_any_moment_leaves_whole_files_and_the_next_build_completes_or_undoes_it(tmp_path, event, at):
    from kitap.writers.atomic import recover

    out = tmp_path / "out"
    (out / "html").mkdir(parents=True)
    for name, data in OLD.items():
        (out / name).write_bytes(data)
    killed = subprocess.run([sys.executable, "-c", KILLER, event, str(at), str(out)], cwd=ROOT, capture_output=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    files = {name: (out / name).read_bytes() for name in OLD}
    assert all(files[name] in (OLD[name], NEW[name]) for name in OLD), "every file is whole, old or new"
    if files["stamp"] == NEW["stamp"]:
        assert files == NEW, "the stamp is renamed last"
    decided = event != "open"  # the commit list is the fifth file written
    assert files == OLD or decided
    recover(out)
    assert {name: (out / name).read_bytes() for name in OLD} == (NEW if decided else OLD)
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING)], "stale staging removed"


def test_a_build_killed_in_its_commit_is_completed_by_the_next_one(project, tmp_path):
    out = tmp_path / "out"
    assert run_cli("--source", str(project), "--output", str(out), "--only", "epub,html").returncode == 0
    text = (project / "annotations.yaml").read_text(encoding="utf-8")
    (project / "annotations.yaml").write_text(text.replace("46-сессиясында", "қырық алтыншы сессиясында"), encoding="utf-8")
    reference = tmp_path / "reference"
    assert run_cli("--source", str(project), "--output", str(reference), "--only", "epub,html").returncode == 0
    script = ("import os, signal, sys\n"
              "sys.addaudithook(lambda e, a: os.kill(os.getpid(), signal.SIGKILL) "
              "if e == 'os.rename' and '.kitap-staging-' in str(a[0]) else None)\n"
              "sys.argv = ['build.py'] + sys.argv[1:]\nfrom kitap.cli import run\nrun()\n")
    killed = subprocess.run([sys.executable, "-c", script, "--source", str(project), "--output", str(out),
                             "--only", "epub,html", "--jobs", "1"], cwd=ROOT, capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    assert [p for p in out.iterdir() if p.name.startswith(STAGING)], "killed with its commit decided"
    after = run_cli("--source", str(project), "--output", str(out), "--only", "epub,html")
    assert after.returncode == 0 and "up to date" in after.stdout, "the killed build's outputs, completed"
    assert snapshot(out) == snapshot(reference)
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING)]


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(child) for child in handle.read().split()]
    except OSError:
        return []


def _ended(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except OSError:
        return True


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_the_helper_process_ends_when_the_main_process_is_killed(project, tmp_path, how):
    paragraph = " ".join(["Қазақстан Республикасы 1992 жылдың 2 наурызында БҰҰ мүшелігіне қабылданды."] * 1200)
    (project / "article.txt").write_text(paragraph + "\n", encoding="utf-8")  # the helper's large print: seconds
    for name in ("annotations.yaml", "chronology.yaml", "glossary.yaml"):  # anchors would now be ambiguous
        (project / name).unlink()
    main = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--source", str(project), "--output",
                             str(tmp_path / "out"), "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while not _children(main.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    helpers = _children(main.pid)
    assert helpers, "the build forked its helper"
    time.sleep(1.0)  # the helper is at work
    main.send_signal(how)
    main.wait(timeout=10)
    deadline = time.monotonic() + 2
    while not all(map(_ended, helpers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = [pid for pid in helpers if not _ended(pid)]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "the helper outlived the main process"


@pytest.fixture
def server(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--source", str(project),
                                "--port", "0", "--output", str(tmp_path / "preview")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    line = process.stdout.readline()
    assert "http://127.0.0.1:" in line, line + process.stderr.read()
    yield project, line.split("Preview: ")[1].split()[0], process
    process.terminate()
    process.wait(timeout=10)


def _status(url: str) -> dict:
    return json.loads(urllib.request.urlopen(url + "__status", timeout=10).read())


def _wait(condition, timeout=60, write=None):
    """Wait for `condition`; `write()` the change again every few seconds (the watcher starts just after
    the server says where it is, and may miss a change made at once)."""
    deadline = time.monotonic() + timeout
    written = 0.0
    while time.monotonic() < deadline:
        if write and time.monotonic() - written > 5:
            write()
            written = time.monotonic()
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_serve_shows_every_failed_rebuild_and_stays_up(server):
    project, url, process = server
    good = (project / "chronology.yaml").read_text(encoding="utf-8")
    for bad, expected in (("- date: 2026-13-45\n  event: x\n", "chronology.yaml:1: '2026-13-45': month 13 does not exist"),
                          ('- date: "1991"\n  event: "a\\ab"\n', "chronology.yaml:2: invisible control character U+0007")):
        write = lambda text=bad: (project / "chronology.yaml").write_text(text, encoding="utf-8")  # noqa: E731
        assert _wait(lambda: expected in (_status(url)["error"] or ""), write=write), _status(url)
        assert process.poll() is None, "the server is still running"
    write = lambda: (project / "chronology.yaml").write_text(good, encoding="utf-8")  # noqa: E731
    assert _wait(lambda: _status(url)["error"] is None, write=write)
    assert '<html lang="kk"' in urllib.request.urlopen(url, timeout=10).read().decode()


def test_a_bug_in_a_rebuild_is_shown_in_the_banner_not_fatal(project, tmp_path, monkeypatch):
    import kitap.load
    from kitap.serve import Preview

    preview = Preview(project, tmp_path / "preview")
    preview.rebuild()
    assert preview.error is None and preview.page

    def broken(root):
        raise RuntimeError("something kitap did not expect")

    monkeypatch.setattr(kitap.load, "load_project", broken)
    preview.rebuild()
    assert preview.error == "internal error: RuntimeError: something kitap did not expect (please report it)"
    assert "build-error" in preview.body() and "p-1" in preview.body(), "the banner over the last good page"
