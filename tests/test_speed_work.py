"""The speed work (issue 7) changes no output: two processes make the same bytes as one, remembered line
breaks the same bytes as fresh ones; errors read the same; nothing is left in the temporary folder."""
from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager, nullcontext

import pytest

from conftest import needs_speedups, FIXTURES, ROOT, run_cli


def _files(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_processes_make_the_same_bytes_as_one(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    first = run_cli("--source", str(FIXTURES / "mini"), "--output", str(one), "--jobs", "1", "--verbose")
    second = run_cli("--source", str(FIXTURES / "mini"), "--output", str(two), "--jobs", "2", "--verbose")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "helper process" not in first.stdout
    helper = second.stdout.split("helper process stage")[-1]  # --verbose: the helper's own stage times
    assert "helper process stage" in second.stdout and "layout" in helper and "epub write" in helper
    made_one, made_two = _files(one), _files(two)
    assert {"mini.pdf", "mini-booklet.pdf", "mini-large.pdf", "mini.epub", "html/index.html"} <= set(made_one)
    assert made_one.keys() == made_two.keys()
    for name in made_one:
        assert made_one[name] == made_two[name], name


@pytest.mark.parametrize("only", ["pdf,epub", "epub", "large,html"])
def test_any_selection_of_outputs_is_the_same_in_two_processes(tmp_path, only):
    one, two = tmp_path / "one", tmp_path / "two"
    for folder, jobs in ((one, "1"), (two, "2")):
        result = run_cli("--source", str(FIXTURES / "mini"), "--output", str(folder), "--only", only, "--jobs", jobs)
        assert result.returncode == 0, result.stderr
    assert _files(one) == _files(two)


def _break_yaml(project):
    with (project / "glossary.yaml").open("a", encoding="utf-8") as file:
        file.write("broken: [\n")


def _break_check(project):  # a checker error: Kazakh typed in a legacy font's letters (ќ for қ)
    article = project / "article.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Қазақстан", "Ќазаќстан", 1), encoding="utf-8")


@pytest.mark.parametrize("spoil", [_break_yaml, _break_check], ids=["yaml", "checker"])
def test_errors_read_the_same_in_one_or_two_processes(project, tmp_path, spoil):
    spoil(project)
    results = [run_cli("--source", str(project), "--output", str(tmp_path / f"out{jobs}"), "--jobs", jobs)
               for jobs in ("1", "2")]
    assert [r.returncode for r in results] == [1, 1]
    assert results[0].stderr == results[1].stderr
    assert results[0].stderr.strip() and "Traceback" not in results[1].stderr
    assert not (tmp_path / "out1").exists() and not (tmp_path / "out2").exists()


def _with_and_without(monkeypatch, name: str, memory, variant: str) -> tuple[bytes, bytes, list[int]]:
    """The default project's PDF in `variant` made with the memory `name` of writers/pdf.py (a context
    manager giving a Memory) and without it, and that memory's hits in each layout."""
    from kitap.load import load_project
    from kitap.transforms import apply_transforms
    from kitap.writers import pdf

    book = apply_transforms(load_project(ROOT / "source"))
    edition = getattr(pdf, variant)
    used: list[int] = []

    @contextmanager
    def watched():
        with memory() as remembered:
            yield remembered
            used.append(remembered.hits)

    monkeypatch.setattr(pdf, name, watched)
    faster = pdf.write_pdf(book, pdf.lay_out(book, edition))
    monkeypatch.setattr(pdf, name, nullcontext)  # WeasyPrint's own functions, nothing remembered
    return faster, pdf.write_pdf(book, pdf.lay_out(book, edition)), used


@needs_speedups
@pytest.mark.parametrize("variant", ["A4", "LARGE"])
def test_remembered_line_breaks_and_shortest_hyphenation_first_change_no_byte(monkeypatch, variant):
    from weasyprint.text import line_break

    from kitap.weasy.linebreaks import remembered_lines, split_first_line_function

    assert split_first_line_function() is not line_break.split_first_line  # the step applies to this WeasyPrint
    faster, plain, used = _with_and_without(monkeypatch, "remembered_lines", remembered_lines, variant)
    assert used and sum(used) > 50  # footnotes and remade pages make WeasyPrint repeat line breaks
    assert faster == plain


@needs_speedups
@pytest.mark.parametrize("variant", ["A4", "BOOKLET"])
def test_remembered_note_layouts_change_no_byte(monkeypatch, variant):
    """The footnote area measured again for every note added: the notes above the new one are answered
    from memory (kitap/weasy/notes.py), and the pages are the same bytes as without it."""
    from kitap.weasy.notes import remembered_notes

    faster, plain, used = _with_and_without(monkeypatch, "remembered_notes", remembered_notes, variant)
    assert used and sum(used) > 20  # pages with several notes: each note measured again under the next
    assert faster == plain


def test_no_temporary_font_folder_is_left_behind(tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONDONTWRITEBYTECODE": "1"}
    for args in (["--jobs", "2"], ["--jobs", "1", "--only", "pdf"],
                 ["--source", str(FIXTURES / "mini"), "--source", str(ROOT / "source"), "--only", "large"]):
        out = tmp_path / f"out-{len(list(tmp_path.iterdir()))}"
        source = [] if "--source" in args else ["--source", str(FIXTURES / "mini")]
        result = subprocess.run([sys.executable, str(ROOT / "build.py"), *source, "--output", str(out), *args],
                                capture_output=True, text=True, env=env, timeout=300)
        assert result.returncode == 0, result.stderr
        assert list(temp.iterdir()) == [], args


@needs_speedups
def test_weasyprint_is_imported_without_font_tools_it_does_not_use():
    code = """
import importlib, sys
sys.path.insert(0, sys.argv[1])
from kitap.weasy.imports import import_weasyprint
import_weasyprint()
from weasyprint.pdf import fonts
print("varLib" , "fontTools.varLib" in sys.modules)
print("instancer stand-in", fonts.instantiateVariableFont.__module__)
import fontTools.subset
print("subset works", callable(fontTools.subset.Subsetter))
real = importlib.import_module("fontTools.varLib.instancer")
print("real instancer", real.__file__.endswith("__init__.py") or real.__file__.endswith(".py"))
real.instantiateVariableFont = lambda *a, **k: ("real", a)
print("delegates", fonts.instantiateVariableFont(1, 2))
"""
    result = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == ["varLib False", "instancer stand-in kitap.weasy.imports", "subset works True",
                     "real instancer True", "delegates ('real', (1, 2))"]


PLAIN_IMPORT = """
import sys
sys.path.insert(0, sys.argv[1])
if sys.argv[2] == "plain":
    import weasyprint.document, weasyprint.urls  # WeasyPrint's own import: cffi parses its declarations
from kitap.cli import run
sys.argv = ["build.py", *sys.argv[3:]]
run()
"""


def test_precompiled_c_declarations_change_no_byte(tmp_path):
    """The out-of-line cffi module kitap hands to WeasyPrint (kitap.weasy.imports, 3.) declares the same
    functions from the same libraries: the same bytes as WeasyPrint's own in-line declarations."""
    made = {}
    for how in ("plain", "kitap"):
        out = tmp_path / how
        result = subprocess.run([sys.executable, "-c", PLAIN_IMPORT, str(ROOT), how, "--source", str(FIXTURES / "mini"),
                                 "--output", str(out), "--only", "pdf,large,epub", "--jobs", "1", "-q"],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        made[how] = _files(out)
    assert {"mini.pdf", "mini-large.pdf", "mini.epub"} <= set(made["plain"])
    assert made["plain"] == made["kitap"]


@needs_speedups
def test_weasyprint_gets_the_precompiled_declarations_and_pycparser_stays_unloaded(tmp_path):
    code = """
import sys
sys.path.insert(0, sys.argv[1])
from kitap.weasy import imports as libraries
libraries.CACHE = libraries.Path(sys.argv[2])  # a fresh cache: the first import makes the module
from kitap.weasy.imports import import_weasyprint
import_weasyprint()
from weasyprint.text import ffi
print(type(ffi.ffi).__name__, ffi.pango is not None, ffi.harfbuzz_subset is not None, ffi.FROM_UNITS)
print(sorted(p.name.split("-")[1] for p in libraries.CACHE.iterdir()))
print("pycparser" in sys.modules)
"""
    runs = [subprocess.run([sys.executable, "-c", code, str(ROOT), str(tmp_path / "cache")], capture_output=True,
                           text=True, timeout=120) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    first, second = (r.stdout.splitlines() for r in runs)
    assert first[:2] == second[:2] == ["PrecompiledFFI True True 0.0009765625", "['ffi']"]
    assert first[2] == "True"  # the first import parsed the declarations, to make the module
    assert second[2] == "False"  # later ones do not even load the C parser
    (tmp_path / "file").write_text("not a folder")  # a cache folder that cannot be made: WeasyPrint's own way
    unwritable = subprocess.run([sys.executable, "-c", code, str(ROOT), str(tmp_path / "file" / "cache")],
                                capture_output=True, text=True, timeout=120)
    assert unwritable.returncode != 0 and "NotADirectoryError" in unwritable.stderr  # only the listing fails:
    assert unwritable.stdout.splitlines()[0] == "FFI True True 0.0009765625"  # cffi's own FFI, libraries found


# ---- the helper process itself ------------------------------------------------------------------



def test_helper_answers_and_returns_its_result():
    from kitap.lanes import Helper

    def work(channel):
        channel.send(("ready", {"book": 1}))
        kind, page = channel.recv()
        channel.send(("answer", f"<html>{page}</html>"))
        return [("epub", b"\x00" * 300_000)]  # bigger than a pipe's buffer

    helper = Helper(work)
    assert helper.ready() == {"book": 1}
    assert helper.ask(("render", "appendices")) == "<html>appendices</html>"
    assert helper.result() == [("epub", b"\x00" * 300_000)]


def test_helper_source_errors_arrive_as_the_same_lines():
    from kitap.errors import KitapError, SourceError, SourceErrors, messages
    from kitap.lanes import Helper

    errors = SourceErrors([SourceError(ROOT / "glossary.yaml", 3, "unknown key 'x'"),
                           SourceError(ROOT / "article.txt", 0, "empty")])

    def work(channel):
        raise errors

    with pytest.raises(KitapError) as caught:
        Helper(work).ready()
    assert messages(caught.value) == messages(errors)


def test_a_bug_or_a_dead_helper_is_reported_not_hung():
    from kitap.errors import BuildError
    from kitap.lanes import Helper

    def bug(channel):
        return 1 / 0

    with pytest.raises(BuildError, match="ZeroDivisionError"):
        Helper(bug).ready()

    def dies(channel):
        os._exit(3)

    with pytest.raises(BuildError, match="--jobs 1"):
        Helper(dies).ready()


def test_a_refused_fork_builds_in_one_process(monkeypatch, tmp_path):
    from kitap import pipeline

    def refuse():
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    report = pipeline.build(FIXTURES / "mini", tmp_path / "out", ("pdf", "epub"), jobs=2)
    assert {o.kind for o in report.outputs} == {"pdf", "epub"} and not report.helper_stages


def test_a_killed_worker_of_a_volume_is_reported_not_hung(monkeypatch, tmp_path):
    """A pool worker killed (the kernel's out-of-memory killer) lost its chapter: the build says so."""
    import signal
    from kitap import pipeline
    from kitap.errors import BuildError
    from kitap.writers import volume

    main, lay_out = os.getpid(), volume.lay_out_chapter

    def killed(*args, **kwargs):
        if os.getpid() != main:
            os.kill(os.getpid(), signal.SIGKILL)
        return lay_out(*args, **kwargs)

    monkeypatch.setattr(volume, "lay_out_chapter", killed)
    with pytest.raises(BuildError, match="killed .*out of memory.*--jobs 1"):
        pipeline.build(FIXTURES / "course", tmp_path / "out", ("pdf",), jobs=2)
    assert not list((tmp_path / "out").glob("*.pdf"))


def test_a_killed_worker_of_many_projects_fails_the_projects_left_in_words(monkeypatch, tmp_path, capsys):
    """--source over several projects: a worker killed fails the projects not done, one line each."""
    import shutil
    import signal
    from kitap import pipeline
    from kitap.lanes import WORKER_DIED
    from kitap.parallel import build_many

    for name in "ab":
        shutil.copytree(FIXTURES / "mini", tmp_path / name)
    build = pipeline.build

    def killed(source, *args, **kwargs):
        if source.name == "b":
            os.kill(os.getpid(), signal.SIGKILL)
        return build(source, *args, **kwargs)

    monkeypatch.setattr(pipeline, "build", killed)
    jobs = [(tmp_path / name, tmp_path / "out" / name) for name in "ab"]
    assert build_many(jobs, ("pdf",), False, False, False, True, processes=1) == 1
    said = [line for line in capsys.readouterr().err.splitlines() if "was killed" in line]
    assert said == [f"{tmp_path / 'b'}: {WORKER_DIED}"]
    assert list((tmp_path / "out" / "a").glob("*.pdf")) and not (tmp_path / "out" / "b").exists()
