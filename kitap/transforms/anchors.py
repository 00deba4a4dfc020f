"""Attach annotations and chronology entries to the phrases of the article they quote."""
from __future__ import annotations

import difflib
import re
import unicodedata

from ..errors import SourceError, SourceErrors
from ..load.characters import ZERO_WIDTH
from ..model import Anchor, Block, Book, Mark, Note, NoteRef
from .inline_ops import CrossesFormatting, find_all, insert_at, plain_text, wrap_range

MAX_SUGGESTION_WINDOWS = 200_000
# An anchor ending with an ellipsis lets a suffix follow its last word: «адам…» matches «адамдары».
SUFFIX_MARKS = ("\u2026", "...")
# An ending joined by a hyphen belongs to the word before it (БҰҰ-ға, 1992-ші): a call goes after it.
HYPHENATED_ENDING = re.compile(r"-\w+")


def _word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalnum()


def find_phrase(text: str, anchor_phrase: str) -> list[tuple[int, int]]:
    """(start, end) of every whole-word occurrence of an anchor's phrase in a text: it neither starts nor
    ends inside a word. `end` is where a note call may go: after a suffix the anchor allows (see
    SUFFIX_MARKS) and after an ending joined by a hyphen, never inside a word."""
    phrase, suffix = anchor_phrase, False
    for mark in SUFFIX_MARKS:
        if phrase.endswith(mark) and phrase != mark:
            phrase, suffix = phrase[:-len(mark)].rstrip(), True
            break
    hits = []
    for start in find_all(text, phrase):
        end = start + len(phrase)
        if _word_char(text, start - 1) and _word_char(text, start):
            continue  # starts inside a word
        if _word_char(text, end - 1) and _word_char(text, end):
            if not suffix:
                continue  # ends inside a word
            while _word_char(text, end):
                end += 1
        if _word_char(text, end - 1) and (ending := HYPHENATED_ENDING.match(text, end)):
            end = ending.end()
        hits.append((start, end))
    return hits


def _places(hits: list[tuple[Block, int, int]]) -> str:
    """Every occurrence as line:column of the article."""
    return ", ".join("{}:{}".format(*block.position(start)) for block, start, _ in hits)


def locate(blocks: list[Block], anchor: Anchor, what: str) -> tuple[Block, int, int]:
    """The block, start and end (where a call goes) of the anchor's phrase (its given occurrence)."""
    hits = [(block, start, end) for block in blocks
            for start, end in find_phrase(plain_text(block.children), anchor.phrase)]
    path, line = anchor.origin.path, anchor.origin.line
    if not hits:
        raise SourceError(path, line, f"{what} anchor «{anchor.phrase}» is not in the article; "
                                      f"{_inside_words(blocks, anchor.phrase) or _not_found(blocks, anchor.phrase)}")
    where = f"{blocks[0].origin.path.name} {_places(hits)}"
    if anchor.occurrence is None:
        if len(hits) > 1:
            raise SourceError(path, line, f"{what} anchor «{anchor.phrase}» occurs {len(hits)} times ({where}); "
                                          f"add 'occurrence: N' or quote a longer phrase")
        return hits[0]
    if not 1 <= anchor.occurrence <= len(hits):
        raise SourceError(path, line, f"{what} anchor «{anchor.phrase}» occurs {len(hits)} time(s) ({where}), so "
                                      f"'occurrence: {anchor.occurrence}' does not exist")
    return hits[anchor.occurrence - 1]


# What an anchor copied from elsewhere may carry that looks like a space, or like nothing
ODD_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u00ad": "",
              **dict.fromkeys(ZERO_WIDTH, "")}


def _not_found(blocks: list[Block], phrase: str) -> str:
    odd = next((i for i, c in enumerate(phrase) if c in ODD_SPACES), None)
    if odd is not None:  # invisible in the message: said by name, when the phrase is there without it
        plain = "".join(ODD_SPACES.get(c, c) for c in phrase)
        if any(plain in plain_text(block.children) for block in blocks):
            char = phrase[odd]
            before = phrase[:odd].split()[-1] if phrase[:odd].split() else ""
            where = f" after «{before}»" if before else ""
            instead = "an ordinary space" if ODD_SPACES[char] else "nothing"
            return (f"it has U+{ord(char):04X} {unicodedata.name(char, '')}{where}, where the text has {instead}; "
                    "type the anchor again (or copy it from the article)")
    return f"copy the phrase exactly from the text{_suggestion(blocks, phrase)}"


def _inside_words(blocks: list[Block], phrase: str) -> str:
    """When the phrase is in the text only as part of longer words: which, and what to write instead."""
    for block in blocks:
        text = plain_text(block.children)
        for start in find_all(text, phrase):
            begin, finish = start, start + len(phrase)
            while _word_char(text, begin - 1):
                begin -= 1
            while _word_char(text, finish):
                finish += 1
            line, col = block.position(start)
            return (f"it is only part of longer words («{text[begin:finish]}», line {line}:{col}); quote whole words, "
                    f"or end the anchor with … to let a suffix follow («{phrase}…»)")
    return ""


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
    if not close:
        return ""
    shown = close[0] if close[0].startswith("«") and close[0].endswith("»") else f"«{close[0]}»"  # (not ««…»»)
    return f" (did you mean {shown}, line {windows[close[0]]}?)"


def attach_annotations(book: Book) -> Book:
    """Each annotation becomes a note whose call follows its anchor phrase."""
    errors: list[SourceError] = []
    for index, annotation in enumerate(book.annotations, start=1):
        try:
            block, _, end = locate(book.blocks, annotation.anchor, "annotation")
        except SourceError as error:
            errors.append(error)
            continue
        key = f"a{index}"
        book.notes.append(Note(key, annotation.body, annotation.origin))
        insert_at(block.children, end, NoteRef(key))
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
            block, start, end = locate(book.blocks, event.anchor, "chronology")
            event.ref = f"{event.id}-ref"
            wrap_range(block.children, start, end,
                       lambda children, e=event: Mark("chrono", e.id, children, id=e.ref))
        except SourceError as error:
            errors.append(error)
        except CrossesFormatting:
            errors.append(SourceError(event.anchor.origin.path, event.anchor.origin.line,
                                      f"chronology anchor «{event.anchor.phrase}» starts inside emphasis or a link and ends "
                                      "outside it; quote a phrase that does not cross formatting"))
    if errors:
        raise SourceErrors(errors)
    return book
