"""Print editions on the real PDFs: page references, paragraph numbers, booklet, large print, tagging."""
from __future__ import annotations

import re
import shutil
import subprocess

import pdfplumber
import pytest
from pypdf import PdfReader

from conftest import norm, read_pdf

from kitap.load import load_project
from kitap.transforms import apply_transforms
from kitap.transforms.abbreviations import term_pattern


@pytest.fixture(scope="module")
def book(seed_build):
    return apply_transforms(load_project(seed_build.source))


@pytest.fixture(scope="module")
def pages(seed_build):
    return read_pdf(seed_build.pdf)


def _glossary_index(pages):
    return next(i for i, p in enumerate(pages) if p.body.startswith("Қысқартулар сөздігі"))


def test_glossary_lists_exactly_the_pages_where_each_term_is_used(book, pages):
    article = pages[:_glossary_index(pages)]
    glossary = norm(" ".join(p.body for p in pages[_glossary_index(pages):]))
    for entry in book.glossary:
        expected = [p.number for p in article if term_pattern(entry.term).search(norm(p.body))]
        listed = re.search(rf"{re.escape(entry.expansion[:25])}.*?Мәтінде, б\. ([\d, –]+)", glossary)
        assert listed, entry.term
        assert _pages_listed(listed[1]) == expected, entry.term


def _pages_listed(text: str) -> list[int]:
    """«1–4, 6» → [1, 2, 3, 4, 6]: a range stands for three or more consecutive pages, never fewer."""
    pages = []
    for item in text.replace(" ", "").split(","):
        first, _, last = item.partition("–")
        assert not last or int(last) - int(first) >= 2, item
        pages += range(int(first), int(last or first) + 1)
    return pages


def test_chronology_pages_point_at_the_phrase(book, pages):
    chronology = norm(" ".join(p.body for p in pages[_glossary_index(pages):]))
    chronology = chronology[chronology.find("Оқиғалар хронологиясы"):]
    from kitap.languages.kk.dates import format_date
    for event in book.chronology:
        if not event.anchor:
            continue
        # the date set on two lines (year; day and month) beside the event's first two lines
        words = format_date(event.date).split()
        lines = (" ".join(words[:2]), " ".join(words[2:]))
        found = re.search(" .*?".join(re.escape(line) for line in lines if line) + r" .*?б\. (\d+)", chronology)
        assert found, event.date
        page = pages[int(found[1]) - 1]
        assert norm(event.anchor.phrase) in norm(page.body) or norm(event.anchor.phrase).split()[-1] in norm(page.body)


def test_first_use_of_each_abbreviation_is_marked_and_linked(seed_build):
    reader = PdfReader(seed_build.pdf)
    dests = [a.get_object().get("/Dest") for page in reader.pages for a in page.get("/Annots") or []]
    for index in range(1, 13):
        assert f"gl-{index}" in dests, "every glossary entry is linked from its first use"


def test_paragraph_numbers_stand_in_the_margin(book, seed_build):
    """Numbers left of the text column (x < 24 mm), in order, one per paragraph: the same as the e-book's."""
    numbers = []
    with pdfplumber.open(seed_build.pdf) as pdf:
        for page in pdf.pages:
            margin = page.crop((0, 0, 24 * 72 / 25.4 - 1, page.height))
            numbers += [int(n) for n in (margin.extract_text() or "").split()]
    assert numbers == [b.number for b in book.blocks if b.number]


def test_booklet_is_imposed_in_saddle_stitch_order(seed_build):
    booklet = seed_build.output / f"{seed_build.name}-booklet.pdf"
    with pdfplumber.open(booklet) as pdf:
        sides = []
        for page in pdf.pages:
            # two A5 pages side by side (2 × 148 mm = 296 mm) on an A4 landscape sheet, exactly (297 mm)
            assert page.width > page.height and abs(page.width - 841.89) < 0.1 and abs(page.height - 595.28) < 0.1
            half = page.width / 2
            foot = [page.crop((x, page.height - 45, x + half, page.height)).extract_text() or "" for x in (0, half)]
            sides.append(tuple(int(f) if f.strip().isdigit() else None for f in foot))
    total = 2 * len(sides)
    assert total % 4 == 0
    for index, (left, right) in enumerate(sides):
        sheet_side = index % 2  # front, back
        low = index + 1
        high = total - index
        expected = (high, low) if sheet_side == 0 else (low, high)
        assert (left or expected[0], right or expected[1]) == expected, f"side {index + 1}: {left}|{right}"
        assert left or right, "no side is entirely blank"


def test_large_print_body_is_at_least_18pt(seed_build):
    large = seed_build.output / f"{seed_build.name}-large.pdf"
    with pdfplumber.open(large) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["size"])
    body = [w["size"] for w in words if w["text"] in ("Тәуелсіздік", "алысымен", "мақсатта", "еліміз")]
    assert len(body) == 4 and min(body) >= 18


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
@pytest.mark.parametrize("suffix", ["", "-booklet", "-large"])
def test_every_edition_is_grayscale(seed_build, tmp_path, suffix):
    from PIL import Image

    pdf = seed_build.output / f"{seed_build.name}{suffix}.pdf"
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "p")], check=True)
    for png in tmp_path.glob("p*.png"):
        image = Image.open(png).convert("RGB")
        assert all(r == g == b for r, g, b in image.get_flattened_data()), png.name


@pytest.mark.parametrize("suffix", ["", "-booklet-pages", "-large"])
def test_editions_are_tagged_pdf_ua_with_kazakh_language(seed_build, suffix):
    """(The imposed booklet rebuilds the pages and is not tagged: its A5 pages are, -booklet-pages.pdf.)"""
    reader = PdfReader(seed_build.output / f"{seed_build.name}{suffix}.pdf")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "kk"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    tree = root["/StructTreeRoot"].get_object()
    roles = _roles(tree)
    for role in ("/H1", "/P", "/Table", "/TH", "/TD", "/Link", "/Span"):
        assert role in roles, role
    assert b'pdfuaid:part="1"' in reader.xmp_metadata.stream.get_data()


def _roles(node, found=None):
    found = set() if found is None else found
    node = node.get_object()
    if isinstance(node, dict):
        if "/S" in node:
            found.add(node["/S"])
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else ([kids] if kids is not None else []):
            _roles(kid, found)
    return found


def test_archival_option_writes_pdf_a_3b(tmp_path):
    from conftest import FIXTURES, run_cli

    result = run_cli("--source", str(FIXTURES / "mini"), "--output", str(tmp_path), "--only", "pdf", "--archival")
    assert result.returncode == 0, result.stderr
    xmp = PdfReader(tmp_path / "mini.pdf").xmp_metadata.stream.get_data()
    assert b"pdfaid:part=\"3\"" in xmp and b"pdfaid:conformance=\"B\"" in xmp


def _hyphenated_breaks(lines: list[str]):
    """(word, offset) for each line that ends in WeasyPrint's hyphen U+2010, joined with the next line."""
    lines = [line for line in lines if not re.fullmatch(r"[\d\s,]*", line)]  # superscript calls set apart
    for line, following in zip(lines, lines[1:]):
        if line.endswith("\u2010") and following.strip():
            head = re.findall(r"[\w-]+$", line[:-1])
            tail = re.match(r"[\w-]+", following.strip())
            if head and tail:
                yield head[0] + tail[0], len(head[0])


def _pages_in_reading_order(pdf, booklet: bool):
    """Pages (or, for the imposed booklet, half sheets) in reading order, by their printed numbers."""
    if not booklet:
        return list(pdf.pages)
    halves = []
    for page in pdf.pages:
        for x in (0, page.width / 2):
            half = page.crop((x, 0, x + page.width / 2, page.height))
            foot = (half.crop((x, page.height - 45, x + page.width / 2, page.height)).extract_text() or "").strip()
            if foot.isdigit():
                halves.append((int(foot), half))
    return [half for _, half in sorted(halves, key=lambda pair: pair[0])]


@pytest.mark.parametrize("suffix", ["", "-booklet"])
def test_no_illegal_hyphenation_in_any_edition(seed_build, suffix):
    """Every line that ends in a hyphen (U+2010, set by WeasyPrint at a soft hyphen) breaks its word at a
    legal Kazakh syllable break: body text read across pages, footnotes read on their own. (Large print
    splits no word: tests/test_print_editions_quality.py.)"""
    from collections import Counter

    from kitap.languages.kk.hyphenate import break_points

    with pdfplumber.open(seed_build.output / f"{seed_build.name}{suffix}.pdf") as pdf:
        pages = _pages_in_reading_order(pdf, suffix == "-booklet")
        sizes = Counter(round(c["size"]) for page in pages for c in page.chars if c["text"].strip())
        body = sizes.most_common(1)[0][0]
        body_lines, note_lines = [], []
        for page in pages:
            body_lines += (page.filter(lambda o: o.get("object_type") != "char" or round(o["size"]) >= body).extract_text() or "").split("\n")
            note_lines += [""] + (page.filter(lambda o: o.get("object_type") != "char" or 7.5 < o["size"] < body - 0.6).extract_text() or "").split("\n")
    breaks = list(_hyphenated_breaks(body_lines)) + list(_hyphenated_breaks(note_lines))
    assert len(breaks) > 10, "Kazakh text is hyphenated"
    for word, offset in breaks:
        assert offset in break_points(word), f"illegal break {word[:offset]}-{word[offset:]}"


def test_numbers_stay_with_their_words_and_quotes_are_kazakh(seed_build, pages):
    """Typography on the real page: no line ends with a number whose word went to the next line."""
    article = pages[:_glossary_index(pages)]
    lines = [line for page in article for line in page.body.split("\n") if line.strip()]
    for line, following in zip(lines, lines[1:]):
        if re.search(r"(^|\s)\d+$", line):
            assert not re.match(r"[^\W\d_]", following), f"{line[-20:]!r} / {following[:20]!r}"
    from conftest import epub_files

    article_xhtml = epub_files(seed_build.epub)["EPUB/article.xhtml"].decode().replace("\u00ad", "")
    assert "1992\u00a0жылдың" in article_xhtml and "46\u00a0сессиясында" in article_xhtml
    assert '"' not in re.sub(r"<[^>]+>", "", article_xhtml)


def test_line_numbers_every_fifth_line_without_moving_the_text(seed_build, tmp_path):
    from conftest import run_cli

    result = run_cli("--source", str(seed_build.source), "--output", str(tmp_path), "--only", "pdf", "--line-numbers")
    assert result.returncode == 0, result.stderr
    plain, numbered = read_pdf(seed_build.pdf), read_pdf(tmp_path / f"{seed_build.name}.pdf")
    assert [p.body for p in plain] == [p.body for p in numbered], "the text is laid out exactly as without numbers"
    with pdfplumber.open(tmp_path / f"{seed_build.name}.pdf") as pdf:
        for page in pdf.pages[:_glossary_index(plain)]:
            right = page.crop((page.width - 20 * 72 / 25.4 + 1, 60, page.width, page.height - 60))
            numbers = [int(n) for n in (right.extract_text() or "").split()]
            lines = [l for l in page.filter(lambda o: o.get("object_type") != "char" or o["size"] >= 10).extract_text().split("\n")
                     if l.strip()]
            article_lines = len(lines) - (3 if page.page_number == 1 else 0)  # title, subtitle, author
            assert numbers == list(range(5, article_lines + 1, 5)), (page.page_number, numbers, article_lines)


@pytest.mark.parametrize("identifier", [
    rb"/ID[<2A035BC397C395C39D42C39DC287C386>(`c9\373vD" + b'"' + rb"L'0[\013\227\204\023=)]",  # seen from pymupdf
    rb"/ID [ (a\)b(c)d\\) <0f1e> ]",
    rb"/ID[<98BE2A19DAA65BA867C06CD7BBC576E1><6B0629087D48EF6D7D564BAC1E329071>]",
])
def test_the_random_file_identifier_is_replaced_whatever_its_form(identifier):
    """pymupdf (booklet) and pypdf (line numbers) write a random /ID, sometimes as literal strings: it is
    replaced by one derived from the content, so the same sources always give the same bytes."""
    from kitap.writers.booklet import stable_id

    def pdf(ident: bytes) -> bytes:
        return b"%PDF-1.7\n1 0 obj\n<</Type/Catalog>>\nendobj\ntrailer\n<</Size 2/Root 1 0 R" + ident + b">>\n%%EOF\n"

    reference = stable_id(pdf(b"/ID[<00><00>]"))
    assert stable_id(pdf(identifier)) == reference
    assert re.search(rb"/ID\[<([0-9A-F]{32})><\1>\]>>", reference)


def test_a_range_of_pages_links_both_its_ends(seed_build):
    """«б. 1–4» (a term on four consecutive pages): the «1» is a link to the term's use on page 1, the «4»
    to its use on page 4, and the range does not break at its dash."""
    import pikepdf

    with pikepdf.open(seed_build.pdf) as pdf:
        pages = {page.objgen: index + 1 for index, page in enumerate(pdf.pages)}
        names = pikepdf.NameTree(pdf.Root.Names.Dests)
        target = {str(name): pages[names[name][0].objgen] for name in names.keys()}
    found = 0
    with pdfplumber.open(seed_build.pdf) as pdf:
        for page in pdf.pages:
            words = page.extract_words()
            for word in words:
                match = re.fullmatch(r"(\d{1,3})–(\d{1,3}),?", word["text"])  # (not years: «1991–1992»)
                if not match:
                    continue
                first, last = int(match[1]), int(match[2])
                assert last - first >= 2
                ends = []
                for link in page.annots:
                    dest = link["data"].get("Dest")
                    if dest is None or not (word["x0"] - 1 <= link["x0"] and link["x1"] <= word["x1"] + 1
                                            and link["top"] < word["bottom"] and link["bottom"] > word["top"]):
                        continue
                    ends.append((link["x0"], target[dest.decode() if isinstance(dest, bytes) else str(dest)]))
                assert [p for _, p in sorted(ends)] == [first, last], word["text"]
                found += 1
    assert found, "the seed's БҰҰ is on every page of the text: one range at least"


def test_runs_of_pages_and_paragraphs():
    from kitap.render.document import Ref, _runs

    refs = [Ref(n, f"#p{n}") for n in (1, 2, 4, 5, 6, 9)]
    assert [[r.label for r in run] for run in _runs(refs)] == [[1], [2], [4, 5, 6], [9]]
    labelled = [Ref(label, "#x") for label in ("1.2", "1.3", "1.4")]  # a volume's paragraphs: never a range
    assert len(_runs(labelled)) == 3


def test_a_short_text_without_appendices_prints_on_one_sheet(tmp_path):
    """A one-page handout with no glossary or chronology: its colophon follows the text on the same page,
    not alone on a second sheet a teacher would print thirty times. With a glossary it stays after it."""
    import shutil

    import pdfplumber

    from conftest import FIXTURES, build_into

    root = tmp_path / "short"
    shutil.copytree(FIXTURES / "mini", root)
    for name in ("annotations.yaml", "glossary.yaml", "chronology.yaml", "persons.yaml", "article.md"):
        (root / name).unlink(missing_ok=True)
    (root / "article.txt").write_text("Бүгін мектепте ертегі оқыдық.\nБалалар ертегіні қайта айтып берді.\n",
                                      encoding="utf-8")
    out = build_into(root, tmp_path / "out", "--only", "pdf,large")
    with pdfplumber.open(out / "mini.pdf") as pdf:
        assert len(pdf.pages) == 1
        text = pdf.pages[0].extract_text()
    assert text.index("Балалар ертегіні") < text.index("Басылым туралы")
    with pdfplumber.open(out / "mini-large.pdf") as pdf:
        assert "Басылым туралы" in " ".join(page.extract_text() for page in pdf.pages)
    (root / "glossary.yaml").write_text('- term: "ЖОО"\n  expansion: "жоғары оқу орны"\n', encoding="utf-8")
    (root / "article.txt").write_text("Бүгін ЖОО студенттері мектепте ертегі оқыды.\n", encoding="utf-8")
    out = build_into(root, tmp_path / "out2", "--only", "pdf")
    with pdfplumber.open(out / "mini.pdf") as pdf:
        assert len(pdf.pages) == 2 and "Басылым туралы" in pdf.pages[1].extract_text()


URL = ("https://www.google.com/url?sa=t&source=web&rct=j&opi=89978449&url=https%3A%2F%2Fkk.wikipedia.org%2Fwiki%2F"
       "%25D0%2590%25D0%25B1%25D0%25B0%25D0%25B9_%25D2%259A%25D2%25B1%25D0%25BD%25D0%25B0%25D0%25BD%25D0%25B1%25D0"
       "%25B0%25D0%25B9%25D2%25B1%25D0%25BB%25D1%258B&ved=2ahUKEwiZ")


def test_a_web_address_longer_than_a_line_is_cut_inside_the_margins(tmp_path):
    """A fault-finding pass: a pasted 280-character address ran past the right margin in every edition and was
    cut off at the paper's edge (large print too, which hyphenates nothing). Every character of it is printed,
    inside the page; the words of the text beside it are not cut."""
    from conftest import build_into, text_project

    root = text_project(tmp_path / "p", "Абай Шығыс пен Батыс мәдениетін жетік білген.\n"
                        f"Дереккөз: {URL} сайтынан алынды.\n")
    out = build_into(root, tmp_path / "out", "--only", "pdf,large,booklet")
    for name in ("mini.pdf", "mini-large.pdf", "mini-booklet-pages.pdf"):
        with pdfplumber.open(out / name) as pdf:
            chars = [c for page in pdf.pages for c in page.chars]
            assert max(c["x1"] for c in chars) <= pdf.pages[0].width - 20, name
            printed = "".join(c["text"] for c in chars)
        assert URL in re.sub(r"[\s\u2010-]", "", printed).replace("‐", ""), name
        assert "сайтынан" in printed and "мәдениетін" in printed, name


def test_a_colophon_that_would_spill_alone_onto_a_last_sheet_is_set_closer(tmp_path, monkeypatch):
    """A literature teacher's one-page poem printed on two sheets, the second with three lines of imprint. Texts of
    growing length are built with the mend turned off and on: where the colophon spilled alone onto a last page,
    it is set closer and the handout is a page shorter, its last page holding the text's end."""
    import pdfplumber

    from conftest import text_project
    from kitap import pipeline
    from kitap.writers import pagination

    line = "Бүгін мектепте ертегі оқыдық, балалар ертегіні қайта айтып берді және сурет салды."
    for count in range(34, 52):
        root = text_project(tmp_path / f"p{count}", "\n".join([line] * count) + "\n")
        with monkeypatch.context() as off:
            off.setattr(pagination, "colophon_alone", lambda document: False)
            pipeline.build(root, tmp_path / f"off{count}", kinds=("pdf",), jobs=1)
            with pdfplumber.open(tmp_path / f"off{count}" / "mini.pdf") as pdf:
                pages_before = len(pdf.pages)
        pipeline.build(root, tmp_path / f"on{count}", kinds=("pdf",), jobs=1)
        with pdfplumber.open(tmp_path / f"on{count}" / "mini.pdf") as pdf:
            pages_after, last = len(pdf.pages), pdf.pages[-1].extract_text()
        if pages_after < pages_before:
            assert str(count) in last.split() and "Басылым туралы" in last, last  # the last paragraph's number
            return
    raise AssertionError("no text length made the colophon spill alone: the test needs another range")


def test_list_items_numbers_stand_in_the_paragraphs_margin_column(tmp_path):
    """Classroom numbers of list items line up with the paragraphs' (a list is indented; its numbers are not),
    in A4 and large print."""
    import shutil

    import pdfplumber

    from conftest import FIXTURES, build_into

    root = tmp_path / "lists"
    shutil.copytree(FIXTURES / "mini", root)
    for name in ("annotations.yaml", "glossary.yaml", "chronology.yaml", "article.txt"):
        (root / name).unlink(missing_ok=True)
    (root / "article.md").write_text("Зерттеудің әдістері мыналар:\n\n1. Бақылау.\n2. Өлшеу.\n\nСондай-ақ:\n\n"
                                     "- салыстыру,\n- жалпылау.\n\nБұл әдістер бірге қолданылады.\n", encoding="utf-8")
    out = build_into(root, tmp_path / "out", "--only", "pdf,large")
    for name, size in (("mini.pdf", 8), ("mini-large.pdf", 16)):
        with pdfplumber.open(out / name) as pdf:
            numbers = {}
            for page in pdf.pages:
                for word in page.extract_words(extra_attrs=["size"]):
                    if word["text"].isdigit() and abs(word["size"] - size) < 0.2 and word["x0"] < 100:
                        numbers[int(word["text"])] = round(word["x1"], 1)
        assert sorted(numbers) == [1, 2, 3, 4, 5, 6, 7], (name, numbers)
        assert max(numbers.values()) - min(numbers.values()) < 0.6, (name, numbers)  # right-aligned, one column


def test_a_long_title_is_cut_to_one_line_in_the_running_head(tmp_path):
    """A decree's title of thirty words: the running head is one line inside the page, cut at a word and
    ended with «…», in A4 and in large print (where it ran off the top of the sheet)."""
    import shutil

    import pdfplumber

    from conftest import FIXTURES, build_into
    from kitap.render.document import running_head

    assert running_head("Қысқа тақырып") == "Қысқа тақырып"
    assert running_head("Бір екі үш төрт бес алты", 14) == "Бір екі үш…"
    root = tmp_path / "decree"
    shutil.copytree(FIXTURES / "mini", root)
    for name in ("annotations.yaml", "glossary.yaml", "chronology.yaml"):
        (root / name).unlink(missing_ok=True)
    title = ("Қазақстан Республикасы Білім және ғылым министрінің 2018 жылғы 30 қазандағы № 595 «Білім беру "
             "ұйымдары қызметінің үлгілік қағидаларын бекіту туралы» бұйрығына өзгерістер енгізу туралы")
    book = (root / "book.yaml").read_text(encoding="utf-8")
    (root / "book.yaml").write_text(book.replace('title: "Шағын мақала"', f'title: "{title.replace(chr(34), "")}"'),
                                    encoding="utf-8")
    (root / "article.txt").write_text("\n".join(["Бұйрықтың мәтіні осы жерде жазылады, оқушылар мен мұғалімдер оны "
                                                 "оқиды және талқылайды."] * 40) + "\n", encoding="utf-8")
    out = build_into(root, tmp_path / "out", "--only", "pdf,large")
    for name, size, margin in (("mini.pdf", 8, 62), ("mini-large.pdf", 16, 51)):  # (the top margins: 22, 18 mm)
        with pdfplumber.open(out / name) as pdf:
            page = pdf.pages[1]
            head = [w for w in page.extract_words(extra_attrs=["size"])
                    if w["top"] < margin and abs(w["size"] - size) < 0.3]
        assert head and min(w["top"] for w in head) > 0, (name, head)
        assert len({round(w["top"]) for w in head}) == 1, (name, head)  # one line
        assert head[-1]["text"].endswith("…"), (name, head)


def test_a_volumes_title_and_its_chapters_share_the_top_of_the_page():
    """The two heads of a volume's page are cut together: a short volume title stays whole beside any
    chapter (it was cut at 30 characters: «Тарих пен әдебиет: екінші…» beside «Қыс»)."""
    from kitap.render.document import RUNNING_PAIR, running_pair

    volume = "Тарих пен әдебиет: екінші тоқсан"
    assert running_pair(volume, "Қыс", RUNNING_PAIR["short"]) == (volume, "Қыс")
    assert running_pair(volume, "Мағжан Жұмабаев (1893-1938 жж.)", RUNNING_PAIR[""])[0] == volume
    left, right = running_pair("Тәуелсіз Қазақстанның тарихы мен мәдениеті: тоғызыншы сыныпқа арналған оқу жинағы",
                               "Қазақстан және Біріккен Ұлттар Ұйымы", RUNNING_PAIR["short"])
    assert left.endswith("…") and len(left) + len(right) <= RUNNING_PAIR["short"]


def test_the_colophon_joins_title_and_subtitle_as_a_sentence():
    """No «?:» after a question in the title, no «: (» before a bracketed subtitle, no «?.» at the end."""
    from kitap.render.document import sentence

    assert sentence("Ақын-жазушылар не күтеді?", "Сұхбат") == "Ақын-жазушылар не күтеді? Сұхбат."
    assert sentence("Конвенция", "(балаларға арналған нұсқасы)") == "Конвенция (балаларға арналған нұсқасы)."
    assert sentence("Қазақстан және БҰҰ", "Тәуелсіз елдің жолы") == "Қазақстан және БҰҰ: Тәуелсіз елдің жолы."
    assert sentence("Не күтеді?") == "Не күтеді?" and sentence("Абай") == "Абай."


def test_a_running_head_takes_what_the_other_leaves():
    """A section's head beside a short author is cut only where the two do not fit together (large print
    cut «"Әкем соғыста қаза тапқан" дейтінмін»» at 36 characters beside a 16-character author)."""
    from types import SimpleNamespace

    from kitap.render.document import RUNNING_HEAD, RUNNING_PAIR, Renderer

    renderer = Renderer.__new__(Renderer)  # (only what running heads read)
    renderer._rooms = {}
    renderer.book = SimpleNamespace(meta=SimpleNamespace(author="Халық сөзі", title="Сұхбат"), blocks=[], chapters=[],
                                    appendices={}, notes=[])
    from kitap.languages import pack_for

    renderer.pack = pack_for("kk")
    long = "«Әкем соғыста қаза тапқан» дейтінмін ғой"
    assert len(long) > RUNNING_HEAD["section-short"]
    shown = renderer.running(long, short=True)
    assert shown == long and len(shown) + len("Халық сөзі") <= RUNNING_PAIR["short"]
    assert renderer.running(long * 2, short=True).endswith("…")


def test_the_short_quotes_a_text_opens_with_are_its_epigraph(tmp_path):
    """A literature teacher's essay on Мұқағали with a verse epigraph: it was set as an indented quotation, its
    attribution an ordinary paragraph. Now in the page's right half, the attribution set right; a text opening
    with a long quotation keeps it as a quotation."""
    from lxml import html as lxml_html

    from conftest import build_into, text_project

    epigraph = "> Өлеңге әркімнің-ақ бар таласы,\\\n> Сонда да солардың бар таласы.\n\n> — Абай\n\n"
    text = "Мағжан Жұмабаев қазақ поэзиясына жаңа леп әкелген ақын. Оның өлеңдері бүгін де оқылады.\n"
    root = text_project(tmp_path / "p", epigraph + text, article_name="article.md")
    out = build_into(root, tmp_path / "out", "--only", "pdf,html")
    page = lxml_html.fromstring((out / "html" / "index.html").read_bytes(), parser=lxml_html.HTMLParser(encoding="utf-8"))
    assert [q.get("class") for q in page.xpath("//blockquote")] == ["epigraph", "epigraph epigraph-end attribution"]
    with pdfplumber.open(out / "mini.pdf") as pdf:
        words = pdf.pages[0].extract_words()
        width = pdf.pages[0].width
    first = lambda text: next(w for w in words if w["text"].startswith(text))  # noqa: E731
    assert first("Өлеңге")["x0"] > width * 0.45 and first("Абай")["x1"] > width * 0.8
    assert first("Мағжан")["x0"] < width * 0.3
    long = "> " + "Бұл ұзақ дәйексөз, ол эпиграф емес, мақаланың өзі оны талдайды. " * 8 + "\n\n"
    root = text_project(tmp_path / "q", long + text, article_name="article.md")
    page = lxml_html.fromstring((build_into(root, tmp_path / "out2", "--only", "html") / "html" / "index.html").read_bytes(),
                                parser=lxml_html.HTMLParser(encoding="utf-8"))
    assert [q.get("class") for q in page.xpath("//blockquote")] == [None]
