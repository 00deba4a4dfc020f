"""The spelling checker's figures (issue 14): false alarms on the corpus, typos found, the seed's timings.

`.venv/bin/python bench/check_spelling.py [--rounds N] [--latin]` prints what bench/RESULTS.md's section
"The checker" reports; `--latin`: the same corpus and typo set in the Latin alphabet, checked as kk-Latn
(section "Kazakh in Latin letters"). Not part of `make test`; tests/test_check_corpus.py and
tests/test_check_latin.py keep the thresholds.
"""
from __future__ import annotations

import argparse
import collections
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import corpus_measure as measure  # noqa: E402


def _timings(rounds: int) -> dict[str, float]:
    """Median seconds: check_report on the seed in a fresh process (lexicon cache warm), and the command."""
    code = ("import time; t=time.perf_counter(); from kitap.check import check_report; t1=time.perf_counter(); "
            "check_report('source'); print(t1-t, time.perf_counter()-t1)")
    imports, checks, commands = [], [], []
    for _ in range(rounds):
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        first, second = map(float, out.stdout.split())
        imports.append(first)
        checks.append(second)
        start = time.perf_counter()
        subprocess.run([sys.executable, "build.py", "check"], cwd=ROOT, capture_output=True, check=False)
        commands.append(time.perf_counter() - start)
    return {"import": statistics.median(imports), "seed check": statistics.median(checks),
            "whole command": statistics.median(commands)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--latin", action="store_true", help="the corpus in Latin letters, checked as kk-Latn")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kitap-check-bench-"))
    texts = measure.kazakh_texts()
    for label, chosen in (("held-out", [p for p in texts if p.name not in measure.DEVELOPMENT]),
                          ("development", [p for p in texts if p.name in measure.DEVELOPMENT])):
        alarms = measure.false_alarms(tmp / label, chosen, latin=args.latin)
        print(f"{label}: {len(chosen)} texts, {alarms.words} words, {len(alarms.flagged)} flagged "
              f"({alarms.rate:.2%}); the sources' own slips found: {len(alarms.found_slips)}")
        for (name, word, rule), count in collections.Counter(alarms.flagged).most_common():
            print(f"    {name}: «{word}» ×{count} [{rule}]")
    typos = measure.typos_found(tmp, latin=args.latin)
    print(f"typos: {len(typos.found)} of {len(typos.placed)} found ({typos.recall:.1%})")
    placed = collections.Counter(slip.kind for slip, *_ in typos.placed)
    missed = collections.Counter(slip.kind for slip in typos.missed)
    for kind, count in placed.items():
        print(f"    {kind}: {count - missed[kind]} of {count}")
    print("    missed: " + ", ".join(f"«{slip.typo}» ({slip.original})" for slip in typos.missed))
    for name, seconds in ({} if args.latin else _timings(args.rounds)).items():
        print(f"{name}: {seconds:.3f} s (median of {args.rounds})")


if __name__ == "__main__":
    main()
