"""Sentence punctuation and the article's structure: paragraph-end, stray-period, heading-unmarked,
title-repeated, md-merged-lines; their fixes and what they write to editorial.yaml."""
from __future__ import annotations

from conftest import ROOT
from kitap.check.fix import fix_project
from kitap.errors import KitapError
from kitap.load import load_project
from kitap.pipeline import check_before_build
from test_check_fixtures import found, make_project

SENTENCE = "Қазақстан 1992 жылы Біріккен Ұлттар Ұйымына мүше болып қабылданды"


def test_a_paragraph_that_lost_its_full_stop(tmp_path):
    root = make_project(tmp_path, f"{SENTENCE}\nЕліміз бейбітшілікті қолдады\nОл сол жылы бірнеше ұйымға кірді.\n")
    assert [(f.line, f.col) for f in found(root, "paragraph-end")] == [(1, 56), (2, 22)]
    assert found(root, "paragraph-end")[0].message == "the paragraph ends without a full stop («…қабылданды»); " \
                                                      "`check --fix` adds it"


def test_what_is_not_running_text_keeps_its_end(tmp_path):
    article = ("# Кіріспе\n"
               "Бұл мақалада мынадай мәселелер қаралады:\n"                 # a colon: continued
               "- ұйымның құрылуы\n"                                        # a list item
               "Қазақстан, Өзбекстан, Қырғызстан және басқа көптеген мемлекеттер,\n"  # a comma
               "«Адам құқықтарының жалпыға ортақ декларациясы»\n"           # a closing quote
               "Сайын БОРБАСОВ\n"                                           # a byline: no predicate
               "саяси ғылым докторы\n"
               "Бұл бөлімде ұйымның мақсаттары мен міндеттері толық қаралады және\n"  # a sentence goes on
               "Келесі бөлімде оның тарихы баяндалады.\n")
    assert found(make_project(tmp_path, article), "paragraph-end") == []


def test_verse_keeps_its_line_ends(tmp_path):
    poem = "Жастық шақ бір келеді\nҚайта оралмас ешқашан\nСол кезде ойлан бала\nЕңбек ет, оқы, ізден\n"
    root = make_project(tmp_path, poem)
    assert found(root, "paragraph-end") == [] and found(root, "heading-unmarked") == []


def test_a_text_copied_with_its_line_breaks_is_joined_not_given_full_stops(tmp_path):
    """Lines broken inside sentences (a text copied from a PDF): a line that goes on in a small letter is
    line-broken, not paragraph-end (a full stop after «мен» would cut the sentence), however short its
    lines (not verse); `--fix` joins them, records nothing (no word changes) and marks no false heading."""
    article = ("Тіл тарихы\n"
               "Бір тілден екінші тілге сөз ауысу процесі ертеден келе\n"
               "жатқан тарихи құбылыс. Ислам дінінің Орта Азия мен\n"
               "қазақ даласына таралуына байланысты түркі\n"
               "халықтарының тарихында әр алуан өзгерістердің болғаны\n"
               "мәлім.\n"
               "Ал жаңа сөз жасауда зиялы қауымның өкілдері белсене ат салысты.\n")
    root = make_project(tmp_path, article)
    broken = found(root, "line-broken")
    assert [f.line for f in broken] == [2, 3, 4, 5]
    assert broken[1].message.startswith("the sentence goes on in the next paragraph («…мен» | «қазақ…»)")
    assert found(root, "paragraph-end") == []
    fix_project(root)
    assert (root / "article.txt").read_text(encoding="utf-8").split("\n")[1:3] == [
        "Бір тілден екінші тілге сөз ауысу процесі ертеден келе жатқан тарихи құбылыс. Ислам дінінің Орта Азия мен "
        "қазақ даласына таралуына байланысты түркі халықтарының тарихында әр алуан өзгерістердің болғаны мәлім.",
        "Ал жаңа сөз жасауда зиялы қауымның өкілдері белсене ат салысты."]
    assert not (root / "editorial.yaml").exists() or "мәлім" not in (root / "editorial.yaml").read_text("utf-8")
    assert found(root, "line-broken") == [] and found(root, "paragraph-end") == []


def test_a_paragraph_of_prose_stopping_at_a_comma_goes_on_in_the_next(tmp_path):
    """Алтынсарин's tale copied from a book's pages: «… Бір мезгілде үйге баралық деп келсе,» | «ауыл жоқ, …» was
    printed as two numbered paragraphs. A law's preamble, clause by clause (no full stop inside one), is not."""
    root = make_project(tmp_path, "Асан деген бай баласы, Үсен жарлы баласы – екеуі құрдас екен. Бір күні ел көшкенде "
                        "қыр астында ойнап жүріп, екеуі жұртта қалыпты. Бір мезгілде үйге баралық деп келсе,\n"
                        "ауыл жоқ, құр жұрты жатыр. Асан айқай салып, жылай бастады.\n")
    assert [f.line for f in found(root, "line-broken")] == [1]
    preamble = ("Адамзат отбасының барлық мүшелеріне тән қадір-қасиетті тану бостандықтың негізі болатынын ескере "
                "отырып,\nадам құқықтарын елемеу тағылық әрекеттерге әкеп соққанын ескере отырып,\n"
                "адамдардың сөз бостандығына ие болатын әлем құру адамдардың ең жоғарғы ұмтылысы деп жарияланғанын "
                "ескере отырып,\nБас Ассамблея осы Декларацияны жариялайды.\n")
    assert found(make_project(tmp_path / "law", preamble), "line-broken") == []


def test_a_poem_whose_lines_begin_with_capitals_is_not_joined(tmp_path):
    poem = "Таң атты, құстар сайрады,\nЖер жасыл, көктем келеді.\nБалалар ойнап жүгірді\nАнасы күліп қарайды.\n"
    assert found(make_project(tmp_path, poem), "line-broken") == []


def test_fix_adds_the_full_stop_and_records_it_in_editorial_yaml(tmp_path):
    root = make_project(tmp_path, f"{SENTENCE}\nЕліміз бейбітшілікті қолдады.\n")
    (root / "editorial.yaml").write_text('# the editor\'s report\ncorrections:\n  - line: 2\n    original: "қолдады"\n'
                                         '    corrected: "қолдады."\n    reason: "by hand"\n\nnotes:\n  - "A note."\n',
                                         encoding="utf-8")
    fix_project(root)
    assert (root / "article.txt").read_text(encoding="utf-8") == f"{SENTENCE}.\nЕліміз бейбітшілікті қолдады.\n"
    editorial = (root / "editorial.yaml").read_text(encoding="utf-8")
    assert editorial.startswith("# the editor's report\ncorrections:\n  - line: 2\n"), "comments and entries kept"
    assert editorial.endswith('  - line: 1\n    original: "қабылданды"\n    corrected: "қабылданды."\n'
                              '    reason: "абзац соңындағы нүкте түсіп қалған; қойылды"\n\nnotes:\n  - "A note."\n')
    assert (root / "editorial.yaml.bak").is_file()
    load_project(root)


def test_a_stray_full_stop_before_a_lower_case_word(tmp_path):
    article = ("Дүкеннен кітаптар. дәптерлер, қаламдар сатып алдық.\n"
               "Ол 1991 ж. желтоқсанда, т.б. елдермен бірге келді. Н. Назарбаев сөйледі. Шамамен 5 млн. адам келді.\n"
               "Кемсіту (лат. discriminatio — айыру) сөзі, ағылш. discrimination, орыс. дискриминация.\n")
    (finding,) = found(make_project(tmp_path, article), "stray-period")
    assert (finding.line, finding.col) == (1, 18)
    assert "between «кітаптар» and «дәптерлер»" in finding.message


def test_headings_that_are_not_marked(tmp_path):
    long = "Барлық адамдар тумысынан азат және қадір-қасиеті мен құқықтары тең болып дүниеге келеді. " * 2
    article = (f"Преамбула\n{long}\n1-бап\n{long}\n2-бап. Адам құқықтары\n{long}\nАдам құқықтары туралы\n{long}\n"
               f"# Белгіленген тақырып\n{long}\n")
    root = make_project(tmp_path, article)
    findings = found(root, "heading-unmarked")
    assert [f.line for f in findings] == [1, 3, 5, 7]
    assert findings[0].message == "«Преамбула» looks like a heading (a short line, no full stop, text follows); " \
                                  "mark it with «# » at the start of the line (`check --fix` does)"
    assert found(root, "paragraph-end") == [], "a heading is not a sentence that lost its full stop"
    fix_project(root)
    lines = (root / "article.txt").read_text(encoding="utf-8").split("\n")
    assert [lines[i] for i in (0, 2, 4, 6, 8)] == ["# Преамбула", "# 1-бап", "# 2-бап. Адам құқықтары",
                                                   "# Адам құқықтары туралы", "# Белгіленген тақырып"]


def test_a_sentence_that_lost_its_full_stop_is_no_heading(tmp_path):
    root = make_project(tmp_path, "Еліміз тәуелсіздік алды\n" + "Осыдан кейін ұзақ жылдар бойы көптеген өзгерістер "
                                  "болды және ел жаңа жолмен дамыды.\n")
    assert found(root, "heading-unmarked") == [] and [f.line for f in found(root, "paragraph-end")] == [1]


def test_the_seed_has_no_unmarked_heading_and_thirty_lost_full_stops():
    root = ROOT / "source"
    assert found(root, "heading-unmarked") == []
    assert len(found(root, "paragraph-end")) == 30


def test_the_title_printed_twice(tmp_path):
    root = make_project(tmp_path, "")
    title = load_project(ROOT / "tests" / "fixtures" / "mini").meta.title
    (root / "article.txt").write_text(f"{title.upper()}!\n{SENTENCE}.\nЕліміз бейбітшілікті қолдады\n",
                                      encoding="utf-8")
    (root / "editorial.yaml").write_text('corrections:\n  - line: 2\n    original: "қабылданды"\n'
                                         '    corrected: "қабылданды."\n', encoding="utf-8")
    (finding,) = found(root, "title-repeated")
    assert finding.line == 1 and "the article begins with the book's title" in finding.message
    fix_project(root)
    assert (root / "article.txt").read_text(encoding="utf-8") == f"{SENTENCE}.\nЕліміз бейбітшілікті қолдады.\n"
    editorial = (root / "editorial.yaml").read_text(encoding="utf-8")
    assert "  - line: 1\n    original: \"қабылданды\"" in editorial, "an existing correction follows its line"
    assert "  - line: 2\n    original: \"қолдады\"\n    corrected: \"қолдады.\"" in editorial
    load_project(root)


def test_a_poem_named_by_its_first_line_keeps_it(tmp_path):
    """A poem's title is its first line; that line, ending in a comma, is the poem's own, not a repeat."""
    root = make_project(tmp_path, "")
    book = (root / "book.yaml").read_text(encoding="utf-8")
    (root / "book.yaml").write_text(book.replace('title: "Шағын мақала"', 'title: "Қайран жастық, қайда кеттің"'),
                                    encoding="utf-8")
    (root / "article.txt").write_text("Қайран жастық, қайда кеттің,\nҚайтып келмес күндерім.\nЕсте қалды әр сәтің,\n",
                                      encoding="utf-8")
    assert load_project(root).meta.title == "Қайран жастық, қайда кеттің"
    assert not found(root, "title-repeated")


def test_the_title_again_after_the_lead_paragraph(tmp_path):
    """A web page repeats its title after the lead paragraph: reported (not a heading-unmarked warning as
    well), and left for the editor: `--fix` does not remove a line that may stand there as a heading."""
    root = make_project(tmp_path, "")
    title = load_project(ROOT / "tests" / "fixtures" / "mini").meta.title
    text = f"{SENTENCE}.\n{title}\nЕліміз бейбітшілікті қолдады және көптеген халықаралық ұйымдарға мүше болды.\n"
    (root / "article.txt").write_text(text, encoding="utf-8")
    (finding,) = found(root, "title-repeated")
    assert finding.line == 2 and "repeats the book's title" in finding.message and not finding.fix
    assert not found(root, "heading-unmarked")
    fix_project(root)
    assert title in (root / "article.txt").read_text(encoding="utf-8")


def test_markdown_paragraphs_of_several_paragraph_lines(tmp_path):
    merged = "Бірінші абзац осында бітті.\nЕкінші абзац та бітті.\nҮшінші абзац бітті.\nТөртінші абзац бітті.\n"
    wrapped = "Бұл бір ұзын абзацтың\nекі жолға бөлінген\nмәтіні, ол бір абзац.\n"
    root = make_project(tmp_path, f"# Тақырып\n\n{merged}\n{wrapped}", article_name="article.md")
    (finding,) = found(root, "md-merged-lines")
    assert finding.line == 3 and finding.message.startswith("4 of the 4 lines of this Markdown paragraph each look "
                                                            "like a paragraph")
    assert "leave a blank line between paragraphs" in finding.message
    book = load_project(root)
    assert any("[md-merged-lines]" in warning for warning in check_before_build(book, root)), "the build says it too"


def test_fix_never_touches_yaml(tmp_path):
    root = make_project(tmp_path, f"{SENTENCE}.\n", chronology='- date: "1992"\n  event: "Бір оқиға болды"\n')
    before = (root / "chronology.yaml").read_bytes()
    assert fix_project(root).applied == []
    assert (root / "chronology.yaml").read_bytes() == before


def test_a_project_that_does_not_load_is_not_fixed(tmp_path):
    root = make_project(tmp_path, f"{SENTENCE}\n", glossary="- term: [\n")
    try:
        fix_project(root)
    except KitapError:
        pass
    assert (root / "article.txt").read_text(encoding="utf-8") == f"{SENTENCE}\n"
    assert not (root / "editorial.yaml").exists()


def test_the_author_import_could_not_find_is_asked_for(tmp_path):
    """A text file without its author's name: `import` writes «Автор» (the build needs an author); the
    check says so at book.yaml's line, until the teacher writes the name."""
    from conftest import run_cli

    source = tmp_path / "habar.txt"
    source.write_text("Мектептегі жаңалық\nБүгін мектепте жаңа кітапхана ашылды.\nОқушылар қуанып қалды.\n",
                      encoding="utf-8")
    assert run_cli("import", str(source), str(tmp_path / "p")).returncode == 0
    (finding,) = found(tmp_path / "p", "author-missing")
    lines = (tmp_path / "p" / "book.yaml").read_text(encoding="utf-8").split("\n")
    assert lines[finding.line - 1].startswith("author:") and "«Автор»" in finding.message
    text = (tmp_path / "p" / "book.yaml").read_text(encoding="utf-8").replace('author: "Автор"', 'author: "Айгүл Серікова"')
    (tmp_path / "p" / "book.yaml").write_text(text, encoding="utf-8")
    assert not found(tmp_path / "p", "author-missing")


def test_a_paragraph_that_is_only_a_number_is_named(tmp_path):
    """A view counter pasted with a fairy tale («0», «95»), not a year in a sentence nor a numbered line."""
    root = make_project(tmp_path, "Түлкі мен қарға\n0\n95\nБаяғыда бір түлкі болыпты, 1992 жылы.\n"
                                  "1. Бірінші сұрақ.\n")
    found_numbers = found(root, "number-only")
    assert [(f.line, f.col) for f in found_numbers] == [(2, 1), (3, 1)]
    assert found_numbers[1].message.startswith("the paragraph is only the number «95»: a page counter")


def test_a_dialogue_reply_written_as_a_list_item_is_named_and_fixed(tmp_path):
    root = make_project(tmp_path, "Шал қазға келіп:\n\n- Сен мені босат! Менен не сұрасаң, соны ал, - дейді.\n\n"
                                  "Сабақ мазмұны:\n\n- бірінші тарау\n- екінші тарау\n", article_name="article.md")
    (finding,) = found(root, "dialogue-as-list")
    assert (finding.line, finding.col) == (3, 1)
    fix_project(root)
    assert (root / "article.md").read_text("utf-8").split("\n")[2] == "\\- Сен мені босат! Менен не сұрасаң, соны ал, - дейді."
    assert found(root, "dialogue-as-list") == []


def test_a_title_followed_by_what_kind_of_text_it_is_is_a_heading(tmp_path):
    """«Түлкі мен қарға» | «(Ертегі)» | the tale: a heading, the label in brackets between."""
    article = ("Бұл жинаққа халықтың бірнеше ертегісі енді, олардың әрқайсысы балаларға арналған.\n"
               "Түлкі мен қарға\n(Ертегі)\n"
               "Баяғыда бір түлкі болыпты. Ол орманда жүріп, ағаштың басында отырған қарғаны көріпті.\n")
    (finding,) = found(make_project(tmp_path, article), "heading-unmarked")
    assert finding.line == 2


def test_a_heading_said_again_as_the_next_paragraph_is_named(tmp_path):
    root = make_project(tmp_path, "# Жеке ғылымдардың әдістері\nЖеке ғылымдардың әдістері.\n"
                                  "Ғылыми таным әдістері бірнеше топқа бөлінеді.\n# Қорытынды\nҚорытындыда біз айттық.\n")
    (finding,) = found(root, "heading-repeated")
    assert finding.line == 2 and "«Жеке ғылымдардың әдістері.»" in finding.message


def test_a_web_pages_furniture_is_neither_a_heading_nor_a_sentence(tmp_path):
    """A view counter, a photo credit and a «read also» link copied with the text: `check` says to remove
    them, and `--fix` neither marks them as headings nor ends them with a full stop (it did both, and
    recorded the view counter's new full stop as an editor's correction)."""
    article = ("2 345 рет қаралды\nФото: ашық дереккөзден\nҚазақстанға Голощекин келгенше Алаш қозғалысы туралы "
               "пікірлер де айтылып отырды.\nОқи отырыңыз: Алаштың асыл перзенті\nАлаш әдебиетін оқыған буын бар еді.\n")
    root = make_project(tmp_path, article)
    assert [f.line for f in found(root, "web-furniture")] == [1, 2, 4]
    assert found(root, "heading-unmarked") == [] and found(root, "paragraph-end") == []


def test_markdown_kitap_does_not_read_is_named_where_it_would_print_as_typed(tmp_path):
    """A fault-finding pass: a pipe table printed with its bars, and links to javascript: or to a file (a reference
    link too) printed as «[мұнда](javascript:…)», without a word. A link to a web address is read: no warning."""
    article = ("Мәтін [мұнда](javascript:alert) бар.\n\n| а | б |\n|---|---|\n| 1 | 2 |\n\nСілтеме [мұнда][r] бар.\n\n"
               "[r]: file:///etc/passwd\n\nДұрыс [сілтеме](https://kk.wikipedia.org) бар.\n")
    root = make_project(tmp_path, article, article_name="article.md")
    assert [(f.line, f.col) for f in found(root, "md-unread")] == [(1, 7), (4, 1), (7, 9)]


def test_a_menu_word_is_web_furniture_at_the_article_s_head_only(tmp_path):
    """A code review: «Настройки» further on is a computer lesson's heading, not the site's menu."""
    root = make_project(tmp_path, "Меню\nНа уроке мы узнаем, как устроен компьютер. Это важно.\nНастройки\n"
                                  "Откройте окно и выберите язык.\n")
    assert [f.line for f in found(root, "web-furniture")] == [1]
