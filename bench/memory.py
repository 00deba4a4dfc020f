"""Peak memory (and time) of a build against the length of one paragraph (issue 13, part 5).

    .venv/bin/python bench/memory.py                       # 10 KB … 2 MB, this checkout
    .venv/bin/python bench/memory.py --sizes 10,50,100     # sizes in KB
    .venv/bin/python bench/memory.py --toolchain DIR       # another kitap checkout (e.g. an older commit)
    .venv/bin/python bench/memory.py --no-cache            # with the line-break cache switched off

Each size is one project whose article.txt is a single paragraph of that many bytes of Kazakh prose (the
seed's sentences, repeated), built into the A4 handout (`--only pdf --jobs 1 --force`) by a fresh process;
its peak resident set size comes from `os.wait4`. The length limit of kitap/load/characters.py is lifted
for the measurement (a longer paragraph is refused by the build itself). A process address-space limit
(`--limit-gb`, default 8) stops a runaway build before it takes the machine down: it is then reported as
"over the limit". `--pdf-out DIR` keeps each PDF (to compare bytes with and without the cache).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES_KB = (10, 50, 100, 200, 400, 800, 1200, 2000)
DRIVER = """
import sys
sys.path.insert(0, {toolchain!r})
try:
    import kitap.load.characters as characters
    characters.MAX_TEXT = 10 ** 9
except (ImportError, AttributeError):
    pass
if {no_cache!r}:
    import contextlib, kitap.weasy.linebreaks as linecache
    linecache.remembered_lines = contextlib.nullcontext
    import kitap.writers.pdf as pdf
    pdf.remembered_lines = contextlib.nullcontext
sys.argv = ["build.py"] + sys.argv[1:]
from kitap.cli import run
run()
"""


def paragraph(size: int) -> str:
    sentences = [line.strip() for line in (ROOT / "source" / "article.txt").read_text(encoding="utf-8").split("\n")
                 if len(line.strip()) > 80]
    text, index = [], 0
    while sum(len(s.encode()) + 1 for s in text) < size:
        text.append(sentences[index % len(sentences)])
        index += 1
    return " ".join(text).encode()[:size].decode(errors="ignore").rsplit(" ", 1)[0] + "."


def measure(toolchain: Path, size_kb: int, work: Path, no_cache: bool, limit_gb: float, keep: Path | None):
    project = work / f"p{size_kb}"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", project)
    for name in ("annotations.yaml", "chronology.yaml", "glossary.yaml"):
        (project / name).unlink()
    (project / "article.txt").write_text(paragraph(size_kb * 1024) + "\n", encoding="utf-8")
    out = project / "out"
    limit = int(limit_gb * 2**30)

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", DRIVER.format(toolchain=str(toolchain), no_cache=no_cache),
                                "--source", str(project), "--output", str(out), "--only", "pdf", "--jobs", "1",
                                "--force", "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=cap, cwd=toolchain)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace")
    pdf = out / "mini.pdf"
    ok = os.waitstatus_to_exitcode(status) == 0 and pdf.is_file()
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()[:12] if ok else ""
    if ok and keep:
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copy(pdf, keep / f"{size_kb}kb.pdf")
    return seconds, usage.ru_maxrss / 1024, ok, digest, stderr.strip().splitlines()[-1:] if not ok else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES_KB)), help="paragraph sizes in KB")
    parser.add_argument("--toolchain", type=Path, default=ROOT)
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--limit-gb", type=float, default=8.0)
    parser.add_argument("--pdf-out", type=Path)
    args = parser.parse_args()
    print(f"{'paragraph':>10} {'peak RSS':>10} {'MB per 100 KB':>14} {'time':>8}  pdf")
    with tempfile.TemporaryDirectory(prefix="kitap-memory-") as work:
        for size in (int(s) for s in args.sizes.split(",")):
            seconds, peak, ok, digest, problem = measure(args.toolchain.resolve(), size, Path(work), args.no_cache,
                                                         args.limit_gb, args.pdf_out)
            shown = f"{peak:8.0f} MB" if ok else "over the limit" if not problem or "Memory" in problem[0] else "failed"
            print(f"{size:>7} KB {shown:>10} {peak / size * 100:>14.0f} {seconds:>6.1f} s  {digest or problem}",
                  flush=True)


if __name__ == "__main__":
    main()
