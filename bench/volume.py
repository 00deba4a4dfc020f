"""A course pack of many texts built as ONE volume (issue 18, part 4): pages per second, peak memory of
the whole build (every process), and the rebuild after one chapter changed.

    .venv/bin/python bench/volume.py                  # 40 generated texts (~300 A4 pages), -j 2
    .venv/bin/python bench/volume.py --articles 10 --jobs 1
    .venv/bin/python bench/volume.py --kinds pdf,booklet   # also the booklet (signatures of ≤ 40 pages)

The texts are bench/coursepack.py's (the seed recombined, deterministic), bound by a course.yaml written
here (a part heading every ten texts). Each build is a fresh `build.py` process; its memory is the sum of
the resident set sizes of it and all its descendants (the chapter layout workers), sampled every 20 ms
from /proc, the peak of that sum reported. Steps: a full build (--force), a no-op rebuild, then one
sentence of one chapter edited and the volume rebuilt: only that chapter is laid out again (the others
come from output/.kitap-cache/), the title page, contents and appendices are laid out again with the
new page numbers.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
PAGE = os.sysconf("SC_PAGE_SIZE")


def write_course(folder: Path, projects: list[Path]) -> None:
    lines = ["name: bench-volume", 'title: "Бенчмарк: оқу жинағы"', 'editor: "kitap bench"', 'date: "2026-09-01"',
             "texts:"]
    for index, project in enumerate(projects):
        if index % 10 == 0:
            lines.append(f'  - part: "{index // 10 + 1}-бөлім"')
        lines.append(f"  - {project.name}")
    (folder / "course.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants now."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(entry), int(fields[1])
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields[21]) * PAGE
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def run(args: list[str]) -> tuple[float, int, str]:
    """(seconds, peak bytes of the process tree, stdout) of one build."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.02)
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"build failed ({process.returncode}):\n{err}")
    return seconds, peak, out


def pages_of(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--kinds", default="pdf")
    parser.add_argument("--work", type=Path, default=BENCH / "work" / "volume")
    args = parser.parse_args()
    import coursepack

    pack = args.work / "pack"
    projects = coursepack.generate(pack, args.articles)
    write_course(pack, projects)
    output = args.work / "out"
    shutil.rmtree(output, ignore_errors=True)  # the full build starts with no cache (no chapter, no check)
    common = ["--source", str(pack), "--output", str(output), "--only", args.kinds, "-j", str(args.jobs), "-q"]
    full, full_peak, _ = run([*common, "--force"])
    pages = pages_of(output / "bench-volume.pdf")
    noop, _, _ = run(common)
    article = projects[len(projects) // 2] / "article.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace(".", ". Бұл сөйлем өңделді.", 1), encoding="utf-8")
    edited, edited_peak, _ = run(common)
    print(f"{args.articles} texts, {pages} A4 pages, -j {args.jobs}, outputs: {args.kinds}")
    print(f"  full build      {full:6.1f} s  {pages / full:5.1f} pages/s  peak {full_peak / 2**30:.2f} GB (all processes)")
    print(f"  no-op rebuild   {noop:6.1f} s")
    print(f"  one text edited {edited:6.1f} s  {100 * edited / full:4.0f} % of the full build  peak {edited_peak / 2**30:.2f} GB")


if __name__ == "__main__":
    main()
