"""Kazakh (Cyrillic) syllabification and hyphenation by rule.

Pyphen and LibreOffice have no Kazakh patterns and TeX's hyph-kk gives "Қа-зақ-с-тан", so the
rules of Kazakh orthography on syllables and carrying words over (тасымал) are coded here:

1. A syllable has exactly one vowel: а ә е ё и о ө у ұ ү ы і э ю я.  Й is a consonant.
   У is a consonant (the glide [w]) right after a vowel and at the start of a word before a
   vowel: тә-уел-сіз, сау-да, уа-қыт.  Elsewhere у and и are vowels, because they stand for
   ұу/үу and ый/ій, and the next syllable then starts with a vowel: бу-ын, су-ық, қи-ын, о-қу-шы.
2. Of the consonants between two vowels only the last starts the next syllable; all the others
   close the syllable before.  So one consonant goes over (ба-ла, ке-йін, да-уыс), two are split
   (мем-ле-кет), and of three the first two stay (құмырс-қа, Қа-зақс-тан).  Loanwords follow
   the same rule, as the orthography's own example Рес-пуб-ли-ка-мыз-да does: де-мок-ра-ти-я,
   Конс-ти-ту-ци-я, ас-самб-ле-я; Russian-style onsets (кон-сти, де-мо-кра) are not used.
   Double consonants are split like any other pair: мем-ле-кет-тер, ас-самб-ле-я.
3. Two vowels side by side belong to different syllables (про-ект, по-э-ма, и-де-о-ло-ги-я,
   куә = ку-ә); й-vowels я ю е after a vowel make a syllable of their own (ұ-я, ас-самб-ле-я).
4. Ь and ъ never start a syllable: they stay with the consonant before (Хель-син-ки, съез-дің,
   ком-пью-тер).  Ъ before a vowel marks a seam, so the break goes after it: объ-ект, субъ-ект.
5. Syllables are phonetic and cross morpheme and compound seams (ха-лы-қа-ра-лық), as in the
   orthography's ор-на-лас-ты-ру and ала-қан.

Hyphenation breaks at syllable boundaries, never leaving fewer than two letters (min_left,
min_right) on a line: a one-letter syllable is never left behind or carried over alone (ала-қан,
not а-лақан; ар-мия, not арми-я), so атом, ақыл, ұйым are not broken.  A single-vowel syllable
inside a word is fine (ди-алог, диа-лог).  Not broken at all: abbreviations and any word with two
or more capitals (БҰҰ, МАГАТЕ, ҚазМҰУ: the rules forbid it), words with digits or with letters
outside the Kazakh alphabet (Latin words, ХVІІІ with a Latin V): their rules are not ours.
A hyphenated word (шым-шытырық, Сан-Марино, БҰҰ-ның, 20-пунктті) is hyphenated part by part,
each part on its own, so no break comes within two letters of the hyphen and a part that is an
abbreviation, a number or Latin stays whole (20-пункт-ті).  The hyphen itself is a break (the
offset just after it) unless it ties a number to its suffix (168-ден: the rules keep those
together), touches a Latin part, or one side has no vowel (ҚР-дың).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SOFT_HYPHEN = "\u00ad"
HYPHEN = "-"

VOWELS = frozenset("аәеёиоөуұүыіэюя")
CONSONANTS = frozenset("бвгғджзйкқлмнңпрстфхһцчшщ")
SIGNS = frozenset("ьъ")
KAZAKH_LETTERS = VOWELS | CONSONANTS | SIGNS
GLIDE = "у"  # the one letter that is a vowel or a consonant by its neighbours (rule 1)
HARD_SIGN = "ъ"

# A word for hyphenate_text: letters or digits (with combining marks and soft hyphens already in
# the text), possibly joined by hyphens. Digits are taken in so that "168-ден" is seen whole.
_WORD_CHAR = r"(?:[^\W_]|[\u0300-\u036f\u00ad])"
WORD = re.compile(rf"{_WORD_CHAR}+(?:-{_WORD_CHAR}+)*")


class _Unit:
    """One sound-bearing letter: a letter with its combining marks, and a ь/ъ after it."""

    __slots__ = ("start", "end", "letter", "vowel", "hard")

    def __init__(self, start: int, end: int, letter: str):
        self.start, self.end, self.letter = start, end, letter
        self.vowel = letter in VOWELS
        self.hard = False  # ends with ъ


def _units(part: str) -> list[_Unit]:
    units: list[_Unit] = []
    for i, char in enumerate(part):
        if units and unicodedata.combining(char):
            # A decomposed й or ё (и/е + mark) must be read as the composed letter.
            unit = units[-1]
            unit.end = i + 1
            composed = unicodedata.normalize("NFC", part[unit.start:unit.end]).lower()
            if not unit.hard and len(composed) == 1:
                unit.letter, unit.vowel = composed, composed in VOWELS
            continue
        letter = char.lower()
        if units and letter in SIGNS:
            # Rule 4: the sign is part of the consonant before it, never a syllable's start.
            units[-1].end = i + 1
            units[-1].hard = letter == HARD_SIGN
            continue
        units.append(_Unit(i, i + 1, letter))
    # Rule 1: у after a vowel, or opening a word before a vowel, is the glide [w].
    for k, unit in enumerate(units):
        if unit.letter != GLIDE:
            continue
        after_vowel = k > 0 and units[k - 1].vowel
        opens_before_vowel = k == 0 and len(units) > 1 and units[1].vowel
        if after_vowel or opens_before_vowel:
            unit.vowel = False
    return units


def _cuts(part: str) -> list[int]:
    """Offsets of the syllable boundaries inside one hyphen-free part (rules 2–4)."""
    units = _units(part)
    nuclei = [k for k, unit in enumerate(units) if unit.vowel]
    cuts = []
    for before, after in zip(nuclei, nuclei[1:]):
        onset = units[after - 1]
        if after == before + 1 or onset.hard:
            cuts.append(units[after].start)  # vowel meets vowel, or a seam after ъ
        else:
            cuts.append(onset.start)  # only the last consonant goes over
    return cuts


def _split(part: str, cuts: list[int]) -> list[str]:
    edges = [0, *cuts, len(part)]
    return [part[a:b] for a, b in zip(edges, edges[1:])]


def syllables(word: str) -> list[str]:
    """The syllables of a word, in the word's own case: "Қазақстан" → ["Қа", "зақс", "тан"].

    A hyphen stays at the end of the syllable before it, so "".join(syllables(w)) == w.
    A word without vowels (a number, "ҚР") is one piece.
    """
    result: list[str] = []
    for n, part in enumerate(word.split(HYPHEN)):
        pieces = _split(part, _cuts(part)) if part else []
        if n > 0:
            if result:
                result[-1] += HYPHEN
            else:
                result.append(HYPHEN)
        result.extend(pieces)
    return result


def _letter_count(text: str) -> int:
    return sum(1 for char in text if not unicodedata.combining(char))


def _is_kazakh(part: str) -> bool:
    return all(char.lower() in KAZAKH_LETTERS or unicodedata.combining(char) for char in part)


def _breakable(part: str) -> bool:
    """A part that may be broken inside: Kazakh letters only, and not an abbreviation."""
    return bool(part) and _is_kazakh(part) and sum(char.isupper() for char in part) < 2


def _has_vowel(text: str) -> bool:
    return any(unit.vowel for unit in _units(text))


@lru_cache(maxsize=65536)
def _break_points(word: str, min_left: int, min_right: int) -> tuple[int, ...]:
    if SOFT_HYPHEN in word:
        # The text already says where it may break: keep exactly that.
        return tuple(i + 1 for i, char in enumerate(word) if char == SOFT_HYPHEN)
    points: list[int] = []
    offset = 0
    parts = word.split(HYPHEN)
    for n, part in enumerate(parts):
        if n > 0 and _hyphen_breaks(word, offset, parts[n - 1], part, min_left, min_right):
            points.append(offset)  # after the hyphen: the line ends with "шым-"
        if _breakable(part) and _letter_count(part) >= min_left + min_right:
            for cut in _cuts(part):
                if (_letter_count(part[:cut]) >= min_left
                        and _letter_count(part[cut:]) >= min_right):
                    points.append(offset + cut)
        offset += len(part) + 1
    return tuple(points)


def _hyphen_breaks(word: str, offset: int, left_part: str, right_part: str,
                   min_left: int, min_right: int) -> bool:
    """Whether a line may end at the hyphen before word[offset]."""
    if not (left_part and right_part and _is_kazakh(left_part) and _is_kazakh(right_part)):
        return False  # a number stays with its suffix (168-ден); foreign parts are left alone
    before, after = word[:offset - 1], word[offset:]
    return (_letter_count(before.replace(HYPHEN, "")) >= min_left
            and _letter_count(after.replace(HYPHEN, "")) >= min_right
            and _has_vowel(left_part) and _has_vowel(right_part))


def break_points(word: str, min_left: int = 2, min_right: int = 2) -> list[int]:
    """Offsets where a line may break inside word (i: between word[i-1] and word[i]).

    Rules are in the module docstring. A break at an existing hyphen is the offset just after
    the hyphen. A word that already has soft hyphens gets exactly those (offsets after them).
    """
    return list(_break_points(word, min_left, min_right))


def hyphenate_text(text: str, min_left: int = 2, min_right: int = 2) -> str:
    """text with U+00AD at every break point of every word; nothing else changes.

    Existing hyphens are breaks already and get no soft hyphen; a word that already holds a
    soft hyphen is left as it is, so hyphenating twice changes nothing.
    """
    def hyphenate_word(match: re.Match) -> str:
        word = match.group()
        if SOFT_HYPHEN in word:
            return word
        cuts = [i for i in _break_points(word, min_left, min_right) if word[i - 1] != HYPHEN]
        if not cuts:
            return word
        return SOFT_HYPHEN.join(_split(word, cuts))

    return WORD.sub(hyphenate_word, text)
