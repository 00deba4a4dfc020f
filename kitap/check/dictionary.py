"""`spelling` for a language whose Hunspell dictionary knows its word forms whole (Russian: Debian's
hunspell-ru, through Enchant): a word the dictionary and the project's words.txt do not know is
reported once, with all its lines, and the dictionary's closest words.

Not checked, as in Kazakh: abbreviations and words in capitals, words with letters of another
alphabet (mixed-script reports those), single letters, words marked as another language
([…]{lang=kk}), the glossary's terms; a capitalised word inside a sentence is a name. A Russian text
knows the words of the Russian of Kazakhstan (аким, акимат, тенге: the Russian pack's KAZAKHSTAN_WORDS),
the Kazakh words and names the Kazakh dictionary knows (Абай), and the language's abbreviations with
their full stop (каз.).
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Iterator

from .findings import Finding
from .source import Project

RUSSIAN = "ru_RU"
RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
MAX_SUGGESTED_WORDS = 40


@lru_cache(maxsize=4)
def _dictionary(tag: str):
    try:
        import enchant

        return enchant.Dict(tag) if enchant.dict_exists(tag) else None
    except (ImportError, OSError):  # no Enchant library on this machine
        return None


def russian_unavailable() -> str | None:
    if _dictionary(RUSSIAN) is None:
        return ("spelling not checked: the Russian Hunspell dictionary (Debian hunspell-ru, read through "
                "libenchant-2-2 and pyenchant) is not installed")
    return None


def russian(project: Project, suggest: bool = True) -> Iterator[Finding]:
    from ..languages import pack_for

    from ..languages.ru.sentences import known_hyphenated, known_in_kazakhstan, known_with_prefix, plural_of_known

    unsuggested = pack_for("ru").checker.unsuggested  # (the Russian pack's, as the dictionary is Russian)
    kazakh, dictionary = _dictionary("kk_KZ"), _dictionary(RUSSIAN)

    def known(word: str) -> bool:
        # a word of the Russian of Kazakhstan, or a Kazakh word or name the Kazakh dictionary knows (Абай,
        # Семей, «абай» quoted): Russian letters only, so hardly a Russian word mistyped; a plural the
        # dictionary lacks of a noun in -ость it has
        return (known_in_kazakhstan(word) or kazakh is not None and kazakh.check(word)
                or dictionary is not None and (plural_of_known(word, dictionary.check)
                                               or known_with_prefix(word.lower(), dictionary.check)))

    return _findings(project, dictionary, RUSSIAN_LETTERS, "Russian", suggest, unsuggested, known_hyphenated, known)


def _findings(project: Project, dictionary, letters: frozenset, language: str, suggest: bool,
              unsuggested=None, whole=None, known=None) -> Iterator[Finding]:
    """`whole(word, check)`: is a hyphenated word the dictionary lacks known by the language's rule?
    `known(word)`: a word the language pack knows that the dictionary lacks. A word written short, with its
    full stop at every use, that the pack's abbreviations list («каз.», «англ.») is no misspelling."""
    if dictionary is None:
        return
    from ..load.article import FOREIGN_SPAN
    from .spelling import SKIPPED_KINDS, WORDS_FILE, Uses, _parts, _where, project_words
    from .tokens import STRESS, tokens

    checking = _checking(project)
    own = {word.lower() for word in project_words(project.book.root)}
    terms = {entry.term for entry in project.book.glossary}
    uses: dict[str, Uses] = {}
    for passage in project.passages:
        if passage.kind in SKIPPED_KINDS:
            continue
        marked = [m.span() for m in FOREIGN_SPAN.finditer(passage.text)]
        for token in tokens(passage.text, checking):
            if any(a <= token.start < b for a, b in marked) or token.text in terms:
                continue
            if "-" in token.text and (dictionary.check(token.text) or whole and whole(token.text, dictionary.check)):
                continue  # a hyphenated word known whole: кое-где, по-казахски
            for offset, written in _parts(token):
                part = "".join(c for c in written if c not in STRESS)  # «Чока́н» is looked up as «Чокан»
                if part.isupper() or not set(part.lower()) <= letters:
                    continue
                entry = uses.setdefault(part.lower(), Uses((passage, offset, part)))
                entry.places.append((passage, offset, part))
                entry.lower |= part[0].islower()
                entry.inside |= part[0].isupper() and not (token.initial and offset == token.start)
                entry.short &= passage.text[offset + len(written):offset + len(written) + 1] == "."
    suggested = 0
    for key, entry in uses.items():
        passage, offset, word = entry.first
        if key in own or entry.name or dictionary.check(word) or dictionary.check(key) or known and known(word) \
                or entry.short and key in checking.abbreviations:
            continue
        suggested += 1
        close = []
        if suggest and suggested <= MAX_SUGGESTED_WORDS:
            close = [c for c in dictionary.suggest(word) if not (unsuggested and unsuggested.match(c))][:3]
        hint = f"; did you mean {', '.join(f'«{c}»' for c in close)}?" if close else ""
        finding = passage.finding(offset, "warning", f"«{word}»{_where(entry.places, passage)} is not a known "
                                  f"{language} word{hint} (if it is right, add it to {WORDS_FILE})", "spelling")
        yield replace(finding, subject=word)


def _checking(project: Project):
    from ..languages import pack_for

    return pack_for(project.book.meta.language).checker
