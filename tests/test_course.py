"""Course packs (course.yaml): several existing projects bound as one volume, read back from the real
outputs of tests/fixtures/course (the default project and two corpus texts, in two parts)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pikepdf
import pytest

from conftest import (FIXTURES, NOTE_GAP, NS, ROOT, build_into, assert_page_list_matches, close_punctuation, epub_files, norm,
                      pdf_body_text, read_pdf, run_cli, text_without_calls, xhtml)
from test_epub import epubcheck

COURSE = FIXTURES / "course"
NAME = "term-1"


def chapters():
    """Each text of the fixture as its own transformed book (what the volume must hold, in order)."""
    from kitap.load.course import load_course
    from kitap.transforms import apply_transforms

    return [apply_transforms(text) for text in load_course(COURSE).texts]


def paragraphs(book) -> list[str]:
    from kitap.transforms.inline_ops import plain_text

    return [dashes(norm(plain_text(block.children))) for block in book.blocks if block.kind == "p"]


def dashes(text: str) -> str:
    """A spaced hyphen is set as a dash at render time (typography, not a change of the words)."""
    return re.sub(r" [-–—] ", " — ", text)


@pytest.fixture(scope="module")
def texts():
    return chapters()


@pytest.fixture(scope="module")
def volume(tmp_path_factory) -> Path:
    return build_into(COURSE, tmp_path_factory.mktemp("course-out"))


@pytest.fixture(scope="module")
def pages(volume):
    return read_pdf(volume / f"{NAME}.pdf")


@pytest.fixture(scope="module")
def files(volume):
    return epub_files(volume / f"{NAME}.epub")


def make_course(tmp_path: Path, body: str | None = None) -> Path:
    """A writable course pack: copies of the fixture's texts and of the default project."""
    course = tmp_path / "course"
    shutil.copytree(COURSE / "texts", course / "texts")
    shutil.copytree(ROOT / "source", tmp_path / "un")
    text = (COURSE / "course.yaml").read_text(encoding="utf-8").replace("../../../source", "../un")
    (course / "course.yaml").write_text(body if body is not None else text, encoding="utf-8")
    return course


# ---- the volume in print --------------------------------------------------------------------------

def test_every_paragraph_of_every_text_is_in_the_pdf_in_order(pages, texts):
    text = dashes(pdf_body_text(pages))
    position = 0
    for book in texts:
        for paragraph in paragraphs(book):
            found = text.find(close_punctuation(paragraph), position)
            assert found >= 0, f"missing or out of order: {paragraph[:60]}…"
            position = found + len(close_punctuation(paragraph))


def test_contents_page_numbers_are_the_pages_chapters_start_on(pages, texts):
    """The printed table of contents: each text's title followed by the page it really starts on."""
    contents = dashes(norm(pages[1].body + " " + pages[1].small) if "Мазмұны" in pages[1].body else norm(pages[0].body))
    assert "Мазмұны" in contents
    for book in texts:
        title = dashes(norm(book.meta.title))
        match = re.search(re.escape(title[:30]) + r".*?(\d+)(?: |$)", contents)
        assert match, f"{title} is not in the contents"
        start = int(match[1])
        assert dashes(norm(pages[start - 1].body)).find(title[:30]) >= 0, f"{title} does not start on page {start}"


def test_page_numbers_run_on_through_the_volume(volume, pages):
    """Folios are continuous: the number printed at the foot of page n is n (title page unnumbered)."""
    import pdfplumber

    with pdfplumber.open(volume / f"{NAME}.pdf") as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            foot = page.crop((0, page.height - 60, page.width, page.height)).extract_text() or ""
            if number > 1 and foot.strip():
                assert foot.split()[-1] == str(number) or foot.split()[0] == str(number), (number, foot)
        numbered = sum(bool((p.crop((0, p.height - 60, p.width, p.height)).extract_text() or "").strip())
                       for p in pdf.pages)
    assert numbered >= len(pages) - 4  # the title page, contents and part openings may go unnumbered


def contents_pages(pages, texts) -> list[int]:
    """The page each text starts on, as the printed contents says."""
    contents = dashes(norm(pages[1].body))
    return [int(re.search(re.escape(dashes(norm(b.meta.title))[:30]) + r".*?(\d+)(?: |$)", contents)[1]) for b in texts]


def test_running_heads_carry_the_volume_and_chapter_title_but_not_on_openings(volume, pages, texts):
    import pdfplumber

    with pdfplumber.open(volume / f"{NAME}.pdf") as pdf:
        heads = [dashes(norm(p.crop((0, 0, p.width, 60)).extract_text() or "")) for p in pdf.pages]
    starts = contents_pages(pages, texts)
    appendices = int(re.search(r"Қысқартулар сөздігі\D*(\d+)", dashes(norm(pages[1].body)))[1])
    ends = [*(s - 1 for s in starts[1:]), appendices - 1]
    checked = 0
    for book, start, end in zip(texts, starts, ends):
        assert heads[start - 1] == "", f"page {start} opens a text: no running head"
        title = dashes(norm(book.meta.title))[:20]
        for number in range(start + 1, end + 1):
            if "бөлім" in norm(pages[number - 1].body)[:12]:
                continue  # the next part's opening page
            assert title in heads[number - 1] and "оқу жинағы" in heads[number - 1], (number, heads[number - 1])
            checked += 1
    assert checked >= 2


def test_each_footnote_is_at_the_foot_of_its_call_page_and_numbers_restart(pages, texts):
    calls = [n for page in pages for n in page.calls]
    expected = [n for book in texts for n in range(1, len(book.notes) + 1)]
    assert calls == expected, "note numbers restart with each text, in reading order"
    for page in pages:
        for number in page.calls:
            assert re.search(rf"(?:^| ){number}\. ", norm(page.small)), f"note {number} is not on page {page.number}"


def test_one_merged_glossary_and_a_chronology_in_date_order(pages, texts):
    text = pdf_body_text(pages)
    glossary = text[text.find("Қысқартулар сөздігі"):]
    assert glossary.count("Кеңестік Социалистік Республика ") == 1, "КСР (two texts) is one entry"
    terms = [e.term for book in texts for e in book.glossary]
    for term in set(terms):
        assert re.search(rf"(?:^| ){re.escape(term)} ", glossary), term
    from kitap.load.course import load_course
    from kitap.transforms import apply_transforms
    from kitap.transforms.volume import bind

    course = load_course(COURSE)
    bound = bind(course, [apply_transforms(t) for t in course.texts])
    dates = [event.date for event in bound.chronology]
    assert dates == sorted(dates) and len(dates) == sum(len(b.chronology) for b in texts)
    assert {event.chapter for event in bound.chronology} == {1, 2, 3}


def test_bookmarks_nest_parts_chapters_and_headings(volume, texts):
    with pikepdf.open(volume / f"{NAME}.pdf") as pdf:
        with pdf.open_outline() as outline:
            top = [item.title for item in outline.root]
            nested = {item.title: [child.title for child in item.children] for item in outline.root}
    assert any("I бөлім" in title for title in top) and any("II бөлім" in title for title in top)
    part_two = next(children for title, children in nested.items() if "II бөлім" in title)
    assert [dashes(norm(t))[:20] for t in part_two] == [dashes(norm(b.meta.title))[:20] for b in texts[1:]]


def test_internal_links_all_resolve_to_pages(volume):
    with pikepdf.open(volume / f"{NAME}.pdf") as pdf:
        names = {}
        dests = pdf.Root.Names.Dests if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names else None
        if dests is not None:
            tree = pikepdf.NameTree(dests)
            names = {key: tree[key] for key in tree.keys()}
        pages = {page.objgen for page in pdf.pages}
        links = 0
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") != "/Link":
                    continue
                action = annot.get("/A")
                assert not (action is not None and str(action.get("/S")) == "/URI"
                            and str(action.get("/URI")).startswith("kitap:")), "an unresolved cross-chapter link"
                dest = annot.get("/Dest")
                if dest is None:
                    continue
                links += 1
                if isinstance(dest, (pikepdf.String, str)):
                    dest = names[str(dest)]
                assert dest[0].objgen in pages
    assert links > 50


def test_structure_tree_is_one_document_with_every_chapter(volume):
    with pikepdf.open(volume / f"{NAME}.pdf") as pdf:
        root = pdf.Root.StructTreeRoot
        kids = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
        assert len(kids) == 1 and kids[0].S == "/Document"
        pages = len(pdf.pages)
        parents = {int(page.StructParents) for page in pdf.pages if "/StructParents" in page}
        assert len(parents) == pages, "every page has its own StructParents entry"
        numbers = pikepdf.NumberTree(root.ParentTree)
        assert parents <= set(numbers.keys())


def test_j1_and_j2_lay_out_the_same_volume_byte_for_byte(tmp_path, volume):
    # (the folio sheet is laid out by a worker with -j 2, by the main process with -j 1; the folios' resource
    # names were random, so two builds of one volume differed)
    result = run_cli("--source", str(COURSE), "--output", str(tmp_path), "--only", "pdf", "-j", "1")
    assert result.returncode == 0, result.stderr
    assert [p.body for p in read_pdf(tmp_path / f"{NAME}.pdf")] == [p.body for p in read_pdf(volume / f"{NAME}.pdf")]
    assert (tmp_path / f"{NAME}.pdf").read_bytes() == (volume / f"{NAME}.pdf").read_bytes()


def test_booklet_and_large_print_hold_every_text(volume, texts):
    large = pdf_body_text(read_pdf(volume / f"{NAME}-large.pdf", calls_under=17))
    for book in texts:
        for paragraph in paragraphs(book)[:3]:
            assert close_punctuation(paragraph)[:80] in large
    with pikepdf.open(volume / f"{NAME}-booklet.pdf") as pdf:
        assert len(pdf.pages) >= 4


# ---- the volume as an e-book and a web page --------------------------------------------------------

def test_epubcheck_reports_nothing_for_the_volume(volume):
    report = epubcheck(volume / f"{NAME}.epub")
    messages = [f"{m['severity']} {m['ID']}: {m['message']}" for m in report["messages"]
                if m["severity"] in ("FATAL", "ERROR", "WARNING")]
    assert messages == []


def test_epub_has_a_file_per_chapter_with_all_its_paragraphs(files, texts):
    for number, book in enumerate(texts, start=1):
        tree = xhtml(files[f"EPUB/chapter-{number}.xhtml"])
        found = [text_without_calls(p) for p in tree.xpath("//x:p[contains(@class, 'para') or @id]", namespaces=NS)
                 if (p.get("id") or "").startswith("p-")]
        assert found == paragraphs(book), f"chapter {number}"


def test_epub_nav_lists_parts_chapters_and_page_list(volume, files, texts):
    nav = xhtml(files["EPUB/nav.xhtml"])
    toc = nav.xpath("//x:nav[@epub:type='toc']", namespaces=NS)[0]
    entries = [norm("".join(a.itertext())) for a in toc.xpath(".//x:a", namespaces=NS)]
    for book in texts:
        assert any(dashes(norm(book.meta.title))[:20] in entry for entry in entries), book.meta.title
    assert_page_list_matches(volume / f"{NAME}.pdf", files)


def test_epub_notes_and_chronology_link_across_chapters(files):
    ids = {}
    for name, data in files.items():
        if name.endswith(".xhtml"):
            ids[name.removeprefix("EPUB/")] = set(xhtml(data).xpath("//@id"))
    for name, data in files.items():
        if not name.endswith(".xhtml") or name.endswith("nav.xhtml"):
            continue
        for href in xhtml(data).xpath("//x:a/@href", namespaces=NS):
            if href.startswith(("http", "mailto")):
                continue
            document, _, ident = href.partition("#")
            document = document or name.removeprefix("EPUB/")
            assert document in ids and (not ident or ident in ids[document]), f"{name}: broken link {href}"


def test_web_page_holds_every_text(volume, texts):
    from lxml import html

    page = html.fromstring((volume / "html" / "index.html").read_text(encoding="utf-8"))
    for call in page.xpath("//a[@role='doc-noteref'] | //span[@class='note-sep']"):
        previous = call.getprevious()  # (the narrow space before a call is the call's)
        if previous is not None:
            previous.tail = (previous.tail or "").removesuffix(NOTE_GAP)
        else:
            call.getparent().text = (call.getparent().text or "").removesuffix(NOTE_GAP)
        call.drop_tree()  # note calls are not the author's words (paragraph numbers are data-n, not text)
    found = [norm(p.text_content()) for p in page.xpath("//p[starts-with(@id, 'p-')]")]
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids)), "element ids are unique across the volume"
    text = " ".join(found)
    for book in texts:
        for paragraph in paragraphs(book):
            assert paragraph[:60] in dashes(text)


# ---- editions, caches, no-op rebuilds -------------------------------------------------------------

def test_unchanged_texts_are_not_checked_again_and_their_warnings_are_still_shown(tmp_path):
    course = make_course(tmp_path)
    out = tmp_path / "out"
    first = run_cli("--source", str(course), "--output", str(out), "--only", "pdf")
    assert first.returncode == 0, first.stderr
    checked = out / ".kitap-cache" / "check"

    def entries() -> dict:
        return {p.name: p.stat().st_mtime_ns for p in checked.glob("*.json")}

    def warnings(result) -> list[str]:
        return [line for line in result.stderr.splitlines() if ": warning: " in line]

    before = entries()
    assert len(before) == 3, "one remembered check per text"
    assert warnings(first), "the fixture's texts have warnings to remember"
    forced = run_cli("--source", str(course), "--output", str(out), "--only", "pdf", "--force")
    assert forced.returncode == 0 and warnings(forced) == warnings(first) and entries() == before
    # an error in one text: found (that text is checked again), nothing written, the others not checked
    article = course / "texts" / "state-language" / "article.txt"
    good = article.read_text(encoding="utf-8")
    article.write_text(good.replace("Кейінірек", "Кейі?ірек"), encoding="utf-8")
    broken = run_cli("--source", str(course), "--output", str(out), "--only", "pdf")
    assert broken.returncode == 1 and f"{article}:" in broken.stderr and "lost-letters" in broken.stderr
    assert "Traceback" not in broken.stderr
    assert set(before) - set(entries()) == set(), "a text with an error is not remembered, the others are kept"
    article.write_text(good.replace("Кейінірек", "Кейін"), encoding="utf-8")
    edited = run_cli("--source", str(course), "--output", str(out), "--only", "pdf")
    assert edited.returncode == 0, edited.stderr
    after = entries()
    assert len(after) == 3 and len(set(after.items()) & set(before.items())) == 2, "only the edited text is checked"


def test_latin_edition_of_a_volume(tmp_path):
    result = run_cli("--source", str(COURSE), "--output", str(tmp_path), "--script", "latn", "--only", "pdf,epub")
    assert result.returncode == 0, result.stderr
    text = pdf_body_text(read_pdf(tmp_path / f"{NAME}-latn.pdf"))
    assert "Qazaqstan" in text and "Қазақстан" not in text
    assert epubcheck(tmp_path / f"{NAME}-latn.epub")["checker"]["nError"] == 0


def test_unchanged_course_is_not_built_again_and_an_edited_text_is(tmp_path):
    course = make_course(tmp_path)
    out = tmp_path / "out"
    first = run_cli("--source", str(course), "--output", str(out), "--only", "pdf")
    assert first.returncode == 0, first.stderr
    again = run_cli("--source", str(course), "--output", str(out), "--only", "pdf")
    assert again.returncode == 0 and "up to date" in again.stdout + again.stderr
    cache = out / ".kitap-cache"

    def chapters_cached() -> dict:
        """Cached chapter layouts (the json beside each PDF names its chapter; 0: title page, appendices…)."""
        import json

        return {p.name: p.stat().st_mtime_ns for p in cache.rglob("*.json")
                if p.parent.name != "check" and json.loads(p.read_text(encoding="utf-8"))["number"] > 0}

    before = chapters_cached()
    assert len(before) == 3, "one cached layout per chapter"
    article = course / "texts" / "state-language" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Кейінірек", "Кейін"), encoding="utf-8")
    edited = run_cli("--source", str(course), "--output", str(out), "--only", "pdf")
    assert edited.returncode == 0, edited.stderr
    after = chapters_cached()
    kept = {name for name in before if after.get(name) == before[name]}
    assert len(kept) == 2 and len(after) == 3, "only the edited chapter is laid out again"
    assert "Кейін Ко" in norm(pdf_body_text(read_pdf(out / f"{NAME}.pdf")))


# ---- bad course packs -----------------------------------------------------------------------------

def _fails(course: Path, tmp_path: Path) -> str:
    result = run_cli("--source", str(course), "--output", str(tmp_path / "out"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def test_a_missing_text_folder_is_named_with_its_line(tmp_path):
    course = make_course(tmp_path, 'title: "T"\ntexts:\n  - texts/state-language\n  - texts/nowhere\n')
    assert f"{course / 'course.yaml'}:4: text 'texts/nowhere' is not a folder" in _fails(course, tmp_path)


def test_a_text_listed_twice_is_an_error(tmp_path):
    course = make_course(tmp_path, 'title: "T"\ntexts:\n  - texts/state-language\n  - texts/state-language/\n')
    assert "course.yaml:4: text 'texts/state-language/' is already listed at line 3" in _fails(course, tmp_path)


def test_different_expansions_of_one_term_name_both_files(tmp_path):
    course = make_course(tmp_path)
    glossary = course / "texts" / "constitution-day" / "glossary.yaml"
    glossary.write_text('- term: "КСР"\n  expansion: "Кеңестік Республика"\n', encoding="utf-8")
    message = _fails(course, tmp_path)
    assert str(glossary) + ":1:" in message and "state-language" in message and "КСР" in message


def test_a_text_in_another_language_is_an_error(tmp_path):
    course = make_course(tmp_path)
    book = course / "texts" / "state-language" / "book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("language: kk", "language: ru"), encoding="utf-8")
    assert f"{book}:1: this text is in 'ru'" in _fails(course, tmp_path)


def test_a_text_in_the_other_alphabet_is_an_error(tmp_path):
    # kk and kk-Latn: the same language, not the same letters (the volume printed a Latin chapter in a
    # Cyrillic book without a word)
    course = make_course(tmp_path)
    book = course / "texts" / "state-language" / "book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("language: kk", "language: kk-Latn"), encoding="utf-8")
    message = _fails(course, tmp_path)
    assert f"{book}:1: this text is in 'kk-Latn', the course pack in 'kk'" in message and "alphabet" in message


def test_a_glossary_term_with_different_names_in_two_texts_is_an_error(tmp_path):
    course = make_course(tmp_path)
    day, state = (course / "texts" / name / "glossary.yaml" for name in ("constitution-day", "state-language"))
    entry = '- term: "ЖОО"\n  expansion: "Жоғары оқу орны"\n  ru: "{}"\n'
    day.write_text(day.read_text(encoding="utf-8") + entry.format("высшее учебное заведение"), encoding="utf-8")
    state.write_text(state.read_text(encoding="utf-8") + entry.format("вуз"), encoding="utf-8")
    for folder in ("constitution-day", "state-language"):
        article = course / "texts" / folder / "article.txt"
        article.write_text(article.read_text(encoding="utf-8") + "ЖОО туралы.\n", encoding="utf-8")
    message = _fails(course, tmp_path)
    assert "glossary term 'ЖОО' has a different 'ru:' in two texts" in message
    assert "«высшее учебное заведение»" in message and "«вуз»" in message


@pytest.mark.parametrize("body, problem", [
    ('texts:\n  - texts/state-language\n', "'title'"),
    ('title: "T"\ntexts:\n  - part: "I бөлім"\n  - part: "II бөлім"\n  - texts/state-language\n',
     "course.yaml:3: part «I бөлім» opens no text"),
    ('title: "T"\ntexts:\n  - texts/state-language\n  - part: "II бөлім"\n', "course.yaml:4: part «II бөлім» opens no text"),
    ('title: "T"\n', "'texts'"),
    ('title: "T"\ntexts: []\n', "'texts' lists no project folder"),
    ('title: "T"\nnumbering: sometimes\ntexts:\n  - texts/state-language\n', "numbering"),
    ('title: "T"\ntexts:\n  - {name: x}\n', "each item of 'texts' is a project folder"),
])
def test_bad_course_yaml_gets_a_line_and_a_fix(tmp_path, body, problem):
    message = _fails(make_course(tmp_path, body), tmp_path)
    assert "course.yaml:" in message and problem in message


# ---- --handouts and --shard ------------------------------------------------------------------------

def test_handouts_write_each_text_alone_with_pages_from_one(tmp_path, texts):
    import pdfplumber

    result = run_cli("--source", str(COURSE), "--output", str(tmp_path), "--only", "pdf", "--handouts",
                     "--script", "cyrl")
    assert result.returncode == 0, result.stderr
    folders = sorted(p.name for p in (tmp_path / "handouts").iterdir())
    assert folders == ["01-source", "02-state-language", "03-constitution-day"]
    for folder, book in zip(folders, texts):
        pdf_path = tmp_path / "handouts" / folder / f"{book.meta.name}.pdf"
        text = dashes(pdf_body_text(read_pdf(pdf_path)))
        assert all(close_punctuation(p) in text for p in paragraphs(book)), folder
        with pdfplumber.open(pdf_path) as pdf:
            assert norm(pdf.pages[0].extract_text()).startswith(dashes(norm(book.meta.title))[:15]) or \
                dashes(norm(book.meta.title))[:15] in norm(pdf.pages[0].extract_text())[:200]
            if len(pdf.pages) > 1:
                foot = pdf.pages[1].crop((0, pdf.pages[1].height - 60, pdf.pages[1].width, pdf.pages[1].height))
                assert "2" in (foot.extract_text() or "").split(), "a handout's pages are numbered from 1"
    assert not (tmp_path / "handouts" / "01-source" / "kazakhstan-un-latn.pdf").exists()


def test_handouts_of_a_single_text_are_wrong_usage(tmp_path):
    result = run_cli("--source", str(ROOT / "source"), "--output", str(tmp_path), "--handouts")
    assert result.returncode == 2 and "--handouts is for course packs" in result.stderr


def _library(tmp_path: Path, names: list[str]) -> Path:
    library = tmp_path / "library"
    for name in names:
        shutil.copytree(FIXTURES / "mini", library / name)
        book = library / name / "book.yaml"
        book.write_text(re.sub(r"(?m)^name:.*$", f"name: {name}", book.read_text(encoding="utf-8")), encoding="utf-8")
    return library


def test_shards_split_a_library_deterministically_and_cover_it(tmp_path):
    library = _library(tmp_path, ["delta", "alpha", "charlie", "bravo", "echo"])
    built = []
    for k in (1, 2):
        out = tmp_path / f"out-{k}"
        result = run_cli("--source", str(library), "--output", str(out), "--only", "html", "--shard", f"{k}/2")
        assert result.returncode == 0, result.stderr
        built.append(sorted(p.name for p in out.iterdir() if p.is_dir()))
    assert built == [["alpha", "charlie", "echo"], ["bravo", "delta"]]
    # The same share whatever order the folders are given in.
    out = tmp_path / "given"
    sources = [a for name in ("echo", "bravo", "alpha", "delta", "charlie") for a in ("--source", str(library / name))]
    assert run_cli(*sources, "--output", str(out), "--only", "html", "--shard", "2/2").returncode == 0
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["bravo", "delta"]


@pytest.mark.parametrize("share", ["0/2", "3/2", "2", "a/b", "1/0"])
def test_a_bad_share_is_wrong_usage(share):
    result = run_cli("--shard", share, "--output", "/nonexistent/never")
    assert result.returncode == 2 and "--shard" in result.stderr


L_IN_TEXT = "Мәтінде"  # kitap/languages/kk/labels.py: in_text


def test_an_event_told_by_two_texts_is_one_entry_linked_to_both(tmp_path):
    from kitap.load.course import load_course
    from kitap.transforms import apply_transforms
    from kitap.transforms.volume import bind

    course = make_course(tmp_path)
    chronology = course / "texts" / "state-language" / "chronology.yaml"
    chronology.write_text(chronology.read_text(encoding="utf-8") + '- date: "1995-08-30"\n  event: "Республикалық '
                          'референдумда қазіргі Конституция қабылданды."\n  anchor: "Конституцияға"\n', encoding="utf-8")
    loaded = load_course(course)
    volume = bind(loaded, [apply_transforms(t) for t in loaded.texts])
    told = [e for e in volume.chronology if e.date.iso() == "1995-08-30"]
    assert len(told) == 1 and [chapter for chapter, _ in told[0].places] == [2, 3]
    assert all(ref.startswith(("m-c2", "m-c3")) or "-c2-" in ref or "-c3-" in ref for _, ref in told[0].places)
    result = run_cli("--source", str(course), "--output", str(tmp_path / "out"), "--only", "html,pdf")
    assert result.returncode == 0, result.stderr
    from lxml import html

    page = html.fromstring((tmp_path / "out" / "html" / "index.html").read_text(encoding="utf-8"))
    entry = page.xpath(f"//li[@id='{told[0].id}']")[0]
    assert [a.get("href") for a in entry.xpath(".//a[@class='event-chapter']")] == ["#c2", "#c3"]
    refs = [a.get("href").lstrip("#") for a in entry.xpath(".//a[@class='ref']")]
    assert len(refs) == 2 and all(page.xpath(f"//*[@id='{ref}']") for ref in refs)
    for ref in refs:  # each phrase links back to the one entry
        assert page.xpath(f"//*[@id='{ref}']")[0].get("href") == f"#{told[0].id}"
    # in print the texts' numbers are one line under the event («2, 3»), not a number and a comma a line
    import pdfplumber

    with pdfplumber.open(tmp_path / "out" / f"{NAME}.pdf") as pdf:
        lines = [line.strip() for p in pdf.pages for line in (p.extract_text() or "").split("\n")]
    assert "2, 3" in lines and "," not in lines
    # and the pages that mention a phrase are a list («б. 9, 10»), never numbers run together («б. 910»)
    with pdfplumber.open(tmp_path / "out" / f"{NAME}.pdf") as pdf:
        count = len(pdf.pages)
    cited = [int(n) for line in lines if re.match(rf"{L_IN_TEXT},\s+б\.", line) for n in re.findall(r"\d+", line)]
    assert cited and max(cited) <= count, sorted(set(cited))


def test_a_volume_booklet_mirrors_its_running_heads(tmp_path, texts):
    """A book: the volume's title over left-hand pages (outer corner: left), the chapter's over right-hand
    ones (outer corner: right); an opening page has none."""
    import pdfplumber

    result = run_cli("--source", str(COURSE), "--output", str(tmp_path), "--only", "booklet")
    assert result.returncode == 0, result.stderr
    checked = 0
    with pdfplumber.open(tmp_path / f"{NAME}-booklet-pages.pdf") as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            head = [w for w in page.extract_words() if w["bottom"] < 45]
            if "Қысқартулар" in " ".join(w["text"] for w in head):
                break  # the appendices: their own heads (the section over right-hand pages)
            if not head:
                continue
            text = dashes(norm(" ".join(w["text"] for w in head)))
            middle = page.width / 2
            if number % 2 == 0:
                assert text.startswith("Тәуелсіз Қазақстан: оқу жинағы") and head[0]["x0"] < middle, number
            else:
                assert any(dashes(norm(b.meta.title))[:15] in text for b in texts) and head[-1]["x1"] > middle, number
            checked += 1
    assert checked >= 4


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_errors_of_several_texts_are_all_reported_in_course_order_by_any_number_of_processes(tmp_path, jobs):
    # the texts are read, then checked, by a pool of processes with -j 2: every text's errors still come
    # back, in the order of course.yaml, as one message each with its line
    course = make_course(tmp_path)
    state, day = course / "texts" / "state-language", course / "texts" / "constitution-day"
    (state / "glossary.yaml").write_text("- term: [unclosed\n", encoding="utf-8")
    (day / "glossary.yaml").write_text("- term: ДВҚ\n  expansion: [unclosed\n", encoding="utf-8")
    result = run_cli("--source", str(course), "--output", str(tmp_path / "out"), "-j", jobs)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    first = result.stderr.index(str(state / "glossary.yaml") + ":")
    second = result.stderr.index(str(day / "glossary.yaml") + ":")
    assert first < second
    assert not (tmp_path / "out" / "term-1.pdf").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_checker_errors_of_a_text_stop_the_volume_by_any_number_of_processes(tmp_path, jobs):
    course = make_course(tmp_path)
    article = course / "texts" / "constitution-day" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nБұл ?міт пен ??пас.\n", encoding="utf-8")
    result = run_cli("--source", str(course), "--output", str(tmp_path / "out"), "-j", jobs)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"error(s) found by the checker in {course / 'texts' / 'constitution-day'}" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*.pdf"))


def test_a_volumes_long_titles_are_cut_in_its_running_heads(tmp_path):
    """The volume's title (left) and the chapter's (right) share the top of a page: a long one is cut at a
    word and ended with «…», in A4 and (tighter, at 16 pt) in large print, so the two never overlap."""
    import pdfplumber

    long_title = "Тәуелсіз Қазақстанның тарихы мен мәдениеті: тоғызыншы сыныпқа арналған оқу жинағы"
    text = (COURSE / "course.yaml").read_text(encoding="utf-8").replace("../../../source", "../un")
    course = make_course(tmp_path, text.replace('"Тәуелсіз Қазақстан: оқу жинағы"', f'"{long_title}"'))
    result = run_cli("--source", str(course), "--output", str(tmp_path / "out"), "--only", "pdf,large")
    assert result.returncode == 0, result.stderr
    for name, size, margin in ((f"{NAME}.pdf", 8, 62), (f"{NAME}-large.pdf", 16, 51)):  # (top margins: 22, 18 mm)
        checked = 0
        with pdfplumber.open(tmp_path / "out" / name) as pdf:
            for page in pdf.pages[2:]:
                head = [w for w in page.extract_words(extra_attrs=["size"])
                        if w["top"] < margin and abs(w["size"] - size) < 0.3]
                words = " ".join(w["text"] for w in head)
                if not head or "Тәуелсіз" not in words or "Қысқартулар" in words:
                    continue
                assert len({round(w["top"]) for w in head}) == 1, (name, words)  # one line
                head.sort(key=lambda w: w["x0"])
                gaps = [(b["x0"] - a["x1"], n) for n, (a, b) in enumerate(zip(head, head[1:]), start=1)]
                gap, split = max(gaps)  # between the two heads: the widest space on the line
                assert head[split - 1]["text"].endswith("…") and long_title not in words, (name, words)
                assert gap > 10, (name, words)  # apart
                checked += 1
        assert checked >= 3, name


def test_line_numbers_for_a_volume_say_they_are_not_made(tmp_path):
    result = run_cli("--source", str(COURSE), "--output", str(tmp_path / "out"), "--only", "html", "--line-numbers")
    assert result.returncode == 0, result.stderr
    assert "--line-numbers numbers the lines of a single text's A4 handout, not a course pack's volume" in result.stderr


def test_a_part_heading_may_stand_on_its_first_texts_page(tmp_path):
    """course.yaml `parts: with-text`: a pack for photocopying spends no sheet on each part's page (a new user's
    pack of four texts in three parts: 3 of its 14 A4 pages were part pages)."""
    import pdfplumber

    pack = tmp_path / "pack"
    pack.mkdir()
    for name in ("a", "b"):
        shutil.copytree(FIXTURES / "mini", pack / name)
    course = ('name: parts\ntitle: "Жинақ"\neditor: "Әдіскер"\ndate: "2026-09-01"\n{parts}texts:\n'
              '  - part: "I бөлім"\n  - a\n  - part: "II бөлім"\n  - b\n')
    pages = {}
    for parts in ("", "parts: with-text\n"):
        (pack / "course.yaml").write_text(course.format(parts=parts), encoding="utf-8")
        out = tmp_path / f"out{len(parts)}"
        result = run_cli("--source", str(pack), "--output", str(out), "--only", "pdf")
        assert result.returncode == 0, result.stderr
        with pdfplumber.open(out / "parts.pdf") as pdf:
            texts = [page.extract_text() or "" for page in pdf.pages]
        pages[parts] = texts
    own, with_text = pages[""], pages["parts: with-text\n"]
    assert len(with_text) == len(own) - 2
    part_page = next(i for i, t in enumerate(with_text) if "II бөлім" in t and "Мазмұны" not in t)
    assert "Шағын мақала" in with_text[part_page] and "мүшелігіне" in with_text[part_page]  # its text begins there
    assert not any("II бөлім" in t and "Шағын мақала" in t for t in own if "Мазмұны" not in t)  # (a page of its own)
    (pack / "course.yaml").write_text(course.format(parts="parts: beside\n"), encoding="utf-8")
    result = run_cli("--source", str(pack), "--output", str(tmp_path / "bad"), "--only", "pdf")
    assert result.returncode == 1 and "course.yaml:5" in result.stderr and "own-page" in result.stderr, result.stderr
