"""What a typesetter measures on a printed page, read from a PDF with pdfplumber alone (no kitap code):
word spaces of justified lines against the font's own space, hyphenated line ends, paragraph last
lines, words split across pages, type sizes, note calls, notes away from their call's page.

It reads any PDF laid out as kitap's print editions are: one text column (or, for an imposed booklet,
two A5 pages side by side on each sheet, read back in the order of their printed numbers), running
heads and folios in the margins, superscript note calls, notes at the foot numbered «N.».

Definitions (the figures of bench/RESULTS.md and the targets of tests/test_print_quality.py):
- a line: the characters of one page sharing a baseline within the text column, with the smaller
  characters raised above it (note calls); a gap wider than SEGMENT_GAP em splits it into segments
  (the columns of a table row);
- the body size: the size most characters have;
- a justified line: a one-segment line at body size that reaches the column's right edge (a
  letter-spaced line: its last letter but for twice the letter spacing, which follows it), has word
  spaces and all of them equal (justification adds the same to each): not a paragraph's last line;
- a word space: the distance from the end of one word to the start of the next across space
  characters, divided by the width of the space character itself (its advance in the embedded font
  at its size: what the font designer set as the normal space);
- a paragraph's last line: a body-size line starting at the column's left edge or indent after a
  justified line, that does not reach the right edge; short when it has fewer than `min_letters`
  letters and digits or is only the end of a word hyphenated on the line before;
- a hyphenated line end: a segment ending in a hyphen (U+2010, U+2011, U+002D) after a letter.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field, asdict
from pathlib import Path

HYPHENS = "\u2010\u2011-"
SPACES = " \u00a0"
SEGMENT_GAP = 1.5     # em: a gap this wide ends a segment (table columns), never a word space
MARGIN_GAP = 0.6     # em: what stands this far from the text, outside the column, is in the margin
EDGE = 1.5            # pt: a line this close to the column's right edge reaches it (0.5 mm: Pango's justified lines end up to 1.2 pt short)
EQUAL_SPACES = 0.35   # pt: justified word spaces are equal within this
NATURAL = 0.003      # a line whose spaces are the font's own within this is not justified, only full
LOOSE = 1.5           # a word space wider than this many normal spaces is loose
LARGE_PRINT_MIN = 16  # pt: large-print guidance (APH, UKAAF): no text smaller
MIN_LAST_LETTERS = 5  # the shortest last line of a paragraph kitap accepts (see README: print editions)


@dataclass
class Line:
    page: int                 # reading order, from 1
    baseline: float           # distance from the top of the page to the baseline
    size: float
    chars: list               # pdfplumber chars, left to right (raised calls included)
    segments: list            # lists of chars, split at wide gaps

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0]["x0"]

    @property
    def x1(self) -> float:
        return self.chars[-1]["x1"]


@dataclass
class Metrics:
    file: str
    pages: int
    body_size: float
    justified_lines: int = 0
    mean_space: float | None = None        # mean word space of justified lines, in normal spaces
    max_space: float | None = None
    loose_lines: int = 0                   # justified lines whose spaces exceed LOOSE
    loose_share: float | None = None
    last_lines: int = 0                    # paragraphs' last lines (after a justified line)
    short_last_lines: list = field(default_factory=list)    # their text
    lines: int = 0                         # all text lines (segments) in the column
    hyphenated_ends: int = 0
    hyphenated_share: float = 0.0
    longest_hyphen_run: int = 0
    page_break_hyphens: list = field(default_factory=list)  # pages whose last body line ends in a hyphen
    chars: int = 0
    under_16pt: int = 0
    under_16pt_share: float = 0.0
    smallest_size: float = 0.0
    call_size: float | None = None         # the note calls' size, median
    call_ratio: float | None = None        # … relative to the body size
    call_bold: bool = False
    call_gap: float | None = None          # space before a call, em of the call (median; 0: touching)
    notes_away: list = field(default_factory=list)          # note numbers not on their call's page
    thin_pages: list = field(default_factory=list)          # pages with fewer than 3 lines of text
    space_ratios: list = field(default_factory=list)        # each justified line's mean word space

    def as_dict(self) -> dict:
        return asdict(self)


def measure(path: Path | str, min_letters: int = MIN_LAST_LETTERS) -> Metrics:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        pages = _reading_order(pdf)
        body = _body_size(pages)
        margin = _margin_baselines(pages)
        lines = [_lines(page, number, margin) for number, page in enumerate(pages, start=1)]
        metrics = Metrics(Path(path).name, len(pages), body)
        _sizes(metrics, pages)
        _calls(metrics, pages, lines, body)
        for page_lines in lines:
            _page(metrics, page_lines, body, min_letters)
        _page_breaks(metrics, lines, body)
        _notes(metrics, lines, body)
    _finish(metrics)
    return metrics


# ---- pages, lines -----------------------------------------------------------------

def _reading_order(pdf) -> list:
    """The pages, or for an imposed booklet (landscape sheets, two portrait pages each) the half sheets
    ordered by their printed numbers (blank halves left out)."""
    pages = list(pdf.pages)
    if not pages or pages[0].width <= pages[0].height:
        return pages
    halves = []
    for page in pages:
        half = page.width / 2
        for x in (0, half):
            side = page.crop((x, 0, x + half, page.height))
            if not side.chars:
                continue
            foot = side.crop((x, page.height * 0.9, x + half, page.height)).extract_text() or ""
            number = int(foot.split()[-1]) if foot.split() and foot.split()[-1].isdigit() else 10 ** 6 + len(halves)
            halves.append((number, side))
    return [side for _, side in sorted(halves, key=lambda pair: pair[0])]


def _visible(chars) -> list:
    return [c for c in chars if c["text"].strip() and c.get("upright", True)]


def _body_size(pages) -> float:
    sizes = Counter(round(c["size"], 1) for page in pages for c in _visible(page.chars))
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _baseline(char, page) -> float:
    return round(page.height - char["matrix"][5], 1)


def _margin_baselines(pages) -> set[float]:
    """Baselines of running heads and folios: the top-most and bottom-most line of most pages, when set in
    another face than the text."""
    body_fonts = Counter(c["fontname"] for page in pages for c in _visible(page.chars)).most_common(1)
    body_font = body_fonts[0][0] if body_fonts else ""
    found: Counter = Counter()
    for page in pages:
        chars = [c for c in _visible(page.chars) if c["fontname"] != body_font]
        if chars:
            found[round(min(c["top"] for c in chars))] += 1
            found[round(max(c["bottom"] for c in chars))] += 1
    return {edge for edge, count in found.items() if count >= max(2, len(pages) // 2)}


def _in_margin(char, margin: set[float]) -> bool:
    return round(char["top"]) in margin or round(char["bottom"]) in margin


def _lines(page, number: int, margin: set[float]) -> list[Line]:
    chars = [c for c in page.chars if c.get("upright", True) and not _in_margin(c, margin)]
    if not chars:
        return []
    sized = _visible(chars)
    if not sized:
        return []
    common = _page_text_size(sized)
    column = [c for c in sized if round(c["size"], 1) == common]
    left, right = min(c["x0"] for c in column), max(c["x1"] for c in column)
    by_base: dict[float, list] = {}
    for char in chars:
        by_base.setdefault(_baseline(char, page), []).append(char)
    groups = [(base, _in_column(group, left, right)) for base, group in sorted(by_base.items())]
    groups = [(base, group) for base, group in groups if group]
    lines = [Line(number, base, max(c["size"] for c in group), group, []) for base, group in groups]
    # A group of smaller characters just above a line's baseline (a note call) belongs to that line.
    merged: list[Line] = []
    for line in sorted(lines, key=lambda l: -l.size):
        host = next((m for m in merged if m.size > line.size * 1.05 and 0 < m.baseline - line.baseline < 0.6 * m.size
                     and _overlaps(m, line)), None)
        if host:
            host.chars.extend(line.chars)
        else:
            merged.append(line)
    for line in merged:
        line.chars.sort(key=lambda c: c["x0"])
        line.segments = _segments(line)
        line.chars = [c for segment in line.segments for c in segment]
    return sorted((l for l in merged if l.chars), key=lambda l: l.baseline)


def _in_column(chars, left: float, right: float) -> list:
    """The characters of a baseline without what stands apart in the margins (paragraph numbers): a run
    set off by more than MARGIN_GAP em that lies outside the column. A note's number that hangs left of
    the column («10. Text») touches its text and stays."""
    chars = sorted(chars, key=lambda c: c["x0"])
    runs, current = [], []
    for char in chars:
        if current and char["x0"] - current[-1]["x1"] > MARGIN_GAP * char["size"]:
            runs.append(current)
            current = []
        current.append(char)
    runs.append(current)
    outside = lambda run: max(c["x1"] for c in run) < left - 1 or min(c["x0"] for c in run) > right + 1  # noqa: E731
    return [c for run in runs if not outside(run) for c in run]


def _page_text_size(chars) -> float:
    return Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0]


def _overlaps(a: Line, b: Line) -> bool:
    return min(c["x0"] for c in b.chars) < max(c["x1"] for c in a.chars) + a.size \
        and max(c["x1"] for c in b.chars) > min(c["x0"] for c in a.chars) - a.size


def _segments(line: Line) -> list[list]:
    segments, current, last_end = [], [], None
    for char in line.chars:
        if char["text"] in SPACES or not char["text"].strip():
            if current:
                current.append(char)
            continue
        if last_end is not None and char["x0"] - last_end > SEGMENT_GAP * line.size:
            segments.append(current)
            current = []
        current.append(char)
        last_end = char["x1"]
    if current:
        segments.append(current)
    return [_strip(segment) for segment in segments if _strip(segment)]


def _strip(segment: list) -> list:
    while segment and not segment[-1]["text"].strip():
        segment = segment[:-1]
    return segment


def _tracking(chars) -> float:
    """The letter spacing of a line: the median gap between two letters side by side (0 when kerning
    alone moves them)."""
    gaps = sorted(b["x0"] - a["x1"] for a, b in zip(chars, chars[1:]) if a["text"].isalpha() and b["text"].isalpha())
    middle = gaps[len(gaps) // 2] if gaps else 0.0
    return middle if middle > 0.02 else 0.0


def _words_and_spaces(chars) -> list[tuple[float, float]]:
    """(gap, normal space) for each word space of a run of characters."""
    spaces, previous, pending = [], None, []
    for char in chars:
        if char["text"] in SPACES:
            pending.append(char)
            continue
        if previous is not None and pending:
            normal = sum(s["x1"] - s["x0"] for s in pending)
            if normal > 0:
                spaces.append((char["x0"] - previous["x1"], normal))
        pending = []
        previous = char
    return spaces


# ---- the figures ---------------------------------------------------------------------

def _sizes(metrics: Metrics, pages) -> None:
    chars = [c for page in pages for c in _visible(page.chars)]
    metrics.chars = len(chars)
    metrics.under_16pt = sum(c["size"] < LARGE_PRINT_MIN - 0.05 for c in chars)
    metrics.smallest_size = round(min((c["size"] for c in chars), default=0), 2)


def _calls(metrics: Metrics, pages, lines, body: float) -> None:
    calls = [c for page_lines in lines for line in page_lines if abs(line.size - body) < 0.05
             for c in line.chars if c["text"].isdigit() and c["size"] < body * 0.95]
    if not calls:
        return
    metrics.call_size = round(statistics.median(c["size"] for c in calls), 2)
    metrics.call_ratio = round(metrics.call_size / body, 3)
    metrics.call_bold = any("bold" in c["fontname"].lower() for c in calls)
    gaps = []
    for page_lines in lines:
        for line in page_lines:
            chars = line.chars
            for before, char in zip(chars, chars[1:]):
                if char["text"].isdigit() and char["size"] < body * 0.95 and not before["text"].isdigit() \
                        and before["text"].strip() and before["size"] >= body * 0.95:
                    gaps.append((char["x0"] - before["x1"]) / char["size"])
    metrics.call_gap = round(statistics.median(gaps), 3) if gaps else None


def _is_hyphenated(segment) -> bool:
    text = "".join(c["text"] for c in segment).rstrip()
    return len(text) >= 2 and text[-1] in HYPHENS and text[-2].isalpha()


def _letters(segment) -> int:
    return sum(c["text"].isalnum() for c in segment)


def _page(metrics: Metrics, lines: list[Line], body: float, min_letters: int) -> None:
    text_lines = [l for l in lines if l.chars]
    if len(text_lines) < 3:
        metrics.thin_pages.append(lines[0].page if lines else 0)
    body_lines = [l for l in text_lines if abs(l.size - body) < 0.05]
    if body_lines:
        left = min(l.x0 for l in body_lines)
        right = max(l.x1 for l in body_lines)
        indent = 1.5 * body
    run, previous_size = 0, None
    for line in text_lines:
        for segment in line.segments:
            metrics.lines += 1
        last = line.segments[-1] if line.segments else []
        if line.size != previous_size:
            run = 0
        previous_size = line.size
        if _is_hyphenated(last):
            metrics.hyphenated_ends += 1
            run += 1
            metrics.longest_hyphen_run = max(metrics.longest_hyphen_run, run)
        else:
            run = 0
    if not body_lines:
        return
    previous_justified, previous_hyphenated = False, False
    for line in body_lines:
        justified = False
        end = line.x1 + 2 * _tracking(line.chars)  # a letter-spaced line's last letter ends that far in
        if len(line.segments) == 1 and end >= right - EDGE:
            spaces = _words_and_spaces(line.chars)
            gaps = [gap for gap, _ in spaces]
            ratios = [gap / normal for gap, normal in spaces]
            if gaps and max(gaps) - min(gaps) <= EQUAL_SPACES and abs(sum(ratios) / len(ratios) - 1) > NATURAL:
                justified = True
                metrics.space_ratios.append(round(sum(ratios) / len(ratios), 3))
        starts_at = line.x0 - left
        if (not justified and previous_justified and len(line.segments) == 1 and end < right - EDGE
                and (abs(starts_at) < 1 or abs(starts_at - indent) < 1)):
            metrics.last_lines += 1
            text = line.text.strip()
            only_tail = previous_hyphenated and not any(c in SPACES for c in text)
            if _letters(line.chars) < min_letters or only_tail:
                metrics.short_last_lines.append(text)
        previous_justified = justified
        previous_hyphenated = _is_hyphenated(line.segments[-1])


def _page_breaks(metrics: Metrics, lines: list[list[Line]], body: float) -> None:
    for page_lines in lines[:-1]:
        flow = [l for l in page_lines if abs(l.size - body) < 0.05]
        if flow and _is_hyphenated(flow[-1].segments[-1]):
            metrics.page_break_hyphens.append(flow[-1].page)


NOTE_START = re.compile(r"(\d+)\.\s")


def _notes(metrics: Metrics, lines: list[list[Line]], body: float) -> None:
    """Notes whose number («N.» opening a line smaller than the text) is on another page than the call
    (a raised number in the text)."""
    called: dict[int, int] = {}
    placed: dict[int, int] = {}
    for page_lines in lines:
        for line in page_lines:
            if abs(line.size - body) < 0.05:
                number = ""
                for char in line.chars + [{"text": " ", "size": body}]:
                    if char["text"].isdigit() and char["size"] < body * 0.95:
                        number += char["text"]
                    elif number:
                        called.setdefault(int(number), line.page)
                        number = ""
            elif line.size < body:
                found = NOTE_START.match(line.text)
                if found and line.chars[0]["size"] == line.size:
                    placed.setdefault(int(found[1]), line.page)
    metrics.notes_away = sorted(n for n, page in called.items() if n in placed and placed[n] != page)


def _finish(metrics: Metrics) -> None:
    ratios = metrics.space_ratios
    metrics.justified_lines = len(ratios)
    if ratios:
        metrics.mean_space = round(statistics.mean(ratios), 3)
        metrics.max_space = round(max(ratios), 3)
        metrics.loose_lines = sum(r > LOOSE for r in ratios)
        metrics.loose_share = round(metrics.loose_lines / len(ratios), 3)
    metrics.hyphenated_share = round(metrics.hyphenated_ends / metrics.lines, 3) if metrics.lines else 0.0
    metrics.under_16pt_share = round(metrics.under_16pt / metrics.chars, 3) if metrics.chars else 0.0


# ---- projects to measure: texts of the corpus (tests/corpus/kk), as a teacher would make them -----------

CORPUS_TEXTS = ("law-udhr", "news-govkz-state-language", "school-wiki-iran", "prose-abai-41")
NOTE_EVERY = 3      # every third paragraph of a dozen words or more gets a note
NOTE_WORDS = 3      # anchored to three words from its middle, the note being that paragraph's first sentence
_WORD = re.compile(r"[^\W\d_][\w\u2010-]*")


def corpus_project(text: Path, folder: Path, python: str, build_py: Path) -> Path:
    """A project of one corpus text: book.yaml, the text as article.txt with its headings marked by
    `check --fix`, and notes made mechanically (NOTE_EVERY, NOTE_WORDS: nothing chosen by hand, so that
    footnotes are measured on a text nobody tuned)."""
    import json
    import subprocess

    from ruamel.yaml import YAML

    entry = next(e for e in YAML(typ="safe").load((text.parents[1] / "sources.yaml").read_text(encoding="utf-8"))
                 ["texts"] if e["file"].endswith(text.name))
    folder.mkdir(parents=True)
    book = {"name": text.stem, "title": entry["title"][:300], "author": entry["author"][:200], "language": "kk",
            "date": "2026-12-01", "editions": ["cyrl", "latn"]}
    (folder / "book.yaml").write_text("".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in book.items()),
                                      encoding="utf-8")
    (folder / "article.txt").write_text(text.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([python, str(build_py), "check", "--source", str(folder), "--fix"], capture_output=True, check=False)
    for leftover in folder.glob("*.bak"):
        leftover.unlink()
    notes = _mechanical_notes((folder / "article.txt").read_text(encoding="utf-8"))
    (folder / "annotations.yaml").write_text("".join(f"- anchor: {json.dumps(a, ensure_ascii=False)}\n"
                                                     f"  note: {json.dumps(n, ensure_ascii=False)}\n"
                                                     for a, n in notes), encoding="utf-8")
    return folder


def _mechanical_notes(article: str) -> list[tuple[str, str]]:
    paragraphs = [line for line in article.split("\n") if line.strip() and not line.startswith("#")]
    notes = []
    for index, paragraph in enumerate(paragraphs):
        words = _WORD.findall(paragraph)
        if index % NOTE_EVERY != 1 or len(words) < 12:
            continue
        middle = len(words) // 2
        phrase = re.search(r"\s+".join(re.escape(w) for w in words[middle:middle + NOTE_WORDS]), paragraph)
        if not phrase or len(re.findall(rf"(?<!\w){re.escape(phrase[0])}(?!\w)", article)) != 1:
            continue
        sentence = re.split(r"(?<=[.!?])\s", paragraph.strip())[0]
        notes.append((phrase[0], sentence[:400]))
    return notes
