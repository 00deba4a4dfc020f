"""Faster start: importing WeasyPrint cost a third of a small build; two things in it are avoidable.

1. WeasyPrint looks for each C library under several names (Windows ones first), and for every miss
   ctypes runs `ldconfig -p` (and gcc) again — about 0.18 s on Linux. While WeasyPrint is imported,
   those look-ups are answered from one `ldconfig -p` listing. Which library is found does not change:
   the same listing, the same matching rule as ctypes.
2. It imports fontTools' subsetter and variable-font instancer (0.1 s with what they pull in) though it
   uses them only when HarfBuzz cannot subset a font or a font is variable (never with the shipped
   fonts and libharfbuzz-subset). They are given to it lazily: the subsetter as the real module,
   executed on first use (importlib's LazyLoader); the instancer function as a stand-in that imports
   the real one when called.
"""
from __future__ import annotations

import ctypes.util
import importlib
import importlib.util
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


def import_weasyprint() -> None:
    """Import all of WeasyPrint, the fast way (see above); once per process."""
    if "weasyprint.urls" in sys.modules:
        return
    with fast_library_lookup(), _deferred_font_tools():
        import weasyprint.document  # noqa: F401
        import weasyprint.urls  # noqa: F401


INSTANCER = "fontTools.varLib.instancer"


def _instantiate_variable_font(*args, **kwargs):
    """Stand-in for fontTools.varLib.instancer.instantiateVariableFont: imports the real one when used."""
    return importlib.import_module(INSTANCER).instantiateVariableFont(*args, **kwargs)


@contextmanager
def _deferred_font_tools():
    import types

    import fontTools

    added = []
    if "fontTools.subset" not in sys.modules:
        spec = importlib.util.find_spec("fontTools.subset")
        spec.loader = importlib.util.LazyLoader(spec.loader)
        module = importlib.util.module_from_spec(spec)
        sys.modules["fontTools.subset"] = module
        spec.loader.exec_module(module)  # lazy: runs the module's code on first attribute use
        fontTools.subset = module
    if INSTANCER not in sys.modules:
        stand_in = types.ModuleType(INSTANCER)
        stand_in.instantiateVariableFont = _instantiate_variable_font
        sys.modules[INSTANCER] = stand_in
        added.append(stand_in)
    try:
        yield
    finally:
        for stand_in in added:  # later imports get the real module
            if sys.modules.get(INSTANCER) is stand_in:
                del sys.modules[INSTANCER]
