"""Rules on the text against its apparatus: abbreviations ↔ glossary, anchors, dates ↔ chronology."""
from __future__ import annotations

from conftest import FIXTURES
from kitap.check import check_project
from test_check_fixtures import found, make_project

GLOSSARY = """\
- term: "БҰҰ"
  expansion: "Біріккен Ұлттар Ұйымы"
- term: "ҚР"
  expansion: "Қазақстан Республикасы"
"""
ARTICLE = "Қазақстан 1992 жылдың 2 наурызында БҰҰ мүшелігіне қабылданды\nКейін ҚР БҰҰ-ның жұмысына араласты.\n"


def test_the_mini_project_is_clean():
    # like the seed, two of its lines lost their full stops: only that is found
    assert [(f.rule, f.line) for f in check_project(FIXTURES / "mini")] == [("paragraph-end", 1), ("paragraph-end", 3)]


# ---- abbreviations --------------------------------------------------------------------


def test_abbreviation_missing_from_the_glossary(tmp_path):
    root = make_project(tmp_path, ARTICLE + "Ол ЕЫҚҰ-ға және ЕЫҚҰ жұмысына қатысты\n", glossary=GLOSSARY)
    (finding,) = found(root, "abbr-missing")
    assert (finding.line, finding.col, finding.severity) == (3, 4, "warning")
    assert "«ЕЫҚҰ» (used 2 times) is not in glossary.yaml" in finding.message


def test_abbreviations_with_case_endings_are_uses(tmp_path):
    root = make_project(tmp_path, "БҰҰ-ның мүшесі ҚР-ға көмектесті\n", glossary=GLOSSARY)
    assert found(root, "abbr-missing") == [] and found(root, "abbr-unused") == []


def test_glossary_entry_never_used(tmp_path):
    glossary = GLOSSARY + '- term: "ЮНЕСКО"\n  expansion: "БҰҰ-ның Білім, ғылым және мәдениет ұйымы"\n'
    root = make_project(tmp_path, ARTICLE, glossary=glossary)
    (finding,) = found(root, "abbr-unused")
    assert finding.path.name == "glossary.yaml" and (finding.line, finding.col) == (5, 3)
    assert "«ЮНЕСКО» is never used" in finding.message


def test_byline_surname_and_initials_are_not_abbreviations(tmp_path):
    root = make_project(tmp_path, "ҚР Президенті Н.Назарбаев БҰҰ мінберінен сөйледі\nАйгүл ЖАҚСЫБЕКОВА,\nтарих ғылымының кандидаты\n",
                        glossary=GLOSSARY)
    assert found(root, "abbr-missing") == []


def test_a_surname_in_capitals_after_a_name_is_not_an_abbreviation(tmp_path):
    """The press sets a quoted expert's surname in capitals («Ерлан МАНАП», Kazakh surnames without -ов):
    a word in capitals that reads as a word, right after a name. Letters stay abbreviations there: «Қазақ
    КСР», «Ол ТМД», and a case ending after a hyphen («Қазақстан ЕЫҚҰ-ға») marks an abbreviation."""
    article = ("Бұл туралы тарихшы Ерлан МАНАП пен Серік ЖҰМАБЕК айтты\nОл ТМД туралы жазды\n"
               "Қазақ КСР құрылды\nҚазақстан ЕЫҚҰ-ға төраға болды\n")
    root = make_project(tmp_path, article, glossary=GLOSSARY)
    assert {f.message.split("»")[0] for f in found(root, "abbr-missing")} == {
        "abbreviation «ТМД", "abbreviation «КСР", "abbreviation «ЕЫҚҰ"}


def test_a_name_in_capitals_joined_by_hyphens_is_not_two_abbreviations(tmp_path):
    root = make_project(tmp_path, "НҰР-СҰЛТАН, 5 наурыз. Бұрын АЛМА-АТА болған. АҚШ-ЕО келісімі туралы.\n",
                        glossary=GLOSSARY)
    assert {f.message.split("»")[0] for f in found(root, "abbr-missing")} == {"abbreviation «АҚШ", "abbreviation «ЕО"}


def test_a_surname_in_capitals_is_not_drafted_as_an_abbreviation_in_any_language():
    from kitap.importer.glossary import draft
    from kitap.languages import pack_for

    texts = {"kk": "Тарихшы Ерлан МАНАП ТМД туралы айтты, Қазақстан НАТО-мен келісті.",
             "kk-Latn": "Tarihşy Erlan MANAP TMD turaly aitty, Qazaqstan NATO-men kelıstı.",
             "ru": "Историк Иван МАТВЕЕВ рассказал о СССР и ООН."}
    expected = {"kk": ["ТМД", "НАТО"], "kk-Latn": ["TMD", "NATO"], "ru": ["СССР", "ООН"]}
    for language, text in texts.items():
        checking = pack_for(language).checker
        terms = draft([text], [1], "", checking.capitals, checking.surname)
        assert [term.term for term in terms] == expected[language], language


def test_the_author_in_capitals_is_not_an_abbreviation(tmp_path):
    root = make_project(tmp_path, ARTICLE + "Тест АВТОРЫ, оқытушы\n", glossary=GLOSSARY)
    assert found(root, "abbr-missing") == []


def test_abbreviation_used_before_the_text_spells_it_out(tmp_path):
    article = ("ХВҚ Қазақстанға несие берді\n"
               "Халықаралық валюта қоры (ХВҚ) 1945 жылы құрылды\n"
               "Еуропадағы қауіпсіздік және ынтымақтастық ұйымы (ЕЫҚҰ) құрылды, кейін ЕЫҚҰ кеңейді\n")
    root = make_project(tmp_path, article, glossary=GLOSSARY)
    (finding,) = found(root, "abbr-before-expansion")
    assert (finding.line, finding.col) == (1, 1) and "«ХВҚ» is used here before it is spelled out (line 2)" in finding.message
    assert {f.message.split("»")[0] for f in found(root, "abbr-missing")} == {"abbreviation «ХВҚ", "abbreviation «ЕЫҚҰ"}


def test_in_the_glossary_means_expanded(tmp_path):
    root = make_project(tmp_path, "ҚР жұмысы. Қазақстан Республикасы (ҚР) 1991 жылы құрылды\n", glossary=GLOSSARY)
    assert found(root, "abbr-before-expansion") == []


# ---- anchors ------------------------------------------------------------------------


def test_annotation_anchor_missing(tmp_path):
    annotations = '- anchor: "Лиссабон шартына"\n  note: "Хаттама."\n- note: "Екінші."\n  anchor: "Вашингтон шартына"\n'
    root = make_project(tmp_path, ARTICLE + "Лиссабон шартына қол қойды\n", annotations=annotations)
    (finding,) = found(root, "anchor-missing")
    assert (finding.path.name, finding.line, finding.col, finding.severity) == ("annotations.yaml", 4, 3, "error")
    assert "annotation anchor «Вашингтон шартына» is not in the article" in finding.message


def test_annotation_anchor_ambiguous_and_its_occurrence(tmp_path):
    annotations = '- anchor: "БҰҰ"\n  note: "Ұйым."\n- anchor: "БҰҰ"\n  occurrence: 2\n  note: "Екінші рет."\n'
    root = make_project(tmp_path, ARTICLE, annotations=annotations)
    (finding,) = found(root, "anchor-ambiguous")
    assert (finding.line, finding.col) == (1, 3) and "occurs 2 times" in finding.message
    assert found(root, "anchor-missing") == []


def test_occurrence_that_does_not_exist(tmp_path):
    annotations = '- anchor: "БҰҰ"\n  occurrence: 3\n  note: "Үшінші."\n'
    root = make_project(tmp_path, ARTICLE, annotations=annotations)
    (finding,) = found(root, "anchor-missing")
    assert "'occurrence: 3' does not exist" in finding.message


def test_chronology_anchor_missing_and_ambiguous(tmp_path):
    chronology = ('- date: "1992-03-02"\n  event: "Қабылданды."\n  anchor: "1992 жылдың 3 наурызында"\n'
                  '- date: "1992"\n  event: "Жыл."\n  anchor: "БҰҰ"\n')
    root = make_project(tmp_path, ARTICLE, chronology=chronology)
    (missing,) = found(root, "chrono-anchor-missing")
    assert (missing.path.name, missing.line, missing.col) == ("chronology.yaml", 3, 3)
    assert "did you mean «1992 жылдың 2 наурызында», line 1?" in missing.message
    (ambiguous,) = found(root, "anchor-ambiguous")
    assert ambiguous.line == 6


def test_found_anchors_are_fine(tmp_path):
    chronology = '- date: "1992-03-02"\n  event: "Қабылданды."\n  anchor: "1992 жылдың 2 наурызында"\n'
    annotations = '- anchor: "БҰҰ-ның жұмысына"\n  note: "Жұмыс."\n'
    root = make_project(tmp_path, ARTICLE, chronology=chronology, annotations=annotations)
    assert [f for f in check_project(root) if f.severity == "error"] == []


# ---- dates --------------------------------------------------------------------------


def test_date_not_in_chronology(tmp_path):
    article = "Қазақстан 1992 жылдың 2 наурызында БҰҰ мүшелігіне қабылданды\nОсы жылдың 5 қазанында сөз сөйледі\n"
    root = make_project(tmp_path, article, chronology='- date: "1992-03-02"\n  event: "Қабылданды."\n')
    (finding,) = found(root, "date-not-in-chronology")
    assert (finding.line, finding.col) == (2, 1)
    assert "«Осы жылдың 5 қазанында» (1992-10-05, the year taken from the text before it)" in finding.message


def test_dates_covered_at_their_precision(tmp_path):
    article = ("1992 жылы Қазақстан БҰҰ мүшесі болды\n"            # a year: any entry in 1992
               "1992 жылғы наурызда қабылданды\n"                   # a month: any entry that month
               "90 жылдардың ортасына дейін қарудан құтылды\n")     # a decade: any entry in the 1990s
    chronology = '- date: "1992-03-02"\n  event: "Қабылданды."\n- date: "1995-04"\n  event: "Құтылды."\n'
    assert found(make_project(tmp_path, article, chronology=chronology), "date-not-in-chronology") == []


def test_a_full_date_needs_the_same_day_or_an_anchor(tmp_path):
    # the seed's case: the text says 22 May, the record 23 May, and the entry is anchored on the phrase
    article = "Қазақстан 1992 жылдың 22 мамырында Лиссабон шартына қол қойды\n"
    unanchored = '- date: "1992-05-23"\n  event: "Лиссабон хаттамасы."\n'
    root = make_project(tmp_path, article, chronology=unanchored)
    (finding,) = found(root, "date-not-in-chronology")
    assert "(1992-05-22)" in finding.message
    (root / "chronology.yaml").write_text(unanchored + '  anchor: "1992 жылдың 22 мамырында"\n', encoding="utf-8")
    assert found(root, "date-not-in-chronology") == []


def test_positions_count_the_spaces_the_loader_strips(tmp_path):
    root = make_project(tmp_path, "Бірінші жол\n\n  \tЕЫҚҰ мүшесі болды\n", glossary=GLOSSARY)
    (finding,) = found(root, "abbr-missing")
    assert (finding.line, finding.col) == (3, 4)


def test_headings_in_capitals_are_words_not_abbreviations(tmp_path):
    article = "ПРЕАМБУЛА\nАдамзат отбасы туралы мәтін.\nБАС АССАМБЛЕЯ\nБұл декларацияны ЮНЕСКО таратады.\nЕЫҚҰ\n"
    assert [f.message.split("»")[0] for f in found(make_project(tmp_path, article), "abbr-missing")] == [
        "abbreviation «ЮНЕСКО", "abbreviation «ЕЫҚҰ"]


def test_a_phrase_in_capitals_holds_no_abbreviations(tmp_path):
    """«1-ТАРАУ. Ә.БӨКЕЙХАНОВ ЖӘНЕ «АЛАШ» ПАРТИЯСЫНЫҢ ҚҰРЫЛУЫ» inside a paragraph: words set in capitals, one after
    another, and a word longer than any abbreviation; the abbreviations around them are still found."""
    article = ("Кіріспе 1-ТАРАУ. Ә.БӨКЕЙХАНОВ ЖӘНЕ «АЛАШ» ПАРТИЯСЫНЫҢ ҚҰРЫЛУЫ. Бұл тарауда КСРО мен ҚР туралы "
               "айтылады, сондай-ақ БАСПАСӨЗДІҢ рөлі.\n")
    terms = {f.message.split("«")[1].split("»")[0] for f in found(make_project(tmp_path, article), "abbr-missing")}
    assert terms == {"КСРО", "ҚР"}
