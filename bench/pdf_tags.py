"""Issue 16 part 7: the tagged PDFs before (WeasyPrint 70's own structure tree) and after kitap's
rebuild (kitap/writers/pdftags.py), read back with tests/pdf_tags_measure.py and PyPI pdfua, and what
the rebuild costs in time.

    .venv/bin/python bench/pdf_tags.py [--json FILE] [--rounds N]

Builds (separate processes, outputs in bench/work/pdf-tags/) the A4 handout and the large print of the
default project (both scripts), of two corpus texts made projects as a new user would (as
tests/test_corpus.py does) and of the course fixture (a volume: its chapters tagged one by one, then
joined), plus the A5 booklet's pages before imposition of each single project. "before" is the same
build with the record and the rebuild replaced by nothing. Then times the default build (`build.py
--source source`, every output of both editions) both ways, `--rounds` times each, alternating.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
WORK = ROOT / "bench" / "work" / "pdf-tags"
CORPUS = ROOT / "tests" / "corpus"
CORPUS_TEXTS = ("kk/law-udhr.txt", "ru/law-constitution.txt")
PROJECTS = {"source": ROOT / "source", "course": ROOT / "tests" / "fixtures" / "course"}
FIGURES = ("unreferenced marked content", "artifacts: running heads, folios", "NonStruct", "Note", "Reference",
           "P in P", "P across pages", "elements with /Lang", "line-end hyphens read", "Table", "rule violations",
           "pdfua findings")

# Run in a fresh process: "before" switches the record and the rebuild off (the PDF as WeasyPrint writes
# it); the build itself is the CLI's, and the booklet's A5 pages are written as tests/test_pdf_tags.py does.
BUILD = """
import sys
from contextlib import nullcontext
from pathlib import Path
mode, source, out, pages = sys.argv[1:5]
import kitap.weasy.tagging as tagging
import kitap.writers.pdf as writer
import kitap.writers.pdftags as pdftags
if mode == "before":  # (writers/pdf.py imports both names; the worksheets, at each call, from their modules)
    writer.sound_tags = pdftags.sound_tags = lambda data, record: data
    writer.recorded_tags = tagging.recorded_tags = lambda: nullcontext(None)
else:  # the rebuild's own time, written down by each process (the build's lanes and workers are forked)
    import time
    rebuild = pdftags.sound_tags
    def timed(data, record):
        start = time.perf_counter()
        try:
            return rebuild(data, record)
        finally:
            with open(Path(out).parent / f"{Path(out).name}.rebuild-times", "a") as times:
                times.write(f"{time.perf_counter() - start}\\n")
    writer.sound_tags = pdftags.sound_tags = timed
if pages == "1":
    from kitap.pipeline import load_books
    from kitap.timing import NULL
    from kitap.writers.pdf import BOOKLET, lay_out, write_pdf
    for book in load_books(Path(source), NULL)[0]:
        Path(out, f"{book.meta.name}-booklet-pages.pdf").write_bytes(write_pdf(book, lay_out(book, BOOKLET)))
else:
    sys.argv = ["build.py", "--source", source, "--output", out, *sys.argv[5:]]
    from kitap.cli import run
    run()
"""


def corpus_project(text: str) -> Path:
    """A corpus text as a new user's project (book.yaml from its sources.yaml entry)."""
    from ruamel.yaml import YAML

    path = CORPUS / text
    entries = YAML(typ="safe").load((CORPUS / "sources.yaml").read_text(encoding="utf-8"))["texts"]
    entry = next(e for e in entries if e["file"] == text)
    name = f"{entry['language']}-{path.stem}"
    project = WORK / "projects" / name
    project.mkdir(parents=True, exist_ok=True)
    book = {"title": entry["title"], "author": entry["author"], "name": name, "language": entry["language"]}
    (project / "book.yaml").write_text("".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in book.items()),
                                       encoding="utf-8")
    shutil.copy(path, project / "article.txt")
    return project


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(mode: str, source: Path, out: Path, *args: str, pages: bool = False) -> tuple[float, float]:
    """Wall-clock and CPU seconds (of every process of the build)."""
    out.mkdir(parents=True, exist_ok=True)
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, "-c", BUILD, mode, str(source), str(out), "1" if pages else "0", *args],
                   check=True, cwd=ROOT, capture_output=True, timeout=900)
    return time.perf_counter() - start, _children_cpu() - cpu


def measure(path: Path) -> dict[str, int]:
    import pdf_tags_measure as measure
    from pdfua import validate

    tagged = measure.read_tagged(path)
    figures = measure.figures(tagged)
    figures["NonStruct"] = sum(e.role == "NonStruct" for e in measure.elements(tagged))
    figures["pdfua findings"] = len(validate(str(path)).findings)
    return {name: figures[name] for name in FIGURES}


def structure(results: dict) -> None:
    projects = dict(PROJECTS, **{Path(t).stem: corpus_project(t) for t in CORPUS_TEXTS})
    for mode in ("before", "after"):
        for name, source in projects.items():
            out = WORK / mode / name
            shutil.rmtree(out, ignore_errors=True)
            build(mode, source, out, "--only", "pdf,large")
            if name != "course":
                build(mode, source, out, pages=True)
            for pdf in sorted(out.glob("*.pdf")):
                results["pdfs"].setdefault(pdf.name, {})[mode] = measure(pdf)
                print(mode, pdf.name, results["pdfs"][pdf.name][mode], flush=True)


def timing(results: dict, rounds: int) -> None:
    """The default build both ways, interleaved (the machine is shared: see RESULTS.md), and the
    rebuild's own share of the "after" builds (summed over its processes)."""
    times, cpu, rebuilds = {"before": [], "after": []}, {"before": [], "after": []}, []
    for _ in range(rounds):
        for mode in times:
            out = WORK / "timing" / mode
            shutil.rmtree(out, ignore_errors=True)
            record = out.parent / f"{out.name}.rebuild-times"
            record.unlink(missing_ok=True)
            wall, seconds = build(mode, PROJECTS["source"], out, "--force")
            times[mode].append(wall)
            cpu[mode].append(seconds)
            if mode == "after":
                rebuilds.append(sum(float(line) for line in record.read_text().split()))
    results["default build seconds"] = times
    results["default build CPU seconds"] = cpu
    results["rebuild seconds per after build"] = rebuilds
    for name, values in (("wall clock", times), ("CPU", cpu)):
        median = {mode: statistics.median(v) for mode, v in values.items()}
        print(f"default build, {name}: before {median['before']:.2f} s, after {median['after']:.2f} s (medians of "
              f"{rounds}; {100 * (median['after'] / median['before'] - 1):+.0f} %)", flush=True)
    print(f"the rebuild itself: {statistics.median(rebuilds):.2f} s, summed over the build's processes, for "
          f"{len(list((WORK / 'timing' / 'after').glob('*.pdf')))} PDFs", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=WORK / "results.json")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-structure", action="store_true", help="the timing only")
    options = parser.parse_args()
    results = {"pdfs": {}}
    if not options.no_structure:
        structure(results)
    timing(results, options.rounds)
    options.json.parent.mkdir(parents=True, exist_ok=True)
    options.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
