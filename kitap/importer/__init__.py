"""`build.py import FILE [DIR]`: a new project from a file a teacher has (Word, OpenDocument, a saved web
page, Markdown, text), by stages: read (read.py: the file → a neutral document) → shape (shape.py: title,
headings, what could not be kept) → anchors and glossary draft → write (project.py: checked, atomic).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..check.language import checking_for
from ..errors import SourceError
from ..languages.kk.letters import language_of
from ..languages.kk.translit import file_name
from ..model import Text
from ..scaffold import CHRONOLOGY
from ..transforms.inline_ops import plain_text
from .anchors import anchor_for, find_calls
from .detect import NAMES
from .glossary import Term, draft
from .metadata import author_line, byline_parts
from .project import annotations_yaml, article_files, book_yaml, checker_findings, glossary_yaml, write_project
from .read import read_document
from .shape import paragraph_numbers, shape


@dataclass
class Result:
    folder: Path
    kind: str                      # "a Word document (.docx)"
    title: str
    author: str                    # '' when the file does not name one
    language: str
    paragraphs: int
    headings: int
    notes: int
    terms: list[Term]
    created: list[Path]
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the checker's: the build stops at them until fixed
    article: str = "article.md"    # the name of the article written
    unmarked: list[str] = field(default_factory=list)  # lines that look like headings (check --fix marks them)
    broken: int = 0                # lines whose sentence goes on in the next (check --fix joins them)


def default_folder(source: Path) -> Path:
    """Without DIR: a folder in the current directory named like the file, in Latin letters."""
    return Path(file_name(source.stem))


def import_file(source: Path, folder: Path | None = None) -> Result:
    folder = folder or default_folder(source)
    document, kind = read_document(source)
    _in_2021_letters(document, source)
    shaped = shape(document, source, fallback_title=source.stem)
    if not shaped.pieces:
        raise SourceError(source, 0, "no text found in the file (is it only pictures or a scan? kitap needs the text itself)")
    _without_pictures(shaped, source)
    _single_spaces(shaped)
    texts = [plain_text(p.children) for p in shaped.pieces]
    _printable(shaped, texts, source)
    anchors, unanchored = [], list(shaped.untitled_notes)
    empty = [key for key, note in shaped.notes.items() if not plain_text(note).strip()]
    for call in find_calls(shaped.pieces):
        anchor = anchor_for(call, texts) if call.key not in empty else None
        if anchor:
            anchors.append(anchor)
        elif call.key not in empty:
            unanchored.append(call.key)
    # a school computer's "User" is not the author; a byline's role after the comma is the credentials
    shaped.author, shaped.credentials = byline_parts(author_line(shaped.author))
    author = shaped.author
    language = language_of("\n".join(texts))
    language_checking = checking_for(language)
    terms = draft(texts, paragraph_numbers(shaped.pieces), author, language_checking.capitals, language_checking.surname)
    files = article_files(shaped, folder, plain=kind == NAMES["txt"])
    files.texts.update({
        "book.yaml": book_yaml(shaped, file_name(source.stem), language, source, shaped.title != source.stem),
        "annotations.yaml": annotations_yaml(anchors, shaped.notes, unanchored, source),
        "glossary.yaml": glossary_yaml(terms, language),
        "chronology.yaml": CHRONOLOGY,
    })
    write_project(folder, files.texts, anchors)
    warnings = shaped.warnings + [f"{source}: the formatting of paragraph {n} could not be kept in Markdown; it was "
                                  "imported as plain text" for n in _numbers(shaped, files.plain_blocks)]
    warnings += [f"{source}: a note has no words before its call; it is in annotations.yaml, commented out: "
                 "give it an anchor" for _ in unanchored]
    warnings += [f"{source}: a note has no text (only a picture?) and was not imported" for _ in empty]
    errors, headings, broken = checker_findings(folder)
    article = next(name for name in files.texts if name.startswith("article."))
    return Result(folder, kind, shaped.title, author, language,
                  sum(p.kind != "h" for p in shaped.pieces), sum(p.kind == "h" for p in shaped.pieces),
                  len(anchors) + len(unanchored), terms, [folder / name for name in files.texts], warnings,
                  errors, article, headings, broken)


PICTURE = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2190-\u21FF\u2300-\u23FF]"
                     "[\uFE0E\uFE0F\u200D\U0001F3FB-\U0001F3FF\u20E3]*")  # an emoji with its joiners and modifiers


def _without_pictures(shaped, source: Path) -> None:
    """Emoji and picture symbols the fonts cannot set (a post's «✅», a counter's «👁») left out, each named,
    instead of refusing the file: they are no words, and a teacher could not print the text otherwise."""
    from ..load.characters import uncovered

    left: dict[str, int] = {}

    def without(text: str) -> str:
        def drop(found: re.Match) -> str:
            if uncovered(found[0][0]) is None:
                return found[0]  # (an arrow or a sign the fonts have stays)
            left[found[0]] = left.get(found[0], 0) + 1
            return "\0"
        kept = PICTURE.sub(drop, text)
        if kept == text:
            return text

        def space(gap: re.Match) -> str:  # «мереке 🎉 өтті» → «мереке өтті», «өтті 🎉.» → «өтті.», «✅ Мектеп» → «Мектеп»
            before, after = kept[:gap.start()], kept[gap.end():]
            if not before or not after or after[0] in ".,;:!?…»)]":
                return gap[0].replace("\0", "").strip(" ") if before.endswith(" ") or after.startswith(" ") else ""
            return " " if " " in gap[0] or before[-1:].isalnum() and after[:1].isalnum() else ""
        return re.sub(r" *\0[\0 ]* *", space, kept)

    _each_text(shaped, without)
    shaped.title = shaped.title.strip()
    from .document import calls

    shaped.pieces = [p for p in shaped.pieces if plain_text(p.children).strip() or calls(p.children) or not p.children]
    if left:
        shown = ", ".join(f"«{char}»" + (f" ×{count}" if count > 1 else "") for char, count in left.items())
        count = sum(left.values())
        shaped.warnings.append(f"{source}: {count} picture character{'s' if count > 1 else ''} (emoji) left out, which "
                               f"kitap's fonts cannot set: {shown}; the words around them are kept")


SPACE_PAIR = re.compile("(?: \u00a0|\u00a0 )[ \u00a0]*")  # «—&nbsp; порядка»: a page's no-break space beside a space


def _single_spaces(shaped) -> None:
    """A no-break space beside a space (a saved page's «&nbsp; ») is one space: both printed a double gap."""
    _each_text(shaped, lambda text: SPACE_PAIR.sub(" ", text) if "\u00a0" in text else text)


def _printable(shaped, texts: list[str], source: Path) -> None:
    """Stop, at the file and its paragraph, at a character the build would refuse (one the fonts lack):
    before anything is written, in words about the file the user has (the project does not exist yet)."""
    from ..load.characters import problem

    numbers = paragraph_numbers(shaped.pieces)
    places = [("the title", shaped.title)] + [(f"paragraph {n}" if piece.kind != "h" else "a heading", text)
                                             for piece, n, text in zip(shaped.pieces, numbers, texts)]
    places += [("a note", plain_text(note)) for note in shaped.notes.values()]
    for where, text in places:
        found = problem(text)
        if found:
            offset, message = found
            line = _source_line(source, text[offset]) if text[offset:offset + 1] else 0
            raise SourceError(source, line, f"{where} («{text[max(0, offset - 20):offset + 20].strip()}»): {message}; "
                                            "nothing was imported")


def _source_line(source: Path, char: str) -> int:
    """The line of a text file (.txt, .md) the character first stands on, for the message (0: not a text file,
    or not found as written: a character reference of a saved page)."""
    if source.suffix.lower() not in (".txt", ".md", ".markdown"):
        return 0
    try:
        from ..load.files import read_any_text

        text, _ = read_any_text(source)
    except Exception:  # noqa: BLE001 (the message is made without the line, as before)
        return 0
    at = text.find(char)
    return text.count("\n", 0, at) + 1 if at >= 0 else 0


def _in_2021_letters(document, source: Path) -> None:
    """A text in an older Kazakh Latin alphabet (the one of 2018, with ǵ ń ú ý …) is written in the letters
    of 2021, which kitap prints (and its fonts have), and the user hears of it; its words are the same."""
    from ..languages.kk_latn.alphabets import CHANGES, NAMES as ALPHABETS, alphabet_of, to_2021

    _cyrillic_schwa(document, source)
    _latin_twins(document, source)
    texts = [plain_text(p.children) for p in document.pieces] + [document.title]
    alphabet = alphabet_of("\n".join(texts))
    if not alphabet:
        return
    _each_text(document, lambda text: to_2021(text, alphabet))
    document.notices.append(f"{source}: the text is in {ALPHABETS[alphabet]}; it was written in the Kazakh Latin "
                            f"alphabet of 2021, which kitap prints (the same words: {CHANGES[alphabet]})")


def _each_text(document, convert) -> None:
    """Every text of the document (read or shaped: its paragraphs, notes, title, subtitle and author) as `convert`
    gives it."""
    from ..transforms.inline_ops import walk

    for children in [p.children for p in document.pieces] + list(document.notes.values()):
        for node in walk(children):
            if isinstance(node, Text):
                node.text = convert(node.text)
    document.title, document.subtitle, document.author = (convert(text) for text in
                                                          (document.title, document.subtitle, document.author))


SCHWA = {"Ə": "Ә", "ə": "ә"}  # Latin (Azerbaijani) schwa → the Kazakh Cyrillic letter it stands for


def _cyrillic_schwa(document, source: Path) -> None:
    """The Latin schwa typed for ә inside a Cyrillic word («Əрбір», «жəне»: texts copied from PDFs of
    emirsaba.org and the like) is the Cyrillic ә it stands for; kitap's fonts have no capital Ə, which
    stopped the import. The user hears of it."""
    from ..check.script import WORD, is_cyrillic

    count = 0

    def cyrillic(match) -> str:
        nonlocal count
        word = match[0]
        if not any(char in SCHWA for char in word) or not any(map(is_cyrillic, word)):
            return word
        count += 1
        return "".join(SCHWA.get(char, char) for char in word)

    _each_text(document, lambda text: WORD.sub(cyrillic, text))
    if count:
        document.notices.append(f"{source}: {count} Cyrillic word{'s' if count > 1 else ''} had the Latin schwa «ə» "
                                "typed for «ә»; it was written as the Cyrillic letter")


def _latin_twins(document, source: Path) -> None:
    """In a text in Latin letters, the Cyrillic letters typed inside its Latin words (і for i, а е о р с
    for a e o p c: some sites' editors type them so) are the Latin letters they look like, so that the
    words are read, converted and checked as the Latin words they are; the user hears of it. A word
    with a Cyrillic letter that has no Latin twin (ә, қ) is left for `check` to report. (A small к counts as
    k here: in a Latin word it is one; `check` does not take it for a look-alike in Cyrillic text.)"""
    from ..check.script import CYRILLIC_TO_LATIN, WORD, _target, is_cyrillic, is_latin
    from ..languages.kk_latn.alphabets import ALPHABET_2018

    everything = "\n".join([plain_text(p.children) for p in document.pieces] + [document.title])
    if sum(map(is_latin, everything)) <= 2 * sum(map(is_cyrillic, everything)):
        return
    changed: list[str] = []
    twins = {**CYRILLIC_TO_LATIN, "к": "k"}
    # A site that types the alphabet of 2018 without its dotless ı writes и as i and і as the Cyrillic і
    # («аrnаiy» арнайы, «іssаpаrmеn» іссапармен): there, every Latin i is ı and the Cyrillic і is i.
    dotless = "ı" in everything or not re.search(r"[^\W\d_]*[a-z][^\W\d_]*і|і[^\W\d_]*[a-z]", everything)
    if not dotless:
        twins["i"] = "ı"

    def latin(match) -> str:
        word = match[0]
        if not any(map(is_cyrillic, word)):
            if dotless or not set(word.lower()) <= ALPHABET_2018:
                return word
            return word.replace("i", "ı")
        if not any(map(is_latin, word)) or _target(word.replace("к", "k"), False) != "latin":
            return word
        changed.append(word)
        return "".join(twins.get(char, char) for char in word)

    _each_text(document, lambda text: WORD.sub(latin, text))
    if changed:
        examples = ", ".join(f"«{word}»" for word in dict.fromkeys(changed[:3]))
        document.notices.append(f"{source}: {len(changed)} Latin word{'s' if len(changed) > 1 else ''} had Cyrillic "
                                f"letters that look like Latin ones typed in them ({examples}); they were written in "
                                "Latin letters")


def _numbers(shaped, indexes: list[int]) -> list[int]:
    numbers = paragraph_numbers(shaped.pieces)
    return [numbers[i] for i in indexes]
