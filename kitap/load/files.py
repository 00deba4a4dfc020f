"""Reading source files safely: inside the project, size-limited, UTF-8 with a helpful diagnosis.

`open_source` makes every check that needs no reading (inside the project, a regular file, readable,
within the size limit) and is shared by the loader and the fingerprint, so both refuse the same files
in the same words, and neither ever opens a file outside the project.
"""
from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path
from typing import BinaryIO

from ..errors import SourceError
from . import characters

MAX_BYTES = 10 * 1024 * 1024


def inside_project(root: Path, relative: str, origin: Path, line: int) -> Path:
    """Resolve `relative` against the project root, refusing anything that leaves it (symlinks included)."""
    candidate = (root / relative).resolve()
    real_root = root.resolve()
    if candidate != real_root and real_root not in candidate.parents:
        raise SourceError(origin, line, f"path '{relative}' leads outside the project folder; keep every file inside {root}")
    return candidate


def open_source(path: Path, root: Path) -> BinaryIO:
    """The file opened for reading, after every check that needs no reading; SourceError otherwise."""
    try:
        real = path.resolve()
    except (RuntimeError, OSError):  # a loop of links
        raise SourceError(path, 0, "this file is a link that leads back to itself (a loop of links); put the "
                                   "file itself here") from None
    if real != root.resolve() and root.resolve() not in real.parents:
        raise SourceError(path, 0, f"this file is a link to {real}, outside the project folder; copy the file into the project instead")
    try:
        # O_NONBLOCK: a named pipe or device must not make the build wait; it is refused below.
        descriptor = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        raise SourceError(path, 0, "cannot read this file: permission denied (make it readable, e.g. "
                                   f"`chmod u+r {path.name}`)") from None
    except OSError as exc:
        raise SourceError(path, 0, f"cannot read this file ({exc.strerror})") from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise SourceError(path, 0, "this is not a regular file (a folder, pipe or device); a source must be a text file")
    if info.st_size > MAX_BYTES:
        os.close(descriptor)
        raise SourceError(path, 0, f"file is {info.st_size / 1048576:.1f} MB; the limit is {MAX_BYTES // 1048576} MB "
                                   "per source file (split the text into several projects)")
    return os.fdopen(descriptor, "rb")


def read_bytes(path: Path, root: Path) -> bytes:
    with open_source(path, root) as handle:
        try:
            data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise SourceError(path, 0, f"cannot read this file ({exc.strerror})") from None
    if len(data) > MAX_BYTES:  # it grew after it was measured
        raise SourceError(path, 0, f"file is over the limit of {MAX_BYTES // 1048576} MB per source file")
    return data


def decode(path: Path, data: bytes, root: Path, glyphs: bool = False) -> str:
    """The text of a source file's bytes: UTF-8 (a BOM and CRLF accepted), only characters every output
    can carry (with `glyphs`, only ones the shipped fonts have); SourceError otherwise."""
    from .encodings import diagnose, file_kind  # here: a rebuild with nothing to do decodes nothing

    kind = file_kind(data)  # a file of another kind, even if its bytes are ASCII (RTF)
    if kind:
        raise SourceError(path, 1, f"this file is {kind}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        diagnosis = diagnose(data, f"python build.py check --fix --source {shlex.quote(str(root))}")
        raise SourceError(path, diagnosis.line, diagnosis.message) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = characters.problem(text, glyphs)
    if found:
        offset, message = found
        raise SourceError(path, characters.line_at(text, offset), message)
    return text


def read_text(path: Path, root: Path, glyphs: bool = False) -> str:
    """Read a UTF-8 text file of the project; accept a BOM and CRLF, refuse what is not text."""
    return decode(path, read_bytes(path, root), root, glyphs)


def read_any_text(path: Path) -> tuple[str, str]:
    """A text file given to `import`, and the name of the encoding it was read in when not UTF-8 ('' when
    UTF-8): UTF-16 with its byte-order mark, or a legacy encoding only when the bytes leave no doubt
    (load/encodings.py; the same reading `check --fix` converts a project's file by). A project's own
    files are UTF-8 (read_text); a file to import is taken as the teacher has it."""
    from .encodings import LEGACY_ENCODINGS, diagnose

    data = read_bytes(path, path.parent)
    converted = ""
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text, converted = data.decode("utf-16"), "UTF-16"
        else:
            diagnosis = diagnose(data)
            if diagnosis.encoding:
                text, converted = diagnosis.text, LEGACY_ENCODINGS[diagnosis.encoding]
        if converted:
            data = text.encode("utf-8")
    return decode(path, data, path.parent), converted
