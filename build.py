#!/usr/bin/env python3
"""Entry point: `python build.py --help`.

kitap's dependencies live in the project's .venv (made by `make`). Run with another Python that lacks
them, this script starts itself again with the .venv's Python, or says how to make one.
"""
import importlib.util
import os
import sys
from pathlib import Path

# The modules every command imports (requirements.txt pins them).
REQUIRED = ("click", "rich", "jinja2", "markdown_it", "mdit_py_plugins", "ruamel.yaml", "ebooklib", "weasyprint",
            "fontTools", "uharfbuzz", "PIL")


def _missing() -> list:
    missing = []
    for name in REQUIRED:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(name)
    return missing


def _ensure_dependencies() -> None:
    missing = _missing()
    if not missing:
        return
    venv = Path(__file__).resolve().parent / ".venv"
    venv_python = venv / "bin" / "python"
    if venv_python.is_file() and Path(sys.prefix).resolve() != venv.resolve() and not os.environ.get("KITAP_REEXEC"):
        os.environ["KITAP_REEXEC"] = "1"  # once: a broken .venv must not loop
        os.execv(str(venv_python), [str(venv_python), *sys.argv])
    here = os.path.relpath(Path(__file__).resolve().parent)
    print(f"kitap's dependencies are not installed for this Python ({sys.executable}: no {', '.join(missing)}).\n"
          f"Run `make` once in {here} (it makes .venv with everything kitap needs), then run "
          f"`{os.path.join(here, '.venv', 'bin', 'python')} {' '.join(sys.argv)}`.", file=sys.stderr)
    sys.exit(1)


if __name__ == "__main__":
    _ensure_dependencies()
    from kitap.cli import run

    run()
