"""Marking the persons' mentions in the text: the first free one (not inside a link) becomes a link to
the person's entry; every one gets an id, so the entry can list its pages or paragraphs."""
from __future__ import annotations

from ...errors import SourceError, SourceErrors
from ...model import Book, Link, Mark, Styled, Foreign
from ...transforms.anchors import find_phrase
from ...transforms.inline_ops import CrossesFormatting, length, plain_text, wrap_range

MARK, USE = "person", "person-use"


def _linked(children, start: int, end: int, offset: int = 0) -> bool:
    """Whether text between two offsets lies in, or holds, a link (a mark that links, or a web link):
    another link may not go there."""
    for node in children:
        size = length(node)
        if offset < end and start < offset + size:
            if isinstance(node, Link) or (isinstance(node, Mark) and not node.kind.endswith("-use")):
                return True
            if isinstance(node, Mark) and _linked(node.children, start, end, offset):
                return True
            if isinstance(node, (Styled, Foreign)) and _linked(node.children, start, end, offset):
                return True
        offset += size
    return False


def link_persons(book: Book) -> Book:
    errors: list[SourceError] = []
    for person in book.appendices.get("persons", []):
        found = sorted((index, start, -end) for mention in person.mentions
                       for index, block in enumerate(book.blocks)
                       for start, end in find_phrase(plain_text(block.children), mention.phrase))
        hits = []  # the longest phrase at a place («Шоқан Уәлихановтың», not «Шоқан» inside it), none overlapping
        for index, start, end in found:
            if not hits or hits[-1][0] != index or start >= hits[-1][2]:
                hits.append((index, start, -end))
        for mention in person.mentions:
            if not any(find_phrase(plain_text(b.children), mention.phrase) for b in book.blocks):
                whose = f" ({person.name})" if mention.phrase != person.name else ""  # (not «Абай» (Абай) again)
                errors.append(SourceError(mention.origin.path, mention.origin.line,
                                          f"mention «{mention.phrase}»{whose} is not in the article; "
                                          "copy the phrase exactly from the text (end it with … to let a suffix follow)"))
        linked = False
        for number, (index, start, end) in enumerate(hits, start=1):
            children = book.blocks[index].children
            kind = USE if linked or _linked(children, start, end) else MARK
            ident = f"{person.id}-u{number}"
            try:
                wrap_range(children, start, end, lambda inner, k=kind, i=ident: Mark(k, person.id, inner, id=i))
            except CrossesFormatting:
                continue  # a mention that starts inside emphasis and ends outside it: left unmarked
            linked = linked or kind == MARK
            person.uses.append(ident)
    if errors:
        raise SourceErrors(errors)
    return book
