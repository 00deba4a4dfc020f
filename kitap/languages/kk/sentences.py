"""Kazakh sentences and headings, as data the checker's punctuation and heading rules ask.

- A Kazakh sentence ends with its predicate: a finite verb (болды, етті, қабылданды, келеді,
  айтылған) or a predicate word (еді, екен, емес, жоқ, бар, керек, тиіс, мүмкін …). The verb forms
  are recognised by the suffix grammar (kitap.languages.kk.morphology); the words are listed here.
- A heading is usually a noun phrase, or one of the document parts below («Преамбула», «1-бап»,
  «2-бап. Адам құқықтары», «I тарау», «Кіріспе»).
- After an abbreviation («ж.», «т.б.», «б.з.б.», «млн.») or an initial («Н. Назарбаев») a full
  stop does not end a sentence, so a lower-case word may follow it.
"""
from __future__ import annotations

import re

PREDICATE_WORDS = frozenset({"еді", "екен", "емес", "жоқ", "бар", "керек", "тиіс", "тиісті", "мүмкін", "қажет",
                             "шығар", "болар", "сияқты", "секілді", "ғой", "жатыр", "тұр", "отыр", "жүр"})
# Without the dictionary, a sentence's last word is read as its predicate by these endings alone.
PREDICATE_ENDINGS = ("ды", "ді", "ты", "ті", "ған", "ген", "қан", "кен", "мыз", "міз", "мын", "мін", "сың", "сің",
                     "сыз", "сіз", "сын", "сін", "тын", "тін", "мақ", "мек", "пақ", "пек", "бақ", "бек")
# Document parts that are headings whatever their length (the whole line, or its start).
# Words a Kazakh sentence never ends with: conjunctions that join what follows (a paragraph ending in
# one is broken, not missing its full stop).
CONTINUING = frozenset({"және", "мен", "бен", "пен", "немесе", "әрі", "яғни", "бірақ", "алайда", "сондықтан",
                        "себебі", "өйткені", "егер", "не", "я", "болмаса"})
HEADING = re.compile(
    r"(?:преамбула|кіріспе|қорытынды|алғы\s+сөз|соңғы\s+сөз|мазмұны|түйін|аңдатпа|аннотация|"
    r"(?:пайдаланылған\s+)?әдебиеттер(?:\s+тізімі)?|қосымша(?:\s+\d+)?|глоссарий)\s*[.:]?\s*$"
    r"|\d+[-–]?\s?(?:бап|тарау|бөлім|тақырып|сабақ|параграф|тармақ)(?:\b|[.:]|$)"
    r"|[IVXLC]+\s+(?:тарау|бөлім)\b|(?:бірінші|екінші|үшінші|төртінші|бесінші)\s+(?:тарау|бөлім)\b"
    r"|§\s*\d+", re.IGNORECASE)
# Abbreviations a lower-case word may follow («1991 ж. желтоқсан», «т.б. елдер»). Abbreviations of
# one-letter parts (т.б., б.з.б.) and single letters (initials) are recognised by their shape.
ABBREVIATIONS = frozenset({
    "жж", "ғғ", "млн", "млрд", "бет", "беттер", "обл", "ауд", "проф", "акад", "доц", "ред", "құраст", "көш",
    "даңғ", "сағ", "мин", "сек", "шақ", "ш", "тех", "пед", "ғыл", "филол", "тарих", "экон", "заң", "респ",
    "стр", "сур", "кест", "том", "бөл", "бап", "тарм", "т.б", "т.с.с", "б.з.б", "б.з", "т.т", "мыс", "яғн",
    "см", "км", "кг", "мм", "га", "тг", "руб", "долл", "т.е", "т.д", "т.п", "др", "гг", "г", "им", "ст",
    # the languages a word comes from, as dictionaries and notes write them («лат. discriminatio»)
    "лат", "ағылш", "орыс", "гр", "грек", "нем", "фр", "араб", "парс", "түр", "монғ", "қыт",
})
# Words that mark a sentence as Russian (quoted in a Kazakh text): it is not spelled as Kazakh.
RUSSIAN_WORDS = frozenset({"и", "в", "во", "на", "не", "что", "как", "для", "это", "от", "из", "при", "по",
                           "с", "со", "о", "об", "к", "у", "за", "то", "или", "но", "же", "бы", "был", "была",
                           "были", "его", "она", "они", "мы", "вы", "я", "он", "так", "также", "если", "чтобы"})
KAZAKH_ONLY_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# Russian case endings no Kazakh word has: a bracketed or quoted group of words without Kazakh letters
# and with one of these is Russian («(Программа развития ООН)»).
RUSSIAN_ENDINGS = ("ого", "его", "ому", "ему", "ыми", "ими", "ых", "ый", "ий", "ая", "яя", "ое", "ее", "ия", "ии",
                   "ию", "ие", "ов", "ей", "ам", "ями", "ами", "ться", "ется", "ются")

# Reasons written into editorial.yaml for each kind of change `check --fix` makes to the text
# (the colophon prints them, in the book's language).
CORRECTION_REASONS = {
    "paragraph-end": "абзац соңындағы нүкте түсіп қалған; қойылды",
    "space-after-punct": "нүктеден кейін бос орын түсіп қалған",
    "roman-cyrillic": "рим цифры кирилл әріптерімен терілген; латын әріптерімен жазылды",
    "keyboard-slip": "орыс пернетақтасымен терілген сөз (қазақ әрпінің орнына орыс әрпі)",
}
