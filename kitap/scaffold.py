"""`build.py new DIR`: a new project that builds at once, with commented examples to copy.

book.yaml is written by the YAML library (ruamel's round trip keeps the template's comments), never by
pasting text into YAML by hand: any title, with quotes or backslashes, reads back exactly as given.
"""
from __future__ import annotations

import datetime
import io
import re
import uuid
from pathlib import Path

from .errors import KitapError

PLACEHOLDER_AUTHOR = "Автор"  # book.yaml's author when none is known (`new`, `import`); check asks for it


def placeholder_author(language: str = "kk") -> str:
    """The placeholder in the book's alphabet: «Автор», or «Avtor» for a book in Kazakh Latin."""
    from .languages import pack_for
    from .languages.kk_latn.transliterate import to_latin

    return to_latin(PLACEHOLDER_AUTHOR) if pack_for(language).script == "Latn" else PLACEHOLDER_AUTHOR


PLACEHOLDER_AUTHORS = frozenset({PLACEHOLDER_AUTHOR, "Avtor"})  # what `author-missing` looks for, in either alphabet

BOOK = """\
# The book's details. Required: title, author. See README.md for every key.
name: book                   # output file names: NAME.pdf, NAME.epub (Latin letters, digits, - _)
title: ""
author: ""
# subtitle: ""
# credentials: ""            # e.g. "тарих ғылымдарының кандидаты"
language: kk
date: ""
identifier: ""               # keep it: e-readers recognise the book by it
# rights: ""
"""
ARTICLE = """\
Мәтінді осы файлға жазыңыз немесе қойыңыз: әр абзац — бір жол.
Екінші абзац осылай басталады. Ескертпелер, сөздік және хронология бөлек файлдарда тұрады.
"""
ANNOTATIONS = """\
# Notes attached to phrases of the article (the call goes right after the phrase).
# Copy the phrase exactly from article.txt; add "occurrence: 2" if it appears more than once.
#
# - anchor: "Екінші абзац"
#   note: "Ескертпе мәтіні. *Курсив* жазуға болады."
"""
GLOSSARY = """\
# Abbreviations, printed in Kazakh alphabetical order whatever the order here.
#
# - term: "БҰҰ"
#   expansion: "Біріккен Ұлттар Ұйымы"
#   ru: "Организация Объединённых Наций (ООН)"
#   en: "United Nations (UN)"
#   origin: kk          # the language the abbreviation comes from: kk, ru or en
"""
CHRONOLOGY = """\
# Dated events, printed in date order. Dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD".
# "anchor" (optional) links the event with the phrase of the text that mentions it.
#
# - date: "1991-12-16"
#   event: "Қазақстан тәуелсіздігін жариялады."
#   anchor: "1991 жылғы 16 желтоқсанда"
"""


def _name(folder: Path) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", folder.name).strip("-")
    return slug or "book"


def book_yaml(name: str, title: str, author: str) -> str:
    """The template with these values, as YAML the loader reads back exactly."""
    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString as Quoted

    yaml = YAML(typ="rt")
    yaml.width = 1 << 16  # one line per value, as the template has
    book = yaml.load(BOOK)
    values = {"name": name, "title": Quoted(title), "author": Quoted(author),
              "date": Quoted(datetime.date.today().isoformat()), "identifier": Quoted(f"urn:uuid:{uuid.uuid4()}")}
    for key, value in values.items():
        book[key] = value
    out = io.StringIO()
    yaml.dump(book, out)
    return out.getvalue()


def scaffold(folder: Path, title: str = "", author: str = "") -> list[Path]:
    if folder.exists() and any(folder.iterdir()):
        raise KitapError(f"{folder}: the folder is not empty; choose a new folder for the project")
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "book.yaml": book_yaml(_name(folder), title or folder.name, author or PLACEHOLDER_AUTHOR),
        "article.txt": ARTICLE,
        "annotations.yaml": ANNOTATIONS,
        "glossary.yaml": GLOSSARY,
        "chronology.yaml": CHRONOLOGY,
    }
    created = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        created.append(path)
    return created
