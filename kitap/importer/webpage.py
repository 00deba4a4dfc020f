"""A saved web page: decoded by its own declared charset, reduced to the article, then read by Pandoc.

A page saved from a site carries menus, scripts and forms around the text; when it marks the text with
<main> or <article> only that is kept. Its <title> and <meta name="author"> are kept for book.yaml.
Notes written as links to a list at the end (Word's "Save as Web Page", Wikipedia, Pandoc) are marked
the way Pandoc's HTML reader recognises, so they become notes like a Word file's footnotes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import lxml.html
from lxml import etree

NOT_TEXT = ("script", "style", "noscript", "template", "form", "nav", "iframe", "button", "svg", "select")
# The text, the first of these the page has once: a wiki's article body (MediaWiki: Уикипедия), a news site's
# schema.org articleBody, the one <article>, the <main> (it holds the sidebar and comments too)
CONTENT_ROOTS = ("//*[@id='mw-content-text']", "//*[@itemprop='articleBody']", "//article", "//main")
# Parts of a page that are the site's, not the text, by their class or id: MediaWiki's «[өңдеу]» links, its
# contents box, «other meanings» line, categories and maintenance boxes, navigation boxes, jump links
SITE_CLASSES = ("mw-editsection", "toc", "toctitle", "mw-jump-link", "catlinks", "printfooter", "navbox",
                "vertical-navbox", "hatnote", "ambox", "noprint", "mw-indicators", "sistersitebox", "mw-empty-elt",
                "navigation-not-searchable", "vector-toc", "share", "social", "breadcrumbs", "breadcrumb")
SITE_IDS = ("toc", "siteSub", "contentSub", "contentSub2", "jump-to-nav", "mw-navigation", "mw-panel", "footer",
            "catlinks", "mw-head", "p-lang", "siteNotice", "vector-toc")
CALL_TEXT = re.compile(r"^\s*\[?\s*(\d{1,3}|[*†‡]|[ivxlc]{1,6})\s*\]?\s*$")
BACK_LINK_TEXT = re.compile(r"^\s*(\[?\s*(\d{1,3}|[*†‡]|[ivxlc]{1,6})\s*\]?|[↑↩^]\ufe0e?)\s*$")


@dataclass
class Page:
    html: str      # the part to import, as UTF-8 text for Pandoc
    title: str
    author: str
    source: str = ""  # the page's own address, as it names it (<link rel="canonical">, og:url)


DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset|^\xef\xbb\xbf|^\xff\xfe|^\xfe\xff", re.IGNORECASE)


def read_page(path: Path, data: bytes) -> Page:
    if not DECLARED_CHARSET.search(data[:4096]):
        # no <meta charset>: lxml would read the bytes as Latin-1 (a Kazakh page came out «ÐÑÑÐ¾Ð¿Ð¾ÑÑ»);
        # read them as UTF-8, or as the legacy encoding they leave no doubt of, as a .txt is read
        data = _undeclared(data).encode("utf-8")
        data = b'<meta charset="utf-8">' + data
    document = lxml.html.document_fromstring(data)  # honours <meta charset>
    title = document.findtext(".//title") or ""
    author = next((m.get("content", "") for m in document.iterfind(".//meta")
                   if (m.get("name") or "").lower() in ("author", "dc.creator")), "")
    source = next((link.get("href", "") for link in document.iterfind(".//link")
                   if (link.get("rel") or "").lower() == "canonical"), "") or \
        next((m.get("content", "") for m in document.iterfind(".//meta") if (m.get("property") or "") == "og:url"), "")
    # as a reader would type it (an address of Kazakh words, not «%D3%99…»)
    source = unquote(source.strip()) if re.match(r"https?://\S+$", source.strip()) else ""
    for element in document.xpath("|".join(f"//{tag}" for tag in NOT_TEXT)):
        element.drop_tree()
    site = [f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]" for name in SITE_CLASSES]
    for element in document.xpath("|".join(site + [f"//*[@id='{name}']" for name in SITE_IDS])):
        if element.getparent() is not None:
            element.drop_tree()
    body = next((found[0] for path in CONTENT_ROOTS if len(found := document.xpath(path)) == 1),
                document.find("body") if document.find("body") is not None else document)
    _mark_notes(body)
    html = "<html><body>" + etree.tostring(body, encoding="unicode", method="html") + "</body></html>"
    return Page(html, " ".join(title.split()), " ".join(author.split()), source)


def _undeclared(data: bytes) -> str:
    from ..load.encodings import diagnose

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        diagnosis = diagnose(data)
        return diagnosis.text if diagnosis.encoding else data.decode("utf-8", errors="replace")


def _mark_notes(root) -> None:
    """Calls (a short link such as 1, [1], * to an element further on) and their notes → Pandoc's markup."""
    targets = {element.get("id") or element.get("name"): element for element in root.iter()
               if isinstance(element.tag, str) and (element.get("id") or element.get("name"))}
    order = {element: index for index, element in enumerate(root.iter())}
    notes = []
    for link in list(root.iterfind(".//a")):
        href = link.get("href") or ""
        target = targets.get(href[1:]) if href.startswith("#") else None
        # a note comes after its call; a link back up to the text is not a call
        if target is None or not CALL_TEXT.match(link.text_content()) or order[target] < order[link]:
            continue
        note = _note_block(target, root)
        if note is None or any(note is n for n in notes):
            continue
        notes.append(note)
        number = len(notes)
        call = lxml.html.fragment_fromstring(f'<a href="#kitap-fn{number}" class="footnote-ref" role="doc-noteref">'
                                             f"<sup>{number}</sup></a>")
        outer = link.getparent() if link.getparent().tag == "sup" and len(link.getparent()) == 1 else link
        call.tail = outer.tail
        outer.getparent().replace(outer, call)
    if notes:
        section = lxml.html.fragment_fromstring('<section class="footnotes" role="doc-endnotes"><ol></ol></section>')
        for number, note in enumerate(notes, start=1):
            item = etree.SubElement(section[0], "li", id=f"kitap-fn{number}")
            for back in note.iterfind(".//a"):
                if BACK_LINK_TEXT.match(back.text_content()):
                    back.drop_tree()
            note.drop_tree()
            if note.tag in ("li", "div"):  # the note's content, without its list item or division
                item.text = note.text
                item.extend(list(note))
            else:
                note.tail = None
                item.append(note)
        root.append(section)


def _note_block(target, root):
    """The element holding the note's text: the list item, paragraph or division around the target."""
    element = target
    while element is not None and element is not root:
        if element.tag in ("li", "p", "div", "aside") and element.text_content().strip():
            return element
        element = element.getparent()
    return None
