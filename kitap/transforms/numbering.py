"""Number paragraphs (for the classroom) and notes (in reading order); check every note is called once."""
from __future__ import annotations

from ..errors import SourceError, SourceErrors
from ..model import Book, NoteRef
from .inline_ops import walk


PARAGRAPH_ID, HEADING_ID, NOTE_ID = "p-{}", "s-{}", "fn-{}"


def number_paragraphs(book: Book) -> Book:
    """Classroom numbers for every paragraph, quote and list item (not headings), and element ids."""
    number = heading = 0
    for block in book.blocks:
        if block.kind == "h":
            heading += 1
            block.id = HEADING_ID.format(heading)
        else:
            number += 1
            block.number = number
            block.id = PARAGRAPH_ID.format(number)
    return book


def number_notes(book: Book) -> Book:
    calls = [node for block in book.blocks for node in walk(block.children) if isinstance(node, NoteRef)]
    notes = {note.key: note for note in book.notes}
    errors: list[SourceError] = []
    seen: set[str] = set()
    for number, call in enumerate(calls, start=1):
        note = notes[call.key]
        if call.key in seen:
            errors.append(SourceError(note.origin.path, note.origin.line,
                                      f"footnote [^{call.key.split(':', 1)[-1]}] is called more than once; give each call its own footnote"))
        seen.add(call.key)
        call.number = note.number = number
        note.id = NOTE_ID.format(number)
    for note in book.notes:
        if note.key not in seen:
            errors.append(SourceError(note.origin.path, note.origin.line,
                                      f"footnote [^{note.key.split(':', 1)[-1]}] is defined but never called in the text"))
    if errors:
        raise SourceErrors(errors)
    book.notes.sort(key=lambda note: note.number)
    return book
