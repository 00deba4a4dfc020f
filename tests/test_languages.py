"""Language packs: the registry, Kazakh in the 2021 Latin alphabet, Russian, and words in another
language inside a text."""
from __future__ import annotations

import re
import shutil
import sys
import textwrap

import pytest

from conftest import NS, ROOT, SEED, epub_files, run_cli, xhtml
from kitap.languages import REGISTRY, UnknownLanguage, pack_for
from kitap.languages.kk.hyphenate import hyphenate_text as kazakh_hyphenation
from kitap.languages.kk_latn.transliterate import latin_lower, to_cyrillic, to_latin
from kitap.model import PartialDate
from kitap.typography import NB_HYPHEN, typeset

SHY, NBSP = "\u00ad", "\u00a0"
SEED_WORDS = sorted(set(re.findall(r"[^\W\d_]+", SEED.read_text(encoding="utf-8"))))


@pytest.mark.parametrize("tag, pack", [("kk", "kk"), ("kk-KZ", "kk"), ("kk-Cyrl", "kk"), ("KK-latn", "kk-Latn"),
                                       ("kk-Latn-KZ", "kk-Latn"), ("ru", "ru"), ("ru-RU", "ru")])
def test_registry_serves_a_tag_by_its_language_and_script(tag, pack):
    assert pack_for(tag).tag == pack


def test_a_language_without_a_pack_is_named():
    with pytest.raises(UnknownLanguage, match="kitap has no language pack for 'tt' \\(it has: kk, kk-Latn, ru\\)"):
        pack_for("tt")


# ---- Kazakh in Latin letters --------------------------------------------------------------------------

@pytest.mark.parametrize("cyrillic, latin", [
    ("Қазақстан Республикасы", "Qazaqstan Respublikasy"),
    # the sample sentence the 2021 alphabet's presentations transliterate
    ("Бұрыңғы өткен заманда, бір данышпан кісі, Бағдат шаһарының бір үлкен қазысының үйіне келіп қоныпты.",
     "Būryñğy ötken zamanda, bır danyşpan kısı, Bağdat şaharynyñ bır ülken qazysynyñ üiıne kelıp qonypty."),
    ("БҰҰ-ға, ЕЫҚҰ, МАГАТЕ", "BŪŪ-ğa, EYQŪ, MAGATE"),
    ("Іле, Ибраһим, Йемен", "Ile, İbrahim, İemen"),
    ("Чехов, ЧЕХОВ, цирк, щука, съезд, Юнеско, Япония, ёлка, экран", "Chehov, CHEHOV, tsirk, şşuka, sezd, İunesko, İaponiia, iolka, ekran"),
])
def test_transliteration_by_the_2021_table(cyrillic, latin):
    assert to_latin(cyrillic) == latin


def test_transliteration_keeps_every_character_that_is_not_a_kazakh_letter():
    text = f"1992 жылы 2{NBSP}наурызда — «БҰҰ» (UN) мем{SHY}ле{SHY}кет №5 ХХ ғасыр"
    latin = to_latin(text)
    assert latin == f"1992 jyly 2{NBSP}nauryzda — «BŪŪ» (UN) mem{SHY}le{SHY}ket №5 HH ğasyr"


def test_latin_alphabet_has_kazakh_case_rules():
    assert latin_lower("IRAN İRAN Ile") == "ıran iran ıle"
    assert pack_for("kk-Latn").upper("ıi") == "Iİ"


def test_latin_back_to_cyrillic_round_trips_the_seed():
    """Every word of the seed goes to Latin and back; what cannot come back is only what the Latin
    alphabet does not write (ь, ъ, э as e, һ as h)."""
    lost = [w for w in SEED_WORDS if to_cyrillic(to_latin(w)).text != w and not set(w.lower()) & set("ьъэһ")]
    assert len(lost) <= len(SEED_WORDS) // 100, lost


def test_english_names_stay_in_latin_letters_in_the_cyrillic_edition():
    """A new user's trial: a Latin text's Cyrillic edition printed «Гоогле», «ЫоуТубе», «ОпенАІ», «иПхоне»
    beside «Microsoft» (kept for its c). Kazakh Cyrillic texts write such names in Latin letters; a
    Kazakh word in mixed case (QazAqparat) and Russian loanwords with oo, ee are converted still."""
    text = "Google, YouTube, OpenAI, iPhone, Thailand, Microsoft; QazAqparat, zoopark, reestr, Erlan Sağadiev"
    assert to_cyrillic(text).text == ("Google, YouTube, OpenAI, iPhone, Thailand, Microsoft; ҚазАқпарат, зоопарк, "
                                      "реестр, Ерлан Сағадиев")


def test_latin_collation_follows_the_latin_alphabet():
    pack = pack_for("kk-Latn")
    terms = ["Ūiym", "Ülken", "Şahar", "Sana", "ıdys", "İnstitut", "Halyq", "Ğylym", "Garyş", "Äke", "Aqyn"]
    assert sorted(terms, key=pack.sort_key) == ["Aqyn", "Äke", "Garyş", "Ğylym", "Halyq", "ıdys", "İnstitut",
                                                "Sana", "Şahar", "Ūiym", "Ülken"]


def test_latin_hyphenation_breaks_where_the_cyrillic_word_breaks():
    """The same syllable rules: hyphenating the Latin word gives the Cyrillic word's breaks, in Latin letters."""
    pack = pack_for("kk-Latn")
    different = [w for w in SEED_WORDS if pack.hyphenate(to_latin(w)) != to_latin(kazakh_hyphenation(w))]
    assert len(different) <= len(SEED_WORDS) // 100, different
    assert pack.hyphenate("Qazaqstan Chehov") == f"Qa{SHY}zaqs{SHY}tan Che{SHY}hov"


def test_latin_dates_and_labels():
    pack = pack_for("kk-Latn")
    assert pack.format_date(PartialDate(1992, 3, 2)) == "1992 jylğy 2 nauryz"
    assert pack.labels["glossary"] == "Qysqartular sözdıgı"
    assert pack.labels["chronology"] == "Oqiğalar hronologiiasy"


# ---- Russian --------------------------------------------------------------------------------------------

def test_russian_dates():
    pack = pack_for("ru")
    assert pack.format_date(PartialDate(1992, 3, 2)) == f"2{NBSP}марта 1992{NBSP}г."
    assert pack.format_date(PartialDate(1995, 4)) == f"апрель 1995{NBSP}г."
    assert pack.format_date(PartialDate(1789)) == f"1789{NBSP}г."


def test_russian_order_puts_yo_after_ye():
    assert sorted(["ёж", "еда", "ель", "жук", "Ёлка"], key=pack_for("ru").sort_key) == ["еда", "ель", "ёж", "Ёлка", "жук"]


def test_russian_typography():
    rules = pack_for("ru").typography
    assert typeset('Он сказал: "г. Алматы - столица" (т. 2, с. 15, и т. д.)', rules) == (
        f"Он сказал: «г.{NBSP}Алматы{NBSP}— столица» (т.{NBSP}2, с.{NBSP}15, и{NBSP}т.{NBSP}д.)")
    assert typeset('"Слово "в кавычках" внутри"', rules) == f"«Слово „в{NBSP}кавычках“ внутри»"
    assert typeset("А. С. Пушкин родился в 1799 году", rules) == f"А.{NBSP}С.{NBSP}Пушкин родился в{NBSP}1799{NBSP}году"
    # a particle after a hyphen belongs to its word: «чихнул-с» never leaves «с» to start a line
    assert typeset("Я чихнул-с, что-то, всё-таки; тепло- и водоснабжение", rules) == (
        f"Я{NBSP}чихнул{NB_HYPHEN}с, что{NB_HYPHEN}то, всё{NB_HYPHEN}таки; тепло- и{NBSP}водоснабжение")
    # a one-letter word stays with the next one: no line ends in «в», «и», «а», «я» (nor a title: «в | Астане»)
    assert typeset("Он сидел в первом ряду и смотрел, а я ушёл. С тех пор", rules) == (
        f"Он сидел в{NBSP}первом ряду и{NBSP}смотрел, а{NBSP}я{NBSP}ушёл. С{NBSP}тех пор")


def test_russian_hyphenation_uses_pyphen_patterns_and_leaves_abbreviations():
    hyphenate = pack_for("ru").hyphenate
    assert hyphenate("государственный") == f"го{SHY}су{SHY}дар{SHY}ствен{SHY}ный"
    assert hyphenate("МАГАТЕ СССР и ООН") == "МАГАТЕ СССР и ООН"


# ---- words in another language inside a text ------------------------------------------------------------

def test_a_russian_quotation_in_a_kazakh_text_is_tagged_and_hyphenated_as_russian(project, tmp_path):
    article = project / "article.txt"
    article.write_text(article.read_text(encoding="utf-8")
                       + "Абай айтқан: [«Что такое государственный интерес?»]{lang=ru} деп.\n", encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(tmp_path / "out"), "--only", "epub,html")
    assert result.returncode == 0, result.stderr
    doc = xhtml(epub_files(tmp_path / "out" / "mini.epub")["EPUB/article.xhtml"])
    span = doc.xpath("//x:p[@id='p-4']/x:span[@lang='ru']", namespaces=NS)[0]
    assert span.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    assert span.text == "«Что такое государственный интерес?»"  # the e-book has no soft hyphens (README, E-readers)
    # print hyphenates it by the Russian pack's rules
    from kitap.load.project import load_project
    from kitap.render import PDF, render_document
    from kitap.transforms import apply_transforms

    printed = render_document(apply_transforms(load_project(project)), PDF)
    assert f'<span lang="ru">«Что та{SHY}кое го{SHY}су{SHY}дар{SHY}ствен{SHY}ный ин{SHY}те{SHY}рес?»</span>' in printed
    page = (tmp_path / "out" / "html" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="ru">«Что такое государственный интерес?»</span>' in page
    assert "{lang=ru}" not in page


def test_a_span_with_a_bad_language_tag_is_an_error_at_its_line(project, tmp_path):
    (project / "article.txt").unlink()
    for name in ("annotations.yaml", "chronology.yaml", "glossary.yaml"):
        (project / name).write_text("", encoding="utf-8")
    (project / "article.md").write_text("Бірінші абзац.\n\nАбай [сөзі]{lang=орыс} деді.\n", encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(tmp_path / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{project / 'article.md'}:3: [" in result.stderr and "'орыс' is not a language tag" in result.stderr


# ---- adding a language ----------------------------------------------------------------------------------

TEST_PACK = '''
from kitap.languages import LanguagePack
from kitap.languages.kk import PACK as KAZAKH
from kitap.typography import PLAIN

def format_date(date):
    return f"day {date.day} of month {date.month}, {date.year}" if date.day else str(date.year)

PACK = LanguagePack(tag="tt", name="test language", script="Latn", alphabet="abcdefghijklmnopqrstuvwxyz",
                    labels={**KAZAKH.labels, "glossary": "Words of the test", "chronology": "Test dates"},
                    format_date=format_date, hyphenate=None, typography=PLAIN)
'''


def test_a_new_language_is_one_package_and_one_registry_line(tmp_path, project, monkeypatch):
    """A language kitap does not ship: a package with its PACK, and one line in REGISTRY."""
    from kitap.pipeline import build

    package = tmp_path / "packs" / "testlanguage"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(TEST_PACK), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "packs"))
    monkeypatch.setitem(REGISTRY, "tt", "testlanguage")  # the one registry line
    book = project / "book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("language: kk", "language: tt"), encoding="utf-8")
    build(project, tmp_path / "out", ("epub",), jobs=1)
    files = epub_files(tmp_path / "out" / "mini.epub")
    glossary = xhtml(files["EPUB/glossary.xhtml"])
    assert glossary.xpath("string(//x:h2)", namespaces=NS) == "Words of the test"
    assert [t.strip() for t in glossary.xpath("//x:dt//x:abbr/text()", namespaces=NS)] == ["БҰҰ", "ҚР"]  # code-point order
    chronology = xhtml(files["EPUB/chronology.xhtml"])
    assert "day 2 of month 3, 1992" in chronology.xpath("string(//x:ol)", namespaces=NS)
    assert xhtml(files["EPUB/content.opf"]).xpath("//dc:language/text()", namespaces=NS) == ["tt"]
    assert SHY not in xhtml(files["EPUB/article.xhtml"]).xpath("string(//x:section)", namespaces=NS)
