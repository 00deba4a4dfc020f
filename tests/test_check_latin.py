"""Spelling and keyboard slips of Kazakh in the Latin alphabet (kitap/languages/kk_latn/spelling.py): each
word read back in Cyrillic and asked of the Kazakh lexicon (Debian's hunspell-kk and the suffix grammar)."""
from __future__ import annotations

import pytest

import corpus_measure as measure
from kitap.check import spelling
from kitap.languages.kk_latn.spelling import readings
from test_check_cli import run_check
from test_check_corpus import MAX_DEVELOPMENT, MAX_HELD_OUT, MIN_RECALL
from test_check_fixtures import found, make_project

needs_dictionary = pytest.mark.skipif(spelling.unavailable() is not None, reason="hunspell-kk not installed")


def latin_project(tmp_path, article: str, **files):
    root = make_project(tmp_path, article, **files)
    book = root / "book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("language: kk", "language: kk-Latn"), encoding="utf-8")
    return root


@pytest.mark.parametrize("latin, cyrillic", [
    ("şahar", "шаһар"), ("syilyq", "сыйлық"), ("tarih", "тарих"),
    ("revoliutsiia", "революция"), ("territoriialar", "территориялар"), ("film", "фильм"), ("relef", "рельеф"),
    ("subekt", "субъект"), ("ekonomika", "экономика"), ("Iran", "Иран"), ("İran", "Иран"), ("Qazaqstan", "Қазақстан"),
])
def test_a_latin_word_is_read_every_way_its_letters_allow(latin, cyrillic):
    assert cyrillic in readings(latin)


def test_a_word_with_letters_outside_the_alphabet_has_no_reading():
    assert readings("Washington") == [] and readings("Excel") == []


@needs_dictionary
def test_a_misspelled_word_is_flagged_once_with_latin_suggestions(tmp_path):
    root = latin_project(tmp_path, "Bız kıtaphana aldynda tūrdyq.\nKıtaphna jabyq boldy, kıtaphna aşylmady.\n"
                                   "Ol kıtaphna turaly aitty.\n")
    (finding,) = found(root, "spelling")
    assert (finding.line, finding.col) == (2, 1)
    assert finding.message.startswith("«Kıtaphna» (3 times: lines 2, 3) is not a known Kazakh word; "
                                      "did you mean «Kıtaphana»"), finding.message
    assert found(root, "keyboard-slip") == []


@needs_dictionary
def test_known_words_loanwords_names_abbreviations_and_terms_pass(tmp_path):
    article = ("Qazaqstan BŪŪ-nyñ 168-şı müşesı boldy. Būl ekonomikalyq jäne äleumettık revoliutsiia emes.\n"
               "Delegatsiiany Arystanbekova basqardy, Arystanbekovanyñ sözı tyñdaldy.\n"
               "Filmder men radio, Washington men UNESCO, XVIII ğasyr, ia bolmasa EQYK qory.\n")
    glossary = '- term: "EQYK"\n  expansion: "Europadağy qauıpsızdık keñesı"\n'
    root = latin_project(tmp_path, article, glossary=glossary)
    assert found(root, "spelling") == [] and found(root, "keyboard-slip") == []


@needs_dictionary
def test_words_typed_without_their_marks_are_named_and_fixed(tmp_path, monkeypatch):
    article = "Qazaqstan täuelsız el boldy.\nBızdıñ Kazakstan tauelsiz, oner men ğylymdy damytady.\n"
    root = latin_project(tmp_path, article)
    slips = {f.message.split("»")[0].lstrip("«"): f for f in found(root, "keyboard-slip")}
    assert set(slips) == {"Kazakstan", "tauelsiz", "oner"}, slips
    assert slips["oner"].message == "«oner» looks typed without the marks of the Kazakh letters: meant «öner» " \
                                    "(`check --fix` corrects it)"
    assert found(root, "spelling") == []
    run_check("--source", str(root), "--fix", monkeypatch=monkeypatch)
    assert (root / "article.txt").read_text(encoding="utf-8").split("\n")[1] == \
        "Bızdıñ Qazaqstan täuelsız, öner men ğylymdy damytady."
    assert 'corrected: "öner"' in (root / "editorial.yaml").read_text(encoding="utf-8")


@needs_dictionary
def test_the_project_word_list_teaches_it(tmp_path):
    root = latin_project(tmp_path, "Bız oqtūmsyqtardy jäne jylqyşybyn zerttedık.\n")
    assert {f.subject for f in found(root, "spelling")} == {"jylqyşybyn"}
    (root / "words.txt").write_text("jylqyşybyn\n", encoding="utf-8")
    assert found(root, "spelling") == []


@needs_dictionary
def test_false_alarms_on_the_corpus_in_latin_letters(tmp_path):
    """The Kazakh corpus in the 2021 alphabet: no more false alarms than the Cyrillic check's targets."""
    texts = measure.kazakh_texts()
    held_out = measure.false_alarms(tmp_path / "held", [p for p in texts if p.name not in measure.DEVELOPMENT],
                                    latin=True)
    development = measure.false_alarms(tmp_path / "dev", [p for p in texts if p.name in measure.DEVELOPMENT],
                                       latin=True)
    assert held_out.words + development.words > 3000
    assert held_out.rate <= MAX_HELD_OUT, held_out.flagged
    assert development.rate <= MAX_DEVELOPMENT, development.flagged
    assert {"kūqyqtary"} <= set(held_out.found_slips), "the UDHR's own slips are found in Latin too"


@needs_dictionary
def test_typos_found_in_latin_letters(tmp_path):
    """The corpus's typo set in Latin letters, a Russian-layout slip becoming a word without its marks."""
    typos = measure.typos_found(tmp_path, latin=True)
    assert len(typos.placed) >= 150
    assert typos.recall >= MIN_RECALL, [tuple(slip[:2]) for slip in typos.missed]


@needs_dictionary
def test_dates_sentence_ends_and_abbreviations_are_read_in_latin_letters(tmp_path):
    article = ("Qazaqstan 1992 jyldyñ 2 nauryzynda BŪŪ-ğa müşe bolyp qabyldandy, XXI ğasyrda da solai. "
               "Būl kün tarihta qaldy\n")
    chronology = '- date: "1992-03-03"\n  event: "Qazaqstan BŪŪ-ğa müşe boldy."\n'
    root = latin_project(tmp_path, article, chronology=chronology)
    (date,) = found(root, "date-not-in-chronology")
    assert (date.line, date.col) == (1, 11)
    assert date.message.startswith("date «1992 jyldyñ 2 nauryzynda» (1992-03-02) is not in chronology.yaml")
    (missing,) = found(root, "abbr-missing")
    assert "«BŪŪ»" in missing.message, "an abbreviation in Latin capitals; the Roman numeral XXI is none"
    (end,) = found(root, "paragraph-end")
    assert "«…qaldy»" in end.message, "a finite verb (qaldy: қалды) ends a sentence"


def test_a_text_in_kazakh_latin_letters_imports_as_kk_latn(tmp_path):
    from kitap.importer import import_file

    source = tmp_path / "mätın.txt"
    source.write_text("Qazaqstan tarihy\n\nQazaqstan Respublikasy 1991 jyly öz täuelsızdıgın jariialady. Būl kün "
                      "memlekettıñ eñ ūly merekesı bolyp sanalady, BŪŪ (Bırıkken Ūlttar Ūiymy) ony qoldady.\n\n"
                      "Mektepte osy künge arnalğan sabaqtar ötedı.\n\n"
                      "Aigül Sämenova, Almaty qalasyndağy № 12 mekteptıñ mūğalımı\n", encoding="utf-8")
    result = import_file(source, tmp_path / "project")
    assert result.language == "kk-Latn" and result.folder.name == "project"
    assert "name: matin" in (tmp_path / "project" / "book.yaml").read_text(encoding="utf-8")
    book = (tmp_path / "project" / "book.yaml").read_text(encoding="utf-8")
    assert 'author: "Aigül Sämenova"' in book and 'credentials: "Almaty qalasyndağy № 12 mekteptıñ mūğalımı"' in book
    assert [(t.term, t.expansion) for t in result.terms] == [("BŪŪ", "Bırıkken Ūlttar Ūiymy")]


def test_a_latin_text_without_an_author_gets_the_placeholder_in_latin_letters(tmp_path):
    from kitap.check import check_project

    source = tmp_path / "sabaq.txt"
    source.write_text("Qazaqstan tarihy\nBügın bız mektepte tarih sabağyn ötkızdık, ol öte qyzyq boldy.\n"
                      "Oquşylar köp sūraq qoidy.\n", encoding="utf-8")
    from kitap.importer import import_file

    import_file(source, tmp_path / "p")
    assert 'author: "Avtor"' in (tmp_path / "p" / "book.yaml").read_text(encoding="utf-8")
    (missing,) = [f for f in check_project(tmp_path / "p") if f.rule == "author-missing"]
    assert missing.message.startswith("the author is still «Avtor»")


@needs_dictionary
def test_the_slip_search_is_bounded_for_any_word():
    """A long word of letters that may have lost their marks has thousands of spellings: the search tries
    at most MAX_SLIP_TRIES for it, and what the check's budget has left."""
    from kitap.languages.kk_latn.spelling import MAX_SLIP_TRIES, Budget, _Latin, slips

    latin = _Latin(spelling.lexicon())
    budget = Budget(10 * MAX_SLIP_TRIES)
    assert slips(latin, "aonsguiaonsguiaons", budget=budget) == []
    assert budget.left == 9 * MAX_SLIP_TRIES
    small = Budget(5)
    slips(latin, "aonsguiaonsguiaons", budget=small)
    assert small.left == 0
    assert slips(latin, "tauelsiz", budget=Budget(100)) == ["täuelsız"]


def test_older_kazakh_latin_alphabets_are_told_and_written_in_the_letters_of_2021():
    from kitap.languages.kk_latn.alphabets import alphabet_of, to_2021

    assert alphabet_of("Qazaqstan Respýblıkasy Bilim jáne ǵylym mınıstrligi") == "2018"
    assert to_2021("Qazaqstan Respýblıkasy Bilim jáne ǵylym mınıstrligi", "2018") == \
        "Qazaqstan Respublikasy Bılım jäne ğylym ministrlıgı"
    assert alphabet_of("Jaŋa älıpbige köşu tarihyn qarastyrǧanda") == "caron"
    assert to_2021("Jaŋa älıpbige köşu tarihyn qarastyrǧanda", "caron") == "Jaña älıpbige köşu tarihyn qarastyrğanda"
    assert alphabet_of("Bügın mektepte jaña oqu jyly bastaldy, oquşylar köp.") == ""  # 2021 already
    assert alphabet_of("Бүгін мектепте жаңа оқу жылы басталды.") == ""


def test_a_cyrillic_look_alike_in_a_latin_word_is_reported_once_and_fixed(tmp_path):
    from kitap.check.fix import fix_project

    root = latin_project(tmp_path, "Bul «Iаnalif» älıpbiı turaly mätın.\n")  # (a Cyrillic а in «Iаnalif»)
    reported = [f for f in found(root, "mixed-script") + found(root, "script-edition") if f.path.name == "article.txt"]
    assert [f.rule for f in reported] == ["mixed-script"]  # (the fixture's title in book.yaml is Cyrillic)
    fix_project(root)
    assert (root / "article.txt").read_text(encoding="utf-8") == "Bul «Ianalif» älıpbiı turaly mätın.\n"


def test_the_language_of_a_latin_text_is_kazakh_only_with_kazakh_letters():
    from kitap.languages.kk.letters import language_of

    assert language_of("Qazaqstan Respublikasy öz täuelsızdıgın jariialady, būl kün memlekettıñ merekesı.") == "kk-Latn"
    assert language_of("Türkiye Cumhuriyeti'nin başkenti Ankara şehridir, ülkenin ikinci büyük şehridir.") == "kk"
    assert language_of("The school year begins in September, and the pupils read new books.") == "kk"
    assert language_of("Қазақстан Республикасы өз тәуелсіздігін жариялады.") == "kk"
