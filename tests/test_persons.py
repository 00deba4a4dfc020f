"""The index of persons (persons.yaml), and the appendix registry it was added through."""
from __future__ import annotations

import shutil
import textwrap

import pytest

from conftest import FIXTURES, NS, ROOT, epub_files, norm, read_pdf, run_cli, xhtml


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("persons-out")
    result = run_cli("--source", str(ROOT / "source"), "--output", str(out), "--only", "pdf,epub,html")
    assert result.returncode == 0, result.stderr
    return out


def test_the_index_lists_the_people_by_surname(built):
    persons = xhtml(epub_files(built / "kazakhstan-un.epub")["EPUB/persons.xhtml"])
    section = persons.xpath("//x:section[@id='persons']", namespaces=NS)[0]
    assert section.get("{http://www.idpf.org/2007/ops}type") == "index" and section.get("role") == "doc-index"
    names = [norm("".join(dt.itertext())) for dt in persons.xpath("//x:dt", namespaces=NS)]
    assert names == ["Ақмарал Хайдарқызы Арыстанбекова", "Бутрос Бутрос-Гали (1922–2016)",
                     "Нұрсұлтан Әбішұлы Назарбаев (1940 ж. туған)"]
    assert persons.xpath("string(//x:h2)", namespaces=NS) == "Есімдер көрсеткіші"


def test_linked_both_ways(built):
    files = epub_files(built / "kazakhstan-un.epub")
    article, persons = xhtml(files["EPUB/article.xhtml"]), xhtml(files["EPUB/persons.xhtml"])
    links = article.xpath("//x:a[@class='person-link']", namespaces=NS)
    assert {a.get("href") for a in links} == {"persons.xhtml#person-1", "persons.xhtml#person-2", "persons.xhtml#person-3"}
    assert norm("".join(links[0].itertext()).replace("\u00ad", "")) == "Н.Назарбаев"
    for ref in persons.xpath("//x:a[@class='ref']/@href", namespaces=NS):
        document, ident = ref.split("#")
        assert document == "article.xhtml" and article.xpath(f"//*[@id='{ident}']", namespaces=NS)
    # «БҰҰ Бас Хатшысы» holds a use of БҰҰ: the person's link holds it; a link never holds another link
    assert article.xpath("//x:a[@class='person-link']//x:span[@class='abbr-use']", namespaces=NS)
    assert not article.xpath("//x:a//x:a", namespaces=NS)


def test_print_gives_the_page_of_each_mention(built):
    pages = read_pdf(built / "kazakhstan-un.pdf")
    text = norm(" ".join(page.body for page in pages))
    index = text[text.index("Есімдер көрсеткіші"):text.index("Басылым туралы")]
    for name in ("Арыстанбекова", "Бутрос-Гали", "Назарбаев"):
        assert name in index
    assert index.count("Мәтінде, б.") == 3


def test_the_latin_edition_converts_the_index(tmp_path):
    result = run_cli("--source", str(ROOT / "source"), "--output", str(tmp_path), "--script", "latn", "--only", "epub")
    assert result.returncode == 0, result.stderr
    persons = xhtml(epub_files(tmp_path / "kazakhstan-un-latn.epub")["EPUB/persons.xhtml"])
    assert persons.xpath("string(//x:h2)", namespaces=NS) == "Esımder körsetkışı"
    assert "Nūrsūltan Äbışūly Nazarbaev" in norm(persons.xpath("string(//x:dl)", namespaces=NS))


def test_a_mention_not_in_the_text_is_an_error_at_its_line(project, tmp_path):
    (project / "persons.yaml").write_text('- name: "Абай Құнанбайұлы"\n  role: "ақын"\n  mentions: ["Абай…"]\n',
                                          encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(tmp_path / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{project / 'persons.yaml'}:3: mention «Абай…» (Абай Құнанбайұлы) is not "
                                    "in the article"), result.stderr


def test_persons_yaml_is_part_of_the_fingerprint(project, tmp_path):
    (project / "persons.yaml").write_text('- name: "Тест Адам"\n  role: "мысал"\n  mentions: ["Лиссабон…"]\n',
                                          encoding="utf-8")
    assert run_cli("--source", str(project), "--output", str(tmp_path), "--only", "epub").returncode == 0
    (project / "persons.yaml").write_text('- name: "Тест Адам"\n  role: "басқа"\n  mentions: ["Лиссабон…"]\n',
                                          encoding="utf-8")
    again = run_cli("--source", str(project), "--output", str(tmp_path), "--only", "epub")
    assert "up to date" not in again.stdout
    persons = xhtml(epub_files(tmp_path / "mini.epub")["EPUB/persons.xhtml"])
    assert "басқа" in persons.xpath("string(//x:dd)", namespaces=NS)


TEST_APPENDIX = '''
from kitap.appendices import Appendix

def load(node, path, errors):
    from kitap.model import Origin
    class Entry:
        def __init__(self, text, line):
            self.text, self.origin, self.id = text, Origin(path, line), ""
    return [Entry(str(item), n) for n, item in enumerate(node or [], start=1)]

APPENDIX = Appendix("sayings", "sayings.yaml", "sayings", load, "sayings/part.html.j2")
'''
TEST_PART = '''{% set sayings = book.appendices.get("sayings", []) %}
{% if sayings %}<section class="sayings appendix" id="sayings"><h2>{{ r.heading("sayings") }}</h2>
<ul>{% for s in sayings %}<li id="{{ s.id }}">{{ T(s.text) }}</li>{% endfor %}</ul></section>{% endif %}
'''


def test_a_new_appendix_is_one_package_and_one_registry_line(tmp_path, project, monkeypatch):
    """An appendix kitap does not ship: a package with its APPENDIX and template part, one line in MODULES,
    and its heading in the language pack's labels."""
    from kitap import appendices
    from kitap.languages import pack_for
    from kitap.pipeline import build

    package = tmp_path / "packs" / "sayings"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(TEST_APPENDIX), encoding="utf-8")
    (package / "part.html.j2").write_text(TEST_PART, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "packs"))
    monkeypatch.setattr(appendices, "MODULES", (*appendices.MODULES, "sayings"))  # the one registry line
    monkeypatch.setitem(pack_for("kk").labels, "sayings", "Нақыл сөздер")
    appendices.appendices.cache_clear()
    from kitap.render import document
    document.environment.cache_clear()
    try:
        (project / "sayings.yaml").write_text('- "Білім — таусылмас кен."\n', encoding="utf-8")
        build(project, tmp_path / "out", ("epub",), jobs=1)
    finally:
        appendices.appendices.cache_clear()
        document.environment.cache_clear()
    files = epub_files(tmp_path / "out" / "mini.epub")
    sayings = xhtml(files["EPUB/sayings.xhtml"])
    assert sayings.xpath("string(//x:h2)", namespaces=NS) == "Нақыл сөздер"
    assert norm(sayings.xpath("string(//x:li[@id='sayings-1'])", namespaces=NS).replace("\u00ad", "")) == "Білім — таусылмас кен."
    nav = xhtml(files["EPUB/nav.xhtml"])
    assert "sayings.xhtml" in nav.xpath("//x:nav[@epub:type='toc']//x:a/@href", namespaces=NS)


def test_the_longest_mention_at_a_place_is_the_link(tmp_path):
    """A new user's persons.yaml listed «Шоқан Уәлихановтың» and «Шоқан»: the link held «Шоқан» only."""
    from conftest import text_project

    project = text_project(tmp_path / "p", "Шоқан Уәлихановтың еңбектері жарық көрді. Шоқан ұлы ғалым еді.\n")
    (project / "persons.yaml").write_text('- name: "Шоқан Уәлиханов"\n  role: "ғалым"\n'
                                          '  mentions: ["Шоқан", "Шоқан Уәлихановтың"]\n', encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("--source", str(project), "--output", str(out), "--only", "epub")
    assert result.returncode == 0, result.stderr
    article = xhtml(next(v for k, v in epub_files(next(out.glob("*.epub"))).items() if k.endswith("article.xhtml")))
    links = article.xpath("//x:a[@class='person-link']", namespaces=NS)
    assert [norm("".join(a.itertext()).replace("\u00ad", "")) for a in links] == ["Шоқан Уәлихановтың"]
