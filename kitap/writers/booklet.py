"""The A5 booklet imposed for saddle stitching: two A5 pages per side of an A4 sheet, in booklet order."""
from __future__ import annotations

import hashlib
import io
import re

# A file identifier: two PDF strings, each hexadecimal (<A1B2…>) or literal ((…), with backslash escapes
# and balanced parentheses); pymupdf writes its random identifier either way.
_STRING = rb"(?:<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\))"
TRAILER_ID = re.compile(rb"/ID\s*\[\s*" + _STRING + rb"\s*" + _STRING + rb"\s*\]", re.S)


def impose_saddle(a5_pdf: bytes) -> bytes:
    """Print duplex (flip on the short edge), fold the stack once, staple: pages read 1, 2, 3…

    pdfimpose pads with blank pages to a multiple of 4, and puts each A5 pair on an A4 landscape side.
    """
    from pdfimpose.schema import saddle

    out = io.BytesIO()
    saddle.impose([io.BytesIO(a5_pdf)], out, folds="h")
    return stable_id(out.getvalue())


MAX_SIGNATURE = 40  # A5 pages a saddle-stitched signature holds (10 sheets folded once): thicker ones creep and split


def signatures(pages: int, most: int = MAX_SIGNATURE) -> list[range]:
    """The A5 page ranges (from 0) of the signatures a booklet of `pages` is printed in: one when it fits,
    else as few as hold it, as even as whole sheets allow (the last may end with blank pages)."""
    sheets = -(-pages // 4)
    count = -(-sheets * 4 // most)
    per, extra = divmod(sheets, count)
    ranges, start = [], 0
    for index in range(count):
        size = (per + (index < extra)) * 4
        ranges.append(range(start, min(start + size, pages)))
        start += size
    return [r for r in ranges if len(r)]


def impose_signatures(a5_pdf: bytes, most: int = MAX_SIGNATURE) -> tuple[bytes, list[range]]:
    """The booklet imposed signature by signature (each for saddle stitching, its sheets after the last
    one's), and the signatures' page ranges; one signature is impose_saddle's booklet as it is."""
    import pikepdf

    with pikepdf.open(io.BytesIO(a5_pdf)) as source:
        parts = signatures(len(source.pages), most)
        if len(parts) == 1:
            return impose_saddle(a5_pdf), parts
        imposed = []
        for part in parts:
            piece = pikepdf.new()
            piece.pages.extend(source.pages[part.start:part.stop])
            buffer = io.BytesIO()
            piece.save(buffer)
            imposed.append(impose_saddle(buffer.getvalue()))
    out = pikepdf.new()
    opened = [pikepdf.open(io.BytesIO(data)) for data in imposed]
    for pdf in opened:
        out.pages.extend(pdf.pages)
    buffer = io.BytesIO()
    if "/Info" in opened[0].trailer:
        out.trailer.Info = out.copy_foreign(opened[0].trailer.Info)
    out.save(buffer, deterministic_id=True)
    for pdf in opened:
        pdf.close()
    return buffer.getvalue(), parts


def print_shop_note(labels, name: str, pages: int, parts: list[range]) -> str:
    """What the print shop needs to know of a booklet in several signatures, in the book's language."""
    lines = [labels["booklet_note_title"].format(file=name, pages=pages, count=len(parts)), ""]
    sheet = 1
    for number, part in enumerate(parts, start=1):
        sheets = -(-len(part) // 4)
        lines.append(labels["booklet_note_signature"].format(number=number, first=part.start + 1, last=part.stop,
                                                             sheet=sheet, last_sheet=sheet + sheets - 1))
        sheet += sheets
    lines += ["", labels["booklet_note_how"], ""]
    return "\n".join(lines)


def stable_id(pdf: bytes) -> bytes:
    """pymupdf and pypdf write a random file /ID; derive it from the content, so equal sources give equal bytes."""
    digest = hashlib.md5(TRAILER_ID.sub(b"", pdf)).hexdigest().upper().encode()
    return TRAILER_ID.sub(b"/ID[<" + digest + b"><" + digest + b">]", pdf)
