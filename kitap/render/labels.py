"""The few words the toolchain itself prints into a book, per book language."""
from __future__ import annotations

LABELS = {
    "kk": {
        "notes": "Ескертпелер",
        "glossary": "Қысқартулар сөздігі",
        "chronology": "Оқиғалар хронологиясы",
        "colophon": "Басылым туралы",
        "contents": "Мазмұны",
        "landmarks": "Кітаптың негізгі бөлімдері",
        "page_list": "Баспа нұсқасының беттері",
        "cover": "Мұқаба",
        "print_edition": "A4 баспа нұсқасы",
        "a11y_summary": ("Мәтіндік басылым: мазмұны, бөлімдер бойынша навигациясы, баспа нұсқасымен сәйкес бет "
                         "белгілері бар; ескертпелер қалқымалы, сілтемелер екі бағытта жұмыс істейді; суреттер жоқ "
                         "(мұқабадан басқа, оның мәтіндік сипаттамасы бар)."),
        "date": "Күні",
        "event": "Оқиға",
        "in_text": "Мәтінде",
        "page": "б.",
        "paragraph": "абз.",
        "to_text": "мәтінге",
        "back_to_text": "Мәтінге оралу",
        "ru": "орысша",
        "en": "ағылшынша",
        "origin_ru": "орыс тіліндегі атауынан",
        "origin_en": "ағылшын тіліндегі атауынан",
        "corrections": "Редактор түзеткен қателер",
        "line": "жол",
        "original": "Түпнұсқада",
        "corrected": "Түзетілгені",
        "reason": "Себебі",
        "editorial_notes": "Редактордың ескертпелері",
        "fonts": "Қаріптер: Noto Serif, Noto Sans (SIL Open Font License 1.1).",
        "made_with": "Басылымды kitap {version} құралы дайындады.",
        "article": "Мақала",
        "notes_count": "ескертпе",
    },
    "en": {
        "notes": "Notes",
        "glossary": "Abbreviations",
        "chronology": "Chronology",
        "colophon": "About this edition",
        "contents": "Contents",
        "landmarks": "Landmarks",
        "page_list": "Pages of the print edition",
        "cover": "Cover",
        "print_edition": "A4 print edition",
        "a11y_summary": ("Text-only publication with a table of contents, structural navigation and page "
                         "markers matching the print edition; pop-up notes linked both ways; no images except "
                         "the cover, which has a text description."),
        "date": "Date",
        "event": "Event",
        "in_text": "In the text",
        "page": "p.",
        "paragraph": "para.",
        "to_text": "to the text",
        "back_to_text": "Back to the text",
        "ru": "Russian",
        "en": "English",
        "origin_ru": "from the Russian name",
        "origin_en": "from the English name",
        "corrections": "Corrections by the editor",
        "line": "line",
        "original": "Original",
        "corrected": "Corrected",
        "reason": "Reason",
        "editorial_notes": "Editor's notes",
        "fonts": "Fonts: Noto Serif, Noto Sans (SIL Open Font License 1.1).",
        "made_with": "Made with kitap {version}.",
        "article": "Article",
        "notes_count": "notes",
    },
}


def labels_for(language: str) -> dict[str, str]:
    return LABELS.get(language.split("-")[0], LABELS["en"])
