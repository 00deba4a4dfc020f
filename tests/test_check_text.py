"""Rules on the letters and spacing of the text: mixed-script, roman-cyrillic, font-hack, hygiene."""
from __future__ import annotations

import pytest

from kitap.check import check_project
from test_check_fixtures import found, make_project

# ---- mixed-script ------------------------------------------------------------------


def test_letters_of_other_cyrillic_alphabets_that_look_kazakh(tmp_path):
    """«әдістіӊ» with ӊ (en with tail, U+04CA) for ң: it looks right and is no Kazakh word; --fix puts ң."""
    from kitap.check.fix import fix_project

    root = make_project(tmp_path, "Ғылыми әдістіӊ логикасы. Бұл ҕылым мен ӄала туралы.\n")
    findings = found(root, "look-alike")
    assert [f.message.split("»")[0][1:] for f in findings] == ["әдістіӊ", "ҕылым", "ӄала"]
    assert "(cyrillic small letter en with tail)" in findings[0].message and "write «әдістің»" in findings[0].message
    fix_project(root)
    assert (root / "article.txt").read_text("utf-8") == "Ғылыми әдістің логикасы. Бұл ғылым мен қала туралы.\n"


def test_latin_lookalikes_in_a_kazakh_word(tmp_path):
    # Latin «a» and «o» (U+0061, U+006F) typed inside Kazakh words
    root = make_project(tmp_path, "Қaзақстан халықаралық ұйымдарға мүше бoлды.\n")
    first, second = found(root, "mixed-script")
    assert (first.line, first.col, second.col) == (1, 1, 38)
    assert "write «Қазақстан»" in first.message and "write «болды»" in second.message
    assert first.severity == "warning"


def test_latin_schwa_for_kazakh_ae(tmp_path):
    root = make_project(tmp_path, "Бұл \u0259лемдік маңызы бар оқиға болды.\n")
    (finding,) = found(root, "mixed-script")
    assert "write «әлемдік»" in finding.message and finding.col == 5


def test_cyrillic_lookalikes_in_a_latin_word_are_reported_not_fixed(tmp_path):
    root = make_project(tmp_path, "Ұйымның ағылшынша атауы United Nаtions (Cyrillic а).\n")
    (finding,) = found(root, "mixed-script")
    assert "Latin word" in finding.message and "write «Nations»" in finding.message
    assert finding.fix == ()


def test_clean_words_in_both_alphabets_are_not_mixed(tmp_path):
    root = make_project(tmp_path, "Біріккен Ұлттар Ұйымы (United Nations) 1945 жылы құрылды. Сан-Марино — ел.\n")
    assert found(root, "mixed-script") == []


# ---- roman-cyrillic ----------------------------------------------------------------


def test_roman_numeral_in_cyrillic_letters(tmp_path):
    # Cyrillic Х (U+0425), Latin V, Kazakh І (U+0406): the seed's own line 25
    root = make_project(tmp_path, "Бостандықтары бекітілген \u0425V\u0406\u0406\u0406 ғасырдың соңындағы құжат\n")
    (finding,) = found(root, "roman-cyrillic")
    assert finding.col == 26 and "write «XVIII»" in finding.message
    assert found(root, "mixed-script") == [] and found(root, "abbr-missing") == []


def test_all_cyrillic_numerals(tmp_path):
    root = make_project(tmp_path, "ХІХ ғасырда және \u0425 ғасырда\n")
    assert [f.col for f in found(root, "roman-cyrillic")] == [1, 18]
    assert found(root, "abbr-missing") == []


def test_latin_numerals_and_cyrillic_abbreviations_are_not_roman_cyrillic(tmp_path):
    root = make_project(tmp_path, "XVIII ғасырдың соңында СМ деген қысқарту\n")
    assert found(root, "roman-cyrillic") == []


# ---- font-hack -----------------------------------------------------------------


def test_legacy_font_letters_in_kazakh_text(tmp_path):
    # «Қазақстан Біріккен Ұлттар Ұйымына мүше болды» as typed with an old Kazakh font
    root = make_project(tmp_path, "Ќазаќстан Біріккен Ђлттар Ђйымына мџше болды\n")
    findings = found(root, "font-hack")
    assert [(f.col, f.severity) for f in findings] == [(1, "error"), (20, "error"), (27, "error"), (35, "error")]
    assert "it reads «Қазақстан»" in findings[0].message


def test_serbian_and_macedonian_text_is_left_alone(tmp_path):
    root = make_project(tmp_path, "Његош је писао о љубави, а ђак је читао.\nЌерка ми е дома.\n")
    assert found(root, "font-hack") == []


def test_a_serbian_name_quoted_in_kazakh_text_is_left_alone(tmp_path):
    root = make_project(tmp_path, "Сербиялық ақын Његош пен теннисші Ђоковић туралы мақала\n")
    assert found(root, "font-hack") == []


def test_kazakh_words_around_a_serbian_name_are_still_found(tmp_path):
    root = make_project(tmp_path, "Сербиялыќ аќын Његош туралы маќала\n")
    assert [f.message.split("reads ")[1].split(" ")[0] for f in found(root, "font-hack")] == [
        "«Сербиялық»", "«ақын»", "«мақала»"]


# ---- hygiene ------------------------------------------------------------------------


def test_space_after_punct(tmp_path):
    root = make_project(tmp_path, "Бейбіт сауда, экономикалық ынтымақтасу үрдістері қуатталды.Әлемдік қауымдастыққа таныстырды.\n")
    (finding,) = found(root, "space-after-punct")
    assert (finding.line, finding.col) == (1, 59) and "қуатталды.Әлемдік" in finding.message


@pytest.mark.parametrize("text", [
    "ҚР Президенті Н.Назарбаев сөз сөйледі",      # an initial
    "Н.Ә.Назарбаев және т.б.Әлемдік ұйымдар",     # initials and a one-letter abbreviation
    "Өсім 1.5 пайыз болды. Келесі жылы",           # a decimal; a space is there
    "Сайт www.Un.org мекенжайында",                # a web address
    "Бейбіт сауда қуатталды. Әлемдік қауымдастық",
])
def test_no_space_after_punct_findings(tmp_path, text):
    assert found(make_project(tmp_path, text + "\n"), "space-after-punct") == []


def test_a_word_glued_to_a_bracket_or_a_number_to_a_word_is_a_missing_space(tmp_path):
    """A methods office's encyclopedia text: «Сәтбаев(12 сәуір 1899 – 31қаңтар 1964)»; `--fix` puts the spaces."""
    from kitap.check.fix import fix_project

    root = make_project(tmp_path, "Қаныш Сәтбаев(12 сәуір 1899 – 31қаңтар 1964) геолог болды.\n"
                                  "Ол 5-ші сыныпта 12 млн теңге туралы f(x) және www.site.kz/a(1) деп жазды.\n"
                                  "Оқушы(лар) мен мұғалім(дер), sin(x) + cos(x), ЖШС(ТОО), Windows(R) дұрыс жазылған.\n")
    assert [(f.line, f.col) for f in found(root, "space-missing")] == [(1, 14), (1, 33)]
    fix_project(root)
    assert (root / "article.txt").read_text("utf-8").split("\n")[0] == \
        "Қаныш Сәтбаев (12 сәуір 1899 – 31 қаңтар 1964) геолог болды."


def test_double_space(tmp_path):
    root = make_project(tmp_path, "Қазақстан  БҰҰ мүшелігіне қабылданды \nЕкінші жол\n")
    (finding,) = found(root, "double-space")
    assert (finding.line, finding.col) == (1, 10)


def test_single_spaces_and_line_edges_are_fine(tmp_path):
    root = make_project(tmp_path, "  Қазақстан БҰҰ мүшелігіне қабылданды  \n")
    assert found(root, "double-space") == []


@pytest.mark.parametrize("meant", ["Абай (Ибраһим) Құнанбайұлы – ақын, Әлихан.\nӘдебиет пен өнер туралы.\n",
                                   "Абай Кунанбаев великий казахский поэт из рода тобыкты.\n"])
def test_text_read_in_the_wrong_encoding_is_named_and_converted_by_fix(tmp_path, meant):
    """A fault-finding pass: UTF-8 read as Windows-1251 and saved again («РђР±Р°Р№») was taken for a legacy
    Kazakh font and `--fix` made it worse; Windows-1251 read as Latin («Àáàé») built without a word. The bytes
    of both are the text: undone without loss (the «И» and «Ә» whose second byte Windows-1251 lost too)."""
    from kitap.check.fix import fix_project

    garbled = (meant.encode("utf-8").decode("cp1251", errors="ignore") if any(c in meant for c in "әқұ")
               else meant.encode("cp1251").decode("cp1252"))
    root = make_project(tmp_path, garbled)
    if "поэт" in meant:  # a Russian text
        book = root / "book.yaml"
        book.write_text(book.read_text(encoding="utf-8").replace("language: kk", "language: ru"), encoding="utf-8")
    findings = found(root, "mojibake")
    assert findings and all(f.severity == "error" for f in findings)
    assert found(root, "font-hack") == []
    fix_project(root)
    assert (root / "article.txt").read_text("utf-8") == meant
    assert found(root, "mojibake") == []


def test_real_text_is_not_taken_for_mojibake(tmp_path):
    from kitap.check.mojibake import misread

    for text in ("Её жизнь, всё это — «Абай жолы».", "Ещё раз: Р. Ф. Сё, Щ и Ы.", "Ürümqi, Ölgii, Ümit, Ésik.",
                 "Подстанция РУ-10 кВ и РУ-0,4 кВ, УРУ и РУР.",
                 "Café, naïve, Zürich, Göteborg, São Paulo, à la, été.", "Qazaqstan ädebietı men önerı."):
        assert misread(text) == [], text


def test_invisible_characters_are_named_and_deleted_by_fix(tmp_path):
    """A fault-finding pass: a right-to-left override printed «ақын» as «ақны» in the PDF, a zero-width space
    made an annotation's anchor miss its word; both passed without a word. The override stops the build."""
    from kitap.check.fix import fix_project

    root = make_project(tmp_path, "Абай ақ\u202eын\u202c болды.\nҚара сө\u200bздері бар.\n")
    findings = found(root, "invisible-character")
    assert [(f.line, f.col, f.severity) for f in findings] == [(1, 8, "error"), (1, 11, "error"), (2, 8, "warning")]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE in «ақын»" in findings[0].message
    assert "U+200B ZERO WIDTH SPACE in «сөздері»" in findings[2].message
    fix_project(root)
    assert (root / "article.txt").read_text("utf-8") == "Абай ақын болды.\nҚара сөздері бар.\n"
    assert found(root, "invisible-character") == []


def test_tripled_letter(tmp_path):
    root = make_project(tmp_path, "Қазақстан ядролық қуатттан бас тартты\n")
    (finding,) = found(root, "tripled-letter")
    assert finding.col == 22 and "«қуаттан»?" in finding.message and finding.fix == ()


def test_doubled_letters_and_roman_numerals_are_not_tripled(tmp_path):
    root = make_project(tmp_path, "Қазақстан ядролық қуаттан бас тартты, XVIII ғасыр, ІІІ том\n")
    assert found(root, "tripled-letter") == []


def test_unbalanced_quotes(tmp_path):
    root = make_project(tmp_path, "«Қазақстан Республикасының туын көтеруді сұраймын деген сөз\nОл айтты» деп\n")
    assert [(f.line, f.col) for f in found(root, "unbalanced-quotes")] == [(1, 1), (2, 9)]


def test_balanced_and_nested_quotes(tmp_path):
    root = make_project(tmp_path, "«Адам құқықтарының «жалпыға ортақ» Декларациясы» қабылданды\n")
    assert found(root, "unbalanced-quotes") == []


def test_unbalanced_brackets(tmp_path):
    root = make_project(tmp_path, "Ұйым (ЕЫҚҰ мүшесі болды\nАл ол] деді\nОның [түрлері) бар\n")
    assert [(f.line, f.col) for f in found(root, "unbalanced-brackets")] == [(1, 6), (2, 6), (3, 6)]


def test_list_markers_and_pairs_are_not_unbalanced(tmp_path):
    root = make_project(tmp_path, "Мақсаттар: а) бейбітшілік, ә) даму (және [басқа] түрлері)\n")
    assert found(root, "unbalanced-brackets") == []


def test_straight_quotes_once_per_paragraph(tmp_path):
    root = make_project(tmp_path, 'Ол "Қазақстан" деді, "бейбітшілік" деді\n«Дұрыс» тырнақшалар\n')
    (finding,) = found(root, "straight-quotes")
    assert (finding.line, finding.col) == (1, 4) and "(4 in this paragraph)" in finding.message


def _russian(tmp_path, article: str):
    """A Russian project holding `article`; the test is skipped without the Russian dictionary."""
    import pytest

    from conftest import text_project
    from kitap.check.dictionary import russian_unavailable

    if russian_unavailable():
        pytest.skip(russian_unavailable())
    return text_project(tmp_path / "ru", article, language="ru")


def test_russian_of_kazakhstan_is_not_misspelt(tmp_path):
    """A Russian school's text in Kazakhstan: аким, акимат, маслихат, тенге in their case forms, a Kazakh name
    the Kazakh dictionary knows, and «каз.» (an abbreviation with its full stop) are no misspellings; a real
    typo still is."""
    project = _russian(tmp_path, "Поручаю правительству совместно с акиматом изучить этот вопрос, сказал он акимам "
                       "областей.\nРешение маслихата стоило сорок миллионов тенге, и жители встретились с акимом.\n"
                       "Абай (каз. «внимательный») учился в медресе и писал стихи.\n"
                       "Потом он поехал в Семипалатинск и вернулся в свой аул на джайляу, где жили бии.\n"
                       "Эта кошка очень любит малако.\n")

    flagged = [f.subject for f in check_project(project) if f.rule == "spelling"]
    assert flagged == ["малако"], flagged


def test_russian_words_of_kazakhstan_s_history_and_joined_prefixes_are_not_misspelt(tmp_path):
    """A methods office's Russian texts: «казахстанцев» (nearly every Kazakhstani text has it: it was offered
    «Казахстан»), «джучидов», «чингизидов», and не-/полу- written together with an adjective or participle
    («непересыхающее», «полупресноводное»: offered «не пересыхающее»). A typo in such a word is still one."""
    project = _russian(tmp_path, "Многие казахстанцы знают, что казахстанцев объединяет история джучидов и "
                       "чингизидов.\nБалхаш — бессточное полупресноводное и непересыхающее озеро.\n"
                       "Это непересыхаюшее озеро.\n")
    flagged = [f.subject for f in check_project(project) if f.rule == "spelling"]
    assert flagged == ["непересыхаюшее"], flagged


def test_a_russian_sentence_in_a_kazakh_text_is_to_be_marked_as_russian(tmp_path):
    """A citation in Russian inside a Kazakh text, not marked: e-readers read it aloud with the Kazakh voice.
    Marked ([…]{lang=ru}) it is found no more; a Kazakh sentence with a Russian name is not Russian."""
    from conftest import text_project

    citation = "Описание киргиз-казачьих или киргиз-кайсацких орд и степей"
    project = text_project(tmp_path / "p", f"Левшин кітабын жазды: «{citation}».\n"
                           "Президент (1997 жылдан бастап Сейд Мохаммед Хатами) сайланады.\n")
    found = [f for f in check_project(project) if f.rule == "untagged-russian"]
    assert [(f.line, f.col) for f in found] == [(1, 24)] and f"«{citation}» reads as Russian" in found[0].message
    (project / "article.txt").write_text(f"Левшин кітабын жазды: «[{citation}]{{lang=ru}}».\n", encoding="utf-8")
    assert [f for f in check_project(project) if f.rule == "untagged-russian"] == []



def test_a_stress_mark_is_part_of_its_word(tmp_path):
    """Russian school texts mark stress («Чока́н Чинги́сович»): the word is checked whole, without the mark,
    never as the pieces «Чока», «сович» either side of it."""
    project = _russian(tmp_path, "Учёный путеше\u0301ствовал по степи\u0301 и писа\u0301л о ней книги.\n")
    assert [f.subject for f in check_project(project) if f.rule == "spelling"] == []
