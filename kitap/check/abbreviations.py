"""Abbreviations against the glossary (warnings): `abbr-missing`, `abbr-unused`, `abbr-before-expansion`.

An abbreviation is a run of two or more Cyrillic capitals, Kazakh letters included (БҰҰ, ЕЫҚҰ),
standing as a word or with a case ending after a hyphen (БҰҰ-ның, БҰҰ-ға). Not abbreviations:
Roman numerals typed in Cyrillic (ХІХ, ХVІІІ ғасыр) and a surname in capitals in a byline
(«Сайын БОРБАСОВ»: the author's name, or a short line «Name SURNAME» with a surname ending), and a word
in capitals that reads as a word right after a name («тарихшы Ерлан МАНАП»: surname_after_name).

How "expanded" is read here: the reader of a kitap book has the glossary, whose entry gives the
expansion and is linked from the first use, so an abbreviation in the glossary is expanded. The text
itself spells one out as «Біріккен Ұлттар Ұйымы (БҰҰ)» or «БҰҰ (Біріккен Ұлттар Ұйымы)».
- `abbr-missing`: the glossary lacks it (one finding, at its first use);
- `abbr-before-expansion`: the glossary lacks it and the text spells it out, but only after it is
  first used, so the reader meets it unexplained; when the text never spells it out, `abbr-missing`
  alone says so;
- `abbr-unused`: a glossary entry the article never uses (found as the build finds it).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..transforms.abbreviations import term_pattern
from .findings import Finding
from ..languages.kk_latn.transliterate import latin_upper, to_latin
from .language import checking
from .script import looks_roman, roman_in_cyrillic
from .source import Project, yaml_finding

CYRILLIC_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_SURNAME_ENDINGS = ("ОВ", "ЕВ", "ОВА", "ЕВА", "ИН", "ИНА", "ҰЛЫ", "УЛЫ", "ҚЫЗЫ", "КЫЗЫ", "ЫН", "ЫНА")
SURNAME_ENDINGS = _SURNAME_ENDINGS + tuple(latin_upper(to_latin(ending)) for ending in _SURNAME_ENDINGS)
BYLINE_MAX_WORDS = 6
NAME = re.compile(r"(?:[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+|[A-ZÄĞIİÑÖŞŪÜ][a-zäğıiñöşūü]+)\s+$")


@lru_cache(maxsize=None)
def abbreviation_pattern(capitals: str = CYRILLIC_UPPER) -> re.Pattern:
    """Abbreviations: words of two capitals or more, of the class `capitals` (the language's: Checking.capitals)."""
    return re.compile(rf"(?<![^\W\d_])[{capitals}]{{2,}}(?![^\W\d_])")




# The longest abbreviation a line in capitals may be (МАГАТЕ, ЮНИСЕФ, ЭСКАТО): a longer word there is a
# word set in capitals (ПРЕАМБУЛА).
LONGEST_ABBREVIATION = 6
CAPITAL_RUN = 3  # words in capitals one after another: a phrase set in capitals, not abbreviations


def in_capitals(text: str) -> bool:
    """A line set in capitals (a heading, a byline): it holds words, not abbreviations — several words, or
    one longer than any abbreviation."""
    if any(char.islower() for char in text):
        return False
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) > 1 or any(len(word) > LONGEST_ABBREVIATION for word in words)


def _is_byline_surname(text: str, start: int, token: str, author_words: set[str]) -> bool:
    if token.lower() in author_words:
        return True
    return (len(text.split()) <= BYLINE_MAX_WORDS and token.endswith(SURNAME_ENDINGS)
            and bool(NAME.search(text, 0, start)))


def name_in_capitals(text: str, match: re.Match, surname: re.Pattern | None) -> bool:
    """A word in capitals that reads as a word: a surname after a name (surname_after_name), or a part of
    a name in capitals joined by hyphens, one part of which reads as a word («НҰР-СҰЛТАН», «АЛМА-АТА»:
    not two abbreviations; «АҚШ-ЕО» still is)."""
    if surname is None:
        return False
    if surname_after_name(text, match, surname):
        return True
    start, end = match.start(), match.end()
    while start > 1 and text[start - 1] == "-" and text[start - 2].isupper():
        start = next((i for i in range(start - 2, -1, -1) if not text[i].isupper()), -1) + 1
    while end + 1 < len(text) and text[end] == "-" and text[end + 1].isupper():
        end = next((i for i in range(end + 1, len(text)) if not text[i].isupper()), len(text))
    parts = text[start:end].split("-")
    return len(parts) > 1 and any(surname.fullmatch(part) for part in parts)


# After a dateline's place: a full stop and the agency («ТАШКЕНТ. KAZINFORM –»), a comma and the date («АСТАНА,
# 5 мамыр –») or a name («АБЫЛАЙ, Әбілмансұр»); not a comma and another abbreviation («НАТО, ЕО және …»)
DATELINE_AFTER = re.compile(r"\.\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|,\s+(?:\d|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі])")


def _dateline_place(text: str, match: re.Match, surname: re.Pattern | None) -> bool:
    """A news item's dateline: the place in capitals that opens it, read as a word (a city, not letters),
    a full stop, comma or dash after it («ТАШКЕНТ. KAZINFORM – …»); or an encyclopedia's headword opening
    its article so («АБЫЛАЙ, Әбілмансұр (1711–1781) – …»)."""
    return (match.start() == len(text) - len(text.lstrip(" «*")) and surname is not None
            and surname.fullmatch(match[0]) is not None and DATELINE_AFTER.match(text, match.end()) is not None)


def surname_after_name(text: str, match: re.Match, surname: re.Pattern | None) -> bool:
    """A word in capitals that reads as a surname (the language's Checking.surname) right after a capitalised
    name, with no case ending after a hyphen: «тарихшы Ерлан МАНАП айтты» (the press sets surnames so), not
    «Қазақ КСР», «Қазақстан ЕҚЫҰ-ға»."""
    return (surname is not None and surname.fullmatch(match[0]) is not None and text[match.end():match.end() + 1] != "-"
            and NAME.search(text, 0, match.start()) is not None)


def _uses(project: Project) -> dict[str, list[tuple[int, int]]]:
    """Each abbreviation of the text → its uses as (block index, offset), in reading order."""
    author_words = {word.lower() for word in re.findall(r"[^\W\d_]+", project.book.meta.author)}
    uses: dict[str, list[tuple[int, int]]] = {}
    language = checking(project)
    pattern = abbreviation_pattern(language.capitals)
    for index, text in enumerate(project.article.block_texts):
        if in_capitals(text):
            continue
        for m in abbreviation_matches(text, pattern):
            token = m[0]
            if roman_in_cyrillic(token, text[m.end():]) or token.isascii() and looks_roman(token) \
                    or _is_byline_surname(text, m.start(), token, author_words) \
                    or name_in_capitals(text, m, language.surname) or _dateline_place(text, m, language.surname):
                continue
            uses.setdefault(token, []).append((index, m.start()))
    return uses


def abbreviation_matches(text: str, pattern: re.Pattern) -> Iterator[re.Match]:
    """The words of `pattern` (abbreviation_pattern) in a text, but a word longer than any abbreviation and
    the words of a phrase set in capitals (_capital_runs)."""
    caps = _capital_runs(text, pattern)
    for m in pattern.finditer(text):
        if len(m[0]) <= LONGEST_ABBREVIATION + 1 and not any(a <= m.start() < b for a, b in caps):
            yield m


def _capital_runs(text: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    """Spans of CAPITAL_RUN or more words in capitals one after another («ГЛАВА 1. У.БУКЕЙХАНОВ И
    ФОРМИРОВАНИЕ ПАРТИИ «АЛАШ»»): a heading or a phrase set in capitals, whose words are no abbreviations."""
    runs, start, count, end, word = [], None, 0, 0, False

    def phrase() -> bool:  # three words in capitals, or two of which one is longer than any abbreviation
        return count >= CAPITAL_RUN or count >= 2 and word  # («Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ»)

    for m in re.finditer(r"[^\W\d_]+", text):
        long = m[0].isupper() and len(m[0]) > LONGEST_ABBREVIATION + 1
        capital = m[0].isupper() and (len(m[0]) == 1 or pattern.fullmatch(m[0]) is not None or long)
        between = text[end:m.start()]
        if capital and (start is None or not re.search(r"[^\W\d_]", between) and "\n" not in between):
            start = m.start() if start is None else start
            count, word = count + 1, word or long
        else:
            if phrase():
                runs.append((start, end))
            start, count, word = (m.start(), 1, long) if capital else (None, 0, False)
        end = m.end()
    if phrase():
        runs.append((start, end))
    return runs


def _expansion(texts: list[str], term: str) -> tuple[int, int] | None:
    """Where the text first spells the abbreviation out: «Full Name (ABBR)» or «ABBR (Full Name)»."""
    escaped = re.escape(term)
    patterns = (re.compile(rf"[^\W\d_]{{2,}}\s+\(\s*(?P<term>{escaped})\s*\)"),
                re.compile(rf"(?<![^\W\d_])(?P<term>{escaped})\s*\(\s*[^\W\d_]+(?:[\s,-]+[^\W\d_]+)+\s*\)"))
    for index, text in enumerate(texts):
        starts = [m.start("term") for pattern in patterns for m in pattern.finditer(text)]
        if starts:
            return index, min(starts)
    return None


def check(project: Project) -> Iterator[Finding]:
    article = project.article
    texts = article.block_texts
    terms = {entry.term for entry in project.book.glossary}
    for token, places in _uses(project).items():
        if token in terms:
            continue
        index, start = places[0]
        here = article.block_offset(index, start, start + len(token))
        expanded = _expansion(texts, token)
        times = f" (used {len(places)} times)" if len(places) > 1 else ""
        yield article.finding(here, "warning", f"abbreviation «{token}»{times} is not in glossary.yaml; add it with "
                              "its expansion", "abbr-missing")
        if expanded and expanded > places[0]:
            line, _ = article.position(article.block_offset(*expanded, expanded[1] + len(token)))
            yield article.finding(here, "warning", f"«{token}» is used here before it is spelled out (line {line}); "
                                  "spell it out at its first use, or add it to glossary.yaml", "abbr-before-expansion")
    # (a term may be used in a note only: «ҚҰЭ деректері бойынша», a new user's trial)
    from ..transforms.inline_ops import plain_text

    notes = [plain_text(note.body) for note in (*project.book.notes, *project.book.annotations)]
    for entry in project.book.glossary:
        pattern = term_pattern(entry.term)
        if not any(pattern.search(text) for text in (*texts, *notes)):
            yield yaml_finding(entry.origin.path, entry.origin.line, "warning",
                               f"glossary term «{entry.term}» is never used in the article; remove the entry or "
                               "check its spelling", "abbr-unused", "term")
