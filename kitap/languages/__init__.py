"""Language packs: everything kitap knows about one language (and script), behind one interface.

`book.yaml`'s `language:` (a BCP 47 tag) picks the pack; the rest of kitap asks the pack and never
tests a language code. A pack is a package of this folder whose `PACK` is a `LanguagePack`; adding a
language is one new package and one line in REGISTRY.
"""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Mapping

if TYPE_CHECKING:
    from ..model import PartialDate

# BCP 47 tag (as book.yaml writes it, case-insensitive) → the package holding its pack.
REGISTRY: dict[str, str] = {
    "kk": "kitap.languages.kk",
    "kk-Latn": "kitap.languages.kk_latn",
    "ru": "kitap.languages.ru",
}
# Tags that mean the same pack: a region or the default script adds nothing kitap uses.
DEFAULT_SCRIPTS = {"kk": "Cyrl", "ru": "Cyrl"}


class UnknownLanguage(LookupError):
    """No pack for a language tag; the message names the tags that have one."""


@dataclass(frozen=True)
class Edition:
    """Another script the same text can be printed in: the pack it becomes, and how its text is converted
    (`convert(text) -> text`; characters it does not know pass unchanged)."""

    script: str         # 'latn', 'cyrl': the edition's name in file names (-latn) and --script
    tag: str            # the language tag of the converted text
    convert: Callable[[str], str]


def surname_pattern(vowels: str, glides: str, side_by_side: bool = False) -> re.Pattern:
    """A word in capitals that reads as a word, not as letters: four letters or more, two vowels or more
    (`glides`, и у, count), never four consonants in a row and, unless `side_by_side`, no two of `vowels`
    side by side (a Kazakh word has none: ЕҚЫҰ, БҰҰ are letters). МАНАП, ЖҰМАБЕК, САИРОВ read as words;
    so do НАТО and ЮНЕСКО, which is why a name must stand before it (check/abbreviations.py)."""
    sound = vowels + glides
    apart = "" if side_by_side else rf"(?!.*[{vowels}]{{2}})"
    return re.compile(rf"(?=.{{4}})(?=(?:.*[{sound}]){{2}}){apart}(?!.*[^{sound}]{{4}}).+")


@dataclass(frozen=True)
class Checking:
    """What `build.py check` knows of a language. Functions are named as "module:function" and imported
    when a rule runs, so that declaring a pack stays cheap."""

    name: str                                 # in messages: "a known Kazakh word", "Kazakh uses «…»"
    abbreviations: frozenset[str]             # after these a full stop ends no sentence («ж.», «г.»)
    headings: object                          # re.Pattern: lines that are document parts (Преамбула, 1-бап)
    correction_reasons: Mapping[str, str]     # rule → the reason editorial.yaml records, in the language
    speller: str = ""                         # findings(project, suggest) of the spelling rules; "": none
    unavailable: str = ""                     # why spelling cannot run here (a dictionary not installed); "": it can
    predicate: str = ""                       # can a sentence end with this word (a finite verb)? "": not known
    dates: str = ""                           # find_dates(paragraphs): the dates a text mentions; "": not read
    quoted_russian: bool = False              # Russian quoted in the text is told apart (not spelled as this language)
    unsuggested: object = None                # re.Pattern: words never offered as a spelling suggestion (crude
                                              # words a dictionary knows: a suggestion shows on a teacher's screen)
    capitals: str = "А-ЯЁӘҒҚҢӨҰҮҺІ"            # a regex class: the capitals an abbreviation is written in (БҰҰ)
    continuing: frozenset[str] = frozenset()  # words no sentence ends with (and, or, with: және, и)
    surname: object = None                    # re.Pattern: a word in capitals that reads as a surname when a
                                              # capitalised name stands before it («Ерлан МАНАП»), not as an abbreviation

    def function(self, name: str):
        """The function a field names, or None."""
        spec = getattr(self, name)
        if not spec:
            return None
        module, _, attribute = spec.partition(":")
        return getattr(importlib.import_module(module), attribute)


@dataclass(frozen=True)
class WebFurniture:
    """The words of a news site's furniture around a text, in this language (kitap/importer/clutter.py
    reads every pack's: a Kazakh page may carry Russian buttons). Each is a regex alternative, matched
    whole-line and case-blind; a space stands for any white space."""

    views: tuple[str, ...] = ()        # a view counter's word, after or before its number: «2 345 рет қаралды»
    photo: tuple[str, ...] = ()        # a credit's word before its colon or dash: «Фото: …»
    read_also: tuple[str, ...] = ()    # a «read also» link, the colon optional: «Оқи отырыңыз …»
    read_also_colon: tuple[str, ...] = ()  # the same, only with a colon: «Оқыңыз: …»
    share: tuple[str, ...] = ()        # a share button's word: «Бөлісу»
    tags: tuple[str, ...] = ()         # before the tags' colon: «Тегтер: …»
    comments: tuple[str, ...] = ()     # the comment form's lines: «Пікір қалдыру», «… жарияланбайды»
    page: tuple[str, ...] = ()         # the page's own buttons: «Басып шығару», «Версия для печати»
    menu: tuple[str, ...] = ()         # a site's menu entries, furniture only at the page's head: «Меню», «Настройки»
    home: tuple[str, ...] = ()         # a breadcrumb's first link: «Басты бет »»
    wiki: tuple[str, ...] = ()         # a wiki's lines about itself: «Уикипедия — ашық энциклопедиясынан …»
    edit: tuple[str, ...] = ()         # a wiki's edit link after each heading, copied with it: «Шығу тегі[өңдеу]»


@dataclass(frozen=True)
class LanguagePack:
    tag: str                                  # its BCP 47 tag, as kitap writes it (lang, xml:lang, dc:language)
    name: str                                 # the language's own name for itself
    script: str                               # ISO 15924: 'Cyrl', 'Latn'
    alphabet: str                             # lower-case letters in alphabetical order (collation)
    labels: Mapping[str, str]                 # every word kitap itself prints into a book
    format_date: Callable[[PartialDate], str]
    hyphenate: Callable[[str], str] | None    # text → text with U+00AD at the breaks; None: not hyphenated
    typography: object                        # kitap.typography.TypographyRules
    lower: Callable[[str], str] = str.lower
    upper: Callable[[str], str] = str.upper
    hyphenation_language: str = ""            # a `lang` a browser hyphenates by (hyphens: auto), if any
    editions: Mapping[str, Edition] = field(default_factory=dict)
    checker: Checking | None = None           # the checker's knowledge of the language (kitap.check)
    furniture: WebFurniture = WebFurniture()  # a web page's furniture in it (import, check's web-furniture)
    # Words of another language its texts carry untagged that can be told by their letters, as (tag, regex
    # of a run of them): a screen reader reads each run in its own language (the e-book, the web page)
    others: tuple[tuple[str, object], ...] = ()

    @property
    def letters(self) -> str:
        """Its alphabet in both cases (what embedded fonts must always hold)."""
        return self.alphabet + self.upper(self.alphabet)

    @property
    def base(self) -> str:
        """The language without script or region: 'kk' for 'kk-Latn'."""
        return self.tag.split("-")[0]

    def sort_key(self, text: str) -> tuple:
        """Alphabetical order of the language; other characters after its letters, by code point; case
        breaks ties only, so 'БҰҰ' and 'бұұ' sort together."""
        rank = _ranks(self.alphabet)
        folded = tuple((0, rank[c]) if c in rank else (1, ord(c)) for c in self.lower(text))
        return folded, text


@lru_cache(maxsize=None)
def _ranks(alphabet: str) -> dict[str, int]:
    return {letter: index for index, letter in enumerate(alphabet)}


def normal_tag(tag: str) -> str:
    """The registry's spelling of a tag: 'KK-latn-KZ' → 'kk-Latn-KZ' (language lower, script title,
    region upper)."""
    parts = tag.replace("_", "-").split("-")
    shaped = [parts[0].lower()]
    for part in parts[1:]:
        shaped.append(part.title() if len(part) == 4 and part.isalpha() else part.upper() if len(part) == 2
                      else part.lower())
    return "-".join(shaped)


def pack_tag(tag: str) -> str | None:
    """The registry tag a book's language tag is served by: exact, else without region and variants,
    else without a script that is the language's default ('kk-Cyrl-KZ' → 'kk')."""
    parts = normal_tag(tag).split("-")
    language = parts[0]
    script = next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    candidates = [normal_tag(tag), f"{language}-{script}" if script else language]
    if script and DEFAULT_SCRIPTS.get(language) == script:
        candidates.append(language)
    lowered = {known.lower(): known for known in REGISTRY}
    return next((lowered[c.lower()] for c in candidates if c.lower() in lowered), None)


def pack_for(tag: str) -> LanguagePack:
    """The pack for a book's language tag; UnknownLanguage if kitap has none."""
    found = pack_tag(tag)
    if found is None:
        raise UnknownLanguage(f"kitap has no language pack for '{tag}' (it has: {', '.join(REGISTRY)})")
    return _load(found)


def all_packs() -> list[LanguagePack]:
    """Every registered pack (for what is read before a text's language is known)."""
    return [_load(tag) for tag in REGISTRY]


@lru_cache(maxsize=None)
def _load(tag: str) -> LanguagePack:
    return importlib.import_module(REGISTRY[tag]).PACK
