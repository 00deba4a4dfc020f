"""The article's structure (warnings): `heading-unmarked` and `title-repeated` (fixable), `md-merged-lines`,
`author-missing` (book.yaml's author still the word `import` writes when a file names none), `number-only`
(a paragraph that is a number alone: a page counter copied with the text), `heading-repeated` (a
heading said again as the paragraph after it), `dialogue-as-list` (fixable,
article.md: a dialogue's reply written «- …», which Markdown prints as a bullet point).

- `heading-unmarked` (article.txt): a line that looks like a heading but is not marked as one with
  `# ` (`## `, `### ` for levels 2 and 3): one of the document parts the language pack names
  («Преамбула», «1-бап», «2-бап. Адам құқықтары», «I тарау», «Кіріспе»; «Статья 1»), or a short line (at most
  HEADING_WORDS words) with no final punctuation, whose last word is no predicate (a sentence that
  lost its full stop ends with one: that is paragraph-end's), followed by a longer paragraph.
  `--fix` puts `# ` before it.
- `title-repeated`: the article's first paragraph is book.yaml's title (or title and subtitle),
  compared without case, spaces or punctuation: the title page prints it already. `--fix` removes
  the line (and a following line that repeats the subtitle). Not a first line that goes on in the
  next (it ends with a comma the title lacks: a poem named by its first line). A paragraph further on that is the
  title again is reported too, without a fix (it may stand there as a heading).
- `md-merged-lines` (article.md): a Markdown paragraph of several lines of which at least
  MERGED_LINES each look like a paragraph of its own (a capital first, a full stop last): Markdown
  joins the lines of a paragraph into one, so they are printed as one paragraph. A blank line
  between them keeps them apart. The build shows this warning too.
- `md-unread` (article.md): Markdown kitap does not read, which prints as typed: a table («| 1 | 2 |» under
  «|---|---|»), a link to what is not a web address («[мұнда](javascript:…)», a reference link to a file).
"""
from __future__ import annotations

import re
from typing import Iterator

from .findings import Finding
from .passages import SPEECH_DASH, Passage, goes_on
from .source import Project
from .language import checking, predicate
from .tokens import TOKEN

HEADING_WORDS = 10
HEADING_CHARS = 80
FOLLOWED_BY = 1.5   # the next paragraph is at least this many times longer
MERGED_LINES = 3
LINE_ENDS_SENTENCE = re.compile(r"[.!?…][»”\"')\]]*\s*$")
LINE_STARTS_PARAGRAPH = re.compile(r"\s*(?:[«„\"(—–-]\s*)?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9]")
NOT_WORDS = re.compile(r"[\W_]+")
CONTINUES = ",;:"  # a line ending so goes on in the next one
LABEL = re.compile(r"\(\s*[^\W\d_]+(?:[\s-]+[^\W\d_]+){0,2}\s*\)")  # «(Быль)», «(Ертегі)», «(халық әңгімесі)»
NUMBER_ONLY = re.compile(r"[\d\s.,:/()-]*\d[\d\s.,:/()-]*")


def _normal(text: str) -> str:
    return NOT_WORDS.sub(" ", text.lstrip("# ").casefold()).strip()


def _goes_on(line: str, title: str) -> bool:
    """The line ends as a line that goes on in the next (a comma the title lacks): a poem named by its first
    line has that line, with its comma, as its own, not as a repeat of the title."""
    return line.rstrip()[-1:] in CONTINUES and title.rstrip()[-1:] not in CONTINUES


def repeated_title(project: Project) -> list[Passage]:
    """The first passages of the article that repeat book.yaml's title (and subtitle), if any."""
    passages = project.article_passages
    meta = project.book.meta
    if not passages or not meta.title.strip():
        return []
    if _goes_on(passages[0].text, meta.title):
        return []
    title, subtitle, first = _normal(meta.title), _normal(meta.subtitle), _normal(passages[0].text)
    if first == title and subtitle and len(passages) > 1 and _normal(passages[1].text) == subtitle:
        return passages[:2]
    return passages[:1] if first in (title, f"{title} {subtitle}".strip()) else []


def _looks_like_heading(passages: list[Passage], i: int, headings, is_predicate) -> bool:
    passage = passages[i]
    text = passage.text.strip()
    if passage.kind != "paragraph" or not text:
        return False
    if headings.match(text) and len(text) <= HEADING_CHARS * 1.5:
        return True
    words = TOKEN.findall(text)
    if not words or len(words) > HEADING_WORDS or len(text) > HEADING_CHARS:
        return False
    if not (text[-1].isalnum() or text[-1] in "»”)") or not (text[0].isupper() or text[0].isdigit()):
        return False
    after = i + 1
    if after + 1 < len(passages) and LABEL.fullmatch(passages[after].text.strip()):
        after += 1  # a title, then what kind of text it is: «Косточка» | «(Быль)» | the story
    if after >= len(passages) or passages[after].kind != "paragraph" or goes_on(text, passages[i + 1].text):
        return False  # (a line whose sentence goes on in the next is no heading: «Понятие» | «термин и …»)
    return (len(passages[after].text.strip()) >= FOLLOWED_BY * len(text)
            and not (is_predicate and is_predicate(words[-1])))


def heading_lines(project: Project) -> set[int]:
    """Indexes of the article passages heading-unmarked or title-repeated speak for (paragraph-end does not)."""
    if project.article.markdown:
        return {p.index for p in repeated_title(project)}
    passages = project.article_passages
    repeated = {p.index for p in repeated_title(project)}
    headings, is_predicate = checking(project).headings, predicate(project)
    furniture = {p.index for p in furniture_lines(project)}
    return repeated | {i for i in range(len(passages)) if i not in repeated and i not in furniture
                       and _looks_like_heading(passages, i, headings, is_predicate)}


def furniture_lines(project: Project) -> list[Passage]:
    """Paragraphs that are a web page's furniture (importer/clutter.py: a photo credit, a view counter,
    «read also», share buttons, tags): neither headings nor sentences missing their full stop."""
    from ..importer.clutter import furniture

    found, top = [], True  # (a menu's entry, «Настройки», only at the article's head: further on, a heading)
    for passage in project.article_passages:
        kind = furniture(passage.text) if passage.kind == "paragraph" else ""
        if kind and (kind != "menu" or top):
            found.append(passage)
        top = top and bool(kind)
    return found


def _web_furniture(project: Project) -> Iterator[Finding]:
    """`web-furniture`: a paragraph that is a web page's furniture, copied with the text."""
    from ..importer.clutter import furniture

    for passage in furniture_lines(project):
        lead = len(passage.text) - len(passage.text.lstrip())
        yield passage.finding(lead, "warning", f"«{passage.text.strip()}» reads as the web page's "
                              f"{furniture(passage.text)}, not the text: remove the line", "web-furniture")


def _heading_unmarked(project: Project) -> Iterator[Finding]:
    if project.article.markdown:
        return
    repeated = {p.index for p in (*repeated_title(project), *title_again(project))}  # (title-repeated's)
    for index in sorted(heading_lines(project) - repeated):
        passage = project.article_passages[index]
        lead = len(passage.text) - len(passage.text.lstrip())
        shown = passage.text.strip()
        yield passage.finding(lead, "warning", f"«{shown}» looks like a heading (a short line, no full stop, text "
                              "follows); mark it with «# » at the start of the line (`check --fix` does)",
                              "heading-unmarked", ((lead, lead, "# "),))


def title_again(project: Project) -> list[Passage]:
    """Paragraphs further on that are the book's title again, word for word (a web page repeats it after
    its lead paragraph, a pasted text under a picture)."""
    title = _normal(project.book.meta.title)
    skip = {p.index for p in repeated_title(project)}
    return [p for p in project.article_passages
            if title and p.index not in skip and p.kind == "paragraph" and _normal(p.text) == title
            and not _goes_on(p.text, project.book.meta.title)]


def _title_repeated(project: Project) -> Iterator[Finding]:
    for passage in title_again(project):
        lead = len(passage.text) - len(passage.text.lstrip())
        yield passage.finding(lead, "warning", f"«{passage.text.strip()}» repeats the book's title, which the title "
                              "page prints already; remove the line, or mark it as a heading («# ») if the text "
                              "needs it there", "title-repeated")
    repeated = repeated_title(project)
    if not repeated:
        return
    passages = project.article_passages
    end = passages[len(repeated)].start if len(passages) > len(repeated) else len(project.article.text)
    first = repeated[0]
    what = "title and subtitle" if len(repeated) > 1 or _normal(first.text) != _normal(project.book.meta.title) \
        else "title"
    yield first.finding(0, "warning", f"the article begins with the book's {what} («{first.text.strip()}»), which "
                        "the title page prints already; remove it from the article (`check --fix` does)",
                        "title-repeated", ((0, end - first.start, ""),))


def _merged_lines(project: Project) -> Iterator[Finding]:
    if not project.article.markdown:
        return
    for passage in project.article_passages:
        if passage.kind != "paragraph":
            continue
        lines = passage.text.split("\n")
        whole = [line for line in lines if LINE_STARTS_PARAGRAPH.match(line) and LINE_ENDS_SENTENCE.search(line)]
        if len(whole) >= MERGED_LINES and len(whole) * 3 >= len(lines) * 2:
            yield passage.finding(0, "warning", f"{len(whole)} of the {len(lines)} lines of this Markdown paragraph "
                                  "each look like a paragraph, but Markdown joins the lines of a paragraph into "
                                  "one: leave a blank line between paragraphs", "md-merged-lines")


TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*\|")
LINK_LEFT = re.compile(r"\[[^\]\n]+\](?:\([^)\s]*\)|\[[^\]\n]*\])")


def _markdown_unread(project: Project) -> Iterator[Finding]:
    if not project.article.markdown:
        return
    from ..transforms.inline_ops import plain_text

    book = project.book  # what prints, as the loader read it: the blocks and the notes
    literal = "\n".join([plain_text(block.children) for block in book.blocks] + [plain_text(n.body) for n in book.notes])
    for passage in project.article_passages:
        table, link = TABLE_RULE.search(passage.text), LINK_LEFT.search(passage.text)
        table = table if table and table[0] in literal else None
        link = link if link and link[0] in literal else None
        if table:
            yield passage.finding(table.start(), "warning", "a Markdown table, which kitap does not read: it prints "
                                  "as typed, with its bars; write its rows as sentences or a list", "md-unread")
        if link:
            yield passage.finding(link.start(), "warning", f"«{link[0][:60]}» prints as typed: a link kitap does not "
                                  "make (only web addresses and mailto: are links); keep its words and drop the "
                                  "brackets", "md-unread")


def _author_placeholder(project: Project) -> Iterator[Finding]:
    """`author-missing`: book.yaml's author is still the word `new` and `import` write when none is known."""
    from ..scaffold import PLACEHOLDER_AUTHORS
    from .passages import YamlFile

    placeholder = project.book.meta.author.strip()
    if placeholder in PLACEHOLDER_AUTHORS:
        path = project.book.root / "book.yaml"
        yield Finding(path, YamlFile(path).key_line(1, "author"), 1, "warning",
                      f"the author is still «{placeholder}», which `import` writes when the file names none, "
                      "and the title block prints it: write the author's name (or the organisation's) in book.yaml",
                      "author-missing")


def _number_only(project: Project) -> Iterator[Finding]:
    """`number-only`: a paragraph that is a number alone («0», «95»): a page's view counter or page number
    copied with the text, printed as a numbered paragraph of its own."""
    for passage in project.article_passages:
        text = passage.text.strip()
        if passage.kind in ("paragraph", "verse") and NUMBER_ONLY.fullmatch(text):
            lead = len(passage.text) - len(passage.text.lstrip())
            yield passage.finding(lead, "warning", f"the paragraph is only the number «{text}»: a page counter or "
                                  "page number copied with the text? Remove the line (or, if it numbers a part of "
                                  f"the text, mark it as a heading: «# {text}»)", "number-only")


def _heading_repeated(project: Project) -> Iterator[Finding]:
    """`heading-repeated`: a paragraph right after a heading that says the heading again (a page pasted with
    its heading twice: as a heading, then as the first line of the text)."""
    passages = project.article_passages
    for heading, paragraph in zip(passages, passages[1:]):
        if heading.kind == "heading" and paragraph.kind == "paragraph" \
                and _normal(heading.text) and _normal(heading.text) == _normal(paragraph.text):
            yield paragraph.finding(0, "warning", "the paragraph says the heading above it again "
                                    f"(«{paragraph.text.strip()}»); remove it, or the heading", "heading-repeated")


def _dialogue_as_list(project: Project) -> Iterator[Finding]:
    """`dialogue-as-list` (article.md): a list item that is a dialogue's reply («- Сен мені босат! - дейді.»):
    Markdown prints a line that begins with «- » as a bullet point, and the reply loses its dash."""
    if not project.article.markdown:
        return
    for passage in project.article_passages:
        lead = len(passage.text) - len(passage.text.lstrip())
        if passage.kind == "list" and passage.text[lead:lead + 2] in ("- ", "+ ", "* ") \
                and SPEECH_DASH.search(passage.text):
            yield passage.finding(lead, "warning", "this reply of a dialogue is a list item: Markdown prints a line "
                                  "that begins with «- » as a bullet point, without its dash; write «\\- » to keep "
                                  "the dash (`check --fix` does)", "dialogue-as-list", ((lead, lead, "\\"),))


def check(project: Project) -> Iterator[Finding]:
    yield from _author_placeholder(project)
    yield from _number_only(project)
    yield from _web_furniture(project)
    yield from _heading_repeated(project)
    yield from _dialogue_as_list(project)
    yield from _title_repeated(project)
    yield from _heading_unmarked(project)
    yield from _merged_lines(project)
    yield from _markdown_unread(project)
