"""Attach annotations and chronology entries to the phrases of the article they quote."""
from __future__ import annotations

import difflib

from ..errors import SourceError, SourceErrors
from ..model import Anchor, Block, Book, Mark, Note, NoteRef
from .inline_ops import CrossesFormatting, find_all, insert_at, plain_text, wrap_range

MAX_SUGGESTION_WINDOWS = 200_000


def locate(blocks: list[Block], anchor: Anchor, what: str) -> tuple[Block, int]:
    """The block and offset where the anchor's phrase (its given occurrence) starts."""
    hits = [(block, start) for block in blocks for start in find_all(plain_text(block.children), anchor.phrase)]
    path, line = anchor.origin.path, anchor.origin.line
    if not hits:
        raise SourceError(path, line, f"{what} anchor «{anchor.phrase}» is not in the article; copy the phrase exactly "
                                      f"from the text{_suggestion(blocks, anchor.phrase)}")
    if anchor.occurrence is None:
        if len(hits) > 1:
            lines = ", ".join(str(block.origin.line) for block, _ in hits[:6])
            raise SourceError(path, line, f"{what} anchor «{anchor.phrase}» occurs {len(hits)} times (article lines {lines}); "
                                          f"add 'occurrence: N' or quote a longer phrase")
        return hits[0]
    if not 1 <= anchor.occurrence <= len(hits):
        raise SourceError(path, line, f"{what} anchor «{anchor.phrase}» occurs {len(hits)} time(s), so 'occurrence: "
                                      f"{anchor.occurrence}' does not exist")
    return hits[anchor.occurrence - 1]


def _suggestion(blocks: list[Block], phrase: str) -> str:
    size = max(1, len(phrase.split()))
    windows: dict[str, int] = {}
    for block in blocks:
        words = plain_text(block.children).split()
        for i in range(max(1, len(words) - size + 1)):
            windows.setdefault(" ".join(words[i:i + size]), block.origin.line)
            if len(windows) > MAX_SUGGESTION_WINDOWS:
                break
    close = difflib.get_close_matches(phrase, list(windows), n=1, cutoff=0.7)
    return f" (did you mean «{close[0]}», line {windows[close[0]]}?)" if close else ""


def attach_annotations(book: Book) -> Book:
    """Each annotation becomes a note whose call follows its anchor phrase."""
    errors: list[SourceError] = []
    for index, annotation in enumerate(book.annotations, start=1):
        try:
            block, start = locate(book.blocks, annotation.anchor, "annotation")
        except SourceError as error:
            errors.append(error)
            continue
        key = f"a{index}"
        book.notes.append(Note(key, annotation.body, annotation.origin))
        insert_at(block.children, start + len(annotation.anchor.phrase), NoteRef(key))
    if errors:
        raise SourceErrors(errors)
    return book


def link_chronology(book: Book) -> Book:
    """Each chronology entry with an anchor links its phrase in the text to the entry."""
    errors: list[SourceError] = []
    for event in book.chronology:
        if event.anchor is None:
            continue
        try:
            block, start = locate(book.blocks, event.anchor, "chronology")
            wrap_range(block.children, start, start + len(event.anchor.phrase),
                       lambda children, e=event: Mark("chrono", e.id, children, id=f"{e.id}-ref"))
        except SourceError as error:
            errors.append(error)
        except CrossesFormatting:
            errors.append(SourceError(event.anchor.origin.path, event.anchor.origin.line,
                                      f"chronology anchor «{event.anchor.phrase}» starts inside emphasis or a link and ends "
                                      "outside it; quote a phrase that does not cross formatting"))
    if errors:
        raise SourceErrors(errors)
    return book
