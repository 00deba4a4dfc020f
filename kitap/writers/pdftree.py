"""The structure tree a screen reader can follow, made from the one WeasyPrint writes (pure transforms).

WeasyPrint builds the tree page by page from the boxes, so (measured on the seed's A4 handout) the
article is one Sect per page with that page's footnotes in between — a paragraph split across pages
reads "…са‐ [notes 1–3] ясатын…" —, a paragraph with a margin number is a P in a P, a list set out as a
table is an L in an L in an L, a table over two pages is two tables (the second with the header row
laid out again), footnotes are anonymous spans and their calls loose numbers, every text box is a Span
of its own, `lang` is lost, and the hyphen added at a line end is read as part of the word. With the
record kitap/weasy/tagging.py keeps of where each element came from (`Source`), `rebuild` makes:

- one structure element per HTML element: the pieces of an element split across pages joined (a
  repeated table header left out, its header IDs mapped to the first's), anonymous boxes of an element
  inside it dissolved, WeasyPrint's one-Span-per-text-box wrappers removed;
- footnotes as Note (with the element's id as /ID), each after the paragraph of its call, the call a
  Reference holding a Link to the note (a link annotation to the note's destination, described by the
  note's text), the note's number a Lbl;
- a list item's own content (an `<li>` holding paragraphs) in an LBody;
- /Lang on an element whose `lang` differs from its surroundings', /E (expansion) on `<abbr title>`,
  /Scope on table header cells;
- the text as read (ActualText of a marked text): a hyphen added at a line end as U+00AD, the space a
  line break took away put back, so words read whole.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterator

from ..weasy.tagging import Mark, Source

PARAGRAPHS = frozenset({"P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "Caption", "Lbl"})  # a note follows these
INLINE_ROLES = frozenset({"Span", "Link", "Reference", "Quote", "Code", "BibEntry", "Annot", "Ruby", "Warichu"})
SOFT_HYPHEN = "\u00ad"
# After these a line may break with no space taken away (UAX 14 break-after classes kitap's text uses).
NO_SPACE_AFTER = frozenset("-\u2010\u2011\u2012\u2013\u2014/\u200b" + SOFT_HYPHEN)
# Roles given to elements made from these boxes: (what the source says) → role.
PSEUDO_ROLES = {"footnote-call": "Reference", "footnote-marker": "Lbl"}


@dataclass(frozen=True)
class Content:
    """A marked-content sequence: its page (index) and MCID."""

    page: int
    mcid: int


@dataclass(frozen=True)
class NoteLink:
    """A link annotation to make, from a note call to its note."""

    page: int
    area: tuple[float, float, float, float]  # x, y, width, height in CSS px from the page's top left
    destination: str                         # the note's named destination (its id)
    contents: str                            # the link's description: the note's text


@dataclass(eq=False)
class Annotation:
    """A reference to an annotation (its OBJR dictionary, the writer's business), or one to make."""

    obj: object = None
    link: NoteLink | None = None


@dataclass(eq=False)
class Node:
    """A structure element."""

    role: str
    source: Source | None = None
    kids: list = field(default_factory=list)   # Node | Content | Annotation, in reading order
    obj: object = None                         # the PDF dictionary it was read from (None: one to make)
    page: int | None = None
    number: int | None = None                  # its PDF object number
    attrs: dict = field(default_factory=dict)  # ID, Lang, E, Scope to write

    @property
    def inline(self) -> bool:
        return self.source.inline if self.source else self.role in INLINE_ROLES


@dataclass
class Rebuilt:
    renamed: dict[str, str]           # IDs of left-out repeated header cells → the first header's ID
    actual_texts: dict[Content, str]  # the text as read, where it differs from the text drawn


def walk(node: Node) -> Iterator[Node]:
    yield node
    for kid in node.kids:
        if isinstance(kid, Node):
            yield from walk(kid)


def rebuild(root: Node, marks: dict[tuple[int, int], Mark], lang: str | None,
            calls: dict[int, tuple[int, tuple]] | None = None) -> Rebuilt:
    """The tree under `root` (the Document element) rebuilt in place; see the module's docstring.
    `calls`: where each note call is (by its element's object number), to link it to its note."""
    unwrap_text_spans(root)
    name_roles(root, lang)
    flatten(root)
    notes: list[Node] = []
    detach_notes(root, notes)
    renamed = merge(root)
    attach_notes(root, notes)
    gather_annotations(root)
    scope_headers(root)
    list_bodies(root)
    texts = actual_texts(root, marks)
    link_calls(root, calls or {}, lambda content: texts.get(content) or _drawn(marks, content))
    return Rebuilt(renamed, texts)


def unwrap_text_spans(node: Node) -> None:
    """WeasyPrint wraps every text box in a Span of its own (no source: made for the box, not an element);
    the marked text belongs to the element itself."""
    kids = []
    for kid in node.kids:
        if isinstance(kid, Node):
            if kid.source is None and kid.role == "Span" and all(isinstance(k, Content) for k in kid.kids):
                kids.extend(kid.kids)
                continue
            unwrap_text_spans(kid)
        kids.append(kid)
    node.kids = kids


def name_roles(node: Node, lang: str | None, paragraph: bool = False) -> None:
    """Note, Reference, Lbl; Span for inline elements WeasyPrint calls NonStruct, P for block-level
    elements it calls Span (a `<span>` set as a block: read as a paragraph of its own, not run into the
    text before it), unless inside a paragraph; /Lang, /E."""
    for kid in node.kids:
        if not isinstance(kid, Node):
            continue
        inherited = lang
        source = kid.source
        if source is not None:
            if source.note:
                kid.role = "Note"
                kid.attrs["ID"] = source.ident or f"note-{source.serial}"
            elif source.pseudo in PSEUDO_ROLES:
                kid.role = PSEUDO_ROLES[source.pseudo]
            elif kid.role == "NonStruct" and source.inline:
                kid.role = "Span"
            elif kid.role == "Span" and source.block and not paragraph:
                kid.role = "P"
            if source.title:
                kid.attrs["E"] = source.title
            if source.lang and source.lang != lang:
                kid.attrs["Lang"] = inherited = source.lang
        name_roles(kid, inherited, paragraph or kid.role in PARAGRAPHS)


def _same(a: Node, b: Node) -> bool:
    return a.source is not None and b.source is not None and a.source.key == b.source.key and a.role == b.role


def flatten(node: Node) -> None:
    """An anonymous box of an element inside the element's own box (a P in a P, an L in an L, a
    NonStruct in a table cell) is the element itself."""
    kids = []
    for kid in node.kids:
        if isinstance(kid, Node):
            flatten(kid)
            if kid.source is not None and node.source is not None and kid.source.key == node.source.key \
                    and kid.role in (node.role, "NonStruct"):
                kids.extend(kid.kids)
                continue
        kids.append(kid)
    node.kids = kids


def detach_notes(node: Node, notes: list[Node]) -> None:
    """Take the notes out of the footnote areas (left empty, they go too)."""
    kids = []
    for kid in node.kids:
        if isinstance(kid, Node):
            if kid.role == "Note":
                notes.append(kid)
                continue
            before = len(notes)
            detach_notes(kid, notes)
            if not kid.kids and len(notes) > before:
                continue
        kids.append(kid)
    node.kids = kids


def merge(node: Node, renamed: dict[str, str] | None = None) -> dict[str, str]:
    """Join adjacent pieces of one element (an element split across pages), at every depth."""
    renamed = {} if renamed is None else renamed
    kids: list = []
    for kid in node.kids:
        if isinstance(kid, Node) and kids and isinstance(kids[-1], Node) and _same(kids[-1], kid):
            _absorb(kids[-1], kid, renamed)
        else:
            kids.append(kid)
    node.kids = kids
    for kid in kids:
        if isinstance(kid, Node):
            merge(kid, renamed)
    return renamed


def _absorb(into: Node, other: Node, renamed: dict[str, str]) -> None:
    for kid in other.kids:
        last = into.kids[-1] if into.kids else None
        if isinstance(kid, Node) and isinstance(last, Node) and _same(last, kid):
            _absorb(last, kid, renamed)
            continue
        first = next((k for k in into.kids if isinstance(k, Node) and isinstance(kid, Node) and _same(k, kid)), None)
        if first is not None:  # the same element again, not next to itself: a table header repeated on a new page
            _map_ids(kid, first, renamed)
            continue
        into.kids.append(kid)


def _map_ids(repeat: Node, first: Node, renamed: dict[str, str]) -> None:
    ids = {node.source.key: node.attrs["ID"] for node in walk(first) if node.source and "ID" in node.attrs}
    for node in walk(repeat):
        if node.source and "ID" in node.attrs and node.source.key in ids:
            renamed[node.attrs["ID"]] = ids[node.source.key]


def _parents(root: Node) -> dict[int, Node]:
    return {id(kid): node for node in walk(root) for kid in node.kids if isinstance(kid, Node)}


def attach_notes(root: Node, notes: list[Node]) -> None:
    """Each note after the paragraph of its call (after the others of that paragraph), or, where the call
    is not in a paragraph, at the end of the element holding it; a note without a call at the end."""
    joined: dict[tuple, Node] = {}
    for note in notes:  # a note split across pages, joined
        if note.source.key in joined:
            _absorb(joined[note.source.key], note, {})
        else:
            joined[note.source.key] = note
    parents = _parents(root)
    calls = {node.source.serial: node for node in walk(root) if node.role == "Reference" and node.source}
    placed: dict[int, int] = defaultdict(int)
    for note in joined.values():
        call = calls.get(note.source.serial)
        holder, after = _place(call, parents) if call is not None else (root, None)
        if after is None:
            holder.kids.append(note)
        else:
            placed[id(after)] += 1
            holder.kids.insert(holder.kids.index(after) + placed[id(after)], note)


def _place(call: Node, parents: dict[int, Node]) -> tuple[Node, Node | None]:
    node = parents[id(call)]
    while node.role not in PARAGRAPHS:
        if not node.inline or id(node) not in parents:
            return node, None
        node = parents[id(node)]
    return parents[id(node)], node


def gather_annotations(node: Node, link: Node | None = None) -> None:
    """A link annotation belongs to its Link element (WeasyPrint gives the inline elements inside a link
    annotations of their own, under them)."""
    if node.role == "Link":
        link = node
    kids = []
    for kid in node.kids:
        if isinstance(kid, Annotation) and link is not None and link is not node:
            link.kids.append(kid)
            continue
        if isinstance(kid, Node):
            gather_annotations(kid, link)
        kids.append(kid)
    node.kids = kids


def _drawn(marks: dict[tuple[int, int], Mark], content: Content) -> str:
    mark = marks.get((content.page, content.mcid))
    return mark.text[:len(mark.text) - len(mark.hyphen)] if mark else ""


def link_calls(root: Node, calls: dict[int, tuple[int, tuple]], read) -> None:
    """Each note call (Reference) a link to its note: a Link holding the call's text and a link annotation
    to the note's destination, described by the note's text."""
    notes = {node.source.serial: node for node in walk(root) if node.role == "Note" and node.source}
    for node in list(walk(root)):
        note = notes.get(node.source.serial) if node.role == "Reference" and node.source else None
        if note is None or node.number not in calls:
            continue
        page, area = calls[node.number]
        text = re.sub(r" +", " ", "".join(read(c) for c, _ in reading_order(note)).replace(SOFT_HYPHEN, "")).strip()
        link = Annotation(link=NoteLink(page, area, note.attrs["ID"], text))
        node.kids = [Node("Link", kids=[*node.kids, link], page=page)]


def scope_headers(root: Node) -> None:
    """Header cells of a table's head are column headers; others, row headers."""
    parents = _parents(root)
    for node in walk(root):
        if node.role == "TH":
            row = parents.get(id(node))
            group = parents.get(id(row)) if row is not None else None
            node.attrs.setdefault("Scope", "Column" if group is not None and group.role == "THead" else "Row")


def list_bodies(root: Node) -> None:
    """A list item holds a label and a body only (ISO 32000-1, 14.8.4.3.3): what WeasyPrint puts in it
    directly (an `<li>` holding paragraphs) goes into one LBody."""
    for node in walk(root):
        if node.role != "LI" or all(isinstance(k, Node) and k.role in ("Lbl", "LBody") for k in node.kids):
            continue
        kids, body = [], None
        for kid in node.kids:
            if isinstance(kid, Node) and kid.role in ("Lbl", "LBody"):
                kids.append(kid)
                body = None
                continue
            if body is None:
                body = Node("LBody", page=node.page)
                kids.append(body)
            body.kids.append(kid)
        node.kids = kids


def reading_order(node: Node, block: Node | None = None) -> Iterator[tuple[Content, Node]]:
    """Every marked text in reading order, with the block element it belongs to."""
    block = node if block is None or not node.inline else block
    for kid in node.kids:
        if isinstance(kid, Content):
            yield kid, block
        elif isinstance(kid, Node):
            yield from reading_order(kid, block)


def actual_texts(root: Node, marks: dict[tuple[int, int], Mark]) -> dict[Content, str]:
    """The text as read of the marked texts that end a line inside a block: an added hyphen read as
    U+00AD (ISO 32000-1, 14.8.2.2.3: an incidental word break), the space the break took away put back
    (14.8.2.5: word breaks are spaces in the text, even at a line end); and of spaces drawn as nothing."""
    order = list(reading_order(root))
    texts = {}
    for content, _block in order:
        mark = marks.get((content.page, content.mcid))
        if mark is not None and mark.text and not mark.text.strip():
            texts[content] = " "  # a space between two inline boxes, which WeasyPrint draws as no glyph at all
    for (content, block), (following, next_block) in zip(order, order[1:]):
        mark = marks.get((content.page, content.mcid))
        if mark is None or not mark.line_end or next_block is not block or content in texts:
            continue
        after = marks.get((following.page, following.mcid))
        text = mark.text.replace(SOFT_HYPHEN, "")
        if mark.hyphen:
            texts[content] = mark.text[:-len(mark.hyphen)].replace(SOFT_HYPHEN, "") + SOFT_HYPHEN
        elif (not text or text[-1] not in NO_SPACE_AFTER and not text[-1].isspace()) \
                and after is not None and after.text and not after.text[0].isspace():
            texts[content] = text + " "  # (an empty text ending a line: its spaces, taken by the break)
    # read as the author typed it: kitap's no-break spaces and hyphens (kitap/lines) as spaces and hyphens
    return {content: text.translate(AS_TYPED) for content, text in texts.items()}


AS_TYPED = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2011": "-"})
