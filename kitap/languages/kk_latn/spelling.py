"""`spelling` and `keyboard-slip` for Kazakh in the Latin alphabet: each word read back in Cyrillic and
asked of the Kazakh lexicon (hunspell-kk's stems and the suffix grammar, kitap/check/lexicon.py).

A Latin letter can stand for two Cyrillic ones (i: и or й; h: х or һ; ia, iu, io after a consonant: иа
or я …; a capital I typed for İ), so a word is known when any of its readings is (`readings`).
As in Cyrillic, abbreviations, words in capitals, words with letters outside the alphabet (c, w, x:
an English name), single letters and the glossary's terms are not spelled, and a capitalised word
inside a sentence is a name.

`keyboard-slip`: an unknown word that is known once the marks a keyboard without Kazakh letters
drops are put back (a → ä, g → ğ, n → ñ, o → ö, s → ş, u → ū or ü, and ı ↔ i; also k → q, and sh, ng
typed for ş, ñ): «Qazaqstan tauelsiz» is «täuelsız». `check --fix` replaces it when exactly one such
word is known.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations, product
from typing import Iterator

from ...check.findings import Finding
from ...check.lexicon import MAX_DERIVATIONS
from ...check.source import Project
from .transliterate import FROM_LATIN, LATIN_VOWELS, cyrillic_units, latin_lower, latin_upper, to_latin

# letter typed on a keyboard without the Kazakh Latin letters → the letters it may stand for
PLAIN_KEYBOARD = {"a": "ä", "g": "ğ", "n": "ñ", "o": "ö", "s": "ş", "u": "ūü", "i": "ı", "ı": "i", "k": "q"}
PLAIN_DIGRAPHS = {"sh": "ş", "ng": "ñ"}  # the English habit (and the Latin alphabets before 2021)
MAX_SLIP_POSITIONS = 12  # letters that may have lost their mark, at most, from the word's start
MAX_SLIP_CHANGES = 6     # marks put back, at most
MAX_SLIP_TRIES = 600     # spellings tried for one word, at most (a word of 12 such letters: 3 changes)
MAX_CHECK_TRIES = 60_000  # spellings tried in one check, at most (about 2 s)
# A Cyrillic letter of a reading and the other it may be (и/й, х/һ); ia, iu, io after a consonant are
# иа, иу, ио or я, ю, ё (революция: revoliutsiia); a capital I (і) is often typed for İ (и).
OTHER_READING = {"и": "й", "й": "и", "х": "һ"}
JOINED = {"иа": "я", "иу": "ю", "ио": "ё"}
SPLIT = {joined: pair for pair, joined in JOINED.items()}
CONSONANT = "бвгғджзйкқлмнңпрстфхһцчшщ"
# Readings the letter-by-letter one misses, each tried at one place of a word at a time: ia, iu, io after
# a consonant are я, ю, ё (миниатюра: miniatiura), and я, ю, ё after a vowel may be иа, иу, ио (территориалар);
# ь and ъ are not written: ль before a consonant (фильм), ь or ъ before е (рельеф, субъект); ц may be
# written s, as the spelling rules of 2021 propose (революция: revoliusiia).
# A word's first е may be э (экономика).
RESPELLINGS = (
    (re.compile(rf"(?<=[{CONSONANT}])и[ауо]", re.IGNORECASE), lambda m: _cased(JOINED[m[0].lower()], m[0])),
    (re.compile(r"(?<=[аәеиоөуұүыіэ])[яюё]", re.IGNORECASE), lambda m: _cased(SPLIT[m[0].lower()], m[0])),
    (re.compile(r"(?<=[аеиоуыэ])л(?=[бвгджзклмнпрстфхцчшщ])", re.IGNORECASE), lambda m: m[0] + "ь"),
    (re.compile(rf"(?<=[{CONSONANT}])е", re.IGNORECASE), lambda m: "ь" + m[0]),
    (re.compile(r"(?<=[бд])е", re.IGNORECASE), lambda m: "ъ" + m[0]),
    (re.compile(r"с", re.IGNORECASE), lambda m: _cased("ц", m[0])),  # ц written s (revoliusiia, kirillisa)
)
MAX_RESPELT = 3
MAX_TWICE = 12  # respellings respelt once more, at most
MAX_AMBIGUOUS = 4  # readings of at most this many ambiguous letters (16 readings)
LETTERS = frozenset(FROM_LATIN) | {"c"}


def unavailable() -> str | None:
    from ...check.spelling import unavailable as kazakh_unavailable

    return kazakh_unavailable()


def readings(word: str) -> list[str]:
    """The Cyrillic words a Latin word may be, the likeliest first (`to_cyrillic`'s choice), then its
    respellings as a loanword (RESPELLINGS, one and then two at a time); none for a word with letters
    outside the alphabet."""
    return list(dict.fromkeys(each_reading(word)))


def each_reading(word: str) -> Iterator[str]:
    """readings(), one by one and lazily: a known word is usually known by its first."""
    letters = _letter_readings(word)
    yield from letters
    if not letters:
        return
    first = letters[0]
    once = [variant for pattern, replaced in RESPELLINGS for variant in _respelled(first, pattern, replaced)]
    if first[:1] in "еЕ":
        once.append(_cased("э", first) + first[1:])
    yield from once
    for variant in once[:MAX_TWICE]:  # two respellings together: револиусия → революция (ю and ц)
        for pattern, replaced in RESPELLINGS:
            yield from _respelled(variant, pattern, replaced)


@lru_cache(maxsize=65536)
def _letter_readings(word: str) -> tuple[str, ...]:
    """The readings of the word's ambiguous letters alone (и/й, х/һ, a capital I typed for İ)."""
    found = _letter_product(word)
    if word[:1] == "I":  # a capital I typed for İ: Iran, Iaponiia
        found += [reading for reading in _letter_product("İ" + word[1:]) if reading not in found]
    return tuple(found)


def _letter_product(word: str) -> list[str]:
    units = cyrillic_units(word)
    if units is None:
        return []
    options, ambiguous = [], 0
    for _, letter in units:
        other = OTHER_READING.get(letter.lower()) if ambiguous < MAX_AMBIGUOUS else None
        if other:
            ambiguous += 1
            options.append((letter, other.upper() if letter.isupper() else other))
        else:
            options.append((letter,))
    return ["".join(choice) for choice in product(*options)]


def _respelled(word: str, pattern: re.Pattern, replaced) -> list[str]:
    """`word` with each match of `pattern` replaced alone (at most MAX_RESPELT), then all of them."""
    matches = list(pattern.finditer(word))[:MAX_RESPELT]
    out = [word[:m.start()] + replaced(m) + word[m.end():] for m in matches]
    if len(matches) > 1:
        out.append(pattern.sub(replaced, word))
    return out


def _cased(letters: str, like: str) -> str:
    return letters[:1].upper() + letters[1:] if like[:1].isupper() else letters


class _Latin:
    """The Kazakh lexicon asked about Latin words, through their readings."""

    def __init__(self, lexicon):
        self.lexicon = lexicon

    def known(self, word: str) -> bool:
        return any(self.lexicon.known_kazakh(cyrillic) or self.lexicon.is_loanword(cyrillic)
                   or self.lexicon.known(cyrillic) for cyrillic in each_reading(word))

    def known_kazakh(self, word: str) -> bool:
        """Known as a Kazakh word (no loanword: the readings of its letters alone, not the respellings)."""
        return any(self.lexicon.known_kazakh(cyrillic) for cyrillic in _letter_readings(word))

    def known_plain(self, word: str) -> bool:
        """Known as a stem with its suffixes (no compound, no loanword): the cheap test a slip's many
        spellings are put to, as suggestions are."""
        return any(self.lexicon.known_plain(cyrillic.lower()) for cyrillic in _letter_readings(word))

    def derivations_needed(self, word: str) -> int:
        """The fewest derivational suffixes a reading needs (a compound's or loanword's: more than any)."""
        depths = [self.lexicon.derivations_needed(cyrillic.lower()) for cyrillic in readings(word)]
        return min((depth for depth in depths if depth is not None), default=MAX_DERIVATIONS + 1)

    def suggestions(self, word: str) -> list[str]:
        from ...check.suggest import suggestions

        first = readings(word)[:1]
        return [_recased(to_latin(c).lower(), word) for c in suggestions(self.lexicon, first[0])] if first else []


def _recased(candidate: str, like: str) -> str:
    """`candidate` with its first letter in the case of `like`'s (Kazakh Latin: İ and i, I and ı)."""
    return (latin_upper(candidate[:1]) if like[:1].isupper() else latin_lower(candidate[:1])) + candidate[1:]


class Budget:
    """Spellings the slip search may still try in one check (MAX_CHECK_TRIES): a text typed all without
    marks, or a list of foreign names, keeps the check to seconds; the words after it get no slip search."""

    def __init__(self, tries: int = 0):
        self.left = tries or MAX_CHECK_TRIES


def slips(latin: _Latin, word: str, names: frozenset[str] | set[str] = frozenset(),
          budget: Budget | None = None) -> list[str]:
    """Known Kazakh words (or these `names`) the word is once the marks a plain keyboard drops are put
    back (and sh, ng typed for ş, ñ). Tried by the number of letters changed, fewest first, up to one
    more than the first that gives a word, and at most MAX_SLIP_TRIES spellings a word (and what is left
    of the check's `budget`): the search stays short whatever the word (a long unknown word has many a,
    o, n, s …)."""
    found: list[tuple[int, int, str]] = []
    lower = latin_lower(word)
    bases = [(lower, 0)] + [(lower.replace(pair, letter), lower.count(pair))
                            for pair, letter in PLAIN_DIGRAPHS.items() if pair in lower]
    budget = budget or Budget()
    limit = min(MAX_SLIP_TRIES, budget.left)
    tries, enough = 0, None
    for changes in range(0, MAX_SLIP_CHANGES + 1):
        if enough is not None and changes > enough + 1 or tries >= limit:
            break
        for base, digraphs in bases:
            if not 0 <= changes - digraphs:
                continue
            positions = [i for i, c in enumerate(base) if c in PLAIN_KEYBOARD][:MAX_SLIP_POSITIONS]
            for chosen in combinations(positions, changes - digraphs):
                for letters in product(*[PLAIN_KEYBOARD[base[i]] for i in chosen]):
                    if not changes or tries >= limit:
                        continue
                    tries += 1
                    chars = list(base)
                    for i, letter in zip(chosen, letters):
                        chars[i] = letter
                    candidate = _recased("".join(chars), word)
                    if candidate in names or latin.known_plain(candidate):
                        found.append((latin.derivations_needed(candidate), changes, candidate))
                        enough = changes if enough is None else enough
    budget.left -= tries
    # a reading with fewer derivational suffixes is the one meant (Qazaqstan, not Qazak-stan), then
    # the one with fewer changes
    fewest = min((depth for depth, _, _ in found), default=0)
    return list(dict.fromkeys(candidate for depth, _, candidate in sorted(found) if depth == fewest))


def unknown(project: Project) -> Iterator[tuple[object, list[str], _Latin]]:
    """Each word form the check reports: its uses (kitap.check.spelling.Uses), the words it stands for
    once its marks are put back (or none), and the lexicon asked."""
    from ...check.spelling import collect_uses, lexicon, project_words

    base = lexicon()
    if base is None:
        return
    terms = {entry.term for entry in project.book.glossary}
    uses = collect_uses(project, terms, LETTERS, latin_lower, LATIN_VOWELS)
    words = project_words(project.book.root)
    own = [cyrillic for word in words for cyrillic in readings(word)[:1]]
    names = [stem for entry in uses.values() if entry.name
             for cyrillic in readings(entry.first[2])[:1] for stem in base.stems_of(cyrillic)]
    latin, plain = _Latin(base.with_words(own + names)), _Latin(base.with_words(own))
    own_lower = {latin_lower(word) for word in words}
    capitalised = {entry.first[2] for entry in uses.values() if entry.first[2][:1].isupper()}
    budget = Budget()
    for key, entry in uses.items():
        word = entry.first[2]
        if len((readings(word) or [word])[0]) < 2:
            continue  # a single Cyrillic letter (ia: я) is not spelled
        if entry.name:
            # a name is reported only as a slip of a name this text uses (Kazakstan beside Qazaqstan)
            if any(base.is_loanword(c) or base.known_kazakh(c) and not base.derivations_needed(c.lower())
                   for c in readings(word)):
                continue  # (known with a derivational suffix is not enough: Kazak-stan)
            intended = [c for c in slips(plain, word, capitalised - {word}, budget) if c in capitalised]
            if intended:
                yield entry, intended, latin
        elif not (key in own_lower or latin.known(word) or latin.known(key)):
            yield entry, slips(latin, word, budget=budget), latin


def findings(project: Project, suggest: bool = True) -> Iterator[Finding]:
    """The spelling and keyboard-slip findings of a Kazakh text in Latin letters."""
    from ...check.spelling import reported

    return reported(unknown(project), lambda latin, word: latin.suggestions(word), suggest,
                    "looks typed without the marks of the Kazakh letters", _recased, latin_lower)
