"""The few exception types users can meet; none of them prints a traceback."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def display_path(path: Path | str) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    path = Path(path)
    try:
        return os.path.relpath(path) if path.is_absolute() and Path.cwd() in path.parents else str(path)
    except ValueError:
        return str(path)


LINE_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


def one_line(message: str) -> str:
    """A message as one line, whatever text of the sources it quotes (a value holding U+2028 would
    otherwise break "one line per problem")."""
    return message.translate(LINE_BREAKS)


class KitapError(Exception):
    """Base class: everything the CLI turns into a message and exit status 1."""


@dataclass
class SourceError(KitapError):
    """Something wrong in a source file, at a line (1-based; 0 when the whole file is meant)."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        where, message = display_path(self.path), one_line(self.message)
        return f"{where}:{self.line}: {message}" if self.line else f"{where}: {message}"


class SourceErrors(KitapError):
    """All the source errors found in one pass, reported together."""

    def __init__(self, errors: list[SourceError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


class Reported(KitapError):
    """Problems already put into words (by the build's helper process), one line each."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = list(lines)


def messages(error: KitapError) -> list[str]:
    """One line per problem, as the user sees them."""
    if isinstance(error, Reported):
        return error.lines
    return [str(e) for e in error.errors] if isinstance(error, SourceErrors) else [str(error)]


class BuildError(KitapError):
    """A failure that is not the source's fault (unwritable output folder, missing tool)."""
