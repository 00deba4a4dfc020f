"""An edition in another script: the whole book converted by its language pack's converter.

The last transform, run once per extra edition on the finished model (notes numbered, terms and
events linked, so every output of the edition matches the source edition's structure). Converted:
every text the reader sees in the book's language — the article, notes, each appendix's entries (as
the appendix declares: kitap/appendices), the book's details and the editor's notes. Left alone: words marked as
another language ([…]{lang=ru}), the glossary's Russian and English names, code, web addresses.
The edition is a new Book: the source's is not changed.
"""
from __future__ import annotations

import copy
import re
import uuid
from dataclasses import dataclass, fields
from typing import Callable

from ..errors import KitapError
from ..languages import pack_for
from ..model import Book, Foreign, Inline, Meta, Styled, Text

META_TEXTS = ("title", "subtitle", "author", "editor", "credentials", "rights", "publisher", "description")
# (book.yaml's `source:` is converted only when it is words, «Метеорология энциклопедиясы»: a web address
# stays as written in every edition)


def edition_scripts(book: Book) -> tuple[str, ...]:
    """The scripts the book's language pack can convert it to ('latn' for Kazakh)."""
    return tuple(pack_for(book.meta.language).editions)


@dataclass(frozen=True)
class Converter:
    """An edition's conversion of texts (`converter(text)`) and of inline content (`converter.inlines`),
    which leaves alone words marked as another language than the book's (`base`) and code."""

    convert: Callable[[str], str]
    base: str

    def __call__(self, text: str) -> str:
        return self.convert(text)

    def inlines(self, children: list[Inline]) -> None:
        for node in children:
            if isinstance(node, Text):
                node.text = self.convert(node.text)
            elif isinstance(node, Foreign):
                if node.lang.split("-")[0].lower() == self.base:  # marked, but in the book's own language
                    self.inlines(node.children)
            elif isinstance(node, Styled) and node.style == "code":
                continue
            elif hasattr(node, "children"):
                self.inlines(node.children)


def edition_of(book: Book, script: str) -> Book:
    """The book in `script` (an edition its language pack offers)."""
    from ..appendices import appendices

    pack = pack_for(book.meta.language)
    edition = pack.editions.get(script)
    if edition is None:
        offered = ", ".join(pack.editions) or "none"
        raise KitapError(f"{book.root / 'book.yaml'}: a book in '{book.meta.language}' has no '{script}' edition "
                         f"(editions kitap can make of it: {offered}); leave out --script {script}")
    convert = Converter(edition.convert, pack.base)
    new = copy.deepcopy(book)
    for block in new.blocks:
        convert.inlines(block.children)
    for note in new.notes:
        convert.inlines(note.body)
    target = pack_for(edition.tag)
    for appendix in appendices():
        entries = new.appendices.get(appendix.name, [])
        if appendix.convert:
            appendix.convert(entries, convert)
        if appendix.sort:
            appendix.sort(entries, target)  # in the edition's own order; ids stay, so links keep working
    for editorial in [new.editorial, *(chapter.editorial for chapter in new.chapters)]:
        _editorial(editorial, convert)
    for chapter in new.chapters:  # a volume's texts: their details and part headings
        chapter.meta = _meta(chapter.meta, convert, edition.tag, script)
        chapter.part = convert(chapter.part)
    new.meta = _meta(new.meta, convert, edition.tag, script)
    return new


def _editorial(editorial, convert) -> None:
    editorial.title_note = convert(editorial.title_note)
    editorial.notes = [convert(note) for note in editorial.notes]
    for correction in editorial.corrections:
        correction.original, correction.corrected = convert(correction.original), convert(correction.corrected)
        correction.reason = convert(correction.reason)


def _meta(meta: Meta, convert, tag: str, script: str) -> Meta:
    values = {f.name: getattr(meta, f.name) for f in fields(Meta)}
    values.update({name: convert(values[name]) for name in META_TEXTS})
    if values.get("source") and not re.match(r"[a-z][a-z0-9+.-]*://", values["source"].strip(), re.IGNORECASE):
        values["source"] = convert(values["source"])
    # another e-book: its own identifier, derived from the source's, the same at every build
    values["identifier"] = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{meta.identifier}#{script}"))
    values.update(name=f"{meta.name}-{script}", language=tag, edition=script)
    return Meta(**values)
