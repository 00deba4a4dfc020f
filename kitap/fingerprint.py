"""Content fingerprints of everything a build reads, so an unchanged project is not built again.

Cheap on purpose: only hashing, no YAML, no WeasyPrint, so a no-op rebuild costs a fraction of a second.
Each output kind has its own fingerprint: a change to the large-print stylesheet rebuilds only the
large-print PDF; a change to a note rebuilds everything, because every output shows it.

Of the project, exactly the files the last build's loader read are hashed (the stamp lists them; before
a first build, the standard names of kitap/load/sources.py), through the loader's own checks: a link out
of the project, a file over the size limit or one that cannot be read is refused in the loader's words
before any of it is read, and nothing else in the project folder is ever opened. Which files the loader
reads depends only on what those files say (book.yaml's `article:`) and on which of them exist, so a
project whose listed files are unchanged reads the same files again.
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path, PurePosixPath

from . import __version__
from .errors import SourceError
from .load.files import open_source
from .load.sources import ABSENT, default_names

TOOL_ROOT = Path(__file__).resolve().parents[1]
STAMP = ".kitap-build.json"
SOURCES = "sources"  # the stamp's list of the project files the last build read
EDITIONS = "editions"  # the stamp's record of the editions: the source's own script and those built
SKIP_DIRS = {"__pycache__", ".git", ".venv"}


def _tool_files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not SKIP_DIRS & set(path.parts) and path.suffix != ".pyc" \
                and not any(p.startswith(".") for p in path.relative_to(folder).parts):
            yield path


def _file_digest(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@lru_cache(maxsize=8)
def code_digest(*folders: str) -> str:
    """The digest of kitap's own files in these folders (relative to the toolchain: 'kitap', 'styles'):
    names and bytes, as the caches of the chapters' layouts and of the checker key their entries."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in _tool_files(TOOL_ROOT / folder):
            digest.update(f"{path.relative_to(TOOL_ROOT)}\0{_file_digest(path)}\0".encode())
    return digest.hexdigest()


def project_state(source: Path, names) -> dict[str, str]:
    """Name → sha256 of each named project file (streamed), or ABSENT; the loader's refusals are raised.
    In a course pack, 'texts/K/NAME' is the file NAME of the K-th text course.yaml lists (confined to
    that text's own folder, as its loader confines it)."""
    state = {}
    folders = _text_folders(source, names)
    for name in names:
        root, path = _located(source, name, folders)
        if path is None or not os.path.lexists(path):  # (anything else there is refused by open_source)
            state[name] = ABSENT
            continue
        with open_source(path, root) as handle:
            try:
                state[name] = hashlib.file_digest(handle, "sha256").hexdigest()
            except OSError as exc:
                raise SourceError(path, 0, f"cannot read this file ({exc.strerror})") from None
    return state


def _text_folders(source: Path, names) -> list[Path]:
    from .load.course import TEXTS_PREFIX, is_course, text_folders

    if not any(name.startswith(TEXTS_PREFIX) for name in names) or not is_course(source):
        return []
    return text_folders(source)


def _located(source: Path, name: str, folders: list[Path]) -> tuple[Path, Path | None]:
    """The folder a stamp's file name is confined to, and its path (None: a text the course no longer has)."""
    from .load.course import TEXTS_PREFIX

    if not folders or not name.startswith(TEXTS_PREFIX):
        return source, source / name
    index, _, rest = name.removeprefix(TEXTS_PREFIX).partition("/")
    if not index.isdigit() or not 1 <= int(index) <= len(folders) or not rest:
        return source, None
    return folders[int(index) - 1], folders[int(index) - 1] / rest


def source_names(stamp: dict) -> tuple[str, ...]:
    """The project files to hash: those the last build read, or the standard ones."""
    return tuple(stamp.get(SOURCES, ())) or default_names()


def only_for() -> dict[str, set[str]]:
    """Tool files that only some outputs read (declared by the outputs) → those outputs' kinds; every other
    file of styles/ and templates/ is shared."""
    from .outputs import kinds, reads_of

    result: dict[str, set[str]] = {}
    for kind in kinds():
        for name in reads_of(kind):
            result.setdefault(name, set()).add(kind)
    return result


def stamp_key(kind: str, edition: str = "") -> str:
    """The stamp's name for an output of an edition: 'pdf' for the source's own script, 'pdf-latn'."""
    return f"{kind}-{edition}" if edition else kind


def fingerprints(state: dict[str, str], keys: dict[str, str], options: str,
                 kind_options: dict[str, str] | None = None) -> dict[str, str]:
    """Stamp key → hex digest of the project's files (`state`, from project_state or the loader's own log),
    the tool's code, templates, styles and fonts, and options (and `kind_options`, those of one kind: the
    outputs the web page links); `keys` maps each stamp key to its kind."""
    owned = only_for()
    common = hashlib.sha256(__version__.encode())
    for name, digest in sorted(state.items()):
        common.update(f"source/{name}\0{digest}\0".encode())
    tool = [(p, str(p.relative_to(TOOL_ROOT))) for folder in ("kitap", "templates", "styles")
            for p in _tool_files(TOOL_ROOT / folder)]
    for path, label in tool:
        if label not in owned:
            common.update(f"{label}\0{_file_digest(path)}\0".encode())
    common.update(options.encode())
    result = {}
    for key, kind in keys.items():
        digest = common.copy()
        digest.update(key.encode())
        digest.update((kind_options or {}).get(kind, "").encode())
        for path, label in tool:
            if kind in owned.get(label, ()):
                digest.update(f"{label}\0{_file_digest(path)}\0".encode())
        result[key] = digest.hexdigest()
    return result


def read_stamp(output: Path) -> dict:
    """The stamp of the last build, keeping only well-formed entries: a damaged stamp counts as none."""
    try:
        data = json.loads((output / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    stamp = {kind: entry for kind, entry in data.items() if kind not in (SOURCES, EDITIONS) and _entry_ok(entry)}
    sources = data.get(SOURCES)
    if isinstance(sources, list) and sources and all(_safe_name(name) for name in sources):
        stamp[SOURCES] = sources
    editions = data.get(EDITIONS)
    if (isinstance(editions, dict) and isinstance(editions.get("own"), str)
            and isinstance(editions.get("default"), list) and all(isinstance(e, str) for e in editions["default"])):
        stamp[EDITIONS] = editions
    return stamp


def stamp_keys(stamp: dict, kinds: tuple[str, ...], scripts: tuple[str, ...] | None) -> dict[str, str] | None:
    """The stamp keys (→ kinds) a build of `kinds` in `scripts` (None: the book's own choice) makes, as the
    last build's record tells; None when it cannot tell (no record: a first build)."""
    record = stamp.get(EDITIONS)
    if record is None:
        return None
    chosen = scripts or tuple(record["default"])
    return {stamp_key(kind, "" if script == record["own"] else script): kind for script in chosen for kind in kinds}


def _entry_ok(entry) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("inputs"), str) and isinstance(entry.get("files"), dict)
            and all(_safe_name(name) and isinstance(digest, str) for name, digest in entry["files"].items()))


def _safe_name(name) -> bool:
    """A relative name inside the folder: no absolute path, no '..', nothing hidden."""
    if not isinstance(name, str) or not name or "\\" in name or "\0" in name:
        return False
    parts = PurePosixPath(name).parts
    return not PurePosixPath(name).is_absolute() and ".." not in parts and not any(p.startswith(".") for p in parts)


def up_to_date(output: Path, kind: str, fingerprint: str, stamp: dict) -> bool:
    """True when the output was built from exactly these inputs and its files are still as written."""
    entry = stamp.get(kind)
    if not entry or entry.get("inputs") != fingerprint:
        return False
    for name, digest in entry.get("files", {}).items():
        path = output / name
        if not path.is_file() or _file_digest(path) != digest:
            return False
    return True


def stamp_bytes(stamp: dict, built: dict[str, tuple[str, dict[str, bytes]]], sources, editions: dict) -> bytes:
    """The stamp after a build: `built` maps stamp key → (fingerprint, {file name: bytes}); `sources`: the
    project files this build read; `editions`: {"own": script, "default": [scripts built by default]}."""
    updated = dict(stamp)
    for kind, (fingerprint, files) in built.items():
        updated[kind] = {"inputs": fingerprint,
                         "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}}
    updated[SOURCES] = sorted(sources)
    updated[EDITIONS] = editions
    return json.dumps(updated, indent=1, sort_keys=True).encode("utf-8")
