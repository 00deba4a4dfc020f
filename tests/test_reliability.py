"""Issue 13's fault-finding pass, kept as tests: hostile but valid input gets one `path:line: message`
(exit status 1, no traceback) from the loader, from `check` and from the build alike.

Each case writes files over a copy of tests/fixtures/mini (the case's fixture) and names the first line
of the message expected: `path:line: message start`.
"""
from __future__ import annotations

import os
import sys

import pytest

from conftest import FIXTURES

from kitap.errors import KitapError

BOOK = 'name: mini\ntitle: "Шағын мақала"\nauthor: "Тест Авторы"\nlanguage: kk\n'
NOTE = '- anchor: "БҰҰ мүшелігіне"\n  note: {}\n'
DEEP_BLOCK = "".join("  " * i + "a:\n" for i in range(3000)) + "  " * 3000 + "b\n"

# case → (files to write, "file:line: message start")
CASES = {
    # 13.1 valid but unexpected YAML
    "date unquoted, no such month": ({"book.yaml": BOOK + "date: 1992-13-45\n"},
                                     "book.yaml:5: '1992-13-45': month 13 does not exist"),
    "date unquoted, no such day": ({"chronology.yaml": "- date: 1992-02-30\n  event: x\n"},
                                   "chronology.yaml:1: '1992-02-30': day 30 does not exist in that month"),
    "date 0": ({"book.yaml": BOOK + "date: 0\n"}, "book.yaml:5: '0': there is no year 0; years run from 1 to 9999"),
    "negative year": ({"chronology.yaml": "- date: -5\n  event: x\n"}, "chronology.yaml:1: '-5' is not a date"),
    "complex key": ({"glossary.yaml": "? [[1]]\n: x\n"}, "glossary.yaml:1: a key must be a plain name"),
    "alias as a key": ({"glossary.yaml": "- &a [1]\n- {? *a : 1}\n"}, "glossary.yaml:2: a key must be a plain name"),
    "20,000 nested lists": ({"glossary.yaml": "[" * 20000 + "]" * 20000 + "\n"},
                            "glossary.yaml:1: invalid YAML: nested more than 50 levels deep"),
    "20,000 nested mappings": ({"annotations.yaml": "{a: " * 20000 + "b" + "}" * 20000 + "\n"},
                               "annotations.yaml:1: invalid YAML: nested more than 50 levels deep"),
    "3,000 nested block mappings": ({"chronology.yaml": DEEP_BLOCK},
                                    "chronology.yaml:50: invalid YAML: nested more than 50 levels deep"),
    "a YAML tag": ({"book.yaml": BOOK.replace('"Шағын мақала"', "!!binary aGk=")},
                   "book.yaml:2: YAML tags such as 'tag:yaml.org,2002:binary' are not used"),
    "5,000 nested emphasis": ({"article.txt": None, "article.md": "*" * 5000 + "сөз" + "*" * 5000 + "\n"},
                              "article.md:1: formatting is nested more than 20 levels deep"),
    "5,000 nested quotes": ({"article.txt": None, "article.md": ">" * 5000 + " сөз\n"},
                            "article.md:1: formatting is nested more than 20 levels deep"),
    "21 nested quotes (markdown-it dropped them)": ({"article.txt": None, "article.md": "Бір.\n\n" + ">" * 21 + " сөз\n"},
                                                    "article.md:3: formatting is nested more than 20 levels deep"),
    # a Markdown note whose words would be lost, or a call printed as typed (a fault-finding pass)
    "a note call with no note": ({"article.txt": None, "article.md": "Мәтін бар[^жоқ].\n"},
                                 "article.md:1: footnote call [^жоқ] has no note"),
    "a note never called": ({"article.txt": None, "article.md": "Мәтін бар.\n\n[^a]: ескерту\n"},
                            "article.md:3: footnote [^a] is never called in the text, so its words would be left out"),
    "a note written twice": ({"article.txt": None, "article.md": "Мәтін[^a] бар.\n\n[^a]: бір\n[^a]: екі\n"},
                             "article.md:4: footnote [^a] is written twice (line 3 too)"),
    "5,000 nested emphasis in a note": ({"annotations.yaml": NOTE.format('"' + "*" * 5000 + "x" + "*" * 5000 + '"')},
                                        "annotations.yaml:2: formatting is nested more than 20 levels deep"),
    # 13.2 characters through YAML escapes
    "BEL in a title": ({"book.yaml": BOOK.replace("Шағын мақала", "A\\aB")},
                       "book.yaml:2: invisible control character U+0007"),
    "NUL in a title": ({"book.yaml": BOOK.replace("Шағын мақала", "A\\0B")}, "book.yaml:2: a NUL character (U+0000)"),
    "lone surrogate in a title": ({"book.yaml": BOOK.replace("Шағын мақала", "A\\uD800B")},
                                  "book.yaml:2: a lone surrogate U+D800"),
    "noncharacter in an author": ({"book.yaml": BOOK.replace("Тест Авторы", "A\\uFFFEB")},
                                  "book.yaml:3: U+FFFE is a Unicode noncharacter"),
    "noncharacter U+FDD0": ({"book.yaml": BOOK.replace("Тест Авторы", "A\\uFDD0B")},
                            "book.yaml:3: U+FDD0 is a Unicode noncharacter"),
    "noncharacter U+10FFFF": ({"book.yaml": BOOK.replace("Тест Авторы", "A\\U0010FFFFB")},
                              "book.yaml:3: U+10FFFF is a Unicode noncharacter"),
    "BEL in a note": ({"annotations.yaml": NOTE.format('"a\\ab"')}, "annotations.yaml:2: invisible control character U+0007"),
    "NUL in an expansion": ({"glossary.yaml": '- term: "ҚР"\n  expansion: "a\\0b"\n'},
                            "glossary.yaml:2: a NUL character (U+0000)"),
    "ESC in an event": ({"chronology.yaml": '- date: "1991"\n  event: "\\e[31m"\n'},
                        "chronology.yaml:2: invisible control character U+001B"),
    "C1 control (NEL) in an editorial note": ({"editorial.yaml": 'notes:\n  - "a\\Nb"\n'},
                                              "editorial.yaml:2: invisible control character U+0085"),
    "control in a key": ({"glossary.yaml": '- "te\\arm": "ҚР"\n  expansion: "x"\n'},
                         "glossary.yaml:1: invisible control character U+0007"),
    "a control character as a Markdown character reference": (
        {"article.txt": None, "article.md": "Қазақстан a&#7;b қабылданды.\n"},
        "article.md:1: «\ufffd» (U+FFFD REPLACEMENT CHARACTER) marks a character lost"),
    "Hebrew as a character reference in a note": ({"annotations.yaml": NOTE.format('"x &#1488; y"')},
                                                  "annotations.yaml:2: text in Hebrew script: «א»"),
    # 13.3 a footnote inside a note
    "inline footnote in a note": ({"annotations.yaml": NOTE.format('"бір ^[екі]"')},
                                  "annotations.yaml:2: a note cannot have a footnote of its own"),
    "inline footnote in an event": ({"chronology.yaml": '- date: "1991"\n  event: "бір ^[екі]"\n'},
                                    "chronology.yaml:2: a note cannot have a footnote of its own"),
    "footnote in a Markdown footnote": ({"article.txt": None, "article.md": "Мәтін[^a].\n\n[^a]: Ескерту ^[ішкі].\n"},
                                        "article.md:3: a note cannot have a footnote of its own"),
    # 13.9 values the outputs cannot take
    "language kk_KZ": ({"book.yaml": BOOK.replace("language: kk", "language: kk_KZ")},
                       "book.yaml:4: 'language' must be a language tag (BCP 47"),
    "language Қазақша": ({"book.yaml": BOOK.replace("language: kk", "language: Қазақша")},
                         "book.yaml:4: 'language' must be a language tag (BCP 47"),
    "250-letter name": ({"book.yaml": BOOK.replace("name: mini", "name: " + "a" * 250)},
                        "book.yaml:1: 'name' is 250 characters long; the limit is 100"),
    "1 MB title": ({"book.yaml": BOOK.replace("Шағын мақала", "Ұзын" * 262144)},
                   "book.yaml:2: 'title' is 1,048,576 characters long; the limit is 300"),
    # 13.5 a paragraph longer than the limit (bench/RESULTS.md: memory and time against paragraph length)
    "a 100,001-character paragraph": ({"article.txt": "Бір.\n" + "а" * 100_001 + "\n"},
                                      "article.txt:2: this paragraph has 100,001 characters; the limit is 100,000"),
    "a 100,001-character Markdown paragraph": ({"article.txt": None, "article.md": "Бір.\n\n" + "а " * 50_001 + "\n"},
                                               "article.md:3: this paragraph has 100,00"),
    "a 100,001-character note": ({"annotations.yaml": NOTE.format('"' + "а" * 100_001 + '"')},
                                 "annotations.yaml:2: 'note' is 100,001 characters long; the limit is 100,000"),
    "a 100,001-character editorial note": ({"editorial.yaml": 'notes:\n  - "' + "а" * 100_001 + '"\n'},
                                           "editorial.yaml:2: this note has 100,001 characters; the limit is 100,000"),
    # 13.10 scripts kitap has no font for
    "Hebrew in a note": ({"annotations.yaml": NOTE.format('"שלום"')},
                         "annotations.yaml:2: text in Hebrew script: «ש» (U+05E9 HEBREW LETTER SHIN) cannot be set"),
    "Arabic in the article": ({"article.txt": "Қазақстан 1992 жылдың 2 наурызында БҰҰ мүшелігіне қабылданды\n"
                                              "Екінші жол: السلام عليكم\n"},
                              "article.txt:2: text in Arabic script: «ا» (U+0627 ARABIC LETTER ALEF) cannot be set"),
    "Chinese in a title": ({"book.yaml": BOOK.replace("Шағын мақала", "中文")},
                           "book.yaml:2: text in Chinese/Japanese (CJK) script: «中»"),
    "Greek in a glossary entry": ({"glossary.yaml": '- term: "ҚР"\n  expansion: "Ελλάδα"\n'},
                                  "glossary.yaml:2: text in Greek script: «Ε»"),
    "an emoji in an event": ({"chronology.yaml": '- date: "1991"\n  event: "Той 🎉"\n'},
                             "chronology.yaml:2: «🎉» (U+1F389 PARTY POPPER) cannot be set"),
}


def write_case(root, files) -> None:
    for name, text in files.items():
        if text is None:
            (root / name).unlink()
        else:
            (root / name).write_text(text, encoding="utf-8")


def invoke(monkeypatch, capsys, *args) -> tuple[int, str, str]:
    """The command line in this process, as `python build.py ARGS` runs it (internal errors included)."""
    from kitap import cli

    monkeypatch.setattr(sys, "argv", ["build.py", *args])
    with pytest.raises(SystemExit) as end:
        cli._run()
    out, err = capsys.readouterr()
    return end.value.code or 0, out, err


@pytest.mark.parametrize("case", CASES)
def test_hostile_input_gets_one_message_from_check_and_build(case, project, monkeypatch, capsys):
    """`check` and the build, which both run the loader, say the same."""
    files, expected = CASES[case]
    write_case(project, files)
    for args in (["check", "--source", str(project)],
                 ["--source", str(project), "--output", str(project / "out"), "--only", "epub", "--jobs", "1"]):
        code, out, err = invoke(monkeypatch, capsys, *args)
        assert code == 1 and "Traceback" not in err and "internal error" not in err, (args, err)
        assert err.startswith(f"{project}/{expected}"), (args, err)
    assert not (project / "out").exists()


def _link_loop(path):
    path.unlink()
    path.symlink_to(path.name)


def _pipe(path):
    path.unlink()
    os.mkfifo(path)


def _folder(path):
    path.unlink()
    path.mkdir()


@pytest.mark.parametrize("name, make, expected", [
    ("chronology.yaml", _link_loop, "this file is a link that leads back to itself (a loop of links)"),
    ("annotations.yaml", _pipe, "this is not a regular file (a folder, pipe or device)"),
    ("article.txt", _folder, "this is not a regular file (a folder, pipe or device)"),
], ids=["a-link-loop", "a-pipe", "a-folder"])
def test_a_source_file_that_is_there_but_cannot_be_read_is_named(name, make, expected, project, monkeypatch, capsys):
    """A fault-finding pass: a chronology that was a loop of links, or notes that were a named pipe, were taken
    for no file (the build passed without them); an article that was a folder was «no article found»."""
    make(project / name)
    for args in (["check", "--source", str(project)],
                 ["--source", str(project), "--output", str(project / "out"), "--only", "html", "--jobs", "1"]):
        code, out, err = invoke(monkeypatch, capsys, *args)
        assert code == 1 and "Traceback" not in err and "internal error" not in err, (args, err)
        assert err.startswith(f"{project}/{name}: {expected}"), (args, err)
    assert not (project / "out").exists()


@pytest.mark.parametrize("anchor, expected", [
    ("БҰҰ\\u00a0мүшелігіне", "annotation anchor «БҰҰ\u00a0мүшелігіне» is not in the article; it has U+00A0 NO-BREAK SPACE "
                             "after «БҰҰ», where the text has an ordinary space"),
    ("БҰҰ мүше\\u200bлігіне", "annotation anchor «БҰҰ мүше\u200bлігіне» is not in the article; it has U+200B ZERO "
                              "WIDTH SPACE after «мүше», where the text has nothing"),
], ids=["no-break-space", "zero-width-space"])
def test_an_anchor_that_differs_invisibly_is_told_what_differs(anchor, expected, project, monkeypatch, capsys):
    """A fault-finding pass: «did you mean ««Қара сөздері»»?» for an anchor that looked the same as the text."""
    write_case(project, {"annotations.yaml": f'- anchor: "{anchor}"\n  note: "x"\n'})
    code, out, err = invoke(monkeypatch, capsys, "--source", str(project), "--output", str(project / "out"),
                            "--only", "html", "--jobs", "1")
    assert code == 1 and err.startswith(f"{project}/annotations.yaml:1: {expected}"), err
    code, out, err = invoke(monkeypatch, capsys, "check", "--source", str(project))
    assert code == 1 and f"{expected}" in out, out


def test_twenty_thousand_levels_fail_fast(project):
    import time

    from kitap.load import load_project

    write_case(project, {"glossary.yaml": "[" * 20000 + "]" * 20000 + "\n"})
    started = time.perf_counter()
    with pytest.raises(KitapError):
        load_project(project)
    assert time.perf_counter() - started < 5  # it took 26 s to reach a RecursionError


def test_yaml_scalars_are_the_text_written(project):
    """No YAML type guessing: what looks like a number or a date stays the text the author wrote."""
    from kitap.load import load_project

    write_case(project, {"book.yaml": BOOK.replace('"Шағын мақала"', "0x1F") + "subtitle: 1.10\ndate: 1992-03-02\n",
                         "annotations.yaml": '- anchor: "БҰҰ мүшелігіне"\n  occurrence: 1\n  note: yes\n'})
    book = load_project(project)
    assert (book.meta.title, book.meta.subtitle, book.meta.date) == ("0x1F", "1.10", "1992-03-02")
    assert book.annotations[0].anchor.occurrence == 1
