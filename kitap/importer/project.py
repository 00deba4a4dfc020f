"""Stage 3 of `import`: the project's files, written into a temporary folder, read back by the build's own
loader and transforms, and only then renamed into place.

The read-back is the importer's promise that the project builds at once: every block's text is the
imported text and every note's call lands where the file had it. A block Markdown cannot render exactly
(rare emphasis at odd places) is written again without its formatting, and the user is told.
"""
from __future__ import annotations

import datetime
import io
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString as Quoted

from ..errors import KitapError
from ..load.article import parse_inline_markdown, parse_markdown, parse_plain
from ..model import Origin, Text
from ..scaffold import placeholder_author
from ..transforms.inline_ops import plain_text, walk
from .anchors import Anchor
from .glossary import Term
from .markdown import article_markdown, inline_markdown
from .shape import Shaped

ARTICLE = "article.md"
PLAIN_ARTICLE = "article.txt"


@dataclass
class Files:
    """What is written, with the facts the report gives."""

    texts: dict[str, str] = field(default_factory=dict)
    plain_blocks: list[int] = field(default_factory=list)  # blocks written without their formatting


def book_yaml(shaped: Shaped, name: str, language: str, source: Path, titled: bool = True) -> str:
    """`titled`: the file gave the title (else it is the file's name, to replace)."""
    book = CommentedMap()
    book["name"] = name
    book["title"] = Quoted(shaped.title)
    if shaped.subtitle:
        book["subtitle"] = Quoted(shaped.subtitle)
    book["author"] = Quoted(shaped.author or placeholder_author(language))
    if shaped.credentials:
        book["credentials"] = Quoted(shaped.credentials)
    book["language"] = language
    book["date"] = Quoted(shaped.date or datetime.date.today().isoformat())
    if shaped.source:
        book["source"] = Quoted(shaped.source)
    if shaped.publisher:
        book["publisher"] = Quoted(shaped.publisher)
    book["identifier"] = Quoted(f"urn:uuid:{uuid.uuid4()}")
    book.yaml_set_start_comment(f"The book's details, imported from {source.name}. Required: title, author. "
                                "See README.md for every key.")
    comments = {"name": f"output file names: {name}.pdf, {name}.epub (Latin letters, digits, - _)",
                "title": "" if titled else "TODO: the file's name; the file does not give its title",
                "author": "" if shaped.author else "TODO: write the author's name (the file does not give it)",
                "language": "kk (Kazakh), kk-Latn (Kazakh in Latin letters) or ru (Russian): hyphenation, "
                            "quotes, labels, spelling",
                "identifier": "keep it: e-readers recognise the book by it"}
    for key, comment in comments.items():
        if comment:  # two spaces after the value, as one would type it
            written = len(book[key]) + (2 if isinstance(book[key], Quoted) else 0)
            book.yaml_add_eol_comment(comment, key, column=len(key) + written + 4)
    return _dump(book)


def annotations_yaml(anchors: list[Anchor], notes: dict, lost: list[str], source: Path) -> str:
    lines = [f"# The footnotes and endnotes of {source.name}, each attached to the words right before its call",
             "# (the call goes right after the phrase). Edit the notes freely; keep each anchor a phrase of the text.", ""]
    for anchor in anchors:
        entry = CommentedMap(anchor=Quoted(anchor.phrase))
        if anchor.occurrence:
            entry["occurrence"] = anchor.occurrence
        entry["note"] = Quoted(note_markdown(notes[anchor.key]))
        lines.append(_dump([entry]).rstrip("\n"))
    for key in lost:
        lines += ["# TODO: this note has no words before its call (or its call is in the title); give it an anchor",
                  *("# " + line for line in _dump([{"anchor": Quoted(""), "note": Quoted(note_markdown(notes[key]))}])
                    .splitlines())]
    return "\n".join(lines) + "\n"


def note_markdown(children: list) -> str:
    """A note's Markdown, without its formatting if Markdown would not give back the same words."""
    text = inline_markdown(children)
    same = plain_text(parse_inline_markdown(text, Origin(Path(ARTICLE), 0))) == plain_text(children)
    return text if same else inline_markdown(children, formatted=False)


def glossary_yaml(terms: list[Term], language: str = "kk") -> str:
    """The glossary draft; `language`: the text's (its alphabet orders the printed glossary)."""
    order = {"ru": "Russian", "kk-Latn": "Kazakh Latin"}.get(language, "Kazakh")
    lines = ["# A draft made by `build.py import` from the abbreviations of the text: check every entry.",
             f"# Each entry is printed in {order} alphabetical order; add kk:, ru:, en:, origin: (kk, ru or en) as "
             "needed.", ""]
    for term in terms:
        entry = _dump([{"term": Quoted(term.term), "expansion": Quoted(term.expansion)}]).rstrip("\n")
        if term.expansion:
            lines += [f"# TODO: confirm (the text, paragraph {term.paragraph}, spells it out: «{term.spelled}»)", entry]
        else:
            lines += [f"# TODO: «{term.term}» (paragraph {term.paragraph}): the text does not spell it out (no words whose "
                      "initials give it); write its expansion and remove the '# ' before these two lines", *("# " + line for line in entry.splitlines())]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def article_files(shaped: Shaped, folder: Path, plain: bool = False) -> Files:
    """article.md, checked against the build's own Markdown reader block by block; for a text file
    (`plain`) whose lines all read back as themselves, article.txt, the file's lines as they are (then
    `check` looks at them as at any article.txt: heading-unmarked, title-repeated …)."""
    if plain and not shaped.notes and all(isinstance(node, Text) for p in shaped.pieces for node in p.children):
        text = "".join(("#" * p.level + " " if p.kind == "h" else "") + plain_text(p.children) + "\n"
                       for p in shaped.pieces)
        blocks = parse_plain(text, folder / PLAIN_ARTICLE)
        if [(b.kind, plain_text(b.children)) for b in blocks] == \
                [(p.kind, plain_text(p.children)) for p in shaped.pieces]:
            return Files({PLAIN_ARTICLE: text})
    files = Files()
    wanted = [plain_text(p.children) for p in shaped.pieces]
    for attempt in range(2):
        text = article_markdown(shaped.pieces, set(files.plain_blocks))
        blocks, _ = parse_markdown(text, folder / ARTICLE)
        got = [plain_text(b.children) for b in blocks]
        wrong = [i for i, expected in enumerate(wanted) if i >= len(got) or got[i] != expected]
        if len(got) == len(wanted) and not wrong:
            files.texts[ARTICLE] = text
            return files
        if attempt or len(got) != len(wanted):
            raise AssertionError(f"article.md does not read back as imported (blocks {wrong[:5]})")
        files.plain_blocks = wrong
    raise AssertionError("unreachable")


def write_project(folder: Path, texts: dict[str, str], anchors: list[Anchor]) -> None:
    """Write into a temporary folder beside `folder`, check it, then rename it into place."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise KitapError(f"{folder}: the folder is not empty; choose a new folder for the project")
    temporary = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".import", dir=folder.parent))
        for name, text in texts.items():
            (temporary / name).write_text(text, encoding="utf-8")
        try:
            _check_calls(temporary, anchors)
        except KitapError as error:  # the importer wrote what the build refuses: a bug of the importer
            raise AssertionError(f"the imported project does not load: {error}") from None
        os.replace(temporary, folder)  # an empty folder is replaced; nothing else exists there
    except OSError as error:
        raise KitapError(f"{folder}: the project cannot be written there ({error.strerror or error}); "
                         "choose another folder") from None
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


def checker_findings(folder: Path) -> tuple[list[str], list[str], int]:
    """What the build's checker would stop at (a text typed with a font hack, …): the file's own words,
    which the import does not change; `build.py check --fix` repairs the mechanical ones. And the lines
    that look like headings not marked as such (heading-unmarked: `check --fix` marks them), and how
    many lines go on in the next (line-broken: `check --fix` joins them)."""
    from ..check import CHECKS, run_checks, spelling
    from ..check.source import project_of
    from ..load import load_project

    findings = run_checks(project_of(load_project(folder)), [c for c in CHECKS if c is not spelling.check])
    return ([str(f) for f in findings if f.severity == "error"],
            [f.message.split("»")[0].lstrip("«") for f in findings if f.rule == "heading-unmarked"],
            sum(f.rule == "line-broken" for f in findings))


def _check_calls(folder: Path, anchors: list[Anchor]) -> None:
    """Load the project as the build does and find every note's call where the file had it."""
    from ..load import load_project
    from ..transforms import apply_transforms
    from ..model import NoteRef

    book = apply_transforms(load_project(folder))
    places = {}
    for index, block in enumerate(book.blocks):
        position = 0
        for node in walk(block.children):
            if isinstance(node, NoteRef):
                places[node.key] = (index, position)
            elif not hasattr(node, "children"):
                position += len(getattr(node, "text", ""))
    for number, anchor in enumerate(anchors, start=1):
        if places.get(f"a{number}") != (anchor.piece, anchor.end):
            raise AssertionError(f"note {number} («{anchor.phrase}») lands at {places.get(f'a{number}')}, "
                                 f"not {(anchor.piece, anchor.end)}")


def _dump(data) -> str:
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 4096  # one line per value: a folded note is valid YAML but hard to edit
    yaml.allow_unicode = True
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()
