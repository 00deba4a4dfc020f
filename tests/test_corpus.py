"""The corpus of real texts (tests/corpus/): every text is listed with its source, clean as a pasted
article.txt should be, and builds as a real kitap project; the typo set made from it is stable."""
from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree

from conftest import NS, epub_files, run_cli

CORPUS = Path(__file__).resolve().parent / "corpus"
sys.path.insert(0, str(CORPUS))
import corpus_tools  # noqa: E402  (tests/corpus/ is not a package)
import slips  # noqa: E402

FILES = corpus_tools.corpus_files()
SOURCES = corpus_tools.load_sources()
ENTRIES = {entry["file"]: entry for entry in SOURCES}
FONT_HACK = "ќђњѓѕџљћЌЂЊЃЅЏЉЋ"
LOST_LETTER = re.compile(r"[^\W\d_]\?[^\W\d_]")  # «???ы?тарыны?»: letters lost before kitap saw the file
WORD_TOLERANCE = 0.02
MIN_WORDS = {"kk": 4000, "ru": 1500}


def name_of(path: Path) -> str:
    return str(path.relative_to(CORPUS))


def test_every_text_has_one_entry_and_every_entry_a_text():
    listed = [entry["file"] for entry in SOURCES]
    assert len(listed) == len(set(listed)), "a file is listed twice in sources.yaml"
    assert sorted(listed) == [name_of(path) for path in FILES]


@pytest.mark.parametrize("entry", SOURCES, ids=lambda entry: entry["file"])
def test_entry_names_its_source(entry):
    assert set(corpus_tools.FIELDS) <= set(entry) <= set(corpus_tools.FIELDS) | {"notes"}
    language, name = entry["file"].split("/")
    assert entry["language"] == language and language in corpus_tools.LANGUAGES
    assert entry["kind"] == name.split("-")[0] and entry["kind"] in corpus_tools.KINDS
    assert entry["licence"] in corpus_tools.LICENCES
    assert entry["retrieved"] == datetime.date(2026, 12, 1)
    assert entry["url"].startswith(("https://", "http://"))
    assert all(isinstance(entry[key], str) and entry[key].strip() for key in ("title", "author"))
    assert isinstance(entry["words"], int) and entry["words"] > 0


@pytest.mark.parametrize("path", FILES, ids=name_of)
def test_text_is_clean(path):
    text = path.read_bytes().decode("utf-8")  # strict: an invalid byte fails here
    assert unicodedata.is_normalized("NFC", text)
    assert not text.startswith("\ufeff") and text.endswith("\n") and not text.startswith("\n")
    assert [c for c in text if unicodedata.category(c) == "Cc" and c != "\n"] == []
    assert [c for c in text if c in FONT_HACK] == []
    assert LOST_LETTER.findall(text) == []
    lines = text[:-1].split("\n")
    assert [line for line in lines if line != line.strip()] == [], "spaces at a line's start or end"
    assert [line for line in lines if line.startswith("#")] == [], "the corpus is not marked up"
    # one paragraph a line: a blank line only between the stanzas of a poem, never two
    assert ("\n\n\n" if path.name.startswith("poem-") else "\n\n") not in text


@pytest.mark.parametrize("path", FILES, ids=name_of)
def test_word_count_in_sources_is_right(path):
    counted = corpus_tools.count_words(path.read_text(encoding="utf-8"))
    listed = ENTRIES[name_of(path)]["words"]
    assert abs(counted - listed) <= WORD_TOLERANCE * counted, (counted, listed)


def test_corpus_is_big_enough_and_has_every_kind_of_kazakh_text():
    words = {language: sum(e["words"] for e in SOURCES if e["language"] == language)
             for language in corpus_tools.LANGUAGES}
    assert all(words[language] >= minimum for language, minimum in MIN_WORDS.items()), words
    assert {e["kind"] for e in SOURCES if e["language"] == "kk"} == set(corpus_tools.KINDS)


def build(path: Path, root: Path) -> tuple[dict, Path, subprocess.CompletedProcess]:
    """One text as a new user's project: book.yaml from its sources.yaml entry, the text as article.txt."""
    entry = ENTRIES[name_of(path)]
    name = f"{entry['language']}-{path.stem}"
    book = {"title": entry["title"], "author": entry["author"], "name": name, "language": entry["language"]}
    project = root / name
    project.mkdir()
    (project / "book.yaml").write_text("".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                                               for key, value in book.items()), encoding="utf-8")
    shutil.copy(path, project / "article.txt")
    output = root / f"{name}-out"
    result = run_cli("--source", str(project), "--output", str(output), "--only", "epub")
    return entry, output / f"{name}.epub", result


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[Path, tuple[dict, Path, subprocess.CompletedProcess]]:
    # the builds are separate processes that mostly wait on nothing: two at a time keep the file fast
    root = tmp_path_factory.mktemp("corpus-builds")
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(FILES, pool.map(lambda path: build(path, root), FILES)))


@pytest.mark.parametrize("path", FILES, ids=name_of)
def test_text_builds_as_a_kitap_project(path, builds):
    entry, epub, result = builds[path]
    assert result.returncode == 0, result.stderr
    files = epub_files(epub)
    opf = etree.fromstring(next(data for file, data in files.items() if file.endswith(".opf")))
    assert opf.xpath("//dc:language/text()", namespaces=NS) == [entry["language"]]


# ---- the typo set (tests/corpus/slips.py) ----------------------------------------

def test_typo_set_is_the_same_for_a_seed_and_changes_with_it():
    assert slips.generate(100, seed=7) == slips.generate(100, seed=7)
    assert slips.generate(100, seed=7) != slips.generate(100, seed=8)


def test_every_typo_is_a_real_slip_of_a_corpus_word():
    made = slips.generate(300)
    corpus_words = {w for path in FILES if path.parent.name == "kk"
                    for w in corpus_tools.WORD_RE.findall(path.read_text(encoding="utf-8"))}
    assert {slip.kind for slip in made} == set(slips.SLIPS)
    assert len({slip.typo for slip in made}) == len(made)
    for typo, original, kind in made:
        assert typo != original and typo not in corpus_words
        assert all(len(word) >= slips.MIN_LETTERS and word in corpus_words for word in original.split(". "))
        if kind == "russian-keyboard":
            assert typo == original.translate(slips.RUSSIAN_KEYBOARD) and not set(typo) & set("қңғұүөәһі")
        elif kind == "missing-space":
            assert typo == original.replace(". ", ".")
        elif kind in ("doubled-letter", "dropped-letter"):
            assert abs(len(typo) - len(original)) == 1 and typo[0] == original[0]
        else:
            assert sorted(typo) == sorted(original) and sum(a != b for a, b in zip(typo, original)) == 2


def test_typo_script_prints_twenty_examples():
    result = subprocess.run([sys.executable, str(CORPUS / "slips.py")], capture_output=True, text=True,
                            timeout=60, check=True)
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert len(rows) == 20 and all(len(row) == 3 and row[2] in slips.SLIPS for row in rows)
