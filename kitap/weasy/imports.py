"""Faster start: importing WeasyPrint cost a third of a small build; three things in it are avoidable.

1. WeasyPrint looks for each C library under several names (Windows ones first), and for every miss
   ctypes runs `ldconfig -p` (and gcc) again — about 0.18 s on Linux. While WeasyPrint is imported,
   those look-ups are answered from one `ldconfig -p` listing. Which library is found does not change:
   the same listing, the same matching rule as ctypes.
2. It imports fontTools' subsetter and variable-font instancer (0.1 s with what they pull in) though it
   uses them only when HarfBuzz cannot subset a font or a font is variable (never with the shipped
   fonts and libharfbuzz-subset). They are given to it lazily: the subsetter as the real module,
   executed on first use (importlib's LazyLoader); the instancer function as a stand-in that imports
   the real one when called.
3. It declares its C functions to cffi in one long string (ABI mode, in line), which cffi parses with
   pycparser at every import (0.08 s with pycparser's own import). cffi's "out-of-line" ABI mode does
   the same parse once and keeps the result as a small Python module; kitap makes that module from
   WeasyPrint's own declarations the first time (kept in kitap/weasy/__pycache__, named by a hash of
   the declarations and cffi's version) and hands it to WeasyPrint's `ffi` module in place of parsing:
   the same declarations, the same C libraries, found the same way.
"""
from __future__ import annotations

import ast
import ctypes.util
import hashlib
import importlib
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
from contextlib import contextmanager, redirect_stdout
from functools import lru_cache
from pathlib import Path


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
    """Import all of WeasyPrint, the fast way (see above) where the gate allows it; once per process."""
    from . import allowed

    if "weasyprint.urls" in sys.modules:
        return
    if not allowed("faster import"):
        import weasyprint.document  # noqa: F401
        import weasyprint.urls  # noqa: F401
        return
    with fast_library_lookup(), _deferred_font_tools(), _declarations_parsed_once():
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


CACHE = Path(__file__).resolve().parent / "__pycache__"


def _weasyprint_declarations(source: str) -> str | None:
    """The C declarations WeasyPrint's ffi module gives to `ffi.cdef`, read from its source (not run)."""
    calls = [node for node in ast.walk(ast.parse(source))
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "cdef"]
    if len(calls) != 1 or len(calls[0].args) != 1 or calls[0].keywords or not isinstance(calls[0].args[0], ast.Constant):
        return None
    return calls[0].args[0].value


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _precompiled_ffi():
    """An out-of-line cffi FFI for the declarations of WeasyPrint's ffi module, whose `cdef` accepts
    exactly those declarations again (that module calls it) and whose `dlopen` finds libraries as cffi's
    in-line mode does; None if WeasyPrint's module is not the plain kind this was made for."""
    import _cffi_backend
    import cffi

    package = importlib.util.find_spec("weasyprint")  # not "weasyprint.text.ffi": that would import it
    if package is None or not package.origin:
        return None
    source = (Path(package.origin).parent / "text" / "ffi.py").read_text(encoding="utf-8")
    key = _digest(f"{cffi.__version__}\0{sys.version_info[:2]}\0{source}")[:16]
    module = CACHE / f"weasyprint-ffi-{key}.py"
    if not module.is_file():  # first use with this WeasyPrint and cffi: parse the declarations once
        CACHE.mkdir(exist_ok=True)  # first, so that a folder kitap may not write to costs no second parse
        declarations = _weasyprint_declarations(source) if os.access(CACHE, os.W_OK) else None
        if declarations is None:
            return None
        builder = cffi.FFI()
        builder.cdef(declarations)
        builder.set_source("_kitap_weasyprint_ffi", None)
        partial = module.with_name(f".{module.name}.{os.getpid()}")  # written whole, then renamed: atomic
        try:
            with redirect_stdout(io.StringIO()):  # cffi prints "generating <file>"
                builder.emit_python_code(str(partial))
            partial.write_text(f"# declarations: {_digest(declarations)}\n" + partial.read_text(encoding="utf-8"),
                               encoding="utf-8")
            os.replace(partial, module)
        finally:
            partial.unlink(missing_ok=True)
    code = module.read_text(encoding="utf-8")
    made = "ffi = _cffi_backend.FFI("
    expected = code.partition("\n")[0].removeprefix("# declarations: ")
    if code.count(made) != 1 or len(expected) != 64:
        return None

    class PrecompiledFFI(_cffi_backend.FFI):
        def cdef(self, declarations, **options):
            if options or _digest(declarations) != expected:
                raise RuntimeError("WeasyPrint declared C functions other than those precompiled")

        def dlopen(self, name, flags=0):
            # as cffi's in-line dlopen: the name as given, then what ctypes.util.find_library makes of it
            try:
                return super().dlopen(name, flags)
            except OSError:
                if "/" in name or not (path := ctypes.util.find_library(name)):
                    raise
                return super().dlopen(path, flags)

    namespace = {"PrecompiledFFI": PrecompiledFFI}
    exec(compile(code.replace(made, "ffi = PrecompiledFFI("), str(module), "exec"), namespace)
    return namespace["ffi"]


@contextmanager
def _declarations_parsed_once():
    """While WeasyPrint's ffi module runs, `cffi.FFI()` gives it the precompiled FFI (see 3 above); if it
    cannot be made (no cffi backend, a read-only folder, another kind of module), WeasyPrint parses as usual."""
    import cffi

    from . import allowed

    package = importlib.util.find_spec("weasyprint")
    ffi_source = (Path(package.origin).parent / "text" / "ffi.py") if package and package.origin else None
    if "weasyprint.text.ffi" in sys.modules or ffi_source is None or not allowed(
            "precompiled C declarations", ffi_source.read_text(encoding="utf-8"), "text/ffi.py"):
        yield
        return
    try:
        ffi = _precompiled_ffi()
    except Exception:  # noqa: BLE001 - any failure here only costs the time it was meant to save
        ffi = None
    if ffi is None:
        yield
        return
    original = cffi.FFI
    cffi.FFI = lambda: ffi
    try:
        yield
    finally:
        cffi.FFI = original
