"""The Russian language pack: Pyphen's Russian hyphenation, Russian typography, dates and labels."""
from __future__ import annotations

import re

from .. import Checking, LanguagePack, surname_pattern
from ...typography import TypographyRules
from .dates import format_date
from .hyphenate import hyphenate_text
from .labels import LABELS
from .sentences import ABBREVIATIONS, CONTINUING, CORRECTION_REASONS, HEADING, UNSUGGESTED
from .web import FURNITURE
from ..kk.letters import KAZAKH_ONLY

# Kazakh in a Russian text: words with a letter Russian has not (ә ғ қ ң ө ұ ү һ і: «Заң мен тәртіп», «Адал
# азамат» is not told), a Kazakh joining word between two of them
_KAZAKH = "".join(sorted(KAZAKH_ONLY | {letter.upper() for letter in KAZAKH_ONLY}))  # (the Kazakh pack's letters)
_KAZAKH_WORD = rf"[А-Яа-яЁё-]*[{_KAZAKH}][А-Яа-яЁё{_KAZAKH}-]*"
KAZAKH_RUN = re.compile(rf"(?<![\w-]){_KAZAKH_WORD}(?:\s+(?:(?:мен|пен|бен|және|да|де|та|те)\s+)?{_KAZAKH_WORD})*"
                        r"(?![\w-])")

RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"  # Ё after Е

TYPOGRAPHY = TypographyRules(
    upper="A-ZА-ЯЁ", lower="a-zа-яё",
    trailing_abbreviations=frozenset({"т.д.", "т.п.", "др.", "пр."}),
    # «г. Алматы», «гг.», «т. 2» (том), «с. 5», «ст. 12», «им. Абая», «ул. Абая», «рис. 3», «см. выше»
    bind_after=("г.", "гг.", "т.", "тт.", "с.", "ст.", "им.", "ул.", "д.", "п.", "пп.", "рис.", "см.", "гл.",
                # a one-letter preposition, conjunction or pronoun stays with the next word, never ends a line
                # («в | первом ряду» → «в первом»: Мильчин, «Справочник издателя и автора»)
                *"вксуоиаяВКСУОИАЯ"),
    suffix_hyphen=True,  # «1990-х», «5-й», «ООН-овский»
    particles=("то", "либо", "нибудь", "ка", "таки", "с", "де", "тка"),
)

PACK = LanguagePack(
    tag="ru", name="русский язык", script="Cyrl", alphabet=RUSSIAN_ALPHABET, labels=LABELS,
    format_date=format_date, hyphenate=hyphenate_text, typography=TYPOGRAPHY, hyphenation_language="ru",
    checker=Checking("Russian", ABBREVIATIONS, HEADING, CORRECTION_REASONS,
                     speller="kitap.check.dictionary:russian", unavailable="kitap.check.dictionary:russian_unavailable",
                     dates="kitap.languages.ru.datereader:find_dates", unsuggested=UNSUGGESTED, continuing=CONTINUING,
                     surname=surname_pattern("АЕЁИОУЫЭЮЯ", "", side_by_side=True)),  # МАТВЕЕВ
    furniture=FURNITURE,
    others=(("kk", KAZAKH_RUN),),
)
