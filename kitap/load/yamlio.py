"""YAML with line numbers (ruamel.yaml), and a small declarative schema checker.

Every error is collected with its line so one run reports them all.

What the YAML reader refuses, and why, before anything is built from it:
- nesting deeper than MAX_DEPTH (ruamel's composer counts it before it recurses, so 20,000 levels of
  `[[[…` fail at once, not with a RecursionError after seconds);
- a key that is not plain text (`? [1, 2]`, `? *alias`): kitap's keys are field names;
- explicit tags (`!!binary`, `!custom`): no kitap file needs them.
Scalars are read as text, always: no YAML type guessing, so `date: 1992-13-45` is the text the date
reader explains, `title: 0x1F` stays "0x1F" (not 31), and the schema below decides what is a number.
Every text value is then held to the same character rules as a source file (kitap/load/characters.py).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.parser import Parser
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scanner import Scanner

from ..errors import SourceError, SourceErrors
from . import characters

MAX_DEPTH = 50
WHOLE_NUMBER = re.compile(r"^[0-9]{1,18}$")


class Refused(MarkedYAMLError):
    """Valid YAML that kitap's files never need; its `problem` is the whole message."""


class _TextResolver(VersionedResolver):
    """Every plain scalar is text: no implicit ints, floats, booleans, nulls or timestamps."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


class _Composer(Composer):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.warn_double_anchors = False  # a reused anchor is valid YAML (the later one counts): no raw warning

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        tag = getattr(event, "ctag", None)
        if tag is not None and str(tag) != "!":
            raise Refused(None, None, f"YAML tags such as '{tag}' are not used in kitap's files; remove it",
                          event.start_mark)
        return super().compose_node(parent, index)

    def compose_mapping_node(self, anchor: Any) -> Any:
        node = super().compose_mapping_node(anchor)
        for key, _ in node.value:
            if not isinstance(key, ScalarNode):
                # an alias (`? *a`) is the node it names, defined earlier: point at this mapping instead
                mark = key.start_mark if key.start_mark.line >= node.start_mark.line else node.start_mark
                raise Refused(None, None, "a key must be a plain name (like 'title'), not a list or a mapping "
                                          "(a line starting with '? ' makes one)", mark)
        return node


def parse_yaml(path: Path, text: str) -> Any:
    """The YAML document in `text`; SourceError (or SourceErrors, one per bad text value) otherwise."""
    yaml = YAML(typ="rt", pure=True)
    # The round-trip constructor (maps and lists that know the line of each key and item) fed by the plain
    # scanner and parser: the round-trip ones also gather every comment, which kitap's reader never uses
    # (a third of the reading time of a course pack's 160 files; the same values and lines)
    yaml.Scanner, yaml.Parser = Scanner, Parser
    yaml.Resolver = _TextResolver
    yaml.Composer = _Composer
    yaml.allow_duplicate_keys = False
    yaml.max_depth = MAX_DEPTH
    try:
        data = yaml.load(text)
    except DuplicateKeyError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        key = str(exc.problem).split('"')[1] if '"' in str(exc.problem) else ""
        raise SourceError(path, line, f"duplicate key '{key}' (each key may appear once per entry)") from None
    except Refused as exc:
        raise SourceError(path, exc.problem_mark.line + 1, exc.problem) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if problem.startswith("maximum depth"):
            problem = f"nested more than {MAX_DEPTH} levels deep; kitap's files need three at most"
            raise SourceError(path, line, f"invalid YAML: {problem}") from None
        unclosed = (exc.context_mark.line + 1 if exc.context_mark and "quoted scalar" in (exc.context or "")
                    else _unclosed_quote(text, line))  # (the scanner read to the file's end, or the next key)
        if unclosed:
            raise SourceError(path, unclosed, 'a quoted text opened on this line is not closed: end it with the same '
                                              'quote mark (") before the line ends') from None
        if "'\\t'" in problem or "\t" in problem:
            raise SourceError(path, line, "a tab: YAML indents with spaces only; replace the tab with spaces") from None
        if problem.startswith("expected <block end>") and "<block mapping start>" in problem:
            raise SourceError(path, line, "this line is indented more than the line above it: begin it where the key "
                                          "above begins (an entry's keys stand one under the other)") from None
        raise SourceError(path, line, f"invalid YAML: {problem} (check indentation, and quote text containing ':' or '#')") from None
    except YAMLError as exc:
        raise SourceError(path, 0, f"invalid YAML: {exc}") from None
    except (ValueError, OverflowError) as exc:  # e.g. an escape beyond Unicode: "\U00110000"
        raise SourceError(path, 0, f"invalid YAML: {exc}") from None
    errors = text_problems(data, path)
    if errors:
        raise SourceErrors(errors)
    return data


def _unclosed_quote(text: str, line: int) -> int:
    """The line, at or just before the one the parser stopped at, whose value opens a double quote it never
    closes («note: "Хаттама.» then the next key: the parser speaks of «<block end>» a line too late); 0: none."""
    lines = text.splitlines()
    for number in (line - 1, line):
        if 1 <= number <= len(lines) and ":" in lines[number - 1]:
            value = lines[number - 1].split(":", 1)[1].strip()
            if value.startswith('"') and not re.search(r'(?<!\\)"', value[1:]):
                return number
    return 0

def text_problems(node: Any, path: Path, line: int = 1, seen: set[int] | None = None) -> list[SourceError]:
    """Every text in the document (keys and values) checked as a source file's text is, at its key's line."""
    seen = set() if seen is None else seen
    if isinstance(node, str):
        found = characters.problem(node)
        return [SourceError(path, line, found[1])] if found else []
    if not isinstance(node, (CommentedMap, CommentedSeq)) or id(node) in seen:
        return []  # an alias repeats a node already checked
    seen.add(id(node))
    errors = []
    pairs = node.items() if isinstance(node, CommentedMap) else enumerate(node)
    for key, value in pairs:
        where = line_of(node, key, line)
        if isinstance(key, str):
            errors += text_problems(key, path, where, seen)
        errors += text_problems(value, path, where, seen)
    return errors


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its value type ('text', 'int', 'date', 'list'), whether it is required, the
    values it may take, its longest text (default: characters.MAX_TEXT, the longest any text may be)."""

    name: str
    kind: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    limit: int = 0


def line_of(node: Any, key: Any = None, default: int = 0) -> int:
    """1-based line of a mapping key, a sequence item, or the node itself."""
    try:
        if key is None:
            return node.lc.line + 1
        if isinstance(node, CommentedMap):
            return node.lc.key(key)[0] + 1
        if isinstance(node, CommentedSeq):
            return node.lc.item(key)[0] + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        pass
    return default


def _coerce(value: Any, kind: str) -> tuple[Any, str | None]:
    """The value in its Python form, or an error message. Every scalar arrives as text."""
    if kind in ("text", "date"):
        if not isinstance(value, str):
            return None, "must be text" if kind == "text" else "must be a date written YYYY, YYYY-MM or YYYY-MM-DD"
        return value.strip(), None
    if kind == "int":
        if not isinstance(value, str) or not WHOLE_NUMBER.match(value.strip()):
            negative = isinstance(value, str) and WHOLE_NUMBER.match(value.strip().lstrip("-"))
            return None, "must be a whole number" + (" from 1 (the first is 1)" if negative else "")
        return int(value), None
    if kind == "list":
        return (value, None) if isinstance(value, list) or value in (None, "") else (None, "must be a list of entries, each starting with '- '")
    raise AssertionError(kind)


def check_mapping(node: Any, fields: tuple[Field, ...], path: Path, line: int, what: str,
                  errors: list[SourceError]) -> dict[str, Any]:
    """Validate one mapping against `fields`; append problems to `errors`; return clean values."""
    if not isinstance(node, dict):
        errors.append(SourceError(path, line, f"{what} must be a set of 'key: value' lines"))
        return {}
    known = {f.name: f for f in fields}
    result: dict[str, Any] = {}
    suggested: set[str] = set()
    for key, value in node.items():
        key_line = line_of(node, key, line)
        field = known.get(str(key))
        if field is None:
            close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "valid keys: " + ", ".join(known)
            suggested.update(close)
            errors.append(SourceError(path, key_line, f"unknown key '{key}' in {what} ({hint})"))
            continue
        clean, problem = _coerce(value, field.kind)
        if problem:
            errors.append(SourceError(path, key_line, f"'{key}' {problem}"))
        elif field.choices and clean not in field.choices:
            errors.append(SourceError(path, key_line, f"'{key}' must be one of: {', '.join(field.choices)} (not '{clean}')"))
        elif field.kind == "text" and field.required and not clean:
            errors.append(SourceError(path, key_line, f"'{key}' must not be empty"))
        elif isinstance(clean, str) and len(clean) > (field.limit or characters.MAX_TEXT):
            errors.append(SourceError(path, key_line, f"'{key}' is {len(clean):,} characters long; the limit is "
                                                      f"{field.limit or characters.MAX_TEXT:,}"))
        else:
            result[field.name] = clean
    for field in fields:
        if field.required and field.name not in node and field.name not in suggested:
            errors.append(SourceError(path, line, f"{what} is missing the required key '{field.name}'"))
    return result


def check_list(node: Any, path: Path, what: str, errors: list[SourceError],
               each: Callable[[Any, int], None]) -> None:
    """Call `each(item, line)` for every item of a YAML list; an empty file is an empty list."""
    if node is None or node == "":
        return
    if not isinstance(node, list):
        errors.append(SourceError(path, line_of(node, default=1), f"{what} must be a list of entries, each starting with '- '"))
        return
    for index, item in enumerate(node):
        each(item, line_of(node, index, 1))
