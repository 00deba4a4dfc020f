"""Lesson kits (`--only worksheet`): the worksheet and its answer key, read back from the real PDFs with
pdfplumber, and the teacher's questions (questions.yaml) as a self-check in the e-book and the web page."""
from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import FIXTURES, NS, ROOT, build_into, epub_files, norm, run_cli, text_without_calls, xhtml

NAME = "kazakhstan-un"
TASK = re.compile(r"(\d+)-тапсырма\.")
WHERE = re.compile(r"\((\d+)-абзац\)")


def squash(text: str) -> str:
    """Text without spaces, soft hyphens and line-end hyphens, hyphens of every kind one: for finding a
    sentence of the text in a PDF that broke its lines elsewhere."""
    text = re.sub(r"\u2010\n", "", text)
    return re.sub(r"[\s\u00ad]", "", text).replace("\u2011", "-").replace("\u2010", "-")


def pdf_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdf_pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def tasks_of(text: str) -> dict[int, str]:
    """Task number → its text (heading and items), from the text of a worksheet."""
    marks = list(TASK.finditer(text))
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return {int(m[1]): text[m.start():end] for m, end in zip(marks, ends)}


def items_of(task: str) -> list[str]:
    """A numbered task's items («1. …», «2. …»), the heading left out, the page number line dropped."""
    body = task.split("\n", 1)[1] if "\n" in task else ""
    body = re.sub(r"\n\d+ / \d+(\n|$)", "\n", body)
    parts = re.split(r"(?:^|\n)\d+\. ", body)
    return [norm(p) for p in parts[1:]]


def load_yaml(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> Path:
    return build_into(ROOT / "source", tmp_path_factory.mktemp("worksheet-out"), "--only", "worksheet,epub,html")


@pytest.fixture(scope="module")
def texts(kit) -> dict[str, str]:
    return {kind: pdf_text(kit / f"{NAME}-{kind}.pdf") for kind in ("worksheet", "answers")}


@pytest.fixture(scope="module")
def paragraphs(kit) -> dict[int, str]:
    """The article's numbered paragraphs (from the e-book), squashed, by number."""
    article = xhtml(epub_files(kit / f"{NAME}.epub")["EPUB/article.xhtml"])
    return {int(p.get("data-n")): squash(text_without_calls(p))
            for p in article.xpath("//x:p[@data-n]", namespaces=NS)}


def test_worksheet_and_key_are_two_files_of_a4_pages(kit):
    import pdfplumber

    for script in ("", "-latn"):
        for kind in ("worksheet", "answers"):
            with pdfplumber.open(kit / f"{NAME}{script}-{kind}.pdf") as pdf:
                assert 1 <= len(pdf.pages) <= 2
                assert all((round(p.width), round(p.height)) == (595, 842) for p in pdf.pages)
    assert not (kit / f"{NAME}.pdf").exists()  # --only worksheet makes no handout


def test_the_tasks_are_set_in_order_with_their_instructions(texts):
    for kind in ("worksheet", "answers"):
        tasks = tasks_of(texts[kind])
        assert sorted(tasks) == list(range(1, 7))
        headings = [norm(tasks[n].split("\n")[0]) for n in range(1, 7)]
        assert headings[0].startswith("1-тапсырма. Қысқартуларды толық атауларымен сәйкестендіріңіз")
        assert headings[1].startswith("2-тапсырма. Оқиғаларды болған ретімен")
        assert headings[2].startswith("3-тапсырма. Мәтіннен алынған сөйлемдердегі бос орындарды")
        assert headings[3].startswith("4-тапсырма. Тұжырым дұрыс па, бұрыс па?")
        assert headings[4].startswith("5-тапсырма. Дұрыс жауапты дөңгелектеп")
        assert headings[5].startswith("6-тапсырма. Сұрақтарға жауап беріңіз")


def test_name_class_and_date_line_only_on_the_worksheet(texts):
    head = texts["worksheet"].split("\n")[:5]
    assert "ЖҰМЫС ПАРАҒЫ" in head[0] and "ЖАУАПТАР" not in texts["worksheet"]
    assert any(re.fullmatch(r"Аты-жөні: Сыныбы: Күні:", line) for line in head)
    assert "Аты-жөні" not in texts["answers"]
    assert texts["answers"].startswith("ЖҰМЫС ПАРАҒЫ · ЖАУАПТАР (МҰҒАЛІМГЕ)")


def test_the_name_line_has_lines_to_write_on(kit):
    import pdfplumber

    with pdfplumber.open(kit / f"{NAME}-worksheet.pdf") as pdf:
        page = pdf.pages[0]
        label = next(w for w in page.extract_words() if w["text"] == "Аты-жөні:")
        rules = {round(r["x0"]) for r in page.rects + page.lines if abs(r["bottom"] - label["bottom"]) < 4
                 and r["width"] > 60 and r["bottom"] > label["bottom"]}
        assert len(rules) == 3  # a rule under each of name, class and date (the labels on it, room to write)


def _matching_columns(path: Path) -> tuple[list[str], list[str]]:
    """The matching task's two columns: «N. TERM(P-абзац) [LETTER]» rows and «LETTER. expansion» options."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        top = next(w for w in words if w["text"] in ("1-тапсырма.", "1-tapsyrma."))["bottom"] + 14
        bottom = next(w for w in words if w["text"] in ("2-тапсырма.", "2-tapsyrma."))["top"] - 3
        split = min(w["x0"] for w in words if re.fullmatch(r"[A-H]\.", w["text"]) and top < w["top"] < bottom)
        left = page.crop((0, top, split - 1, bottom)).extract_text().split("\n")
        right = page.crop((split - 1, top, page.width, bottom)).extract_text().split("\n")
    options: list[str] = []
    for line in right:
        if re.match(r"[A-H]\. ", line):
            options.append(line)
        else:
            options[-1] += " " + line
    return [line for line in left if re.match(r"\d+\. ", line)], options


def test_matching_pairs_each_term_with_its_expansion_shuffled(kit):
    glossary = {e["term"]: e["expansion"] for e in load_yaml(ROOT / "source" / "glossary.yaml")}
    rows, options = _matching_columns(kit / f"{NAME}-answers.pdf")
    assert len(rows) == len(options) == 8
    expansion = {o[0]: o[3:] for o in options}
    letters = ""
    for row in rows:
        found = re.fullmatch(r"\d+\. (\S+)\((\d+)-абзац\) ([A-H])", row)
        assert found, row
        term, letter = found[1], found[3]
        assert norm(expansion[letter]) == glossary[term], (term, letter)
        letters += letter
    assert sorted(letters) == list("ABCDEFGH") and letters != "ABCDEFGH"  # a permutation, not left in order
    student_rows, student_options = _matching_columns(kit / f"{NAME}-worksheet.pdf")
    assert student_options == options
    assert all(re.fullmatch(r"\d+\. \S+\(\d+-абзац\)", row) for row in student_rows)  # the boxes are empty


def test_the_same_worksheet_at_every_build_and_in_both_scripts(kit, tmp_path):
    result = run_cli("--source", str(ROOT / "source"), "--output", str(tmp_path), "--only", "worksheet")
    assert result.returncode == 0, result.stderr
    for script in ("", "-latn"):
        for kind in ("worksheet", "answers"):
            name = f"{NAME}{script}-{kind}.pdf"
            assert (tmp_path / name).read_bytes() == (kit / name).read_bytes(), name
    # the Latin edition asks the same items in the same order: one key for a class reading both scripts
    cyrillic = [r.split()[-1] for r in _matching_columns(kit / f"{NAME}-answers.pdf")[0]]
    latin = [r.split()[-1] for r in _matching_columns(kit / f"{NAME}-latn-answers.pdf")[0]]
    assert cyrillic == latin


def test_events_to_order_are_shuffled_and_the_key_numbers_them_by_date(texts):
    chronology = load_yaml(ROOT / "source" / "chronology.yaml")
    worksheet, answers = squash(tasks_of(texts["worksheet"])[2]), squash(tasks_of(texts["answers"])[2])
    shown = sorted((worksheet.find(squash(e["event"])), e) for e in chronology if squash(e["event"]) in worksheet)
    assert 3 <= len(shown) <= 6
    places = []
    for _, event in shown:
        at = answers.find(squash(event["event"]))
        assert at > 0, event["event"]
        places.append(int(answers[at - 1]))  # the number in the box before the event
    assert sorted(places) == list(range(1, len(shown) + 1))
    by_place = [event["date"] for _, event in sorted(zip(places, [e for _, e in shown]), key=lambda p: p[0])]
    assert by_place == sorted(by_place) and [e["date"] for _, e in shown] != by_place
    assert not re.search(r"\d{4}жылғы\d", worksheet)  # the key's dates are not on the worksheet


def test_gaps_are_sentences_of_their_paragraph_missing_a_term_or_a_year(texts, paragraphs):
    terms = {e["term"] for e in load_yaml(ROOT / "source" / "glossary.yaml")}
    years = {str(e["date"])[:4] for e in load_yaml(ROOT / "source" / "chronology.yaml")}
    full, blank = items_of(tasks_of(texts["answers"])[3]), items_of(tasks_of(texts["worksheet"])[3])
    assert 3 <= len(full) == len(blank) <= 6
    kinds = set()
    for sentence, student in zip(full, blank):
        where = WHERE.search(sentence)
        assert where, sentence
        sentence, student = squash(WHERE.sub("", sentence)), squash(WHERE.sub("", student))
        assert sentence in paragraphs[int(where[1])], (where[1], sentence)
        head = len(next(p for p in (sentence[:i] for i in range(len(student), -1, -1)) if student.startswith(p)))
        answer = sentence[head:len(sentence) - (len(student) - head)]
        assert student == sentence[:head] + sentence[len(sentence) - (len(student) - head):]
        assert answer in terms | years, (answer, sentence)
        kinds.add("year" if answer in years else "term")
    assert kinds == {"year", "term"}


def test_every_item_names_a_paragraph_that_says_what_it_asks(texts, paragraphs):
    numbers = [int(n) for n in WHERE.findall(texts["worksheet"])]
    assert len(numbers) >= 25 and set(numbers) <= set(paragraphs)
    # the teacher's questions: a question given by `anchor:` names the paragraph of that phrase
    questions = load_yaml(ROOT / "source" / "questions.yaml")
    asked = [q for q in questions if "anchor" in q]
    for question in asked:
        line = next(line for line in texts["worksheet"].split("\n") if question["question"][:30] in line)
        assert squash(question["anchor"]) in paragraphs[int(WHERE.search(line)[1])]
    # the events to order: the paragraph that the event's phrase (chronology anchor) is in
    task = norm(tasks_of(texts["worksheet"])[2])
    for event in load_yaml(ROOT / "source" / "chronology.yaml"):
        text = norm(event["event"])
        if text in task and "anchor" in event:
            number = int(WHERE.match(task[task.index(text) + len(text) + 1:])[1])
            assert squash(event["anchor"]) in paragraphs[number], event["event"]


def test_teachers_questions_open_choice_and_true_false(texts):
    questions = load_yaml(ROOT / "source" / "questions.yaml")
    worksheet, answers = squash(texts["worksheet"]), squash(texts["answers"])
    for question in questions:
        asked = squash(question.get("question") or question["statement"])
        assert asked in worksheet and asked in answers
        if "choices" in question:
            assert all(squash(c) in worksheet for c in question["choices"])
        elif "question" in question:  # an open question: its answer only in the key
            assert squash(question["answer"]) in answers and squash(question["answer"]) not in worksheet


def _bold_words(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [w["text"].replace("\u2011", "-") for page in pdf.pages  # (print binds «168‑ші»: U+2011)
                for w in page.extract_words(extra_attrs=["fontname"]) if "Bold" in w["fontname"]]


def test_the_key_circles_the_right_choice_and_the_worksheet_none(kit):
    key = _bold_words(kit / f"{NAME}-answers.pdf")
    worksheet = _bold_words(kit / f"{NAME}-worksheet.pdf")
    # choice answers «168-ші», «1992 жылғы 2 наурыз»; statements true, false, true
    assert "168-ші" in key and "наурыз" in key and key.count("Дұрыс") == 2 and key.count("Бұрыс") == 1
    assert not {"168-ші", "наурыз", "Дұрыс", "Бұрыс"} & set(worksheet)
    assert set(worksheet) <= {w for w in key}  # what is bold on the worksheet (terms, letters) is so in the key


def test_no_answer_in_the_students_file(texts):
    worksheet = texts["worksheet"]
    gaps = items_of(tasks_of(worksheet)[3])
    assert all(re.search(r"\S \S", g) for g in gaps)
    assert not re.search(r"^[1-6] ", tasks_of(worksheet)[2], re.M)  # no numbers in the order task's boxes
    for question in load_yaml(ROOT / "source" / "questions.yaml"):
        if "question" in question and "choices" not in question:
            assert squash(question["answer"])[:20] not in squash(worksheet)


def _colours(path: Path) -> set:
    """Every fill and stroke colour the PDF's pages paint with (text, rules, boxes, shapes)."""
    import pdfplumber

    found = set()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for kind in ("chars", "rects", "lines", "curves"):
                for obj in getattr(page, kind):
                    for key in ("non_stroking_color", "stroking_color"):
                        value = obj.get(key)
                        if value is not None:
                            found.add(tuple(value) if isinstance(value, (list, tuple)) else (value,))
    return found


def is_gray(colour: tuple) -> bool:
    return len(colour) == 1 or (len(colour) == 3 and max(colour) - min(colour) < 1e-3) or \
        (len(colour) == 4 and max(colour[:3]) < 1e-3)


def test_grayscale(kit):
    import pikepdf

    for kind in ("worksheet", "answers"):
        path = kit / f"{NAME}-{kind}.pdf"
        colours = _colours(path)
        assert len(colours) >= 2 and all(is_gray(c) for c in colours), colours
        with pikepdf.open(path) as pdf:  # no picture either
            assert not any(page.get_images() for page in pdf.pages)


@pytest.fixture(scope="module")
def latin_and_russian(tmp_path_factory):
    out = tmp_path_factory.mktemp("worksheet-ru")
    ru = out / "ru"
    shutil.copytree(FIXTURES / "ru", ru)
    (ru / "questions.yaml").write_text(textwrap.dedent("""\
        - statement: "Казахстан стал членом ООН в 1992 году."
          answer: "true"
        - question: "Когда Казахстан стал членом ООН?"
          answer: "2 марта 1992 года"
          paragraph: 1
        """), encoding="utf-8")
    result = run_cli("--source", str(ru), "--output", str(out / "ru-out"), "--only", "worksheet")
    assert result.returncode == 0, result.stderr
    return out / "ru-out"


def test_labels_follow_the_language_pack(latin_and_russian, texts, kit):
    russian = pdf_text(latin_and_russian / "kz-un-ru-worksheet.pdf")
    assert russian.startswith("РАБОЧИЙ ЛИСТ")
    assert "Фамилия, имя: Класс: Дата:" in russian and "Верно Неверно" in russian
    assert re.search(r"\(абзац \d+\)", russian) and "тапсырма" not in russian
    assert pdf_text(latin_and_russian / "kz-un-ru-answers.pdf").startswith("РАБОЧИЙ ЛИСТ · ОТВЕТЫ (ДЛЯ УЧИТЕЛЯ)")
    latin = pdf_text(kit / f"{NAME}-latn-worksheet.pdf")
    assert latin.startswith("JŪMYS PARAĞY") and "Aty-jönı: Synyby: Künı:" in latin
    assert "1-tapsyrma." in latin and re.search(r"\(\d+-abzats\)", latin) and "Dūrys Būrys" in latin
    assert not re.search("[а-яәғқңөұүһі]", latin, re.I)  # nothing left in Cyrillic


def test_a_small_project_fits_one_page(tmp_path):
    result = run_cli("--source", str(FIXTURES / "mini"), "--output", str(tmp_path), "--only", "worksheet")
    assert result.returncode == 0, result.stderr
    assert pdf_pages(tmp_path / "mini-worksheet.pdf") == pdf_pages(tmp_path / "mini-answers.pdf") == 1


def test_nothing_to_ask_is_an_error(project, tmp_path):
    for name in ("glossary.yaml", "chronology.yaml"):
        (project / name).unlink()
    result = run_cli("--source", str(project), "--output", str(tmp_path), "--only", "worksheet")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{project / 'book.yaml'}: nothing to ask on a worksheet" in result.stderr
    assert "(the project has 0 and 0)" in result.stderr  # (a fault-finding pass: with 1 event it said «no chronology»)
    assert not list(tmp_path.glob("*.pdf"))


BAD_QUESTIONS = [
    ('- question: "Қашан?"\n  choices: ["1991", "1992"]\n  answer: "1993"\n', 3,
     "the answer «1993» is not one of the choices"),
    ('- statement: "Бұл рас."\n  answer: "иә"\n', 2, "a statement's answer is 'true' or 'false'"),
    ('- question: "Қашан?"\n  statement: "Бұл рас."\n  answer: "true"\n', 2, "either 'question:'"),
    ('- answer: "1992"\n', 1, "a question needs 'question:'"),
    ('- question: "Қашан?"\n  answer: "1992"\n  paragraph: 40\n', 1, "'paragraph: 40' does not exist: the text has"),
    ('- question: "Қашан?"\n  answer: "1992"\n  paragraph: 0\n', 3, "paragraphs are numbered from 1"),
    ('- question: "Қашан?"\n  choices: ["1991"]\n  answer: "1991"\n', 2, "'choices' lists 2 to 8 different"),
    ('- question: "Қашан?"\n  answer: "1992"\n  lines: 40\n', 3, "'lines' must be 1 to 12"),
    ('- statement: "Бұл рас."\n  answer: "true"\n  lines: 2\n', 3, "is for open questions only"),
    ('- question: "Қашан?"\n  answer: "1992"\n  anchor: "жоқ сөз тіркесі"\n', 1, "жоқ сөз тіркесі"),
    ('- question: "Қашан?"\n  answer: "1992"\n  colour: "red"\n', 3, "colour"),
]


@pytest.mark.parametrize("text,line,message", BAD_QUESTIONS, ids=[m for _, _, m in BAD_QUESTIONS])
def test_bad_questions_file(project, tmp_path, text, line, message):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mini-worksheet.pdf").write_bytes(b"earlier")
    (project / "questions.yaml").write_text(text, encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(tmp_path / "out"), "--only", "worksheet")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"{project / 'questions.yaml'}:{line}:" in result.stderr and message in result.stderr, result.stderr
    assert (tmp_path / "out" / "mini-worksheet.pdf").read_bytes() == b"earlier"  # earlier outputs stay


def test_self_check_in_the_ebook(kit):
    files = epub_files(kit / f"{NAME}.epub")
    questions = xhtml(files["EPUB/questions.xhtml"])
    items = questions.xpath("//x:ol[@class='self-check']/x:li", namespaces=NS)
    assert len(items) == len(load_yaml(ROOT / "source" / "questions.yaml")) == 7
    for item in items:
        details = item.xpath("x:details", namespaces=NS)
        assert len(details) == 1 and details[0].xpath("x:summary", namespaces=NS)[0].text == "Жауабы"
        answer = norm("".join(details[0].xpath("x:p", namespaces=NS)[0].itertext()))
        assert answer and answer not in norm("".join(item.xpath("x:p[@class='question-text']", namespaces=NS)[0].itertext()))
        for ref in item.xpath(".//x:a[@class='ref']/@href", namespaces=NS):
            document, ident = ref.split("#")
            assert xhtml(files[f"EPUB/{document}"]).xpath(f"//*[@id='{ident}']")
    assert not questions.xpath("//x:script", namespaces=NS)
    opf = files["EPUB/content.opf"].decode()
    assert 'href="questions.xhtml"' in opf and "scripted" not in opf


def test_self_check_on_the_web_page(kit):
    from lxml import html

    page = html.fromstring((kit / "html" / "index.html").read_text(encoding="utf-8"))
    section = page.get_element_by_id("questions")
    assert len(section.xpath(".//details/summary")) == 7
    assert not section.xpath(".//script | .//*[@onclick]")  # answers open without a script
    assert "Өзіңді тексер" in norm(section.text_content())


def test_latin_ebook_with_self_check_and_timeline_passes_epubcheck(kit):
    from test_epub import epubcheck

    report = epubcheck(kit / f"{NAME}-latn.epub")
    assert report["checker"]["nError"] == 0 and report["checker"]["nWarning"] == 0, report["messages"]
    files = epub_files(kit / f"{NAME}-latn.epub")
    assert b"<details>" in files["EPUB/questions.xhtml"] and b"<svg" in files["EPUB/chronology.xhtml"]


def test_a_course_volume_gets_a_kit_per_chapter(tmp_path):
    result = run_cli("--source", str(FIXTURES / "course"), "--output", str(tmp_path), "--only", "worksheet,epub",
                     "--script", "cyrl")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == [f"term-1-{n}-{kind}.pdf" for n in (1, 2, 3)
                                                            for kind in ("answers", "worksheet")]
    files = epub_files(tmp_path / "term-1.epub")
    titles = {1: "Қазақстан және Біріккен Ұлттар Ұйымы", 2: "Мемлекеттік тіл"}
    for number in (1, 2, 3):
        key = pdf_text(tmp_path / f"term-1-{number}-answers.pdf")
        if number in titles:
            assert key.split("\n")[1] == titles[number]
        chapter = xhtml(files[f"EPUB/chapter-{number}.xhtml"])
        paragraphs = {int(p.get("data-n")): squash(text_without_calls(p))
                      for p in chapter.xpath("//x:p[@data-n]", namespaces=NS)}
        gaps = next((t for t in tasks_of(key).values() if "бос орындарды" in t.split("\n")[0]), "")
        for sentence in items_of(gaps):  # numbered per text: the chapter's own paragraph numbers
            where = WHERE.search(sentence)
            assert squash(WHERE.sub("", sentence)) in paragraphs[int(where[1])], (number, sentence)
    assert "Қысқартуларды" not in pdf_text(tmp_path / "term-1-2-worksheet.pdf")  # two terms to match: a coin toss
    first = pdf_text(tmp_path / "term-1-1-worksheet.pdf")
    assert "Мемлекеттік тіл" not in first and "Аты-жөні" in first


def test_worksheet_and_key_are_sound_tagged_pdfs(kit):
    """Tagged like the handout (one structure per item, the matching table's terms as row headers), so a
    student with a screen reader gets the same sheet: PyPI pdfua finds nothing in either file."""
    from pdfua import validate

    for name in ("kazakhstan-un-worksheet.pdf", "kazakhstan-un-answers.pdf"):
        report = validate(str(kit / name))
        assert [(f.rule_id, f.message) for f in report.findings] == [], name


def test_a_gap_sentence_is_not_cut_at_a_dot_inside_a_word():
    """A full stop ends a sentence before a space or the end: «egov.kz», «1.5» hold none (a pupil got a
    sentence that began «kz порталы арқылы…», its first half lost)."""
    from kitap.worksheets.gaps import sentences

    text = ("Өтініштерді электронды үкіметтің egov.kz порталы арқылы тапсыруға болады. Бұл 1.5 есе көп! "
            "«Иә.» Сонда бәрі түсінді.")
    assert [s.strip() for s in sentences(text, frozenset())] == [
        "Өтініштерді электронды үкіметтің egov.kz порталы арқылы тапсыруға болады.", "Бұл 1.5 есе көп!", "«Иә.»",
        "Сонда бәрі түсінді."]


def test_no_gap_asks_for_a_one_letter_abbreviation_or_one_end_of_a_range(tmp_path):
    """«ж.» (жыл) in the glossary, and a sentence with «1905-1910 ж.»: the pupil is asked neither for «ж.»
    nor for 1905 with «-1910» left beside the gap as if it were an ending."""
    from types import SimpleNamespace

    from kitap.model import Block, GlossaryEntry, Origin, PartialDate, Text
    from kitap.worksheets.gaps import candidates

    origin = Origin(tmp_path / "glossary.yaml", 1)
    book = SimpleNamespace(
        meta=SimpleNamespace(language="kk"),
        blocks=[Block("p", [Text("Мағжан 1905-1910 ж. Қызылжардағы медреседе оқыды, ал 1913 жылы Омбы семинариясына "
                                 "түсті, онда ЖОО туралы білді.")], origin, number=1)],
        glossary=[GlossaryEntry("ж.", "жыл", origin), GlossaryEntry("ЖОО", "жоғары оқу орны", origin)],
        chronology=[SimpleNamespace(date=PartialDate(y), event=[Text("Бір оқиға болды.")]) for y in (1905, 1910, 1913)])
    found = {(c.kind, c.answer) for c in candidates(book)}
    # (nor for 1913, with 1905 and 1910 of the chronology left beside the gap: the order task's answers)
    assert found == {("term", "ЖОО")}, found
    book.chronology = book.chronology[2:]
    assert {(c.kind, c.answer) for c in candidates(book)} == {("year", "1913"), ("term", "ЖОО")}


def test_no_gap_in_a_table_row_or_in_a_sentence_an_event_prints(tmp_path):
    """A table's row («1835 — Рождение …») is no sentence to fill in; nor is a sentence that a chronology event
    tells in the same words: the order task prints the event, and so the gap's answer, on the same sheet."""
    from types import SimpleNamespace

    from kitap.model import Block, GlossaryEntry, Origin, PartialDate, Text
    from kitap.worksheets.gaps import candidates

    origin = Origin(tmp_path / "glossary.yaml", 1)
    told = "Жазушының мерейтойы ЮНЕСКО-ның бас штаб-пәтерінде 2024 жылы атап өтіледі."
    book = SimpleNamespace(
        meta=SimpleNamespace(language="kk"),
        blocks=[Block("p", [Text("1835 — Шоқан Уәлиханов Құсмұрын бекінісінде туды.")], origin, number=1),
                Block("p", [Text(told)], origin, number=2),
                Block("p", [Text("ЮНЕСКО ұйымы 2024 жылы жазушыға арналған кеш өткізіп, кітаптарын таныстырды.")],
                      origin, number=3)],
        glossary=[GlossaryEntry("ЮНЕСКО", "БҰҰ-ның білім, ғылым және мәдениет ұйымы", origin)],
        chronology=[SimpleNamespace(date=PartialDate(1835), event=[Text("Шоқан туды.")]),
                    SimpleNamespace(date=PartialDate(2024), event=[Text(told)])])
    assert {c.paragraph for c in candidates(book)} == {3}
