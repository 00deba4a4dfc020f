"""`build.py check`: the output contract, exit status, the seed as received, the default project, speed."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


from conftest import ROOT, run_cli
from kitap.check import check_project, spelling
from test_check_fixtures import make_project, raw_seed_project

LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<message>.+) "
                  r"\[(?P<rule>[a-z-]+)\]$")


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_check(*args: str, cwd: Path = ROOT, monkeypatch=None) -> Run:
    """The real `python build.py check` once the CLI has it; until then the same command through click."""
    from kitap.cli import main

    if "check" in main.commands:
        result = run_cli("check", *args, cwd=cwd)
        return Run(result.returncode, result.stdout, result.stderr)
    from click.testing import CliRunner

    from kitap.check.cli import check_command

    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(check_command, list(args))
    return Run(result.exit_code, result.stdout, result.stderr)


def test_help_has_examples(monkeypatch):
    result = run_check("--help", monkeypatch=monkeypatch)
    assert result.code == 0 and "python build.py check --fix" in result.out and "--source" in result.out


def test_each_finding_is_one_line_path_line_col_severity_message_rule(tmp_path, monkeypatch):
    make_project(tmp_path, "Қазақстан  ядролық қуатттан бас тартты\n",
                 annotations='- anchor: "Вашингтон шартына"\n  note: "Жоқ."\n')
    result = run_check("--source", "project", cwd=tmp_path, monkeypatch=monkeypatch)
    lines = [line for line in result.out.splitlines() if LINE.match(line)]
    assert "project/annotations.yaml:1:3: error: annotation anchor «Вашингтон шартына» is not in the article; " \
           "copy the phrase exactly from the text [anchor-missing]" in lines
    assert "project/article.txt:1:10: warning: 2 spaces in a row; one is enough [double-space]" in lines
    assert "project/article.txt:1:23: warning: «қуатттан»: the letter «т» 3 times in a row; a typo for «қуаттан»? " \
           "[tripled-letter]" in lines
    paths = [LINE.match(line)["path"] for line in lines]
    assert paths == sorted(paths), "grouped by file"
    article = [(int(m["line"]), int(m["col"])) for m in map(LINE.match, lines) if m["path"].endswith("article.txt")]
    assert article == sorted(article), "in line and column order"
    assert result.code == 1
    assert re.search(r"^1 error, \d+ warnings$", result.out, re.M)
    assert re.search(r"^by rule: anchor-missing 1, double-space 1, .*tripled-letter 1", result.out, re.M)


def test_warnings_only_exit_0(tmp_path, monkeypatch):
    make_project(tmp_path, "Қазақстан  тәуелсіз ел\n")
    result = run_check("--source", str(tmp_path / "project"), monkeypatch=monkeypatch)
    assert result.code == 0 and re.search(r"^0 errors, \d+ warnings?$", result.out, re.M)


def test_an_error_exits_1(tmp_path, monkeypatch):
    make_project(tmp_path, "Ќазаќстан тәуелсіз ел болды\n")
    result = run_check("--source", str(tmp_path / "project"), monkeypatch=monkeypatch)
    assert result.code == 1 and "[font-hack]" in result.out


def test_malformed_sources_are_reported_like_the_build_does(tmp_path, monkeypatch):
    root = make_project(tmp_path, "Қазақстан тәуелсіз ел\n", glossary='- term: "БҰҰ"\n  expansoin: "x"\n')
    result = run_check("--source", str(root), monkeypatch=monkeypatch)
    assert result.code == 1 and "Traceback" not in result.err
    assert "glossary.yaml:2: unknown key 'expansoin' in a glossary entry (did you mean 'expansion'?)" in result.err


def test_spelling_note_when_the_dictionary_is_absent(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kitap.check.cli import check_command

    monkeypatch.setattr(spelling, "DICTIONARY_STEMS", (tmp_path / "nowhere" / "kk_KZ",))
    make_project(tmp_path, "Қазақстан тәуелсіз ел\n")
    result = CliRunner().invoke(check_command, ["--source", str(tmp_path / "project")])
    assert result.exit_code == 0
    assert result.stdout.count("spelling not checked: Kazakh Hunspell dictionary (hunspell-kk) not installed") == 1


def test_markdown_articles_are_checked_at_their_own_lines(tmp_path):
    article = "# Тақырып\n\nҚазақстан  *тәуелсіз* ел, ЕЫҚҰ мүшесі\nжәне қуатттан бас тартты.\n"
    root = make_project(tmp_path, article, article_name="article.md")
    assert [(f.rule, f.line, f.col) for f in check_project(root) if f.rule != "spelling"] == [
        ("double-space", 3, 10), ("abbr-missing", 3, 27), ("tripled-letter", 4, 9)]


# ---- the seed as received, and the default project ---------------------------------------


def test_the_seed_as_received(tmp_path):
    findings = check_project(raw_seed_project(tmp_path))
    article = {(f.rule, f.line, f.col) for f in findings if f.path.name == "article.txt"}
    assert ("tripled-letter", 5, 82) in article            # қуатттан
    assert ("space-after-punct", 40, 59) in article        # қуатталды.Әлемдік
    assert ("roman-cyrillic", 25, 78) in article           # ХVІІІ
    assert not any(f.rule.startswith("abbr") for f in findings), "БОРБАСОВ in the byline is no abbreviation"
    # the annotation and the chronology entry quote the corrected «қуаттан»
    assert {f.rule for f in findings if f.severity == "error"} == {"anchor-missing", "chrono-anchor-missing"}


def test_the_default_project_has_no_errors():
    findings = check_project(ROOT / "source")
    assert [str(f) for f in findings if f.severity == "error"] == []
    # the 30 paragraphs that lost their full stops, and two words the dictionaries lack
    assert sum(f.rule == "paragraph-end" for f in findings) == 30
    assert {f.subject for f in findings if f.rule == "spelling"} == {"мысырлық", "конвекторлы"}
    assert {f.rule for f in findings} == {"paragraph-end", "spelling"}




def test_check_on_a_course_pack_checks_each_of_its_texts(tmp_path):
    """A teacher runs `check` on the course pack she builds: each text is checked in its own folder (it
    said «missing book.yaml»), and course.yaml's problems come first, as the build reports them."""
    import shutil

    from conftest import FIXTURES, ROOT, run_cli

    course = tmp_path / "course"
    shutil.copytree(FIXTURES / "course" / "texts", course / "texts")
    shutil.copytree(ROOT / "source", tmp_path / "un")
    text = (FIXTURES / "course" / "course.yaml").read_text(encoding="utf-8").replace("../../../source", "../un")
    (course / "course.yaml").write_text(text, encoding="utf-8")
    result = run_cli("check", "--source", str(course))
    assert result.returncode == 0, result.stdout + result.stderr
    assert str(tmp_path / "un" / "article.txt") in result.stdout  # the default project's findings, in its own files
    (course / "course.yaml").write_text(text.replace("texts/constitution-day", "texts/nowhere"), encoding="utf-8")
    result = run_cli("check", "--source", str(course))
    assert result.returncode == 1 and f"{course / 'course.yaml'}:13: text 'texts/nowhere' is not a folder" in result.stderr


def test_check_finds_a_question_about_a_paragraph_the_text_has_not(tmp_path):
    import shutil

    from conftest import FIXTURES, run_cli

    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "mini", project)
    (project / "questions.yaml").write_text('- question: "Қай жылы?"\n  answer: "1992"\n  paragraph: 30\n',
                                            encoding="utf-8")
    result = run_cli("check", "--source", str(project))
    assert result.returncode == 1
    assert (f"{project / 'questions.yaml'}:3:3: error: 'paragraph: 30' does not exist: the text has 3 paragraphs "
            "[question-paragraph]") in result.stdout


def test_a_problem_all_over_one_paragraph_is_one_line(tmp_path):
    """A paragraph typed with Latin «a» throughout gave a warning per word (32 for one paragraph of a real
    text): one line now, counted, with its fix; `--verbose` lists each."""
    from conftest import run_cli, text_project

    project = text_project(tmp_path / "p", "Қазақстан тәуелсіз ел болды.\nҚaзaқ eлi мeн aуылдaғы aдaмдaр жaқсы өмiр "
                           "сүрeдi, aнa тiлi мaңызды.\nБұл жақсы.\n")
    result = run_cli("check", "--source", str(project))
    lines = [line for line in result.stdout.splitlines() if "[mixed-script]" in line]
    assert lines == [f"{project / 'article.txt'}:2:1: warning: 11 words mix Latin and Cyrillic letters (line 2); "
                     "`check --fix` fixes them all (`--verbose` lists each) [mixed-script]"], result.stdout
    verbose = run_cli("check", "--source", str(project), "--verbose")
    assert sum("[mixed-script]" in line for line in verbose.stdout.splitlines()) == 11
