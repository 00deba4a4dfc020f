"""Stage 3: model + templates → HTML strings. Pure: no file is written, nothing is fetched."""
from __future__ import annotations

from dataclasses import dataclass
import re
from functools import lru_cache


import jinja2
from markupsafe import Markup, escape

from .. import __version__
from ..languages import UnknownLanguage, pack_for
from ..typography import NB_HYPHEN, Typographer, typeset
from ..model import Book, Foreign, Inline, Link, Mark, NoteRef, PageBreak, Styled, Text
from ..transforms.inline_ops import CONTAINERS, plain_text, walk
from .targets import LINK_SCHEME, STYLES_DIR, TEMPLATES_DIR, TOOL_ROOT, Page, Target, parts  # noqa: F401

SOFT_HYPHEN = "\u00ad"
# Before a pop-up note's call: a narrow no-break space. Copied or extracted text then reads «банк 1», not
# «банк1»; the call never wraps alone to the next line; and it never directly follows another link (calibre's
# MOBI conversion nests a link that touches the one before it inside that one).
NOTE_GAP = "\u202f"
# A word the typography bound at its suffix hyphen («168‑ші»): in the e-book and the web page it is shown
# with the author's hyphen in a span that does not wrap, since a U+2011 defeats the reader's search.
# (A text may start at the hyphen, after a marked abbreviation: «<span>БҰҰ</span>‑ға»; no line breaks before
# a hyphen.)
BOUND_WORD = re.compile(rf"[\w{SOFT_HYPHEN}]*(?:{NB_HYPHEN}[\w{SOFT_HYPHEN}]+)+")
# A run with no space and no soft hyphen longer than a short line (a pasted web address, a word of 5,000
# letters): in print it may be cut where no line can hold it (print.css), instead of running past the margin
LONG_RUN = re.compile(f"[^\\s{SOFT_HYPHEN}]{{30,}}")
# A marked phrase that links to an appendix entry: its mark kind → (link class, the appendix).
MARK_LINKS = {"abbr": ("abbr-link", "glossary"), "chrono": ("chrono-link", "chronology"),
              "person": ("person-link", "persons")}


@dataclass(frozen=True)
class TocEntry:
    """An entry of a table of contents: the element it links to, its title, the entries under it."""

    id: str
    title: str
    children: tuple["TocEntry", ...] = ()


def present_parts(book: Book) -> list[str]:
    """The parts a book has: (a volume's title page,) the article, the appendices with entries, the colophon."""
    front = ["front"] if book.chapters else []
    return front + [part for part in parts() if part in ("article", "colophon") or book.appendices.get(part)]


def heading_tree(book: Book, blocks=None) -> list[TocEntry]:
    """The article's headings (or those of `blocks`) as a tree by level (a level-2 heading under the
    level-1 heading before it)."""
    roots: list[list] = []
    stack: list[tuple[int, list]] = []  # (level, [id, title, children]) of the open headings
    for block in book.blocks if blocks is None else blocks:
        if block.kind != "h":
            continue
        entry = [block.id, heading_label(book, block.children), []]
        while stack and stack[-1][0] >= block.level:
            stack.pop()
        (stack[-1][1][2] if stack else roots).append(entry)
        stack.append((block.level, entry))

    def freeze(entry: list) -> TocEntry:
        return TocEntry(entry[0], entry[1], tuple(freeze(child) for child in entry[2]))

    return [freeze(entry) for entry in roots]


def heading_label(book: Book, children: list[Inline]) -> str:
    """A heading as bookmarks, running heads and tables of contents show it: typeset, without note calls
    or soft hyphens."""
    # one line or an entry of a list: nothing to keep together, and the author's hyphen can be searched
    return typeset(plain_text(children), pack_for(book.meta.language).typography).replace(NB_HYPHEN, "-")


# Characters a running head holds, the section's (right) beside the author's (left) on one line: at 8 pt in
# A4 (the booklet's stand alone, and hold as much), and at 16 pt in large print ("short").
RUNNING_HEAD = {"section": 70, "author": 30, "section-short": 36, "author-short": 16}


def running_head(text: str, limit: int = RUNNING_HEAD["section"]) -> str:
    """A title or heading as a running head shows it: whole when it fits on one line beside the other
    head, else cut at a word and ended with «…» (a decree's title of thirty words ran off the page's top)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-«(") + "…"


# The two heads of a page together (left and right, «section» + «author» above): a volume's title and its
# chapter's share them as each needs, the shorter whole when it takes no more than half.
RUNNING_PAIR = {"": RUNNING_HEAD["section"] + RUNNING_HEAD["author"],
                "short": RUNNING_HEAD["section-short"] + RUNNING_HEAD["author-short"]}
APPENDIX_HEAD = 24  # the longest head an appendix's pages carry beside a volume's title («Оқиғалар хронологиясы»)


def running_pair(left: str, right: str, total: int) -> tuple[str, str]:
    """Two heads of one page (a volume's title, a chapter's) cut to `total` characters together: both whole
    when they fit; else the shorter whole if it takes at most half, and the other cut to the rest."""
    left, right = " ".join(left.split()), " ".join(right.split())
    if len(left) + len(right) <= total:
        return left, right
    half = total // 2
    if len(left) <= half:
        return left, running_head(right, total - len(left))
    if len(right) <= half:
        return running_head(left, total - len(right)), right
    return running_head(left, half), running_head(right, total - half)


@dataclass(frozen=True)
class Ref:
    """A reference from an appendix back into the text: its label (page or paragraph; in a volume
    numbered per text, chapter and paragraph: '2.14') and link."""

    label: int | str
    href: str
    order: tuple = ()


RANGE = 3  # consecutive pages printed as a range from this many on


def _ref_link(ref: Ref) -> Markup:
    return Markup('<a class="ref" href="{}">{}</a>').format(ref.href, ref.label)


def _ref_run(run: list[Ref]) -> Markup:
    """One page, or a range of RANGE pages or more («6–9»: both ends linked, never broken at the dash)."""
    if len(run) < RANGE:
        return _ref_link(run[0])
    return Markup('<span class="range">{}\u2013{}</span>').format(_ref_link(run[0]), _ref_link(run[-1]))


def _runs(refs: list[Ref]) -> list[list[Ref]]:
    """Printed references (pages, in order) grouped into runs of consecutive pages; a run of fewer than
    RANGE pages is one run per page."""
    runs: list[list[Ref]] = []
    for ref in refs:
        if runs and isinstance(ref.label, int) and isinstance(runs[-1][-1].label, int) \
                and ref.label == runs[-1][-1].label + 1:
            runs[-1].append(ref)
        else:
            runs.append([ref])
    return [part for run in runs for part in ([run] if len(run) >= RANGE else [[ref] for ref in run])]


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept in templates/__pycache__, as Python keeps its .pyc files: a build then
    loads them instead of compiling the templates again (0.05 s). Jinja checks each against its
    template's source; a folder that cannot be written is simply not used."""

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _template_cache() -> _TemplateCache | None:
    folder = TEMPLATES_DIR / "__pycache__"
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        return None
    return _TemplateCache(str(folder), "%s.jinja")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    from ..appendices import template_dirs

    env = jinja2.Environment(loader=jinja2.FileSystemLoader([TEMPLATES_DIR, *template_dirs()]), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             bytecode_cache=_template_cache())
    env.filters["css_string"] = css_string
    env.filters["sentence"] = sentence
    return env


def sentence(title: str, subtitle: str = "") -> str:
    """A title (and its subtitle) as a sentence of a colophon or a caption: «Title: subtitle.», but no colon
    after a title's own «?» or «!», a bracketed subtitle as it stands («Конвенция (балаларға арналған
    нұсқасы).»), and no full stop after a question mark."""
    title = title.rstrip()
    if subtitle:
        joined = " " if title[-1:] in "?!…" or subtitle.startswith("(") else ": "
        title = f"{title}{joined}{subtitle.strip()}"
    return title if title[-1:] in ".?!…" else title + "."


def css_string(text: str) -> Markup:
    """A CSS string literal: quotes and backslashes escaped, and '<' so it cannot close the <style>."""
    escaped = "".join(f"\\{ord(c):x} " if c in '"\\<>\n' else c for c in text)
    return Markup(f'"{escaped}"')


def _unbreakable(match: re.Match) -> str:
    return f'<span style="white-space: nowrap">{match.group().replace(NB_HYPHEN, "-")}</span>'


_INDEXES: list[tuple[Book, tuple]] = []  # the last books rendered in this process, with their indexes


EPIGRAPH_CHARS = 400  # an epigraph is a few lines: a text opening with a long quotation is no epigraph
ATTRIBUTION = re.compile(r"[-\u2013\u2014]\s")


def _epigraphs(blocks) -> dict[str, str]:
    """Each block of each text's epigraph, by id: the quotes (Markdown's `>`) it opens with, before any other
    block, if they are short; its class: 'epigraph', and for its last block also 'epigraph-end' and, when that
    opens with a dash («— Абай»), 'attribution'."""
    found, run, chapter = {}, [], object()

    def close() -> None:
        if run and sum(len(plain_text(b.children)) for b in run) <= EPIGRAPH_CHARS:
            found.update({b.id: "epigraph" for b in run})
            last = run[-1]
            by = " attribution" if ATTRIBUTION.match(plain_text(last.children)) else ""
            found[last.id] = f"epigraph epigraph-end{by}"

    for block in blocks:
        if block.chapter != chapter:
            close()
            run, chapter, opening = [], block.chapter, True
        if opening and block.kind == "quote":
            run.append(block)
        else:
            opening = False
    close()
    return found


def _indexes(book: Book) -> tuple:
    """The book's lookups for rendering (block kinds, notes, glossary entries by id, the paragraph of every
    marked phrase, a volume's chapter of every id), made once per book: a volume renders each of its
    chapters two or three times, and making them walked the whole volume each time."""
    for known, indexes in _INDEXES:
        if known is book:
            return indexes
    per_text = bool(book.chapters) and book.numbering != "continuous"
    chapters: dict[str, int] = {}
    if book.chapters:
        from ..transforms.volume import chapter_of

        chapters = chapter_of(book)
    numbers = _numbers_of_blocks(book.blocks)
    kinds = {block.id: block.kind for block in book.blocks}
    epigraphs = _epigraphs(book.blocks)
    kinds.update({ident: "epigraph" for ident in epigraphs})  # (kitap/lines leaves them to WeasyPrint)
    indexes = (kinds, {note.key: note for note in book.notes},
               {entry.id: entry for entry in book.glossary},
               {node.id: (f"{block.chapter}.{numbers[index]}" if per_text else numbers[index])
                for index, block in enumerate(book.blocks) for node in walk(block.children) if isinstance(node, Mark)},
               chapters, epigraphs)
    _INDEXES.insert(0, (book, indexes))
    del _INDEXES[4:]
    return indexes


COMPOUND_HYPHEN = re.compile(r"(?<=[^\W_])[-\u2010](?=[^\W_])")  # a hyphen inside a word: генерал-губернатор


def _numbers_of_blocks(blocks) -> list[int]:
    """Each block's classroom number, a heading (which has none) taking the number of the paragraph it
    opens (or, after a text's last paragraph, the one before it): a term used in a heading is «абз. 3», not
    «абз. 0». A volume's texts are counted apart."""
    numbers = [block.number for block in blocks]
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and blocks[end].chapter == blocks[start].chapter:
            end += 1
        run = range(start, end)
        following = 0
        for index in reversed(run):
            following = numbers[index] = numbers[index] or following
        before = 0
        for index in run:
            before = numbers[index] = numbers[index] or before
        start = end
    return numbers


class Renderer:
    """Renders inline content and links for one book and one target."""

    def __init__(self, book: Book, target: Target, page_of: dict[str, int] | None = None,
                 page_breaks: dict[str, list[int]] | None = None, page: Page | None = None):
        self.book, self.target = book, target
        self.pack = pack_for(book.meta.language)
        self.page_of = page_of or {}
        self._rooms: dict[bool, int] = {}  # the author's running head's room, by large print or not (_author_room)
        self.page_breaks = page_breaks or {}  # element id → printed pages that begin at it (EPUB)
        self.unhyphenated = page.unhyphenated if page else {}  # paragraph id → words not to hyphenate
        self.keep_notes = set(page.keep_notes) if page else set()
        self.new_pages = set(page.new_page_before) if page else set()
        self.compact_colophon = bool(page and page.compact_colophon)
        self.extra_stylesheets = tuple(page.extra_stylesheets) if page else ()  # an edition's (large print)
        self.lines = page.lines if page else None  # print: kitap breaks the lines (kitap/lines)
        self.kinds, self.notes, self.glossary, self.paragraph_of, self.chapter_of, self.epigraphs = _indexes(book)
        self.display: dict[int, str] = {}  # id(Text node) → its text as typeset for display
        self.chapter_subset = tuple(page.chapters) if page else ()

    # ---- a course volume's chapters (book.chapters) ----

    @property
    def chapter_rank(self) -> int:
        """The heading rank of a volume's chapter titles: under the part headings when there are any."""
        return 3 if any(chapter.part for chapter in self.book.chapters) else 2

    def chapters(self) -> list:
        """The chapters this document renders."""
        chosen = self.chapter_subset
        return [c for c in self.book.chapters if not chosen or c.number in chosen]

    def blocks_of(self, chapter) -> list:
        return [block for block in self.book.blocks if block.chapter == chapter.number]

    def notes_of(self, chapter) -> list:
        prefix = f"fn-{chapter.id}-"
        return [note for note in self.book.notes if note.id.startswith(prefix)]

    def chapter(self, number: int):
        return self.book.chapters[number - 1]

    def present_parts(self) -> list[str]:
        """The parts this target renders (print leaves out appendices that are no part of it)."""
        if not self.target.paged:
            return present_parts(self.book)
        from ..appendices import appendices

        unpaged = {a.name for a in appendices() if not a.paged}
        return [part for part in present_parts(self.book) if part not in unpaged]

    def volume_date(self):
        from ..load.dates import parse_partial_date

        return parse_partial_date(self.book.meta.date)[0]

    def text_start(self) -> str:
        """The id of the start of the text (the skip link's target)."""
        return f"{self.book.chapters[0].id}" if self.book.chapters else "article"

    def starts_page(self, block_id: str) -> Markup:
        """The class of a paragraph a layout asked to start on a new page (writers/pagination.py)."""
        return Markup(' class="new-page"') if block_id in self.new_pages else Markup("")

    def label(self, children: list[Inline]) -> str:
        return heading_label(self.book, children)

    @staticmethod
    def is_verse(children: list[Inline]) -> bool:
        """A paragraph of lines kept as written (a stanza: line breaks inside it), set without indent or
        justification."""
        return any(isinstance(node, Styled) and node.style == "br" for node in children)

    def running(self, text: str, short: bool = False, author: bool = False) -> str:
        """`text` (plain, or a title of book.yaml) as a running head, the author's or the section's (large
        print: `short`): typeset, and cut to fit (running_head) beside the other head: a head takes what the
        other leaves of the line (RUNNING_PAIR), and at least its own share (RUNNING_HEAD)."""
        shown = self._plain_head(text)
        size = "-short" if short else ""
        if author:
            return running_head(shown, self._author_room(short))
        limit = RUNNING_HEAD["section" + size]
        if not self.book.chapters:  # beside the author's head (a volume's pages pair theirs: running_pair)
            author_head = running_head(self._plain_head(self.book.meta.author), self._author_room(short))
            limit = max(limit, RUNNING_PAIR["short" if short else ""] - len(author_head))
        return running_head(shown, limit)

    def _plain_head(self, text: str) -> str:
        return typeset(text, self.pack.typography).replace(NB_HYPHEN, "-").replace("\u00ad", "")

    def _author_room(self, short: bool) -> int:
        """The characters the author's head may take: its share, or what the longest section head (at most
        its own share) leaves of the line («"Халық сөзі" газеті» was cut beside a short section)."""
        rooms = self._rooms
        if short not in rooms:
            size = "-short" if short else ""
            own, section = RUNNING_HEAD["author" + size], RUNNING_HEAD["section" + size]
            heads = [self.book.meta.title, *(self.label(b.children) for b in self.book.blocks if b.kind == "h"),
                     *(self.pack.labels[part] for part in present_parts(self.book) if part in self.pack.labels)]
            longest = min(section, max(len(" ".join(self._plain_head(h).split())) for h in heads))
            rooms[short] = max(own, RUNNING_PAIR["short" if short else ""] - longest)
        return rooms[short]

    def running_pair(self, left: str, right: str, short: bool = False) -> tuple[str, str]:
        """`left` and `right` (a volume's and its chapter's titles) as the two heads of one page (large
        print: `short`), typeset and cut to fit together (running_pair)."""
        def plain(text: str) -> str:
            return typeset(text, self.pack.typography).replace(NB_HYPHEN, "-").replace("\u00ad", "")

        return running_pair(plain(left), plain(right), RUNNING_PAIR["short" if short else ""])

    def running_volume(self, short: bool = False) -> str:
        """A volume's title as the head of its appendices' pages (beside theirs)."""
        return self.running_pair(self.book.meta.title, "x" * APPENDIX_HEAD, short)[0]

    def contents(self) -> list[TocEntry]:
        """The web page's contents: the article's headings, then the notes and the appendices present (a
        volume: its parts and chapters, each with its headings)."""
        appendices = [TocEntry(part, self.heading(part)) for part in present_parts(self.book)
                      if part not in ("front", "article")]
        if self.book.chapters:
            return [*self.chapter_tree(), *appendices]
        notes = [TocEntry("notes", self.pack.labels["notes"])] if self.book.notes else []
        return [*heading_tree(self.book), *notes, *appendices]

    def chapter_tree(self) -> list[TocEntry]:
        """A volume's chapters (under their parts), each with its headings."""
        tree: list[list] = []
        for chapter in self.book.chapters:
            entry = TocEntry(chapter.id, f"{chapter.number}. {self.label([Text(chapter.meta.title)])}",
                             tuple(heading_tree(self.book, self.blocks_of(chapter))))
            if chapter.part:
                tree.append([TocEntry(f"{chapter.id}-part", self.label([Text(chapter.part)])), [entry]])
            elif tree and tree[-1][0] is not None:
                tree[-1][1].append(entry)
            else:
                tree.append([None, [entry]])
        result: list[TocEntry] = []
        for part, entries in tree:
            result += [TocEntry(part.id, part.title, tuple(entries))] if part else entries
        return result

    def timeline(self) -> Markup:
        """The chronology drawn as a timeline (kitap/timeline), in its wide and narrow layouts."""
        from ..timeline import figure

        return Markup(figure(self))

    def heading(self, part: str) -> str:
        """The heading of a part (an appendix, the colophon): the language pack's label under its name."""
        return self.pack.labels[part]

    def template_of(self, part: str) -> str:
        if self.book.chapters and part in ("article", "colophon"):
            return {"article": "parts/chapters.html.j2", "colophon": "parts/volume-colophon.html.j2"}[part]
        if part in ("article", "colophon", "front"):
            return f"parts/{part}.html.j2"
        from ..appendices import appendix

        return appendix(part).template

    def href(self, part: str, ident: str) -> str:
        """The link to an element of a part. A volume's printed parts are laid out one by one and link
        to each other as kitap:ID (writers/pdfmerge.py makes them links within the joined PDF); its
        e-book has one file per chapter."""
        if self.book.chapters and self.target.paged:
            return f"{LINK_SCHEME}{ident}"
        if self.target.single_document:
            return f"#{ident}"
        return f"{self.file_of(part, ident)}#{ident}"

    def file_of(self, part: str, ident: str) -> str:
        """The e-book's file of an element of a part (a volume's text: the file of its chapter)."""
        if part == "article" and self.book.chapters:
            return chapter_file(self.chapter_of.get(ident, 1))
        return f"{part}.xhtml"

    def refs(self, ids: list[str]) -> list[Ref]:
        """Where marked phrases stand: one reference per page (print) or per paragraph (e-book)."""
        where = self.page_of if self.target.paged else self.paragraph_of
        seen: dict[object, Ref] = {}
        for ident in ids:
            label = where.get(ident)
            if label is not None and label not in seen:
                order = tuple(int(n) for n in label.split(".")) if isinstance(label, str) else (label,)
                seen[label] = Ref(label, self.href("article", ident), order)
        return sorted(seen.values(), key=lambda ref: ref.order)

    def ref_list(self, refs: list[Ref]) -> Markup:
        """References (`refs`) as the appendices print them, each a link: in print, three or more
        consecutive pages as a range («6–9», both ends linked), as an index gives them."""
        if not self.target.paged:
            return Markup(", ").join(_ref_link(ref) for ref in refs)
        return Markup(", ").join(_ref_run(run) for run in _runs(refs))

    def question_where(self, question) -> tuple[str, str] | None:
        """The paragraph a teacher's question is about: (its number as shown, the link to it), or None."""
        from ..appendices.questions import where

        found = where(self.book, question)
        return (found[0], self.href("article", found[1])) if found else None

    def epigraph(self, block) -> str:
        """The class of a quote block: '' (a quotation), or its epigraph's (_epigraphs)."""
        return self.epigraphs.get(block.id, "")

    def chapter_href(self, chapter: int) -> str:
        """The link to the start of a volume's chapter."""
        return self.href("article", f"c{chapter}")

    def inline(self, children: list[Inline], hyphenate: bool = True, block_id: str = "", note: int = 0) -> Markup:
        """A whole run of inline content (a paragraph, a note, an event), typeset as one paragraph;
        hyphenated where the target is, unless `hyphenate` is False (and but for the words a layout
        asked to keep whole: Page.unhyphenated, by the paragraph's `block_id`). In print, a paragraph of
        the article or a `note` is broken into lines by kitap (kitap/lines)."""
        self._typeset(children, hyphenate and self.target.hyphenate, self.unhyphenated.get(block_id, ()))
        kind = "note" if note else self.kinds.get(block_id)
        tracking = 0.0
        if self.lines is not None and kind:
            from ..lines import set_lines

            tracking = set_lines(self.lines, kind, children, self.display, str(note or ""))
        if tracking:  # the letter spacing the line breaker set the paragraph with
            return Markup(f'<span class="tracked" style="letter-spacing: {tracking:g}em">{self._children(children)}</span>')
        if not self.target.paged and self.is_verse(children):
            return self._verse_lines(children)
        return self._children(children)

    def _verse_lines(self, children: list[Inline]) -> Markup:
        """A stanza on a screen: each verse line a block of its own, so that a line too long for a phone
        goes on indented under itself (base.css) instead of reading as a new line. Each but the last ends in
        its line break still: a reader that sets no styles (publisher styles off) breaks the lines there, and
        a break at a block's end adds no line where the styles are set."""
        lines: list[list[Inline]] = [[]]
        for node in children:
            if isinstance(node, Styled) and node.style == "br":
                lines.append([])
            else:
                lines[-1].append(node)
        return Markup("").join(Markup('<span class="line">{}{}</span>').format(
            self._children(line), Markup("<br/>") if n < len(lines) - 1 else "") for n, line in enumerate(lines))

    def _typeset(self, children: list[Inline], hyphenated: bool, whole: tuple[int, ...] = ()) -> None:
        """Typography at render time: the model keeps the author's characters, the display gets «», nbsp…
        Words in another language are hyphenated by that language's pack (or not at all, without one)."""
        runs: list[tuple[Text | None, bool, str]] = []  # (text, verbatim, language); None: a line break

        def collect(nodes: list[Inline], verbatim: bool, language: str) -> None:
            for node in nodes:
                if isinstance(node, Text):
                    runs.append((node, verbatim, language))
                elif isinstance(node, Styled) and node.style == "br":
                    runs.append((None, True, language))
                elif isinstance(node, CONTAINERS):
                    collect(node.children, verbatim or (isinstance(node, Styled) and node.style == "code"),
                            node.lang if isinstance(node, Foreign) else language)

        collect(children, False, self.pack.tag)
        typographer = Typographer(self.pack.typography)
        counted = 0  # letters and digits of the paragraph before this run (what a layout counts words by)
        for index, (node, verbatim, language) in enumerate(runs):
            if node is None:  # a verse line's end: what follows starts a line (a quote there opens, a dash
                typographer.verbatim("\n")  # there is dialogue) and what comes before ends one
                continue
            after = "".join("\n" if n is None else n.text for n, _, _ in runs[index + 1:index + 3])
            shown = typographer.verbatim(node.text) if verbatim else typographer.chunk(node.text, lookahead=after)
            hyphenate = self._hyphenation(language) if hyphenated and not verbatim else None
            shown = hyphenate(shown) if hyphenate else shown
            if self.target.whole_words and not verbatim:
                shown = COMPOUND_HYPHEN.sub(NB_HYPHEN, shown)
            if hyphenate and self.lines is not None:
                from ..lines import limit_hyphens

                shown = limit_hyphens(shown, self.lines.limits)
            self.display[id(node)] = _keep_whole(shown, counted, whole) if whole else shown
            counted += sum(c.isalnum() for c in node.text)

    def _hyphenation(self, language: str):
        if language == self.pack.tag:
            return self.pack.hyphenate
        try:
            return pack_for(language).hyphenate
        except UnknownLanguage:
            return None

    def typeset(self, text: str) -> str | Markup:
        """A text of the book outside the article (title, colophon, glossary), typeset as shown."""
        shown = typeset(text, self.pack.typography)
        return shown if self.target.paged or NB_HYPHEN not in shown else Markup(self._shown(shown, text))

    def _shown(self, shown: str, written: str) -> str:
        """`shown` (the typeset text of `written`) escaped; outside print, the words bound at a suffix hyphen
        with the author's hyphen in a span that does not wrap (unless the author wrote U+2011)."""
        escaped = str(escape(shown))
        if self.target.paged or NB_HYPHEN not in shown or NB_HYPHEN in written:
            return escaped
        return BOUND_WORD.sub(_unbreakable, escaped)

    def _children(self, children: list[Inline]) -> Markup:
        out: list[str] = []
        previous = None
        for node in children:
            if isinstance(node, NoteRef) and isinstance(previous, NoteRef):
                out.append('<span class="note-sep">,</span>')
            elif isinstance(node, NoteRef) and self.target.footnotes == "aside":
                out.append(NOTE_GAP)
            out.append(self._node(node))
            previous = node
        return Markup("".join(out))

    def _node(self, node: Inline) -> str:
        if isinstance(node, Text):
            shown = self._shown(self.display.get(id(node), node.text), node.text)
            if self.target.paged:
                return LONG_RUN.sub(lambda m: f'<span class="long-run">{m[0]}</span>', shown)
            return self._tagged(shown) if self.pack.others else shown
        if isinstance(node, Styled):
            return "<br/>" if node.style == "br" else f"<{node.style}>{self._children(node.children)}</{node.style}>"
        if isinstance(node, Foreign):
            xml = f' xml:lang="{escape(node.lang)}"' if self.target.epub_semantics else ""
            return f'<span lang="{escape(node.lang)}"{xml}>{self._children(node.children)}</span>'
        if isinstance(node, Link):
            return f'<a class="external" href="{escape(node.href)}">{self._children(node.children)}</a>'
        if isinstance(node, Mark):
            return self._mark(node)
        if isinstance(node, NoteRef):
            return self._noteref(node)
        if isinstance(node, PageBreak):
            return self._pagebreak(node.number)
        raise TypeError(node)

    def _tagged(self, shown: str) -> str:
        """Words of another language the pack tells by their letters (Kazakh in a Russian text) in a span of
        their language, so that a screen reader reads them so (the e-book, the web page)."""
        for tag, run in self.pack.others:
            xml = f' xml:lang="{tag}"' if self.target.epub_semantics else ""
            shown = run.sub(lambda m: f'<span lang="{tag}"{xml}>{m[0]}</span>', shown)
        return shown

    def _pagebreak(self, number: int) -> str:
        return f'<span epub:type="pagebreak" role="doc-pagebreak" id="page-{number}" aria-label="{number}"></span>'

    def data_page(self, element_id: str) -> Markup:
        """A printed contents line's page number (the print styles set it after a leader), when known."""
        page = self.page_of.get(element_id) if self.target.paged else None
        return Markup(f' data-page="{page}"') if page else Markup(' data-page=""') if self.target.paged else Markup("")

    def page_marks(self, element_id: str) -> Markup:
        """Markers for printed pages that begin at this element (not inside a paragraph)."""
        return Markup("".join(self._pagebreak(n) for n in self.page_breaks.get(element_id, ())))

    def _mark(self, node: Mark) -> str:
        inner = self._children(node.children)
        if node.kind.endswith("-use"):  # a use that is not linked: an id for the appendix's page list
            return f'<span class="{node.kind}" id="{node.id}">{inner}</span>'
        if node.kind == "abbr":
            inner = Markup(f'<abbr title="{escape(self.glossary[node.ref].expansion)}">{inner}</abbr>')
        css, part = MARK_LINKS[node.kind]
        return f'<a class="{css}" id="{node.id}" href="{self.href(part, node.ref)}">{inner}</a>'

    def _noteref(self, node: NoteRef) -> str:
        note = self.notes[node.key]
        if self.target.footnotes == "float":
            keep = " keep-with-call" if note.id in self.keep_notes else ""
            return f'<span class="footnote{keep}" id="{note.id}">{self.inline(note.body, note=note.number)}</span>'
        epub = ' epub:type="noteref"' if self.target.epub_semantics else ""
        return (f'<a class="noteref" id="{note.ref_id}" href="#{note.id}"{epub} role="doc-noteref">'
                f'{note.number}</a>')


def chapter_file(number: int) -> str:
    """The e-book's file of a volume's chapter."""
    return f"chapter-{number}.xhtml"


def _keep_whole(text: str, before: int, starts: tuple[int, ...]) -> str:
    """`text` (letters and digits `before` it in its paragraph) without the soft hyphens of the words
    that start after `starts` letters and digits of the paragraph."""
    out, count, word_start, in_word = [], before, before, False
    for char in text:
        if char.isalnum() or char == SOFT_HYPHEN:
            if not in_word:
                in_word, word_start = True, count
            if char == SOFT_HYPHEN and word_start in starts:
                continue
        else:
            in_word = False
        count += char.isalnum()
        out.append(char)
    return "".join(out)


def render_document(book: Book, target: Target, page: Page | None = None) -> str:
    """One HTML document holding some parts of the book."""
    page = page or Page()
    renderer = Renderer(book, target, page.page_of, page.page_breaks, page)
    return environment().get_template("book.html.j2").render(
        book=book, meta=book.meta, target=target, parts=page.parts, r=renderer, L=renderer.pack.labels,
        T=renderer.typeset, format_date=renderer.pack.format_date,
        version=__version__, title=page.title or book.meta.title, first_page=page.first_page, page=page,
        inline_styles=Markup(page.inline_styles), scripts=[Markup(s) for s in page.scripts], downloads=page.downloads,
        stylesheets=[*target.stylesheets, *page.extra_stylesheets] if page.linked_styles else [])
