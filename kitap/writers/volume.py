"""A course volume in print: laid out part by part, its chapters in parallel, and joined into one PDF.

A volume of forty texts is some 300 A4 pages; WeasyPrint lays out 11–14 pages a second on one core, and
only one document at a time per process. So the volume is laid out as separate documents:

1. each chapter (its title block, text and footnotes) on its own, in a pool of forked processes, without
   its folios: the pages a chapter takes do not depend on where it starts (the page margins are the same
   on left and right pages), so no chapter waits for the ones before it; each is mended as a handout is
   (writers/pagination.py) and written as a tagged PDF; meanwhile this process lays out the title page
   and contents with the page numbers left blank (they do not change its length);
2. once every chapter's pages are counted, the page of every element is known: the appendices are laid
   out with the real pages of every term, name and event (by a worker, which tells this process their
   pages as soon as they are laid out, then writes them), and the contents with the pages of every text
   and appendix;
3. the parts are joined (writers/pdfmerge.py: one structure tree, destinations, links, outline; the
   appendices' PDF taken last, when the worker has written it), and the chapters' folios stamped on from
   one small document of numbered empty pages.

A chapter's layout is kept in the output folder (.kitap-cache/) under the digest of its HTML and of the
code and styles that lay it out, so a rebuild after a change to one text lays out that text alone.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ..cachefiles import prune, write_entry
from ..lanes import Channel
from ..render import PDF, STYLES_DIR, TOOL_ROOT, Page, appendix_parts
from ..timing import NULL, Stopwatch
from .pagemap import PageStart
from .pdfmerge import Bookmark, bookmarks_of, join

VOLUME_STYLES = ("styles/volume.css", "styles/print-volume.css")
CACHE = ".kitap-cache"
MAX_FRONT_ROUNDS = 3


@dataclass
class ChapterPrint:
    """A chapter laid out and written, with what the volume needs of it (pages counted from its first)."""

    number: int
    pdf: bytes
    pages: int
    anchors: dict[str, int]               # element id → its page in the chapter (from 1)
    starts: list[PageStart]               # where each of its pages begins (pages from 1)
    bookmarks: list[Bookmark]             # (pages from 0)
    warnings: list[str] = field(default_factory=list)
    reused: bool = False                  # taken from the cache of an earlier build
    key: str = ""                         # its cache key (what it was laid out from)


@dataclass
class VolumePrint:
    data: bytes
    pages: int
    starts: list[PageStart]
    warnings: list[str]
    laid_out: int                         # chapters laid out by this build (the others were reused)


def styles_for(variant) -> tuple[str, ...]:
    return (*VOLUME_STYLES, *((variant.stylesheet,) if variant.stylesheet else ()))


def _chapter_page(number: int, variant) -> Page:
    from .pdf import _setting  # the edition's line setting: kitap breaks the lines (kitap/lines)

    return Page(parts=("article",), chapters=(number,), extra_stylesheets=styles_for(variant), linked_styles=False,
                folios=False, opening=True, lines=_setting((*PDF.stylesheets, *styles_for(variant))),
                mirrored=bool(variant.book_pages))


# ---- one chapter (in a pool worker, or here) ---------------------------------------------------------

def _tool_digest() -> str:
    """What a chapter's layout depends on besides its HTML: WeasyPrint, the code that lays out and
    writes it, the styles and fonts."""
    from importlib.metadata import version

    from ..fingerprint import code_digest

    code = code_digest("kitap/writers", "kitap/weasy", "kitap/lines", "kitap/render", "styles")
    return hashlib.sha256(f"{version('weasyprint')}\0{code}".encode()).hexdigest()


class ChapterCache:
    """Chapters laid out by earlier builds: <key>.pdf and <key>.json in output/.kitap-cache/<variant>/.
    A damaged or unreadable entry is laid out again; entries this build did not use are removed after it."""

    def __init__(self, folder: Path | None, variant: str):
        self.folder = folder / CACHE / variant if folder else None
        self.used: set[str] = set()

    def get(self, key: str) -> ChapterPrint | None:
        if self.folder is None:
            return None
        try:
            meta = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            data = (self.folder / f"{key}.pdf").read_bytes()
            if hashlib.sha256(data).hexdigest() != meta["sha256"]:
                return None
            return ChapterPrint(meta["number"], data, meta["pages"], meta["anchors"],
                                [PageStart(**s) for s in meta["starts"]], [Bookmark(**b) for b in meta["bookmarks"]],
                                meta["warnings"], reused=True)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, chapter: ChapterPrint) -> None:
        if self.folder is None:
            return
        meta = {"number": chapter.number, "pages": chapter.pages, "anchors": chapter.anchors,
                "starts": [asdict(s) for s in chapter.starts], "bookmarks": [asdict(b) for b in chapter.bookmarks],
                "warnings": chapter.warnings, "sha256": hashlib.sha256(chapter.pdf).hexdigest()}
        write_entry(self.folder, key, {".pdf": bytes(chapter.pdf), ".json": json.dumps(meta).encode("utf-8")})

    def prune(self) -> None:
        """Remove the entries of chapters this build no longer has."""
        prune(self.folder, self.used)


def lay_out_chapter(book, variant, number: int, archival: bool, cache: ChapterCache, tool: str) -> ChapterPrint:
    """One chapter laid out (mended) and written as a tagged PDF, or taken from the cache."""
    return lay_out_part(book, variant, _chapter_page(number, variant), number, archival, cache, tool, mend=True)


def lay_out_part(book, variant, page: Page, number: int, archival: bool, cache: ChapterCache, tool: str,
                 mend: bool = False, counted: bool = False, told=None) -> ChapterPrint:
    """A part of the volume (a chapter: `number`; the title page and contents, the appendices: 0) laid
    out (mended, for a chapter) and written as a tagged PDF, or taken from the cache when its HTML (page
    numbers included) is what an earlier build laid out. `counted`: only its pages, anchors and
    bookmarks are wanted (nothing is written: the PDF is empty). `told(part)`: given them (the PDF
    empty) as soon as they are known, before the PDF is written."""
    from ..render import render_document
    from .pagemap import page_starts
    from .pdf import _Collect, _mended, _render, print_target, write_document

    target = print_target(variant)
    # The key: the part's HTML before kitap breaks its lines, and the line setting it is broken with (the
    # breaks follow from both: the tool digest holds kitap/lines), so a part taken from the cache is not
    # broken into lines only to find its key (that was most of a rebuild's time)
    unbroken = replace(page, lines=None) if page.lines is not None else page
    html = render_document(book, target, unbroken)
    key = hashlib.sha256(f"{tool}\0{variant.name}\0{archival}\0{counted}\0{page.lines!r}\0".encode()
                         + html.encode("utf-8")).hexdigest()[:32]
    found = cache.get(key)
    if found is not None and found.number == number:
        found.key = key
        if told:
            told(replace(found, pdf=b""))
        return found
    if unbroken is not page:
        html = render_document(book, target, page)
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    html_for = lambda p: html if p == page else render_document(book, target, p)  # noqa: E731
    try:
        document = _mended(book, page, NULL, html_for) if mend else _render(book, page, NULL, html_for)
    finally:
        logger.removeHandler(collect)
    if variant.book_pages and number:  # (it opens on a right-hand page: _pages_of)
        from ..weasy.margins import numbers_to_outer_margin

        numbers_to_outer_margin(document)
    anchors: dict[str, int] = {}
    for index, laid in enumerate(document.pages, start=1):
        for ident in laid.anchors:
            anchors.setdefault(ident, index)
    part = ChapterPrint(number, b"", len(document.pages), anchors, page_starts([document]), bookmarks_of(document),
                        collect.messages, key=key)
    if told:
        told(replace(part))
    if not counted:
        part.pdf = write_document(book, document, archival)
    cache.put(key, part)
    return part


# ---- the pool --------------------------------------------------------------------------------------

_WORK: dict = {}  # what the pool's workers were forked with: the book, the variant, the options


def _work(number: int) -> ChapterPrint:
    work = _WORK
    chapter = lay_out_chapter(work["book"], work["variant"], number, work["archival"], work["cache"], work["tool"])
    chapter.pdf = bytes(chapter.pdf)
    return chapter


# ---- the volume ------------------------------------------------------------------------------------

def lay_out_volume(book, variant, watch: Stopwatch = NULL, archival: bool = False, jobs: int = 1,
                   output: Path | None = None) -> VolumePrint:
    """The volume's PDF in `variant` (A4, A5 booklet pages, large print), its chapters laid out by `jobs`
    processes, those unchanged since the last build into `output` taken from its cache."""
    from ..lanes import WorkerPool, available

    cache = ChapterCache(output, variant.name + ("-archival" if archival else "") + (f"-{book.meta.edition}" if book.meta.edition else ""))
    tool = _tool_digest()
    numbers = [chapter.number for chapter in book.chapters]
    # Longest first, so no long chapter is left to lay out at the end while the other processes wait.
    size = {n: sum(len(str(b.children)) for b in book.blocks if b.chapter == n) for n in numbers}
    order = sorted(numbers, key=lambda n: -size[n])
    pool = told = None
    if available(jobs) and len(numbers) > 1:
        told = os.pipe()  # (made before the pool: its workers tell the appendices' pages through it)
        _WORK.update(book=book, variant=variant, archival=archival, cache=cache, tool=tool, told=told[1])
        try:
            pool = WorkerPool(min(jobs, len(numbers)))
        except OSError:
            pool = None
    try:
        with watch.stage("layout"):
            pending = [pool.submit(_work, n) for n in order] if pool else None
            # meanwhile: the title page and contents laid out to count their pages (the numbers blank)
            front = _front(book, variant, {}, archival, cache, tool, counted=True)
            if pending is not None:
                chapters = {c.number: c for c in pool.wait(pending)}
            else:
                chapters = {n: lay_out_chapter(book, variant, n, archival, cache, tool) for n in order}
    except BaseException:
        if pool:
            pool.close(cancel=True)
        for end_ in told or ():
            os.close(end_)
        raise
    finally:
        _WORK.clear()
    ordered = [chapters[n] for n in numbers]
    cache.used.add(front.key)  # (the front with its numbers blank: the next build lays it out first too)
    folios_made = None  # (first, count, the pool's job) of the folio sheet, laid out beside the appendices
    written = None  # the pool's job laying out and writing the appendices (it tells their pages first)
    try:
        with watch.stage("layout"):
            for _ in range(MAX_FRONT_ROUNDS):
                first = front.pages + 1
                page_of, offsets, end = _pages_of(ordered, first, variant.book_pages)
                if pool and folios_made is None and cache.get(_folio_key(book, variant, first, end - first, tool)) is None:
                    folios_made = (first, end - first, pool.submit(_folio_work, first, end - first))
                if pool:  # a worker lays them out, tells their pages here and writes them, while this process
                    # lays out the contents and joins the chapters (the appendices' PDF comes last)
                    written = pool.submit(_appendices_work, dict(page_of), end)
                    appendices = _heard(told[0], written, pool)
                else:
                    appendices = _appendices(book, variant, page_of, end, archival, cache, tool)
                for ident, page in appendices.anchors.items():
                    page_of.setdefault(ident, end + page - 1)
                final = _front(book, variant, page_of, archival, cache, tool)
                if final.pages == front.pages:
                    front = final
                    break
                front = final  # the numbers changed its length (very rarely): count again
        cache.used.update(c.key for c in (*chapters.values(), front, appendices))  # (from other processes too)
        with watch.stage("pdf write"):
            blanks = _blanks(ordered, offsets, first)
            parts = [front.pdf]
            for chapter in ordered:
                if chapter.number in blanks:
                    parts.append(_blank_page(chapter.pdf))
                parts.append(chapter.pdf)
            parts.append(appendices.pdf if written is None else lambda: _written(pool.wait(written), appendices, cache))
            marks = front.bookmarks + [Bookmark(m.page + offsets[c.number] - 1, m.level, m.label, m.x, m.y)
                                       for c in ordered for m in c.bookmarks]
            marks += [Bookmark(m.page + end - 1, m.level, m.label, m.x, m.y) for m in appendices.bookmarks]
            made = pool.wait(folios_made[2]) if folios_made and folios_made[:2] == (first, end - first) else None
            folio_pdf = _folios(book, variant, first, end - first, cache, tool, made)
        with watch.stage("pdf write"):
            folios = {first - 1 + index: index for index in range(end - first) if first + index not in blanks.values()}
            data, missing = join(parts, marks, folios, folio_pdf)
    except BaseException:
        if pool:
            pool.close(cancel=True)
        raise
    finally:
        for end_ in told or ():
            os.close(end_)
    if pool:
        pool.close()
    cache.prune()
    starts = front.starts + [PageStart(s.page + offsets[c.number] - 1, s.element_id, s.alnum_offset)
                             for c in ordered for s in c.starts]
    starts += [PageStart(s.page + end - 1, s.element_id, s.alnum_offset) for s in appendices.starts]
    warnings = [w for c in (front, *ordered, appendices) for w in c.warnings]
    warnings += [f"internal: link to #{name} has no target in the volume" for name in dict.fromkeys(missing)]
    total = end - 1 + appendices.pages
    return VolumePrint(data, total, starts, warnings, sum(not c.reused for c in ordered))


def _pages_of(chapters: list[ChapterPrint], first: int, recto: bool = False) -> tuple[dict[str, int], dict[int, int], int]:
    """The page of every element of the chapters, each chapter's first page, the first starting at `first`,
    and the page after the last. `recto`: a book's chapters open on a right-hand (odd) page, the left-hand
    one before left blank (their pages were laid out as starting on the right: mirrored margins)."""
    page_of: dict[str, int] = {}
    offsets: dict[int, int] = {}
    start = first
    for chapter in chapters:
        start += recto and start % 2 == 0
        offsets[chapter.number] = start
        for ident, page in chapter.anchors.items():
            page_of.setdefault(ident, start + page - 1)
        start += chapter.pages
    return page_of, offsets, start


def _blanks(chapters: list[ChapterPrint], offsets: dict[int, int], first: int) -> dict[int, int]:
    """chapter number → the blank page (its number) set before it."""
    blanks, expected = {}, first
    for chapter in chapters:
        if offsets[chapter.number] != expected:
            blanks[chapter.number] = expected
        expected = offsets[chapter.number] + chapter.pages
    return blanks


def _blank_page(like: bytes) -> bytes:
    """One empty page of the size of the first page of `like` (a PDF): no folio, no running head."""
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(like)) as model:
        box = [float(v) for v in model.pages[0].MediaBox]
    blank = pikepdf.new()
    blank.add_blank_page(page_size=(box[2] - box[0], box[3] - box[1]))
    out = io.BytesIO()
    blank.save(out, deterministic_id=True)
    return out.getvalue()


def _front(book, variant, page_of: dict[str, int], archival: bool, cache: ChapterCache, tool: str,
           counted: bool = False) -> ChapterPrint:
    """The title page and contents; `counted`: only laid out to count its pages (the page numbers blank:
    they do not change its length), nothing written."""
    page = Page(parts=("front",), extra_stylesheets=styles_for(variant), page_of=page_of, linked_styles=False)
    return lay_out_part(book, variant, page, 0, archival, cache, tool, counted=counted)


def _appendices(book, variant, page_of: dict[str, int], first: int, archival: bool, cache: ChapterCache,
                tool: str, told=None) -> ChapterPrint:
    page = Page(parts=appendix_parts(), extra_stylesheets=styles_for(variant), first_page=first, page_of=page_of,
                linked_styles=False)
    return lay_out_part(book, variant, page, 0, archival, cache, tool, told=told)


def _appendices_work(page_of: dict[str, int], first: int) -> ChapterPrint:
    """The appendices laid out and written by a worker of the pool (from the page `first` on); their
    pages, anchors and bookmarks told to the main process (`_heard`) as soon as they are laid out."""
    work = _WORK
    told = Channel(None, os.fdopen(work["told"], "wb", closefd=False))
    part = _appendices(work["book"], work["variant"], page_of, first, work["archival"], work["cache"], work["tool"],
                       told=told.send)
    part.pdf = bytes(part.pdf)
    return part


def _heard(fd: int, job, pool) -> ChapterPrint:
    """The appendices as the pool's worker told them (their PDF empty), waiting for that; the worker's
    error if it failed first (or died)."""
    import select

    while not select.select([fd], [], [], 0.05)[0]:
        if job.done():
            pool.wait(job)  # raises the worker's error
            if not select.select([fd], [], [], 0)[0]:
                raise RuntimeError("internal: the appendices' worker ended without telling their pages")
    return Channel(os.fdopen(fd, "rb", closefd=False), None).recv()


def _written(part: ChapterPrint, counted: ChapterPrint, cache: ChapterCache) -> bytes:
    """The appendices' PDF the pool's worker wrote: the layout it told (`counted`)."""
    if part.pages != counted.pages:
        raise RuntimeError("internal: the appendices were laid out differently in two processes")
    cache.used.add(part.key)
    return part.pdf


def _folio_key(book, variant, first: int, count: int, tool: str) -> str:
    return hashlib.sha256(f"{tool}\0{variant.name}\0folios\0{book.meta.language}\0{first}\0{count}".encode()).hexdigest()[:32]


def _folio_work(first: int, count: int) -> bytes:
    """The folio sheet, laid out by a worker of the pool while the main process lays out the appendices."""
    return _folio_pdf(_WORK["book"], _WORK["variant"], first, count)


def _folios(book, variant, first: int, count: int, cache: ChapterCache, tool: str, made: bytes | None = None) -> bytes:
    """`count` empty pages numbered from `first`, in the edition's page style: the chapters' folios (kept
    in the cache like a chapter). `made`: the sheet as a worker laid it out."""
    key = _folio_key(book, variant, first, count, tool)
    cache.used.add(key)
    found = cache.get(key) if made is None else None
    if found is not None:
        return found.pdf
    data = made if made is not None else _folio_pdf(book, variant, first, count)
    cache.put(key, ChapterPrint(0, data, count, {}, [], []))
    return data


def _folio_pdf(book, variant, first: int, count: int) -> bytes:
    from weasyprint import HTML

    from .fetcher import ConfinedFetcher
    from .pdf import _font_config, _stylesheets

    pages = "".join('<div class="folio-sheet"></div>' for _ in range(count))
    side = " html { break-before: left; }" if first % 2 == 0 else ""  # its sides follow the numbers (booklet)
    html = (f'<!DOCTYPE html><html lang="{book.meta.language}"><head><meta charset="utf-8"/><title>folios</title>'
            '<style>@page { @top-left { content: none; } @top-right { content: none; } }'
            f'@page :first {{ counter-reset: page {first}; }}{side}'
            '.folio-sheet { height: 1px; break-after: page; } .folio-sheet:last-child { break-after: auto; }'
            f'</style></head><body>{pages}</body></html>')
    extra = (variant.stylesheet,) if variant.stylesheet else ()
    document = HTML(string=html, base_url=str(TOOL_ROOT) + "/", url_fetcher=ConfinedFetcher([STYLES_DIR])).render(
        font_config=_font_config(), stylesheets=_stylesheets((*PDF.stylesheets, *extra)))
    return document.write_pdf()
