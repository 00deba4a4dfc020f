"""What Pandoc does not read from office files: the author and title in the file's properties, the
OpenDocument Title style, and the formatting Word keeps in character styles.

These are small, fixed parts of the packages (docProps/core.xml, meta.xml, word/styles.xml), read with
lxml without resolving entities or fetching anything.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

NS = {"dc": "http://purl.org/dc/elements/1.1/", "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0", "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0", "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
      "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
# Where each kind of package keeps its author and title.
PROPERTIES = {
    "docx": ("docProps/core.xml", ("dc:creator",), "dc:title"),
    "odt": ("meta.xml", ("office:meta/dc:creator", "office:meta/meta:initial-creator"), "office:meta/dc:title"),
}
# Word's run properties that kitap keeps, and how they are written.
RUN_STYLES = (("w:i", "em"), ("w:b", "strong"))
BYLINE_MAX_WORDS = 16
# Names a school computer gives its user: not the author.
NOT_NAMES = {"user", "admin", "administrator", "owner", "author", "unknown", "guest", "student", "teacher", "microsoft",
             "office", "windows", "пользователь", "администратор", "автор", "владелец", "гость", "учитель", "ученик",
             "қолданушы", "пайдаланушы", "мұғалім", "оқушы"}
# Words of a document's or an institution's name, which no person's name has («Конституция Республики
# Казахстан» over a law's text was taken for its author)
NOT_NAME_STEMS = ("республик", "конституц", "закон", "заңы", "кодекс", "указ", "жарлы", "министр", "университет",
                  "мектеп", "школ", "қазақстан", "казахстан", "ұлтт", "национал", "государств", "мемлекет", "декларац",
                  "конвенц", "бағдарлам", "программ", "концепц", "комитет", "агентт", "агентств")
NAME_WORD = re.compile(r"^(?:[^\W\d_]\.){1,2}$|^[^\W\d_][^\W\d_'’.-]*(?:-[^\W\d_]+)?\.?$")


def package_properties(path: Path, kind: str) -> tuple[str, str]:
    """The author and title written in a Word or OpenDocument file's properties ('' when absent)."""
    if kind not in PROPERTIES:
        return "", ""
    member, author_paths, title_path = PROPERTIES[kind]
    root = _xml(path, member)
    if root is None:
        return "", ""
    authors = [_text(root, p) for p in author_paths]
    return next((a for a in authors if a), ""), _text(root, title_path)


def odt_title_paragraph(path: Path) -> str:
    """The text of an OpenDocument file's first paragraph in the Title style (Pandoc reads it as text)."""
    root = _xml(path, "content.xml")
    if root is None:
        return ""
    titles = {"Title"} | {s.get(f"{{{NS['style']}}}name") for s in root.iterfind(".//style:style", NS)
                          if s.get(f"{{{NS['style']}}}parent-style-name") == "Title"}
    for paragraph in root.iterfind(".//text:p", NS):
        if paragraph.get(f"{{{NS['text']}}}style-name") in titles:
            return " ".join("".join(paragraph.itertext()).split())
    return ""


def docx_character_styles(path: Path) -> dict[str, tuple[str, ...]]:
    """Word character style name → the emphasis it gives ('em', 'strong'), following 'based on'."""
    root = _xml(path, "word/styles.xml")
    if root is None:
        return {}
    w = f"{{{NS['w']}}}"
    styles = {s.get(w + "styleId"): s for s in root.iterfind("w:style", NS) if s.get(w + "type") == "character"}

    def effects(style_id: str, depth: int = 0) -> tuple[str, ...]:
        style = styles.get(style_id)
        if style is None or depth > 10:
            return ()
        own = tuple(kind for tag, kind in RUN_STYLES if _on(style.find(f"w:rPr/{tag}", NS)))
        based = style.find("w:basedOn", NS)
        return own or (effects(based.get(w + "val"), depth + 1) if based is not None else ())

    named = {}
    for style_id, style in styles.items():
        name = style.find("w:name", NS)
        named[name.get(w + "val") if name is not None else style_id] = effects(style_id)
    return named


def person_name(text: str) -> str:
    """The text when it reads as a person's name (2 to 4 capitalised words, initials allowed, a surname may
    be in capitals, one word: «ОТЫЗ БІРІНШІ СӨЗ», «БАЛА ҚҰҚЫҚТАРЫ ТУРАЛЫ Конвенция» are titles), else ''."""
    text = " ".join(text.split())
    words = text.replace(".", ". ").split()
    if not 2 <= len(words) <= 4 or any(w.lower().strip(".") in NOT_NAMES or w.lower().startswith(NOT_NAME_STEMS)
                                       for w in words):
        return ""
    capitalised = all(NAME_WORD.match(w) and w[0].isupper() for w in words)
    in_capitals = sum(len(w.strip(".")) > 1 and w.isupper() for w in words)  # a surname may be: one word
    initials = sum(len(w) == 2 and w.endswith(".") for w in words)  # «АТЫГАЕВ Н.А.»: a journal's byline
    return text if capitalised and in_capitals <= 1 and (any(w[1:].islower() and len(w) > 1 for w in words)
                                                         or in_capitals == 1 and initials == len(words) - 1) else ""


# An institution's name, as a page's header over the text names the ministry, institute … publishing it: in
# Kazakh its last word is the institution («… этнология институты»), in Russian its first («Институт истории …»)
INSTITUTION_LAST = frozenset({"министрлігі", "институты", "университеті", "комитеті", "академиясы", "кітапханасы",
                              "мұражайы", "орталығы"})
INSTITUTION_FIRST = frozenset({"министерство", "институт", "комитет", "университет", "академия", "библиотека", "музей",
                               "центр"})


def institution_name(text: str) -> bool:
    """A short line naming an institution («Ш.Ш. Уәлиханов атындағы Тарих және этнология институты», «Институт
    истории и этнологии»), no sentence; not a title about one («Ұлы Отан соғысы мұражайына саяхат», «История
    Казанского университета»)."""
    words = text.split()
    return (2 <= len(words) <= 14 and text[-1:] not in ".!?…:" and not person_name(text)
            and (words[-1].lower() in INSTITUTION_LAST or words[0].lower() in INSTITUTION_FIRST))


# A scholarly degree written short: т.ғ.к. (тарих ғылымдарының кандидаты), э.ғ.д., к.и.н., PhD.
DEGREE = re.compile(r"(?:[^\W\d_]{1,3}\.){2,}|PhD", re.IGNORECASE)
# A degree or rank written out, which a line of credentials before the author's name holds (Kazakh, Russian).
RANKS = re.compile(r"(?<![^\W\d_])(?:профессор|доцент|академик|доктор|кандидат|магистр|докторы|кандидаты|магистрі)"
                   r"(?:ы|і|а|ом)?(?![^\W\d_])", re.IGNORECASE)


def author_line(text: str) -> str:
    """The text when it names its author: a person's name (person_name); a name and, after a comma,
    who they are («Сәуле Жұмабаева, №3 мектептің мұғалімі»: not a second name after the comma); or who
    they are before the name (_credentials_first); not longer than BYLINE_MAX_WORDS words. Else ''."""
    text = " ".join(text.split())
    if person_name(text):
        return text
    name, comma, role = text.partition(",")
    if comma and len(text.split()) <= BYLINE_MAX_WORDS and person_name(name) and role.strip() and not person_name(role):
        return text
    return text if _credentials_first(text) else ""


def _credentials_first(text: str) -> tuple[str, str] | None:
    """(name, credentials) of a line that says who the author is before the name: a degree written short
    («т.ғ.к. Айгүл Сейітова»), or words with a rank and a comma («Тарих ғылымдарының докторы, профессор
    Серік Жұмабек»: after the line's first word, none capitalised). None for anything else."""
    words = text.split()
    if len(words) > BYLINE_MAX_WORDS:
        return None
    for count in (3, 2):
        name, role = " ".join(words[-count:]), " ".join(words[:-count]).rstrip(",").strip()
        if not role or not person_name(name) or person_name(role):
            continue
        degree = DEGREE.match(role)
        if degree and (degree.end() == len(role) or role[degree.end()] in " ,"):
            return name, role
        if "," in role and RANKS.search(role) and not any(word[0].isupper() and not DEGREE.fullmatch(word.strip(","))
                                   for word in role.split()[1:]):
            return name, role
    return None


def byline_parts(text: str) -> tuple[str, str]:
    """An author line (author_line) as book.yaml's author and credentials: «Сәуле Жұмабаева, №3 мектептің
    мұғалімі» → «Сәуле Жұмабаева», «№3 мектептің мұғалімі»; «т.ғ.к. Айгүл Сейітова» → «Айгүл Сейітова»,
    «т.ғ.к.»."""
    if not text or person_name(text):
        return text, ""
    name, _, role = text.partition(",")
    if person_name(name):
        return name.strip(), role.strip()
    return _credentials_first(text) or (text, "")


def _on(element) -> bool:
    """A run property is on when present, unless w:val says false."""
    if element is None:
        return False
    return element.get(f"{{{NS['w']}}}val", "true") not in ("0", "false", "off", "none")


def docx_review(path: Path) -> tuple[bytes | None, list[str]]:
    """What a Word file holds that its reader does not see as text: the document part without its hidden
    text (Font → Hidden: Word neither shows nor prints it; None when there is none), and what to tell
    about its tracked changes (taken as accepted, as Word shows them with the markup off) and comments
    (left out)."""
    w = f"{{{NS['w']}}}"
    root = _xml(path, "word/document.xml")
    if root is None:
        return None, []
    said = []
    inserted, deleted = len(root.findall(".//w:ins", NS)), len(root.findall(".//w:del", NS))
    if inserted or deleted:
        said.append(f"{path}: the file has tracked changes ({inserted} insertion(s), {deleted} deletion(s)): they "
                    "were taken as accepted; if some should be rejected, do so in Word (Review) and import it again")
    comments = _xml(path, "word/comments.xml")
    count = len(comments.findall("w:comment", NS)) if comments is not None else 0
    if count:
        said.append(f"{path}: the file's {count} comment(s) were left out: a handout prints none")
    hidden = [run for run in root.iter(w + "r") if _on(run.find("w:rPr/w:vanish", NS))]
    if not hidden:
        return None, said
    words = " ".join(" ".join("".join(t.text or "" for t in run.iter(w + "t")) for run in hidden).split())
    for run in hidden:
        run.getparent().remove(run)
    said.append(f"{path}: {len(hidden)} run(s) of hidden text (Font → Hidden: Word neither shows nor prints "
                f"it) were left out: «{words[:80]}{'…' if len(words) > 80 else ''}»")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), said


def _xml(path: Path, member: str):
    try:
        with zipfile.ZipFile(path) as archive:
            data = archive.read(member)
        return etree.fromstring(data, PARSER)
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError):
        return None


def _text(root, path: str) -> str:
    found = root.find(path, NS)
    return " ".join("".join(found.itertext()).split()) if found is not None else ""


# « – », « — », « | » between a page's title and its site's or section's name
TITLE_SEPARATOR = re.compile(r"\s+[–—|]\s+|\s+-\s+(?=\S+(?:\s+\S+){0,2}$)")
SITE_NAME_WORDS = 3  # a site's or a section's name after the title: at most this many words


def title_without_site(title: str, page: bool = False) -> str:
    """A title without the names a web page adds after it: «Тоқты қошқар – Ертегілер – Bilim» → «Тоқты
    қошқар»; a page's <title> (`page`) loses one short last part too («… итерация жасау — Python оқулығы»).
    A name is short and capitalised (SITE_NAME_WORDS), so a title's own dash keeps what follows it
    («Тәуелсіздік – ең қымбат байлық»), and one dash keeps even a capitalised part, unless in a page's title."""
    parts = TITLE_SEPARATOR.split(title)
    tails = 0
    while len(parts) - tails > 1 and _site_name(parts[len(parts) - tails - 1]):
        tails += 1
    if tails and (tails >= 2 or page or " | " in title):
        return " – ".join(parts[:len(parts) - tails]) if len(parts) - tails > 1 else parts[0]
    return title


def _site_name(part: str) -> bool:
    return len(part.split()) <= SITE_NAME_WORDS and part[:1].isupper()


# Besides its date, a dateline holds a rubric, a time, a place: «Зерде • 26 Қазан, 2023».
DATELINE_OTHER_WORDS = 4


def dateline_date(line: str, language: str) -> str:
    """The date (ISO) of a line that is a site's dateline before the title («Зерде • 26 Қазан, 2023»,
    «Политика | 26 октября 2023, 10:15»): a whole date (the language's date reader) and at most
    DATELINE_OTHER_WORDS other words, no sentence. Else ''."""
    from ..check.language import checking_for

    reader = checking_for(language).function("dates")
    if not line or line[-1] in ".!?…" or reader is None:
        return ""
    days = [found for found in reader([line]) if found.precision == "day" and not found.inferred]
    if len(days) != 1:
        return ""
    rest = line[:days[0].start] + " " + line[days[0].end:]
    return days[0].date.iso() if len(re.findall(r"[^\W\d_]+", rest)) <= DATELINE_OTHER_WORDS else ""

