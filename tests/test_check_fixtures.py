"""Small projects for the checker's tests, built in a temporary folder from a few lines of text.

The other test_check_* files import these helpers; the test here keeps the raw seed copy honest.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, ROOT, SHARED_SEED
from kitap.check import Finding, check_project

CHECK_FIXTURES = FIXTURES / "check"
# The seed exactly as received (typos and byline included), for showing what the checker finds.
RAW_SEED = CHECK_FIXTURES / "000_7d0fef2b9a9eb36b.txt"


def make_project(tmp_path: Path, article: str, *, glossary: str = "", chronology: str = "", annotations: str = "",
                 article_name: str = "article.txt") -> Path:
    """A project with the mini fixture's book.yaml, this article, and these YAML files (when given)."""
    root = tmp_path / "project"
    root.mkdir(parents=True)
    shutil.copy(FIXTURES / "mini" / "book.yaml", root / "book.yaml")
    (root / article_name).write_text(article, encoding="utf-8")
    for name, text in (("glossary.yaml", glossary), ("chronology.yaml", chronology), ("annotations.yaml", annotations)):
        if text:
            (root / name).write_text(text, encoding="utf-8")
    return root


def raw_seed_project(tmp_path: Path) -> Path:
    """The default project's book, glossary, notes and chronology over the seed as received."""
    root = tmp_path / "seed"
    root.mkdir()
    for name in ("book.yaml", "glossary.yaml", "annotations.yaml", "chronology.yaml"):
        shutil.copy(ROOT / "source" / name, root / name)
    shutil.copy(RAW_SEED, root / "article.txt")
    return root


def found(root: Path, rule: str) -> list[Finding]:
    return [f for f in check_project(root) if f.rule == rule]


def test_the_raw_seed_copy_is_the_seed_as_received():
    if SHARED_SEED.exists():
        assert RAW_SEED.read_bytes() == SHARED_SEED.read_bytes()
    assert "қуатттан" in RAW_SEED.read_text(encoding="utf-8")
