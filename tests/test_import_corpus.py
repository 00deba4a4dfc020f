"""`build.py import` on the real texts of tests/corpus/ (never tuned on: see its README): every text keeps
every word and gets its language right; a Word file made from a real text, with headings and a note on
every fourth paragraph, builds with each note right after its paragraph's last word."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build_project, epub_files, norm, read_pdf, run_cli, xhtml
from test_epub import epubcheck
from test_import import marked_paragraphs

CORPUS = Path(__file__).resolve().parent / "corpus"
sys.path.insert(0, str(CORPUS))
import corpus_tools  # noqa: E402  (tests/corpus/ is not a package)

FILES = corpus_tools.corpus_files()
# The test's own rule for what a Word author would have styled as a heading: a short line without
# a closing mark (not kitap's rule, and not fitted to any text).
SHORT_LINE = re.compile(r"^\S+(?: \S+){0,3}$")
NOTE_EVERY = 4


def lines_of(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def block_lines(children, plain_text) -> list[str]:
    """A block's lines: one, or a stanza's, split at its line breaks."""
    from kitap.model import Styled

    lines, current = [], []
    for node in children:
        if isinstance(node, Styled) and node.style == "br":
            lines.append(plain_text(current).strip())
            current = []
        else:
            current.append(node)
    return lines + [plain_text(current).strip()]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_real_text_imports_whole_in_its_language(tmp_path, path):
    folder = tmp_path / "p"
    result = run_cli("import", str(path), str(folder))
    assert result.returncode == 0, result.stderr
    from kitap.load import load_project
    from kitap.transforms.inline_ops import plain_text

    book = load_project(folder)
    author = [book.meta.author] if book.meta.author != "Автор" else []
    title = [book.meta.title] if book.meta.title != path.stem else []
    body = [line for b in book.blocks for line in block_lines(b.children, plain_text)]  # (a stanza: its lines)
    byline = [", ".join(filter(None, (*author, book.meta.credentials)))] if author else []
    # every line, in order, letter for letter: the author's line first (before the title) or last (a byline:
    # the name, then after a comma who the author is, book.yaml's credentials)
    assert lines_of(path) in (author + title + body, title + body + byline)
    assert book.meta.language == path.parent.name


def word_file(lines: list[str], target: Path) -> list[tuple[int, str]]:
    """A .docx made by Pandoc from a syntax tree (no Markdown escaping to get wrong): the first line as
    its Title, short lines as headings, a note at the end of every fourth paragraph. → (paragraph, note)."""
    def inlines(text: str) -> list:
        words = text.split(" ")
        return [node for i, word in enumerate(words) for node in ([{"t": "Space"}] if i else []) + [{"t": "Str", "c": word}]]

    blocks, notes, paragraph = [], [], 0
    for line in lines[1:]:
        if SHORT_LINE.match(line) and line[-1] not in ".,;:!?":
            blocks.append({"t": "Header", "c": [1, ["", [], []], inlines(line)]})
            continue
        content = inlines(line)
        paragraph += 1
        if paragraph % NOTE_EVERY == 0:
            note = f"Ескертпе {len(notes) + 1}: мұғалімнің *түсіндірмесі*."
            notes.append((paragraph, note))
            body = inlines(f"Ескертпе {len(notes)}: мұғалімнің") + [{"t": "Space"}, {"t": "Emph", "c": inlines("түсіндірмесі")},
                                                                    {"t": "Str", "c": "."}]
            content.append({"t": "Note", "c": [{"t": "Para", "c": body}]})
        blocks.append({"t": "Para", "c": content})
    tree = {"pandoc-api-version": [1, 23, 1], "meta": {"title": {"t": "MetaInlines", "c": inlines(lines[0])}},
            "blocks": blocks}
    import pypandoc

    subprocess.run([pypandoc.get_pandoc_path(), "-f", "json", "-t", "docx", "-o", str(target)],
                   input=json.dumps(tree), text=True, check=True, capture_output=True)
    return notes


@pytest.fixture(scope="module")
def udhr(tmp_path_factory):
    """The Kazakh UDHR (its articles say «Әркімнің … құқығы бар» again and again) as a Word file."""
    tmp = tmp_path_factory.mktemp("udhr")
    lines = lines_of(CORPUS / "kk" / "law-udhr.txt")
    notes = word_file(lines, tmp / "декларация.docx")
    result = run_cli("import", str(tmp / "декларация.docx"), str(tmp / "p"))
    assert result.returncode == 0, result.stderr
    return lines, notes, tmp / "p", build_project(tmp / "p", tmp / "out")


def test_a_word_file_of_a_real_text_builds_with_headings_and_notes(udhr):
    lines, notes, folder, built = udhr
    assert f'title: "{lines[0]}"' in (folder / "book.yaml").read_text("utf-8")
    report = epubcheck(built.epub)
    assert [m["message"] for m in report["messages"] if m["severity"] in ("FATAL", "ERROR", "WARNING")] == []
    files = epub_files(built.epub)
    nav = norm(b"".join(files["EPUB/nav.xhtml"].split(b"<nav")[1:2]).decode("utf-8").replace("\xad", ""))
    headings = [line for line in lines[1:] if SHORT_LINE.match(line) and line[-1] not in ".,;:!?"]
    assert len(headings) > 20 and all(heading in nav for heading in headings)
    paragraphs = marked_paragraphs(xhtml(files["EPUB/article.xhtml"]))
    assert len(paragraphs) == len(lines) - 1 - len(headings)
    for number, (paragraph, _) in enumerate(notes, start=1):
        assert paragraphs[paragraph - 1].endswith(f"⟦{number}⟧"), paragraphs[paragraph - 1][-80:]
    calls = [n for page in read_pdf(built.pdf) for n in page.calls]
    assert calls == list(range(1, len(notes) + 1))
    small = norm(" ".join(page.small for page in read_pdf(built.pdf)))
    assert all(f"{n}. Ескертпе {n}: мұғалімнің түсіндірмесі." in small for n in range(1, len(notes) + 1))
