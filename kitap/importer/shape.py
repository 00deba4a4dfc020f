"""Stage 2 of `import`: the read document shaped as a kitap article.

The title leaves the text (book.yaml prints it), empty paragraphs go, heading levels start at `#`, and
every picture and table that could not be kept is put into words for the user.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..check.passages import SPEECH_DASH
from ..model import Styled, Text
from ..transforms.inline_ops import plain_text
from ..languages.kk.letters import language_of
from .document import Imported, Piece, calls
from .clutter import without_furniture
from .metadata import dateline_date, person_name
from .plaintext import _byline

MAX_HEADING_LEVEL = 3


@dataclass
class Shaped:
    pieces: list[Piece]
    notes: dict[str, list]
    title: str
    subtitle: str
    author: str
    warnings: list[str] = field(default_factory=list)
    credentials: str = ""  # who the author is, when the byline says it («№3 мектептің мұғалімі»)
    untitled_notes: list[str] = field(default_factory=list)  # keys of notes called in the title itself
    date: str = ""  # the file's own date (ISO), else book.yaml's date is the day of the import
    source: str = ""  # the file's own address (book.yaml's source:)
    publisher: str = ""  # the institution a page's header names (book.yaml's publisher:)


def shape(document: Imported, path, fallback_title: str) -> Shaped:
    pieces = document.pieces
    title = document.title
    untitled: list[str] = []
    pieces, furniture_notices = without_furniture(pieces, path) if not document.authored else (pieces, [])
    # (a .txt has lost its already; a Word file is its author's: «Сурет: портреті.» is a caption of theirs)
    date, notices = document.date, list(document.notices) + furniture_notices
    first = next((p for p in pieces if plain_text(p.children).strip()), None)
    heading = _title_after_datelines(pieces, title)
    if heading is not None and first is not heading:  # a saved news page: «24.12.2025, 17:39», then its <h1>
        for piece in pieces[:pieces.index(heading)]:
            line = plain_text(piece.children).strip()
            found = dateline_date(line, language_of(line)) if line else ""
            if line and found:
                date = date or found
                notices.append(f"{path}: «{line}» before the title reads as a web site's date line, not the text: it "
                               f"was left out, and its date is book.yaml's date ({found})")
            pieces.remove(piece)
        first = heading
    if first is not None and first.kind == "h" and (not title or plain_text(first.children) == title):
        title = plain_text(first.children)
        untitled = [call.key for call in calls(first.children)]
        _carry_lost(pieces, pieces.index(first))
        pieces.remove(first)
    pieces = _without_empty(pieces)
    author = document.author
    if not author and len(pieces) > 2 and pieces[0].kind == "p" and title:
        byline = _under_title_byline(plain_text(pieces[0].children).strip())  # «*Антон Павлович Чехов, 1883*»
        if byline:
            author = byline
            pieces.pop(0)
    if len(pieces) > 1 and pieces[-1].kind == "h" and document.notes:  # «Дереккөздер» over the notes, now footnotes
        notices.append(f"{path}: the last heading «{plain_text(pieces[-1].children).strip()}» had nothing under it "
                       "but the notes, which are now footnotes on their pages (annotations.yaml): it was left out")
        pieces.pop()
    if not author and len(pieces) > 2 and pieces[-1].kind == "p":  # a page signed at its end, as a .txt is
        signature = _with_breaks(pieces[-1].children)
        if _byline(signature):
            author = signature
            pieces.pop()
    _level_headings(pieces)
    replies = _replies(pieces)
    subtitle = document.subtitle
    if not subtitle and title and len(pieces) > 2 and pieces[0].kind == "p" and pieces[1].kind == "h" \
            and not calls(pieces[0].children):
        lead = plain_text(pieces[0].children).strip()
        if lead and lead[-1] not in ".!?…:;" and len(lead.split()) <= LEAD_WORDS:
            subtitle = lead  # «… конференцияда сөйлеген сөзі» under the title, a heading after it: no paragraph
            notices.append(f"{path}: «{lead}», under the title and before the first heading, is the subtitle")
            pieces.pop(0)
    shaped = Shaped(pieces, document.notes, title or fallback_title, subtitle, author,
                    notices, untitled, date=date, source=document.source, publisher=document.publisher)
    if replies:
        shaped.warnings.append(f"{path}: {replies} list item{'s' if replies > 1 else ''} read as the replies of a "
                               "dialogue («- Сен мені босат! - дейді.»: a dash, then a dash before the words that "
                               "say who spoke); imported as paragraphs that begin with the dash")
    shaped.warnings += _losses(pieces, path)
    return shaped


LEAD_WORDS = 30  # a subtitle's words at most: a line that says what the text is, not its first paragraph
UNDER_TITLE = re.compile(r"(?P<name>[^,()]+?)(?:,\s*|\s+\()(?P<year>\d{4})\)?")  # «Антон Павлович Чехов, 1883»


def _under_title_byline(line: str) -> str:
    """A line under the title that names its author, and the year it was written («Антон Павлович Чехов,
    1883», «Абай Құнанбайұлы (1891)»): the author, the year kept as the credentials' line."""
    found = UNDER_TITLE.fullmatch(line)
    if found and person_name(found["name"].strip()):
        return f"{found['name'].strip()}, {found['year']}"
    return ""


def _with_breaks(children) -> str:
    """A paragraph's text, its line breaks as spaces («Рымғали Нұрғали,<br>академик» is one line)."""
    out = []
    for node in children:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Styled) and node.style == "br":
            out.append(" ")
        elif hasattr(node, "children"):
            out.append(_with_breaks(node.children))
    return " ".join("".join(out).split())


DATELINES_BEFORE_TITLE = 3


def _title_after_datelines(pieces: list[Piece], title: str) -> Piece | None:
    """The first heading, when only date lines stand before it (up to DATELINES_BEFORE_TITLE short
    paragraphs, each a date line: metadata.dateline_date) and it is the page's title (or the page has
    none): it is the title, and the date lines go (their words are the site's, not the text's)."""
    for index, piece in enumerate(pieces[:DATELINES_BEFORE_TITLE + 1]):
        text = plain_text(piece.children).strip()
        if piece.kind == "h":
            return piece if index and (not title or text == title) else None
        if text and (piece.kind != "p" or not dateline_date(text, language_of(text))):
            return None
    return None


def _replies(pieces: list[Piece]) -> int:
    """Turn runs of bulleted items that are a dialogue's replies into paragraphs beginning with a dash:
    Markdown (and Word's AutoFormat) makes a line typed «- Сен мені босат! - дейді.» a list item. A run is
    a dialogue when one of its items has the dash that introduces who spoke («…, - дейді», «…? - десе»).
    Returns how many items were turned."""
    turned, index = 0, 0
    while index < len(pieces):
        end = index
        while end < len(pieces) and pieces[end].kind == "bullet":
            end += 1
        run = pieces[index:end]
        if run and any(SPEECH_DASH.search(plain_text(piece.children)) for piece in run):
            for piece in run:
                piece.kind = "p"
                piece.children.insert(0, Text("- "))
            turned += len(run)
        index = max(end, index + 1)
    return turned


def _without_empty(pieces: list[Piece]) -> list[Piece]:
    """Drop pieces with no text and no note call; what they lost is told with the next piece kept."""
    kept: list[Piece] = []
    carried: list[str] = []
    for piece in pieces:
        if not plain_text(piece.children).strip() and not calls(piece.children):
            carried += piece.lost
            continue
        piece.lost[:0] = carried
        carried = []
        kept.append(piece)
    if carried and kept:
        kept[-1].lost += carried
    return kept


def _carry_lost(pieces: list[Piece], index: int) -> None:
    if index + 1 < len(pieces):
        pieces[index + 1].lost[:0] = pieces[index].lost


def _level_headings(pieces: list[Piece]) -> None:
    """The highest heading becomes `#`; deeper than `###` stays `###`."""
    levels = [p.level for p in pieces if p.kind == "h"]
    if levels:
        shift = min(levels) - 1
        for piece in pieces:
            if piece.kind == "h":
                piece.level = min(piece.level - shift, MAX_HEADING_LEVEL)


def paragraph_numbers(pieces: list[Piece]) -> list[int]:
    """Each piece's classroom paragraph number as the build gives it (headings are not numbered)."""
    numbers, number = [], 0
    for piece in pieces:
        number += piece.kind != "h"
        numbers.append(max(number, 1))
    return numbers


LOSSES = {
    "image": "image '{detail}' (paragraph {number}) was not imported: kitap does not support images yet; describe it "
             "in words",
    "code": "a block of program code (from paragraph {number}) was imported as one paragraph per line, without its "
            "indentation: kitap does not print code yet",
    "table": "a table (from paragraph {number}) was imported as one paragraph per row, its cells joined by « — »: "
             "kitap does not support tables yet; check that the rows read well, or rewrite them as text or a list",
}


def _losses(pieces: list[Piece], path) -> list[str]:
    return [f"{path}: " + LOSSES[kind].format(detail=detail, number=number)
            for piece, number in zip(pieces, paragraph_numbers(pieces)) for kind, detail in piece.lost]
