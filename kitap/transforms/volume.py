"""Bind the texts of a course pack into one volume: one Book whose chapters are the texts.

Each text has been transformed on its own first (its notes placed and numbered, its terms, events and
names linked, exactly as when it is built alone); binding then

- gives every element id a scope of its chapter ('p-3' of the second text is 'p-c2-3', its note
  'fn-c2-1'), so ids are unique in the volume and stay the same when another text changes (what lets a
  rebuild reuse the other chapters' layouts);
- numbers paragraphs per text (restarting) or across the volume (course.yaml's `numbering:`);
- merges each appendix as it declares (kitap/appendices): one glossary (a term several texts use is one
  entry listing its uses in all of them; two different expansions of one term are an error naming both
  files), one index of persons, one chronology of every text's events in date order, each event linked
  to its chapter.
"""
from __future__ import annotations

import hashlib

from ..errors import SourceError, SourceErrors
from ..model import Book, Chapter, Mark, NoteRef
from .inline_ops import walk


def _stable_id(prefix: str, key: str, taken: set[str]) -> str:
    """An id made from the entry's key (not its place in the list): the same whichever texts define it."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    length = 8
    while f"{prefix}{digest[:length]}" in taken:
        length += 2
    ident = f"{prefix}{digest[:length]}"
    taken.add(ident)
    return ident


def _scoped(ident: str, old: str, new: str, scope: str) -> str:
    """The id of a use of an entry ('gl-3-u1', of the entry 'gl-3') under the entry's new id, with the
    chapter's scope where the new id has none ('gl-8a2f61c0-c2-u1')."""
    rest = ident[len(old) + 1:] if ident.startswith(old + "-") else ident
    return f"{new}-{rest}" if scope in new else f"{new}-{scope}-{rest}"


def bind(course, texts: list[Book]) -> Book:
    """The volume of `course` (load/course.py) from its texts, each already transformed."""
    from ..appendices import appendices
    from ..languages import pack_for

    volume = Book(root=course.root, meta=course.meta, blocks=[], sources=dict(course.sources))
    volume.numbering = course.numbering
    errors: list[SourceError] = []
    merged: dict[str, dict[str, object]] = {a.name: {} for a in appendices()}
    taken: set[str] = set()
    counted = 0
    for number, (entry, text) in enumerate(zip(course.entries, texts), start=1):
        scope = f"c{number}"
        renamed: dict[str, str] = {}  # the text's appendix entry ids → the volume's
        for appendix in appendices():
            prefix = appendix.ids[0] if appendix.ids else f"{appendix.name}-"
            for place, item in enumerate(text.appendices.get(appendix.name, []), start=1):
                old = item.id
                key = appendix.merge_key(item) if appendix.merge_key else None
                kept = merged[appendix.name].get(key) if key is not None else None
                new = kept.id if kept is not None else \
                    _stable_id(prefix, key, taken) if key is not None else f"{prefix}{scope}-{place}"
                _rescope(item, old, new, scope, number)
                renamed[old] = new
                if kept is not None:
                    problem = appendix.conflict(kept, item) if appendix.conflict else None
                    if problem:
                        errors.append(SourceError(item.origin.path, item.origin.line, problem))
                    if hasattr(kept, "uses"):
                        kept.uses.extend(item.uses)
                    if appendix.absorb:
                        appendix.absorb(kept, item)
                    continue
                merged[appendix.name][key if key is not None else new] = item
        for note in text.notes:
            note.key = f"{scope}:{note.key}"
            note.id = f"fn-{scope}-{note.number}"
        for block in text.blocks:
            block.chapter = number
            kind, _, place = block.id.partition("-")
            block.id = f"{kind}-{scope}-{place}"
            if block.kind != "h" and course.numbering == "continuous":
                counted += 1
                block.number = counted
        for children in [b.children for b in text.blocks] + [n.body for n in text.notes]:
            for node in walk(children):
                if isinstance(node, NoteRef):
                    node.key = f"{scope}:{node.key}"
                elif isinstance(node, Mark) and node.ref in renamed:
                    old, node.ref = node.ref, renamed[node.ref]
                    node.id = _scoped(node.id, old, node.ref, scope)
        volume.blocks += text.blocks
        volume.notes += text.notes
        volume.chapters.append(Chapter(number, text.meta, text.root, text.editorial, entry.part,
                                       origin=_origin(course, number - 1), part_page=course.parts == "own-page"))
    if errors:
        raise SourceErrors(errors)
    pack = pack_for(course.meta.language)
    for appendix in appendices():
        entries = list(merged[appendix.name].values())
        if appendix.sort:
            appendix.sort(entries, pack)  # the chronology: by date, a text's events before the next text's
        volume.appendices[appendix.name] = entries
    return volume


def _rescope(item, old: str, new: str, scope: str, number: int) -> None:
    """An appendix entry of the `number`-th text as the volume's entry `new`: its id, the ids of its uses
    and linked phrase scoped to the text, its chapter."""
    item.id = new
    if hasattr(item, "uses"):
        item.uses = [_scoped(u, old, new, scope) for u in item.uses]
    if getattr(item, "ref", ""):
        item.ref = _scoped(item.ref, old, new, scope)
    if hasattr(item, "chapter"):
        item.chapter = number


def _origin(course, index: int):
    from ..load.course import origin_of

    return origin_of(course, index)


def chapter_of(book: Book) -> dict[str, int]:
    """Element id → the chapter it is in, for every id of the text of a volume (blocks, notes and their
    calls, marked phrases)."""
    where: dict[str, int] = {}
    notes = {note.key: note for note in book.notes}
    for block in book.blocks:
        where[block.id] = block.chapter
        for node in walk(block.children):
            if isinstance(node, Mark) and node.id:
                where[node.id] = block.chapter
            elif isinstance(node, NoteRef) and node.key in notes:
                where[notes[node.key].id] = where[notes[node.key].ref_id] = block.chapter
    for chapter in book.chapters:
        for suffix in ("", "-title", "-head", "-part", "-part-heading"):
            where[chapter.id + suffix] = chapter.number
        where[f"notes-{chapter.id}"] = where[f"notes-{chapter.id}-heading"] = chapter.number
    return where


__all__ = ["bind", "chapter_of", "Chapter"]
