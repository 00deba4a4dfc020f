"""Kazakh Cyrillic ⇄ the Latin alphabet of 2021 (31 letters), by table.

The table of the 31 letters is the one the Government presented on 28 January 2021 (the improved
alphabet, «бір дыбыс — бір таңба»): а a, ә ä, б b, в v, г g, ғ ğ, д d, е e, ж j, з z, и i, й i, к k,
қ q, л l, м m, н n, ң ñ, о o, ө ö, п p, р r, с s, т t, у u, ұ ū, ү ü, ф f, х h, һ h, ш ş, ы y, і ı;
capitals as in Turkish: І → I (dotless ı's capital) and И, Й → İ.
The letters Kazakh has only in Russian loanwords have no letter of their own; they are written as the
spelling rules proposed with the alphabet write them: ё io, ц ts, ч ch, щ şş, э e, ю iu, я ia, and
ъ ь are dropped. Both tables are data here and nowhere else.

Back to Cyrillic (a Latin-script source's Cyrillic edition) is unambiguous except for three things,
which `to_cyrillic` decides by rule and reports (`Conversion.guesses`): «i» is и or й (й after a
vowel: syi → сый, üiıne → үйіне; и elsewhere), «h» is х or һ (х, the common letter: şahar → шахар,
not шаһар), and the digraphs ts, ch, şş, io, iu, ia are read as ц, ч, щ, ё, ю, я where Kazakh words
cannot have the two letters (see DIGRAPHS). Russian loanwords with я, ю after a consonant (армян,
революция) come back as иа, иу; ь, ъ and э are not written in Latin at all. On the seed and the
corpus 1 word in 110 does not come back as it was.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

TO_LATIN = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ж": "j", "з": "z",
    "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h",
    "ш": "ş", "ы": "y", "і": "ı",
    # letters of Russian loanwords
    "ё": "io", "ц": "ts", "ч": "ch", "щ": "şş", "ъ": "", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}
# Capitals that are not simply str.upper() of the small letter's Latin form (Turkish-style i).
UPPER_LATIN = {"ı": "I", "i": "İ"}
LOWER_LATIN = {"I": "ı", "İ": "i"}

# Latin → Cyrillic: each Latin letter's usual Cyrillic letter; the ambiguous ones are decided in code.
FROM_LATIN = {
    "a": "а", "ä": "ә", "b": "б", "v": "в", "g": "г", "ğ": "ғ", "d": "д", "e": "е", "j": "ж", "z": "з",
    "i": "и", "k": "к", "q": "қ", "l": "л", "m": "м", "n": "н", "ñ": "ң", "o": "о", "ö": "ө", "p": "п",
    "r": "р", "s": "с", "t": "т", "u": "у", "ū": "ұ", "ü": "ү", "f": "ф", "h": "х", "ş": "ш", "y": "ы",
    "ı": "і",
}
LATIN_VOWELS = frozenset("aäeioöuūüyı")
# Digraphs written for Russian letters, and where each is read as that letter: ch and şş always (Kazakh
# has no c, and no шш); ts at a word's start, at its end, before a consonant or before i (tsirk цирк,
# deklaratsiia декларация; but тс before other vowels: itsız ит-сіз, ketse кет-се); io, iu, ia at a
# word's start or after a vowel, i included (Iaponiia Япония, saiasat саясат, qiial қиял, kiiu кию;
# but dialog диалог, jiu жиу): after a vowel Kazakh writes я, never йа.
DIGRAPHS = {"şş": ("щ", "always"), "ch": ("ч", "always"), "ts": ("ц", "not-before-vowel-but-i"),
            "io": ("ё", "start-or-after-vowel"), "iu": ("ю", "start-or-after-vowel"),
            "ia": ("я", "start-or-after-vowel")}
LATIN_LETTERS = (frozenset(FROM_LATIN) | {"c"} | frozenset(UPPER_LATIN.values())
                 | frozenset(c.upper() for c in FROM_LATIN) | {"C"})
CYRILLIC_LETTERS = frozenset(TO_LATIN) | frozenset(c.upper() for c in TO_LATIN)


def latin_lower(text: str) -> str:
    """Lower case with Kazakh (Turkish-style) i: I → ı, İ → i."""
    return "".join(LOWER_LATIN.get(c, c) for c in text).lower()


def latin_upper(text: str) -> str:
    return "".join(UPPER_LATIN.get(c, c) for c in text).upper()


def _cased(latin: str, upper: bool, word_upper: bool) -> str:
    """The Latin form of one letter in the case of its source: a digraph in a capitalised word is
    title-cased (Ч → Ch), in an all-capital word upper-cased (ЧЕХОВ → CHEHOV)."""
    if not upper or not latin:
        return latin
    if word_upper:
        return latin_upper(latin)
    return latin_upper(latin[0]) + latin[1:]


WORD = re.compile(r"[^\W\d_]+")


def to_latin(text: str) -> str:
    """Kazakh Cyrillic text in the 2021 Latin alphabet; characters that are not Kazakh Cyrillic letters
    (digits, punctuation, Latin words, soft hyphens) pass unchanged, so break points are kept."""
    text = unicodedata.normalize("NFC", text)
    return WORD.sub(lambda m: _word_to_latin(m[0]), text)


def _word_to_latin(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    word_upper = len(letters) > 1 and all(c.isupper() for c in letters)
    out = []
    for char in word:
        small = char.lower()
        if small in TO_LATIN:
            out.append(_cased(TO_LATIN[small], char.isupper(), word_upper))
        else:
            out.append(char)
    return "".join(out)


@dataclass
class Conversion:
    """The Cyrillic text, and the words where a letter could be read two ways, with the choice made."""

    text: str
    guesses: list[tuple[str, str]] = field(default_factory=list)  # (Latin word, Cyrillic word)


def to_cyrillic(text: str) -> Conversion:
    """Kazakh in the 2021 Latin alphabet → Cyrillic (see the module's notes on what is ambiguous)."""
    result = Conversion("")
    pieces = []
    position = 0
    for match in WORD.finditer(unicodedata.normalize("NFC", text)):
        pieces.append(match.string[position:match.start()])
        cyrillic, guessed = _word_to_cyrillic(match[0])
        if guessed:
            result.guesses.append((match[0], cyrillic))
        pieces.append(cyrillic)
        position = match.end()
    pieces.append(text[position:] if not pieces else unicodedata.normalize("NFC", text)[position:])
    result.text = "".join(pieces)
    return result


def to_cyrillic_mapped(text: str) -> tuple[str, list[int]]:
    """`text` (NFC) in Cyrillic as `to_cyrillic` reads it, and for each offset of the Cyrillic text (and
    its end) the offset of the Latin text it comes from: what is found in the Cyrillic (a date) is
    pointed at in the Latin."""
    pieces, offsets, position = [], [], 0
    for match in WORD.finditer(text):
        gap = text[position:match.start()]
        pieces.append(gap)
        offsets.extend(range(position, match.start()))
        units = None if english(match[0], latin_lower(match[0])) else cyrillic_units(match[0])
        if units is None:
            pieces.append(match[0])
            offsets.extend(range(match.start(), match.end()))
        else:
            pieces.extend(letter for _, letter in units)
            offsets.extend(match.start() + index for index, _ in units)
        position = match.end()
    pieces.append(text[position:])
    offsets.extend(range(position, len(text) + 1))
    return "".join(pieces), offsets


def _digraph_here(small: str, i: int) -> str | None:
    """The Russian letter a digraph at small[i:] stands for, if it is read as one here."""
    pair = small[i:i + 2]
    if pair not in DIGRAPHS:
        return None
    letter, where = DIGRAPHS[pair]
    after = small[i + 2:i + 3]
    if where == "always":
        return letter
    if where == "not-before-vowel-but-i":
        return letter if i == 0 or after not in LATIN_VOWELS or after == "i" else None
    return letter if i == 0 or small[i - 1] in LATIN_VOWELS else None  # start-or-after-vowel


def _glide(small: str, i: int) -> bool:
    """Whether the «i» at small[i] is й: after a vowel (ai сай, üi үй); и elsewhere, also opening a word
    before a vowel (ie ие, iıs иіс: й starts no Kazakh word)."""
    return i > 0 and small[i - 1] in LATIN_VOWELS and small[i - 1] != "i"


def cyrillic_units(word: str) -> list[tuple[int, str]] | None:
    """The Cyrillic letters a Latin word is read as, each with the index of its first Latin letter; None
    for a word with letters outside the alphabet (an English name), which is left as it is."""
    if not all(c in LATIN_LETTERS for c in word) or ("c" in word.lower() and "ch" not in word.lower()):
        return None
    small = latin_lower(word)
    units, i = [], 0
    while i < len(small):
        letter = _digraph_here(small, i)
        size = 2 if letter else 1
        if letter is None:
            char = small[i]
            letter = "й" if char == "i" and _glide(small, i) else FROM_LATIN[char]
        units.append((i, letter.upper() if word[i].isupper() else letter))
        i += size
    return units


# Letter pairs no Kazakh word has (nor a Russian loanword written in Kazakh Latin), which English names
# have: Facebook and Windows go by their c and w, these by the pair (Thailand, YouTube …); but for the
# suffix -хана, whose h follows any consonant: kıtaphana, zerthana
ENGLISH_PAIRS = re.compile(r"(?:ph|th|gh)(?!ana)|ou")
# Pairs Russian loanwords have too (kooperativ, reestr): English only in a name, capitalised
ENGLISH_NAME_PAIRS = ("oo", "ee")
KAZAKH_ONLY = frozenset("qäğñöūüışQÄĞÑÖŪÜŞ")  # (not I: in Kazakh Latin it is ı's capital, in English i's)
CAMEL = re.compile(r"[a-zäğñöūüışı][A-ZÄĞÑÖŪÜŞİ]")


def english(word: str, small: str) -> bool:
    """An English name in a Kazakh Latin text, left in Latin letters in its Cyrillic edition (as Kazakh
    Cyrillic texts write Google, YouTube): a letter pair no Kazakh word has, or capitals inside the word
    (YouTube, iPhone, OpenAI) with none of the letters only Kazakh has (QazAqparat is ҚазАқпарат)."""
    if ENGLISH_PAIRS.search(small):
        return True
    if word[:1].isupper() and not word.isupper() and any(pair in small for pair in ENGLISH_NAME_PAIRS):
        return True
    return bool(CAMEL.search(word)) and not KAZAKH_ONLY & set(word)


def _word_to_cyrillic(word: str) -> tuple[str, bool]:
    """One word; whether any letter of it could be read two ways."""
    small = latin_lower(word)
    units = None if english(word, small) else cyrillic_units(word)
    if units is None:
        return word, False
    guessed = any(c in "ih" for c in small) or any(pair in small for pair in DIGRAPHS)
    return "".join(letter for _, letter in units), guessed
