"""Join tagged PDFs laid out one by one (a volume's title page, its chapters, its appendices) into one
tagged PDF, with pikepdf: what WeasyPrint would have written had it laid them out as one document.

- pages in order, the first part's catalog kept (its metadata, language, PDF/UA or PDF/A identification);
- one structure tree: every part's top-level elements under the first part's Document element, the
  parent tree renumbered (pages' /StructParents, annotations' /StructParent), so every mark of content
  still finds its element;
- one set of named destinations; links between parts, which each part writes as the URI `kitap:ID`
  (render.targets.LINK_SCHEME: WeasyPrint keeps only links to anchors in the document it lays out),
  become links to those destinations;
- one outline (bookmarks) from the parts' bookmarks with their absolute levels, so a chapter goes under
  the part heading of an earlier part;
- folios stamped on the pages that were laid out without them (the chapters, laid out before their
  page numbers were known), marked as artifacts: they are not part of the text for a screen reader.
"""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

LINK_SCHEME = "kitap:"
PX = 0.75  # a CSS px in PDF points


@dataclass(frozen=True)
class Bookmark:
    """A bookmark of a part: its page (0-based, in the joined PDF), level, label and place (CSS px from
    the page's top left)."""

    page: int
    level: int
    label: str
    x: float
    y: float


def bookmarks_of(document, first_page: int = 0) -> list[Bookmark]:
    """The bookmarks of a laid-out WeasyPrint document, its pages counted from `first_page`."""
    return [Bookmark(first_page + index, level, label, x, y)
            for index, page in enumerate(document.pages)
            for level, label, (x, y), _ in page.bookmarks]


def join(parts: list, bookmarks: list[Bookmark], folios: dict[int, int] | None = None,
         folio_pdf: bytes | None = None) -> tuple[bytes, list[str]]:
    """The joined PDF and the kitap: links that found no destination (none, unless a part is missing).
    `parts`: each a PDF, or (after the first) a function giving it when the join comes to it (one being
    written meanwhile). `folios` maps a page of the joined PDF (0-based) to the page of `folio_pdf`
    stamped on it."""
    import pikepdf

    base = pikepdf.open(io.BytesIO(parts[0]))
    tree = base.Root.get("/StructTreeRoot")
    document = tree.K[0] if tree is not None else None
    if document is not None:
        document.K = _kid_array(document)
    nums = list(tree.ParentTree.Nums) if tree is not None else []
    next_key = _next_key(nums)
    dests = _dests(base)
    sources = []
    for data in parts[1:]:
        part = pikepdf.open(io.BytesIO(data() if callable(data) else data))
        sources.append(part)  # kept open until the joined PDF is written
        start = len(base.pages)
        with warnings.catch_warnings():
            # pikepdf warns that extend() leaves named destinations behind: they are merged below (_dests)
            warnings.simplefilter("ignore", pikepdf.exceptions.PageCopyWarning)
            base.pages.extend(part.pages)
        part_tree = part.Root.get("/StructTreeRoot")
        if part_tree is not None and tree is not None:
            offset = next_key
            for page in base.pages[start:]:
                if "/StructParents" in page.obj:
                    page.obj.StructParents = int(page.obj.StructParents) + offset
                for annotation in page.obj.get("/Annots", []):
                    if "/StructParent" in annotation:
                        annotation.StructParent = int(annotation.StructParent) + offset
            part_document = part_tree.K[0]
            kids = _copy(base, _kid_array(part_document))
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary):
                    kid.P = document
                document.K.append(kid)
            part_nums = list(part_tree.ParentTree.Nums)
            for index in range(0, len(part_nums), 2):
                nums += [int(part_nums[index]) + offset, _copy(base, part_nums[index + 1])]
            next_key = offset + _next_key(part_nums)
        for name, destination in _dests(part).items():
            dests.setdefault(name, _copy(base, destination))
    if tree is not None:
        tree.ParentTree = base.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(nums)))
        tree.ParentTreeNextKey = next_key
    missing = _resolve_links(base, dests)
    _write_dests(base, dests)
    _write_outline(base, bookmarks)
    if folios and folio_pdf:
        folio_source = pikepdf.open(io.BytesIO(folio_pdf))
        sources.append(folio_source)
        for page, folio in folios.items():
            _stamp(base, base.pages[page], folio_source.pages[folio])
    out = io.BytesIO()
    base.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    for source in sources:
        source.close()
    return out.getvalue(), missing


def _copy(pdf, value):
    """A value of another PDF in `pdf`: indirect objects copied once each (pikepdf keeps one copy per
    object, so pages and structure elements copied twice are the same object), direct ones rebuilt."""
    import pikepdf

    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return pdf.copy_foreign(value)
    if isinstance(value, pikepdf.Array):
        return pikepdf.Array([_copy(pdf, item) for item in value])
    if isinstance(value, pikepdf.Dictionary):
        return pikepdf.Dictionary({key: _copy(pdf, item) for key, item in value.items()})
    return value


def _kid_array(element):
    """An element's kids as an array (PDF allows one kid on its own, as writers/pdftags.py writes it)."""
    import pikepdf

    kids = element.get("/K")
    return pikepdf.Array() if kids is None else kids if isinstance(kids, pikepdf.Array) else pikepdf.Array([kids])


def _next_key(nums) -> int:
    return max((int(nums[i]) for i in range(0, len(nums), 2)), default=-1) + 1


def _dests(pdf) -> dict[str, object]:
    """Named destinations of a PDF as WeasyPrint writes them (a flat /Names array under /Dests)."""
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return {}
    flat = list(names.Dests.get("/Names", []))
    return {str(flat[i]): flat[i + 1] for i in range(0, len(flat), 2)}


def _write_dests(pdf, dests: dict) -> None:
    import pikepdf

    flat = pikepdf.Array()
    for name in sorted(dests):  # a name tree's names in order
        flat.append(pikepdf.String(name))
        flat.append(dests[name])
    if "/Names" not in pdf.Root:
        pdf.Root.Names = pikepdf.Dictionary()
    pdf.Root.Names.Dests = pdf.make_indirect(pikepdf.Dictionary(Names=flat))


def _resolve_links(pdf, dests: dict) -> list[str]:
    """kitap:ID links made links to the destination ID."""
    import pikepdf

    missing = []
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            action = annotation.get("/A")
            if action is None or action.get("/S") != "/URI":
                continue
            uri = str(action.URI)
            if not uri.startswith(LINK_SCHEME):
                continue
            name = uri[len(LINK_SCHEME):]
            if name not in dests:
                missing.append(name)
            del annotation["/A"]
            annotation.Dest = pikepdf.String(name)
            if "/Contents" in annotation:
                annotation.Contents = pikepdf.String(name)
    return missing


def _write_outline(pdf, bookmarks: list[Bookmark]) -> None:
    """The outline from every part's bookmarks: each under the last bookmark of a lower level before it."""
    import pikepdf
    from pikepdf import OutlineItem

    with pdf.open_outline() as outline:
        outline.root.clear()
        stack: list[tuple[int, OutlineItem]] = []
        for mark in bookmarks:
            page = pdf.pages[mark.page]
            height = float(page.mediabox[3])
            destination = pikepdf.Array([page.obj, pikepdf.Name.XYZ, mark.x * PX, height - mark.y * PX, 0])
            item = OutlineItem(mark.label, destination)
            while stack and stack[-1][0] >= mark.level:
                stack.pop()
            (stack[-1][1].children if stack else outline.root).append(item)
            stack.append((mark.level, item))


def _stamp(pdf, page, folio_page) -> None:
    """Draw the folio page over `page`, as an artifact (not content a screen reader reads)."""
    import pikepdf

    form = pdf.copy_foreign(folio_page.as_form_xobject())
    # A name of our own (pikepdf's `prefix=` adds a random suffix: the volume's bytes changed build to build)
    taken = page.obj.get("/Resources", {}).get("/XObject", {})
    name = next(pikepdf.Name(f"/KitapFolio{n or ''}") for n in range(len(taken) + 1)
                if f"/KitapFolio{n or ''}" not in taken)
    page.add_resource(form, pikepdf.Name.XObject, name=name)
    # The page's own content leaves its coordinate transformation in place: drawn inside q … Q, the folio
    # is then drawn in the page's own coordinates.
    page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
    page.contents_add(pdf.make_stream(b"\nQ\nq /Artifact BMC " + name.unparse() + b" Do EMC Q\n"), prepend=False)
