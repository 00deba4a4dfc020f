"""The Kazakh lexicon of the spelling check: hunspell-kk's stems + the compiled suffix grammar.

The stems are read straight from Debian's hunspell-kk .dic file (54,000 lines; the part of speech
is in its flags: verbs are listed as infinitives and carry the verb flags). Hunspell's own affix
rules are not used: they know few suffix chains. The compiled lexicon (stems with their contexts,
endings, derivational suffixes) is cached in kitap/check/__pycache__/ and remade when the
dictionary file, kitap/languages/kk/morphology.py or the compiling code change.

`Lexicon.known(word)` splits the word into stem + ending at each point (at most one look-up per
split), and tries derivational suffixes on the stem part (a few look-ups more); a word of the
seed takes about 10 µs.
"""
from __future__ import annotations

import hashlib
import marshal
import os
from functools import lru_cache
from pathlib import Path

from ..languages.kk import morphology as m
from ..languages.kk import stems as kk_stems
from . import grammar as g

CACHE_DIR = Path(__file__).parent / "__pycache__"
VERB_FLAG = "M"  # hunspell-kk flags verbs (infinitives) with M…z, nouns and the rest with A…L
DEVOICED = {voiced: voiceless for voiceless, voiced in m.VOICING.items()}
MIN_STEM = 2
MIN_LOAN = 4  # shorter Russian words (сон, кол) are too often a Kazakh word mistyped (соң, қол)
MAX_DERIVATIONS = 4
FORMAT = 5  # bump when the cached structure changes shape


def harmonies(word: str) -> tuple[str, ...]:
    """The harmony of a stem's suffixes: its last vowel's; both for loanwords ending in a cluster (акт)."""
    lower = word.lower()
    # у and и do not decide (мұхит-ы, тарих-ы, ту-ы); alone, и is front (лимит-і); у between
    # consonants is a back vowel (референдум-да), и in a Russian loanword a front one (социалист-ік)
    loan = is_loan(lower)
    vowels = [c for i, c in enumerate(lower) if c in m.VOWELS and c not in m.TRANSPARENT_VOWELS
              or c == "и" and loan
              or c == "у" and 0 < i < len(lower) - 1 and lower[i - 1] not in m.VOWELS and lower[i + 1] not in m.VOWELS]
    harmony = ("f" if vowels[-1] in m.FRONT_VOWELS else "b") if vowels else "f" if "и" in lower else "b"
    core = lower.rstrip("ьъ")
    clustered = len(core) > 2 and not set(core[-2:]) & m.VOWELS and core[-2:] not in m.NATIVE_FINAL_CLUSTERS
    soft = lower.endswith("ь")  # фестиваль-дер, фестивал-ы: both are written
    return ("b", "f") if clustered and loan or soft else (harmony,)


def is_loan(word: str) -> bool:
    lower = word.lower()
    starts_clustered = len(lower) > 2 and not {lower[0], lower[1]} & m.VOWELS and lower[1] not in "ьъ"
    ends_clustered = len(lower) > 2 and not set(lower[-2:]) & m.VOWELS and lower[-2:] not in m.NATIVE_FINAL_CLUSTERS
    return bool(m.LOAN_LETTERS & set(lower)) or starts_clustered or ends_clustered


def noun_forms(word: str) -> list[tuple[str, int]]:
    both = harmonies(word)
    forms = g.stem_forms(word, "n", both, is_loan(word))
    if word.lower() in m.SYNCOPE:  # халық → халқ-ы
        forms += [(word[:-2] + word[-1], g.bit("n", harmony, "G")) for harmony in both]
    core = word.rstrip("ьъ")
    if core != word:  # фестиваль → фестивал-ы, фестивал-і
        forms += g.stem_forms(core, "n", ("b", "f"), True)
    elif len(core) > 3 and core[-1] == core[-2] and core[-1] not in m.VOWELS:  # металл → метал-дан
        forms += g.stem_forms(core[:-1], "n", harmonies(core[:-1]), True)
    if len(both) == 2:  # акт → акті-сі
        forms += [form for harmony in both
                  for form in g.stem_forms(word + m.EPENTHETIC_VOWEL[harmony], "n", (harmony,), True)]
    return forms


def verb_forms(infinitive: str) -> list[tuple[str, int]]:
    """The stems of a verb listed as its infinitive: жазу → жаз, оқу → оқы, бірігу → бірік, сүю → сүй."""
    if infinitive.endswith("ю"):
        core = infinitive[:-1]
        stems = [core if core.endswith("и") else core + "й"]
    elif infinitive.endswith("у") and len(infinitive) > 2:
        core = infinitive[:-1]
        last = core[-1]
        if last in m.VOWELS:
            stems = [core]
        elif last in DEVOICED:  # voiced only because -у follows: бірігу → бірік
            stems = [core[:-1] + DEVOICED[last]]
        elif last in m.VOICING:  # a stem in к қ п would voice: this one ends in ы/і (оқу) or drops it (қорқу)
            vowel = _linking_vowel(core)
            if core[-2] in m.VOWELS:
                stems = [core + vowel]
            else:
                full = core[:-1] + vowel + last
                return ([(full, g.bit("v", h, "K-")) for h in harmonies(full)]
                        + [(core, g.bit("v", h, "G")) for h in harmonies(full)])
        else:  # жазу is жаз+у, есту is есті+у: the spelling does not tell, both are read
            stems = [core, core + _linking_vowel(core)]
    else:
        return []
    return [form for stem in stems if len(stem) >= MIN_STEM
            for form in g.stem_forms(stem, "v", harmonies(stem), is_loan(stem))]


def _linking_vowel(core: str) -> str:
    """The ы or і a verb's stem may end in before its infinitive's -у (оқы-у, есті-у), by the stem's last
    vowel: a verb's stem is native, even where it ends in two consonants as a loanword does (ест-, айт-),
    so `harmonies` (which gives such a word both) does not decide."""
    vowels = [c for c in core.lower() if c in m.VOWELS and c not in m.TRANSPARENT_VOWELS]
    return "і" if vowels and vowels[-1] in m.FRONT_VOWELS else "ы"


def read_dictionary(path: Path) -> dict[str, int]:
    """Written stem → contexts, for every usable entry of a hunspell .dic file."""
    entries = []
    for line in path.read_text(encoding="utf-8-sig").splitlines()[1:]:
        word, _, flags = line.strip().partition("/")
        if len(word) >= MIN_STEM and set(word.lower()) & m.VOWELS and word.isalpha() and _cyrillic(word):
            entries.append((word, VERB_FLAG in flags))
    entries += [(word, False) for word in kk_stems.NOUNS] + [(word, True) for word in kk_stems.VERBS]
    stems: dict[str, int] = {}
    for word, verb in entries:
        forms = noun_forms(word) + (verb_forms(word) if verb else [])
        for text, contexts in forms:
            stems[text] = stems.get(text, 0) | contexts
    return stems


def _cyrillic(word: str) -> bool:
    return all("\u0400" <= c <= "\u04ff" for c in word)


class Lexicon:
    """Known words: dictionary stems and the project's own words, with the compiled suffix grammar.

    Words are tried as Kazakh first (stem + suffixes, a prefix of an international word + a known
    word, a compound of a stem and a known word), then with the stems of the Russian dictionary as
    loanword stems (идеология-ны, ядро-лық), which is read only when a word needs it.
    """

    def __init__(self, tables: tuple, loans=None):
        self.tables = tables
        self.stems, self.endings, self.finite_endings, self.derivations, self.predicative = tables
        self.extra: dict[str, int] = {}
        self.longest_ending = max(map(len, self.endings))
        self.longest_suffix = max(map(len, self.derivations))
        self._loans = loans  # a callable giving the set of loanword stems, read once
        self._loan_masks: dict[str, int] = {}
        self._known: dict[str, bool] = {}

    def with_words(self, words) -> "Lexicon":
        """A copy that also knows these words and stems (the project's words.txt, names from its text)."""
        copy = Lexicon(self.tables, self._loans)
        for word in words:
            for text, contexts in noun_forms(word) + [(word, -1)]:
                copy.extra[text] = copy.extra.get(text, 0) | contexts
        return copy

    def known(self, word: str) -> bool:
        """Is this word a known stem with a valid chain of suffixes? Case: as written, or in lower case."""
        answer = self._known.get(word)
        if answer is None:
            lower = word.lower()
            # in lower case, a word made from a name: қазақстандық (Қазақстан), алматылық (Алматы)
            forms = (word, word[:1].upper() + word[1:])
            answer = (self._parses(word, self.endings, False) or self._composed(word)
                      or lower != word and (self._parses(lower, self.endings, False) or self._composed(lower))
                      or self._loans is not None and (self._parses(lower, self.endings, True)
                                                      or lower != word and self._parses(word, self.endings, True))
                      or lower == word and self._parses(forms[1], self.endings, True, derived=True))
            self._known[word] = answer
        return answer

    def stems_of(self, word: str) -> list[str]:
        """The stems a word not in the dictionary may have, read as a noun (Қазақстанның → Қазақстан)."""
        stems = [word]
        for length in range(len(word) - 1, max(MIN_STEM, len(word) - self.longest_ending) - 1, -1):
            mask = self.endings.get(word[length:], 0)
            stem = word[:length]
            if mask and any(text == stem and contexts & mask for text, contexts in noun_forms(stem)):
                stems.append(stem)
        return stems

    def known_plain(self, word: str) -> bool:
        """Known as a stem with suffixes alone (no compound, no loanword): the cheap test suggestions use."""
        return self._parses(word, self.endings, False)

    def finite(self, word: str) -> bool:
        """Can this word end a sentence as its predicate (a verb's tense, a noun's predicate ending)?"""
        lower = word.lower()
        if self._parses(lower, self.finite_endings, False):
            return True
        return any(self._base(lower[:-k], mask, 1, False) for k in range(1, min(self.longest_suffix, len(lower) - 1) + 1)
                   for made, mask in self.predicative.get(lower[-k:], ()))

    def _composed(self, word: str) -> bool:
        """A prefix of an international word + a known word, or a compound: a stem + a known word."""
        for prefix in m.PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) > m.COMPOUND_TAIL and self.known(word[len(prefix):]):
                return True
        for first in m.COMPOUND_FIRSTS:
            if word.startswith(first) and len(word) - len(first) >= m.COMPOUND_TAIL \
                    and self._inflected_stem(word[len(first):]):
                return True
        for split in range(m.COMPOUND_HEAD, len(word) - m.COMPOUND_TAIL + 1):
            tail = word[split:]
            if tail.startswith(m.COMPOUND_VOWEL_TAILS):
                pass
            elif tail[0] in m.VOWELS or tail[0] == tail[1] or any(tail[:n] in self.endings or tail[:n] in
                                                                  self.derivations for n in (2, 3)):
                # a second part that begins with a vowel or like a suffix is a slip's remains
                # (байлан|ыссы) or a misformed ending (кітап|тер for кітаптар), not a stem
                continue
            if self.stems.get(word[:split], 0) & NOUNS and self._inflected_stem(tail):
                return True
        return False

    def _inflected_stem(self, word: str) -> bool:
        """A stem of at least COMPOUND_TAIL letters read as written, with its suffixes (жүзі-лік)."""
        return self._parses(word, self.endings, False, strict=True)

    def _parses(self, word: str, endings: dict[str, int], loans: bool, derived: bool = False,
                limit: int = MAX_DERIVATIONS, strict: bool = False) -> bool:
        """Is `word` a stem + derivational suffixes (at least one, if `derived`; at most `limit`) + one of
        `endings`? `strict`: the stem has COMPOUND_TAIL letters at least and is read as written."""
        for stem_length in range(len(word), MIN_STEM - 1, -1):
            ending = word[stem_length:]
            if len(ending) > self.longest_ending:
                return False
            mask = endings.get(ending)
            if mask and self._base(word[:stem_length], mask, -1 if derived else 0, loans, limit, strict):
                return True
        return False

    def _base(self, stem: str, mask: int, depth: int, loans: bool, limit: int = MAX_DERIVATIONS,
              strict: bool = False) -> bool:
        """Is `stem` a known stem, or a known stem + derivational suffixes, in one of the contexts `mask`?
        A negative depth asks for a derivation first."""
        if depth >= 0 and (not strict or len(stem) >= m.COMPOUND_TAIL) and (
                (self.stems.get(stem, 0) | self.extra.get(stem, 0) | (self._loan(stem) if loans else 0))
                & (mask & PLAIN if strict else mask)):
            return True
        if depth >= limit:
            return False
        for length in range(1, min(self.longest_suffix, len(stem) - MIN_STEM) + 1):
            for made, follows in self.derivations.get(stem[-length:], ()):
                if made & mask and self._base(stem[:-length], follows, max(depth, 0) + 1, loans, limit, strict):
                    return True
        return False

    def derivations_needed(self, word: str) -> int | None:
        """The fewest derivational suffixes a reading of `word` needs (no compounds, no loanwords)."""
        return next((limit for limit in range(MAX_DERIVATIONS + 1)
                     if self._parses(word, self.endings, False, limit=limit)), None)

    def _loan(self, stem: str) -> int:
        if len(stem) < MIN_LOAN - 1:
            return 0
        mask = self._loan_masks.get(stem)
        if mask is None:
            loans = self._loans()
            mask = sum_masks(contexts for source in _loan_sources(stem) if source in loans
                             for text, contexts in noun_forms(source) if text == stem)
            self._loan_masks[stem] = mask
        return mask

    def known_kazakh(self, word: str) -> bool:
        """Known without the loanword stems: a Kazakh word (what a Russian-layout slip stands for)."""
        lower = word.lower()
        return (self._parses(word, self.endings, False) or self._composed(word)
                or lower != word and (self._parses(lower, self.endings, False) or self._composed(lower)))

    def is_loanword(self, word: str) -> bool:
        """A word of the Russian dictionary as it stands (Иран, шиит, идеология)."""
        return self._loans is not None and bool(self._loan(word) or self._loan(word.lower()))

    def known_as_written(self, word: str) -> bool:
        """Known in this very case (a name is known capitalised, not in lower case)."""
        return self._parses(word, self.endings, False) or self._parses(word, self.endings, True)


def sum_masks(masks) -> int:
    total = 0
    for mask in masks:
        total |= mask
    return total


NOUNS = sum_masks(g.bit("n", h, sound) for h in g.HARMONIES for sound in g.SOUNDS)
PLAIN = sum_masks(g.bit(pos, h, sound) for pos in g.POS for h in g.HARMONIES for sound in g.SOUNDS
                  if sound not in g.JOIN_SOUNDS and sound != "P3")


def read_loans(path: Path) -> frozenset[str]:
    """The words of a Russian hunspell .dic file (common words and names): stems of loanwords and of
    foreign names, written in Kazakh as in Russian (идеология, Франция)."""
    words = (line.partition("/")[0].strip() for line in path.read_text(encoding="utf-8-sig").splitlines()[1:])
    return frozenset(word for word in words if len(word) >= MIN_LOAN and word.isalpha() and _cyrillic(word)
                     and (word.islower() or word.istitle()))


def _loan_sources(stem: str) -> list[str]:
    """The loanwords a written stem may come from: itself, or the word whose form it is (социалис-
    of социалист, фестивал- of фестиваль, метал- of металл, акті- of акт)."""
    return [stem, stem + "т", stem + "ь", stem + stem[-1:], stem[:-1]]


def _cache_key(source: Path) -> str:
    stat = source.stat()
    digest = hashlib.sha256(f"{FORMAT}|{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    for module in (m.__file__, kk_stems.__file__, g.__file__, __file__):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()[:16]


def _cached(kind: str, source: Path, build):
    """build(source), kept in CACHE_DIR as marshal data until the source or the code that builds it changes."""
    cached = CACHE_DIR / f"{kind}-{_cache_key(source)}.marshal"
    try:
        return marshal.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = build(source)
    try:
        CACHE_DIR.mkdir(exist_ok=True)
        for old in CACHE_DIR.glob(f"{kind}-*.marshal"):
            old.unlink(missing_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(data))
        temporary.replace(cached)
    except OSError:
        pass  # a read-only install builds it in each process
    return data


def _compile(dictionary: Path) -> tuple:
    endings, finite = g.compile_endings()
    derivations, predicative = g.compile_derivations()
    return read_dictionary(dictionary), endings, finite, derivations, predicative


@lru_cache(maxsize=4)
def load(dictionary: Path, loans: Path | None = None) -> Lexicon:
    """The lexicon for this .dic file (compiling takes ~0.4 s, the cached form ~0.05 s to read), with
    the stems of the Russian .dic file `loans` as loanword stems, read when first needed."""
    tables = _cached("kk-lexicon", dictionary, _compile)
    loan_stems = lru_cache(maxsize=1)(lambda: _cached("ru-loans", loans, read_loans)) if loans else None
    return Lexicon(tables, loan_stems)
