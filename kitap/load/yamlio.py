"""YAML with line numbers (ruamel.yaml), and a small declarative schema checker.

Every error is collected with its line so one run reports them all.
"""
from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..errors import SourceError


def parse_yaml(path: Path, text: str) -> Any:
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text)
    except DuplicateKeyError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        key = str(exc.problem).split('"')[1] if '"' in str(exc.problem) else ""
        raise SourceError(path, line, f"duplicate key '{key}' (each key may appear once per entry)") from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise SourceError(path, line, f"invalid YAML: {problem} (check indentation, and quote text containing ':' or '#')") from None
    except YAMLError as exc:
        raise SourceError(path, 0, f"invalid YAML: {exc}") from None


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its value type ('text', 'int', 'date', 'list'), whether it is required."""

    name: str
    kind: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()


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
    """The value in its Python form, or an error message."""
    if kind == "text":
        if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
            return None, "must be text"
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()[:10], None
        return str(value).strip(), None
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return None, "must be a whole number"
        return value, None
    if kind == "list":
        return (value, None) if isinstance(value, list) or value is None else (None, "must be a list of entries, each starting with '- '")
    if kind == "date":
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()[:10], None
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value), None
        if isinstance(value, str):
            return value.strip(), None
        return None, "must be a date written YYYY, YYYY-MM or YYYY-MM-DD"
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
        else:
            result[field.name] = clean
    for field in fields:
        if field.required and field.name not in node and field.name not in suggested:
            errors.append(SourceError(path, line, f"{what} is missing the required key '{field.name}'"))
    return result


def check_list(node: Any, path: Path, what: str, errors: list[SourceError],
               each: Callable[[Any, int], None]) -> None:
    """Call `each(item, line)` for every item of a YAML list; an empty file is an empty list."""
    if node is None:
        return
    if not isinstance(node, list):
        errors.append(SourceError(path, line_of(node, default=1), f"{what} must be a list of entries, each starting with '- '"))
        return
    for index, item in enumerate(node):
        each(item, line_of(node, index, 1))
