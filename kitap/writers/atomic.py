"""Write all outputs or none: files are staged inside the output folder, then renamed into place.

The staging folder, `.kitap-staging-*`, is inside the output folder, so every rename stays on one file
system (an output folder that is a mount point works, and its parent need not be writable). The
commit, step by step, and what a kill at each step leaves:

1. each file is written and flushed to disk in the staging folder; killed here: the outputs are the
   old ones, plus a staging folder that the next build removes;
2. a `.commit` list is written there: from now on the commit is decided;
3. the files are renamed into place one by one, the stamp (the pipeline puts it last) last; killed
   here: some files are new and the rest old, and the next build first finishes the renames (all
   new), then goes on;
4. the staging folder is removed; killed here: all new, and the next build removes the empty folder.

A staging folder is stale when no process holds the lock on its `.lock` file (the lock goes with the
process that took it, however that process ends), so a build never removes one that another build is
still filling.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from pathlib import Path

from ..errors import BuildError

STAGING_PREFIX = ".kitap-staging-"
LOCK, COMMIT = ".lock", ".commit"


def commit_outputs(output: Path, files: dict[str, bytes]) -> list[Path]:
    """Write `files` (relative name → bytes) into `output`, the last one last; the paths written."""
    try:
        output.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=output))
        lock = os.open(staging / LOCK, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        raise BuildError(f"{output}: cannot write the output folder ({exc.strerror})") from None
    decided = False
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for name, data in files.items():
            _write(staging / name, data)
            (output / name).parent.mkdir(parents=True, exist_ok=True)
        _write(staging / COMMIT, "\n".join(files).encode("utf-8"))
        _sync_folder(staging)
        decided = True
        _move_all(staging, output, list(files))
        return [output / name for name in files]
    except OSError as exc:
        raise BuildError(f"{output}: cannot write outputs ({exc.strerror or exc})"
                         + ("; the next build finishes replacing them" if decided else "")) from None
    finally:
        os.close(lock)
        if not decided or not (staging / COMMIT).exists() or _moved(staging, files):
            shutil.rmtree(staging, ignore_errors=True)


def _moved(staging: Path, files) -> bool:
    return not any((staging / name).exists() for name in files)


def recover(output: Path) -> None:
    """Finish the commits that were decided and remove the staging folders no build is filling."""
    try:
        stale = sorted(p for p in output.iterdir() if p.name.startswith(STAGING_PREFIX) and p.is_dir())
    except OSError:
        return
    for staging in stale:
        try:
            lock = os.open(staging / LOCK, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError:
            continue
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(lock)
            continue  # a build that is running holds it
        try:
            if (staging / COMMIT).is_file():
                names = (staging / COMMIT).read_text(encoding="utf-8").split("\n")
                _move_all(staging, output, [n for n in names if _relative(n) and (staging / n).is_file()])
        except (OSError, UnicodeDecodeError) as exc:
            raise BuildError(f"{output}: cannot finish the commit of an earlier build ({exc}); remove "
                             f"{staging.name} and build again") from None
        finally:
            os.close(lock)
        shutil.rmtree(staging, ignore_errors=True)


def _relative(name: str) -> bool:
    return bool(name) and not os.path.isabs(name) and ".." not in Path(name).parts


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _move_all(staging: Path, output: Path, names: list[str]) -> None:
    folders = {output}
    for name in names:
        target = output / name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / name, target)
        folders.add(target.parent)
    for folder in folders:
        _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable (where the file system allows opening a folder)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
