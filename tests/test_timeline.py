"""The timeline at the head of the chronology (kitap/timeline): read back from the real e-book, web page and
PDF of the default project, and of generated chronologies of 1 event and of 60."""
from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import FIXTURES, NS, ROOT, epub_files, run_cli, xhtml

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
SVG_NS = {**NS, "s": "http://www.w3.org/2000/svg"}
GRAY = re.compile(r"#([0-9a-f])\1\1|#([0-9a-f]{2})\2\2|none", re.I)
NAME = "kazakhstan-un"


def build(source: Path, out: Path, *options: str) -> Path:
    result = run_cli("--source", str(source), "--output", str(out), "--only", "pdf,epub,html", *options)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def default(tmp_path_factory) -> Path:
    return build(ROOT / "source", tmp_path_factory.mktemp("timeline-default"))


def chronology_page(epub: Path):
    return xhtml(epub_files(epub)["EPUB/chronology.xhtml"])


def figures(page) -> list:
    return page.xpath("//x:div[@class='timeline']/s:svg", namespaces=SVG_NS)


def marks(svg) -> list[tuple[float, str]]:
    """Each event's mark: its y on the axis (where its leader starts) and what it links to."""
    found = []
    for event in svg.xpath(".//s:g[@class='event']", namespaces=SVG_NS):
        points = event.xpath(".//s:polyline[@class='leader']/@points", namespaces=SVG_NS)[0].split()
        link = event.xpath(".//s:a", namespaces=SVG_NS)
        found.append((float(points[0].split(",")[1]), link[0].get(XLINK) if link else ""))
    return found


def label_boxes(svg) -> list[tuple[float, float, float, float]]:
    return [tuple(float(g.get(f"data-{k}")) for k in ("x", "y", "width", "height"))
            for g in svg.xpath(".//s:g[@class='label']", namespaces=SVG_NS)]


def dates_by_id(page) -> dict[str, str]:
    return {li.get("id"): li.xpath("string(.//x:time/@datetime)", namespaces=NS)
            for li in page.xpath("//x:li[@class='event']", namespaces=NS)}


def time_of(iso: str) -> float:
    from kitap.model import PartialDate
    from kitap.timeline.axis import time_of as axis_time

    parts = [int(p) for p in iso.split("-")] + [0, 0]
    return axis_time(PartialDate(parts[0], parts[1] or None, parts[2] or None))


def assert_labels_apart(svg) -> None:
    boxes = sorted(label_boxes(svg), key=lambda b: b[1])
    width = float(svg.get("viewBox").split()[2])
    for (x, y, w, h), (_, below, _, _) in zip(boxes, boxes[1:]):
        assert y + h <= below + 0.05, (y, h, below)  # one under the other, never overlapping
    assert all(x + w <= width + 0.05 for x, _, w, _ in boxes)


def assert_to_scale(svg, dates: dict[str, str]) -> tuple[int, int]:
    """Marks in one stretch are their years apart at one scale; across a break the axis is shorter than
    that scale would make it. Returns the numbers of stretches and of breaks."""
    breaks = sorted(float(y) for y in svg.xpath(".//s:line[@class='break']/@y1", namespaces=SVG_NS))[::2]
    timed = sorted((time_of(dates[href.split("#")[1]]), y) for y, href in marks(svg))
    assert [y for _, y in timed] == sorted(y for _, y in timed)  # time runs down
    stretch = lambda y: sum(b < y for b in breaks)  # noqa: E731
    slopes, jumps = [], []
    for (t0, y0), (t1, y1) in zip(timed, timed[1:]):
        if t1 - t0 < 1e-6:
            continue
        (slopes if stretch(y0) == stretch(y1) else jumps).append((t1 - t0, y1 - y0))
    if slopes:
        longest, rise = max(slopes)
        scale = rise / longest
        for dt, dy in slopes:
            assert abs(dy - dt * scale) <= 0.25 + 0.02 * dy, (dt, dy, scale)  # SVG numbers have one decimal
        for dt, dy in jumps:
            assert dy < dt * scale and dt >= 2, (dt, dy)  # an empty stretch of years, collapsed
    return len({stretch(y) for _, y in timed}), len(breaks)


def test_default_timeline_to_scale_with_collapsed_stretches(default):
    page = chronology_page(default / f"{NAME}.epub")
    [svg] = figures(page)
    assert len(marks(svg)) == len(dates_by_id(page)) == 17
    stretches, breaks = assert_to_scale(svg, dates_by_id(page))
    assert breaks >= 4 and stretches == breaks + 1  # 1789 … 1945 … 1991: the empty centuries cut out
    years = [(float(t.get("y")), int(t.text)) for t in svg.xpath(".//s:text[@class='year']", namespaces=SVG_NS)]
    assert [year for _, year in sorted(years)] == sorted(year for _, year in years)
    assert {1789, 1945, 1991} <= {year for _, year in years}


def test_default_timeline_labels_never_overlap_and_leaders_never_cross(default):
    [svg] = figures(chronology_page(default / f"{NAME}.epub"))
    assert_labels_apart(svg)
    anchors = [float(p.get("points").split()[2].split(",")[1]) for p in svg.xpath(".//s:polyline", namespaces=SVG_NS)]
    starts = [y for y, _ in marks(svg)]
    assert sorted(range(len(starts)), key=lambda i: (starts[i], i)) == sorted(range(len(anchors)), key=lambda i: (anchors[i], i))


def test_each_mark_links_to_its_event(default):
    files = epub_files(default / f"{NAME}.epub")
    page = xhtml(files["EPUB/chronology.xhtml"])
    [svg] = figures(page)
    links = [href for _, href in marks(svg)]
    assert all(href.startswith("chronology.xhtml#ch-") for href in links)
    assert sorted(href.split("#")[1] for href in links) == sorted(dates_by_id(page))
    web = etree.HTML((default / "html" / "index.html").read_bytes())
    web_links = web.xpath("//div[@class='timeline']//a/@*[name()='xlink:href' or name()='href']")
    assert len(web_links) == 17 and all(web.xpath(f"//*[@id='{h[1:]}']") for h in web_links)
    assert "svg" in re.search(r'<item [^>]*href="chronology.xhtml"[^>]*>', files["EPUB/content.opf"].decode())[0]


def test_a_text_alternative_for_screen_readers(default):
    [svg] = figures(chronology_page(default / f"{NAME}.epub"))
    assert svg.get("role") == "img"
    title = svg.xpath(f"s:title[@id='{svg.get('aria-labelledby')}']", namespaces=SVG_NS)
    desc = svg.xpath(f"s:desc[@id='{svg.get('aria-describedby')}']", namespaces=SVG_NS)
    assert title[0].text == "Уақыт сызығы"
    assert desc[0].text.startswith("Оқиғалар саны: 17 (1789–1995)")
    assert "viewBox" in svg.attrib  # XHTML keeps its case (lxml's HTML parser would lower it)


def test_grayscale(default):
    [svg] = figures(chronology_page(default / f"{NAME}.epub"))
    colours = {v for e in svg.iter() for k, v in e.attrib.items() if k in ("fill", "stroke")}
    assert colours and all(GRAY.fullmatch(c) for c in colours), colours


def pdf_timeline_lines(path: Path, max_size: float = 11) -> list[list]:
    """Per page, the lines of the timeline's text in the PDF (set in Kitap Sans, between the margins)."""
    import pdfplumber

    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            figure = page.filter(lambda o: o.get("object_type") != "char" or
                                 ("Sans" in o["fontname"] and 60 < o["top"] < page.height - 60 and o["size"] < max_size))
            pages.append(figure.extract_text_lines(x_tolerance=1.5))
    return pages


def assert_no_overlap(lines: list) -> None:
    for a, b in itertools.combinations(lines, 2):
        apart = a["x1"] <= b["x0"] + 0.5 or b["x1"] <= a["x0"] + 0.5 or \
            a["bottom"] <= b["top"] + 0.5 or b["bottom"] <= a["top"] + 0.5
        assert apart, (a["text"], b["text"])


def test_in_the_pdf_as_text_and_in_gray(default):
    import pdfplumber

    pages = pdf_timeline_lines(default / f"{NAME}.pdf")
    text = "\n".join(line["text"] for page in pages for line in page)
    for label in ("Франция: құқықтар декларациясы", "БҰҰ Жарғысына қол қойылды 31-абз.", "Соңғы оқтұмсықтар шығарылды"):
        assert label in text
    for page in pages:
        assert_no_overlap(page)
    with pdfplumber.open(default / f"{NAME}.pdf") as pdf:
        page = next(p for p in pdf.pages if "Франция: құқықтар декларациясы" in (p.extract_text(x_tolerance=1.5) or ""))
        colours = {tuple(o.get(k) or ()) for o in page.chars + page.lines + page.curves + page.rects
                   for k in ("stroking_color", "non_stroking_color")} - {()}
        assert all(len(c) == 1 or max(c[:3]) - min(c[:3]) < 1e-3 for c in colours), colours


def test_both_scripts(default):
    page = chronology_page(default / f"{NAME}-latn.epub")
    [svg] = figures(page)
    texts = " ".join(t.text or "" for t in svg.iter(f"{SVG}text", f"{SVG}title", f"{SVG}desc"))
    assert not re.search("[а-яәғқңөұүһі]", texts, re.I) and "BŪŪ" in texts
    assert len(marks(svg)) == 17
    assert_labels_apart(svg)


def chronology_of(events: list[tuple[str, str]]) -> str:
    return "".join(f'- date: "{date}"\n  event: "{text}"\n' for date, text in events)


SIXTY = ([(f"{1900 + 2 * n}-0{1 + n % 9}", f"Ғасыр басындағы оқиға {n + 1}.") for n in range(12)]
         + [(f"1991-{1 + n % 12:02d}-{1 + n:02d}", f"Жиналыс {n + 13}: шешім қабылданып, құжатқа қол қойылды.")
            for n in range(24)]
         + [(f"{1992 + n}", f"Кейінгі оқиға {n + 37}.") for n in range(20)]
         + [(f"2020-0{1 + n}-15", f"Соңғы оқиға {n + 57}.") for n in range(4)])


@pytest.mark.parametrize("events", [[("1992-03-02", "Қазақстан БҰҰ-ға қабылданды.")], SIXTY], ids=["one", "sixty"])
def test_one_event_and_sixty(project, tmp_path, events):
    (project / "chronology.yaml").write_text(chronology_of(events), encoding="utf-8")
    out = build(project, tmp_path / "out", "--script", "cyrl")
    page = chronology_page(out / "mini.epub")
    svgs = figures(page)
    found = [m for svg in svgs for m in marks(svg)]
    assert len(found) == len(events) == len(dates_by_id(page))
    assert sorted(href.split("#")[1] for _, href in found) == sorted(dates_by_id(page))
    titles = [svg.get("aria-labelledby") for svg in svgs]
    assert len(set(titles)) == len(svgs)
    for svg in svgs:
        assert_labels_apart(svg)
        assert_to_scale(svg, dates_by_id(page))
    if len(events) == 1:
        [svg] = svgs
        assert [t.text for t in svg.xpath(".//s:text[@class='year']", namespaces=SVG_NS)] == ["1992"]
        assert svg.xpath("string(s:desc)", namespaces=SVG_NS).startswith("Оқиғалар саны: 1 (1992)")
    else:
        assert len(svgs) >= 2  # too tall for one page: in parts, each its own figure
        assert svgs[0].xpath("string(s:title)", namespaces=SVG_NS) == f"Уақыт сызығы (1/{len(svgs)})"
        captions = page.xpath("//x:p[@class='timeline-part']", namespaces=NS)  # and so it is seen, in print too
        assert [c.xpath("string(.)") for c in captions] == [f"Уақыт сызығы ({n}/{len(svgs)})"
                                                              for n in range(1, len(svgs) + 1)]
    pages = pdf_timeline_lines(out / "mini.pdf")
    text = "\n".join(line["text"] for page in pages for line in page)
    for date, label in events:
        assert label.split(":")[0].rstrip(".") in text
    for lines in pages:
        assert_no_overlap(lines)


@pytest.mark.parametrize("events", [
    [("1991-12-08", "ТМД құрылды."), ("1991-12-21", "Алматы декларациясы."), ("2021-12-21", "ТМД-ға 30 жыл.")],
    [("1845-08-10", "Абай туды."), ("1885", "Қарамола съезі."), ("1904-07-06", "Абай қайтыс болды.")],
    [("1832", "Алғашқы жазба."), ("1996", "Кітап қайта басылды.")]],
    ids=["two-close-one-far", "three-far", "two-far"])
def test_a_few_events_decades_apart_are_apart_with_their_years(project, tmp_path, events):
    """Three events over thirty years or sixty: each mark apart from the others, the empty decades cut out
    with a break, and the year of each stretch written (the figure once piled them under one year)."""
    (project / "chronology.yaml").write_text(chronology_of(events), encoding="utf-8")
    out = build(project, tmp_path / "out", "--script", "cyrl")
    page = chronology_page(out / "mini.epub")
    [svg] = figures(page)
    ys = sorted(y for y, _ in marks(svg))
    assert all(b - a >= 10 for a, b in zip(ys, ys[1:])), ys  # a label size apart, at least (10 user units)
    stretches, breaks = assert_to_scale(svg, dates_by_id(page))
    assert breaks >= 1 and stretches == breaks + 1
    years = {int(t.text) for t in svg.xpath(".//s:text[@class='year']", namespaces=SVG_NS)}
    assert {int(events[0][0][:4]), int(events[1][0][:4]), int(events[-1][0][:4])} <= years  # the last one's too


def test_a_course_volume_gives_each_text_its_own_mark_shape(tmp_path):
    out = build(FIXTURES / "course", tmp_path / "out", "--script", "cyrl")
    page = chronology_page(out / "term-1.epub")
    chapter_of = {li.get("id"): li.xpath("string(.//x:a[@class='event-chapter']/@href)", namespaces=NS).split("#c")[1]
                  for li in page.xpath("//x:li[@class='event']", namespaces=NS)}
    shapes: dict[str, set] = {}
    svgs = figures(page)
    for svg in svgs:
        legend = [t.text for t in svg.xpath(".//s:g[@class='legend']/s:text", namespaces=SVG_NS)]
        assert legend[0].startswith("1. Қазақстан және Біріккен Ұлттар Ұйымы") and len(legend) == len(set(chapter_of.values()))
        for event in svg.xpath(".//s:g[@class='event']", namespaces=SVG_NS):
            mark = event.xpath(".//s:a/*[2]", namespaces=SVG_NS)[0]  # after the leader
            ident = event.xpath(".//s:a", namespaces=SVG_NS)[0].get(XLINK).split("#")[1]
            shapes.setdefault(chapter_of[ident], set()).add((mark.tag, mark.get("fill")))
        assert_labels_apart(svg)
    assert sum(len(marks(svg)) for svg in svgs) == len(chapter_of)
    assert all(len(kinds) == 1 for kinds in shapes.values())  # one shape per text
    assert len({next(iter(kinds)) for kinds in shapes.values()}) == len(shapes) >= 2  # and each text its own


def test_large_print_sets_the_timeline_no_smaller_than_16_pt(tmp_path):
    import pdfplumber

    result = run_cli("--source", str(ROOT / "source"), "--output", str(tmp_path), "--only", "large", "--script", "cyrl")
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(tmp_path / f"{NAME}-large.pdf") as pdf:
        pages = [p for p in pdf.pages if "декларациясы" in (p.extract_text(x_tolerance=1.5) or "")
                 and "Франция:" in (p.extract_text(x_tolerance=1.5) or "")]
        figure = [c for c in pages[0].chars if "Sans" in c["fontname"] and 60 < c["top"] < pages[0].height - 60]
        labels = [c for c in figure if c["text"] == "Ф"]
        years = [c for c in figure if c["text"] == "7" and c["size"] < 19]  # 1789
        assert labels and min(c["size"] for c in labels) >= 19.5
        assert years and min(c["size"] for c in years) >= 16
    pages = pdf_timeline_lines(tmp_path / f"{NAME}-large.pdf", max_size=21)
    assert sum(len(lines) for lines in pages) >= 17
    for lines in pages:
        assert_no_overlap(lines)


def test_labels_cut_the_same_take_words_until_they_differ():
    """Two events of one campaign, «… басталды» and «… аяқталды», both came out «Білім грантына өтініш…»:
    a cut label another one begins with takes more words; other labels stay as short as before."""
    from types import SimpleNamespace

    from kitap.model import Text
    from kitap.timeline import short_form, short_forms

    def event(text: str, short: str = ""):
        return SimpleNamespace(short=short, event=[Text(text)])

    events = [event("Білім грантына өтініш қабылдау басталды."), event("Білім грантына өтініш қабылдау аяқталды."),
              event("Омбы мұғалімдер семинариясына түсті."), event("Омбы мұғалімдер семинариясын бітірді."),
              event("Мағжан Жұмабаев Алматыда қайтыс болды деген хабар келді."), event("Қысқа", short="Өз аты")]
    labels = short_forms(events)
    assert len(set(labels)) == len(labels)
    stems = [label.removesuffix("…") for label in labels]
    assert not any(i != j and b.startswith(a) and labels[i].endswith("…")
                   for i, a in enumerate(stems) for j, b in enumerate(stems))
    assert labels[4] == short_form(events[4]) and labels[5] == "Өз аты"


def test_a_long_title_in_the_legend_ends_in_an_ellipsis_inside_the_figure():
    """A new user's course pack: «3. Назарбаев барша қазақстандықтарды Қазақ хандығының 550 жылдық
    мерейтойымен құттықтады» ran past the figure's edge, cut off mid-word, in every edition."""
    from kitap.model import PartialDate
    from kitap.timeline.draw import COLUMNS, SMALL, TimelineEvent, draw
    from kitap.timeline.labels import text_width

    long = "3. Назарбаев барша қазақстандықтарды Қазақ хандығының 550 жылдық мерейтойымен құттықтады"
    events = [TimelineEvent(PartialDate(1465), "Хандық құрылды", source="1"),
              TimelineEvent(PartialDate(2015), "Мерейтой", source="3")]
    svg = etree.fromstring(draw(events, "T", "D", "t", legend={"1": "1. Керей хан", "3": long}).encode())
    texts = [t.text for t in svg.iterfind(".//{http://www.w3.org/2000/svg}g[@class='legend']/{http://www.w3.org/2000/svg}text")]
    assert texts[0] == "1. Керей хан" and texts[1].endswith("…") and long.startswith(texts[1][:-1])
    assert all(1.4 + text_width(t, SMALL) <= COLUMNS for t in texts)


def test_an_event_two_texts_tell_has_each_texts_mark():
    """A new user's course pack: «1465 Қазақ хандығы құрылды», told by texts 2 and 3, was drawn with text 2's
    square only."""
    from kitap.model import PartialDate
    from kitap.timeline.draw import TimelineEvent, draw

    events = [TimelineEvent(PartialDate(1465), "Хандық құрылды", "3.1-абз.", source="2", also=("3",)),
              TimelineEvent(PartialDate(1457), "Көшті", source="2"), TimelineEvent(PartialDate(2015), "Той", source="3")]
    svg = etree.fromstring(draw(events, "T", "D", "t", legend={"2": "2. Керей", "3": "3. Той"}).encode())
    ns = {"s": "http://www.w3.org/2000/svg"}
    groups = svg.xpath(".//s:g[@class='event']", namespaces=ns)
    shapes = [len(g.xpath("./*[not(self::s:polyline) and not(self::s:g)]", namespaces=ns)) for g in groups]
    assert sorted(shapes) == [1, 1, 2], shapes


def test_an_event_many_texts_tell_shows_three_marks_and_the_legend_names_them(tmp_path):
    """Forty texts telling the same events (bench/coursepack.py) drew forty marks over each label and a list
    of forty paragraphs: three marks and three paragraphs, then «…»; the legend names the texts drawn."""
    pack = tmp_path / "pack"
    pack.mkdir()
    lines = ["name: many", 'title: "Жинақ"', 'editor: "Әдіскер"', 'date: "2026-09-01"', "texts:"]
    for n in range(1, 6):
        shutil.copytree(FIXTURES / "mini", pack / f"t{n}")
        book = (pack / f"t{n}" / "book.yaml").read_text(encoding="utf-8")
        (pack / f"t{n}" / "book.yaml").write_text(re.sub(r'title: "[^"]*"', f'title: "Мәтін {n}"', book), encoding="utf-8")
        lines.append(f"  - t{n}")
    (pack / "course.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("--source", str(pack), "--output", str(tmp_path / "out"), "--only", "html")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "html" / "index.html").read_text(encoding="utf-8")
    svg = etree.fromstring(page[page.index("<svg"):page.index("</svg>") + 6].encode())
    ns = {"s": "http://www.w3.org/2000/svg"}
    for group in svg.xpath(".//s:g[@class='event']", namespaces=ns):
        marks = group.xpath(".//*[not(self::s:polyline) and not(self::s:g) and not(self::s:text) and not(self::s:a)]",
                            namespaces=ns)
        assert len(marks) <= 3, len(marks)
    wheres = [t.text for t in svg.xpath(".//s:text[@class='where']", namespaces=ns)]
    assert wheres and all(w.count(",") <= 3 for w in wheres) and any("…" in w for w in wheres), wheres
    legend = [t.text for t in svg.xpath(".//s:g[@class='legend']/s:text", namespaces=ns)]
    assert legend == ["1. Мәтін 1", "2. Мәтін 2", "3. Мәтін 3"], legend
