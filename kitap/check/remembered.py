"""The checker's findings on a course pack's texts, kept between builds (issue 18: a change to one text
rebuilds only what depends on it; checking all 40 texts of a volume again took a fifth of such a rebuild).

A text's entry is found by a digest of every file in its project folder (names and bytes: the checker
reads them again, not only what the loader read), the folder's path (the findings name it) and the
toolchain's code (all of kitap/, so a new rule or a fixed one is not hidden by an old entry). Only a text the
checker found no error in is kept: an error stops the build, and the next build checks again. Entries
live in output/.kitap-cache/check/ (kitap/cachefiles.py); a damaged one counts as none.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..cachefiles import prune, write_entry
from ..fingerprint import _file_digest, code_digest

CACHE = ".kitap-cache"


def _code_digest() -> str:
    return code_digest("kitap")  # (the build's checker leaves spelling out: no dictionary)


def text_key(root: Path) -> str | None:
    """The digest of a text's project folder as the checker sees it, or None if it cannot be read."""
    digest = hashlib.sha256(f"{_code_digest()}\0{root.resolve()}\0".encode())
    try:
        for path in sorted(root.rglob("*")):
            if path.is_file() and not any(p.startswith(".") for p in path.relative_to(root).parts):
                digest.update(f"{path.relative_to(root)}\0{_file_digest(path)}\0".encode())
    except OSError:
        return None
    return digest.hexdigest()[:32]


class CheckCache:
    """Findings (as printed) of texts checked by earlier builds into `output`."""

    def __init__(self, output: Path | None):
        self.folder = output / CACHE / "check" if output else None
        self.used: set[str] = set()

    def get(self, key: str | None) -> list[str] | None:
        if self.folder is None or key is None:
            return None
        self.used.add(key)
        try:
            found = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(found, list) or not all(isinstance(line, str) for line in found):
            return None
        return found

    def put(self, key: str | None, warnings: list[str]) -> None:
        if self.folder is None or key is None:
            return
        self.used.add(key)
        write_entry(self.folder, key, {".json": json.dumps(warnings, ensure_ascii=False).encode("utf-8")})

    def prune(self) -> None:
        prune(self.folder, self.used)
