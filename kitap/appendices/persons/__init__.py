"""The index of persons (persons.yaml): the people the text names, with who they were, in the book
language's alphabetical order of their surnames; the first mention of each in the text is linked to
their entry, and the entry lists every page (print) or paragraph (e-book, web page) that names them.

    - name: "Нұрсұлтан Әбішұлы Назарбаев"     # as the index prints it
      role: "Қазақстан Республикасының тұңғыш Президенті (1991–2019)"
      dates: "1940 ж. туған"                 # optional
      sort: "Назарбаев"                       # optional: what it is alphabetised by (default: the last word)
      mentions: ["Н.Назарбаев", "Назарбаев…"]  # optional: the phrases of the text that name them
                                              # (whole words; «…» lets a suffix follow); default: the name

A mention that is not in the text is an error at its line, as an anchor that is not.
"""
from __future__ import annotations

from typing import Any

from .. import Appendix


def load(node: Any, path, errors: list) -> list:
    from ...errors import SourceError
    from ...load.yamlio import Field, check_list, check_mapping, line_of
    from ...model import Anchor, Origin, Person

    fields_of = (Field("name", required=True), Field("role", required=True), Field("dates"), Field("sort"),
                 Field("mentions", "list"))
    result: list[Person] = []

    def each(item: Any, line: int) -> None:
        fields = check_mapping(item, fields_of, path, line, "a person", errors)
        if "name" not in fields or "role" not in fields:
            return
        mentions = []
        for phrase in fields.get("mentions") or [fields["name"]]:
            if not isinstance(phrase, str) or not phrase.strip():
                errors.append(SourceError(path, line_of(item, "mentions", line), "each mention is a phrase of the text, "
                                                                                 'in quotes: mentions: ["Н.Назарбаев"]'))
                return
            mentions.append(Anchor(phrase.strip(), None, Origin(path, line_of(item, "mentions", line))))
        result.append(Person(fields["name"], fields["role"], Origin(path, line), sort_as=fields.get("sort", ""),
                             dates=fields.get("dates", ""), mentions=tuple(mentions)))

    check_list(node, path, "persons.yaml", errors, each)
    return result


def sort_text(person) -> str:
    """What a person is alphabetised by: `sort:`, else the name's last word, then the rest of it."""
    if person.sort_as:
        return person.sort_as
    words = person.name.split()
    return " ".join(words[-1:] + words[:-1])


def sort(persons: list, pack) -> None:
    persons.sort(key=lambda person: pack.sort_key(sort_text(person)))


def link(book):
    from .linking import link_persons

    return link_persons(book)


def convert(persons: list, convert_text) -> None:
    for person in persons:
        person.name, person.role = convert_text(person.name), convert_text(person.role)
        person.dates, person.sort_as = convert_text(person.dates), convert_text(person.sort_as)


def texts(person) -> list[tuple[str, str, str]]:
    return [(person.name, "name", "name"), (person.role, "name", "role")]  # a description, not a sentence


def absorb(kept, other) -> None:
    """The same person named by two texts: one entry (the first text's role), their dates if it has none."""
    if not kept.dates:
        kept.dates = other.dates


APPENDIX = Appendix("persons", "persons.yaml", "the people the text names", load, "persons/part.html.j2",
                    sort=sort, link=link, convert=convert, texts=texts, epub_type="index", ids=("person-", "persons"),
                    merge_key=lambda person: person.name, absorb=absorb)
