"""The one loader: read and check every file of a project, then return one Book.

Nothing is written anywhere; all problems found are reported together.
"""
from __future__ import annotations

import os
import re
import uuid
from pathlib import Path
from typing import Any, Callable

from ..errors import SourceError, SourceErrors
from ..appendices import appendices
from ..languages import UnknownLanguage, pack_for
from ..model import (Anchor, Annotation, Book, Correction, Editorial, Meta,
                     Origin)
from .article import parse_inline_markdown, parse_markdown, parse_plain
from .characters import too_long
from .dates import parse_partial_date
from .files import decode, inside_project, read_bytes
from .sources import ARTICLE_CANDIDATES, BOOK_FILE, ReadLog
from .yamlio import Field, check_list, check_mapping, line_of, parse_yaml

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# BCP 47 language tags of the form language[-script][-region][-variant…]: kk, ru, en-GB, kk-KZ, kk-Latn,
# kk-Latn-KZ, sr-Cyrl, de-CH-1996 (extensions and private-use subtags are not accepted).
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*$", re.I)
LANGUAGE_EXAMPLES = "kk, ru, en, kk-KZ, kk-Latn"

BOOK_FIELDS = (  # limits: file names stay short; a title longer than 300 letters fits no cover or page head
    Field("title", required=True, limit=300), Field("author", required=True, limit=200), Field("name", limit=100),
    Field("subtitle", limit=300), Field("credentials", limit=200), Field("language", limit=35), Field("date", "date"),
    Field("identifier", limit=200), Field("rights", limit=2000), Field("publisher", limit=200),
    Field("description", limit=5000), Field("article", limit=200), Field("certified_by", limit=200),
    Field("source", limit=500),
    Field("editions", "list"),
)
ANNOTATION_FIELDS = (Field("anchor", required=True), Field("note", required=True), Field("occurrence", "int"))
EDITORIAL_FIELDS = (Field("title_note"), Field("corrections", "list"), Field("notes", "list"))
CORRECTION_FIELDS = (Field("line", "int", required=True), Field("original", required=True),
                     Field("corrected", required=True), Field("reason"))


def load_project(root: Path) -> Book:
    root = Path(root)
    if root.is_file():
        raise SourceErrors([SourceError(root, 0, f"this is a file, not a project folder: give its folder with --source "
                                                 f"({root.parent}), or import it: python build.py import {root}")])
    if not root.is_dir():
        raise SourceErrors([SourceError(root, 0, "source folder not found (give an existing project folder with --source, "
                                                 "or create one with `python build.py new DIR`)")])
    errors: list[SourceError] = []
    reader = _Reader(root)
    book_path = root / BOOK_FILE
    if not reader.exists(book_path):
        raise SourceErrors([SourceError(book_path, 0, f"missing {BOOK_FILE}: every project needs one with at least "
                                                      "'title:' and 'author:'")])
    book_node = reader.yaml(book_path)
    fields = check_mapping(book_node, BOOK_FIELDS, book_path, 1, BOOK_FILE, errors)
    meta = _meta(fields, book_node, book_path, errors)
    article_path = _article_path(reader, fields.get("article"), book_node, book_path)
    # a file that cannot be read is told, and the others are read on: every file's errors in one run
    before = len(errors)
    article_text = _collected(errors, lambda: reader.text(article_path, glyphs=True))
    blocks, notes = [], []
    if article_text is not None and article_path.suffix == ".md":
        blocks, notes = _collected(errors, lambda: parse_markdown(article_text, article_path)) or ([], [])
    elif article_text is not None:
        blocks = _collected(errors, lambda: parse_plain(article_text, article_path)) or []
    if len(errors) == before and not any(b.kind != "h" for b in blocks):
        errors.append(SourceError(article_path, 1, "the article is empty: write at least one paragraph "
                                                   "(one paragraph per line)"))
    book = Book(root=root, meta=meta, blocks=blocks, notes=notes)
    book.annotations = _annotations(reader, errors)
    for appendix in appendices():  # glossary, chronology, persons … (kitap/appendices)
        path, node = reader.optional_yaml(appendix.file, errors)
        book.appendices[appendix.name] = appendix.load(node, path, errors)
    # (editorial.yaml's corrections are checked against the article's lines: not when it could not be read)
    book.editorial = _editorial(reader, article_text, article_path, errors) if article_text is not None else Editorial()
    if errors:
        raise SourceErrors(errors)
    book.sources = reader.log
    return book


class _Reader:
    """Reads the project's files (through the same checks as the fingerprint) and logs what it read."""

    def __init__(self, root: Path):
        self.root, self.log = root, ReadLog()

    def _name(self, path: Path) -> str:
        """The file's name relative to the project folder (a declared article comes resolved)."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return os.path.relpath(path, self.root.resolve())

    def exists(self, path: Path) -> bool:
        """Whether the project has a file of this name: anything there (a folder, a pipe, a link that leads
        nowhere) is read, and refused with its reason, rather than taken for no file."""
        if os.path.lexists(path):
            return True
        self.log.missing(self._name(path))
        return False

    def text(self, path: Path, glyphs: bool = False) -> str:
        data = read_bytes(path, self.root)
        self.log.read(self._name(path), data)
        return decode(path, data, self.root, glyphs)

    def yaml(self, path: Path) -> Any:
        return parse_yaml(path, self.text(path))

    def optional_yaml(self, name: str, errors: list[SourceError]) -> tuple[Path, Any]:
        """The file's YAML, None when it is not there or cannot be read (its errors added to `errors`)."""
        path = self.root / name
        return path, (_collected(errors, lambda: self.yaml(path)) if self.exists(path) else None)


def _collected(errors: list[SourceError], read: Callable[[], Any]) -> Any:
    """What `read` returns, or None with its source errors added to `errors`."""
    try:
        return read()
    except SourceErrors as found:
        errors.extend(found.errors)
    except SourceError as found:
        errors.append(found)
    return None


def _meta(fields: dict, node: Any, path: Path, errors: list[SourceError]) -> Meta:
    name = fields.get("name") or "book"
    if not NAME_RE.match(name):
        errors.append(SourceError(path, line_of(node, "name", 1), f"'name' is used for file names: use Latin letters, "
                                                                  f"digits, '-' or '_' (not '{name}')"))
    if fields.get("date"):
        _, problem = parse_partial_date(fields["date"])
        if problem:
            errors.append(SourceError(path, line_of(node, "date", 1), problem))
    language = fields.get("language") or "kk"
    pack = None
    if not LANGUAGE_RE.match(language):
        errors.append(SourceError(path, line_of(node, "language", 1), _language_problem(language)))
    else:
        try:
            pack = pack_for(language)
        except UnknownLanguage as unknown:
            errors.append(SourceError(path, line_of(node, "language", 1), f"{unknown}; README.md says how to add one"))
    editions = _editions(fields.get("editions"), pack, node, path, errors)
    identifier = fields.get("identifier") or "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "kitap:" + fields.get("title", "") + "|" + fields.get("author", "")))
    return Meta(name=name, title=fields.get("title", ""), author=fields.get("author", ""),
                language=language, identifier=identifier,
                subtitle=fields.get("subtitle", ""), credentials=fields.get("credentials", ""),
                date=fields.get("date", ""), rights=fields.get("rights", ""),
                publisher=fields.get("publisher", ""), description=fields.get("description", ""),
                certified_by=fields.get("certified_by", ""), source=fields.get("source", ""), editions=editions)


def _editions(value, pack, node: Any, path: Path, errors: list[SourceError]) -> tuple[str, ...]:
    """book.yaml's `editions:` (the scripts built by default), each the source's own or one its pack makes."""
    if not value:
        return ()
    line = line_of(node, "editions", 1)
    offered = (pack.script.lower(), *pack.editions) if pack else ()
    chosen = []
    for item in value:
        script = str(item).strip().lower() if isinstance(item, str) else None
        if not script or (pack and script not in offered):
            choice = f" (for '{pack.tag}': {', '.join(offered)})" if pack else ""
            errors.append(SourceError(path, line, f"'editions' lists scripts to build{choice}, not {item!r}"))
        elif script not in chosen:
            chosen.append(script)
    return tuple(chosen)


def _language_problem(language: str) -> str:
    hyphened = language.replace("_", "-")
    hint = f"did you mean '{hyphened}'? " if hyphened != language and LANGUAGE_RE.match(hyphened) else ""
    return (f"'language' must be a language tag (BCP 47: language[-script][-region], e.g. {LANGUAGE_EXAMPLES}), "
            f"not '{language}'" + (f"; {hint.strip()}" if hint else ""))


def _article_path(reader: _Reader, declared: str | None, node: Any, book_path: Path) -> Path:
    root = reader.root
    if declared:
        path = inside_project(root, declared, book_path, line_of(node, "article", 1))
        if not reader.exists(path):
            raise SourceErrors([SourceError(book_path, line_of(node, "article", 1), f"article file '{declared}' not found")])
        return path
    found = [root / name for name in ARTICLE_CANDIDATES if reader.exists(root / name)]
    if len(found) != 1:
        problem = "both article.md and article.txt exist; keep one, or name it with 'article:'" if found else \
            "no article found: add article.txt (one paragraph per line) or article.md (Markdown)"
        raise SourceErrors([SourceError(book_path, 0, problem)])
    return found[0]


def anchor_of(fields: dict, path: Path, line: int) -> Anchor | None:
    """An entry's anchor (`anchor:` and `occurrence:`), if it has one."""
    if not fields.get("anchor"):
        return None
    return Anchor(fields["anchor"], fields.get("occurrence"), Origin(path, line))


def _annotations(reader: _Reader, errors: list[SourceError]) -> list[Annotation]:
    path, node = reader.optional_yaml("annotations.yaml", errors)
    result: list[Annotation] = []

    def each(item: Any, line: int) -> None:
        fields = check_mapping(item, ANNOTATION_FIELDS, path, line, "an annotation", errors)
        if "anchor" in fields and "note" in fields:
            origin = Origin(path, line)
            body = inline_text(fields["note"], Origin(path, line_of(item, "note", line)), errors)
            result.append(Annotation(anchor_of(fields, path, line), body, origin))

    check_list(node, path, "annotations.yaml", errors, each)
    return result


def _editorial(reader: _Reader, article_text: str, article_path: Path, errors: list[SourceError]) -> Editorial:
    path, node = reader.optional_yaml("editorial.yaml", errors)
    if node is None:
        return Editorial()
    fields = check_mapping(node, EDITORIAL_FIELDS, path, 1, "editorial.yaml", errors)
    editorial = Editorial(title_note=fields.get("title_note", ""))
    article_lines = article_text.split("\n")

    def correction(item: Any, line: int) -> None:
        c = check_mapping(item, CORRECTION_FIELDS, path, line, "a correction", errors)
        if len(c) < 3:
            return
        target = article_lines[c["line"] - 1] if 1 <= c["line"] <= len(article_lines) else ""
        if c["corrected"] not in target:
            errors.append(SourceError(path, line, f"correction says line {c['line']} of {article_path.name} reads "
                                                  f"'{c['corrected']}', but it does not; fix the line number or the text"))
            return
        editorial.corrections.append(Correction(c["line"], c["original"], c["corrected"], c.get("reason", "")))

    def note(item: Any, line: int) -> None:
        if not isinstance(item, str) or not item.strip():
            errors.append(SourceError(path, line, "each editorial note must be a line of text"))
        elif problem := too_long(item, "this note"):
            errors.append(SourceError(path, line, problem))
        else:
            editorial.notes.append(item.strip())

    check_list(fields.get("corrections"), path, "'corrections'", errors, correction)
    check_list(fields.get("notes"), path, "'notes'", errors, note)
    return editorial


def inline_text(text: str, origin: Origin, errors: list[SourceError]):
    """A YAML text with inline Markdown (a note, an event), or [] with its problem added to `errors`."""
    try:
        return parse_inline_markdown(text, origin)
    except SourceError as error:
        errors.append(error)
        return []
