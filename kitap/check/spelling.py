"""`spelling` and `keyboard-slip` (warnings): words Kazakh does not know, and words typed on a Russian layout.

A word is known when it is a stem of Debian's hunspell-kk (or of the project's words.txt) followed
by a valid chain of Kazakh suffixes (kitap/check/lexicon.py, kitap/languages/kk/morphology.py), a
compound of such words, or a Russian dictionary stem with Kazakh suffixes (a loanword written as
in Russian: идеологияны). Not checked: abbreviations (БҰҰ, БҰҰ-ның), numbers and their endings
(168-ден), words with letters outside the Kazakh alphabet (Latin or legacy-font letters: mixed-script
and font-hack report them),
Roman numerals, single letters, words with a letter three times (tripled-letter reports them), the
glossary's terms, and Russian sentences.

Names: a capitalised word inside a sentence is a name, and is learned as one, so the same name at
the start of a sentence, or with an ending (Қазақстанның), is known too. A name is reported only
when it is a Russian-keyboard slip of a known word («Казакстан» beside «Қазақстан»).

- `keyboard-slip`: an unknown word that is known once the letters a Russian layout types for Kazakh
  ones are put back (к → қ, н → ң, г → ғ, у → ұ/ү, о → ө, а → ә, и ↔ і, х → һ). `check --fix`
  replaces it when exactly one such word is known.
- `spelling`: any other unknown word, with the closest known forms.
Each word form is reported once, at its first use, with the lines of all its uses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..languages.kk.sentences import PREDICATE_ENDINGS, PREDICATE_WORDS
from .findings import Edit, Finding
from ..languages.kk.collate import KAZAKH_ALPHABET
from ..languages.kk.morphology import VOWELS
from .lexicon import Lexicon, load
from .passages import Passage
from .hygiene import TRIPLED
from .script import looks_roman
from .source import Project
from .suggest import slips, suggestions
from .language import checking
from .tokens import tokens

DICTIONARY_STEMS = (Path("/usr/share/hunspell/kk_KZ"), Path("/usr/share/myspell/kk_KZ"),
                    Path("/usr/share/myspell/dicts/kk_KZ"))
LOAN_DICTIONARIES = (Path("/usr/share/hunspell/ru_RU.dic"), Path("/usr/share/myspell/ru_RU.dic"))
NOT_INSTALLED = "spelling not checked: Kazakh Hunspell dictionary (hunspell-kk) not installed"
WORDS_FILE = "words.txt"
SKIPPED_KINDS = frozenset({"code"})
LETTERS = frozenset(KAZAKH_ALPHABET)  # a word with any other letter (Latin, legacy font, Serbian) is not spelled
NAME_KINDS = frozenset({"name"})  # a glossary expansion is a name: each capitalised word of it is one
MAX_SUGGESTED_WORDS = 40  # suggestions for at most this many words (the rest are reported without)


def _dictionary() -> Path | None:
    return next((stem.with_suffix(".dic") for stem in DICTIONARY_STEMS if stem.with_suffix(".dic").is_file()), None)


def unavailable() -> str | None:
    """Why spelling cannot be checked on this machine, or None when it can."""
    return NOT_INSTALLED if _dictionary() is None else None


@lru_cache(maxsize=1)
def _base_lexicon(dictionary: Path) -> Lexicon:
    return load(dictionary, next((path for path in LOAN_DICTIONARIES if path.is_file()), None))


def lexicon() -> Lexicon | None:
    """The Kazakh lexicon (dictionary stems and suffix grammar), loaded once per process; None without it."""
    dictionary = _dictionary()
    return _base_lexicon(dictionary) if dictionary else None


def is_predicate(word: str) -> bool:
    """Can a Kazakh sentence end with this word (a finite verb, a predicate word)?"""
    lower = word.lower()
    if lower in PREDICATE_WORDS:
        return True
    known = lexicon()
    return known.finite(lower) if known is not None else lower.endswith(PREDICATE_ENDINGS)


def project_words(root: Path) -> list[str]:
    """The words of the project's words.txt: one a line; '#' starts a comment."""
    path = root / WORDS_FILE
    if not path.is_file():
        return []
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8-sig").splitlines())
    return [line for line in lines if line]


@dataclass
class Uses:
    """Every use of one word form, in reading order."""

    first: tuple[Passage, int, str]
    places: list[tuple[Passage, int, str]] = field(default_factory=list)
    inside: bool = False  # capitalised inside a sentence at some use
    lower: bool = False   # written in lower case at some use
    short: bool = True    # followed by a full stop at every use (an abbreviation: «каз.», «англ.»)

    @property
    def name(self) -> bool:
        return self.inside and not self.lower


MIXED_CASE = re.compile(r"[^\W\d_][^\W\d_]*?[^\W\d_A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")


def _skipped(token: str, terms: set[str], letters: frozenset[str], lower) -> bool:
    """Not spelled: abbreviations (БҰҰ-ның), names in mixed case («ҚазАқпарат», «ҚазҰУ»: an organisation's
    abbreviated name), numbers, Roman numerals, glossary terms, words of other letters."""
    parts = token.split("-")
    return (len(token) < 2 or any(len(part) > 1 and part.isupper() for part in parts) or TRIPLED.search(token)
            or MIXED_CASE.match(token)
            or any(c not in letters for c in lower(token).replace("-", "")) or looks_roman(token) or token in terms)


def collect_uses(project: Project, terms: set[str], letters: frozenset[str] = LETTERS, lower=str.lower,
                 vowels: frozenset[str] = VOWELS) -> dict[str, Uses]:
    """Word form (lower case) → its uses, for every word of the passages that spelling reads; `letters`,
    `lower` and `vowels` are the alphabet's (Kazakh Cyrillic unless told)."""
    uses: dict[str, Uses] = {}
    for passage in project.passages:
        if passage.kind in SKIPPED_KINDS:
            continue
        for token in tokens(passage.text, checking(project)):
            if token.russian or _skipped(token.text, terms, letters, lower) \
                    or _abbreviation(passage.text, token, lower, vowels):
                continue
            for offset, part in _parts(token):
                entry = uses.setdefault(lower(part), Uses((passage, offset, part)))
                entry.places.append((passage, offset, part))
                entry.lower |= part[0].islower()
                starts = token.initial and offset == token.start and passage.kind not in NAME_KINDS
                entry.inside |= part[0].isupper() and not starts
    return uses


def _abbreviation(text: str, token, lower=str.lower, vowels: frozenset[str] = VOWELS) -> bool:
    """No vowel (млн, км), or a full stop and then a lower-case word or a number (мөлш. 10, т.б.)."""
    if not set(lower(token.text)) & vowels:
        return True
    after = text[token.start + len(token.text):token.start + len(token.text) + 3]
    return after[:1] == "." and (after[1:2].isdigit() or after[1:2] == " " and (after[2:3].islower()
                                                                                 or after[2:3].isdigit()))


def _parts(token) -> Iterator[tuple[int, str]]:
    offset = token.start
    for part in token.text.split("-"):
        if len(part) > 1:
            yield offset, part
        offset += len(part) + 1


def _where(places: list[tuple[Passage, int, str]], first: Passage) -> str:
    lines: dict[Path, list[int]] = {}
    for passage, offset, _ in places:
        line = passage.locate(offset)[0]
        if line not in lines.setdefault(passage.path, []):
            lines[passage.path].append(line)
    if len(places) == 1:
        return ""
    parts = [("line " if len(numbers) == 1 else "lines ") + ", ".join(map(str, numbers)) if path == first.path
             else f"{path.name} " + ", ".join(map(str, numbers)) for path, numbers in lines.items()]
    return f" ({len(places)} times: {'; '.join(parts)})"


def slips_only(project: Project) -> Iterator[Finding]:
    """The keyboard-slip findings alone (what `--fix` may correct), without looking for suggestions."""
    return (finding for finding in check(project, suggest=False) if finding.rule == "keyboard-slip")


def unknown(project: Project) -> Iterator[tuple[Uses, list[str]]]:
    """Each word form the check reports: its uses, the words a Russian layout may have stood for (or
    none), and the lexicon that knows the project's words."""
    base = lexicon()
    if base is None:
        return
    terms = {entry.term for entry in project.book.glossary}
    uses = collect_uses(project, terms)
    own = {key: base.stems_of(entry.first[2]) for key, entry in uses.items()
           if entry.name and not base.known(entry.first[2])}
    words = project_words(project.book.root)
    names = sorted({stem for stems in own.values() for stem in stems})
    known = base.with_words(words + names)
    capitalised = {entry.first[2] for entry in uses.values() if entry.first[2][:1].isupper()}
    for key, entry in uses.items():
        word = entry.first[2]
        if entry.name:
            # a name is read as a slip of another name only: one used in this text (Казакстан beside
            # Қазақстан, even if «казак-стан» could be made), or one the dictionaries spell so
            if base.is_loanword(word) or base.known_kazakh(word) and not base.derivations_needed(word.lower()):
                continue
            others = base.with_words(words + [stem for stem in names if stem not in own.get(key, ())])
            intended = [c for c in slips(others, word) if c in capitalised or _name_only(others, c)]
            if not intended:
                continue
        elif known.known_kazakh(word) or known.is_loanword(word):
            continue
        else:
            intended = slips(known, word)
            if word[:1].isupper():  # a sentence's first word: perhaps a name («Алтынсарин»), which a word
                # the dictionary only composes («алтын» + «сәрі»: Алтынсәрің) is no evidence against
                intended = [c for c in intended if c in capitalised or known.derivations_needed(c.lower()) is not None]
        # a loanword stem with Kazakh suffixes reads many a Russian-layout slip as a word
        # (Казак-стан for Қазақстан, кайт-ар-ып for қайтарып): the slip wins
        if intended or not entry.name and not known.known(word):
            yield entry, intended, known


def _name_only(lexicon: Lexicon, word: str) -> bool:
    return lexicon.known_as_written(word) and not lexicon.known_as_written(word.lower())


def check(project: Project, suggest: bool = True) -> Iterator[Finding]:
    """The spelling rules of the book's language (its pack's speller), if it has one."""
    speller = checking(project).function("speller")
    return speller(project, suggest) if speller else iter(())


def unavailable_for(language: str) -> str | None:
    """Why the book language's spelling cannot be checked on this machine, or None when it can."""
    from ..languages import pack_for
    from .language import checking_for

    checking = checking_for(language)
    if not checking.speller:
        pack = pack_for(language)
        return f"spelling not checked: kitap has no spelling dictionary for {pack.name} ({pack.tag})"
    reason = checking.function("unavailable")
    return reason() if reason else None


def findings(project: Project, suggest: bool = True) -> Iterator[Finding]:
    """Kazakh: the spelling and keyboard-slip findings (the Kazakh pack's speller)."""
    return reported(unknown(project), suggestions, suggest)


def reported(unknown_words, suggestions_of, suggest: bool, how: str = "looks typed on a Russian keyboard layout",
             recased=None, lower=str.lower) -> Iterator[Finding]:
    """The findings of a speller's unknown words ((uses, intended, lexicon) each: `unknown`): a keyboard slip
    when a word is meant (`how` it was typed), else `spelling`, with the closest known forms
    (`suggestions_of(lexicon, word)`) for the first MAX_SUGGESTED_WORDS; `recased`, `lower`: the alphabet's."""
    suggested = 0
    for entry, intended, known in unknown_words:
        passage, offset, word = entry.first
        where = _where(entry.places, passage)
        if intended:
            yield slip_finding(entry, word, intended, where, how, recased)
            continue
        suggested += 1
        close = suggestions_of(known, word) if suggest and suggested <= MAX_SUGGESTED_WORDS else []
        hint = f"; did you mean {', '.join(f'«{c}»' for c in close)}?" if close else ""
        finding = passage.finding(offset, "warning", f"«{word}»{where} is not a known Kazakh word{hint} "
                                  f"(if it is right, add it to {WORDS_FILE})", "spelling")
        yield replace(finding, subject=word if entry.inside or word[:1].islower() else lower(word))


def slip_finding(entry: Uses, word: str, intended: list[str], where: str,
                 how: str = "looks typed on a Russian keyboard layout", recased=None) -> Finding:
    """A keyboard-slip: `word` (all its uses: `entry`) `how` it was typed, meaning one of `intended`;
    with the edits of `check --fix` when only one is meant. `recased(word, like)`: `word` with its first
    letter in the case of `like`'s (default: Cyrillic)."""
    recased = recased or _first_cased
    passage, offset, _ = entry.first
    shown = " or ".join(f"«{c}»" for c in intended[:3])
    edits: tuple[Edit, ...] = ()
    if len(intended) == 1:
        edits = tuple(Edit(place.start + at, place.start + at + len(written), recased(intended[0], written))
                      for place, at, written in entry.places if place.editable)
        if edits:  # (a slip only in a YAML file is reported there, never edited)
            shown += " (`check --fix` corrects it)"
    finding = passage.finding(offset, "warning", f"«{word}»{where} {how}: meant {shown}", "keyboard-slip")
    return replace(finding, fix=edits)


def _first_cased(word: str, like: str) -> str:
    return (word[:1].upper() if like[:1].isupper() else word[:1].lower()) + word[1:]
