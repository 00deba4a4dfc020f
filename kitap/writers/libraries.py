"""Faster start: WeasyPrint looks for each C library under several names (Windows ones first), and
for every miss ctypes runs `ldconfig -p` (and gcc) again — about 0.18 s of a build on Linux. While
WeasyPrint is imported, answer those look-ups from one `ldconfig -p` listing instead. Which library
is found does not change: the same listing, the same matching rule as ctypes."""
from __future__ import annotations

import ctypes.util
import re
import shutil
import subprocess
import sys
from contextlib import contextmanager
from functools import lru_cache


@lru_cache(maxsize=1)
def _listing() -> str:
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    try:
        return subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=10,
                              env={"LC_ALL": "C", "LANG": "C"}).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def _find(name: str) -> str | None:
    match = re.search(rf"\s+(lib{re.escape(name)}\.so[^\s]*)\s+\(", _listing())
    return match[1] if match else None


@contextmanager
def fast_library_lookup():
    if not sys.platform.startswith("linux") or not _listing():
        yield
        return
    original = ctypes.util.find_library
    ctypes.util.find_library = lambda name: _find(name) or None
    try:
        yield
    finally:
        ctypes.util.find_library = original
