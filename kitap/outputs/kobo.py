"""Kobo's e-book, `<name>.kepub.epub`: the EPUB with Kobo's own markup, as kepubify and Kobo's store make it.

Kobo's reader keeps its place, highlights and reading statistics by `<span class="koboSpan" id="kobo.P.S">`
(P: a paragraph, S: a sentence of it) around every sentence of text, and lays the book out in
`<div id="book-columns"><div id="book-inner">`. Its pop-up notes need nothing more than the EPUB's
`epub:type="noteref"` calls and `footnote` asides, which are kept as they are; kobo.js is not needed.
The conversion adds elements and never changes a character of the text.
"""
from __future__ import annotations

import re
import zipfile

from . import PAGE_STARTS, Product, Writer
from .ebook import WRITERS as EPUB_WRITERS, make as make_epub

XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = {"opf": "http://www.idpf.org/2007/opf"}
# Elements whose text is one paragraph for Kobo's counts: a new P begins at each, and after each.
BLOCKS = frozenset("p li h1 h2 h3 h4 h5 h6 dt dd td th caption figcaption blockquote aside section div nav "
                   "header footer table ol ul dl figure".split())
UNTOUCHED = frozenset(("script", "style"))  # text that is not the book's text
# A sentence: up to a full stop, ? ! or …, closing quotes and brackets, and the spaces after it.
SENTENCE = re.compile(r"\S.*?(?:[.!?…]+[\"»”’)\]]*(?:\s+|$)|$)", re.S)
WRAPPERS = ("book-columns", "book-inner")


class _Spans:
    """Numbers the spans of one document: kobo.<paragraph>.<sentence>."""

    def __init__(self) -> None:
        self.paragraph, self.sentence = 1, 0

    def next_paragraph(self) -> None:
        if self.sentence:  # (an element with no text of its own takes no number)
            self.paragraph, self.sentence = self.paragraph + 1, 0

    def span(self):
        from lxml import etree

        self.sentence += 1
        return etree.Element(f"{XHTML}span", {"class": "koboSpan", "id": f"kobo.{self.paragraph}.{self.sentence}"})

    def wrap(self, text: str) -> tuple[str, list]:
        """The text's leading spaces, and a span for each of its sentences."""
        if not text.strip():
            return text, []
        lead = text[:len(text) - len(text.lstrip())]
        spans = []
        for sentence in SENTENCE.findall(text, len(lead)):
            spans.append(self.span())
            spans[-1].text = sentence
        return lead, spans


def _mark(element, spans: _Spans) -> None:
    """Every sentence of the element's text, at any depth, in a koboSpan."""
    if not isinstance(element.tag, str) or not element.tag.startswith(XHTML):
        return  # comments, SVG, MathML: as they are
    name = element.tag[len(XHTML):]
    if name in UNTOUCHED:
        return
    block = name in BLOCKS
    if block:
        spans.next_paragraph()
    children = list(element)
    lead, wrapped = spans.wrap(element.text or "")
    element.text = lead or None
    for index, span in enumerate(wrapped):
        element.insert(index, span)
    for child in children:
        if child.tag == f"{XHTML}img":  # an image is a place of its own for Kobo, as a sentence is
            span = spans.span()
            span.tail, child.tail = child.tail, None
            child.addprevious(span)
            span.append(child)
            child = span
        else:
            _mark(child, spans)
        lead, wrapped = spans.wrap(child.tail or "")
        child.tail = lead or None
        after = child
        for span in wrapped:
            after.addnext(span)
            after = span
    if block:
        spans.next_paragraph()


def kobo_document(data: bytes) -> bytes:
    """One XHTML content document with Kobo's spans and its two layout divisions around the body's content."""
    from lxml import etree

    root = etree.fromstring(data)
    body = root.find(f"{XHTML}body")
    spans = _Spans()
    for child in list(body):
        _mark(child, spans)
    outer = etree.Element(f"{XHTML}div", {"id": WRAPPERS[0]})
    inner = etree.SubElement(outer, f"{XHTML}div", {"id": WRAPPERS[1]})
    inner.text, body.text = body.text, None
    for child in list(body):
        inner.append(child)
    body.append(outer)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>")


def content_documents(opf: bytes, folder: str) -> list[str]:
    """The EPUB's XHTML documents in reading order, the navigation document excepted (Kobo reads its
    contents from it as they are)."""
    from lxml import etree

    package = etree.fromstring(opf)
    items = {i.get("id"): i for i in package.xpath("//opf:manifest/opf:item", namespaces=OPF)}
    spine = [items[ref] for ref in package.xpath("//opf:spine/opf:itemref/@idref", namespaces=OPF)]
    return [folder + i.get("href") for i in spine
            if i.get("media-type") == "application/xhtml+xml" and "nav" not in (i.get("properties") or "").split()]


def kepub(data: bytes) -> bytes:
    """The EPUB (its bytes) as a Kobo e-book: the same files, the content documents marked for Kobo."""
    import io

    from ..writers.epub import normalise_zip

    archive = zipfile.ZipFile(io.BytesIO(data))
    opf_name = next(n for n in archive.namelist() if n.endswith(".opf"))
    folder = opf_name.rpartition("/")[0] + "/" if "/" in opf_name else ""
    marked = {name: kobo_document(archive.read(name)) for name in content_documents(archive.read(opf_name), folder)}
    return normalise_zip(data, archive.getinfo("mimetype").date_time, marked)


def make(job) -> Product:
    epub = make_epub(job)
    with job.watch.stage("kepub write"):
        data = kepub(epub.data)
    return Product(epub.file.removesuffix(".epub") + ".kepub.epub", data)


WRITERS = (
    Writer("kepub", "kepub (Kobo e-book)", make, reads=EPUB_WRITERS[0].reads, needs=(PAGE_STARTS,), in_helper=True,
           default=False),
)
