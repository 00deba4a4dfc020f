"""Russian sentences and headings, as data the checker's punctuation and heading rules ask."""
from __future__ import annotations

import re

# Document parts that are headings whatever their length (the whole line, or its start).
# Words a Russian sentence never ends with: conjunctions and prepositions (a paragraph ending in one is
# broken, or a clause of a preamble, not missing its full stop).
CONTINUING = frozenset({"и", "а", "но", "или", "либо", "что", "чтобы", "если", "когда", "как", "в", "во", "на",
                        "с", "со", "к", "ко", "по", "о", "об", "обо", "из", "от", "до", "у", "для", "за", "под",
                        "над", "при", "без", "через", "между", "перед", "который", "которая", "которое",
                        "которые"})
HEADING = re.compile(
    r"(?:преамбула|введение|заключение|предисловие|послесловие|содержание|оглавление|аннотация|"
    r"(?:список\s+)?(?:использованной\s+)?литератур[аы]|приложение(?:\s+\d+)?|глоссарий)\s*[.:]?\s*$"
    r"|(?:статья|глава|раздел|часть|параграф|пункт|урок|тема)\s+(?:\d+|[IVXLC]+)(?:\b|[.:]|$)"
    r"|(?:раздел|глава|часть)\s+(?:первая|первый|вторая|второй|третья|третий)\b|§\s*\d+", re.IGNORECASE)
# Abbreviations a lower-case word may follow («в 1992 г. страна», «и т. д. и т. п.», «см. выше»).
ABBREVIATIONS = frozenset({
    "г", "гг", "в", "вв", "т", "тт", "с", "стр", "ст", "им", "ул", "д", "кв", "обл", "р-н", "см", "рис", "табл",
    "гл", "п", "пп", "ч", "млн", "млрд", "тыс", "руб", "долл", "коп", "км", "кг", "мм", "га", "проф", "акад",
    "доц", "ред", "сост", "изд", "т.е", "т.д", "т.п", "т.к", "т.н", "др", "пр", "напр", "англ", "каз", "рус",
})
# Reasons written into editorial.yaml for each kind of change `check --fix` makes to the text.
CORRECTION_REASONS = {
    "paragraph-end": "в конце абзаца пропущена точка; поставлена",
    "space-after-punct": "после точки пропущен пробел",
    "roman-cyrillic": "римская цифра набрана кириллицей; написана латиницей",
    "keyboard-slip": "слово набрано в другой раскладке",
}


# Words a spelling suggestion never offers (Hunspell's Russian dictionary knows crude and obscene words, and
# offers «пенис» for a name like «Венис», «жопа» for «жапа»): their stems, at a word's start.
UNSUGGESTED = re.compile(r"(?:пенис|вагин|сись|жоп|залуп|пизд|хуй|хуё|хуе|хул[еи]$|бля|ёб|еба|ебл|ебу|ебн|шлюх|гандон"
                         r"|пидор|педик|мудак|мудил|говн|дерьм|сра[тн]|ссат|манд[аеуы]$)", re.IGNORECASE)


def known_hyphenated(word: str, known) -> bool:
    """A hyphenated Russian word the dictionary lacks whole but knows by its parts' rule: an adverb по- +
    an adjective («по-казахски» of казахский, «по-новому» of новый, «по-моему» of мой). `known(word)`:
    the dictionary's check."""
    head, _, rest = word.lower().partition("-")
    if head != "по" or not rest or "-" in rest:
        return False
    if rest.endswith(("ски", "цки")):
        return known(rest + "й")
    if rest.endswith(("ому", "ему")):
        stem = rest[:-3]
        return any(known(stem + ending) for ending in ("ый", "ий", "ой", "й"))
    return False


# Words of the Russian of Kazakhstan a Russian dictionary lacks, by stem and the endings Russian gives them:
# a text of a Russian school in Kazakhstan has аким, акимат, маслихат, тенге in nearly every page.
_NOUN = "(?:а|у|ом|е|ы|ов|ам|ами|ах|ом|ой|ою|ей|ям|ями|ях|и|я|ю)?"
KAZAKHSTAN_WORDS = re.compile(
    r"(?:аким|акимат|маслихат|мажилис|аул|жырау|акын|кюй|батыр|жуз|шанырак|бешбармак|кумыс|шубат|"
    r"баурсак|кыстау|тиын|кюйши|домбрист)" + _NOUN
    + r"|бий|би(?:я|ю|ем|е|и|ев|ям|ями|ях)|курулта(?:й|я|ю|ем|е|и|ев|ям|ями|ях)|джайляу|жайляу|тенге|казы"
    # a citizen of Kazakhstan (казахстанец, казахстанцев, казахстанка), and the history of the steppe's
    # dynasties (джучиды, чингизиды, шибаниды: Chinggis Khan's, Jochi's, Shiban's descendants; чингизизм)
    + r"|казахстан(?:ец|ц(?:а|у|ем|е|ы|ев|ам|ами|ах)|к(?:а|и|е|у|ой|ою|ам|ами|ах)|ок)"
    + r"|(?:джучид|чингизид|шибанид|тукатимурид|тимурид)" + _NOUN + r"|чингизизм" + _NOUN,
    re.IGNORECASE)

# A word the dictionary lacks whole but knows without its prefix: не- and полу- written together with an
# adjective or a participle («непересыхающее», «полупресноводное»), as Russian spelling writes them
JOINED_PREFIX = re.compile(r"(?:не|полу)(?P<rest>[а-яё]{4,}(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|"
                           r"ую|юю|ою|ею|ыми|ими))", re.IGNORECASE)


def known_with_prefix(word: str, check) -> bool:
    """An adjective or participle with не- or полу- whose form without the prefix `check` knows."""
    found = JOINED_PREFIX.fullmatch(word)
    return found is not None and check(found["rest"])


# The plural of an abstract noun in -ость, which the dictionary lists in the singular only for some
# (внезапность, but not «полна внезапностей»): -остей, -остям, -остями, -остях
OST_PLURAL = re.compile(r"(.{2,}ост)(?:ей|ям|ями|ях)", re.IGNORECASE)


def plural_of_known(word: str, check) -> bool:
    """A plural of a noun in -ость whose singular `check` (the dictionary) knows."""
    found = OST_PLURAL.fullmatch(word)
    return found is not None and check(found[1] + "ь")


def known_in_kazakhstan(word: str) -> bool:
    """A word of the Russian of Kazakhstan (KAZAKHSTAN_WORDS), in any of its Russian case forms."""
    return KAZAKHSTAN_WORDS.fullmatch(word) is not None
