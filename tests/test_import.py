"""`build.py import`: real office files (made by LibreOffice and Pandoc, see fixtures/import/make.py) → a
project → a real build, read back from the EPUB (and validated by EPUBCheck) and the PDF."""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import FIXTURES, NOTE_GAP, NS, ROOT, build_project, epub_files, norm, read_pdf, run_cli, xhtml
from test_epub import epubcheck

IMPORT = FIXTURES / "import"
TITLE = "Абайдың қара сөздері"
# Every fixture holds the same text: these are what each import must give.
ANCHORS = [("атап өтті.", "Мерейтой ЮНЕСКО-ның шешімімен бүкіл әлемде аталып өтті."),
           ("жаман өткіздік пе", "Абай бұл жерде өткен өмірін *таразылайды*."),
           ("ортасы жасқа", "Яғни қырық жасқа: адам өмірінің ортасына.")]
HEADINGS = ["# Бірінші сөз", "## Сұрақтар", "## Тапсырмалар"]
GLOSSARY_FOUND = {"БҰҰ": "Біріккен Ұлттар Ұйымы", "ҚР": "Қазақстан Республикасының"}
GLOSSARY_TO_WRITE = ["ЮНЕСКО", "ЖОО"]
# (file, what the file says of its author → book.yaml's author)
FILES = [("abai.docx", "Абай Құнанбайұлы"), ("abai-pandoc.docx", "Абай Құнанбайұлы"),
         ("abai.odt", "Автор"), ("abai.html", "Автор"), ("abai.md", "Абай Құнанбайұлы")]
IMAGE_NAMES = {"abai.docx": "image1.png", "abai-pandoc.docx": "rId10.png", "abai.odt": None, "abai.html": "portrait.jpg",
               "abai.md": "portrait.png"}


def import_into(tmp_path: Path, name: str, *extra: str) -> tuple[subprocess.CompletedProcess, Path]:
    folder = tmp_path / Path(name).stem
    result = run_cli("import", str(IMPORT / name), str(folder), *extra)
    return result, folder


def import_text(tmp_path: Path, name: str, text: str) -> tuple[subprocess.CompletedProcess, Path]:
    """`text` written as the file `name` and imported, as a teacher would, into tmp_path/p (it must succeed)."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = run_cli("import", str(source), str(tmp_path / "p"))
    assert result.returncode == 0, result.stderr
    return result, tmp_path / "p"


def annotations(folder: Path) -> list[tuple[str, str]]:
    from ruamel.yaml import YAML

    return [(entry["anchor"], entry["note"]) for entry in YAML(typ="safe").load((folder / "annotations.yaml").read_text("utf-8"))]


@pytest.fixture(scope="module")
def word(tmp_path_factory):
    """The Word file made by LibreOffice, imported and built."""
    tmp = tmp_path_factory.mktemp("word")
    result, folder = import_into(tmp, "abai.docx")
    assert result.returncode == 0, result.stderr
    return result, folder, build_project(folder, tmp / "out")


@pytest.mark.parametrize("name, author", FILES)
def test_every_format_gives_the_same_project(tmp_path, name, author):
    result, folder = import_into(tmp_path, name)
    assert result.returncode == 0, result.stderr
    article = (folder / "article.md").read_text("utf-8")
    lines = article.split("\n")
    assert [line for line in lines if line.startswith("#")] == HEADINGS
    assert TITLE not in article  # the title is book.yaml's, not repeated as the first line
    assert "*қара сөздері*" in article and "**Ал енді қалған өмірімізді қайтіп, не қылып өткіземіз?**" in article
    assert "> Ғылым таппай мақтанба,\\\n> Орын таппай баптанба." in article
    assert annotations(folder) == ANCHORS
    book = (folder / "book.yaml").read_text("utf-8")
    assert f'title: "{TITLE}"' in book and f'author: "{author}"' in book and "language: kk" in book
    assert re.search(r"^name: abai\b", book, re.M)
    image = IMAGE_NAMES[name] or re.search(r"image '([^']+)'", result.stderr)[1]
    assert (f"{IMPORT / name}: image '{image}' (paragraph 3) was not imported: kitap does not support images yet; "
            "describe it in words") in result.stderr.splitlines()
    assert "a table (from paragraph 10) was imported as one paragraph per row, its cells joined by « — »" in result.stderr
    assert "1845 — Абай Шыңғыстау бөктерінде туды.\n\n1904 — Абай" in article  # a row's cells stay together
    run_cli("--source", str(folder), "--output", str(tmp_path / "out"), "--only", "epub").check_returncode()


def test_lists_are_kept_as_lists(tmp_path):
    _, folder = import_into(tmp_path, "abai.docx")
    article = (folder / "article.md").read_text("utf-8")
    assert "\n\n1. Абай неге «қайранмын» дейді?\n2. «Жер ортасы жас» деген нені білдіреді?\n\n" in article
    assert "\n\n- Мәтінді мәнерлеп оқыңыз.\n- Негізгі ойды бір сөйлеммен жазыңыз.\n\n" in article
    from kitap.load import load_project

    items = [b for b in load_project(folder).blocks if b.kind == "item"]
    assert [(b.list_id, b.item_number) for b in items] == [(1, 1), (1, 2), (2, 0), (2, 0)]


def test_glossary_draft_has_the_expansions_found_and_the_rest_commented_out(word):
    from ruamel.yaml import YAML

    _, folder, _ = word
    text = (folder / "glossary.yaml").read_text("utf-8")
    entries = YAML(typ="safe").load(text)
    assert {e["term"]: e["expansion"] for e in entries} == GLOSSARY_FOUND
    assert text.count("# TODO: confirm") == 2
    assert "# TODO: confirm (the text, paragraph 2, spells it out: «БҰҰ (Біріккен Ұлттар Ұйымы)»)\n- term: \"БҰҰ\"" in text
    for term in GLOSSARY_TO_WRITE:
        assert f'# - term: "{term}"\n#   expansion: ""' in text


def test_the_report_names_each_file_and_the_next_command(word):
    result, folder, _ = word
    out = result.stdout
    assert f"into {folder}/:" in out
    assert f"title «{TITLE}», author «Абай Құнанбайұлы», language kk" in out
    assert "article.md        12 paragraphs, 3 headings" in out and "annotations.yaml  3 notes" in out
    assert "glossary.yaml     2 abbreviations with an expansion to confirm, 2 to complete" in out
    assert out.splitlines()[-1] == f"next: .venv/bin/python build.py --source {folder} --output {folder}/output"


def test_imported_word_file_passes_epubcheck(word):
    report = epubcheck(word[2].epub)
    assert [m["message"] for m in report["messages"] if m["severity"] in ("FATAL", "ERROR", "WARNING")] == []


def marked_paragraphs(article) -> list[str]:
    """Each paragraph's text with its note calls written ⟦n⟧ where they stand."""
    out = []
    for paragraph in article.xpath("//x:section[@id='article']//x:p", namespaces=NS):
        copy = etree.fromstring(etree.tostring(paragraph))
        for call in copy.xpath(".//x:a[@role='doc-noteref']", namespaces=NS):
            call.text = f"⟦{call.text}⟧"
        out.append(norm("".join(copy.itertext()).replace(NOTE_GAP + "⟦", "⟦")))
    return out


def test_notes_are_in_the_epub_right_after_their_words(word):
    files = epub_files(word[2].epub)
    article = xhtml(files["EPUB/article.xhtml"])
    text = "\n".join(marked_paragraphs(article))
    for number, (phrase, _) in enumerate(ANCHORS, start=1):
        assert f"{phrase}⟦{number}⟧" in text
    asides = article.xpath("//x:aside[@epub:type='footnote']", namespaces=NS)
    bodies = [norm("".join(a.itertext())) for a in asides]
    assert bodies == [f"{n}. {note.replace('*', '')}" for n, (_, note) in enumerate(ANCHORS, start=1)]
    assert article.xpath("//x:aside[@id='fn-2']//x:em", namespaces=NS)[0].text.replace("\xad", "") == "таразылайды"


def test_headings_are_in_the_epub_nav_nested_as_in_the_word_file(word):
    files = epub_files(word[2].epub)
    nav = xhtml(files["EPUB/nav.xhtml"])
    article_entry = nav.xpath("//x:nav[@epub:type='toc']/x:ol/x:li[1]", namespaces=NS)[0]
    assert norm(article_entry.xpath("x:a", namespaces=NS)[0].text) == TITLE
    first = article_entry.xpath("x:ol/x:li", namespaces=NS)
    assert [norm(li.xpath("x:a", namespaces=NS)[0].text) for li in first] == ["Бірінші сөз", "Ескертпелер"]  # (the notes)
    second = first[0].xpath("x:ol/x:li/x:a", namespaces=NS)
    assert [norm(a.text) for a in second] == ["Сұрақтар", "Тапсырмалар"]
    article = xhtml(files["EPUB/article.xhtml"])
    for link in [first[0].xpath("x:a", namespaces=NS)[0], *second]:
        target = article.xpath(f"//*[@id='{link.get('href').split('#')[1]}']", namespaces=NS)[0]
        assert target.tag.endswith(("h2", "h3")) and norm("".join(target.itertext())) == norm(link.text)
    assert [norm(t.text) for t in article.xpath("//x:h1[@class='title']", namespaces=NS)] == [TITLE]


def test_notes_are_footnotes_of_the_pdf_page_of_their_calls(word):
    pages = read_pdf(word[2].pdf)
    assert pages[0].calls == [1, 2, 3]
    small = norm(pages[0].small)
    for number, (_, note) in enumerate(ANCHORS, start=1):
        assert f"{number}. {note.replace('*', '')}" in small
    body = norm(pages[0].body)
    assert "Бірінші сөз" in body and body.count(TITLE) == 1


def test_a_word_file_renamed_to_txt_is_imported_as_word(tmp_path):
    renamed = tmp_path / "мақала.txt"
    shutil.copy(IMPORT / "abai.docx", renamed)
    folder = tmp_path / "project"
    result = run_cli("import", str(renamed), str(folder))
    assert result.returncode == 0, result.stderr
    assert (f"{renamed}: the file is a Word document (.docx) although its name ends in '.txt'; imported as such"
            in result.stderr.splitlines())
    assert annotations(folder) == ANCHORS
    assert re.search(r"^name: maqala\b", (folder / "book.yaml").read_text("utf-8"), re.M)


def test_without_dir_the_folder_is_named_after_the_file_and_the_next_command_works(tmp_path):
    source = tmp_path / "Абай жолы.docx"
    shutil.copy(IMPORT / "abai.docx", source)
    result = run_cli("import", source.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "abay-zholy" / "book.yaml").is_file()
    command = result.stdout.splitlines()[-1].removeprefix("next: ")
    assert shlex.split(command)[:2] == [sys.executable, str(ROOT / "build.py")]  # outside the repository: absolute
    built = subprocess.run(shlex.split(command) + ["--only", "epub"], cwd=tmp_path, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "abay-zholy" / "output" / "abay-zholy.epub").is_file()


def test_a_text_file_keeps_its_headings_and_its_title_line(tmp_path):
    source = tmp_path / "declaration.txt"
    source.write_text("Адам құқықтарының жалпыға бірдей декларациясы\n\n# Преамбула\n\nАдамзат отбасының барлық "
                      "мүшелеріне тән қадір-қасиетті мойындау бостандықтың негізі болып табылады.\n# 1-бап\n"
                      "Барлық адамдар тумысынан азат және қадір-қасиеті мен құқықтары тең болып дүниеге келеді.\n",
                      encoding="utf-8")
    folder = tmp_path / "project"
    result = run_cli("import", str(source), str(folder))
    assert result.returncode == 0, result.stderr
    assert 'title: "Адам құқықтарының жалпыға бірдей декларациясы"' in (folder / "book.yaml").read_text("utf-8")
    article = (folder / "article.txt").read_text("utf-8")  # a text file's lines, as they are
    assert article.startswith("# Преамбула\nАдамзат отбасының")
    assert "\n# 1-бап\nБарлық адамдар" in article


def test_a_text_file_pasted_without_heading_marks_is_told_which_lines_look_like_headings(tmp_path, monkeypatch):
    """A textbook section pasted from a web page: its headings are short lines with no full stop. The
    import keeps the lines as they are, in article.txt, names the lines that look like headings, and
    `check --fix` (the next step it gives) marks them."""
    source = tmp_path / "adis.txt"
    source.write_text("Зерттеу әдістері\nҒылыми әдіс\nҒылыми әдіс дегеніміз зерттеушінің білім алу жолы, яғни "
                      "құбылыстарды бақылау, өлшеу және түсіндіру тәсілдерінің жиынтығы.\nТеориялық әдістің түрлері\n"
                      "Теориялық әдістер ойлау арқылы жүреді: талдау, жинақтау, салыстыру және жалпылау.\n",
                      encoding="utf-8")
    folder = tmp_path / "p"
    result = run_cli("import", str(source), str(folder))
    assert result.returncode == 0, result.stderr
    assert "lines that look like headings, not marked as such: «Ғылыми әдіс», «Теориялық әдістің түрлері»" in result.stdout
    assert result.stdout.splitlines()[-1] == f"next: .venv/bin/python build.py check --source {folder} --fix"
    run_cli("check", "--source", str(folder), "--fix")
    lines = (folder / "article.txt").read_text("utf-8").splitlines()
    assert lines[0] == "# Ғылыми әдіс" and lines[2] == "# Теориялық әдістің түрлері"


def test_a_text_file_copied_with_its_line_breaks_is_told_to_join_them(tmp_path):
    source = tmp_path / "makala.txt"
    source.write_text("Тіл тарихы\nБір тілден екінші тілге сөз ауысу процесі ертеден келе\nжатқан"
                      + " тарихи құбылыс. Ислам дінінің Орта Азия мен\nқазақ даласына таралуы мәлім.\n", encoding="utf-8")
    folder = tmp_path / "p"
    result = run_cli("import", str(source), str(folder))
    assert result.returncode == 0, result.stderr
    assert "2 lines broken inside a sentence (a text copied with its line breaks); `check --fix` below joins each " \
           "to the next" in result.stdout
    assert result.stdout.splitlines()[-1] == f"next: .venv/bin/python build.py check --source {folder} --fix"


def test_a_text_file_that_begins_with_its_author_and_title(tmp_path):
    result, folder = import_text(tmp_path, "soz.txt",
                                 "Абай Құнанбайұлы\nБірінші сөз\nБұл жасқа келгенше жақсы өткіздік пе, жаман өткіздік пе.\n"
                                 "Соны таба алмай өзім де қайранмын.\n")
    book = (tmp_path / "p" / "book.yaml").read_text("utf-8")
    assert 'title: "Бірінші сөз"\n' in book and 'author: "Абай Құнанбайұлы"\n' in book
    assert (tmp_path / "p" / "article.txt").read_text("utf-8").startswith("Бұл жасқа келгенше")


def test_a_text_file_signed_at_its_end_gives_its_author(tmp_path):
    """A regional paper's article ends with its byline (a name, then who the author is): that line is
    book.yaml's author and credentials, and it is not a paragraph of the text too."""
    byline = "Сәуле Жұмабаева, Қарасу ауылындағы №3 мектептің тарих пәні мұғалімі"
    result, folder = import_text(tmp_path, "mereke.txt",
                                 "Ауылдағы мереке\nКеше мектепте Тәуелсіздік күніне арналған кеш өтті.\n"
                                 "Оқушылар өлең оқып, ән салды.\n" + byline + "\n")
    book = (tmp_path / "p" / "book.yaml").read_text("utf-8")
    assert 'author: "Сәуле Жұмабаева"\n' in book and 'title: "Ауылдағы мереке"\n' in book
    assert 'credentials: "Қарасу ауылындағы №3 мектептің тарих пәні мұғалімі"\n' in book
    assert "Сәуле" not in (tmp_path / "p" / "article.txt").read_text("utf-8")


@pytest.mark.parametrize("byline, author, credentials", [
    ("Айгүл Сейітова, т.ғ.к.", "Айгүл Сейітова", "т.ғ.к."),  # the degree's full stop ends no sentence
    ("т.ғ.к. Айгүл Сейітова", "Айгүл Сейітова", "т.ғ.к."),  # the degree before the name
    ("Тарих ғылымдарының докторы, профессор Серік Жұмабек", "Серік Жұмабек", "Тарих ғылымдарының докторы, профессор"),
    ("д.и.н., профессор Иван Петров", "Иван Петров", "д.и.н., профессор")])
def test_a_byline_with_the_authors_degree_before_or_after_the_name(tmp_path, byline, author, credentials):
    result, folder = import_text(tmp_path, "mereke.txt",
                                 "Ауылдағы мереке\nКеше мектепте Тәуелсіздік күніне арналған кеш өтті.\n"
                                 "Оқушылар өлең оқып, ән салды.\n" + byline + "\n")
    book = (folder / "book.yaml").read_text("utf-8")
    assert f'author: "{author}"\n' in book and f'credentials: "{credentials}"\n' in book, book
    assert author.split()[0] not in (folder / "article.txt").read_text("utf-8")


@pytest.mark.parametrize("last", ["Мектеп директоры мақтау қағаздарын табыс етті.",  # a sentence
                                  "Бүгін біз, достар, Серік Жұмабек",  # no rank before the name
                                  "Жаңа Жыл",  # two capitalised words, no comma: may be the text's own
                                  "Қазақ Елі, Мәңгілік Ел",  # a name-like phrase after the comma too
                                  "Бәрімізге сәттілік, денсаулық және бақыт тілейміз"])
def test_a_closing_line_that_is_not_a_byline_stays_in_the_text(tmp_path, last):
    result, folder = import_text(tmp_path, "mereke.txt",
                                 f"Ауылдағы мереке\nКеше мектепте кеш өтті.\nОқушылар ән салды.\n{last}\n")
    assert last in (tmp_path / "p" / "article.txt").read_text("utf-8")


@pytest.mark.parametrize("dateline, title, date", [
    ("Зерде • 26 Қазан, 2023", "Ұлы Дала елінің тарихы", "2023-10-26"),
    ("Политика | 26 октября 2023, 10:15", "История одной школы", "2023-10-26")])
def test_a_sites_dateline_before_the_title_gives_the_date(tmp_path, dateline, title, date):
    """A text copied from a news site begins with the rubric and the date: not the title, not the text;
    the date is book.yaml's, and the import says so."""
    body = ("Қазақ халқының тарихы терең және бай. Ғалымдар бұл тақырыпты ұзақ жылдар бойы зерттеп келеді.\n"
            "Қазақстан 1992 жылы БҰҰ-ға мүше болды.\n") if "Зерде" in dateline else (
            "Школа открылась в 1931 году в небольшом селе.\nСегодня в ней учатся триста детей.\n")
    result, folder = import_text(tmp_path, "news.txt", f"{dateline}\n{title}\n{body}")
    book = (folder / "book.yaml").read_text("utf-8")
    assert f'title: "{title}"\n' in book and f'date: "{date}"\n' in book, book
    assert dateline.split()[0] not in (folder / "article.txt").read_text("utf-8")
    assert f"«{dateline}» reads as a web site's rubric and date" in result.stdout + result.stderr


@pytest.mark.parametrize("text, title", [
    ("Неліктен Қазақстан БҰҰ-ға кірді?\nҚазақстан 1992 жылы БҰҰ-ға мүше болды. Бұл тарихи оқиға еді.\n"
     "Екінші абзац осында.\n", "Неліктен Қазақстан БҰҰ-ға кірді?"),
    ("Қалайсыз?\nЖақсы.\nБәрі жақсы ма?\n", None),  # a question answered: the text's first words
    ("Сен кімсің? Қайдан келдің?\nМен алыс ауылдан келген баламын, атым Асан.\nЕкінші жол.\n", None)])
def test_a_text_files_first_line_that_asks_a_question_is_its_title(tmp_path, text, title):
    """A lesson's title is often its question (a new user's trial: it was left in the text, the file's
    name the title); a short question answered by a shorter line, or two questions, is the text's own."""
    result, folder = import_text(tmp_path, "q.txt", text)
    book = (folder / "book.yaml").read_text("utf-8")
    first = text.split("\n")[0]
    if title:
        assert f'title: "{title}"\n' in book and first not in (folder / "article.txt").read_text("utf-8")
    else:
        assert 'title: "q"' in book and (folder / "article.txt").read_text("utf-8").startswith(first)


def test_a_first_line_with_a_date_that_is_a_sentence_stays_in_the_text(tmp_path):
    result, folder = import_text(tmp_path, "tarih.txt", "Ұлы Дала елінің тарихы\n"
                                 "Мектеп 1931 жылғы 1 қыркүйекте ашылды және ауылдың барлық балалары онда оқыды\n"
                                 "Қазақстан 1992 жылы БҰҰ-ға мүше болды.\nБұл күн тарихта қалды.\n")
    assert "Мектеп 1931" in (folder / "article.txt").read_text("utf-8")
    assert 'title: "Ұлы Дала елінің тарихы"' in (folder / "book.yaml").read_text("utf-8")


def test_without_a_title_the_file_name_stands_in_and_says_so(tmp_path):
    source = tmp_path / "sabaq-3.txt"
    source.write_text("Бұл жасқа келгенше жақсы өткіздік пе, жаман өткіздік пе.\nСоны таба алмай өзім де қайранмын.\n",
                      encoding="utf-8")
    result = run_cli("import", str(source), str(tmp_path / "p"))
    assert result.returncode == 0, result.stderr
    assert ('title: "sabaq-3"  # TODO: the file\'s name; the file does not give its title\n'
            in (tmp_path / "p" / "book.yaml").read_text("utf-8"))


def test_a_text_file_kitap_cannot_read_is_refused_in_kitaps_words(tmp_path):
    """A Kazakh text once saved as Windows-1251, its Kazakh letters turned into «?»: nothing can bring them back."""
    from kitap.errors import SourceError
    from kitap.load.files import read_text

    source = tmp_path / "old.txt"
    source.write_bytes("Сәлем, бұл Windows кодындағы ескі мәтін: мектепте оқушылар кітап оқиды, мұғалім "
                       "сабақ береді.\n".encode("cp1251", errors="replace"))
    with pytest.raises(SourceError) as refused:
        read_text(source, tmp_path)
    result = run_cli("import", str(source), str(tmp_path / "project"))
    assert result.returncode == 1
    assert result.stderr.strip() == str(refused.value) and "cannot be recovered" in result.stderr
    assert not (tmp_path / "project").exists()


@pytest.mark.parametrize("encoding, name", [("cp1251", "Windows-1251 (Cyrillic)"),
                                            ("kz1048", "KZ-1048 (the Kazakh Windows code page)"),
                                            ("utf-16", "UTF-16")])
def test_a_text_file_in_an_old_encoding_is_read_in_it(tmp_path, encoding, name):
    """A file saved by an old Windows program (or Notepad's «Unicode»): import reads it when its bytes
    leave no doubt, says so, and writes the project in UTF-8. KZ-1048 holds every Kazakh letter, so a
    «?» in it is a question mark, not a lost letter."""
    russian = encoding == "cp1251"
    text = ("Здравствуйте, уважаемая редакция! Пишу вам из школы, где мы читаем вашу газету каждую неделю."
            if russian else "Сәлеметсіз бе, құрметті редакция! Сіз мұны қашан шығарсың?Осы хатты мектептен "
                            "жазып отырмын, газетті әр апта сайын оқимыз.")
    source = tmp_path / "hat.txt"
    source.write_bytes(("Хат\n" if not russian else "Письмо\n").encode(encoding) + (text + "\n").encode(encoding)
                       if encoding != "utf-16" else ("Хат\n" + text + "\n").encode("utf-16"))
    result = run_cli("import", str(source), str(tmp_path / "p"))
    assert result.returncode == 0, result.stderr
    assert f"{source}: read as {name} (the file is not UTF-8)" in result.stdout + result.stderr
    assert (tmp_path / "p" / "article.txt").read_text("utf-8") == text + "\n"


def test_a_russian_text_is_language_ru(tmp_path):
    result, folder = import_text(tmp_path, "statya.md",
                                 "# Статья\n\nЭто русский текст о школе и книгах. Его пишут и читают по-русски.\n")
    assert "language: ru" in (tmp_path / "p" / "book.yaml").read_text("utf-8")


def test_a_folder_that_is_not_empty_is_refused_and_left_alone(tmp_path):
    folder = tmp_path / "lesson"
    folder.mkdir()
    (folder / "notes.txt").write_text("мұғалімнің жазбасы", encoding="utf-8")
    result = run_cli("import", str(IMPORT / "abai.docx"), str(folder))
    assert result.returncode == 1
    assert result.stderr.strip() == f"{folder}: the folder is not empty; choose a new folder for the project"
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_an_empty_folder_is_used(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run_cli("import", str(IMPORT / "abai.odt"), str(tmp_path / "empty"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "empty").iterdir()) == [
        "annotations.yaml", "article.md", "book.yaml", "chronology.yaml", "glossary.yaml"]


@pytest.mark.parametrize("args", [(), ("--frobnicate", "a.docx"), ("missing.docx",)])
def test_wrong_usage_exits_2(tmp_path, args):
    result = run_cli("import", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert "Usage: build.py import [OPTIONS] FILE [FOLDER]" in result.stderr


@pytest.mark.parametrize("content, message", [
    (b"%PDF-1.7\n", "this is a PDF file; kitap cannot import PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "this is an old Word document (.doc)"),
    (b"PK\x03\x04broken", "the file is damaged"),
])
def test_files_kitap_cannot_import_are_named_and_nothing_is_written(tmp_path, content, message):
    source = tmp_path / "text.docx"
    source.write_bytes(content)
    result = run_cli("import", str(source), str(tmp_path / "p"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{source}: {message}")
    assert not (tmp_path / "p").exists() and [p.name for p in tmp_path.iterdir()] == ["text.docx"]


def test_a_saved_web_page_keeps_the_article_not_the_site(tmp_path):
    result, folder = import_into(tmp_path, "abai.html")
    assert result.returncode == 0, result.stderr
    article = (folder / "article.md").read_text("utf-8")
    for site in ("Басты бет", "Жаңалықтар", "Соңғы жаңалықтар", "Барлық құқықтар", "Жазылу", "gtag", "font-family"):
        assert site not in article
    # <title> adds the site's name; the heading that opens the text is the title
    assert f'title: "{TITLE}"' in (folder / "book.yaml").read_text("utf-8")


def test_repeated_words_get_a_longer_anchor_or_an_occurrence(tmp_path):
    source = tmp_path / "qaitalau.md"
    source.write_text("Адам баласы адам баласынан ақылымен озады.[^1]\n\n"
                      "Адам баласы адам баласынан ақылымен озады.[^2] Бұл — Абайдың сөзі[^3].\n\n"
                      "[^4]Басында тұрған ескертпе.\n\n"
                      "[^1]: Бірінші.\n[^2]: Екінші.\n[^3]: Үшінші.\n[^4]: Төртінші.\n", encoding="utf-8")
    folder = tmp_path / "p"
    result = run_cli("import", str(source), str(folder))
    assert result.returncode == 0, result.stderr
    from ruamel.yaml import YAML

    entries = YAML(typ="safe").load((folder / "annotations.yaml").read_text("utf-8"))
    assert entries == [{"anchor": "ақылымен озады.", "occurrence": 1, "note": "Бірінші."},
                       {"anchor": "ақылымен озады.", "occurrence": 2, "note": "Екінші."},
                       {"anchor": "Абайдың сөзі", "note": "Үшінші."}]
    assert '# - anchor: ""\n#   note: "Төртінші."' in (folder / "annotations.yaml").read_text("utf-8")
    assert f"{source}: a note has no words before its call; it is in annotations.yaml, commented out" in result.stderr
    built = build_project(folder, tmp_path / "out")
    text = "\n".join(marked_paragraphs(xhtml(epub_files(built.epub)["EPUB/article.xhtml"])))
    assert "ақылымен озады.⟦1⟧\nАдам баласы адам баласынан ақылымен озады.⟦2⟧ Бұл — Абайдың сөзі⟦3⟧." in text


def test_markdown_characters_of_the_text_stay_text(tmp_path):
    words = "Есеп: 5 * 3 = 15, a_b_c, [жақша], <тег>, &amp; және `белгі`"
    result, folder = import_text(tmp_path, "belgiler.txt",
                                 f"Белгілер\n{words}\n1995. жыл басталды.\n- сызықша\n# Тақырып\n> белгі\n")
    from kitap.load import load_project
    from kitap.transforms.inline_ops import plain_text

    book = load_project(folder)
    assert [(b.kind, plain_text(b.children)) for b in book.blocks] == [
        ("p", words), ("p", "1995. жыл басталды."), ("p", "- сызықша"), ("h", "Тақырып"), ("p", "> белгі")]


def test_anchor_choice_in_words():
    from kitap.importer.anchors import Call, anchor_for

    texts = ["Бір екі үш төрт.", "Бес екі үш алты."]
    chosen = anchor_for(Call("n1", 0, len("Бір екі үш")), texts)
    assert (chosen.phrase, chosen.occurrence, chosen.end) == ("Бір екі үш", None, 10)  # «екі үш» is in both
    assert anchor_for(Call("n2", 1, 0), texts) is None
    single = anchor_for(Call("n3", 0, len("Бір")), texts)
    assert (single.phrase, single.occurrence) == ("Бір", None)  # one word is all there is


@pytest.mark.parametrize("text, name", [("Абай Құнанбайұлы", "Абай Құнанбайұлы"), ("А. Құнанбайұлы", "А. Құнанбайұлы"),
                                        ("Иванов И.И.", "Иванов И.И."), ("Admin", ""), ("Microsoft Office User", ""),
                                        ("Пользователь Windows", ""), ("Мектеп әкімшілігі", ""), ("user123", ""),
                                        ("", "")])
def test_only_a_persons_name_becomes_the_author(text, name):
    from kitap.importer.metadata import person_name

    assert person_name(text) == name


def test_a_text_the_build_would_stop_at_is_imported_as_it_is_and_the_fix_is_named(tmp_path):
    source = tmp_path / "eski.md"
    source.write_text("Бұл ќазаќ тілінде жазылған мәтін.\n", encoding="utf-8")  # ќ: typed with an old font hack
    folder = tmp_path / "p"
    result = run_cli("import", str(source), str(folder))
    assert result.returncode == 0, result.stderr
    assert "ќазаќ" in (folder / "article.md").read_text("utf-8")  # the author's words are not changed here
    assert f"{folder}/article.md:1:5: error: «ќазаќ» is in a legacy Kazakh font encoding" in result.stderr
    assert "the text has 1 problem the build stops at" in result.stderr
    assert result.stdout.splitlines()[-1] == f"next: .venv/bin/python build.py check --source {folder} --fix"


def test_a_word_file_without_a_title_takes_its_first_heading(tmp_path):
    import pypandoc

    source = tmp_path / "sabaq.docx"
    pypandoc.convert_text("# Бірінші сөз\n\nБұл жасқа келгенше жақсы өткіздік пе.\n\n## Ойлану\n\nСоны таба алмай "
                          "өзім де қайранмын.\n", "docx", format="markdown", outputfile=str(source))
    result = run_cli("import", str(source), str(tmp_path / "p"))
    assert result.returncode == 0, result.stderr
    assert 'title: "Бірінші сөз"' in (tmp_path / "p" / "book.yaml").read_text("utf-8")
    assert (tmp_path / "p" / "article.md").read_text("utf-8") == (
        "Бұл жасқа келгенше жақсы өткіздік пе.\n\n# Ойлану\n\nСоны таба алмай өзім де қайранмын.\n")


def test_a_word_file_s_hidden_text_tracked_changes_and_comments_are_told(tmp_path):
    """A fault-finding pass: hidden text (Font → Hidden) came in as text, tracked changes were accepted and
    comments dropped without a word, and the author's caption «Сурет: портреті.» was left out as a web page's
    photo credit."""
    import zipfile

    import pypandoc

    made = tmp_path / "made.docx"
    pypandoc.convert_text("# Абай\n\nАбай 1845 жылы дүниеге келген.\n\nСурет: портреті.\n", "docx", format="markdown",
                          outputfile=str(made))
    source = tmp_path / "abai.docx"
    with zipfile.ZipFile(made) as original, zipfile.ZipFile(source, "w") as edited:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "word/comments.xml":  # (Pandoc writes an empty one)
                continue
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                at = text.index("</w:p>", text.index("1845"))
                text = text[:at] + ('<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> ЖАСЫРЫН МӘТІН</w:t></w:r>'
                                    '<w:ins w:id="91" w:author="Ред"><w:r><w:t xml:space="preserve"> Қосылған.</w:t></w:r></w:ins>'
                                    '<w:del w:id="92" w:author="Ред"><w:r><w:delText>Өшірілген.</w:delText></w:r></w:del>'
                                    ) + text[at:]
                data = text.encode("utf-8")
            edited.writestr(item, data)
        edited.writestr("word/comments.xml", '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                                             '2006/main"><w:comment w:id="0"><w:p><w:r><w:t>Тексер</w:t></w:r></w:p>'
                                             '</w:comment></w:comments>')
    result = run_cli("import", str(source), str(tmp_path / "p"))
    assert result.returncode == 0, result.stderr
    article = (tmp_path / "p" / "article.md").read_text("utf-8")
    assert "ЖАСЫРЫН" not in article and "Өшірілген" not in article
    assert "Абай 1845 жылы дүниеге келген. Қосылған." in article and "Сурет: портреті." in article
    told = result.stderr
    assert "tracked changes (1 insertion(s), 1 deletion(s)): they were taken as accepted" in told
    assert "the file's 1 comment(s) were left out" in told
    assert "1 run(s) of hidden text (Font → Hidden: Word neither shows nor prints it) were left out: «ЖАСЫРЫН МӘТІН»" in told


def test_a_note_that_is_only_a_picture_is_named_not_dropped(tmp_path):
    source = tmp_path / "suret.md"
    source.write_text("Абайдың портреті мұражайда сақталған.[^1] Оны бәрі көре алады.\n\n[^1]: ![](abai.jpg)\n",
                      encoding="utf-8")
    result = run_cli("import", str(source), str(tmp_path / "p"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"{source}: image 'abai.jpg' (paragraph 1) was not imported: kitap does not support images yet; describe it in words",
        f"{source}: a note has no text (only a picture?) and was not imported"]
    assert "- anchor" not in (tmp_path / "p" / "annotations.yaml").read_text("utf-8")


@pytest.mark.parametrize("title, page, kept", [
    ("Ертегі: Түлкі мен қарға – Ертегілер – Bilim", False, "Ертегі: Түлкі мен қарға"),   # a pasted page title
    ("Абай жолы | Kitap.kz", False, "Абай жолы"),
    ("Циклдер және шарттар — Python оқулығы", True, "Циклдер және шарттар"),        # a page's <title>
    ("Тәуелсіздік – ең қымбат байлық", True, "Тәуелсіздік – ең қымбат байлық"),   # the title's own dash
    ("Абай – Ұлы ақын", False, "Абай – Ұлы ақын"),                                 # one dash, not a page's
])
def test_a_title_loses_the_site_name_after_it(title, page, kept):
    from kitap.importer.metadata import title_without_site

    assert title_without_site(title, page) == kept


def test_a_pasted_title_with_the_site_name_is_taken_without_it_and_said_so(tmp_path):
    result, folder = import_text(tmp_path, "ertegi.txt",
                                 "Ертегі: Түлкі мен қарға – Ертегілер – Bilim\nБаяғыда бір түлкі болыпты.\n"
                                 "Ол орманда қарғаны көріпті.\n")
    assert 'title: "Ертегі: Түлкі мен қарға"' in (tmp_path / "p" / "book.yaml").read_text("utf-8")
    assert "«– Ертегілер – Bilim» after it reads as a web site's name and was left out" in result.stderr


def test_a_letter_signed_over_two_lines_gives_its_author(tmp_path):
    result, folder = import_text(tmp_path, "pismo.txt",
                                 "Письмо в редакцию\nУважаемая редакция, здравствуйте!\nПишу вам из школы, где мы читаем газету.\n"
                                 "Спасибо за ваш труд.\nА.Б. Сейткалиева,\nг. Шымкент, Казахстан\n")
    book = (tmp_path / "p" / "book.yaml").read_text("utf-8")
    assert 'author: "А.Б. Сейткалиева"' in book and 'credentials: "г. Шымкент, Казахстан"' in book
    assert "Шымкент" not in (tmp_path / "p" / "article.txt").read_text("utf-8")


def test_the_replies_of_a_dialogue_typed_with_dashes_stay_replies(tmp_path):
    """A tale's replies begin with «- », which Markdown reads as a list: they are imported as paragraphs
    beginning with the dash (printed as a dialogue dash), not as bullet points; a real list stays a list."""
    source = tmp_path / "ertegi.md"
    source.write_text("# Түлкі мен қарға\n\nТүлкі қарғаға келіп:\n\n- Әнің қандай әдемі! Бір айтшы, - дейді.\n\n"
                      "- Жоқ! - деді қарға.\n\nСабақтың жоспары:\n\n- ертегіні оқу\n- сұрақтарға жауап беру\n",
                      encoding="utf-8")
    folder = tmp_path / "p"
    result = run_cli("import", str(source), str(folder))
    assert result.returncode == 0, result.stderr
    assert "2 list items read as the replies of a dialogue" in result.stderr
    article = (folder / "article.md").read_text("utf-8")
    assert "\n\\- Әнің қандай әдемі! Бір айтшы, - дейді.\n\n\\- Жоқ! - деді қарға.\n" in article
    assert "- ертегіні оқу\n- сұрақтарға жауап беру\n" in article
    built = run_cli("--source", str(folder), "--output", str(tmp_path / "out"), "--only", "html")
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "out" / "html" / "index.html").read_text("utf-8")
    assert re.search(r"<li [^>]*>ертегіні оқу", page) and not re.search(r"<li [^>]*>Әнің", page)
    assert "Әнің қандай әдемі" in page


def test_a_block_of_code_is_named_when_its_lines_become_paragraphs(tmp_path):
    source = tmp_path / "sabaq.md"
    source.write_text("# Цикл\n\nМысал:\n\n```\nfor i in range(3):\n    print(i)\n```\n\nБұл цикл үш рет орындалады.\n",
                      encoding="utf-8")
    result = run_cli("import", str(source), str(tmp_path / "p"))
    assert result.returncode == 0, result.stderr
    assert ("a block of program code (from paragraph 2) was imported as one paragraph per line, without its "
            "indentation") in result.stderr
    assert "print(i)" in (tmp_path / "p" / "article.md").read_text("utf-8")


def test_a_title_copied_with_its_line_break_is_one_title(tmp_path):
    result, folder = import_text(tmp_path, "makala.txt",
                                 "Қазақ терминологиясының\nқалыптасу тарихы\nБір тілден екінші тілге сөз ауысуы – тарихи құбылыс.\n"
                                 "Оны ғалымдар ертеден зерттеп келеді.\n")
    assert 'title: "Қазақ терминологиясының қалыптасу тарихы"' in (tmp_path / "p" / "book.yaml").read_text("utf-8")
    assert (tmp_path / "p" / "article.txt").read_text("utf-8").startswith("Бір тілден")


def test_a_text_in_the_kazakh_latin_of_2018_is_imported_in_the_letters_of_2021(tmp_path):
    """The Latin sites of Egemen Qazaqstan and Kazinform write á ǵ ń ó ú ý (2018): kitap's fonts have no ǵ, and
    kitap prints the alphabet of 2021. An English word and a currency's letters are left as they are."""
    source = tmp_path / "buiryq.txt"
    source.write_text("Bilim jáne ǵylym mınıstrliginiń buıryǵy\nBúgin mektepte jańa oqý jyly bastaldy, "
                      "oqýshylar Windows baǵdarlamasyn úırendi, baǵasy 5 USD.\nMuǵalim shákirtterine sálem berdi, "
                      "EQYU-nyń jumysyn aıtty.\n", encoding="utf-8")
    folder = tmp_path / "p"
    result = run_cli("import", str(source), str(folder))
    assert result.returncode == 0, result.stderr
    assert "the text is in the Kazakh Latin alphabet of 2018 (á ǵ ń ó ú ý); it was written in the Kazakh Latin " \
           "alphabet of 2021" in result.stderr
    book = (folder / "book.yaml").read_text("utf-8")
    assert 'title: "Bılım jäne ğylym ministrlıgınıñ būiryğy"' in book and "language: kk-Latn" in book
    assert (folder / "article.txt").read_text("utf-8") == (
        "Bügın mektepte jaña oqu jyly bastaldy, oquşylar Windows bağdarlamasyn üirendı, bağasy 5 USD.\n"
        "Mūğalım şäkırtterıne sälem berdı, EQYŪ-nyñ jūmysyn aitty.\n")  # (Q: a Kazakh acronym, ЕҚЫҰ)


@pytest.mark.parametrize("typed, expected", [
    # smartnews.kz: the alphabet of 2018 with the Cyrillic і for its i (і); ı for и as it should be
    ("Memleket basshysy qalalardyń ákіmderіne kóshelerdі tazartýdy tapsyrdy.\nPrezıdenttіń aıtýynsha, bul "
     "ákіmder qyzmetіn baǵalaýdyń ólshemі.\n",
     "Memleket basşysy qalalardyñ äkımderıne köşelerdı tazartudy tapsyrdy.\nPrezidenttıñ aituynşa, būl "
     "äkımder qyzmetın bağalaudyñ ölşemı.\n"),
    # mangystaumedia.kz: no dotless ı at all (i for и), the Cyrillic і for і, and Cyrillic а е о к inside
    ("Óńіrіmіzgе аrnаiy іssаpаrmеn кеlgеn Еlbаsy jаstаrmen кеzdеstі.\nОl bіlіm bеrý sаlаsynyń "
     "qyzmеtкеrlеrіmеn sóilestі.\n",
     "Öñırımızge arnaiy ıssaparmen kelgen Elbasy jastarmen kezdestı.\nOl bılım beru salasynyñ "
     "qyzmetkerlerımen söilestı.\n")], ids=["cyrillic-i", "no-dotless-i"])
def test_cyrillic_letters_typed_inside_latin_words_are_latin_before_the_2018_letters_are_read(tmp_path, typed,
                                                                                              expected):
    """Sites that publish Kazakh in Latin letters type look-alike Cyrillic letters inside the words: import
    writes them in Latin letters (and says so), then reads the alphabet of 2018 as it reads a clean one."""
    result, folder = import_text(tmp_path, "news.txt", "Jańalyqtar\n" + typed)
    assert (folder / "article.txt").read_text("utf-8") == expected
    assert "had Cyrillic letters that look like Latin ones typed in them" in result.stderr
    assert "language: kk-Latn" in (folder / "book.yaml").read_text("utf-8")


def test_a_letter_the_fonts_lack_stops_the_import_at_the_file_not_in_a_project_never_written(tmp_path):
    source = tmp_path / "hat.txt"
    source.write_text("Sálem\nBul ǵylym turaly hat.\n", encoding="utf-8")
    result = run_cli("import", str(source), str(tmp_path / "p"))
    assert result.returncode == 1 and "internal error" not in result.stderr
    # (at its line of the file: a .txt's paragraph numbers are not the lines a teacher opens the file at)
    assert result.stderr.startswith(f"{source}:2: paragraph 1 («Bul ǵylym turaly hat.»): text in Latin script: «ǵ»")
    assert result.stderr.strip().endswith("nothing was imported") and not (tmp_path / "p").exists()


def test_a_pasted_poem_keeps_its_stanzas(tmp_path):
    """A poem pasted as text, stanzas between blank lines: each stanza one paragraph (one classroom number)
    with its lines as the poet broke them, set as verse; the poem's title line before its first stanza
    stands alone."""
    source = tmp_path / "olen.txt"
    source.write_text("Көктем\n\nКөктем\nТаң атты, құстар сайрады,\nЖер жасыл, көктем келеді.\n"
                      "Балалар ойнап жүгірді,\nАнасы күліп қарайды.\n\nӨзен де ағып сылдырлап,\n"
                      "Бұлақтар көзін ашады.\nЖел де соғып ызыңдап,\nГүлдерді жерге шашады.\n", encoding="utf-8")
    folder = tmp_path / "p"
    result = run_cli("import", str(source), str(folder))
    assert result.returncode == 0, result.stderr
    article = (folder / "article.md").read_text("utf-8")
    assert article == ("Көктем\n\nТаң атты, құстар сайрады,\\\nЖер жасыл, көктем келеді.\\\nБалалар ойнап жүгірді,\\\n"
                       "Анасы күліп қарайды.\n\nӨзен де ағып сылдырлап,\\\nБұлақтар көзін ашады.\\\n"
                       "Жел де соғып ызыңдап,\\\nГүлдерді жерге шашады.\n")
    built = run_cli("--source", str(folder), "--output", str(tmp_path / "out"), "--only", "html")
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "out" / "html" / "index.html").read_text("utf-8")
    assert len(re.findall(r'<p id="[^"]+" class="verse" data-n="\d+"', page)) == 2


def test_short_lines_of_prose_between_blank_lines_are_no_poem(tmp_path):
    result, folder = import_text(tmp_path, "habar.txt",
                                 "Мектеп жаңалықтары\n\nКеше мектепте жиын өтті.\nОқушылар ән салды.\n\n"
                                 "Мұғалімдер марапатталды.\nБәрі риза болды.\n")
    assert (tmp_path / "p" / "article.txt").read_text("utf-8") == (
        "Кеше мектепте жиын өтті.\nОқушылар ән салды.\nМұғалімдер марапатталды.\nБәрі риза болды.\n")


def test_the_latin_schwa_in_cyrillic_words_is_the_cyrillic_letter(tmp_path):
    """Texts copied from PDFs on the web type «Ə ə» (Latin schwa) for «Ә ә»: the capital, which the fonts
    lack, stopped the import; both are the Cyrillic letter in the project, and import says so."""
    result, folder = import_text(tmp_path, "abai.txt", "Абай туралы\nƏрбір халықтың жəне тілі бар. Бұл мəтін "
                                 "сынақ үшін жазылды.\nҚазақстан 1992 жылы БҰҰ-ға мүше болды.\n")
    assert (folder / "article.txt").read_text("utf-8").startswith("Әрбір халықтың және тілі бар. Бұл мәтін")
    assert "3 Cyrillic words had the Latin schwa «ə» typed for «ә»" in result.stderr


def test_a_saved_news_page_gives_its_title_once_and_its_date(tmp_path):
    """A news site's page: a date line, then the <h1> that is its <title>. The heading is the title (the
    handout printed it twice: title block, then the same words as a heading), the date line book.yaml's date.
    The page declares no charset: its UTF-8 is read as UTF-8 (lxml's default, Latin-1, garbled it)."""
    page = ("<html><head><title>Аэропорт салу туралы тапсырма – Kazakhstan Today</title>"
            '<link rel="canonical" href="https://www.kt.kz/kaz/state/1153"></head><body>'
            "<p>24.12.2025, 17:39 48846</p><h1>Аэропорт салу туралы тапсырма</h1>"
            "<p>Мемлекет басшысы жаңа әуежай салу мәселесін қарауды тапсырды.</p>"
            "<p>Бұл туралы кеңесте айтылды.</p></body></html>")
    result, folder = import_text(tmp_path, "news.html", page)
    book = (folder / "book.yaml").read_text("utf-8")
    assert 'title: "Аэропорт салу туралы тапсырма"' in book and 'date: "2025-12-24"' in book, book
    assert 'source: "https://www.kt.kz/kaz/state/1153"' in book  # the page's own address, for the colophon
    article = (folder / "article.md").read_text("utf-8")
    assert "Аэропорт салу" not in article and "48846" not in article and article.startswith("Мемлекет басшысы")
    assert "«24.12.2025, 17:39 48846» before the title reads as a web site's date line" in result.stderr


def test_a_poem_pasted_as_one_block_is_verse(tmp_path):
    """Abai's «Қыс» as a site prints it: 24 short lines, no empty line between the stanzas. It was imported
    as 24 prose paragraphs; it is one stanza of verse, and import says how to give it its stanzas."""
    lines = ["Ақ киімді, денелі, ақ сақалды,", "Соқыр, мылқау, танымас тірі жанды.", "Үсті-басы ақ қырау, түсі суық,",
             "Басқан жері сықырлап, келіп қалды.", "Дем алысы — үскірік, аяз бен қар,",
             "Кәрі құдаң — қыс келіп, әлек салды.", "Ұшпадай бөркін киген оқшырайтып,", "Аязбенен қызарып ажарланды.",
             "Бұлттай қасы жауып екі көзін,", "Басын сіліксе, қар жауып, мазаңды алды."]
    result, folder = import_text(tmp_path, "qys.txt", "Қыс\n\n" + "\n".join(lines) + "\n")
    assert (folder / "article.md").read_text("utf-8") == "\\\n".join(lines) + "\n"
    assert "a block of 10 verse lines, imported as one stanza" in result.stderr


BROWSER_COPY = """Басты бет » Тарих » Алаш идеялары және тәуелсіз Қазақстан мұраттары
Тарих
12.03.2019, 10:15
Алаш идеялары және тәуелсіз Қазақстан мұраттары
2 345 рет қаралды
Фото: ашық дереккөзден
Қазақстанға Голощекин келгенше Алаш қозғалысы туралы әредік пікірлер де айтылып отырды.
Оқи отырыңыз: Алаштың асыл перзенті
Алаш ұранды әдебиетті оқып біліп өскен тұтас буын бар еді.

Рымғали Нұрғали,
академик, филология ғылымдарының докторы
Бөлісу:
Facebook
Telegram
Тегтер: Алаш, тарих
Пікір қалдыру
"""


def test_a_page_copied_from_the_browser_is_imported_without_the_sites_furniture(tmp_path):
    """A teacher copies a news page from the browser: the breadcrumb, the rubric, the date line, the view
    counter, the photo credit, «read also», share buttons, tags and the comment form are the site's, not the
    text: import leaves them out and names them; the title, the author, the credentials and the date are the
    page's (the breadcrumb was the title, the share buttons a «stanza», the byline lost)."""
    result, folder = import_text(tmp_path, "alash.txt", BROWSER_COPY)
    book = (folder / "book.yaml").read_text("utf-8")
    assert 'title: "Алаш идеялары және тәуелсіз Қазақстан мұраттары"' in book
    assert 'author: "Рымғали Нұрғали"' in book and 'credentials: "академик, филология ғылымдарының докторы"' in book
    assert 'date: "2019-03-12"' in book
    assert (folder / "article.txt").read_text("utf-8") == (
        "Қазақстанға Голощекин келгенше Алаш қозғалысы туралы әредік пікірлер де айтылып отырды.\n"
        "Алаш ұранды әдебиетті оқып біліп өскен тұтас буын бар еді.\n")
    assert "10 lines of the web page around the text were left out: «Басты бет » Тарих » Алаш" in result.stderr
    assert "«Тарих» (rubric)" in result.stderr and "«2 345 рет қаралды» (view counter)" in result.stderr


def test_a_saved_page_keeps_its_article_and_its_signature(tmp_path):
    """The same page saved as HTML: the one <article> is the text (its <main> holds the sidebar and the
    comments too), its furniture is left out, and the signature at its end is the author."""
    page = ("<html><head><meta charset='utf-8'><title>Алаш идеялары – Elana</title></head><body><main><article>"
            "<h1>Алаш идеялары</h1><p>Фото: ашық дереккөзден</p>"
            "<p>Қазақстанға Голощекин келгенше Алаш қозғалысы туралы пікірлер айтылды.</p>"
            "<p><strong>Оқи отырыңыз:</strong> Алаштың асыл перзенті</p><p>Алаш әдебиетін оқыған буын бар еді.</p>"
            "<p class='author-sign'><strong>Рымғали Нұрғали,</strong><br>академик, филология ғылымдарының докторы</p>"
            "<p>Бөлісу: Facebook Twitter</p></article><aside><h2>Соңғы жаңалықтар</h2><ul><li>Абай</li></ul></aside>"
            "<section><h2>Пікір қалдыру</h2></section></main></body></html>")
    result, folder = import_text(tmp_path, "alash.html", page)
    book = (folder / "book.yaml").read_text("utf-8")
    assert 'author: "Рымғали Нұрғали"' in book and 'credentials: "академик, филология ғылымдарының докторы"' in book
    assert (folder / "article.md").read_text("utf-8") == (
        "Қазақстанға Голощекин келгенше Алаш қозғалысы туралы пікірлер айтылды.\n\n"
        "Алаш әдебиетін оқыған буын бар еді.\n")


def test_a_documents_title_in_capitals_is_no_author_and_its_bracketed_line_is_the_subtitle(tmp_path):
    """«БАЛА ҚҰҚЫҚТАРЫ ТУРАЛЫ Конвенция» over «(балаларға арналған нұсқасы)»: the first line was taken for the
    author (a name may have one word in capitals, not three) and the second for the title."""
    result, folder = import_text(tmp_path, "konvenciya.txt",
                                 "БАЛА ҚҰҚЫҚТАРЫ ТУРАЛЫ Конвенция\n(балаларға арналған нұсқасы)\n1-бап. Баланы анықтау\n"
                                 "18 жасқа толғанша сен баласың және осы Конвенцияда жазылған құқықтарға иесің.\n")
    book = (folder / "book.yaml").read_text("utf-8")
    assert 'title: "БАЛА ҚҰҚЫҚТАРЫ ТУРАЛЫ Конвенция"' in book and 'subtitle: "балаларға арналған нұсқасы"' in book
    assert 'author: "Автор"' in book


NEWS_COPY = """Басты бет » Жаңалықтар » Білім
Білім
12.05.2018, 10:40
Жалпыұлттық жиналысқа қатысу үшін…
Қаралым: 1 247
ҚР Білім министрлігі жұмыс берушілерден ата-аналарды ертерек босатуды сұрады.
Screenshot_2018-05-12-10-35-35-1Бүгін министр жалпыұлттық ата-аналар жиналысы өтетінін хабарлады.
Оқи отырыңыз: Биыл 380 мың бала бірінші сыныпқа барады
Бөлісу: Facebook WhatsApp Telegram
You may also like...
Пікір үстеу
Э-пошта мекенжайыңыз жарияланбайды.
"""


def test_a_news_copy_with_its_date_line_over_a_headline_that_trails_off(tmp_path):
    """A new user's trial (kostanaytany.kz): the date line was the title, and the headline ending «…» a
    paragraph; the view counter with its word before the number, a picture's file name glued to the first
    word, a WordPress theme's «You may also like...» and the comment form's lines stayed in the text."""
    result, folder = import_text(tmp_path, "news.txt", NEWS_COPY)
    book = (folder / "book.yaml").read_text("utf-8")
    assert 'title: "Жалпыұлттық жиналысқа қатысу үшін…"' in book and 'date: "2018-05-12"' in book
    assert (folder / "article.txt").read_text("utf-8") == (
        "ҚР Білім министрлігі жұмыс берушілерден ата-аналарды ертерек босатуды сұрады.\n"
        "Бүгін министр жалпыұлттық ата-аналар жиналысы өтетінін хабарлады.\n")
    assert "«Қаралым: 1 247» (view counter)" in result.stderr
    assert "a picture's file name was left out where it stood before the text: «Screenshot_2018-05-12-10-35-35-1»" \
        in result.stderr


def test_a_russian_law_copied_from_a_site_loses_its_breadcrumb_one_link_a_line_and_its_buttons(tmp_path):
    """bestprofi.com: «Главная» and «Законодательство» (the breadcrumb, a link a line) were the title and a
    paragraph, nine «Toggle Dropdown» lines and «Версия для печати» stayed in the text."""
    result, folder = import_text(tmp_path, "zakon.txt", (
        "Главная\nЗаконодательство\nToggle Dropdown\nО профилактике бытового насилия\n"
        "Закон Республики Казахстан от 4 декабря 2009 года № 214-IV\nToggle Dropdown\n"
        "Настоящий Закон определяет основы профилактики бытового насилия.\nToggle Dropdown\n"
        "Статья 1. Основные понятия\nПоделиться\nВерсия для печати\n"))
    assert 'title: "О профилактике бытового насилия"' in (folder / "book.yaml").read_text("utf-8")
    article = (folder / "article.txt").read_text("utf-8")
    assert article.startswith("Закон Республики Казахстан") and article.endswith("Статья 1. Основные понятия\n")
    assert "Toggle" not in article and "Версия" not in article and "Главная" not in article


def test_emoji_are_left_out_and_named_and_a_counters_eye_is_furniture(tmp_path):
    """A saved page whose view counter is «👁 1245» was refused whole (the fonts have no eye); a post's «✅»
    and «🎉» are no words: they are left out, each named, the spaces around them mended."""
    result, folder = import_text(tmp_path, "post.txt", "Мерекелік жиын\n✅ Мектепте мереке өтті 🎉🎉. Балалар 👍🏽 ән "
                                                       "салды 🙂\n👁 1245\nЕкінші абзац осында.\n")
    assert (folder / "article.txt").read_text("utf-8") == ("Мектепте мереке өтті. Балалар ән салды\n"
                                                           "Екінші абзац осында.\n")
    assert "5 picture characters (emoji) left out, which kitap's fonts cannot set: «✅», «🎉» ×2, «👍🏽», «🙂»" \
        in result.stderr
    assert "«👁 1245» (view counter)" in result.stderr


def test_a_russian_sites_date_line_with_the_month_in_capitals_gives_the_date(tmp_path):
    """Kazinform's Russian page prints «13:08, 27 Январь 2026 | GMT +5» over its headline: it was paragraph 1,
    the date today's, and the headline printed twice (title block and first heading)."""
    page = ("<html><head><meta charset='utf-8'><title>Правительство приняло концепцию — Kazinform</title></head>"
            "<body><article><div class='date'>13:08, 27 Январь 2026 | GMT +5</div>"
            "<h1>Правительство приняло концепцию</h1><p>По итогам голосования Правительство утвердило концепцию.</p>"
            "<p>Концепция включает план мероприятий.</p></article></body></html>")
    result, folder = import_text(tmp_path, "news.html", page)
    book = (folder / "book.yaml").read_text("utf-8")
    assert 'date: "2026-01-27"' in book and 'title: "Правительство приняло концепцию"' in book
    assert (folder / "article.md").read_text("utf-8").startswith("По итогам голосования")


WIKI_PAGE = """<!DOCTYPE html><html lang="kk"><head><meta charset="UTF-8"><title>Абылай хан — Уикипедия</title></head>
<body class="mediawiki"><div id="mw-navigation"><ul><li>Басты бет</li><li>Кездейсоқ мақала</li></ul></div>
<div id="content"><h1 id="firstHeading">Абылай хан</h1><div id="siteSub">Уикипедия — ашық энциклопедиясынан алынған мәлімет</div>
<div id="mw-content-text"><div class="mw-parser-output">
<div role="note" class="hatnote">Басқа мағыналар үшін Абылай (айрық) бетін қараңыз.</div>
<p><b>АБЫЛАЙ</b> (1711 — 1781) — мемлекет қайраткері.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<div id="toc" class="toc"><h2>Мазмұны</h2><ul><li>1 Шығу тегі</li></ul></div>
<h2><span class="mw-headline">Шығу тегі</span><span class="mw-editsection">[<a href="/w?action=edit">өңдеу</a>]</span></h2>
<p>Арғы тегі — Жошы хан.</p>
<table class="wikitable"><caption>Абылай өмірінің негізгі кезеңдері</caption><tr><th>Жыл</th><th>Оқиға</th></tr>
<tr><td>1711</td><td>Әбілмансұр дүниеге келді</td></tr></table>
<h2><span class="mw-headline">Дереккөздер</span><span class="mw-editsection">[<a href="/w?action=edit">өңдеу</a>]</span></h2>
<ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">↑</a></span>
<span class="reference-text">Қазақ энциклопедиясы, 1998.</span></li></ol>
<div id="catlinks" class="catlinks">Санаттар: Қазақ хандары</div></div></div></div>
<div id="footer"><ul><li>Бұл бет соңғы рет 2024 жылғы 3 наурызда өңделді.</li></ul></div></body></html>
"""


def test_a_saved_wikipedia_page_is_its_article_without_the_wikis_furniture(tmp_path):
    """A new user's trial: a saved Уикипедия page brought its menu, «[өңдеу]» after every heading, the
    contents box, the «other meanings» line, the categories and the footer, and lost its table's caption."""
    result, folder = import_text(tmp_path, "abylai.html", WIKI_PAGE)
    article = (folder / "article.md").read_text("utf-8")
    assert article == ("**АБЫЛАЙ** (1711 — 1781) — мемлекет қайраткері.\n\n# Шығу тегі\n\nАрғы тегі — Жошы хан.\n\n"
                       "Абылай өмірінің негізгі кезеңдері\n\nЖыл — Оқиға\n\n1711 — Әбілмансұр дүниеге келді\n"), article
    assert 'title: "Абылай хан"' in (folder / "book.yaml").read_text("utf-8")
    assert "Қазақ энциклопедиясы, 1998." in (folder / "annotations.yaml").read_text("utf-8")
    assert "the last heading «Дереккөздер» had nothing under it but the notes" in result.stderr


def test_a_table_copied_from_a_browser_keeps_its_cells_apart(tmp_path):
    """An infobox copied as text has a tab between label and value: «Ел⟶Қазақстан» printed «Ел Қазақстан»."""
    result, folder = import_text(tmp_path, "b.txt", "Балқаш\nЕл\tҚазақстан\nАуданы \t 16 400 км²\n"
                                                    "Балқаш — Қазақстандағы ірі көл.\n")
    assert (folder / "article.txt").read_text("utf-8").startswith("Ел — Қазақстан\nАуданы — 16 400 км²\n")
    assert "2 lines with tabs (a table's rows, copied) imported with their cells joined by « — »" in result.stderr


def test_a_poems_title_over_its_poets_name_is_no_stanza(tmp_path):
    """Мағжан's «Мен жастарға сенемін» copied as text: the title and the poet's name over the first stanza
    were the first stanza, the title the file's name and the author «Автор»."""
    result, folder = import_text(tmp_path, "olen.txt", "Мен жастарға сенемін\nМағжан Жұмабаев\n\nАрыстандай айбатты,\n"
                                 "Жолбарыстай қайратты -\nҚырандай күшті қанатты.\nМен жастарға сенемін!\n\n"
                                 "Көздерінде от ойнар,\nСөздерінде жалын бар,\nЖаннан қымбат оларға ар,\n"
                                 "Мен жастарға сенемін!\n")
    book = (folder / "book.yaml").read_text("utf-8")
    assert 'title: "Мен жастарға сенемін"' in book and 'author: "Мағжан Жұмабаев"' in book
    assert (folder / "article.md").read_text("utf-8").startswith("Арыстандай айбатты,\\\n")


def test_a_wiki_article_copied_as_text_loses_the_wikis_lines_and_edit_links(tmp_path):
    result, folder = import_text(tmp_path, "wk.txt", (
        "Абылай хан\nУикипедия — ашық энциклопедиясынан алынған мәлімет\n"
        "Басқа мағыналар үшін Абылай (айрық) бетін қараңыз.\nАбылай хан — қазақ ханы, мемлекет қайраткері болған адам.\n"
        "Шығу тегі[өңдеу]\nАрғы тегі — Жошы хан. Ол ұлы адам еді.\n"))
    assert (folder / "article.txt").read_text("utf-8") == ("Абылай хан — қазақ ханы, мемлекет қайраткері болған адам.\n"
                                                           "Шығу тегі\nАрғы тегі — Жошы хан. Ол ұлы адам еді.\n")
    assert "1 heading copied from a wiki lost the edit link after it («[өңдеу]»)" in result.stderr


def test_a_no_break_space_beside_a_space_is_one_space(tmp_path):
    """Kazinform's «сегодня в Казахстане —&nbsp; порядка 7 млн детей» printed a double gap."""
    page = ("<html><head><meta charset='utf-8'><title>Дети</title></head><body><article><h1>Дети</h1>"
            "<p>Сегодня в Казахстане —&nbsp; порядка 7&nbsp;млн детей.</p><p>Это треть населения.</p>"
            "</article></body></html>")
    result, folder = import_text(tmp_path, "deti.html", page)
    assert (folder / "article.md").read_text("utf-8").startswith("Сегодня в Казахстане — порядка 7\u00a0млн детей.")


@pytest.mark.parametrize("line", ["*Антон Павлович Чехов, 1883*", "Антон Павлович Чехов (1883)"])
def test_a_line_under_the_title_naming_the_author_and_the_year_is_the_byline(tmp_path, line):
    """Chekhov's «Смерть чиновника» as Markdown: «*Антон Павлович Чехов, 1883*» under the title was paragraph 1,
    under a title block that said «Автор»."""
    result, folder = import_text(tmp_path, "chekhov.md", f"# Смерть чиновника\n\n{line}\n\nВ один прекрасный вечер "
                                 "экзекутор сидел в кресле.\n\nОн глядел в бинокль.\n")
    book = (folder / "book.yaml").read_text("utf-8")
    assert 'author: "Антон Павлович Чехов"' in book and 'credentials: "1883"' in book
    assert (folder / "article.md").read_text("utf-8").startswith("В один прекрасный вечер")


@pytest.mark.parametrize("first", ["Закон Республики Казахстан", "Білім туралы заңы", "Назарбаев Университеті"])
def test_a_documents_or_institutions_name_first_is_no_author(tmp_path, first):
    """«Конституция Республики Казахстан» over a law's text read as a person's name (three capitalised words)."""
    result, folder = import_text(tmp_path, "law.txt", f"{first}\nНастоящий документ определяет основы, и он важен.\n"
                                                      "Второй абзац текста идёт дальше.\nТретий абзац.\n")
    book = (folder / "book.yaml").read_text("utf-8")
    assert 'author: "Автор"' in book and f'title: "{first}"' in book


def test_a_line_under_the_title_and_before_the_first_heading_is_the_subtitle(tmp_path):
    """A Word file of a speech: «Мемлекет басшысының … конференцияда сөйлеген сөзі» under its title, then
    «Кіріспе»: it was paragraph 1, which the checker said ends without a full stop."""
    result, folder = import_text(tmp_path, "soz.md", "# Конституция – мызғымас тұғыр\n\nМемлекет басшысының "
                                 "конференцияда сөйлеген сөзі\n\n## Кіріспе\n\nҚұрметті қонақтар! Бүгін біз жиналдық.\n\n"
                                 "Екінші абзац осында.\n")
    book = (folder / "book.yaml").read_text("utf-8")
    assert 'subtitle: "Мемлекет басшысының конференцияда сөйлеген сөзі"' in book
    assert (folder / "article.md").read_text("utf-8").startswith("# Кіріспе")


def _book(folder: Path) -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load((folder / "book.yaml").read_text("utf-8"))


def test_an_institution_s_page_header_is_its_publisher_and_the_title_under_it_the_title(tmp_path):
    """A methods office's texts copied from a research institute's site: the ministry's line had been the title,
    the institute's paragraph 1, the real title a paragraph."""
    result, folder = import_text(tmp_path, "satbayev.txt", (
        "Қазақстан Республикасының ғылым және жоғары білім министрлігі Ғылым комитеті\n\n"
        "Ш.Ш. Уәлиханов атындағы Тарих және этнология институты\n\nҚАНЫШ ИМАНТАЙҰЛЫ СӘТБАЕВ\n\n\n"
        "Қаныш Имантайұлы Сәтбаев 1899 жылы дүниеге келген. Ол көрнекті геолог-ғалым болған.\n\n"
        "Ол ҚазКСР ҒА ұйымдастырушысы және тұңғыш президенті болды.\n"))
    book = _book(folder)
    assert (book["title"], book["publisher"]) == ("ҚАНЫШ ИМАНТАЙҰЛЫ СӘТБАЕВ",
                                                  "Ш.Ш. Уәлиханов атындағы Тарих және этнология институты")
    assert (folder / "article.txt").read_text("utf-8").startswith("Қаныш Имантайұлы Сәтбаев 1899 жылы")
    assert "over the text name the institution publishing it" in result.stderr


def test_a_name_and_a_title_on_one_line_are_the_author_and_the_title(tmp_path):
    """Under an institute's page header (a code review: without one, «А.Байтұрсынов Қостанай облысында туған» is a
    sentence, not a byline and a title)."""
    _, folder = import_text(tmp_path, "atygaev.txt", (
        "Ш.Ш. Уәлиханов атындағы Тарих және этнология институты\n\n"
        "Н.А. Атыгаев О времени образования Казахского ханства\n\n"
        "В истории любого народа есть знаковые события. Их значение невозможно переоценить.\n\n"
        "Стремление казахского народа к суверенному существованию было давним.\n"))
    book = _book(folder)
    assert (book["author"], book["title"]) == ("Н.А. Атыгаев", "О времени образования Казахского ханства")


def test_a_journal_s_byline_with_the_surname_in_capitals_is_the_author(tmp_path):
    """«АТЫГАЕВ Н.А.» over the title; the site's visitor counter «Яндекс.Метрика» had been the author, and a lone
    «Автор:» stayed in the text."""
    result, folder = import_text(tmp_path, "khanstvo.txt", (
        "Яндекс.Метрика\n\nАТЫГАЕВ Н.А.\n\nК ВОПРОСУ О ТРАКТОВКЕ ПРЕДЫСТОРИИ КАЗАХСКОГО ХАНСТВА\n\nАвтор:\n"
        "Работа посвящена исследованию предыстории образования Казахского ханства. В литературе оно трактуется так.\n\n"
        "После поражения в 1457 году Абу-л-Хайр-хана двое джучидов подняли мятеж.\n"))
    book = _book(folder)
    assert (book["author"], book["title"]) == ("АТЫГАЕВ Н.А.", "К ВОПРОСУ О ТРАКТОВКЕ ПРЕДЫСТОРИИ КАЗАХСКОГО ХАНСТВА")
    assert (folder / "article.txt").read_text("utf-8").startswith("Работа посвящена")
    assert "«Яндекс.Метрика» (page's buttons)" in result.stderr and "«Автор:» (page's buttons)" in result.stderr


def test_a_wiki_s_menu_copied_over_the_text_is_left_out_not_read_as_a_poem(tmp_path):
    result, folder = import_text(tmp_path, "balkhash.txt", (
        "Меню\n\nГлавная\nСлучайная статья\nНастройки\nМатериал из https://ru.wikipedia.org\n\n"
        "Балхаш — бессточное полупресноводное озеро в восточной части Казахстана.\n\n"
        "Уникальность озера состоит в том, что оно разделено узким проливом на две части.\n\nПодробнее…\n"))
    assert (folder / "article.txt").read_text("utf-8") == (
        "Балхаш — бессточное полупресноводное озеро в восточной части Казахстана.\n"
        "Уникальность озера состоит в том, что оно разделено узким проливом на две части.\n")
    assert "«Меню» (menu), «Главная» (breadcrumb)" in result.stderr


def test_a_heading_that_is_a_menu_word_further_on_is_the_text_s(tmp_path):
    """A code review: «Настройки» was furniture on any line, so a computer lesson's heading was dropped."""
    _, folder = import_text(tmp_path, "lesson.txt", (
        "Компьютер в школе\n\nНа уроке мы узнаем, как устроен компьютер. Это важная тема для всех.\n\n"
        "Каждый ученик работает за своим компьютером, учитель помогает ему.\n\nДома повторите тему урока.\n\n"
        "Учитель проверит тетради.\n\nНастройки\n\nОткройте окно и выберите язык. Сохраните изменения.\n"))
    assert "Настройки" in (folder / "article.txt").read_text("utf-8")


@pytest.mark.parametrize("first, second", [("История Казанского университета", "Очерк"),
                                           ("Ұлы Отан соғысы мұражайына саяхат", "Сынып сағаты")])
def test_a_title_about_an_institution_is_no_page_header(tmp_path, first, second):
    """A code review: a title naming a university or a museum was taken for the page's header (its publisher)."""
    _, folder = import_text(tmp_path, "t.txt", f"{first}\n\n{second}\n\nБірінші абзац осында, ол ұзақ. "
                            "Ол бірнеше сөйлемнен тұрады.\n\nЕкінші абзац та бар. Ол да ұзақ.\n")
    book = _book(folder)
    assert book["title"] == first and "publisher" not in book


def test_an_institution_over_a_heading_imports_without_a_traceback(tmp_path):
    result, folder = import_text(tmp_path, "t.md", "Қазақстан Республикасы Білім және ғылым министрлігі\n\n# Сабақ жоспары"
                                 "\n\nБірінші абзац осында, ол ұзақ. Ол бірнеше сөйлемнен тұрады.\n\nЕкінші абзац бар.\n")
    assert "Traceback" not in result.stderr


def test_a_name_and_a_sentence_on_one_line_are_no_author_and_title(tmp_path):
    _, folder = import_text(tmp_path, "t.txt", "А.Байтұрсынов Қостанай облысында туған\n\nОл ұлы ағартушы болды. Ол "
                            "көп кітап жазды.\n\nЕкінші абзац та бар. Ол да ұзақ.\n")
    assert _book(folder)["author"] != "А.Байтұрсынов"
