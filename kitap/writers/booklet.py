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


def stable_id(pdf: bytes) -> bytes:
    """pymupdf and pypdf write a random file /ID; derive it from the content, so equal sources give equal bytes."""
    digest = hashlib.md5(TRAILER_ID.sub(b"", pdf)).hexdigest().upper().encode()
    return TRAILER_ID.sub(b"/ID[<" + digest + b"><" + digest + b">]", pdf)
