"""A sound tagged PDF (PDF/UA-1): WeasyPrint's structure tree read with pikepdf, rebuilt, written back.

PDF/UA-1 (ISO 14289-1, 7.1) wants every content item either in the structure tree or marked as an
artifact. WeasyPrint 70 tags the running heads and folios (margin boxes) as marked content that no
structure element holds, and marks nothing but rules and borders as artifacts. Here:

1. the tree is read into kitap/writers/pdftree.py's model and, with the record kitap/weasy/tagging.py
   kept while WeasyPrint wrote it, rebuilt there (notes, one element per paragraph, /Lang …); the link
   annotations it asks for (from each note call to its note) are made;
2. every marked-content sequence the tree does not hold (margin boxes, a repeated table header) becomes
   an /Artifact (pagination: a running head, a folio) in the page's content stream, and a marked text
   read otherwise than drawn (a line-end hyphen, a space taken by a line break) gets its /ActualText;
3. the structure elements and the parent tree (content → element) are written again from the model.

Without the record (another WeasyPrint, or KITAP_PDF_TAGS=0) only step 2's artifacts are made, and link
annotations are put in their Link elements.

The text a reader copies or searches is the author's: the no-break spaces and hyphens kitap sets where a
line may not break (kitap/lines, the large print's compounds) are read as the space and hyphen the author
typed (each font's ToUnicode map), so «Біріккен Ұлттар» copied from the page is found with a typed space. The bytes
depend only on the input: the file identifier's first half (the book's) is kept, the second is derived
from the content.
"""
from __future__ import annotations

import io
import re

from ..weasy.tagging import TagRecord
from .pdftree import Annotation, Content, Node, Rebuilt, gather_annotations, rebuild, walk

ARTIFACT_TYPE = "/Pagination"  # running heads, folios and repeated table headers are all made by pagination
STRING_ATTRS = ("ID", "Lang", "E")


def sound_tags(data: bytes, record: TagRecord | None) -> bytes:
    """The tagged PDF `data` with its structure tree rebuilt (see the module's docstring)."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(data))
    tree_root = pdf.Root.get("/StructTreeRoot")
    if tree_root is None:
        return _saved(pdf) if plain_text_layer(pdf) else data
    plain_text_layer(pdf)
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    document = _read(tree_root.K[0], pages, record, None)
    if record is not None:
        lang = str(pdf.Root.Lang) if "/Lang" in pdf.Root else None
        rebuilt = rebuild(document, record.marks, lang, record.calls)
    else:  # what needs no record: link annotations in their Link elements
        gather_annotations(document)
        rebuilt = Rebuilt({}, {})
    _write(pdf, document, tree_root, rebuilt.renamed)
    held = {content for node in walk(document) for content in node.kids if isinstance(content, Content)}
    mcids = _mark_contents(pdf, held, rebuilt.actual_texts, record.margins if record else {})
    _write_parent_tree(pdf, document, tree_root, mcids)
    return _saved(pdf)


def _saved(pdf) -> bytes:
    import pikepdf

    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


# What kitap sets for the line breaking, read as what the author typed: no-break space, narrow no-break space,
# no-break hyphen (UTF-16BE hex, as a ToUnicode map writes them)
READ_AS = {"00a0": "0020", "202f": "0020", "2011": "002d"}
TO_UNICODE_ENTRY = re.compile(rb"(<[0-9a-fA-F]+>\s*<)(00[aA]0|202[fF]|2011)(>)")


def plain_text_layer(pdf) -> bool:
    """Each font's ToUnicode map reads the no-break space and hyphen as a space and a hyphen; whether any
    map changed."""
    import pikepdf

    changed, seen = False, set()
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        for font in fonts.values() if isinstance(fonts, pikepdf.Dictionary) else ():
            stream = font.get("/ToUnicode")
            if stream is None or stream.objgen in seen:
                continue
            seen.add(stream.objgen)
            data = stream.read_bytes()
            plain = TO_UNICODE_ENTRY.sub(lambda m: m[1] + READ_AS[m[2].decode().lower()].encode() + m[3], data)
            if plain != data:
                stream.write(plain)
                changed = True
    return changed


def _kids(obj) -> list:
    import pikepdf

    kids = obj.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _read(obj, pages: dict, record: TagRecord | None, page: int | None) -> Node:
    import pikepdf

    if "/Pg" in obj:
        page = pages[obj.Pg.objgen]
    node = Node(str(obj.S)[1:], record.elements.get(obj.objgen[0]) if record else None, obj=obj, page=page,
                number=obj.objgen[0])
    if "/ID" in obj:
        node.attrs["ID"] = str(obj.ID)
    for kid in _kids(obj):
        if not isinstance(kid, pikepdf.Dictionary):
            node.kids.append(Content(page, int(kid)))
        elif kid.get("/Type") == "/MCR":
            node.kids.append(Content(pages[kid.Pg.objgen] if "/Pg" in kid else page, int(kid.MCID)))
        elif kid.get("/Type") == "/OBJR":
            node.kids.append(Annotation(kid))
        else:
            node.kids.append(_read(kid, pages, record, page))
    return node


def _write(pdf, document: Node, tree_root, renamed: dict[str, str]) -> None:
    """Each element's dictionary rewritten from the model: role, parent, page, kids, attributes."""
    import pikepdf

    tree_root.K = pikepdf.Array([document.obj])
    keys = _struct_parent_keys(pdf)
    todo = [(document, tree_root)]
    while todo:
        node, parent = todo.pop()
        obj = node.obj
        for kid in node.kids:  # the elements and annotations the rebuilt tree asks for, made
            if isinstance(kid, Node) and kid.obj is None:
                kid.obj = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem))
            elif isinstance(kid, Annotation) and kid.obj is None:
                kid.obj = _note_link(pdf, kid.link, next(keys))
        obj.S = pikepdf.Name("/" + node.role)
        obj.P = parent
        direct = [kid.page for kid in node.kids if isinstance(kid, Content)]
        page = direct[0] if direct else node.page
        if page is not None:
            obj.Pg = pdf.pages[page].obj
        kids = [_kid(pdf, kid, page) for kid in node.kids]
        obj.K = kids[0] if len(kids) == 1 else pikepdf.Array(kids)  # one kid: itself (as PDF allows, and checkers read)
        for name in STRING_ATTRS:
            if name in node.attrs:
                obj[f"/{name}"] = pikepdf.String(node.attrs[name])
        _table_attributes(obj, node, renamed)
        todo.extend((kid, obj) for kid in reversed(node.kids) if isinstance(kid, Node))


PX = 0.75  # a CSS pixel in PDF points (WeasyPrint's scale; kitap's pages have no bleed)
LINK_FLAGS = 4  # print: annotations must print in PDF/A


def _struct_parent_keys(pdf):
    """Parent tree keys not yet used (WeasyPrint numbers the pages, then its link annotations)."""
    used = [int(page.obj.get("/StructParents", -1)) for page in pdf.pages]
    used += [int(a.get("/StructParent", -1)) for page in pdf.pages for a in page.obj.get("/Annots", [])]
    key = max(used, default=-1) + 1
    while True:
        yield key
        key += 1


def _note_link(pdf, link, key: int):
    """A link annotation from a note call to its note, on the call's page; its OBJR."""
    import pikepdf

    page = pdf.pages[link.page].obj
    x, y, width, height = link.area
    top = float(page.MediaBox[3])
    annotation = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, F=LINK_FLAGS, BS=pikepdf.Dictionary(W=0),
        Rect=pikepdf.Array([round(x * PX, 3), round(top - (y + height) * PX, 3), round((x + width) * PX, 3),
                            round(top - y * PX, 3)]),
        Dest=pikepdf.String(link.destination), Contents=pikepdf.String(link.contents), StructParent=key))
    if "/Annots" not in page:
        page.Annots = pikepdf.Array()
    page.Annots.append(annotation)
    return pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=annotation, Pg=page)


def _kid(pdf, kid, page: int | None):
    import pikepdf

    if isinstance(kid, Node):
        return kid.obj
    if isinstance(kid, Annotation):
        return kid.obj
    if kid.page == page:
        return kid.mcid
    return pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=pdf.pages[kid.page].obj, MCID=kid.mcid)


def _table_attributes(obj, node: Node, renamed: dict[str, str]) -> None:
    import pikepdf

    attributes = obj.get("/A")
    if "Scope" in node.attrs:
        if attributes is None:
            attributes = obj.A = pikepdf.Dictionary(O=pikepdf.Name.Table)
        attributes.Scope = pikepdf.Name("/" + node.attrs["Scope"])
    if attributes is not None and "/Headers" in attributes and renamed:
        headers = [renamed.get(str(header), str(header)) for header in attributes.Headers]
        attributes.Headers = pikepdf.Array([pikepdf.String(header) for header in dict.fromkeys(headers)])


def _mark_contents(pdf, held: set[Content], texts: dict[Content, str], margins: dict) -> dict[int, int]:
    """Each page's marked content: what the tree does not hold made an artifact, ActualText added where
    the text is read otherwise than drawn. Returns the number of MCIDs of each page."""
    import pikepdf

    counts = {}
    for index, page in enumerate(pdf.pages):
        instructions, changed, count = [], False, 0
        for instruction in pikepdf.parse_content_stream(page.obj):
            operands = instruction.operands
            if str(instruction.operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) \
                    and "/MCID" in operands[1]:
                content = Content(index, int(operands[1].MCID))
                count = max(count, content.mcid + 1)
                if content not in held:
                    operands = [pikepdf.Name.Artifact, _artifact((index, content.mcid), margins)]
                elif content in texts:
                    properties = pikepdf.Dictionary(operands[1])
                    properties.ActualText = pikepdf.String(texts[content])
                    operands = [operands[0], properties]
                if operands is not instruction.operands:
                    instruction, changed = pikepdf.ContentStreamInstruction(operands, instruction.operator), True
            instructions.append(instruction)
        if changed:
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
        counts[index] = count
    return counts


def _artifact(mark: tuple[int, int], margins: dict):
    import pikepdf

    properties = pikepdf.Dictionary(Type=pikepdf.Name(ARTIFACT_TYPE))
    if margins.get(mark):
        properties.Subtype = pikepdf.Name("/" + margins[mark])
    return properties


def _write_parent_tree(pdf, document: Node, tree_root, mcids: dict[int, int]) -> None:
    """The parent tree again: for each page, the element holding each MCID (null for artifacts); for
    each annotation, the element holding it."""
    import pikepdf

    owners, annotations = {}, {}
    for node in walk(document):
        for kid in node.kids:
            if isinstance(kid, Content):
                owners[kid] = node.obj
            elif isinstance(kid, Annotation) and "/StructParent" in kid.obj.Obj:
                annotations[int(kid.obj.Obj.StructParent)] = node.obj
    numbers = {}
    for index, page in enumerate(pdf.pages):
        if "/StructParents" in page.obj:
            numbers[int(page.obj.StructParents)] = pikepdf.Array(
                [owners.get(Content(index, mcid)) for mcid in range(mcids[index])])
    numbers.update(annotations)
    # One Array made at once: extending a pikepdf Array entry by entry copies it each time (2.4 s for a
    # volume's 41 pages of appendices with 1,700 keys).
    tree_root.ParentTree.Nums = pikepdf.Array([item for key in sorted(numbers) for item in (key, numbers[key])])
    tree_root.ParentTreeNextKey = max(numbers, default=-1) + 1
