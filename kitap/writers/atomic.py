"""Write all outputs or none: each file appears whole, by rename, after every output is ready."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..errors import BuildError


def commit_outputs(output: Path, files: dict[str, bytes]) -> list[Path]:
    """Write `files` (relative name → bytes) into `output`, each by an atomic rename."""
    try:
        output.mkdir(parents=True, exist_ok=True)
        # The staging folder sits beside output/, never in it, so no half-written file ever appears there.
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    except OSError as exc:
        raise BuildError(f"{output}: cannot write the output folder ({exc.strerror})") from None
    try:
        staged = []
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            staged.append((path, output / name))
        for source, target in staged:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
        return [target for _, target in staged]
    except OSError as exc:
        raise BuildError(f"{output}: cannot write outputs ({exc.strerror})") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
