"""False alarms the checker raised on correct prose of texts it had not seen (a third trial by new users:
a news item, an encyclopedia article, a law, a Russian news page): each is a small project here."""
from __future__ import annotations

import pytest

from kitap.check import spelling
from test_check_fixtures import found, make_project

needs_dictionary = pytest.mark.skipif(spelling.unavailable() is not None, reason="hunspell-kk not installed")


def russian(root):
    book = (root / "book.yaml").read_text(encoding="utf-8")
    (root / "book.yaml").write_text(book.replace("language: kk", "language: ru") if "language:" in book
                                    else book + "language: ru\n", encoding="utf-8")
    return root


def test_a_glossary_term_used_in_a_note_only_is_used(tmp_path):
    root = make_project(tmp_path, "Жиналыс өтті. Бәрі келді.\n",
                        glossary='- term: "ҚҰЭ"\n  expansion: "Қазақ ұлттық энциклопедиясы"\n',
                        annotations='- anchor: "Жиналыс өтті"\n  note: "ҚҰЭ деректері бойынша."\n')
    assert found(root, "abbr-unused") == []


@pytest.mark.parametrize("text", ["ТАШКЕНТ. KAZINFORM – Өзбекстан мен Қазақстан арасындағы сауда өсті.",
                                  "АСТАНА, 5 мамыр – Мемлекет басшысы жиын өткізді.",
                                  "**АБЫЛАЙ**, Әбілмансұр – ұлы мемлекет қайраткері."])
def test_a_datelines_city_or_a_headword_in_capitals_is_no_abbreviation(tmp_path, text):
    root = make_project(tmp_path, text + "\n", article_name="article.md" if "**" in text else "article.txt")
    assert found(root, "abbr-missing") == []


def test_an_abbreviation_opening_a_paragraph_is_still_asked_for(tmp_path):
    root = make_project(tmp_path, "ЕҚЫҰ жиналысы өтті. Бәрі келді.\n")
    assert [f.message.split("»")[0] for f in found(root, "abbr-missing")] == ["abbreviation «ЕҚЫҰ"]


def test_two_words_in_capitals_one_of_them_long_are_a_heading_not_abbreviations(tmp_path):
    root = russian(make_project(tmp_path, "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ\nНастоящий Закон определяет основы.\n"))
    assert found(root, "abbr-missing") == []


def test_a_laws_inserted_point_opens_no_bracket(tmp_path):
    root = russian(make_project(tmp_path, "1-1) организации – юридические лица;\n2.3) органы – государственные.\n"))
    assert found(root, "unbalanced-brackets") == []


def test_a_sites_address_ends_no_sentence(tmp_path):
    root = make_project(tmp_path, "Сауда өсті, деп хабарлайды BAQ.KZ. Ақпарат Tengrinews.kz сайтында.\n")
    assert found(root, "space-after-punct") == []


@needs_dictionary
def test_correct_kazakh_of_new_texts_is_known(tmp_path):
    root = make_project(tmp_path, "Хат пошта арқылы келді. Жалпыұлттық жиналыс өтті. Білім қолжетімді болды. "
                                  "Бала еңіретіп жылады. Этникалық топтар көп. Көптомдықты шығарды. "
                                  "Елордамыздан келді. ҚазАқпарат тілшісі хабарлады.\n")
    assert [f.message.split("»")[0] for f in found(root, "spelling")] == []


@needs_dictionary
def test_compounds_do_not_let_slips_through(tmp_path):
    root = make_project(tmp_path, "Жалпыұлтық жиналыс өтті. Қолжетімдді болды.\n")
    assert len(found(root, "spelling")) == 2


def test_the_russian_of_kazakhstan_declines_курултай(tmp_path):
    root = russian(make_project(tmp_path, "На Национальном курултае поручили. Делегаты курултая выступили.\n"))
    assert [f for f in found(root, "spelling") if "курулта" in f.message] == []


def test_a_text_with_no_chronology_gets_one_word_of_its_dates(tmp_path):
    """Every year of a news item was a warning, for a teacher who will never write a chronology."""
    root = make_project(tmp_path, "Ол 1961-72 жылдары жұмыс істеді. 1992 жылы БҰҰ-ға кірді. 1995 жылы келді.\n"
                                  "2001 жылы кетті.\n")
    (finding,) = found(root, "date-not-in-chronology")
    assert finding.message.startswith("the text names 5 dates («1961», «72 жылдары», «1992 жылы» and 2 more) and "
                                      "chronology.yaml has no event"), finding.message


def test_a_range_of_years_in_one_phrase_is_named_once_among_the_dates(tmp_path):
    """A methods office's Russian text: «в 1465–1466 гг.» was «2 dates («1465–1466 гг.», «1465–1466 гг.»)»."""
    root = russian(make_project(tmp_path, "Ханство образовалось в 1465–1466 гг. в Семиречье, как пишут историки.\n"))
    (finding,) = found(root, "date-not-in-chronology")
    assert finding.message.startswith("the text names 1 date («1465–1466 гг.») and"), finding.message


def test_a_note_that_is_a_reference_ends_without_a_full_stop(tmp_path):
    root = make_project(tmp_path, "Абылай ұлы мемлекет қайраткері болған адам еді.\n", annotations=(
        '- anchor: "мемлекет қайраткері"\n  note: "«Қазақстан»: Ұлттық энциклопедия. Алматы, 1998. ISBN 5-89800-123-9"\n'
        '- anchor: "болған адам"\n  note: "Қараңыз: Қазақ тарихы, Алматы, 2001, б. 45"\n'))
    assert found(root, "paragraph-end") == []


def test_a_quotation_running_on_into_the_next_paragraph_is_balanced(tmp_path):
    """Әуезов: the narrator's line opens the quotation, the reply under it closes it (a new user's trial)."""
    root = make_project(tmp_path, "Ол маған былай деді: «Бұл әңгімені мен ертеде естідім.\n"
                                  "Сен де оны ұмытпа», — деп күлді.\nКелесі абзац «басқа» сөз.\n")
    assert found(root, "unbalanced-quotes") == []
    lone = make_project(tmp_path / "lone", "Ол маған былай деді: «Бұл әңгімені мен ертеде естідім.\nКелесі абзац.\n")
    assert len(found(lone, "unbalanced-quotes")) == 1


@pytest.mark.parametrize("text", ["НАТО, ЕО және БҰҰ өкілдері жиналды.", "ЮНЕСКО – халықаралық ұйым болып табылады."])
def test_an_abbreviation_that_reads_as_a_word_opening_a_paragraph_is_still_asked_for(tmp_path, text):
    root = make_project(tmp_path, text + "\n")
    assert any(f.message.startswith(f"abbreviation «{text.split()[0].strip(',')}»") for f in found(root, "abbr-missing"))


def test_a_quotation_running_on_into_a_reply_that_begins_with_its_dash_is_balanced(tmp_path):
    """Әуезов's memoir opens «Құрмаштың әжесі боздап келіп: | – Қураған-ай, … – деп, … тепті».»"""
    root = make_project(tmp_path, "«Құрмаштың әжесі боздап келіп:\n– Қураған-ай, неңді алып ем?! – деп, Көксеректі "
                                  "басқа тепті».\nМұхтар Әуезовтің әңгімесі осылай аяқталады.\n")
    assert found(root, "unbalanced-quotes") == []


def test_a_no_break_space_beside_a_space_is_a_double_space(tmp_path):
    root = make_project(tmp_path, "Сегодня в Казахстане —\u00a0 порядка семи миллионов детей живёт.\n")
    (finding,) = found(root, "double-space")
    assert finding.col == 23


def test_a_plural_of_a_noun_in_ость_the_dictionary_lacks_is_known(tmp_path):
    """Chekhov's «жизнь так полна внезапностей!»: the dictionary lists внезапность, not its plural."""
    from kitap.check.dictionary import russian_unavailable

    if russian_unavailable():
        pytest.skip("hunspell-ru not installed")
    root = russian(make_project(tmp_path, "Жизнь так полна внезапностей! Но вдруг он чихнул, и всё.\n"
                                          "Внезапностям нет конца, а внезапностн есть.\n"))
    flagged = [f.message.split("»")[0].lstrip("«") for f in found(root, "spelling")]
    assert flagged == ["внезапностн"], flagged
