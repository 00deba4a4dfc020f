"""What the corpus tests and the typo generator share: where the texts are, what a word is, and the
sources.yaml index. Kept apart from kitap on purpose: the corpus measures kitap, kitap never reads it."""
from __future__ import annotations

import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
SOURCES = CORPUS / "sources.yaml"
LANGUAGES = ("kk", "ru")
KINDS = ("law", "news", "school", "prose", "poem")
LICENCES = ("public domain", "CC BY-SA 4.0", "official text of a state body",
            "news excerpt quoted for testing", "excerpt quoted for testing")
FIELDS = ("file", "title", "author", "url", "retrieved", "licence", "kind", "language", "words")
# A word: letters and digits (with any combining accents, e.g. Russian stress marks), joined by inner
# hyphens (ASCII, or U+2010 as in the UN texts): «қадір‐қасиет», «3-1», «2026» are one word each.
_PART = r"(?:[^\W_]|[\u0300-\u036f])+"
WORD_RE = re.compile(rf"{_PART}(?:[-\u2010]{_PART})*")


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


def corpus_files() -> list[Path]:
    """Every text of the corpus, in a stable order (language folder, then name)."""
    return sorted(CORPUS.glob("*/*.txt"))


def load_sources() -> list[dict]:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(SOURCES.read_text(encoding="utf-8"))["texts"]


def main() -> int:
    """`python tests/corpus/corpus_tools.py`: each text's word count against sources.yaml."""
    listed = {entry["file"]: entry for entry in load_sources()}
    status = 0
    for path in corpus_files():
        name = str(path.relative_to(CORPUS))
        words = count_words(path.read_text(encoding="utf-8"))
        entry = listed.pop(name, None)
        note = "not in sources.yaml" if entry is None else ("" if entry["words"] == words else f"sources.yaml says {entry['words']}")
        status |= bool(note)
        print(f"{name:45} {words:6}  {note}".rstrip())
    for name in listed:
        print(f"{name:45}      -  listed in sources.yaml, no such file")
        status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
