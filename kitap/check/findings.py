"""What a check reports: a Finding at a file position, and the Edit that fixes it when the fix is safe."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import display_path, one_line


@dataclass(frozen=True)
class Edit:
    """Replace the article text between two character offsets (equal for an insertion)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Finding:
    """One problem: `path:line:col: severity: message [rule]`; line and col are 1-based, col in characters.

    `fix` holds the edits `check --fix` may apply; it is empty when the problem needs a human.
    """

    path: Path
    line: int
    col: int
    severity: str  # "error" or "warning"
    message: str
    rule: str
    fix: tuple[Edit, ...] = field(default=(), compare=False, repr=False)
    subject: str = field(default="", compare=False, repr=False)  # the word a spelling finding is about
    count: int = field(default=1, compare=False, repr=False)     # how many findings a summary stands for

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}:{self.col}: {self.severity}: {one_line(self.message)} [{self.rule}]"

    @property
    def sort_key(self) -> tuple:
        return str(self.path), self.line, self.col, self.rule
