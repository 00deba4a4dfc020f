"""Spelling and keyboard slips with the real Kazakh dictionary (Debian's hunspell-kk) and the suffix grammar."""
from __future__ import annotations

import os

import pytest

from kitap.check import check_report, lexicon as lexicon_module, spelling
from test_check_cli import run_check
from test_check_fixtures import found, make_project

needs_dictionary = pytest.mark.skipif(spelling.unavailable() is not None, reason="hunspell-kk not installed")

# Inflected forms none of which hunspell-kk lists, each a stem of it + suffixes (own examples).
INFLECTED = ("кітабы кітаптар жүрегі тарағы халқы мойнына адамның елдің кітаптың баланы адамды балаға "
             "кітапқа үйде мектепте адамнан елден қызбен кітаппен баламен оқиды оқыды оқушы сүю кию жазды "
             "жазады жазбады айтпады сенбеді тәуелсіздігі бостандықтары көрсетпеуге қолдайтындығын "
             "мызғымастығын идеологияны референдумда социалистік фестивалі актісі мемлекеттеріміздің "
             "балаларымызға айтылған келмейді барғым бармақпын қояды жоятын").split()
# The same words with the wrong harmony or assimilation, or a stem that should voice.
MISFORMED = "кітапы кітабтар мектепде кітаптер мемлекеттар балалер айтды келды".split()


@needs_dictionary
def test_the_suffix_grammar_knows_inflected_forms():
    known = spelling.lexicon()
    assert [word for word in INFLECTED if not known.known(word)] == []


@needs_dictionary
def test_common_stems_the_dictionary_lacks_are_known():
    """kitap/languages/kk/stems.py: шаһар and өңір (the dictionary has only шаһары, өңірлен …), the verbs
    таңғалу and күйсеу, each with its suffixes."""
    known = spelling.lexicon()
    assert [w for w in ("шаһарда", "шаһарымыз", "өңірінде", "таңғалып", "таңғалдырды", "күйсеп") if not known.known(w)] == []
    assert [w for w in ("таусылмас", "таусылмайды", "таусып") if not known.known(w)] == []
    # a literature teacher's classic prose, a methods office's encyclopedia texts
    assert [w for w in ("құтқаратын", "тоқырауға", "қымсынбасын", "ағытылып", "құсап", "Хикаяттан", "тәспісін",
                        "уезінде", "уезіндегі") if not known.known(w)] == []


@needs_dictionary
def test_a_verb_stem_ending_in_two_consonants_takes_its_own_vowel():
    """есту is есті+у: the stem's і follows its е, though ест- ends in a cluster as loanwords do (a new user's
    trial: «естіген» was flagged, while «есты…» would have passed)."""
    known = spelling.lexicon()
    assert [w for w in ("естіген", "естідім", "естиді", "естімеген") if not known.known(w)] == []
    assert [w for w in ("естыған", "естыды") if known.known(w)] == []


@needs_dictionary
def test_wrong_harmony_or_assimilation_is_not_a_word():
    known = spelling.lexicon()
    assert [word for word in MISFORMED if known.known(word)] == []


@needs_dictionary
def test_finite_verbs_end_sentences():
    known = spelling.lexicon()
    assert all(known.finite(w) for w in ("болды", "қабылданды", "кірісті", "келеді", "айтылған"))
    assert not any(known.finite(w) for w in ("маңызды", "мемлекеттік", "кітап", "тәуелсіздік"))


@needs_dictionary
def test_a_misspelled_word_is_flagged_once_with_all_its_lines(tmp_path):
    root = make_project(tmp_path, "Біз кітапхана алдында тұрдық.\nКітапхна жабық болды, кітапхна ашылмады.\n"
                                  "Ол кітапхна туралы айтты.\n")
    (finding,) = found(root, "spelling")
    assert (finding.line, finding.col) == (2, 1)
    assert finding.message.startswith("«Кітапхна» (3 times: lines 2, 3) is not a known Kazakh word; "
                                      "did you mean «Кітапхана»")
    assert finding.message.endswith("(if it is right, add it to words.txt)")


@needs_dictionary
def test_known_words_abbreviations_numbers_names_and_glossary_terms_pass(tmp_path):
    article = ("Қазақстан БҰҰ-ның 168-ші мүшесі болды. Н.Назарбаев ЕҚЫК қоры, UNESCO, XVIII ғасыр.\n"
               "Делегацияны Арыстанбекова басқарды, Арыстанбекованың сөзі тыңдалды.\n"
               "Арыстанбекова 1992 ж. желтоқсанда, т.б. елдерде болды. Шамамен 5 млн адам қатысты.\n")
    glossary = '- term: "ЕҚЫК"\n  expansion: "Еуропадағы қауіпсіздік кеңесі"\n'
    root = make_project(tmp_path, article, glossary=glossary)
    assert found(root, "spelling") == [] and found(root, "keyboard-slip") == []


@needs_dictionary
def test_keyboard_slips_name_the_intended_word_and_are_fixed_when_one_is_known(tmp_path, monkeypatch):
    article = "Қазақстан тәуелсіз ел болды.\nБіздің Казакстан онер мен ғылымды дамытады.\n"
    root = make_project(tmp_path, article)
    slips = {f.message.split("»")[0].lstrip("«"): f for f in found(root, "keyboard-slip")}
    assert set(slips) == {"Казакстан", "онер"}
    assert slips["онер"].message == "«онер» looks typed on a Russian keyboard layout: meant «өнер» " \
                                    "(`check --fix` corrects it)"
    assert slips["Казакстан"].fix and found(root, "spelling") == []
    run_check("--source", str(root), "--fix", monkeypatch=monkeypatch)
    assert (root / "article.txt").read_text(encoding="utf-8").split("\n")[1] == \
        "Біздің Қазақстан өнер мен ғылымды дамытады."
    assert 'corrected: "өнер"' in (root / "editorial.yaml").read_text(encoding="utf-8")


@needs_dictionary
def test_a_name_opening_a_sentence_is_no_slip_of_a_word_the_dictionary_only_composes(tmp_path):
    """«Алтынсарин» once, first in its sentence: «Алтынсәрің» is «алтын» + «сәрі» to the dictionary, no
    reading of one word, so `--fix` must not retype the name (a literature teacher's text). A real slip
    opening a sentence is still one."""
    root = make_project(tmp_path, "Бұл кітапты оқыдым.\nАлтынсарин балаларға арналған әңгімелер жазды.\n")
    assert found(root, "keyboard-slip") == []
    root = make_project(tmp_path / "slip", "Бұл кітапты оқыдым.\nОнер адамды тәрбиелейді.\n")
    assert [f.message.split("»")[0] for f in found(root, "keyboard-slip")] == ["«Онер"]


@needs_dictionary
def test_a_slip_fixed_in_a_line_made_a_heading_is_recorded_without_the_heading_mark(tmp_path, monkeypatch):
    root = make_project(tmp_path, "Онер тарихы\n\nБұл мәтін тарих туралы. Ол қысқа ғана емес.\n\n"
                                  "Тағы бір абзац бар. Ол да тарих туралы.\n")
    run_check("--source", str(root), "--fix", monkeypatch=monkeypatch)
    assert (root / "article.txt").read_text(encoding="utf-8").startswith("# Өнер тарихы\n")
    recorded = (root / "editorial.yaml").read_text(encoding="utf-8")
    assert 'original: "Онер"' in recorded and 'corrected: "Өнер"' in recorded, recorded


@needs_dictionary
def test_a_name_is_no_slip_of_a_common_word(tmp_path):
    # «Әли» would be «әлі» (yet) with і: a name stands for another name only
    root = make_project(tmp_path, "Бұл кітапты Әли мен Қарин жазды.\n")
    assert found(root, "keyboard-slip") == [] and found(root, "spelling") == []


@needs_dictionary
def test_the_project_word_list_teaches_it(tmp_path, monkeypatch):
    root = make_project(tmp_path, "Біз оқтұмсықтарды және шаһтарды зерттедік.\n")
    assert {f.subject for f in found(root, "spelling")} == {"шаһтарды"}
    result = run_check("--source", str(root), "--add-words", monkeypatch=monkeypatch)
    assert "adding 1 word to" in result.out and "words.txt: шаһтарды" in result.out
    assert (root / "words.txt").read_text(encoding="utf-8") == "шаһтарды\n"
    (root / "words.txt").write_text("# stems allowed\nшаһ\n", encoding="utf-8")
    assert found(root, "spelling") == []


@needs_dictionary
def test_russian_quoted_in_the_text_is_not_spelled_as_kazakh(tmp_path):
    article = ("Орысша атауы «Программа развития ООН» деп аталады.\n"
               "Он сказал, что это было в Москве и в Петербурге.\n")
    assert found(make_project(tmp_path, article), "spelling") == []


@needs_dictionary
def test_what_the_editor_wrote_is_checked_at_its_yaml_line(tmp_path):
    annotations = '- anchor: "тәуелсіз ел"\n  note: "Бұл ескертпеде кітапхна сөзі қате."\n'
    chronology = '- date: "1992-03-02"\n  event: "Қазақстан БҰҰ-ға мүше болып қабылданды"\n'
    root = make_project(tmp_path, "Қазақстан тәуелсіз ел болды.\n", annotations=annotations, chronology=chronology)
    (typo,) = found(root, "spelling")
    assert (typo.path.name, typo.line, typo.col) == ("annotations.yaml", 2, 25)
    (stop,) = found(root, "paragraph-end")
    assert (stop.path.name, stop.line) == ("chronology.yaml", 2) and not stop.fix, "YAML is reported, not edited"


def test_without_the_dictionary_one_note_and_no_findings(tmp_path, monkeypatch):
    monkeypatch.setattr(spelling, "DICTIONARY_STEMS", (tmp_path / "nowhere" / "kk_KZ",))
    root = make_project(tmp_path, "Қазақстн тәуелсіз ел болды\n")
    report = check_report(root)
    assert report.notes == ["spelling not checked: Kazakh Hunspell dictionary (hunspell-kk) not installed"]
    assert [f for f in report.findings if f.rule in ("spelling", "keyboard-slip")] == []


def test_the_compiled_lexicon_is_cached_and_remade_when_the_dictionary_changes(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon_module, "CACHE_DIR", tmp_path / "cache")
    dictionary = tmp_path / "kk.dic"
    dictionary.write_text("1\nкітап/A\n", encoding="utf-8")
    first = lexicon_module._cached("kk-lexicon", dictionary, lexicon_module._compile)
    assert "кітап" in first[0] and len(list((tmp_path / "cache").glob("kk-lexicon-*.marshal"))) == 1
    assert lexicon_module._cached("kk-lexicon", dictionary, lambda path: pytest.fail("read from the cache"))
    dictionary.write_text("1\nдәптер/A\n", encoding="utf-8")
    os.utime(dictionary, ns=(1, 1))
    second = lexicon_module._cached("kk-lexicon", dictionary, lexicon_module._compile)
    assert "дәптер" in second[0] and "кітап" not in second[0]
    assert len(list((tmp_path / "cache").glob("kk-lexicon-*.marshal"))) == 1, "the old cache is removed"


@needs_dictionary
def test_a_word_with_a_kazakh_letter_is_no_russian_keyboard_slip(tmp_path):
    """«түрен» (a plough's share: «түрен тимеген жер») has ү, which a Russian layout has not: it was not typed
    on one, and `--fix` must not make it «түрең» (it did, and recorded the change as the editor's)."""
    root = make_project(tmp_path, "Өмірі түрен тимеген сайдың қабағына ауыл қонды.\nБұл жерде онер дамыды.\n")
    slips = {f.message.split("»")[0].lstrip("«") for f in found(root, "keyboard-slip")}
    assert slips == {"онер"}  # a real slip still is one
