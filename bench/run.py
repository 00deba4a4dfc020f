"""kitap's speed benchmark (issue 7): kitap vs Pandoc 3 vs raw WeasyPrint, side by side.

    .venv/bin/python bench/run.py                # 5 rounds of every case, then the profile
    .venv/bin/python bench/run.py --quick        # smoke run: 2 rounds (with --scale: a 4-article pack)
    .venv/bin/python bench/run.py --rounds 9     # more rounds
    .venv/bin/python bench/run.py --scale        # also the course-pack scale and parallel measurements
    .venv/bin/python bench/run.py --help         # every option

Not part of `make test`. Every build is a separate process, timed as a whole (wall clock) with its
peak memory (maximum resident set size of the process, from os.wait4's rusage; for a process that
starts others, the largest single process it waited for). Each round runs every case once, in turn:

(a)  kitap: `python build.py --source SOURCE --output NEW --only pdf,epub`, NEW a folder that does
     not exist yet (a fresh output folder always forces a full build, whatever caching is added);
(d)  kitap no-op rebuild: the same command again into the same folder (target: <= 0.3 s);
(b1) Pandoc 3 (pypandoc-binary) on bench/work/seed.md → EPUB;
(b2) Pandoc 3 on seed.md → PDF with --pdf-engine=weasyprint (the venv's weasyprint first on PATH);
(c)  raw WeasyPrint CLI on kitap's own final A4 HTML (bench/work/final.html): `weasyprint -u ROOT/ final.html out.pdf`;
(c') the same with the PDF options kitap uses (--pdf-variant pdf/ua-1 --pdf-tags);
(f)  the floor of the "share outside WeasyPrint" target: WeasyPrint alone in a fresh Python process,
     imported the way kitap imports it, laying out final.html and writing it with kitap's PDF options,
     nothing else; its share of the process outside layout and PDF writing is what any toolchain that
     starts a process and lays out with WeasyPrint pays at least.

seed.md and final.html are made by bench/prep.py from the project with kitap's loader and renderer.
After the rounds: raw WeasyPrint once in-process (import, render, write_pdf separately) and
bench/profile_build.py (share of build time outside WeasyPrint's layout and PDF writing, hot spots).

--scale: a generated course pack (bench/coursepack.py, 40 articles, ~300 A4 pages) built at 5, 10,
20 and 40 articles, and all 40 one by one vs in parallel (see bench/README.md).

Generated files go to bench/work/ (git-ignored); a JSON record of each run is written there too.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
WORK = BENCH / "work"
sys.path.insert(0, str(BENCH))

ONLY = "pdf,epub"
NOOP_TARGET = 0.3
OUTSIDE_TARGET = 15.0
SPEEDUP_TARGET = 1.7
MEMORY_TARGET_MB = 1536


# ---------------------------------------------------------------- processes ----------------------

@dataclass
class Run:
    seconds: float
    rss_mb: float          # peak RSS of the largest single process (kernel rusage)
    returncode: int
    stdout: str
    stderr: str
    tree_rss_mb: float = 0.0  # peak of the summed RSS of the process and its descendants (sampled), if asked
    others_cpu_s: float = 0.0  # CPU time other processes of the machine used meanwhile (interference)

    @property
    def ok(self) -> bool:
        return self.returncode == 0


PAGE_KB = os.sysconf("SC_PAGE_SIZE") / 1024 if hasattr(os, "sysconf") else 4.0


def tree_rss_mb(root: int) -> float:
    """Summed RSS of a process and all its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, grew = {root}, True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    total = 0.0
    for pid in tree:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
        except (OSError, IndexError, ValueError):
            continue
    return total / 1024


CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def busy_cpu_seconds() -> float:
    """CPU time the whole machine has spent busy since boot (all CPUs; /proc/stat), 0 if unknown."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0
    user, nice, system, idle, iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


def wait_idle(max_wait: float, threshold: float = 0.15) -> float:
    """Wait (up to max_wait s) until the other processes use less than `threshold` of a CPU over 2 s."""
    started = time.perf_counter()
    while time.perf_counter() - started < max_wait:
        before = busy_cpu_seconds()
        time.sleep(2)
        if (busy_cpu_seconds() - before) / 2 < threshold:
            break
    return time.perf_counter() - started


def run_process(cmd: list, cwd: Path, env: dict | None = None, sample_tree: bool = False,
                cpus: set[int] | None = None) -> Run:
    """Run one process to the end: wall time, and its peak RSS from the kernel's rusage; with
    `sample_tree`, also the peak summed RSS of its process tree (sampled every 0.25 s); with `cpus`,
    the process (and its children) may run only on those CPUs."""
    preexec = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        busy_before, self_before = busy_cpu_seconds(), sum(os.times()[:2])
        started = time.perf_counter()
        proc = subprocess.Popen([str(c) for c in cmd], cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=err, preexec_fn=preexec)
        peak = [0.0]
        done = threading.Event()

        def sample():
            while not done.wait(0.25):
                peak[0] = max(peak[0], tree_rss_mb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True) if sample_tree else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        # CPU the machine spent busy meanwhile, minus this process tree and bench/run.py itself
        others = max(0.0, busy_cpu_seconds() - busy_before - usage.ru_utime - usage.ru_stime
                     - (sum(os.times()[:2]) - self_before))
        done.set()
        if sampler:
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, out.read().decode("utf-8", "replace"),
                   err.read().decode("utf-8", "replace"), max(peak[0], usage.ru_maxrss / 1024 if sample_tree else 0.0),
                   others)


def require(run: Run, what: str) -> Run:
    if not run.ok:
        tail = "\n".join((run.stderr or run.stdout).strip().splitlines()[-15:])
        raise SystemExit(f"\nbenchmark stopped: {what} failed (exit {run.returncode}):\n{tail}")
    return run


def capture(cmd: list[str], cwd: Path | None = None) -> str:
    try:
        result = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=60)
        return (result.stdout or result.stderr).strip()
    except (OSError, subprocess.SubprocessError) as error:
        return f"unavailable ({error})"


# ---------------------------------------------------------------- tools and machine --------------

@dataclass
class Tools:
    toolchain: Path
    source: Path
    python: Path
    weasyprint: Path
    pandoc: Path
    venv_bin: Path
    one_edition: tuple = ()  # options that build the source's own script only (the peers make one edition)


def find_tools(toolchain: Path, source: Path) -> Tools:
    python = Path(sys.executable)
    venv_bin = python.parent
    weasyprint = venv_bin / "weasyprint"
    pandocs = sorted(Path(sys.prefix).glob("lib/python*/site-packages/pypandoc/files/pandoc"))
    if not pandocs:
        raise SystemExit("Pandoc not found: install pypandoc-binary into this venv "
                         "(.venv/bin/python -m pip install -r requirements-test.txt)")
    if not weasyprint.exists():
        raise SystemExit(f"weasyprint CLI not found next to {python}")
    helped = capture([str(python), str(toolchain / "build.py"), "--help"])
    one_edition = ("--script", "cyrl") if "--script" in helped else ()  # a toolchain before editions has one
    return Tools(toolchain, source, python, weasyprint, pandocs[0], venv_bin, one_edition)


def machine(tools: Tools) -> dict:
    lscpu = capture(["lscpu"])
    model = next((line.split(":", 1)[1].strip() for line in lscpu.splitlines() if line.startswith("Model name")), "?")
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1)) if "MemTotal" in meminfo else 0
    hb_pkg = capture(["dpkg-query", "-W", "-f=${Status} ${Version}", "libharfbuzz-subset0"])
    hb_seen = capture([tools.python, "-c", "from weasyprint.text.ffi import harfbuzz_subset as h; print(h is not None)"])
    commit = capture(["git", "-C", tools.toolchain, "rev-parse", "--short", "HEAD"])
    dirty = capture(["git", "-C", tools.toolchain, "status", "--porcelain", "--untracked-files=no"])
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(), "nproc": capture(["nproc"]), "cpu_model": model,
        "memory_gb": round(mem_kb / 1024 / 1024, 1), "os": platform.platform(),
        "python": platform.python_version(),
        "weasyprint": capture([tools.weasyprint, "--version"]),
        "pandoc": capture([tools.pandoc, "--version"]).splitlines()[0],
        "kitap": capture([tools.python, "build.py", "--version"], tools.toolchain),
        "libharfbuzz_subset0": hb_pkg, "weasyprint_uses_harfbuzz_subset": hb_seen,
        "toolchain": str(tools.toolchain),
        "toolchain_commit": ("not a git checkout" if "fatal" in commit or "unavailable" in commit else
                             commit + (" + uncommitted changes" if dirty else "")),
        "loadavg_start": os.getloadavg(),
    }


def print_machine(info: dict) -> None:
    print(f"Machine: {info['cpu_model']}, {info['nproc']} CPUs, {info['memory_gb']} GB RAM; {info['os']}")
    print(f"Python {info['python']}, {info['weasyprint']}, {info['pandoc']}, {info['kitap']}")
    print(f"libharfbuzz-subset0: {info['libharfbuzz_subset0']}; WeasyPrint finds HarfBuzz-Subset: "
          f"{info['weasyprint_uses_harfbuzz_subset']}")
    print(f"Toolchain: {info['toolchain']} at {info['toolchain_commit']}")
    print(f"Load average at start: {' '.join(f'{x:.2f}' for x in info['loadavg_start'])}")


# ---------------------------------------------------------------- the side-by-side rounds --------

def book_title(source: Path) -> str:
    text = (source / "book.yaml").read_text(encoding="utf-8-sig")
    match = re.search(r"^title:\s*[\"']?(.*?)[\"']?\s*$", text, re.M)
    return match.group(1) if match else "Untitled"


def pdf_pages(path: Path) -> int | None:
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    try:
        return len(PdfReader(str(path)).pages)
    except Exception:
        return None


def fresh_output() -> Path:
    """A path that does not exist yet (inside a new temporary folder): a full build is forced."""
    return Path(tempfile.mkdtemp(prefix="out-", dir=WORK / "rounds")) / "output"


def rounds(tools: Tools, count: int, facts: dict, idle_wait: float = 0.0) -> dict:
    seed_md, final_html = WORK / "seed.md", WORK / "final.html"
    title = book_title(tools.source)
    lang = facts.get("language", "kk")
    pdf_env = dict(os.environ, PATH=f"{tools.venv_bin}{os.pathsep}{os.environ.get('PATH', '')}")
    peer = WORK / "peer"
    peer.mkdir(parents=True, exist_ok=True)
    meta = ["--metadata", f"title={title}", "--metadata", f"lang={lang}"]
    base_url = facts["base_url"]

    def ours(out: Path) -> list:  # --verbose: the main process's stage times, for the share outside WeasyPrint
        return [tools.python, "build.py", "--source", tools.source, "--output", out, "--only", ONLY, "--verbose",
                *tools.one_edition]

    cases = {
        "a": ("kitap build --only pdf,epub (fresh output folder)", None),
        "d": ("kitap no-op rebuild (same folder, 2nd run)", None),
        "b1": ("Pandoc → EPUB", ([tools.pandoc, seed_md, "-o", peer / "pandoc.epub", *meta], WORK, None)),
        "b2": ("Pandoc → PDF (--pdf-engine=weasyprint)", ([tools.pandoc, seed_md, "-o", peer / "pandoc.pdf",
                                                         "--pdf-engine=weasyprint", *meta], WORK, pdf_env)),
        "c": ("raw WeasyPrint CLI on kitap's final HTML", ([tools.weasyprint, "-u", base_url, final_html,
                                                          peer / "raw.pdf"], WORK, None)),
        "c2": ("raw WeasyPrint CLI, kitap's PDF options", ([tools.weasyprint, "-u", base_url, "--pdf-variant",
                                                           "pdf/ua-1", "--pdf-tags", final_html, peer / "raw-ua.pdf"],
                                                          WORK, None)),
        "f": ("WeasyPrint alone, fresh process (the floor)", ([tools.python, "-c", WEASYPRINT_ALONE, final_html, base_url,
                                                               peer / "floor.pdf", tools.toolchain, "ua"], WORK, None)),
    }
    runs: dict[str, list[Run]] = {key: [] for key in cases}
    weasyprint_share: list[float] = []  # per round: (layout + pdf write in the main process) / whole process
    import_share: list[float] = []  # the same with the main process's import of WeasyPrint counted in
    rewritten: list[bool] = []  # per round: did the "no-op" rebuild write the PDF or EPUB again?
    last_out = None
    for number in range(1, count + 1):
        waited = wait_idle(idle_wait) if idle_wait else 0.0
        out = fresh_output()
        runs["a"].append(require(run_process(ours(out), tools.toolchain), "the kitap build"))
        stages = main_process_stages(runs["a"][-1].stdout)
        if "layout" in stages:
            weasyprint_share.append((stages["layout"] + stages.get("pdf write", 0.0)) / runs["a"][-1].seconds)
            import_share.append((stages["layout"] + stages.get("pdf write", 0.0) + stages.get("import", 0.0))
                                / runs["a"][-1].seconds)
        made = sorted(p.name for p in out.glob("*") if p.suffix in (".pdf", ".epub"))
        if not any(n.endswith(".pdf") for n in made) or not any(n.endswith(".epub") for n in made):
            raise SystemExit(f"kitap build made {made}, expected a PDF and an EPUB in {out}")
        before = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}
        runs["d"].append(require(run_process(ours(out), tools.toolchain), "the kitap no-op rebuild"))
        after = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}
        rewritten.append(any(after.get(name) != stamp for name, stamp in before.items() if name.endswith((".pdf", ".epub"))))
        for key in ("b1", "b2", "c", "c2", "f"):
            cmd, cwd, env = cases[key][1]
            runs[key].append(require(run_process(cmd, cwd, env), cases[key][0]))
        if last_out is not None:
            shutil.rmtree(last_out.parent, ignore_errors=True)
        last_out = out
        print(f"  round {number}/{count}: " + ", ".join(f"{k} {runs[k][-1].seconds:.2f} s" for k in runs)
              + (f" (waited {waited:.0f} s for a quiet machine)" if waited >= 2.5 else ""), flush=True)
    a4 = next(last_out.glob("*.pdf"))
    pages = {"kitap A4 PDF": pdf_pages(a4), "Pandoc PDF": pdf_pages(peer / "pandoc.pdf"),
             "raw WeasyPrint PDF": pdf_pages(peer / "raw.pdf")}
    sizes = {"kitap A4 PDF": a4.stat().st_size, "kitap EPUB": next(last_out.glob("*.epub")).stat().st_size,
             "Pandoc PDF": (peer / "pandoc.pdf").stat().st_size, "Pandoc EPUB": (peer / "pandoc.epub").stat().st_size,
             "raw WeasyPrint PDF": (peer / "raw.pdf").stat().st_size}
    return {"labels": {k: v[0] for k, v in cases.items()}, "runs": runs, "pages": pages, "sizes": sizes,
            "last_output": str(last_out), "noop_rewrote": rewritten, "weasyprint_share": weasyprint_share,
            "import_share": import_share, "floor_share": [floor_share(r) for r in runs["f"]]}


# WeasyPrint alone on final.html, timed apart: argv html, base URL, output PDF, then the kitap checkout whose
# import of WeasyPrint to use ("" for WeasyPrint's own import) and "ua" for kitap's PDF options ("" for defaults).
WEASYPRINT_ALONE = """
import json, sys, time
began = time.perf_counter()
if sys.argv[4]:
    sys.path.insert(0, sys.argv[4])
    try:
        from kitap.weasy.imports import import_weasyprint
    except ImportError:  # a toolchain from before kitap/weasy
        from kitap.writers.libraries import import_weasyprint
    import_weasyprint()
import weasyprint
imported = time.perf_counter()
html = weasyprint.HTML(filename=sys.argv[1], base_url=sys.argv[2])
parsed = time.perf_counter()
document = html.render()
laid_out = time.perf_counter()
options = {"pdf_variant": "pdf/ua-1", "pdf_tags": True} if sys.argv[5] == "ua" else {}
document.write_pdf(sys.argv[3], **options)
written = time.perf_counter()
print(json.dumps({"import": imported - began, "parse": parsed - imported, "layout": laid_out - parsed,
                  "write_pdf": written - laid_out, "total": written - began, "pages": len(document.pages)}))
"""


def floor_share(run: Run) -> float:
    """(f): the share of the whole process outside WeasyPrint's layout and PDF writing."""
    times = json.loads(run.stdout.strip().splitlines()[-1])
    return 1 - (times["layout"] + times["write_pdf"]) / run.seconds


def main_process_stages(stdout: str) -> dict[str, float]:
    """Stage → seconds from `build.py --verbose`: the first table ("stage  time"), which is the main
    process's (a helper process's stages follow under "helper process stage" and run beside them)."""
    stages: dict[str, float] = {}
    inside = False
    for line in stdout.splitlines():
        if re.match(r"^stage\s+time$", line.strip()):
            inside = True
            continue
        if inside:
            match = re.match(r"^(.+?)\s+(\d+\.\d+) s$", line.strip())
            if not match or line.startswith("helper process stage"):
                break
            stages[match[1]] = float(match[2])
    return stages


def summarise(result: dict) -> dict:
    table = {}
    for key, runs in result["runs"].items():
        seconds = [r.seconds for r in runs]
        table[key] = {"label": result["labels"][key], "median": statistics.median(seconds), "min": min(seconds),
                      "max": max(seconds), "rss_mb": max(r.rss_mb for r in runs), "n": len(runs),
                      "others_cores": sum(r.others_cpu_s for r in runs) / sum(seconds),
                      "all": [round(s, 3) for s in seconds]}
    pandoc = table["b1"]["median"] + table["b2"]["median"]
    ratios = {"ours_vs_pandoc": table["a"]["median"] / pandoc, "pandoc_sum_median": pandoc,
              "ours_vs_raw_weasyprint": table["a"]["median"] / table["c"]["median"],
              "ours_vs_raw_weasyprint_same_options": table["a"]["median"] / table["c2"]["median"],
              "noop_rebuild": table["d"]["median"]}
    return {"table": table, "ratios": ratios}


def print_table(summary: dict, result: dict) -> None:
    table, ratios = summary["table"], summary["ratios"]
    print()
    print(f"{'case':58} {'median s':>9} {'min s':>7} {'max s':>7} {'peak RSS MB':>12} {'others CPU':>11}")
    for key, row in table.items():
        print(f"({key:>2}) {row['label']:53} {row['median']:9.2f} {row['min']:7.2f} {row['max']:7.2f} {row['rss_mb']:12.0f}"
              f" {row['others_cores']:11.2f}")
    print(f"{'(b)  Pandoc EPUB + PDF (sum of medians)':58} {ratios['pandoc_sum_median']:9.2f}")
    print()
    print(f"ours / Pandoc (kitap pdf+epub vs Pandoc epub + pdf): {ratios['ours_vs_pandoc']:.2f}   (target <= 1.0)")
    print(f"ours / raw WeasyPrint (same HTML, CLI defaults):     {ratios['ours_vs_raw_weasyprint']:.2f}")
    print(f"ours / raw WeasyPrint (kitap's PDF/UA + tags):      {ratios['ours_vs_raw_weasyprint_same_options']:.2f}")
    rewrote = sum(result["noop_rewrote"])
    print(f"no-op rebuild: {ratios['noop_rebuild']:.2f} s   (target <= {NOOP_TARGET} s); it rewrote the outputs in "
          f"{rewrote} of {len(result['noop_rewrote'])} rounds" + (" (a full rebuild: no caching, or the toolchain's files "
                                                                  "changed meanwhile)" if rewrote else ""))
    shares = result.get("weasyprint_share") or []
    if shares:
        median = statistics.median(shares)
        print(f"share of the whole (a) process outside WeasyPrint's layout and PDF writing in its main process: "
              f"{100 * (1 - median):.0f} % (median of {len(shares)} rounds; from --verbose stage times; target "
              f"<= {OUTSIDE_TARGET:.0f} %)")
        without_import = result.get("import_share") or []
        if without_import:
            print(f"  the same, not counting the main process's import of WeasyPrint (its 'import' stage): "
                  f"{100 * (1 - statistics.median(without_import)):.0f} %")
    floor = result.get("floor_share") or []
    if floor:
        print(f"  the floor (f), WeasyPrint alone in a fresh process imported kitap's way: "
              f"{100 * statistics.median(floor):.0f} % outside its layout and PDF writing")
    print("others CPU: CPU cores other processes on the machine kept busy, on average, during the case's runs "
          "(interference; 0 = quiet machine)")
    print("pages: " + ", ".join(f"{k} {v}" for k, v in result["pages"].items()))
    print("sizes: " + ", ".join(f"{k} {v / 1024:.0f} KB" for k, v in result["sizes"].items()))


def weasyprint_in_process(tools: Tools, base_url: str) -> dict:
    """Raw WeasyPrint once, in a fresh process, imported its own way, with import, layout and PDF writing
    timed apart."""
    run = require(run_process([tools.python, "-c", WEASYPRINT_ALONE, WORK / "final.html", base_url,
                               WORK / "peer" / "raw-inproc.pdf", "", ""], WORK), "raw WeasyPrint in-process")
    data = json.loads(run.stdout.strip().splitlines()[-1])
    data["process_wall"] = run.seconds
    return data


# ---------------------------------------------------------------- scale ----------------------------

def find_pdfs(out: Path, names: list[str]) -> dict[str, Path]:
    found = {}
    for name in names:
        hits = sorted(out.rglob(f"{name}.pdf"))
        if hits:
            found[name] = hits[0]
    return found


def probe_multi_source(tools: Tools, folders: list[Path]) -> tuple[bool, str]:
    """Does this CLI build several projects from repeated --source options? Checked by doing it."""
    help_text = capture([tools.python, "build.py", "--help"], tools.toolchain)
    out = fresh_output()
    cmd = [tools.python, "build.py"]
    for folder in folders[:2]:
        cmd += ["--source", folder]
    run = run_process(cmd + ["--output", out, "--only", "pdf"], tools.toolchain)
    names = [f.name for f in folders[:2]]
    found = find_pdfs(out, names) if out.exists() else {}
    shutil.rmtree(out.parent, ignore_errors=True)
    if run.ok and len(found) == 2:
        return True, "repeated --source builds every project in one command"
    hint = "the help mentions repeating --source" if re.search(r"--source[^\n]*(\n\s{10,}[^\n]*)*(repeat|several|multiple|more than one)",
                                                              help_text, re.I) else "the help does not mention it"
    return False, (f"repeated --source did not build both projects (exit {run.returncode}, built {sorted(found)}; "
                   f"{hint})")


def _job(tools: Tools, folder: Path, out_root: Path) -> list:
    return [tools.python, "build.py", "--source", folder, "--output", out_root / folder.name, "--only", ONLY]


def build_sequential(tools: Tools, folders: list[Path], out_root: Path) -> tuple[float, float, list[Run]]:
    """One CLI process per project, one after the other (what a user without a multi-project mode does)."""
    started = time.perf_counter()
    runs = []
    for folder in folders:
        runs.append(require(run_process(_job(tools, folder, out_root), tools.toolchain), f"building {folder.name}"))
    return time.perf_counter() - started, max(r.rss_mb for r in runs), runs


def build_pool(tools: Tools, folders: list[Path], out_root: Path, workers: int) -> tuple[float, float, list[Run]]:
    """`workers` CLI processes at a time (bench/run.py's own pool), for a CLI without a multi-project mode."""
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        runs = list(pool.map(lambda f: run_process(_job(tools, f, out_root), tools.toolchain), folders))
    seconds = time.perf_counter() - started
    for folder, run in zip(folders, runs):
        require(run, f"building {folder.name} (in parallel)")
    return seconds, max(r.rss_mb for r in runs), runs


def build_multi(tools: Tools, folders: list[Path], out_root: Path, cpus: set[int] | None = None) -> Run:
    """The CLI's own multi-project mode: one command, repeated --source."""
    cmd = [tools.python, "build.py"]
    for folder in folders:
        cmd += ["--source", folder]
    return require(run_process(cmd + ["--output", out_root, "--only", ONLY], tools.toolchain, sample_tree=True,
                               cpus=cpus), f"the multi-source build of {len(folders)} projects")


def linear_fit(points: list[tuple[float, float]]) -> dict:
    """Least squares seconds = fixed + per_page × pages, and R²."""
    n = len(points)
    if n < 2:
        return {}
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx == 0:
        return {}
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx
    fixed = my - slope * mx
    ss_tot = sum((y - my) ** 2 for _, y in points)
    ss_res = sum((y - fixed - slope * x) ** 2 for x, y in points)
    return {"fixed_s": fixed, "per_page_s": slope, "r2": 1 - ss_res / ss_tot if ss_tot else 1.0}


def pages_of(out_root: Path, folders: list[Path]) -> dict[str, int]:
    pdfs = find_pdfs(out_root, [f.name for f in folders])
    if len(pdfs) != len(folders):
        missing = sorted(set(f.name for f in folders) - set(pdfs))
        raise SystemExit(f"no A4 PDF found for {missing[:5]} under {out_root}")
    return {name: pdf_pages(path) or 0 for name, path in pdfs.items()}


def scale(tools: Tools, quick: bool, idle_wait: float = 0.0) -> dict:
    import coursepack

    articles = 4 if quick else 40
    sizes = [2, 4] if quick else [5, 10, 20, 40]
    print(f"\nCourse pack: generating {articles} articles in {WORK / 'coursepack'} …", flush=True)
    folders = coursepack.generate(WORK / "coursepack", articles, seed=tools.source)
    problems = coursepack.validate(folders, tools.toolchain)
    if problems:
        raise SystemExit("course pack does not load:\n" + "\n".join(problems[:20]))
    multi, how = probe_multi_source(tools, folders)
    workers = os.cpu_count() or 2
    mode = ("one CLI command per size with repeated --source (the CLI's own process pool)" if multi
            else "one CLI process per project, one after the other")
    print(f"Multi-source CLI: {'yes' if multi else 'no'} ({how})\nScale builds: {mode}", flush=True)
    rows, cleanup = [], []
    for n in sizes:
        wait_idle(idle_wait)
        out = fresh_output()
        cleanup.append(out)
        subset = folders[:n]
        if multi:
            run = build_multi(tools, subset, out)
            seconds, rss, tree, others = run.seconds, run.rss_mb, run.tree_rss_mb, run.others_cpu_s
        else:
            seconds, rss, runs = build_sequential(tools, subset, out)
            tree, others = rss, sum(r.others_cpu_s for r in runs)
        pages = sum(pages_of(out, subset).values())
        rows.append({"articles": n, "pages": pages, "seconds": seconds, "pages_per_s": pages / seconds,
                     "s_per_page": seconds / pages, "peak_rss_mb": rss, "tree_rss_mb": tree,
                     "others_cores": others / seconds})
        print(f"  {n:3d} articles: {pages:4d} pages in {seconds:7.1f} s = {pages / seconds:5.2f} pages/s, "
              f"peak RSS {rss:.0f} MB (all processes together {tree:.0f} MB), others CPU {others / seconds:.2f}",
              flush=True)

    # All projects one by one (separate processes): the baseline of the parallel speed-up, and a
    # per-project view of linearity (cumulative over the first n projects, no pool start-up in it).
    if multi:
        print(f"  one by one: {len(folders)} projects, one CLI process each …", flush=True)
        wait_idle(idle_wait)
        out = fresh_output()
        cleanup.append(out)
        seq_seconds, seq_rss, seq_runs = build_sequential(tools, folders, out)
        seq_pages = pages_of(out, folders)
    else:
        seq_seconds, seq_rss = rows[-1]["seconds"], rows[-1]["peak_rss_mb"]
        seq_runs = None
        seq_pages = pages_of(cleanup[-1], folders)
        out = cleanup[-1]
    if seq_runs is None:  # the last scale size was the one-by-one build of every project: re-time from it
        seq_runs = []
    one_by_one = []
    if seq_runs:
        for n in sizes:
            pages = sum(seq_pages[f.name] for f in folders[:n])
            seconds = sum(r.seconds for r in seq_runs[:n])
            one_by_one.append({"articles": n, "pages": pages, "seconds": seconds, "pages_per_s": pages / seconds,
                               "s_per_page": seconds / pages})
    decomposition = None
    if multi:
        par_seconds, par_rss, par_tree = rows[-1]["seconds"], rows[-1]["peak_rss_mb"], rows[-1]["tree_rss_mb"]
        par_label = f"the CLI's multi-source mode (one command, {len(folders)} × --source, its process pool)"
        seq_label = "one CLI process per project, one after the other"
        if workers > 1 and hasattr(os, "sched_setaffinity"):
            print("  the same multi-source command pinned to one CPU (to split pooling from parallelism) …", flush=True)
            wait_idle(idle_wait)
            out = fresh_output()
            cleanup.append(out)
            pinned = build_multi(tools, folders, out, cpus={sorted(os.sched_getaffinity(0))[0]})
            decomposition = {"pinned_one_cpu_s": pinned.seconds, "pinned_others_cores": pinned.others_cpu_s / pinned.seconds,
                             "from_fewer_process_starts": seq_seconds / pinned.seconds,
                             "from_parallelism": pinned.seconds / par_seconds}
    else:
        out = fresh_output()
        cleanup.append(out)
        print(f"  parallel: {len(folders)} projects, {workers} build processes at a time …", flush=True)
        wait_idle(idle_wait)
        par_seconds, par_rss, _ = build_pool(tools, folders, out, workers)
        par_tree = par_rss * workers
        par_label = (f"{workers} CLI processes at a time, started by bench/run.py via concurrent.futures "
                     "(the CLI has no multi-source mode)")
        seq_label = f"one CLI process per project, one after the other (the {sizes[-1]}-article scale run)"
    for path in cleanup:
        shutil.rmtree(path.parent, ignore_errors=True)
    first, last = rows[0], rows[-1]
    return {"multi_source": multi, "probe": how, "mode": mode, "rows": rows, "one_by_one": one_by_one,
            "linearity_ratio": last["s_per_page"] / first["s_per_page"],
            "fit": linear_fit([(r["pages"], r["seconds"]) for r in rows]),
            "fit_one_by_one": linear_fit([(r["pages"], r["seconds"]) for r in one_by_one]) if one_by_one else {},
            "parallel": {"projects": len(folders), "sequential_s": seq_seconds, "sequential_label": seq_label,
                         "parallel_s": par_seconds, "parallel_label": par_label, "workers": workers,
                         "speedup": seq_seconds / par_seconds, "parallel_peak_rss_mb": par_rss,
                         "parallel_tree_rss_mb": par_tree, "sequential_peak_rss_mb": seq_rss,
                         "decomposition": decomposition}}


def print_scale(result: dict) -> None:
    print()
    print(f"Scale ({result['mode']}):")
    print(f"{'articles':>8} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'s/page':>7} {'peak RSS MB':>12} "
          f"{'all procs MB':>13} {'others CPU':>11}")
    for row in result["rows"]:
        print(f"{row['articles']:8d} {row['pages']:6d} {row['seconds']:8.1f} {row['pages_per_s']:8.2f} "
              f"{row['s_per_page']:7.3f} {row['peak_rss_mb']:12.0f} {row['tree_rss_mb']:13.0f} {row['others_cores']:11.2f}")
    ratio = result["linearity_ratio"]
    first, last = result["rows"][0], result["rows"][-1]
    verdict = ("linear in pages (within ±15 %)" if 0.85 <= ratio <= 1.15 else
               "better than linear: s/page falls as the pack grows (fixed start-up spread over more pages)"
               if ratio < 0.85 else "WORSE than linear: s/page grows with the pack")
    print(f"s/page at {last['articles']} articles ÷ s/page at {first['articles']}: {ratio:.2f} → {verdict}")
    fit = result["fit"]
    if fit:
        print(f"least squares: seconds = {fit['fixed_s']:.2f} + {fit['per_page_s']:.3f} × pages, R² = {fit['r2']:.4f}")
    if result["one_by_one"]:
        print("one by one (one CLI process per project; cumulative over the first n projects):")
        for row in result["one_by_one"]:
            print(f"{row['articles']:8d} {row['pages']:6d} {row['seconds']:8.1f} {row['pages_per_s']:8.2f} "
                  f"{row['s_per_page']:7.3f}")
        fit = result["fit_one_by_one"]
        if fit:
            print(f"least squares: seconds = {fit['fixed_s']:.2f} + {fit['per_page_s']:.3f} × pages, R² = {fit['r2']:.4f}")
    mem = max(max(r["peak_rss_mb"], r["tree_rss_mb"]) for r in result["rows"])
    print(f"peak memory: {mem:.0f} MB (largest of one process and all processes together; target < {MEMORY_TARGET_MB} MB)")
    par = result["parallel"]
    print(f"All {par['projects']} projects: one by one {par['sequential_s']:.1f} s ({par['sequential_label']}); "
          f"in parallel {par['parallel_s']:.1f} s ({par['parallel_label']})")
    print(f"speed-up: {par['speedup']:.2f}x on {par['workers']} CPUs (target >= {SPEEDUP_TARGET}x)")
    dec = par.get("decomposition")
    if dec:
        print(f"  of which: {dec['from_fewer_process_starts']:.2f}x from building in a few long-lived processes "
              f"(same command pinned to 1 CPU: {dec['pinned_one_cpu_s']:.1f} s) and {dec['from_parallelism']:.2f}x "
              f"from using {par['workers']} CPUs")


# ---------------------------------------------------------------- main ----------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=None, help="rounds of each case (default 5; --quick: 2)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 2 rounds; with --scale a 4-article pack")
    parser.add_argument("--scale", action="store_true", help="also measure the course pack (several minutes)")
    parser.add_argument("--no-profile", action="store_true", help="skip the in-process profile")
    parser.add_argument("--toolchain", type=Path, default=BENCH.parent,
                        help="kitap checkout to measure (default: the one holding this bench/)")
    parser.add_argument("--source", type=Path, default=None, help="project to build (default: TOOLCHAIN/source)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument("--wait-idle", type=float, default=0.0, metavar="SECONDS",
                        help="before each round and scale step, wait up to SECONDS for other processes to "
                             "leave the CPUs idle (useful on a shared machine; default: do not wait)")
    args = parser.parse_args()
    count = args.rounds or (2 if args.quick else 5)
    toolchain = args.toolchain.resolve()
    source = (args.source or toolchain / "source").resolve()
    (WORK / "rounds").mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()

    tools = find_tools(toolchain, source)
    info = machine(tools)
    print_machine(info)

    import prep
    facts = prep.prepare(toolchain, source, WORK)
    print(f"\nInputs: {source} ({facts['paragraphs']} paragraphs, {facts['notes']} notes, {facts['glossary']} "
          f"glossary terms, {facts['chronology']} events) → {WORK / 'seed.md'} "
          f"({facts['footnotes_in_md']} footnotes), {WORK / 'final.html'}")
    print(f"Rounds: {count} (kitap builds --only {ONLY}; each into a new output folder)", flush=True)
    result = rounds(tools, count, facts, args.wait_idle)
    summary = summarise(result)
    print_table(summary, result)
    record = {"machine": info, "rounds": count, "inputs": facts, "summary": summary,
              "pages": result["pages"], "sizes": result["sizes"], "noop_rewrote": result["noop_rewrote"],
              "weasyprint_share": result["weasyprint_share"], "import_share": result["import_share"],
              "floor_share": result["floor_share"], "runs": {k: [asdict(r) | {"stdout": r.stdout[-500:], "stderr": r.stderr[-500:]} for r in v]
                       for k, v in result["runs"].items()}}

    inproc = weasyprint_in_process(tools, facts["base_url"])
    record["weasyprint_in_process"] = inproc
    print(f"\nraw WeasyPrint in-process (once, fresh process): import {inproc['import']:.2f} s, HTML parse "
          f"{inproc['parse']:.2f} s, layout {inproc['layout']:.2f} s, write_pdf {inproc['write_pdf']:.2f} s; "
          f"total {inproc['total']:.2f} s of a {inproc['process_wall']:.2f} s process")

    if not args.no_profile:
        import profile_build
        print("\nProfile (bench/profile_build.py) …", flush=True)
        wait_idle(args.wait_idle)
        prof = profile_build.profile(toolchain, source, ONLY)
        record["profile"] = prof
        print(profile_build.format_report(prof))
        t = prof["timed"]
        outside = 100 * (t["total"] - t["layout"] - t["write_pdf"]) / t["total"]
        print(f"share outside WeasyPrint's layout and PDF writing: {outside:.0f} % (target <= {OUTSIDE_TARGET:.0f} %)")
        record["outside_share_percent"] = outside

    if args.scale:
        record["scale"] = scale(tools, args.quick, args.wait_idle)
        print_scale(record["scale"])

    info["loadavg_end"] = os.getloadavg()
    record["elapsed_s"] = time.perf_counter() - began
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    paths = [WORK / f"results-{stamp}.json"] + ([args.json] if args.json else [])
    for path in paths:
        path.write_text(json.dumps(record, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    print(f"\nLoad average at end: {' '.join(f'{x:.2f}' for x in info['loadavg_end'])}; "
          f"benchmark took {record['elapsed_s'] / 60:.1f} min; record: {paths[0]}")


if __name__ == "__main__":
    main()
