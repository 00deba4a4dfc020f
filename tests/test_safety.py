"""Content can never make the build read outside the project, reach the network, or crash:
the fetcher, links out of the project, big files, and property-based tests on random sources."""
from __future__ import annotations

import re
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
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
