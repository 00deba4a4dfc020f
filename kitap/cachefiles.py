"""The files of kitap's caches in the output folder (.kitap-cache/: chapter layouts, checked texts):
each entry written atomically, entries a build did not use removed after it. A cache that cannot be
written or read only makes the next build slower."""
from __future__ import annotations

import os
from pathlib import Path


def write_entry(folder: Path, key: str, parts: dict[str, bytes]) -> None:
    """The files `key` + suffix of one entry, each replaced whole (a build killed meanwhile leaves the old
    file or the new one)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for suffix, data in parts.items():
            temporary = folder / f".{key}{suffix}.tmp"
            temporary.write_bytes(data)
            os.replace(temporary, folder / f"{key}{suffix}")
    except OSError:
        pass


def prune(folder: Path | None, used: set[str]) -> None:
    """Remove the entries (files named by their key and a suffix) whose key is not in `used`."""
    if folder is None or not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.name.split(".", 1)[0] not in used:
            try:
                path.unlink()
            except OSError:
                pass
