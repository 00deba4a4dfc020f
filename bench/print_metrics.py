"""The print editions measured as a typesetter would (issue 16): the default project and texts of the corpus,
every print edition in both scripts, read back from the PDFs (tests/print_metrics.py: pdfplumber only).

    .venv/bin/python bench/print_metrics.py                 # build into bench/work/print/, print the table
    .venv/bin/python bench/print_metrics.py --json FILE     # also every figure as JSON
    .venv/bin/python bench/print_metrics.py --toolchain DIR # measure another kitap checkout (before/after)
    .venv/bin/python bench/print_metrics.py FILE.pdf …      # just measure these PDFs

The booklet is measured on its A5 pages (`-booklet-pages.pdf`) when the toolchain writes them, else on the
imposed sheets, read half by half in the order of their printed numbers.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests")]

import print_metrics as pm  # noqa: E402

WORK = ROOT / "bench" / "work" / "print"
EDITIONS = (("A4", ""), ("booklet", "-booklet"), ("large", "-large"))
COLUMNS = (
    ("mean space", lambda m: _f(m.mean_space, 2)),
    ("> 1.5×", lambda m: f"{m.loose_lines}/{m.justified_lines}" if m.justified_lines else "—"),
    ("short last", lambda m: str(len(m.short_last_lines)) if m.last_lines else "—"),
    ("hyph. run", lambda m: str(m.longest_hyphen_run)),
    ("hyph. lines", lambda m: f"{m.hyphenated_share:.0%}"),
    ("page-break hyph.", lambda m: str(len(m.page_break_hyphens))),
    ("< 16 pt", lambda m: f"{m.under_16pt_share:.0%}"),
    ("call/body", lambda m: _f(m.call_ratio, 2)),
    ("notes away", lambda m: str(len(m.notes_away))),
    ("pages < 3 lines", lambda m: str(len(m.thin_pages))),
)


def _f(value, digits: int) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def build(toolchain: Path, source: Path, output: Path) -> None:
    python = str(ROOT / ".venv" / "bin" / "python")
    result = subprocess.run([python, str(toolchain / "build.py"), "--source", str(source), "--output", str(output),
                             "--force", "--quiet"], capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"{source}: the build failed:\n{result.stderr}")


def projects(toolchain: Path, work: Path) -> list[tuple[str, Path, Path]]:
    """(label, source, output folder) of the default project and of each corpus text, built."""
    made = [("default", ROOT / "source", work / "default")]
    python = str(ROOT / ".venv" / "bin" / "python")
    for name in pm.CORPUS_TEXTS:
        source = work / "projects" / name
        if source.exists():
            shutil.rmtree(source)
        pm.corpus_project(ROOT / "tests" / "corpus" / "kk" / f"{name}.txt", source, python, toolchain / "build.py")
        made.append((name, source, work / name))
    for _, source, output in made:
        build(toolchain, source, output)
    return made


def pdfs(output: Path) -> list[tuple[str, Path]]:
    """(edition, file) of every print edition in a build's output folder."""
    files = {_edition_of(f.name): f for f in sorted(output.glob("*.pdf"))}
    found = []
    for script in ("", "-latn"):
        for edition, suffix in EDITIONS:
            chosen = files.get((script, suffix + "-pages")) or files.get((script, suffix))
            if chosen:
                found.append((f"{edition}{' latn' if script else ''}", chosen))
    return found


def _edition_of(name: str) -> tuple[str, str]:
    stem = name[:-4]
    script = "-latn" if "-latn" in stem else ""
    for suffix in ("-booklet-pages", "-booklet", "-large"):
        if stem.endswith(suffix):
            return script, suffix
    return script, ""


def table(rows: list[tuple[str, str, pm.Metrics]]) -> str:
    head = "| project | edition | pages | " + " | ".join(name for name, _ in COLUMNS) + " |"
    rule = "|---|---|---:|" + "---:|" * len(COLUMNS)
    body = [f"| {project} | {edition} | {m.pages} | " + " | ".join(cell(m) for _, cell in COLUMNS) + " |"
            for project, edition, m in rows]
    return "\n".join([head, rule, *body])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--toolchain", type=Path, default=ROOT)
    parser.add_argument("--work", type=Path, default=WORK)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.files:
        rows = [("", f.name, pm.measure(f)) for f in args.files]
    else:
        rows = [(label, edition, pm.measure(file))
                for label, _, output in projects(args.toolchain.resolve(), args.work) for edition, file in pdfs(output)]
    print(table(rows))
    for project, edition, m in rows:
        if m.short_last_lines or m.page_break_hyphens or m.notes_away:
            print(f"{project} {edition}: short last lines {m.short_last_lines}, page-break hyphens on "
                  f"{m.page_break_hyphens}, notes away {m.notes_away}")
    if args.json:
        args.json.write_text(json.dumps([{"project": p, "edition": e, **m.as_dict()} for p, e, m in rows],
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
