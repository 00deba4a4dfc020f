"""The files a project is made of: the one list the loader, the fingerprint and `check --fix` read.

A new kind of source file is one more line here (and its reader in the loader). The article is the
one file whose name may come from book.yaml (`article:`); the loader records what it found, so the
fingerprint of the next build hashes exactly the files this one read (see kitap/fingerprint.py).

Deliberately tiny: the fingerprint imports it on every run, also when nothing has changed.
"""
from __future__ import annotations

import hashlib

from ..appendices import files as appendix_files

BOOK_FILE = "book.yaml"
# name → what it holds (for messages); book.yaml is required, the others are read when present.
YAML_FILES = {
    BOOK_FILE: "the book's details",
    "annotations.yaml": "notes attached to phrases of the text",
    **appendix_files(),  # glossary.yaml, chronology.yaml, persons.yaml … (each appendix declares its own)
    "editorial.yaml": "the editor's record",
}
ARTICLE_CANDIDATES = ("article.md", "article.txt")
ABSENT = "absent"


def default_names() -> tuple[str, ...]:
    """The files a project is read from when nothing is known about it yet (no earlier build)."""
    return (*YAML_FILES, *ARTICLE_CANDIDATES)


class ReadLog(dict):
    """Relative file name → sha256 of the bytes the loader read, or ABSENT for a file it looked for
    and did not find: enough to tell, without loading, whether a project changed."""

    def read(self, name: str, data: bytes) -> None:
        self[name] = hashlib.sha256(data).hexdigest()

    def missing(self, name: str) -> None:
        self.setdefault(name, ABSENT)
