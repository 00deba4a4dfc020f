"""Content can never make the build read outside the project, reach the network, or crash:
the fetcher, links out of the project, big files, and property-based tests on random sources."""
from __future__ import annotations

import os
import re
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import read_pdf, pdf_body_text, epub_files, run_cli, text_without_calls, xhtml, NS
from test_epub import epubcheck

from kitap.errors import KitapError, SourceErrors
from kitap.pipeline import build

MESSAGE = re.compile(r"^.+?(:\d+)?: .+")


def test_weasyprint_fetcher_refuses_files_outside_and_the_network(tmp_path):
    from weasyprint import HTML

    from kitap.writers.fetcher import ConfinedFetcher

    inside = tmp_path / "inside.css"
    inside.write_text("p { color: black }")
    fetcher = ConfinedFetcher([tmp_path])
    html = ('<link rel="stylesheet" href="file:///etc/passwd"><style>@import url("http://example.org/x.css");'
            'p { background: url(file:///etc/hostname) }</style><img src="https://example.org/a.png">'
            f'<link rel="stylesheet" href="{inside.as_uri()}"><p>x</p>')
    HTML(string=html, base_url=str(tmp_path) + "/", url_fetcher=fetcher).render()
    assert "file:///etc/passwd" in fetcher.refused and "file:///etc/hostname" in fetcher.refused
    assert any(u.startswith("http://example.org") for u in fetcher.refused)
    assert any(u.startswith("https://example.org") for u in fetcher.refused)
    assert inside.as_uri() not in fetcher.refused


def test_a_symlink_out_of_the_project_is_refused(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("ҚҰПИЯ\n", encoding="utf-8")
    (project / "article.txt").unlink()
    (project / "article.txt").symlink_to(secret)
    result = run_cli("--source", str(project), "--output", str(tmp_path / "o"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{project / 'article.txt'}: this file is a link to") and "outside the project" in result.stderr
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_files_over_the_limit_are_refused_with_the_limit(project, tmp_path):
    with open(project / "article.txt", "w", encoding="utf-8") as handle:
        handle.write(("Қазақстан тәуелсіздік алды. " * 40 + "\n") * 9500)
    size = (project / "article.txt").stat().st_size
    assert size > 10 * 1024 * 1024
    result = run_cli("--source", str(project), "--output", str(tmp_path / "o"))
    assert result.returncode == 1
    assert result.stderr.strip() == (f"{project / 'article.txt'}: file is {size / 1048576:.1f} MB; the limit is 10 MB "
                                     "per source file (split the text into several projects)")


def test_control_characters_are_reported_not_crashed_on(project, tmp_path):
    (project / "article.txt").write_text("Қазақстан\nБҰҰ\x0bмүшесі\n", encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(tmp_path / "o"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().startswith(f"{project / 'article.txt'}:2: invisible control character U+000B")


# ---- property-based: random text and random source structures ----------------------------------

KAZAKH = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
ALPHABET = KAZAKH + string.ascii_letters + string.digits + " .,;:!?«»\"'()-–—*_#<>&[]^`\\/%№\t\x01\x0b\u00a0\u00ad\u200b"
WORD = re.compile(rf"[{KAZAKH}A-Za-z0-9]+")


def _write_project(root: Path, paragraphs: list[str], notes: list[tuple[str, str]], terms: list[str]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "book.yaml").write_text('name: prop\ntitle: "Сынақ"\nauthor: "Автор"\n', encoding="utf-8")
    (root / "article.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    quote = lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'  # noqa: E731
    (root / "annotations.yaml").write_text("".join(f"- anchor: {quote(a)}\n  note: {quote(n)}\n" for a, n in notes), encoding="utf-8")
    (root / "glossary.yaml").write_text("".join(f"- term: {quote(t)}\n  expansion: {quote(t.lower())}\n" for t in terms), encoding="utf-8")


@st.composite
def projects(draw):
    paragraphs = draw(st.lists(st.text(alphabet=ALPHABET, min_size=0, max_size=160), min_size=1, max_size=6))
    words = [w for p in paragraphs for w in WORD.findall(p)]
    anchors = draw(st.lists(st.sampled_from(words), max_size=3, unique=True)) if words else []
    anchors += draw(st.lists(st.text(alphabet=KAZAKH, min_size=3, max_size=8), max_size=1))  # maybe absent
    notes = [(a, draw(st.text(alphabet=ALPHABET, min_size=1, max_size=60))) for a in anchors]
    terms = draw(st.lists(st.text(alphabet="БҰЕЫҚОДВ", min_size=2, max_size=4), max_size=3))
    return paragraphs, notes, terms


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(projects())
def test_random_sources_build_completely_or_fail_clearly(tmp_path, generated):
    paragraphs, notes, terms = generated
    root = tmp_path / f"p{abs(hash(repr(generated)))}"
    _write_project(root, paragraphs, notes, terms)
    out = root / "out"
    try:
        report = build(root, out, ("pdf", "epub"))
    except KitapError as error:
        messages = [str(e) for e in error.errors] if isinstance(error, SourceErrors) else str(error).splitlines()
        assert messages and all(MESSAGE.match(m) for m in messages), messages
        assert all(str(root) in m or "error(s) found by the checker" in m for m in messages), messages
        assert not out.exists() or not any(out.iterdir()), "a failed build writes nothing"
        return
    assert {o.kind for o in report.outputs} == {"pdf", "epub"}
    words = [w for p in paragraphs for w in WORD.findall(p)]
    pdf_text = re.sub(r"[\u00ad\u2010-]\s*", "", pdf_body_text(read_pdf(out / "prop.pdf")))
    for word in words:
        assert word in pdf_text, word
    article = xhtml(epub_files(out / "prop.epub")["EPUB/article.xhtml"])
    epub_text = " ".join(text_without_calls(p) for p in article.xpath("//x:p", namespaces=NS))
    for word in words:
        assert word in epub_text, word
    report = epubcheck(out / "prop.epub")
    assert report["checker"]["nFatal"] == report["checker"]["nError"] == report["checker"]["nWarning"] == 0, \
        [m["message"] for m in report["messages"]]


# ---- property-based: random YAML (escapes, nesting, tags, keys), random Markdown, random anchors,
# ---- fed to the command line itself: `check` and `build --only epub` (issue 13)

ESCAPES = ["\\a", "\\0", "\\e", "\\N", "\\_", "\\L", "\\P", "\\x85", "\\uD800", "\\uFFFE", "\\uFDD0", "\\U0010FFFF",
           "\\t", "\\n", "\\\\", '\\"', "\\u05D0", "\\U0001F600", "\\u0306", "\\x", "\\q"]
SCALARS = ["1992-13-45", "1992-02-30", "0", "-5", "1992", "1992-03-02", "0x1F", "1.10", "yes", "~", "", ".inf",
           "99999999999999999999", "!!binary aGk=", "!tag x", "&a x", "*a", "*nowhere", "[1, [2, [3]]]", "{a: {b: c}}",
           "'quoted'", "|\n  block", ">-\n  folded", "? [1]\n  : x", "[" * 60 + "]" * 60, "\"unterminated", "- a\n  - b"]
MARKDOWN = ["*", "**", "_", "> ", "# ", "## ", "^[ішкі]", "[^a]", "[^a]: ескерту", "[сілтеме](https://example.org)",
            "[x](javascript:alert(1))", "![сурет](a.png)", "`код`", "- ", "1. ", "<b>", "&amp;", "\\", "---", "    ",
            "\n\n", "\n", "«", "»", "—", "&#7;", "&#0;", "&#1488;", "&#x1F600;", "&nbsp;", "&copy;", "&#xFFFE;",
            "<http://a.kz>", "[r]: https://a.kz", "[r]", "|a|b|\n|-|-|", "===", "  \n", "<!-- x -->"]


def _yaml_value(draw) -> str:
    """A YAML value as written in a file: mostly a quoted text (with escapes now and then), else a raw
    scalar or structure."""
    if draw(st.integers(0, 3)):
        texts = st.text(alphabet=KAZAKH + " .,*_", min_size=1, max_size=12)
        parts = draw(st.lists(st.one_of(texts, texts, texts, st.sampled_from(ESCAPES)), min_size=1, max_size=4))
        return '"' + "".join(p.replace('"', "'") if not p.startswith("\\") else p for p in parts) + '"'
    return draw(st.sampled_from(SCALARS))


@st.composite
def yaml_projects(draw):
    words = draw(st.lists(st.text(alphabet=KAZAKH, min_size=2, max_size=9), min_size=3, max_size=12))
    pieces = draw(st.lists(st.one_of(st.sampled_from(words), st.sampled_from(MARKDOWN), st.just(" ")),
                           min_size=1, max_size=40))
    markdown = draw(st.booleans())
    article = "".join(pieces) if markdown else " ".join(words)
    keys = ["title", "author", "subtitle", "date", "language", "name", "rights", "titel", "? [k]"]
    book = {key: _yaml_value(draw) for key in draw(st.lists(st.sampled_from(keys), max_size=3, unique=True))}
    book.setdefault("title", '"Сынақ"')
    book.setdefault("author", '"Автор"')
    anchors = draw(st.lists(st.one_of(st.sampled_from(words), st.text(alphabet=KAZAKH, min_size=2, max_size=6)),
                            max_size=3))
    notes = [(anchor, _yaml_value(draw), draw(st.sampled_from(["", "  occurrence: 2\n", "  occurrence: x\n"])))
             for anchor in anchors]
    events = [(_yaml_value(draw), _yaml_value(draw)) for _ in range(draw(st.integers(0, 2)))]
    return markdown, article, book, notes, events


def _write_yaml_project(root: Path, generated) -> None:
    markdown, article, book, notes, events = generated
    root.mkdir(parents=True)
    (root / "book.yaml").write_text("".join(f"{k}: {v}\n" if not k.startswith("?") else f"{k}\n: {v}\n"
                                            for k, v in book.items()), encoding="utf-8")
    (root / ("article.md" if markdown else "article.txt")).write_text(article + "\n", encoding="utf-8")
    (root / "annotations.yaml").write_text("".join(f'- anchor: "{a}"\n  note: {n}\n{o}' for a, n, o in notes),
                                           encoding="utf-8")
    (root / "chronology.yaml").write_text("".join(f"- date: {d}\n  event: {e}\n" for d, e in events), encoding="utf-8")


PROBLEM_LINE = re.compile(r"^(/|\S).*?(:\d+){0,2}: .+|^\d+ problems; nothing was written\.$")


def _invoke(monkeypatch, capsys, *args) -> tuple[int, str, str]:
    from kitap import cli

    monkeypatch.setattr("sys.argv", ["build.py", *args])
    try:
        cli._run()
        code = 0
    except SystemExit as end:
        code = end.code or 0
    out, err = capsys.readouterr()
    return code, out, err


@settings(max_examples=int(os.environ.get("KITAP_EXAMPLES", 40)), deadline=None,
          derandomize="KITAP_EXAMPLES" not in os.environ,  # a longer, random hunt: KITAP_EXAMPLES=500
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(yaml_projects())
# a warning Python shows by default would reach the user's terminal as raw lines
@pytest.mark.filterwarnings("error", "ignore::DeprecationWarning", "ignore::PendingDeprecationWarning",
                            "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_random_yaml_and_markdown_never_crash_check_or_the_build(tmp_path, monkeypatch, capsys, generated):
    root = Path(tempfile.mkdtemp(dir=tmp_path)) / "project"  # examples repeat while Hypothesis shrinks
    _write_yaml_project(root, generated)
    checked = _invoke(monkeypatch, capsys, "check", "--source", str(root))
    built = _invoke(monkeypatch, capsys, "--source", str(root), "--output", str(root / "out"), "--only", "epub",
                    "--jobs", "1", "--quiet")
    for code, out, err in (checked, built):
        assert code in (0, 1) and "Traceback" not in err and "internal error" not in err, err
        if code == 1 and err:
            assert all(PROBLEM_LINE.match(line) and str(root) in line or "problems" in line or "checker" in line
                       for line in err.strip().splitlines()), err
    event(f"check {checked[0]}, build {built[0]}")
    event(re.sub(r"[«'].*", "", (built[2].strip().splitlines() or [""])[0].split(": ", 1)[-1])[:50])
    assert (checked[0] == 0) == (built[0] == 0), ("check and the build disagree", checked, built)
    if built[0] == 0:
        assert (root / "out" / "prop.epub").exists() or list((root / "out").glob("*.epub"))
