"""A tagged PDF read back as a screen reader would: its structure tree (pikepdf), the marked content of
every page (pikepdf.parse_content_stream), the text of each marked sequence (pdfplumber), and the rules
of PDF/UA-1 a machine can check on them (after veraPDF's PDF/UA-1 profile: 7.1-1/2/3, 7.2-3…20 and 29,
7.4.2, 7.9-1/2, 7.18.3, 7.18.5-1/2, and the parent tree's consistency).

Independent of kitap's own code (kitap/writers/pdftags.py): it reads only the file. Shared by
tests/test_pdf_tags.py (the rules, the figures as targets) and bench/pdf_tags.py (figures before/after).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

TEXT_OPERATORS = frozenset({"Tj", "TJ", "'", '"'})
BLOCK_SEPARATOR = " "
LANG_TAG = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")  # veraPDF 7.2-29
# Parent → kids each structure type allows (veraPDF PDF/UA-1, 7.2-3…20).
ALLOWED_PARENTS = {"TR": {"Table", "THead", "TBody", "TFoot"}, "TH": {"TR"}, "TD": {"TR"}, "THead": {"Table"},
                   "TBody": {"Table"}, "TFoot": {"Table"}, "LI": {"L"}, "LBody": {"LI"}}
ALLOWED_KIDS = {"Table": {"TR", "THead", "TBody", "TFoot", "Caption"}, "TR": {"TH", "TD"},
                "THead": {"TR"}, "TBody": {"TR"}, "TFoot": {"TR"}, "L": {"L", "LI", "Caption"},
                "LI": {"Lbl", "LBody"}}


@dataclass(eq=False)
class Element:
    role: str
    obj: object
    parent: "Element | None"
    kids: list = field(default_factory=list)   # Element | (page, mcid) | ("annotation", objgen)

    def walk(self):
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()

    def contents(self):
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.contents()
            elif kid[0] != "annotation":
                yield kid

    def get(self, key: str) -> str | None:
        value = self.obj.get("/" + key)
        return None if value is None else str(value)


@dataclass
class Sequence:
    """A marked-content sequence of a page's content stream."""

    page: int
    tag: str
    mcid: int | None
    properties: dict
    inside: str | None   # the tag of the sequence it is nested in


@dataclass
class TaggedPdf:
    path: Path
    root: Element
    sequences: list[Sequence]
    untagged_text: int                       # text-showing operators outside any marked content
    drawn: dict[tuple[int, int], str]        # (page, MCID) → text drawn
    annotations: list                        # (page, annotation dictionary)
    parent_tree: dict
    lang: str | None
    pdf: object

    def read(self, content: tuple[int, int]) -> str:
        """The text of a marked sequence as read: its ActualText if it has one, else the text drawn."""
        actual = self.actual.get(content)
        return actual if actual is not None else self.drawn.get(content, "")

    @property
    def actual(self) -> dict:
        return {(s.page, s.mcid): s.properties["ActualText"] for s in self.sequences
                if s.mcid is not None and "ActualText" in s.properties}

    def text(self, element: Element, skip: frozenset = frozenset()) -> str:
        """An element's text in reading order, as read (ActualText), incidental hyphens (U+00AD) dropped;
        the roles in `skip` left out."""
        parts = []
        for kid in element.kids:
            if isinstance(kid, Element):
                text = self.text(kid, skip)
                if kid.role in skip:  # a note call left out leaves the space after it (the line break's)
                    parts.append(text[len(text.rstrip()):])
                else:
                    block = BLOCK_SEPARATOR if kid.role in BLOCKS else ""  # a block starts and ends a run of text
                    parts.append(block + text + block)
            elif kid[0] != "annotation":
                parts.append(self.read(kid))
        return "".join(parts).replace("\u00ad", "")


BLOCKS = frozenset({"P", "H1", "H2", "H3", "H4", "H5", "H6", "Note", "LI", "LBody", "Lbl", "TD", "TH", "TR",
                    "Table", "L", "Sect", "Div", "NonStruct", "Caption", "BlockQuote"})


def read_tagged(path: Path) -> TaggedPdf:
    import pdfplumber
    import pikepdf

    pdf = pikepdf.open(path)
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    tree_root = pdf.Root.StructTreeRoot
    root = Element("StructTreeRoot", tree_root, None)
    _read_kids(root, tree_root, pages, None)
    sequences, untagged, annotations = [], 0, []
    for index, page in enumerate(pdf.pages):
        found, count = _sequences(page, index)
        sequences += found
        untagged += count
        annotations += [(index, annotation) for annotation in page.obj.get("/Annots", [])]
    drawn = defaultdict(str)
    with pdfplumber.open(path) as plumber:
        for index, page in enumerate(plumber.pages):
            for char in page.chars:
                if char.get("mcid") is not None:
                    drawn[index, char["mcid"]] += char["text"]
    lang = str(pdf.Root.Lang) if "/Lang" in pdf.Root else None
    return TaggedPdf(path, root, sequences, untagged, dict(drawn), annotations, _parent_tree(tree_root), lang, pdf)


def _read_kids(element: Element, obj, pages: dict, page: int | None) -> None:
    import pikepdf

    if "/Pg" in obj:
        page = pages[obj.Pg.objgen]
    kids = obj.get("/K")
    kids = [] if kids is None else list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    for kid in kids:
        if not isinstance(kid, pikepdf.Dictionary):
            element.kids.append((page, int(kid)))
        elif kid.get("/Type") == "/MCR":
            element.kids.append((pages[kid.Pg.objgen] if "/Pg" in kid else page, int(kid.MCID)))
        elif kid.get("/Type") == "/OBJR":
            element.kids.append(("annotation", kid.Obj.objgen))
        else:
            child = Element(str(kid.S)[1:], kid, element)
            element.kids.append(child)
            _read_kids(child, kid, pages, page)


def _sequences(page, index: int) -> tuple[list[Sequence], int]:
    import pikepdf

    stack, found, untagged = [], [], 0
    for instruction in pikepdf.parse_content_stream(page.obj):
        operator = str(instruction.operator)
        if operator in ("BDC", "BMC"):
            tag = str(instruction.operands[0])[1:]
            properties = instruction.operands[1] if operator == "BDC" else None
            props = {}
            if isinstance(properties, pikepdf.Dictionary):
                props = {str(k)[1:]: (str(v) if not isinstance(v, int) else int(v)) for k, v in properties.items()}
            found.append(Sequence(index, tag, props.get("MCID"), props, stack[-1] if stack else None))
            stack.append(tag)
        elif operator == "EMC":
            stack.pop()
        elif operator in TEXT_OPERATORS and not stack:
            untagged += 1
    return found, untagged


def _parent_tree(tree_root) -> dict:
    import pikepdf

    entries, todo = {}, [tree_root.ParentTree]
    while todo:
        node = todo.pop()
        nums = list(node.get("/Nums", []))
        for key, value in zip(nums[::2], nums[1::2]):
            entries[int(key)] = value
        todo += list(node.get("/Kids", []))
    return {key: (list(value) if isinstance(value, pikepdf.Array) else value) for key, value in entries.items()}


def elements(tagged: TaggedPdf):
    return [e for e in tagged.root.walk() if e is not tagged.root]


def held(tagged: TaggedPdf) -> set[tuple[int, int]]:
    return set(tagged.root.contents())


# ---- the rules ----------------------------------------------------------------------------------

def violations(tagged: TaggedPdf) -> list[str]:
    """What a PDF/UA-1 checker would report of the rules listed in the module's docstring."""
    found = []
    found += _content_rules(tagged)
    found += _structure_rules(tagged)
    found += _parent_tree_rules(tagged)
    found += _annotation_rules(tagged)
    return found


def _content_rules(tagged: TaggedPdf) -> list[str]:
    found, holding = [], held(tagged)
    for s in tagged.sequences:
        where = f"page {s.page + 1}"
        if s.tag == "Artifact" and s.inside not in (None, "Artifact"):
            found.append(f"7.1-1 {where}: an artifact inside tagged content ({s.inside})")
        if s.mcid is not None and s.inside == "Artifact":
            found.append(f"7.1-2 {where}: tagged content (MCID {s.mcid}) inside an artifact")
        if s.mcid is not None and (s.page, s.mcid) not in holding:
            found.append(f"7.1-3 {where}: MCID {s.mcid} ({tagged.drawn.get((s.page, s.mcid), '')!r}) is neither in "
                         f"the structure tree nor an artifact")
    if tagged.untagged_text:
        found.append(f"7.1-3: {tagged.untagged_text} text operators outside any marked content")
    return found


def _structure_rules(tagged: TaggedPdf) -> list[str]:
    found, ids, levels = [], Counter(), []
    for e in elements(tagged):
        parent = e.parent.role if e.parent else None
        if e.role in ALLOWED_PARENTS and parent not in ALLOWED_PARENTS[e.role]:
            found.append(f"7.2: {e.role} inside {parent}")
        kid_roles = [k.role for k in e.kids if isinstance(k, Element)]
        if e.role in ALLOWED_KIDS and set(kid_roles) - ALLOWED_KIDS[e.role]:
            found.append(f"7.2: {e.role} holds {sorted(set(kid_roles) - ALLOWED_KIDS[e.role])}")
        if e.role == "Table" and kid_roles.count("THead") > 1:
            found.append("7.2-11: a Table with more than one THead")
        if e.get("Lang") is not None and not LANG_TAG.match(e.get("Lang")):
            found.append(f"7.2-29: Lang {e.get('Lang')!r} is not a language tag")
        if e.role == "Note":
            if not e.get("ID"):
                found.append("7.9-1: a Note without ID")
            ids[e.get("ID")] += 1
        if re.fullmatch(r"H[1-6]?", e.role):
            levels += [int(e.role[1:] or 0)]
            if not tagged.text(e).strip():
                found.append(f"7.4: an empty heading {e.role}")
    found += [f"7.9-2: Note ID {ident!r} used {n} times" for ident, n in ids.items() if ident and n > 1]
    if levels and levels[0] != 1:
        found.append(f"7.4.2: the first heading is H{levels[0]}")
    found += [f"7.4.2: H{a} followed by H{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    return found


def _parent_tree_rules(tagged: TaggedPdf) -> list[str]:
    found = []
    for e in elements(tagged):
        for kid in e.kids:
            if isinstance(kid, Element) or kid[0] == "annotation":
                continue
            page, mcid = kid
            number = int(tagged.pdf.pages[page].obj.StructParents)
            entries = tagged.parent_tree.get(number, [])
            owner = entries[mcid] if mcid < len(entries) else None
            if owner is None or owner.objgen != e.obj.objgen:
                found.append(f"parent tree: page {page + 1} MCID {mcid} is not mapped to the {e.role} holding it")
    return found


def _annotation_rules(tagged: TaggedPdf) -> list[str]:
    found = []
    for page, annotation in tagged.annotations:
        if str(annotation.get("/Subtype")) != "/Link":
            continue
        if "/Tabs" not in tagged.pdf.pages[page].obj or str(tagged.pdf.pages[page].obj.Tabs) != "/S":
            found.append(f"7.18.3 page {page + 1}: a page with annotations has no /Tabs /S")
        owner = tagged.parent_tree.get(int(annotation.get("/StructParent", -1)))
        if owner is None or str(owner.get("/S")) != "/Link":
            found.append(f"7.18.5-1 page {page + 1}: a link annotation not nested in a Link element")
        if not str(annotation.get("/Contents", "")):
            found.append(f"7.18.5-2 page {page + 1}: a link annotation without Contents")
    return found


# ---- the figures ----------------------------------------------------------------------------------

def figures(tagged: TaggedPdf, paragraphs: list[str] | None = None) -> dict[str, int]:
    """What bench/RESULTS.md reports of one PDF (issue 16, part 7)."""
    holding, all_elements = held(tagged), elements(tagged)
    marked = [s for s in tagged.sequences if s.mcid is not None]
    roles = Counter(e.role for e in all_elements)
    paragraphs_p = [e for e in all_elements if e.role == "P"]
    result = {
        "marked sequences": len(marked),
        "unreferenced marked content": sum((s.page, s.mcid) not in holding for s in marked),
        "untagged text operators": tagged.untagged_text,
        "artifacts": sum(s.tag == "Artifact" for s in tagged.sequences),
        "artifacts: running heads, folios": sum(s.tag == "Artifact" and s.properties.get("Subtype") in ("/Header", "/Footer")
                                                 for s in tagged.sequences),
        "Note": roles["Note"],
        "Note with ID": sum(1 for e in all_elements if e.role == "Note" and e.get("ID")),
        "Reference": roles["Reference"],
        "P": roles["P"],
        "P in P": sum(1 for e in paragraphs_p if _has_ancestor(e, "P")),
        "P across pages": sum(1 for e in paragraphs_p if len({page for page, _ in e.contents()}) > 1),
        "elements with /Lang": sum(1 for e in all_elements if e.get("Lang")),
        "line-end hyphens read": sum(1 for c in holding if tagged.drawn.get(c, "").endswith("\u2010")
                                     and not tagged.read(c).endswith("\u00ad")),
        "Table": roles["Table"],
        "L": roles["L"],
        "rule violations": len(violations(tagged)),
    }
    if paragraphs is not None:
        result["paragraphs not read whole in one P"] = len(paragraphs) - len(whole_paragraphs(tagged, paragraphs))
    return result


def _has_ancestor(element: Element, role: str) -> bool:
    parent = element.parent
    while parent is not None:
        if parent.role == role:
            return True
        parent = parent.parent
    return False


def squeeze(text: str) -> str:
    """For comparing text across formats: no-break spaces as spaces, whitespace collapsed, a space before
    closing punctuation (left by a removed note call) closed; the no-break hyphen print binds a suffix with
    («168‑ші») read as the author's hyphen."""
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u2011", "-")).strip()
    return re.sub(r" ([,.;:!?»)])", r"\1", text)


PARAGRAPH_SKIP = frozenset({"Reference", "Note", "NonStruct"})  # note calls, notes, the margin's paragraph number


def paragraph_texts(tagged: TaggedPdf) -> list[str]:
    """The text of each P as read, without note calls, notes and paragraph numbers."""
    return [squeeze(tagged.text(e, PARAGRAPH_SKIP)) for e in elements(tagged) if e.role == "P"]


def whole_paragraphs(tagged: TaggedPdf, paragraphs: list[str]) -> list[str]:
    """The paragraphs (source text) that some P reads whole: exactly its text."""
    texts = set(paragraph_texts(tagged))
    return [p for p in paragraphs if squeeze(p) in texts]
