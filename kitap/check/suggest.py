"""What a mistyped word was meant to be: Russian-keyboard slips, and the closest known forms.

- `slips(lexicon, word)`: the known words that the same keys give on a Kazakh layout (к → қ,
  н → ң …, kitap.languages.kk.keyboard), fewest changes first.
- `suggestions(lexicon, word)`: known words one edit away (a letter dropped, doubled, swapped with
  its neighbour or replaced), ranked by how common the slip is: a keyboard-slip letter or a doubled
  letter first, then a swap, then any other letter. Candidates are checked against the stems and
  the suffix grammar only (no compounds, no loanwords), so a word costs about 10 ms.
"""
from __future__ import annotations

from itertools import product

from ..languages.kk.collate import KAZAKH_ALPHABET
from ..languages.kk.keyboard import CONFUSED, MAX_SLIP_POSITIONS, RUSSIAN_LAYOUT
from ..languages.kk.letters import KAZAKH_ONLY
from .lexicon import Lexicon

MAX_SUGGESTIONS = 3
MAX_DERIVED = 1  # suggest no word the grammar reads only with two derivational suffixes or more
SLIP_PAIRS = frozenset((typed, meant) for typed, meant_letters in RUSSIAN_LAYOUT.items() for meant in meant_letters)


def recase(candidate: str, like: str) -> str:
    return candidate[:1].upper() + candidate[1:] if like[:1].isupper() else candidate


def slips(lexicon: Lexicon, word: str) -> list[str]:
    """Kazakh words (not loanwords) the same keys stand for on a Kazakh layout, fewest changes first. None
    for a word with a letter a Russian layout has not (ә ғ қ ң ө ұ ү һ і): it was not typed on one («түрен»,
    a plough's share, is no «түрең» mistyped)."""
    lower = word.lower()
    if not KAZAKH_ONLY.isdisjoint(lower):
        return []
    positions = [i for i, c in enumerate(lower) if c in RUSSIAN_LAYOUT][:MAX_SLIP_POSITIONS]
    found: list[tuple[int, str]] = []
    for choice in product(*[(lower[i],) + tuple(RUSSIAN_LAYOUT[lower[i]]) for i in positions]):
        changed = sum(letter != lower[i] for letter, i in zip(choice, positions))
        if not changed:
            continue
        chars = list(lower)
        for letter, i in zip(choice, positions):
            chars[i] = letter
        candidate = recase("".join(chars), word)
        if lexicon.known_kazakh(candidate):
            found.append((changed, candidate))
    return [candidate for _, candidate in sorted(found)]


def _edits(word: str):
    """(cost, candidate) for every string one edit from `word`."""
    for i in range(len(word)):
        doubled = (i > 0 and word[i - 1] == word[i]) or (i + 1 < len(word) and word[i + 1] == word[i])
        yield (0.4 if doubled else 1.0), word[:i] + word[i + 1:]
        if i + 1 < len(word) and word[i] != word[i + 1]:
            yield 0.6, word[:i] + word[i + 1] + word[i] + word[i + 2:]
        for letter in KAZAKH_ALPHABET:
            if letter != word[i]:
                near = (word[i], letter) in SLIP_PAIRS or (word[i], letter) in CONFUSED or (letter, word[i]) in CONFUSED
                yield (0.3 if near else 1.0), word[:i] + letter + word[i + 1:]
    for i in range(len(word) + 1):
        for letter in KAZAKH_ALPHABET:
            doubling = word[i - 1:i] == letter or word[i:i + 1] == letter
            yield (0.4 if doubling else 1.0), word[:i] + letter + word[i:]


def suggestions(lexicon: Lexicon, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
    lower = word.lower()
    costs: dict[str, float] = {}
    for cost, candidate in _edits(lower):
        if cost < costs.get(candidate, 9):
            costs[candidate] = cost
    best = {c: cost for c, cost in costs.items() if len(c) >= 2 and lexicon.known_plain(c)}
    # a reading with fewer derivational suffixes is likelier meant (мемлекетаралық, not мемлекет-ай-алық)
    depth = {c: lexicon.derivations_needed(c) for c in best}
    ranked = sorted((c for c in best if depth[c] <= MAX_DERIVED), key=lambda c: (best[c] + depth[c] / 2, c))
    return [recase(c, word) for c in ranked[:limit]]
