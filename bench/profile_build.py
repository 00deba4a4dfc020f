"""Where a kitap build spends its time: WeasyPrint's layout and PDF writing vs everything else.

    .venv/bin/python bench/profile_build.py [--source source] [--only pdf,epub] [--top 15] [--json FILE]

Two fresh child processes, each running one cold in-process build (imports included, as in a real
`python build.py` run) into a new temporary output folder:

1. "timed": no profiler; `weasyprint.HTML.render` (parse of styles, box building and layout =
   "layout"), `weasyprint.document.Document.write_pdf` ("PDF writing") and `weasyprint.HTML.__init__`
   (HTML parsing) are wrapped with timers. Exact wall-clock shares, no profiler distortion.
2. "cprofile": the same build under cProfile (saved as bench/work/build.prof for snakeviz or pstats).
   Shares from cumulative times, and the top functions OUTSIDE WeasyPrint's layout and PDF writing:
   each function's cumulative time minus the part of it spent under those two WeasyPrint calls (or
   spent inside them, for library code they call, such as fontTools). cProfile only records
   caller→callee totals, so that split is proportional along call edges: exact for kitap's own
   non-recursive wrappers, an estimate for code called from many places.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
TOOLCHAIN = BENCH.parent
WORK = BENCH / "work"

LAYOUT_KEYS = (("weasyprint/__init__.py", "render"), ("weasyprint/document.py", "_render"))
WRITE_KEYS = (("weasyprint/document.py", "write_pdf"),)
PARSE_KEYS = (("weasyprint/__init__.py", "__init__"),)
IMPORT_KEYS = (("weasyprint/__init__.py", "<module>"),)
# (module, function, bucket): kitap steps timed in the "timed" child when they exist. A function
# imported by name into several modules is patched in each (buckets add up; no nesting between them).
KITAP_STEPS = (
    ("kitap.pipeline", "fingerprints", "kitap: fingerprints (no-op check)"),
    ("kitap.load", "load_project", "kitap: load"),
    ("kitap.pipeline", "load_project", "kitap: load"),
    ("kitap.transforms", "apply_transforms", "kitap: transforms"),
    ("kitap.pipeline", "apply_transforms", "kitap: transforms"),
    ("kitap.pipeline", "check_before_build", "kitap: checker (before the build)"),
    ("kitap.writers.pdf", "render_document", "kitap: HTML from templates (PDF)"),
    ("kitap.writers.epub", "render_document", "kitap: HTML from templates (EPUB)"),
    ("kitap.writers.epub", "write_epub", "kitap: write_epub (all of it)"),
    ("kitap.writers.epub", "epub_fonts", "kitap: EPUB font subsetting"),
    ("kitap.writers.epub", "cover_png", "kitap: EPUB cover image (Pillow)"),
    ("kitap.writers.epub", "page_starts", "kitap: EPUB page map from the A4 layout"),
    ("kitap.writers.epub", "normalise_zip", "kitap: EPUB zip normalisation"),
    ("kitap.pipeline", "commit_outputs", "kitap: commit outputs"),
)


# ---------------------------------------------------------------- child: one build -------------

def _build(toolchain: Path, source: Path, only: str):
    sys.path.insert(0, str(toolchain))
    from kitap.pipeline import build, parse_only

    out = Path(tempfile.mkdtemp(prefix="profile-out-", dir=WORK))
    try:
        return build(source, out / "output", parse_only(only))  # a folder that does not exist: a full build
    finally:
        shutil.rmtree(out, ignore_errors=True)


def child_timed(toolchain: Path, source: Path, only: str) -> dict:
    spent = {"layout": 0.0, "write_pdf": 0.0, "html_parse": 0.0}
    started = time.perf_counter()
    sys.path.insert(0, str(toolchain))
    try:  # import WeasyPrint the way the toolchain does, when it has its own way (faster library look-ups)
        from kitap.weasy.imports import import_weasyprint
        import_weasyprint()
    except ImportError:
        pass
    import weasyprint
    import weasyprint.document

    import_seconds = time.perf_counter() - started

    depth: dict[str, int] = {}  # per bucket: a call inside a call of the same bucket is not counted twice

    def timed(owner, name, bucket):
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            depth[bucket] = depth.get(bucket, 0) + 1
            began = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                depth[bucket] -= 1
                if depth[bucket] == 0:
                    spent[bucket] += time.perf_counter() - began
        setattr(owner, name, wrapper)

    timed(weasyprint.HTML, "render", "layout")
    timed(weasyprint.document.Document, "write_pdf", "write_pdf")
    timed(weasyprint.HTML, "__init__", "html_parse")
    # kitap's own steps, where this version of the toolchain has them (names looked up, never required)
    import importlib
    for module_name, attr, bucket in KITAP_STEPS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if callable(getattr(module, attr, None)):
            spent.setdefault(bucket, 0.0)
            timed(module, attr, bucket)
    report = _build(toolchain, source, only)
    total = time.perf_counter() - started
    return {"mode": "timed", "total": total, "weasyprint_import": import_seconds, **spent,
            "stages": dict(getattr(report, "stages", {}) or {}), "build_report_seconds": report.seconds}


def _short(func) -> str:
    filename, line, name = func
    for marker in ("site-packages/", "/lib/python3"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
            break
    else:
        try:
            filename = str(Path(filename).resolve().relative_to(TOOLCHAIN.resolve()))
        except ValueError:
            pass
    return f"{filename}:{line}({name})"


def _match(stats: dict, keys) -> list:
    return [f for f in stats if any(f[0].endswith(path) and f[2] == name for path, name in keys)]


def _cum(stats: dict, funcs) -> float:
    return sum(stats[f][3] for f in funcs)


def attribute(stats: dict, roots: set, rounds: int = 400) -> dict:
    """func → seconds of its cumulative time outside the root calls (see the module docstring).

    Two fixed points over the call graph (self-calls ignored):
    under(F) = share of F's time spent under a root = caller-weighted mean of under(caller);
    inside(F) = root time within F's subtree = sum over callees of edge time × inside(C) / cum(C).
    """
    callers = {f: [(p, e[3]) for p, e in v[4].items() if p != f and p in stats] for f, v in stats.items()}
    callees: dict = {f: [] for f in stats}
    for f, edges in callers.items():
        for p, ct in edges:
            callees[p].append((f, ct))
    cum = {f: v[3] for f, v in stats.items()}
    under = {f: (1.0 if f in roots else 0.0) for f in stats}
    inside = {f: (cum[f] if f in roots else 0.0) for f in stats}
    for _ in range(rounds):
        changed = 0.0
        for f in stats:
            if f in roots:
                continue
            edges = callers[f]
            total = sum(ct for _, ct in edges)
            value = sum(ct * under[p] for p, ct in edges) / total if total > 0 else 0.0
            changed = max(changed, abs(value - under[f]))
            under[f] = value
            value = sum(ct * min(1.0, inside[c] / cum[c]) for c, ct in callees[f] if cum[c] > 0)
            value = min(value, cum[f])
            changed = max(changed, abs(value - inside[f]))
            inside[f] = value
        if changed < 1e-6:
            break
    attribute_self.under = under
    return {f: max(0.0, cum[f] * (1.0 - under[f]) - inside[f]) for f in stats if f not in roots}


def attribute_self(stats: dict, roots: set) -> dict:
    """func → its own time (tottime) not spent under the root calls (after `attribute`)."""
    under = getattr(attribute_self, "under", {})
    return {f: v[2] * (1.0 - under.get(f, 0.0)) for f, v in stats.items() if f not in roots}


def child_cprofile(toolchain: Path, source: Path, only: str, top: int) -> dict:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    _build(toolchain, source, only)
    profiler.disable()
    wall = time.perf_counter() - started
    prof_path = WORK / "build.prof"
    profiler.dump_stats(prof_path)
    stats = pstats.Stats(profiler).stats
    total = sum(v[2] for v in stats.values())  # all time recorded (tottime adds up to the profiled time)
    layout_funcs = _match(stats, LAYOUT_KEYS[:1]) or _match(stats, LAYOUT_KEYS[1:])
    write_funcs = _match(stats, WRITE_KEYS)
    roots = set(layout_funcs) | set(write_funcs)
    outside = attribute(stats, roots)
    def shown(func) -> bool:
        filename = func[0]
        return not ("/weasyprint/" in filename or filename.startswith("<frozen") or filename.endswith(
            "profile_build.py") or func[2] in ("<built-in method builtins.exec>", "<built-in method builtins.__import__>"))

    rows, listed = [], []
    for func, seconds in sorted(outside.items(), key=lambda kv: -kv[1]):
        if not shown(func) or seconds < 0.001:
            continue
        # a pass-through (all its outside time is that of a caller already listed) adds nothing
        callers = stats[func][4]
        if any(p in callers and seconds >= 0.95 * outside[p] for p in listed):
            listed.append(func)
            continue
        listed.append(func)
        rows.append({"function": _short(func), "outside_s": seconds, "cum_s": stats[func][3],
                     "tottime_s": stats[func][2], "calls": stats[func][1]})
        if len(rows) >= top:
            break
    own = attribute_self(stats, roots)
    self_rows = [{"function": _short(f), "self_s": s_, "calls": stats[f][1]}
                 for f, s_ in sorted(own.items(), key=lambda kv: -kv[1]) if "/weasyprint/" not in f[0]][:top]
    named = {}
    for label, keys in (("weasyprint import", IMPORT_KEYS), ("weasyprint HTML parse", PARSE_KEYS)):
        named[label] = _cum(stats, _match(stats, keys))
    for label, name in (("kitap load_project", "load_project"), ("kitap apply_transforms", "apply_transforms"),
                        ("kitap render_document (Jinja)", "render_document"), ("kitap write_epub", "write_epub"),
                        ("kitap epub_fonts (font subsetting)", "epub_fonts"), ("kitap cover_png", "cover_png"),
                        ("kitap page_starts", "page_starts"), ("kitap commit_outputs", "commit_outputs")):
        funcs = [f for f in stats if f[2] == name and "/kitap/" in f[0]]
        if funcs:
            named[label] = _cum(stats, funcs)
    imports = [f for f in stats if f[0].startswith("<frozen importlib._bootstrap>") and f[2] == "_find_and_load"]
    named["all imports (importlib, outermost)"] = _cum(stats, imports)
    return {"mode": "cprofile", "total": total, "wall": wall, "layout": _cum(stats, layout_funcs),
            "write_pdf": _cum(stats, write_funcs), "named": named, "top": rows, "self_top": self_rows, "prof": str(prof_path),
            "layout_function": [_short(f) for f in layout_funcs]}


# ---------------------------------------------------------------- parent: report ---------------

def run_child(mode: str, toolchain: Path, source: Path, only: str, top: int) -> dict:
    WORK.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkstemp(prefix=f"profile-{mode}-", suffix=".json", dir=WORK)[1])
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--toolchain", str(toolchain),
           "--source", str(source), "--only", only, "--top", str(top), "--json", str(out)]
    result = subprocess.run(cmd, cwd=toolchain, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"profile child ({mode}) failed:\n{result.stderr[-3000:]}")
    data = json.loads(out.read_text())
    out.unlink()
    return data


def profile(toolchain: Path = TOOLCHAIN, source: Path | None = None, only: str = "pdf,epub", top: int = 15) -> dict:
    source = (source or toolchain / "source").resolve()
    return {"timed": run_child("timed", toolchain, source, only, top),
            "cprofile": run_child("cprofile", toolchain, source, only, top)}


def format_report(result: dict) -> str:
    t, p = result["timed"], result["cprofile"]
    lines = []
    wp = t["layout"] + t["write_pdf"]
    lines.append("Share of build time (cold in-process build, imports included):")
    lines.append(f"  {'':34} {'timed (no profiler)':>22} {'cProfile':>18}")
    for label, a, b in (("WeasyPrint layout (HTML.render)", t["layout"], p["layout"]),
                        ("WeasyPrint PDF writing (write_pdf)", t["write_pdf"], p["write_pdf"]),
                        ("everything else", t["total"] - wp, p["total"] - p["layout"] - p["write_pdf"]),
                        ("total", t["total"], p["total"])):
        lines.append(f"  {label:34} {a:8.2f} s {100 * a / t['total']:6.1f} %   {b:8.2f} s {100 * b / p['total']:6.1f} %")
    rest = t["total"] - wp
    lines.append(f"  (of 'everything else', timed: WeasyPrint import {t['weasyprint_import']:.2f} s, "
                 f"WeasyPrint HTML parsing {t['html_parse']:.2f} s; without WeasyPrint's import the rest is "
                 f"{rest - t['weasyprint_import']:.2f} s = {100 * (rest - t['weasyprint_import']) / t['total']:.1f} %)")
    steps = [(k, v) for k, v in t.items() if k.startswith("kitap:")]
    if steps:
        lines.append("kitap's own steps, timed (no profiler; they can overlap: write_epub includes its font subsetting, "
                     "cover and page map, the checker loads the project again):")
        for label, seconds in steps:
            lines.append(f"  {label[7:]:42} {seconds:7.2f} s  {100 * seconds / t['total']:5.1f} %")
    if t.get("stages"):
        lines.append("The build's own stage timings (Stopwatch): " +
                     ", ".join(f"{k} {v:.2f} s" for k, v in t["stages"].items()))
    lines.append("Selected cumulative times under cProfile (overlapping; profiler overhead inflates pure-Python code):")
    for label, seconds in p["named"].items():
        lines.append(f"  {label:40} {seconds:7.2f} s  {100 * seconds / p['total']:5.1f} %")
    lines.append(f"Top {len(p['top'])} functions outside WeasyPrint's layout and PDF writing (cProfile, seconds outside):")
    lines.append(f"  {'outside s':>9} {'cum s':>7} {'calls':>8}  function")
    for row in p["top"]:
        lines.append(f"  {row['outside_s']:9.3f} {row['cum_s']:7.3f} {row['calls']:8d}  {row['function']}")
    lines.append(f"Top {len(p['self_top'])} functions by own time (tottime) outside WeasyPrint's layout and PDF writing:")
    lines.append(f"  {'self s':>9} {'calls':>8}  function")
    for row in p["self_top"]:
        lines.append(f"  {row['self_s']:9.3f} {row['calls']:8d}  {row['function']}")
    lines.append(f"  (full profile: {p['prof']})")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--toolchain", type=Path, default=TOOLCHAIN)
    parser.add_argument("--source", type=Path, default=None)
    parser.add_argument("--only", default="pdf,epub")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--child", choices=("timed", "cprofile"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    toolchain = args.toolchain.resolve()
    if args.child:
        source = args.source.resolve()
        data = (child_timed(toolchain, source, args.only) if args.child == "timed"
                else child_cprofile(toolchain, source, args.only, args.top))
        args.json.write_text(json.dumps(data))
        return
    result = profile(toolchain, args.source, args.only, args.top)
    print(format_report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
