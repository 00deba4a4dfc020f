"""The one loader: read and check every file of a project, then return one Book.

Nothing is written anywhere; all problems found are reported together.
"""
from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

from ..errors import SourceError, SourceErrors
from ..model import (Anchor, Annotation, Book, ChronoEvent, Correction, Editorial, GlossaryEntry, Meta,
                     Origin)
from .article import parse_inline_markdown, parse_markdown, parse_plain
from .dates import parse_partial_date
from .files import inside_project, read_text
from .yamlio import Field, check_list, check_mapping, line_of, parse_yaml

BOOK_FILE = "book.yaml"
ARTICLE_CANDIDATES = ("article.md", "article.txt")
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

BOOK_FIELDS = (
    Field("title", required=True), Field("author", required=True), Field("name"), Field("subtitle"),
    Field("credentials"), Field("language"), Field("date", "date"), Field("identifier"), Field("rights"),
    Field("publisher"), Field("description"), Field("article"), Field("certified_by"),
)
ANNOTATION_FIELDS = (Field("anchor", required=True), Field("note", required=True), Field("occurrence", "int"))
GLOSSARY_FIELDS = (
    Field("term", required=True), Field("expansion", required=True), Field("ru"), Field("en"),
    Field("origin", choices=("kk", "ru", "en")), Field("note"),
)
CHRONOLOGY_FIELDS = (Field("date", "date", required=True), Field("event", required=True), Field("anchor"),
                     Field("occurrence", "int"))
EDITORIAL_FIELDS = (Field("title_note"), Field("corrections", "list"), Field("notes", "list"))
CORRECTION_FIELDS = (Field("line", "int", required=True), Field("original", required=True),
                     Field("corrected", required=True), Field("reason"))


def load_project(root: Path) -> Book:
    root = Path(root)
    if not root.is_dir():
        raise SourceErrors([SourceError(root, 0, "source folder not found (give an existing project folder with --source, "
                                                 "or create one with `python build.py new DIR`)")])
    errors: list[SourceError] = []
    book_path = root / BOOK_FILE
    if not book_path.is_file():
        raise SourceErrors([SourceError(book_path, 0, f"missing {BOOK_FILE}: every project needs one with at least "
                                                      "'title:' and 'author:'")])
    book_node = _yaml(book_path, root)
    fields = check_mapping(book_node, BOOK_FIELDS, book_path, 1, BOOK_FILE, errors)
    meta = _meta(fields, book_node, book_path, errors)
    article_path = _article_path(root, fields.get("article"), book_node, book_path)
    article_text = read_text(article_path, root)
    if article_path.suffix == ".md":
        blocks, notes = parse_markdown(article_text, article_path)
    else:
        blocks, notes = parse_plain(article_text, article_path), []
    if not any(b.kind != "h" for b in blocks):
        errors.append(SourceError(article_path, 1, "the article is empty: write at least one paragraph "
                                                   "(one paragraph per line)"))
    book = Book(root=root, meta=meta, blocks=blocks, notes=notes)
    book.annotations = _annotations(root, errors)
    book.glossary = _glossary(root, errors)
    book.chronology = _chronology(root, errors)
    book.editorial = _editorial(root, article_text, article_path, errors)
    if errors:
        raise SourceErrors(errors)
    return book


def _yaml(path: Path, root: Path) -> Any:
    return parse_yaml(path, read_text(path, root))


def _optional_yaml(root: Path, name: str) -> tuple[Path, Any]:
    path = root / name
    return path, (_yaml(path, root) if path.is_file() else None)


def _meta(fields: dict, node: Any, path: Path, errors: list[SourceError]) -> Meta:
    name = fields.get("name") or "book"
    if not NAME_RE.match(name):
        errors.append(SourceError(path, line_of(node, "name", 1), f"'name' is used for file names: use Latin letters, "
                                                                  f"digits, '-' or '_' (not '{name}')"))
    if fields.get("date"):
        _, problem = parse_partial_date(fields["date"])
        if problem:
            errors.append(SourceError(path, line_of(node, "date", 1), problem))
    identifier = fields.get("identifier") or "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "kitap:" + fields.get("title", "") + "|" + fields.get("author", "")))
    return Meta(name=name, title=fields.get("title", ""), author=fields.get("author", ""),
                language=fields.get("language") or "kk", identifier=identifier,
                subtitle=fields.get("subtitle", ""), credentials=fields.get("credentials", ""),
                date=fields.get("date", ""), rights=fields.get("rights", ""),
                publisher=fields.get("publisher", ""), description=fields.get("description", ""),
                certified_by=fields.get("certified_by", ""))


def _article_path(root: Path, declared: str | None, node: Any, book_path: Path) -> Path:
    if declared:
        path = inside_project(root, declared, book_path, line_of(node, "article", 1))
        if not path.is_file():
            raise SourceErrors([SourceError(book_path, line_of(node, "article", 1), f"article file '{declared}' not found")])
        return path
    found = [root / name for name in ARTICLE_CANDIDATES if (root / name).is_file()]
    if len(found) != 1:
        problem = "both article.md and article.txt exist; keep one, or name it with 'article:'" if found else \
            "no article found: add article.txt (one paragraph per line) or article.md (Markdown)"
        raise SourceErrors([SourceError(book_path, 0, problem)])
    return found[0]


def _anchor(fields: dict, path: Path, line: int) -> Anchor | None:
    if not fields.get("anchor"):
        return None
    return Anchor(fields["anchor"], fields.get("occurrence"), Origin(path, line))


def _annotations(root: Path, errors: list[SourceError]) -> list[Annotation]:
    path, node = _optional_yaml(root, "annotations.yaml")
    result: list[Annotation] = []

    def each(item: Any, line: int) -> None:
        fields = check_mapping(item, ANNOTATION_FIELDS, path, line, "an annotation", errors)
        if "anchor" in fields and "note" in fields:
            origin = Origin(path, line)
            result.append(Annotation(_anchor(fields, path, line), _inline(fields["note"], origin, errors), origin))

    check_list(node, path, "annotations.yaml", errors, each)
    return result


def _glossary(root: Path, errors: list[SourceError]) -> list[GlossaryEntry]:
    path, node = _optional_yaml(root, "glossary.yaml")
    result: list[GlossaryEntry] = []
    seen: dict[str, int] = {}

    def each(item: Any, line: int) -> None:
        fields = check_mapping(item, GLOSSARY_FIELDS, path, line, "a glossary entry", errors)
        if "term" not in fields or "expansion" not in fields:
            return
        term = fields["term"]
        if term in seen:
            errors.append(SourceError(path, line, f"duplicate glossary term '{term}' (first defined at line {seen[term]}); merge the two entries"))
            return
        seen[term] = line
        result.append(GlossaryEntry(term, fields["expansion"], Origin(path, line), ru=fields.get("ru", ""),
                                    en=fields.get("en", ""), source_language=fields.get("origin", ""),
                                    note=fields.get("note", "")))

    check_list(node, path, "glossary.yaml", errors, each)
    return result


def _chronology(root: Path, errors: list[SourceError]) -> list[ChronoEvent]:
    path, node = _optional_yaml(root, "chronology.yaml")
    result: list[ChronoEvent] = []

    def each(item: Any, line: int) -> None:
        fields = check_mapping(item, CHRONOLOGY_FIELDS, path, line, "a chronology entry", errors)
        if "date" not in fields or "event" not in fields:
            return
        date, problem = parse_partial_date(fields["date"])
        if problem:
            errors.append(SourceError(path, line_of(item, "date", line), problem))
            return
        origin = Origin(path, line)
        result.append(ChronoEvent(date, _inline(fields["event"], origin, errors), origin, _anchor(fields, path, line)))

    check_list(node, path, "chronology.yaml", errors, each)
    return result


def _editorial(root: Path, article_text: str, article_path: Path, errors: list[SourceError]) -> Editorial:
    path, node = _optional_yaml(root, "editorial.yaml")
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
        if isinstance(item, str) and item.strip():
            editorial.notes.append(item.strip())
        else:
            errors.append(SourceError(path, line, "each editorial note must be a line of text"))

    check_list(fields.get("corrections"), path, "'corrections'", errors, correction)
    check_list(fields.get("notes"), path, "'notes'", errors, note)
    return editorial


def _inline(text: str, origin: Origin, errors: list[SourceError]):
    try:
        return parse_inline_markdown(text, origin)
    except SourceError as error:
        errors.append(error)
        return []
