"""Generate a course pack: N kitap projects made from the seed project, deterministically.

    .venv/bin/python bench/coursepack.py DIR [--articles 40] [--seed 7] [--source source] [--no-validate]

Each project DIR/course-NN/ is a complete, valid kitap project:

- book.yaml: the seed's metadata with a unique `name` (course-01 …) and title («N-сабақ. …»); no
  `identifier`, so kitap derives a unique one from the title;
- article.txt: the seed's paragraphs recombined with a seeded RNG: a random subset of them (kept in
  their order, so the text reads like the seed), plus "variant" paragraphs spliced from the clauses
  of two seed paragraphs; the number of paragraphs varies between articles;
- annotations.yaml: the seed's notes whose anchor is still in the article; an anchor that now occurs
  more than once is lengthened word by word until it is a unique phrase of this article (or dropped);
- glossary.yaml: copied from the seed;
- chronology.yaml: the seed's events (all of them); an event's anchor is kept when its phrase is in the
  article (with `occurrence: 1` when it repeats) and dropped when it is not.

The pack is calibrated to about 7.5 A4 pages per article (~300 pages for 40). Unless --no-validate,
every project is loaded, transformed and checked with kitap's own code (what a build does before
layout) so a broken project is caught here, not in the middle of a benchmark. The checker's warnings
(e.g. a copied glossary term the shorter article no longer uses) do not stop a build.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
TOOLCHAIN = BENCH.parent

# Paragraphs per article, drawn uniformly; the seed has 40 paragraphs on ~5 A4 pages of text, plus
# ~3 pages of glossary, chronology and colophon. Calibrated so 40 articles make about 300 pages.
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 24, 44
MAX_EXTEND_WORDS = 8


def _q(value) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


def _load_yaml(path: Path):
    from ruamel.yaml import YAML

    if not path.is_file():
        return []
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8-sig")) or []


def _count(paragraphs: list[str], phrase: str) -> int:
    """Occurrences as kitap counts them: overlapping, within paragraphs."""
    total = 0
    for text in paragraphs:
        index = text.find(phrase)
        while index >= 0:
            total += 1
            index = text.find(phrase, index + 1)
    return total


def _unique_phrase(paragraphs: list[str], phrase: str) -> str | None:
    """The phrase itself if unique, else the phrase lengthened (rightwards, then leftwards) by whole
    words at one of its occurrences until it is unique; None if that never works."""
    if _count(paragraphs, phrase) == 1:
        return phrase
    for text in paragraphs:
        index = text.find(phrase)
        while index >= 0:
            end = index + len(phrase)
            right = re.finditer(r"\S+", text[end:])
            longer = phrase
            for count, word in enumerate(right, start=1):
                if count > MAX_EXTEND_WORDS:
                    break
                longer = text[index:end + word.end()]
                if _count(paragraphs, longer) == 1:
                    return longer
            start = index
            for count in range(MAX_EXTEND_WORDS):
                previous = text.rfind(" ", 0, max(0, start - 1))
                start = previous + 1 if previous >= 0 else 0
                longer = text[start:end]
                if _count(paragraphs, longer) == 1:
                    return longer
                if start == 0:
                    break
            index = text.find(phrase, index + 1)
    return None


def _clauses(paragraph: str) -> list[str]:
    return [c for c in re.split(r"(?<=,) ", paragraph) if c]


def _variant(rng: random.Random, seed_paragraphs: list[str]) -> str:
    """A new paragraph: the first clauses of one seed paragraph and the last clauses of another."""
    while True:
        a, b = rng.sample(seed_paragraphs, 2)
        ca, cb = _clauses(a), _clauses(b)
        if len(ca) + len(cb) < 3:
            continue
        head = ca[:max(1, len(ca) // 2 + rng.randint(0, 1))]
        tail = cb[max(0, len(cb) // 2 - rng.randint(0, 1)):]
        text = " ".join(head + tail).strip()
        if len(text) > 80:
            return text


def make_article(rng: random.Random, seed_paragraphs: list[str]) -> list[str]:
    size = rng.randint(MIN_PARAGRAPHS, MAX_PARAGRAPHS)
    kept_count = min(len(seed_paragraphs), max(1, round(size * 0.8)))
    kept = sorted(rng.sample(range(len(seed_paragraphs)), kept_count))
    paragraphs = [seed_paragraphs[i] for i in kept]
    for _ in range(size - kept_count):
        paragraphs.insert(rng.randint(1, len(paragraphs)), _variant(rng, seed_paragraphs))
    return paragraphs


def write_project(folder: Path, number: int, rng: random.Random, seed: Path, book: dict, seed_paragraphs: list[str],
                  annotations: list[dict], chronology: list[dict]) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = make_article(rng, seed_paragraphs)
    (folder / "article.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")

    meta = {k: v for k, v in book.items() if k not in ("identifier", "article", "name", "title")}
    lines = [f"name: course-{number:02d}", f"title: {_q(f'{number}-сабақ. ' + str(book['title']))}"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False) if isinstance(value, list) else _q(value)}"
              for key, value in meta.items()]  # (a JSON list is a YAML flow list: editions: ["cyrl", "latn"])
    (folder / "book.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    out, dropped = [], 0
    for item in annotations:
        phrase = _unique_phrase(paragraphs, str(item["anchor"]))
        if phrase is None:
            dropped += 1
            continue
        out.append(f"- anchor: {_q(phrase)}\n  note: {_q(item['note'])}\n")
    (folder / "annotations.yaml").write_text("\n".join(out), encoding="utf-8")

    events = []
    for item in chronology:
        entry = f"- date: {_q(item['date'])}\n  event: {_q(item['event'])}\n"
        if item.get("anchor"):
            count = _count(paragraphs, str(item["anchor"]))
            if count:
                entry += f"  anchor: {_q(item['anchor'])}\n"
                if count > 1:
                    entry += "  occurrence: 1\n"
        events.append(entry)
    (folder / "chronology.yaml").write_text("\n".join(events), encoding="utf-8")

    if (seed / "glossary.yaml").is_file():
        shutil.copyfile(seed / "glossary.yaml", folder / "glossary.yaml")
    return {"name": f"course-{number:02d}", "paragraphs": len(paragraphs), "notes": len(out),
            "notes_dropped": dropped, "chars": sum(len(p) for p in paragraphs)}


def generate(target: Path, articles: int = 40, seed_value: int = 7, seed: Path | None = None) -> list[Path]:
    """Create target/course-01 … course-NN (replacing an earlier pack there); return the folders."""
    seed = seed or TOOLCHAIN / "source"
    book = dict(_load_yaml(seed / "book.yaml"))
    article = seed / str(book.get("article", "article.txt"))
    if article.suffix != ".txt":
        raise SystemExit(f"the generator reads a plain-text seed article, not {article.name}")
    seed_paragraphs = [line.strip() for line in article.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
    annotations = list(_load_yaml(seed / "annotations.yaml"))
    chronology = list(_load_yaml(seed / "chronology.yaml"))
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("course-*"):
        shutil.rmtree(old)
    folders = []
    for number in range(1, articles + 1):
        rng = random.Random(f"kitap-coursepack-{seed_value}-{number}")
        folder = target / f"course-{number:02d}"
        write_project(folder, number, rng, seed, book, seed_paragraphs, annotations, chronology)
        folders.append(folder)
    return folders


def validate(folders: list[Path], toolchain: Path = TOOLCHAIN) -> list[str]:
    """Load, transform and check each project with kitap (everything a build checks before layout)."""
    sys.path.insert(0, str(toolchain))
    from kitap.errors import KitapError
    from kitap.load import load_project
    from kitap.transforms import apply_transforms

    try:  # the checker a build runs (errors stop it), in toolchains that have one
        from kitap.pipeline import check_before_build
    except ImportError:
        check_before_build = None
    problems = []
    for folder in folders:
        try:
            apply_transforms(load_project(folder))
            if check_before_build:
                try:
                    check_before_build(load_project(folder), folder)  # (book as loaded, source) in newer toolchains
                except TypeError:
                    check_before_build(folder)  # older toolchains: (source)
        except KitapError as error:
            errors = getattr(error, "errors", [error])
            problems += [f"{folder.name}: {e}" for e in errors]
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", type=Path, help="folder to create the projects in")
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7, help="RNG seed (same seed, same pack)")
    parser.add_argument("--source", type=Path, default=TOOLCHAIN / "source", help="the seed project")
    parser.add_argument("--toolchain", type=Path, default=TOOLCHAIN, help="kitap checkout used to validate")
    parser.add_argument("--no-validate", action="store_true")
    args = parser.parse_args()
    folders = generate(args.target, args.articles, args.seed, args.source)
    print(f"{len(folders)} projects in {args.target}")
    if not args.no_validate:
        problems = validate(folders, args.toolchain)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            sys.exit(1)
        print("all projects load and transform cleanly")


if __name__ == "__main__":
    main()
