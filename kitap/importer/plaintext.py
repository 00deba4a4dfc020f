"""A .txt file, read the way kitap reads article.txt: one paragraph per line, `# ` marks a heading; a poem's
stanzas (groups of short lines between blank lines) are one paragraph each, their lines kept.

The text is read by kitap's own reader (encodings, control characters, size), whose message is the
user's when it refuses the file. A pasted text usually begins with its title (a short line with no
closing punctuation and text after it), sometimes after its author's name, or signed at its end (a
name, then after a comma who the author is): those lines become book.yaml's title and author.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..languages.kk.letters import language_of
from ..load.files import read_any_text
from ..model import Styled, Text
from .document import Imported, Piece
from ..check.passages import VERSE_LINE, goes_on
from .clutter import Furniture, without_edit_link
from .metadata import DEGREE, author_line, dateline_date, institution_name, person_name, title_without_site

HEADING = re.compile(r"^(#{1,3}) +(\S.*)$")
TITLE_MAX_WORDS = 12
# initials and a surname, then a title in the same line: «Н.А. Атыгаев О времени образования Казахского ханства»
NAME_BEFORE_TITLE = re.compile(r"(?P<name>(?:[^\W\d_]\.\s?){1,2}[^\W\d_][^\W\d_-]+(?:-[^\W\d_]+)?)\s+"
                               r"(?P<title>[^\W\d_a-zа-яёәғқңөұүһі].+)")
SENTENCE_END = ".,;:!?…"
TAB, CELL_JOIN = re.compile(r"[ \u00a0]*\t[\t \u00a0]*"), " — "  # (as a saved page's table cells are joined)
SIGNATURE_PLACE_WORDS = 5
POEM_BLOCK = 8  # short lines in one block, most ending no sentence: a poem's lines, not prose


def read_plain(path: Path) -> Imported:
    text, converted = read_any_text(path)
    groups, group = [], []  # runs of lines between blank lines, without a web page's furniture
    lines = text.split("\n")
    seen, index = Furniture([line for line in lines if line.strip()]), 0
    tabbed = edits = 0
    for line in lines:
        if line.strip():
            index += 1
            if seen.keep(line.strip(), index - 1):
                cells = TAB.sub(CELL_JOIN, line.strip())  # a table's row copied from a page: «Ел⟶Қазақстан»
                tabbed += cells != line.strip()
                bare = without_edit_link(cells)  # a wiki's heading with its «[өңдеу]»
                edits += bare != cells
                group.append(bare)
        elif group:
            groups.append(group)
            group = []
    if group:
        groups.append(group)
    headed = ("", "")  # a poem's title over its poet's name, together before the first stanza
    if len(groups) > 1 and len(groups[0]) == 2 and _reads_as_title(groups[0][0]) and person_name(groups[0][1]):
        headed, groups = (groups[0][0], groups[0][1]), groups[1:]
    stanzas = [_is_stanza(group) for group in groups]
    # a poem: two stanzas at least whose lines mostly end no sentence, or one block of POEM_BLOCK lines such
    # (a poem pasted without empty lines between its stanzas); then every group of short lines is one
    verses = [group for group, is_stanza in zip(groups, stanzas) if is_stanza and _verse_endings(group)]
    verse = len(verses) >= 2 or any(len(group) >= POEM_BLOCK for group in verses)
    pieces = []
    for group, is_stanza in zip(groups, stanzas):
        if verse and is_stanza:
            pieces += _stanza(group)
            continue
        for line in group:
            heading = HEADING.match(line)
            pieces.append(Piece("h", [Text(heading[2].strip())], len(heading[1])) if heading
                          else Piece("p", [Text(line)]))
    title, author = headed
    header = []  # an institution's page: its ministry and institute over the title («… институты»)
    while not title and len(header) < 3 and len(pieces) > len(header) + 2 and institution_name(_line(pieces[len(header)])):
        header.append(_line(pieces[len(header)]).strip())
    if header and _reads_as_title(_line(pieces[len(header)])):
        del pieces[:len(header)]
    else:
        header = []  # an institution's name over the text itself: the title («Назарбаев Университеті»)
    named = NAME_BEFORE_TITLE.match(_line(pieces[0])) if header and len(pieces) > 1 else None
    if named and person_name(named["name"]) and _reads_as_title(named["title"]):
        author, title = named["name"], named["title"]  # «Н.А. Атыгаев О времени образования Казахского ханства»
        pieces.pop(0)
    if not title and len(pieces) > 2 and person_name(_line(pieces[0])):
        author = pieces.pop(0).children[0].text
    while not title and len(pieces) > 2 and _line(pieces[0]) and _line(pieces[1]) \
            and goes_on(_line(pieces[0]), _line(pieces[1])):
        # a title copied with its line breaks: «… проблемы» | «исследования языка»
        pieces[:2] = [Piece("p", [Text(f"{_line(pieces[0])} {_line(pieces[1])}")])]
    dateline, date, language = "", "", language_of(text)
    # a site's rubric («Тарих») and date line before the title, or the date line alone
    for skip in (1, 0):
        if not title and len(pieces) > skip + 2 and _line(pieces[skip + 1]) and _headline(_line(pieces[skip + 1])) \
                and (not skip or _rubric(_line(pieces[0]))):
            date = dateline_date(_line(pieces[skip]), language)
            if date:
                dateline = " ".join(pieces.pop(0).children[0].text for _ in range(skip + 1))
                break
    subtitle = ""
    if not title and len(pieces) > 1 and _line(pieces[0]) and ((_headline(_line(pieces[0])) if dateline else
                                                  _reads_as_title(_line(pieces[0])))
                                                 or _question_title(_line(pieces[0]), _line(pieces[1]))) \
            and not dateline_date(_line(pieces[0]), language):
        title = pieces.pop(0).children[0].text
        if len(pieces) > 1 and SUBTITLE.fullmatch(_line(pieces[0])):  # «(балаларға арналған нұсқасы)»
            subtitle = pieces.pop(0).children[0].text.strip()[1:-1].strip()
        if not date and len(pieces) > 1 and _line(pieces[0]):  # the date line under the title
            date = dateline_date(_line(pieces[0]), language)
            if date:
                dateline = pieces.pop(0).children[0].text
    if not author and len(pieces) > 2 and _line(pieces[-1]) and _byline(_line(pieces[-1])):
        author = pieces.pop().children[0].text  # a regional paper signs its articles at the end
    elif not author and len(pieces) > 3 and _line(pieces[-2]) and _line(pieces[-1]) \
            and _two_line_byline(pieces[-2:]):
        place = pieces.pop().children[0].text  # a letter signed «Е.К. Шалгумбаева,» | «г. Тараз, Казахстан»
        author = f"{pieces.pop().children[0].text} {place}"
    notices = encoding_notices(path, converted) + site_name_notices(path, title, title_without_site(title))
    notices += seen.notices(path)
    notices += [f"{path}: {edits} heading{'s' if edits > 1 else ''} copied from a wiki lost the edit link after "
                "it («[өңдеу]»)"] if edits else []
    notices += [f"{path}: {tabbed} line{'s' if tabbed > 1 else ''} with tabs (a table's rows, copied) imported with "
                "their cells joined by « — »; check that they read well"] if tabbed else []
    notices += [f"{path}: a block of {len(group)} verse lines, imported as one stanza; if the poem has stanzas, leave "
                "an empty line between them in article.md (each is then a paragraph with its own number)"
                for group in verses if verse and len(group) >= POEM_BLOCK]
    if dateline:
        rubric = "rubric and " if not dateline_date(dateline, language) or re.search("[•|·]", dateline) else ""
        notices.append(f"{path}: «{dateline}» reads as a web site's {rubric}date line, not the text: it was "
                       f"left out, and its date is book.yaml's date ({date})")
    notices += [f"{path}: {', '.join(f'«{line}»' for line in header)} over the text name{'s' if len(header) == 1 else ''} "
                f"the institution publishing it: book.yaml's publisher is «{header[-1]}»"] if header else []
    return Imported(pieces, {}, title=title_without_site(title), subtitle=subtitle, author=author, notices=notices,
                    date=date, publisher=header[-1] if header else "")


def site_name_notices(path: Path, title: str, kept: str) -> list[str]:
    """What the user hears when a title lost the site's name after it (metadata.title_without_site)."""
    if kept == title:
        return []
    return [f"{path}: the title is «{kept}»; «{title[len(kept):].strip()}» after it reads as a web site's name and was "
            "left out (write it back into book.yaml's title if it belongs there)"]


def encoding_notices(path: Path, converted: str) -> list[str]:
    """What the user hears when the file was not UTF-8 (read_any_text's `converted`)."""
    return [f"{path}: read as {converted} (the file is not UTF-8); the project's files are UTF-8"] if converted else []


# A line in brackets under the title, of three words or more: its subtitle («(балаларға арналған нұсқасы)»);
# one or two are a genre's label that goes with a heading («(Басня)», «(халық әңгімесі)»: check's LABEL)
SUBTITLE = re.compile(r"\(\s*[^()\s]+(?:\s+[^()\s]+){2,}\s*\)")
RUBRIC_WORDS = 3  # a site's rubric over its articles: «Тарих», «Мәдениет», «Білім және ғылым»


def _rubric(line: str) -> bool:
    return len(line.split()) <= RUBRIC_WORDS and line[-1] not in SENTENCE_END and not person_name(line)


def _byline(line: str) -> bool:
    """A closing signature: a person's name and, after a comma, who they are («Сәуле Жұмабаева, №12
    мектептің мұғалімі», metadata.author_line), with no closing punctuation (a sentence has one). A name
    alone, or a second name after the comma («Қазақ Елі, Мәңгілік Ел» reads as two), stays in the text."""
    ends_degree = bool(DEGREE.fullmatch(line.split()[-1]))  # «Айгүл Сейітова, т.ғ.к.»: its full stop ends no sentence
    return ("," in line or ends_degree or DEGREE.match(line) is not None) \
        and (line[-1] not in SENTENCE_END or ends_degree) and bool(author_line(line))


def _line(piece: Piece) -> str:
    """The text of a paragraph of one line ('' for a heading or a stanza: never taken for a title or a byline)."""
    return piece.children[0].text if piece.kind == "p" and len(piece.children) == 1 else ""


def _is_stanza(lines: list[str]) -> bool:
    """Lines between blank lines that can be a poem's stanza: two or more, each short, none a heading, most
    not going on in the next in a small letter (prose copied with its line breaks does)."""
    if len(lines) < 2 or any(len(line) > VERSE_LINE or HEADING.match(line) for line in lines):
        return False
    return sum(goes_on(a, b) for a, b in zip(lines, lines[1:])) * 2 < len(lines) - 1


def _verse_endings(lines: list[str]) -> bool:
    """Most lines end no sentence: a verse line ends in a comma, a dash or nothing; short lines of prose
    end in full stops."""
    return sum(line[-1] in ".!?…" for line in lines) * 2 <= len(lines)


def _stanza(lines: list[str]) -> list[Piece]:
    """A stanza as one paragraph whose lines are kept (line breaks); a first line that is the poem's title
    (no closing punctuation where the stanza's lines mostly have it) stands before it alone."""
    pieces = []
    ends = [line[-1] in SENTENCE_END + "–—-" for line in lines[1:]]
    if len(lines) > 2 and lines[0][-1] not in SENTENCE_END and sum(ends) * 2 > len(ends):
        pieces.append(Piece("p", [Text(lines[0])]))
        lines = lines[1:]
    children = []
    for line in lines:
        children += ([Styled("br", [])] if children else []) + [Text(line)]
    return pieces + [Piece("p", children)]


def _two_line_byline(last: list[Piece]) -> bool:
    """A signature over two lines: a name and a comma, then a short line of who or where («г. Тараз»)."""
    if any(piece.kind != "p" for piece in last):
        return False
    name, place = (piece.children[0].text for piece in last)
    return (name.endswith(",") and len(place.split()) <= SIGNATURE_PLACE_WORDS
            and _byline(f"{name} {place}"))


def _reads_as_title(line: str) -> bool:
    return bool(line) and len(line.split()) <= TITLE_MAX_WORDS and line[-1] not in SENTENCE_END


def _headline(line: str) -> bool:
    """A news site's headline, under its date line: a title, or one that trails off («… қатысу үшін…»)."""
    return _reads_as_title(line.rstrip("…").rstrip(".") if line.endswith(("…", "...")) else line)


def _question_title(line: str, after: str) -> bool:
    """A first line that asks the text's question («Неліктен Қазақстан БҰҰ-ға кірді?»): one short sentence
    ending in «?», not a reply of a dialogue (a dash before it), and a paragraph of more words after it."""
    return (line.endswith("?") and len(line.split()) <= TITLE_MAX_WORDS and line[0].isupper()
            and not any(mark in line[:-1] for mark in ".!?…") and len(after.split()) > len(line.split()))
