"""Content fingerprints of everything a build reads, so an unchanged project is not built again.

Cheap on purpose: only hashing, no YAML, no WeasyPrint, so a no-op rebuild costs a fraction of a second.
Each output kind has its own fingerprint: a change to the large-print stylesheet rebuilds only the
large-print PDF; a change to a note rebuilds everything, because every output shows it.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import __version__

TOOL_ROOT = Path(__file__).resolve().parents[1]
STAMP = ".kitap-build.json"
# Files of styles/ and templates/ that only some outputs read; every other file there is shared.
ONLY_FOR = {
    "styles/print.css": {"pdf", "booklet", "large", "epub"},  # the EPUB's page list follows the A4 layout
    "styles/print-a5.css": {"booklet"},
    "styles/print-large.css": {"large"},
    "styles/epub.css": {"epub"},
    "styles/html.css": {"html"},
    "templates/notes.js": {"html"},
    "templates/nav.xhtml.j2": {"epub"},
    "templates/cover.xhtml.j2": {"epub"},
}
SKIP_DIRS = {"__pycache__", ".git", ".venv"}


def _files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not SKIP_DIRS & set(path.parts) and not any(p.startswith(".") for p in path.relative_to(folder).parts):
            yield path


def _digest(paths) -> hashlib._Hash:
    digest = hashlib.sha256(__version__.encode())
    for path, label in paths:
        digest.update(label.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest


def fingerprints(source: Path, kinds: tuple[str, ...], options: str) -> dict[str, str]:
    """kind → hex digest of the project's files, the tool's code, templates, styles and fonts, and options."""
    project = [(p, f"source/{p.relative_to(source)}") for p in _files(source) if not (p.parent / STAMP).exists()]
    tool = [(p, str(p.relative_to(TOOL_ROOT))) for folder in ("kitap", "templates", "styles")
            for p in _files(TOOL_ROOT / folder) if p.suffix != ".pyc"]
    common = _digest(project + [(p, label) for p, label in tool if label not in ONLY_FOR])
    common.update(options.encode())
    result = {}
    for kind in kinds:
        digest = common.copy()
        for path, label in tool:
            if kind in ONLY_FOR.get(label, ()):
                digest.update(label.encode() + b"\0" + path.read_bytes())
        result[kind] = digest.hexdigest()
    return result


def read_stamp(output: Path) -> dict:
    try:
        return json.loads((output / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def up_to_date(output: Path, kind: str, fingerprint: str, stamp: dict) -> bool:
    """True when the output was built from exactly these inputs and its files are still as written."""
    entry = stamp.get(kind)
    if not entry or entry.get("inputs") != fingerprint:
        return False
    for name, digest in entry.get("files", {}).items():
        path = output / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            return False
    return True


def stamp_bytes(stamp: dict, built: dict[str, tuple[str, dict[str, bytes]]]) -> bytes:
    """The stamp after a build: `built` maps kind → (fingerprint, {file name: bytes})."""
    updated = dict(stamp)
    for kind, (fingerprint, files) in built.items():
        updated[kind] = {"inputs": fingerprint,
                         "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}}
    return json.dumps(updated, indent=1, sort_keys=True).encode("utf-8")
