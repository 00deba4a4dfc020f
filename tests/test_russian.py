"""A project in Russian builds every output in Russian: labels, dates, order, hyphenation, typography."""
from __future__ import annotations

import pytest

from conftest import FIXTURES, NS, build_project, print_article, epub_files, norm, read_pdf, xhtml
from test_epub import epubcheck

SHY, NBSP = "\u00ad", "\u00a0"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_project(FIXTURES / "ru", tmp_path_factory.mktemp("ru-out"))


def test_every_output_is_made(built):
    names = {p.name for p in built.output.iterdir()}
    assert {"kz-un-ru.pdf", "kz-un-ru-booklet.pdf", "kz-un-ru-large.pdf", "kz-un-ru.epub", "html"} <= names


def test_epub_is_valid_and_russian_throughout(built):
    report = epubcheck(built.epub)
    assert report["checker"]["nFatal"] == report["checker"]["nError"] == report["checker"]["nWarning"] == 0, report
    files = epub_files(built.epub)
    opf = xhtml(files["EPUB/content.opf"])
    assert opf.xpath("//dc:language/text()", namespaces=NS) == ["ru"]
    for name in ("article", "glossary", "chronology", "colophon", "nav"):
        assert xhtml(files[f"EPUB/{name}.xhtml"]).get("lang") == "ru"
    nav = xhtml(files["EPUB/nav.xhtml"])
    assert [norm(t) for t in nav.xpath("//x:nav[@epub:type='toc']//x:a/text()", namespaces=NS)] == [
        "Казахстан и Организация Объединённых Наций", "Вступление", "Членство в организациях", "Примечания",
        "Список сокращений", "Хронология событий", "Об издании"]
    assert nav.xpath("string(//x:h1)", namespaces=NS) == "Содержание"


def test_labels_dates_and_order_are_russian(built):
    files = epub_files(built.epub)
    glossary = xhtml(files["EPUB/glossary.xhtml"])
    assert [t for t in glossary.xpath("//x:dt//x:abbr/text()", namespaces=NS)] == ["МАГАТЭ", "ОБСЕ", "ООН", "СНГ"]
    assert "по-казахски: Біріккен Ұлттар Ұйымы (БҰҰ); по-английски: United Nations (UN)" in norm(
        glossary.xpath("string(//x:dd[@id='gl-3-d'])", namespaces=NS))
    chronology = xhtml(files["EPUB/chronology.xhtml"])
    dates = [norm(t) for t in chronology.xpath("//x:p[@class='event-date']/x:time/text()", namespaces=NS)]
    assert dates == ["16 декабря 1991 г.", "2 марта 1992 г.", "2017 г."]
    assert "В тексте, абз." in norm(chronology.xpath("string(//x:span[@class='event-where'])", namespaces=NS))
    text = " ".join(page.body for page in read_pdf(built.pdf))
    for heading in ("Список сокращений", "Хронология событий", "Об издании"):
        assert heading in text


def test_russian_hyphenation_and_typography(built):
    """Print hyphenates by Russian patterns; the e-book carries the typography and no soft hyphens."""
    article = print_article(FIXTURES / "ru")
    second = article.xpath("string(//p[@id='p-2'])")
    epub_text = xhtml(epub_files(built.epub)["EPUB/article.xhtml"]).xpath("string(//x:p[@id='p-2'])", namespaces=NS)
    assert SHY not in epub_text and f"Н.{NBSP}А.{NBSP}Назарбаев" in epub_text
    assert f"Н.{NBSP}А.{NBSP}На{SHY}зар{SHY}ба{SHY}ев" in second
    assert f"«Со{SHY}ве{SHY}ща{SHY}ние" in second and f"т.{NBSP}е." in second
    assert f"в{NBSP}г.{NBSP}Ал{SHY}ма{SHY}ты" in article.xpath("string(//p[@id='p-3'])")
    assert f"ООН{NBSP}— впер{SHY}вые" in article.xpath("string(//p[@id='p-4'])")


def test_check_reads_russian_as_russian(tmp_path):
    """Spelling by the Russian dictionary, Russian abbreviations and headings, Russian dates."""
    import shutil

    from conftest import run_cli

    project = tmp_path / "ru"
    shutil.copytree(FIXTURES / "ru", project)
    article = project / "article.md"
    text = article.read_text(encoding="utf-8").replace("международными организациями", "международными организацыями")
    article.write_text(text + "\nСтатья 5\n\nВ 1995 г. Конституция принята. Это т. е. в августе.\n", encoding="utf-8")
    result = run_cli("check", "--source", str(project))
    lines = result.stdout.splitlines()
    spelling = [line for line in lines if line.endswith("[spelling]")]
    assert len(spelling) == 1 and spelling[0].startswith(
        f"{article}:3:120: warning: «организацыями» is not a known Russian word; did you mean «организациями»"), spelling
    assert not [line for line in lines if "[stray-period]" in line]  # «т. е.», «г.» end no sentence
    dates = [line for line in lines if "[date-not-in-chronology]" in line]
    assert any("«В 1995 г.» (1995)" in line or "«1995 г.» (1995)" in line for line in dates), dates


def test_a_clause_that_ends_in_a_conjunction_keeps_its_end(tmp_path):
    """A preamble's clauses: «…принимая во внимание, что …, и» is no sentence that lost its full stop."""
    import shutil

    from conftest import run_cli

    project = tmp_path / "ru"
    shutil.copytree(FIXTURES / "ru", project)
    (project / "article.md").unlink()
    (project / "annotations.yaml").unlink(missing_ok=True)
    (project / "article.txt").write_text(
        "Принимая во внимание, что признание достоинства всех людей является основой свободы и справедливости, и\n"
        "принимая во внимание, что пренебрежение правами человека привело к варварским актам и жестокости, и\n"
        "провозглашает настоящую декларацию.\n"
        "Школьники читали эту книгу всю зиму и весну вместе с учителем истории\n", encoding="utf-8")
    lines = run_cli("check", "--source", str(project)).stdout.splitlines()
    ends = [line for line in lines if "[paragraph-end]" in line]
    assert len(ends) == 1 and "«…истории»" in ends[0], ends


def test_a_spelling_suggestion_is_never_a_crude_word(tmp_path):
    """Hunspell's Russian dictionary knows crude words and offers them («пенис» for «Венис», «жопа» for
    «жепа»): the suggestions a teacher sees leave them out and keep the others. («жапа», which offered it
    too, is a Kazakh word: a Russian text knows the words of the Kazakh dictionary.)"""
    import shutil

    from conftest import run_cli
    from kitap.check.dictionary import russian_unavailable

    if russian_unavailable():
        pytest.skip(russian_unavailable())
    project = tmp_path / "ru"
    shutil.copytree(FIXTURES / "ru", project)
    article = project / "article.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nВенис приехал в школу. Там была жепа и пенсис.\n",
                       encoding="utf-8")
    result = run_cli("check", "--source", str(project))
    spelling = {line.split("«")[1].split("»")[0]: line for line in result.stdout.splitlines() if line.endswith("[spelling]")}
    assert {"Венис", "жепа", "пенсис"} <= set(spelling), spelling
    from kitap.languages import pack_for

    crude = pack_for("ru").checker.unsuggested
    for word in ("Венис", "жепа", "пенсис"):
        offered = spelling[word].split("did you mean ")[1].split("?")[0] if "did you mean" in spelling[word] else ""
        words = [w.strip("«»") for w in offered.split(", ") if w]
        assert words and not [w for w in words if crude.match(w)], spelling[word]
    assert "«Денис»" in spelling["Венис"] and "«пенсии»" in spelling["пенсис"]


def test_a_hyphenated_adverb_is_known_by_its_adjective(tmp_path):
    """«по-казахски», «по-новому»: the dictionary lists neither whole, but their adjectives."""
    import shutil

    from conftest import run_cli

    project = tmp_path / "ru"
    shutil.copytree(FIXTURES / "ru", project)
    (project / "article.md").write_text("Здесь говорят по-казахски и живут по-новому, а не по-блабски.\n",
                                        encoding="utf-8")
    (project / "annotations.yaml").unlink(missing_ok=True)
    spelling = [line for line in run_cli("check", "--source", str(project)).stdout.splitlines()
                if line.endswith("[spelling]")]
    assert len(spelling) == 1 and "«блабски»" in spelling[0], spelling
