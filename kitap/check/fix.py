"""`check --fix`: apply the safe, mechanical fixes to the article file, keeping a backup.

First, a source file certainly in a legacy encoding (KZ-1048, Windows-1251 …) is converted to UTF-8
(`convert_encodings`, the original kept as NAME.bak). Then the article's text.

Safe means the right text is certain: legacy font letters → Kazakh letters (font-hack), Latin
look-alikes in Cyrillic words → Cyrillic (mixed-script), Cyrillic Roman numerals → Latin
(roman-cyrillic), a missing space after a sentence's end (space-after-punct), several spaces → one
(double-space), a lost full stop at a paragraph's end (paragraph-end), a word typed on a Russian
layout when one word is meant (keyboard-slip), `# ` before a heading (heading-unmarked), the
title's line repeated at the article's start removed (title-repeated). Spelling and tripled
letters are never changed: they need a human. The changes a reader sees are recorded in
editorial.yaml (kitap/check/editorial.py), which is backed up and rewritten the same way.

Everything else in the file stays byte for byte: its BOM, its line ends, every other character.
The new text is written to a temporary file in the same folder and renamed over the article, so
the article is never half-written; the original is kept as article.txt.bak (or .bak-1, .bak-2 …
when a backup already exists).
"""
from __future__ import annotations

import codecs
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BuildError
from . import FIXING_CHECKS, run_checks
from .editorial import EDITORIAL_FILE, changes, moved_line, updated
from .findings import Edit, Finding
from .language import checking
from .source import Project, read_project

SAFE_RULES = frozenset({"mojibake", "font-hack", "mixed-script", "roman-cyrillic", "space-after-punct", "space-missing",
                        "double-space", "invisible-character", "paragraph-end", "keyboard-slip", "heading-unmarked", "title-repeated", "line-broken",
                        "dialogue-as-list", "look-alike"})
MAX_ROUNDS = 4


@dataclass
class FixReport:
    path: Path
    applied: list[Finding] = field(default_factory=list)  # each finding whose fix was applied
    backup: Path | None = None
    recorded: int = 0  # corrections added to editorial.yaml


def _compatible(edits: list[tuple[Edit, Finding]]) -> list[tuple[Edit, Finding]]:
    """The edits in file order, leaving out any that would touch text another edit already changes."""
    kept: list[tuple[Edit, Finding]] = []
    for edit, finding in sorted(edits, key=lambda pair: (pair[0].start, pair[0].end)):
        if kept:
            last = kept[-1][0]
            both_insert_here = edit.start == edit.end == last.start == last.end
            if edit.start < last.end or both_insert_here:
                continue
        kept.append((edit, finding))
    return kept


def apply_edits(text: str, edits: list[Edit]) -> str:
    """`text` with non-overlapping edits (sorted by position) applied."""
    pieces, position = [], 0
    for edit in edits:
        pieces += [text[position:edit.start], edit.text]
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def _backup_path(path: Path) -> Path:
    candidate = path.with_name(path.name + ".bak")
    number = 0
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.bak-{number}")
    return candidate


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` by a file holding `data`, by rename from a temporary file beside it."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def fixed_text(project: Project) -> tuple[str, list[Finding], list[tuple[str, list[tuple[Edit, Finding]]]]]:
    """The article's text with every safe fix applied, the findings fixed, and each round's edits.

    One fix can reveal another (a legacy letter after «!» becomes a capital that starts a sentence),
    so the checks run again on the fixed text until nothing is left to fix: a second `--fix` then
    has nothing to do. Later rounds' positions are in the text as the earlier rounds left it.
    """
    article, applied, rounds = project.article, [], []
    for _ in range(MAX_ROUNDS):
        candidates = [(edit, finding) for finding in run_checks(Project(project.book, article), FIXING_CHECKS)
                      if finding.rule in SAFE_RULES for edit in finding.fix]
        chosen = _compatible(candidates)
        if not chosen:
            break
        applied += dict.fromkeys(finding for _, finding in chosen)
        rounds.append((article.text, chosen))
        article = article.with_text(apply_edits(article.text, [edit for edit, _ in chosen]))
    return article.text, applied, rounds


def _write(path: Path, data: bytes) -> Path:
    """Replace the file at `path`, keeping its old content as a backup; the backup's path."""
    target = path.resolve()
    backup = _backup_path(path)
    shutil.copy2(target, backup)
    write_atomically(target, data)
    return backup


def convert_encodings(root: Path):
    """Convert the project's files that are certainly in a legacy encoding to UTF-8 (check/encoding.py)."""
    from .encoding import convert_files

    return convert_files(Path(root), _backup_path, write_atomically)


def fix_project(root: Path) -> FixReport:
    """Apply every safe fix to the article of the project in `root`; SourceErrors propagate unfixed."""
    project = read_project(Path(root))
    article = project.article
    text, applied, rounds = fixed_text(project)
    report = FixReport(article.path, applied)
    if not applied:
        return report
    recorded = changes(rounds, text)
    editorial = Path(root) / EDITORIAL_FILE
    new_editorial = updated(editorial, recorded, lambda line: moved_line(line, article.text,
                                                                         [[e for e, _ in r[1]] for r in rounds], text),
                            dict(checking(project).correction_reasons))
    try:
        report.backup = _write(article.path, (codecs.BOM_UTF8 if article.bom else b"") + text.encode("utf-8"))
        if new_editorial is not None:
            if editorial.is_file():
                _write(editorial, new_editorial.encode("utf-8"))
            else:
                editorial.write_text(new_editorial, encoding="utf-8")
            report.recorded = len(recorded)
    except OSError as exc:
        raise BuildError(f"{article.path}: cannot write the fixed article ({exc.strerror}); it is unchanged") from None
    return report
