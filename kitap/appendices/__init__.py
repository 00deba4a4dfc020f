"""The registry of appendices: each kind (glossary, chronology, persons) is declared by one module here.

An appendix declares its source file, how its entries are read and checked, how they are ordered and
linked with the text, how an edition in another script converts them, and its template part. The
loader, the transforms, the renderer, the e-book's parts and landmarks, the web page's contents and the
source-file list read this registry; adding an appendix is one module (a package with its template
part), one line in MODULES, and its heading in each language pack's labels (under its name).
Declarations are cheap to import: what loading and linking need is imported when they run.
"""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

# The modules that declare appendices, in the order the book prints them (after the article).
MODULES = (
    "kitap.appendices.glossary",
    "kitap.appendices.chronology",
    "kitap.appendices.persons",
    "kitap.appendices.questions",
)


@dataclass(frozen=True)
class Appendix:
    name: str                          # its part, its entries in Book.appendices, its heading's label key
    file: str                          # its source file in the project
    holds: str                         # what that file holds, for messages
    load: Callable                     # load(node, path, errors) -> entries: the parsed YAML read and checked
    template: str                      # its template part (under templates/, or under this folder)
    sort: Callable | None = None       # sort(entries, pack): in its order (the book language's alphabet, dates)
    link: Callable | None = None       # link(book) -> book: its phrases of the text marked and linked
    link_first: bool = False           # linked before note calls are placed (a phrase a note may follow)
    convert: Callable | None = None    # convert(entries, converter): its texts in an edition's script
    texts: Callable | None = None      # texts(entry) -> [(text, kind, key)]: what the checker reads of an entry
    epub_type: str = "appendix"        # its landmark and epub:type
    ids: tuple[str, ...] = ()          # prefixes of the element ids of its part: its entries' first ('gl-';
                                       # default: its name and a hyphen)
    # A course volume (transforms/volume.py) binds the entries of all its texts: entries with the same
    # merge_key(entry) are one entry (a term several texts use); conflict(kept, other) -> message when two
    # such entries disagree (an error naming both files); absorb(kept, other) takes what the other adds.
    # Without merge_key every entry is kept (the chronology: events from every text).
    merge_key: Callable | None = None
    conflict: Callable | None = None
    absorb: Callable | None = None
    paged: bool = True                 # a part of the paged editions (the teacher's questions are not: their
                                       # print form is the worksheet), so print contents list it


@lru_cache(maxsize=1)
def appendices() -> tuple[Appendix, ...]:
    return tuple(importlib.import_module(module).APPENDIX for module in MODULES)


def template_dirs() -> tuple[Path, ...]:
    """Where the template parts of appendices that carry their own are found: the folder holding each
    such package (its part is named '<package>/part.html.j2')."""
    folders = []
    for module in MODULES:
        spec = importlib.util.find_spec(module)
        if spec and spec.submodule_search_locations:  # a package
            folders.append(Path(spec.origin).resolve().parent.parent)
    return tuple(dict.fromkeys(folders))


def names() -> tuple[str, ...]:
    return tuple(a.name for a in appendices())


def appendix(name: str) -> Appendix:
    return next(a for a in appendices() if a.name == name)


def order(appendix: Appendix, entries: list, pack) -> list:
    """The entries sorted, each given its id (the first of the appendix's id prefixes and its place)."""
    if appendix.sort:
        appendix.sort(entries, pack)
    prefix = appendix.ids[0] if appendix.ids else f"{appendix.name}-"
    for number, entry in enumerate(entries, start=1):
        entry.id = f"{prefix}{number}"
    return entries


def files() -> dict[str, str]:
    """Source file → what it holds, for the list of the files a project is made of."""
    return {a.file: a.holds for a in appendices()}
