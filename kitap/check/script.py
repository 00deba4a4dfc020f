"""Letters from the wrong alphabet: `mixed-script`, `roman-cyrillic` and `look-alike` (warnings, fixable).

Texts pasted from scans, old Word files and web pages mix alphabets invisibly: a Latin «a» or «K»
inside a Kazakh word, a Latin «ə» (U+0259) typed for «ә», a Cyrillic «о» inside an English name, and
Roman numerals typed with Cyrillic letters («ХVІІІ ғасыр» with Cyrillic Х and Kazakh І). They look
right in print but break search, sorting, hyphenation and spelling.

A word is read as Cyrillic when its other letters are Cyrillic letters that have no Latin twin
(қ, б, ы …), and as Latin in the opposite case; a word made only of twins follows the script of
its paragraph. `--fix` changes Latin letters in Cyrillic words and Cyrillic Roman numerals, which
are unambiguous; a Cyrillic letter inside a Latin word is only reported (the word may be a name).
In a Kazakh text, `look-alike` finds letters of other Cyrillic alphabets that look like Kazakh ones
(ӊ en with tail for ң, ҕ for ғ, ӄ for қ: kitap.languages.kk.letters.LOOK_ALIKES); `--fix` puts the
Kazakh letter.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Iterator

from ..languages import pack_for, pack_tag
from ..languages.kk.letters import LOOK_ALIKES
from .findings import Finding
from .source import Project

WORD = re.compile(r"[^\W\d_]+")
LATIN_TO_CYRILLIC = dict(zip("aeopcxyihəAEOPCXYIHBKMTƏ", "аеорсхуіһәАЕОРСХУІНВКМТӘ"))
CYRILLIC_TO_LATIN = dict(zip("аеорсхуіһАЕОРСХУІНВКМТ", "aeopcxyihAEOPCXYIHBKMT"))
# Cyrillic letters used for Roman digits: Х, І (Kazakh/Ukrainian), С, М, palochka Ӏ, izhitsa Ѵ.
CYRILLIC_ROMAN = {"Х": "X", "І": "I", "С": "C", "М": "M", "Ӏ": "I", "Ѵ": "V"}
ROMAN_LETTERS = frozenset("IVXLCDM") | frozenset(CYRILLIC_ROMAN)
ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
CENTURY = re.compile(r"\s*ғасыр", re.I)  # «ХІХ ғасыр»: a numeral even when it is a single letter


def is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u052f"


def is_latin(char: str) -> bool:
    if char < "\u0080":
        return char.isalpha()
    if is_cyrillic(char):  # the common case in Kazakh text, without a Unicode name lookup
        return False
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


def looks_roman(word: str) -> bool:
    """Made only of Roman-digit letters, Latin or Cyrillic (XVIII, ХVІІІ, ІІІ)."""
    return bool(word) and all(char in ROMAN_LETTERS for char in word)


def roman_in_cyrillic(word: str, after: str = "") -> str | None:
    """The Latin spelling of a Roman numeral typed (partly) with Cyrillic letters, else None.

    All-Cyrillic words count only when they cannot be an abbreviation: made of Х and І alone
    (ХІХ), or followed by «ғасыр» (century).
    """
    if not looks_roman(word) or not any(char in CYRILLIC_ROMAN for char in word):
        return None
    latin = "".join(CYRILLIC_ROMAN.get(char, char) for char in word)
    if not ROMAN.fullmatch(latin):
        return None
    century = bool(CENTURY.match(after))
    if any(is_latin(char) for char in word) or century or (len(word) > 1 and set(word) <= {"Х", "І"}):
        return latin
    return None


def _paragraph_is_cyrillic(counts: Counter) -> bool:
    """Counted on letters without a twin in the other alphabet, so fixing twins never changes the answer
    (`counts`: the paragraph's characters, counted)."""
    cyrillic = sum(n for c, n in counts.items() if is_cyrillic(c) and c not in CYRILLIC_TO_LATIN)
    return cyrillic >= sum(n for c, n in counts.items() if is_latin(c) and c not in LATIN_TO_CYRILLIC)


def _target(word: str, paragraph_cyrillic: bool) -> str | None:
    """'cyrillic' or 'latin': the script a mixed word is meant in; None when it cannot be told."""
    own_cyrillic = any(is_cyrillic(c) and c not in CYRILLIC_TO_LATIN for c in word)
    own_latin = any(is_latin(c) and c not in LATIN_TO_CYRILLIC for c in word)
    if own_cyrillic and own_latin:
        return None
    if own_cyrillic or own_latin:
        return "cyrillic" if own_cyrillic else "latin"
    return "cyrillic" if paragraph_cyrillic else "latin"


def _look_alikes(passage, counts: Counter) -> Iterator[Finding]:
    """`look-alike` (Kazakh, fixable): a word with a letter of another Cyrillic alphabet that looks like a
    Kazakh one («әдістіӊ»: ӊ, en with tail, for ң)."""
    if not any(c in LOOK_ALIKES for c in counts):
        return
    for match in WORD.finditer(passage.text):
        word, offset = match[0], match.start()
        wrong = [(i, c) for i, c in enumerate(word) if c in LOOK_ALIKES]
        if wrong:
            fixed = "".join(LOOK_ALIKES.get(c, c) for c in word)
            names = ", ".join(f"«{c}» ({unicodedata.name(c).lower()})" for c in dict.fromkeys(c for _, c in wrong))
            yield passage.finding(offset, "warning", f"«{word}» has {names}, a letter of another alphabet that looks "
                                  f"like a Kazakh one; write «{fixed}» (`check --fix` does)", "look-alike",
                                  tuple((offset + i, offset + i + 1, LOOK_ALIKES[c]) for i, c in wrong))


def check(project: Project) -> Iterator[Finding]:
    kazakh = pack_tag(project.book.meta.language) == "kk"
    latin_book = pack_for(project.book.meta.language).script == "Latn"
    for passage in project.passages:
        text = passage.text
        counts = Counter(text)  # each character told once, not at each of its occurrences
        if kazakh:
            yield from _look_alikes(passage, counts)
        latin_letters = {c for c in counts if is_latin(c)}
        cyrillic_letters = {c for c in counts if is_cyrillic(c)}
        paragraph_cyrillic = _paragraph_is_cyrillic(counts)
        for match in WORD.finditer(text):
            word, offset = match[0], match.start()
            latin = roman_in_cyrillic(word, text[match.end():])
            if latin:
                edits = tuple((offset + i, offset + i + 1, CYRILLIC_ROMAN[c]) for i, c in enumerate(word)
                              if c in CYRILLIC_ROMAN)
                yield passage.finding(offset, "warning", f"Roman numeral «{word}» is typed with Cyrillic letters; "
                                      f"write «{latin}» in Latin letters", "roman-cyrillic", edits)
            elif (latin_letters and cyrillic_letters and not latin_letters.isdisjoint(word)
                  and not cyrillic_letters.isdisjoint(word)):
                yield _mixed(passage, word, offset, _target(word, paragraph_cyrillic), latin_book)


UNTAGGED_WORDS = 4  # words of a Russian sentence, at least, that a Kazakh text should mark as Russian


def check_untagged_russian(project: Project) -> Iterator[Finding]:
    """`untagged-russian`: a whole sentence in Russian inside a Kazakh text (a citation, a quoted title),
    not marked as Russian: an e-reader reads it aloud with the Kazakh voice and hyphenates it as Kazakh.
    Once per passage, at its first such sentence."""
    from ..languages.kk.sentences import RUSSIAN_WORDS
    from ..load.article import FOREIGN_SPAN
    from .language import checking
    from .tokens import tokens

    language = checking(project)
    if not language.quoted_russian:
        return
    for passage in project.passages:
        marked = [m.span() for m in FOREIGN_SPAN.finditer(passage.text)]
        russian = [t for t in tokens(passage.text, language)
                   if t.russian and not any(a <= t.start < b for a, b in marked)]
        runs: list[list] = []
        for token in russian:
            if runs and not token.initial and passage.text[runs[-1][-1].start:token.start].count(".") == 0:
                runs[-1].append(token)
            else:
                runs.append([token])
        run = next((r for r in runs if len(r) >= UNTAGGED_WORDS  # and Russian by its small words («и», «в», «на»)
                    and sum(t.text.lower() in RUSSIAN_WORDS for t in r) >= 2), None)
        if run:
            shown = passage.text[run[0].start:run[-1].start + len(run[-1].text)]
            shown = shown if len(shown) <= 60 else shown[:57].rsplit(" ", 1)[0] + " …"
            yield passage.finding(run[0].start, "warning", f"«{shown}» reads as Russian: mark it as Russian "
                                  "([…]{lang=ru}) so that e-readers read it aloud, and print hyphenates it, as Russian",
                                  "untagged-russian")


def _mixed(passage, word: str, offset: int, target: str | None, latin_book: bool = False) -> Finding:
    if target is None:
        return passage.finding(offset, "warning", f"«{word}» mixes Latin and Cyrillic letters; retype it in one "
                               "alphabet", "mixed-script")
    table, foreign, script, other = ((LATIN_TO_CYRILLIC, is_latin, "Cyrillic", "Latin") if target == "cyrillic"
                                     else (CYRILLIC_TO_LATIN, is_cyrillic, "Latin", "Cyrillic"))
    wrong = [(i, c) for i, c in enumerate(word) if foreign(c)]
    letters = ", ".join(f"«{c}»" for c in dict.fromkeys(c for _, c in wrong))
    if any(c not in table for _, c in wrong):
        return passage.finding(offset, "warning", f"«{word}» is a {script} word with {other} letters ({letters}); "
                               "retype them", "mixed-script")
    fixed = "".join(table.get(c, c) if foreign(c) else c for c in word)
    # --fix changes Latin look-alikes in a Cyrillic word, and Cyrillic ones in a Latin word of a book in Latin
    # letters (kk-Latn: «Iаnalif»); in a Cyrillic book a Latin word may be a name, and is only reported.
    fixable = target == "cyrillic" or latin_book
    edits = tuple((offset + i, offset + i + 1, table[c]) for i, c in wrong) if fixable else ()
    return passage.finding(offset, "warning", f"«{word}» is a {script} word with {other} look-alike letters "
                           f"({letters}); write «{fixed}»", "mixed-script", edits)


HYPHENATED_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def check_edition_script(project: Project) -> Iterator[Finding]:
    """`script-edition`: in a text written in the Latin alphabet (language kk-Latn), a word with Cyrillic
    letters that is not marked as another language ([…]{lang=ru}): the Cyrillic edition would keep it
    as it is, and the Latin one prints it unconverted."""
    from ..languages import pack_for
    from ..load.article import FOREIGN_SPAN

    pack = pack_for(project.book.meta.language)
    if pack.script != "Latn" or "cyrl" not in pack.editions:
        return
    to_latin = pack_for(pack.editions["cyrl"].tag).editions.get("latn")
    for passage in project.passages:
        marked = [m.span() for m in FOREIGN_SPAN.finditer(passage.text)]
        for match in HYPHENATED_WORD.finditer(passage.text):
            word = match[0]
            if not any(map(is_cyrillic, word)) or any(a <= match.start() < b for a, b in marked):
                continue
            if any(any(map(is_latin, part)) and any(map(is_cyrillic, part)) for part in word.split("-")):
                continue  # a Latin word with Cyrillic letters: mixed-script's («Iаnalif»), and fixed there
            latin = f" («{to_latin.convert(word)}»)" if to_latin else ""
            yield passage.finding(match.start(), "warning", f"«{word}» has Cyrillic letters in a text in the Latin "
                                  f"alphabet; write it in Latin letters{latin}, or mark it as another language "
                                  "([…]{lang=ru})", "script-edition")

