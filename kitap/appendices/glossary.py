"""The glossary of abbreviations (glossary.yaml): printed in the book language's alphabetical order, the
first use of each term in the text linked to its entry, every use listed by page or paragraph."""
from __future__ import annotations

from typing import Any

from . import Appendix



def _fields():
    from ..load.yamlio import Field

    return (Field("term", required=True), Field("expansion", required=True), Field("kk"), Field("ru"), Field("en"),
            Field("origin", choices=("kk", "ru", "en")), Field("note"))


def load(node: Any, path, errors: list) -> list:
    from ..errors import SourceError
    from ..load.yamlio import check_list, check_mapping
    from ..model import GlossaryEntry, Origin

    fields_of = _fields()
    result: list[GlossaryEntry] = []
    seen: dict[str, int] = {}

    def each(item: Any, line: int) -> None:
        fields = check_mapping(item, fields_of, path, line, "a glossary entry", errors)
        if "term" not in fields or "expansion" not in fields:
            return
        term = fields["term"]
        if term in seen:
            errors.append(SourceError(path, line, f"duplicate glossary term '{term}' (first defined at line "
                                                  f"{seen[term]}); merge the two entries"))
            return
        seen[term] = line
        result.append(GlossaryEntry(term, fields["expansion"], Origin(path, line), kk=fields.get("kk", ""),
                                    ru=fields.get("ru", ""), en=fields.get("en", ""),
                                    source_language=fields.get("origin", ""), note=fields.get("note", "")))

    check_list(node, path, "glossary.yaml", errors, each)
    return result


def sort(entries: list, pack) -> None:
    entries.sort(key=lambda entry: pack.sort_key(entry.term))


def link(book):
    from ..transforms.abbreviations import link_abbreviations

    return link_abbreviations(book)


def convert(entries: list, convert_text) -> None:
    for entry in entries:  # its names in other languages (kk:, ru:, en:) stay as they are
        entry.term, entry.expansion, entry.note = convert_text(entry.term), convert_text(entry.expansion), \
            convert_text(entry.note)


def texts(entry) -> list[tuple[str, str, str]]:
    return [(entry.expansion, "name", "expansion"), (entry.note, "note", "note")]


def conflict(kept, other) -> str | None:
    """Two texts of a volume expanding one term differently, or giving it different names in another
    language, origins or notes (one entry prints one of each: the other would be lost)."""
    where = f"({kept.origin.path}:{kept.origin.line}) and {{}} ({other.origin.path}:{other.origin.line})"
    if " ".join(kept.expansion.split()) != " ".join(other.expansion.split()):
        return (f"glossary term '{kept.term}' is expanded differently by two texts of the course pack: "
                f"{_quoted(kept.expansion)} {where.format(_quoted(other.expansion))}; write the same expansion in both "
                "glossary.yaml files")
    for name, key in (("kk", "kk"), ("ru", "ru"), ("en", "en"), ("source_language", "origin"), ("note", "note")):
        mine, theirs = (" ".join(getattr(entry, name).split()) for entry in (kept, other))
        if mine and theirs and mine != theirs:
            return (f"glossary term '{kept.term}' has a different '{key}:' in two texts of the course pack: "
                    f"{_quoted(mine)} {where.format(_quoted(theirs))}; write the same in both glossary.yaml files, or "
                    "leave it out of one")
    return None


def _quoted(text: str) -> str:
    """«text»; "text" when it holds «» of its own («««Қазақ ақпарат агенттігі» – …»» was printed)."""
    return f'"{text}"' if "«" in text or "»" in text else f"«{text}»"


def absorb(kept, other) -> None:
    """A term's names in other languages, its origin and note, when the first text that defines it has none."""
    for name in ("kk", "ru", "en", "source_language", "note"):
        if not getattr(kept, name) and getattr(other, name):
            setattr(kept, name, getattr(other, name))


APPENDIX = Appendix("glossary", "glossary.yaml", "abbreviations", load, "parts/glossary.html.j2", sort=sort,
                    link=link, convert=convert, texts=texts, epub_type="glossary", ids=("gl-", "glossary"),
                    merge_key=lambda entry: entry.term, conflict=conflict, absorb=absorb)
