"""`lost-letters` (error): «?» inside words, and `check --fix`'s conversion of legacy-encoded files.

A Kazakh text saved as Windows-1251 has «?» for every ә ғ қ ң ө ұ ү һ («?аза?стан»), and converting the
file to UTF-8 afterwards keeps the «?»: the letters were lost before kitap saw the file, and only the
original, saved again as UTF-8, has them. Every line of every source file where a «?» stands between
letters is an error saying so.

`convert_files` is the other half: a source file that is certainly in a legacy encoding with all its
letters (KZ-1048, Windows-1251 …; kitap/load/encodings.py decides) is converted to UTF-8, the original
kept as `NAME.bak`. A file whose letters are already lost is left as it is: converting it would not
bring them back.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import BuildError, SourceError
from ..languages.kk.encodings import LEGACY_ENCODINGS
from ..load.encodings import LOST_RE, diagnose, lost_letters
from ..load.files import inside_project, read_bytes
from ..load.sources import ABSENT, ARTICLE_CANDIDATES, BOOK_FILE, YAML_FILES
from .findings import Finding
from .source import Project

RULE = "lost-letters"
MESSAGE = ("{words}: letters replaced by «?»: the file was saved in an encoding without Kazakh letters (such as "
           "Windows-1251) before kitap saw it, and they cannot be recovered here; save the original text again, "
           "as UTF-8")


def check(project: Project) -> Iterator[Finding]:
    article = project.article
    for line_number, start in enumerate(article.line_starts, start=1):
        end = article.line_starts[line_number] if line_number < len(article.line_starts) else len(article.text)
        words = [m for m in LOST_RE.finditer(article.text, start, end) if not m[0].isascii()]
        if words:
            yield article.finding(words[0].start(), "error", _message(m[0] for m in words), RULE)
    for name, digest in sorted(project.book.sources.items()):
        path = project.book.root / name
        if digest == ABSENT or path.suffix != ".yaml":
            continue
        text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        by_line: dict[int, list[str]] = {}
        for line, word in lost_letters(text):
            by_line.setdefault(line, []).append(word)
        for line, words in by_line.items():
            col = text.split("\n")[line - 1].find(words[0]) + 1
            yield Finding(path, line, col, "error", _message(words), RULE)


def _message(words) -> str:
    return MESSAGE.format(words=", ".join(f"«{w}»" for w in dict.fromkeys(words)))


@dataclass(frozen=True)
class Converted:
    path: Path
    encoding: str
    backup: Path


def convert_files(root: Path, backup_path, write) -> list[Converted]:
    """Convert each source file that is certainly in a legacy encoding to UTF-8, keeping a backup made by
    `backup_path(path)` and writing with `write(path, data)` (check/fix.py's own)."""
    paths = [root / name for name in YAML_FILES]  # book.yaml first: it may name the article
    converted = [done for path in paths if (done := _convert(path, root, backup_path, write))]
    declared = _declared_article(root)
    articles = [inside_project(root, declared, root / BOOK_FILE, 0)] if declared else \
        [root / name for name in ARTICLE_CANDIDATES]
    return converted + [done for path in articles if (done := _convert(path, root, backup_path, write))]


def _convert(path: Path, root: Path, backup_path, write) -> Converted | None:
    if not path.is_file():
        return None
    data = read_bytes(path, root)
    try:
        data.decode("utf-8-sig")
        return None
    except UnicodeDecodeError:
        pass
    encoding = diagnose(data).encoding
    if encoding is None:
        return None
    text = data.decode(encoding)
    backup = backup_path(path)
    try:
        backup.write_bytes(data)
        write(path, text.encode("utf-8"))
    except OSError as exc:
        raise BuildError(f"{path}: cannot write the converted file ({exc.strerror}); it is unchanged") from None
    return Converted(path, LEGACY_ENCODINGS[encoding], backup)


def _declared_article(root: Path) -> str | None:
    from ..load.yamlio import parse_yaml

    if not (root / BOOK_FILE).is_file():
        return None
    try:
        node = parse_yaml(root / BOOK_FILE, read_bytes(root / BOOK_FILE, root).decode("utf-8-sig"))
    except (SourceError, UnicodeDecodeError):
        return None
    declared = node.get("article") if isinstance(node, dict) else None
    return declared.strip() if isinstance(declared, str) and declared.strip() else None
