"""A typo set for measuring the spelling checker: real typing slips applied to words of the Kazakh
corpus, made the same way every time (seeded). `python tests/corpus/slips.py [--count N] [--seed S]`
prints examples as «typo<TAB>original<TAB>kind». This makes typos; it checks nothing."""
from __future__ import annotations

import argparse
import random
import re
from typing import Callable, NamedTuple

from corpus_tools import WORD_RE, corpus_files

MIN_LETTERS = 4
# Kazakh typed on a Russian layout: each Kazakh letter becomes the Russian letter it looks and sounds like.
KEYS = {"қ": "к", "ң": "н", "ғ": "г", "ұ": "у", "ү": "у", "ө": "о", "ә": "а", "һ": "х", "і": "и"}
RUSSIAN_KEYBOARD = str.maketrans({**KEYS, **{k.upper(): v.upper() for k, v in KEYS.items()}})
KAZAKH_WORD = re.compile(r"[а-яёәғқңөұүһі]+", re.IGNORECASE)
# «сөз. Келесі»: two whole words (no hyphen on either side) around a full stop; the second is looked
# ahead at, so that it can also end the next pair.
SENTENCE_JOIN = re.compile(r"(?<![\w\u2010-])(\w+)\. (?=(\w+)(?![\w\u2010-]))")
TRIES = 1000


class Slip(NamedTuple):
    typo: str
    original: str
    kind: str


def _keyboard(word: str, rng: random.Random) -> str:
    return word.translate(RUSSIAN_KEYBOARD)


def _doubled(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word))  # the first letter stays: a capital doubled reads as another slip
    return word[:i + 1] + word[i:]


def _dropped(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word))
    return word[:i] + word[i + 1:]


def _swapped(word: str, rng: random.Random) -> str:
    places = [i for i in range(1, len(word) - 1) if word[i] != word[i + 1]]
    if not places:
        return word
    i = rng.choice(places)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def _missing_space(pair: str, rng: random.Random) -> str:
    return pair.replace(". ", ".")


# kind -> (the pool it draws from, the slip); the typo set takes the kinds in turn.
SLIPS: dict[str, tuple[str, Callable[[str, random.Random], str]]] = {
    "russian-keyboard": ("kazakh_letters", _keyboard),
    "doubled-letter": ("words", _doubled),
    "dropped-letter": ("words", _dropped),
    "swapped-letters": ("words", _swapped),
    "missing-space": ("sentence_joins", _missing_space),
}


def _usable(word: str) -> bool:
    return len(word) >= MIN_LETTERS and KAZAKH_WORD.fullmatch(word) is not None and not word.isupper()


def pools() -> dict[str, list[str]]:
    """What the slips draw from, sorted so that a seed always gives the same set."""
    texts = [path.read_text(encoding="utf-8") for path in corpus_files() if path.parent.name == "kk"]
    words = sorted({w for text in texts for w in WORD_RE.findall(text) if _usable(w)})
    joins = sorted({f"{a}. {b}" for text in texts for a, b in SENTENCE_JOIN.findall(text)
                    if _usable(a) and _usable(b) and b[0].isupper()})
    return {"words": words, "kazakh_letters": [w for w in words if _keyboard(w, None) != w],
            "sentence_joins": joins}


def generate(count: int = 200, seed: int = 2026) -> list[Slip]:
    """Up to `count` distinct slips, the kinds in turn. A slip that gives a word of the corpus is
    skipped (it is a real word, not a typo a checker could find); a kind whose pool runs out
    (the corpus has few «сөз. Келесі» joins) drops out and the others go on."""
    rng = random.Random(seed)
    source = pools()
    known = {w.lower() for w in source["words"]}
    slips: list[Slip] = []
    seen: set[str] = set()
    kinds = list(SLIPS)
    while len(slips) < count and kinds:
        kind = kinds[len(slips) % len(kinds)]
        slip = _new_slip(kind, source, known | seen, rng)
        if slip is None:
            kinds.remove(kind)
            continue
        seen.add(slip.typo.lower())
        slips.append(slip)
    return slips


def _new_slip(kind: str, source: dict[str, list[str]], taken: set[str], rng: random.Random) -> Slip | None:
    pool, make = SLIPS[kind]
    for _ in range(TRIES):
        original = rng.choice(source[pool])
        typo = make(original, rng)
        if typo != original and typo.lower() not in taken:
            return Slip(typo, original, kind)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    for slip in generate(args.count, args.seed):
        print("\t".join(slip))


if __name__ == "__main__":
    main()
