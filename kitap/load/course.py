"""A course pack: a folder with course.yaml naming existing projects, in order, bound as one volume.

    name: term-1
    title: "Қазақстан тарихы: 1-тоқсан"
    editor: "А. Сейітова"
    date: 2026-09-01
    numbering: per-text          # paragraph numbers restart in each text (or: continuous)
    texts:
      - part: "I бөлім. Тәуелсіздік"
      - ../lessons/un            # project folders, relative to this file
      - ../lessons/constitution

Each text is read and checked by the one loader exactly as when it is built alone (its files stay
confined to its own folder); nothing is copied. The texts are bound into one Book by
transforms/volume.py after each is transformed on its own.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SourceError, SourceErrors
from ..languages import pack_tag
from ..model import Book, Meta, Origin

COURSE_FILE = "course.yaml"
MAX_TEXTS = 400
TEXTS_PREFIX = "texts/"  # the fingerprint's names of the texts' files: texts/K/article.txt
NUMBERINGS = ("per-text", "continuous")
# Where a part heading stands in print: a page of its own (a book's part title page), or at the head of its
# first text's opening page (a photocopied pack: no sheet spent on it)
PART_PAGES = ("own-page", "with-text")


@dataclass
class Entry:
    """One item of `texts:`: a project folder (and the part heading that comes before it, if any)."""

    folder: Path
    written: str         # as course.yaml writes it
    line: int
    part: str = ""


@dataclass
class Course:
    root: Path
    meta: Meta
    numbering: str
    entries: list[Entry]
    texts: list[Book]            # each project as loaded (what the checker reads)
    sources: dict[str, str] = field(default_factory=dict)  # course.yaml and each text's files → sha256
    parts: str = PART_PAGES[0]   # where a part heading stands in print (PART_PAGES)


def is_course(folder: Path) -> bool:
    return (Path(folder) / COURSE_FILE).is_file()


def _fields():
    from .yamlio import Field

    return (Field("title", required=True, limit=300), Field("editor", limit=200), Field("name", limit=100),
            Field("subtitle", limit=300), Field("date", "date"), Field("language", limit=35),
            Field("numbering", choices=NUMBERINGS), Field("parts", choices=PART_PAGES),
            Field("texts", "list", required=True),
            Field("identifier", limit=200), Field("rights", limit=2000), Field("publisher", limit=200),
            Field("description", limit=5000), Field("editions", "list"))


def _read(root: Path) -> tuple[Path, Any, bytes]:
    from .files import decode, read_bytes
    from .yamlio import parse_yaml

    path = root / COURSE_FILE
    data = read_bytes(path, root)
    return path, parse_yaml(path, decode(path, data, root)), data


def _entries(node: Any, path: Path, root: Path, errors: list[SourceError]) -> list[Entry]:
    from .yamlio import check_list, line_of

    entries: list[Entry] = []
    part, part_line = "", 0
    seen: dict[Path, int] = {}

    def opens_nothing() -> None:
        if part:
            errors.append(SourceError(path, part_line, f"part «{part}» opens no text (a part heading goes right before "
                                                       "the first text of its part): list its texts after it, or remove it"))

    def each(item: Any, line: int) -> None:
        nonlocal part, part_line
        if isinstance(item, dict) and set(item) == {"part"} and isinstance(item["part"], str) and item["part"].strip():
            opens_nothing()
            part, part_line = item["part"].strip(), line
            return
        if not isinstance(item, str) or not item.strip():
            errors.append(SourceError(path, line, "each item of 'texts' is a project folder (e.g. '- ../lessons/un') "
                                                  "or a part heading ('- part: \"I бөлім\"')"))
            return
        folder = (root / item.strip()).resolve()
        if not (folder / "book.yaml").is_file():
            problem = "is not a folder" if not folder.is_dir() else "has no book.yaml"
            errors.append(SourceError(path, line, f"text '{item.strip()}' {problem}; 'texts' lists project folders, "
                                                  f"relative to {COURSE_FILE}"))
            return
        if folder in seen:
            errors.append(SourceError(path, line, f"text '{item.strip()}' is already listed at line {seen[folder]}; "
                                                  "list each text once"))
            return
        seen[folder] = line
        entries.append(Entry(folder, item.strip(), line, part))
        part = ""

    check_list(node, path, "'texts'", errors, each)
    opens_nothing()
    if len(entries) > MAX_TEXTS:
        errors.append(SourceError(path, line_of(node, default=1), f"{len(entries)} texts; a volume holds at most "
                                                                  f"{MAX_TEXTS} (make several course packs)"))
    return entries


def text_folders(root: Path) -> list[Path]:
    """The project folders course.yaml lists, in order (for the fingerprint: no project is read)."""
    errors: list[SourceError] = []
    path, node, _ = _read(root)
    texts = node.get("texts") if isinstance(node, dict) else None
    return [entry.folder for entry in _entries(texts, path, root, errors)]


def course_editions(root: Path) -> tuple[str, ...] | None:
    """course.yaml's `editions:` (the scripts its volume is built in by default), if it lists any."""
    _, node, _ = _read(root)
    editions = node.get("editions") if isinstance(node, dict) else None
    if isinstance(editions, list) and editions and all(isinstance(e, str) for e in editions):
        return tuple(e.strip() for e in editions)
    return None


def source_name(index: int, name: str) -> str:
    """The fingerprint's name of a text's file: 'texts/3/article.txt' (the third text of course.yaml)."""
    return f"{TEXTS_PREFIX}{index}/{name}"


def _load_text(folder: Path):
    """One text of the course loaded (in a worker of load_course's pool): the book, or its source errors."""
    from .project import load_project

    try:
        return load_project(folder), []
    except SourceErrors as problems:
        return None, problems.errors
    except SourceError as problem:  # (a file that is not YAML at all: the other texts are still read)
        return None, [problem]


def load_course(root: Path, jobs: int = 1) -> Course:
    """The course pack at `root` and its texts, read by up to `jobs` processes; every source error of every
    text raised together, in the order of course.yaml."""
    from ..lanes import in_processes
    from .project import _meta
    from .yamlio import check_mapping, line_of

    root = Path(root)
    errors: list[SourceError] = []
    path, node, data = _read(root)
    fields = check_mapping(node, _fields(), path, 1, COURSE_FILE, errors)
    entries = _entries(fields.get("texts"), path, root, errors) if "texts" in fields else []
    if "texts" in fields and not entries and not errors:
        errors.append(SourceError(path, line_of(node, "texts", 1), "'texts' lists no project folder; name at least one"))
    texts: list[Book] = []
    for text, problems in in_processes(_load_text, [entry.folder for entry in entries], jobs):
        if text is not None:
            texts.append(text)
        errors += problems
    if errors:
        raise SourceErrors(errors)
    language = fields.get("language") or texts[0].meta.language
    for entry, text in zip(entries, texts):
        if pack_tag(text.meta.language) != pack_tag(language):  # kk and kk-KZ agree; kk and kk-Latn do not
            errors.append(SourceError(entry.folder / "book.yaml", 1, f"this text is in '{text.meta.language}', the course "
                                      f"pack in '{language}' ({path}:{entry.line}); a volume's texts share its language "
                                      "and alphabet (a volume of texts in Cyrillic letters has a Latin edition: "
                                      "--script latn)"))
    values = {**fields, "language": language, "author": fields.get("editor", "")}
    meta = _meta(values, node, path, errors)
    if errors:
        raise SourceErrors(errors)
    meta.editor = fields.get("editor", "")
    if not fields.get("name"):
        meta.name = root.resolve().name if _name_ok(root.resolve().name) else "course"
    sources = {"course.yaml": hashlib.sha256(data).hexdigest()}
    for index, text in enumerate(texts, start=1):
        sources.update({source_name(index, name): digest for name, digest in text.sources.items()})
    return Course(root, meta, fields.get("numbering") or "per-text", entries, texts, sources,
                  parts=fields.get("parts") or PART_PAGES[0])


def _name_ok(name: str) -> bool:
    from .project import NAME_RE

    return bool(NAME_RE.match(name))


def origin_of(course: Course, index: int) -> Origin:
    return Origin(course.root / COURSE_FILE, course.entries[index].line)
