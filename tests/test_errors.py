"""Bad input: one clear `path:line: message`, exit status 1, no traceback, earlier outputs untouched."""
from __future__ import annotations

import shutil

import pytest

from conftest import run_cli


@pytest.fixture
def earlier_output(tmp_path, mini_build):
    """An output folder holding a previous good build."""
    out = tmp_path / "out"
    shutil.copytree(mini_build.output, out)
    return out, snapshot(out)


def snapshot(folder):
    """Every output file (a build's hidden staging folder is not an output: see kitap/writers/atomic.py)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.relative_to(folder).parts[0].startswith(".kitap-staging-")}


def fails_cleanly(project, earlier_output) -> str:
    out, before = earlier_output
    result = run_cli("--source", str(project), "--output", str(out))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(out) == before, "earlier outputs must stay intact"
    assert not [p for p in out.iterdir() if p.name.startswith(".kitap-staging-")], "no staging left behind"
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_broken_yaml(project, earlier_output):
    (project / "glossary.yaml").write_text('- term: [БҰҰ\n', encoding="utf-8")
    message = fails_cleanly(project, earlier_output)
    assert message.startswith(f"{project / 'glossary.yaml'}:") and "invalid YAML" in message


@pytest.mark.parametrize("text, line, words", [
    ('- term: "БҰҰ"\n\texpansion: "Біріккен Ұлттар Ұйымы"\n', 2, "a tab: YAML indents with spaces only"),
    ('- term: "БҰҰ"\n  expansion: "Біріккен Ұлттар Ұйымы"\n    ru: "ООН"\n', 3, "this line is indented more than"),
])
def test_a_tab_or_a_wrong_indent_is_said_in_words(project, earlier_output, text, line, words):
    """«found character '\\t' that cannot start any token», «expected <block end>, but found '<block mapping
    start>'»: the parser's words; the teacher gets what is wrong with the line and how to mend it."""
    (project / "glossary.yaml").write_text(text, encoding="utf-8")
    message = fails_cleanly(project, earlier_output)
    assert message.startswith(f"{project / 'glossary.yaml'}:{line}: {words}"), message


@pytest.mark.parametrize("text, line", [
    ('- term: "БҰҰ\n  expansion: x\n', 1),  # the scanner reads to the end of the file
    ('- term: "БҰҰ"\n  expansion: "Біріккен Ұлттар Ұйымы\n- term: "ҚР"\n  expansion: "Қазақстан"\n', 2),  # the next key
])
def test_an_unclosed_quote_is_named_at_its_own_line(project, earlier_output, text, line):
    """The parser speaks of «<block end>» or «end of stream», a line or more too late: the message names
    the line whose quote is not closed, in words."""
    (project / "glossary.yaml").write_text(text, encoding="utf-8")
    message = fails_cleanly(project, earlier_output)
    assert message == (f"{project / 'glossary.yaml'}:{line}: a quoted text opened on this line is not closed: end it "
                       'with the same quote mark (") before the line ends')


def test_unknown_key_suggests_the_right_one(project, earlier_output):
    text = (project / "glossary.yaml").read_text(encoding="utf-8").replace("expansion: \"Қазақстан", "expansoin: \"Қазақстан")
    (project / "glossary.yaml").write_text(text, encoding="utf-8")
    message = fails_cleanly(project, earlier_output)
    assert message == (f"{project / 'glossary.yaml'}:2: unknown key 'expansoin' in a glossary entry "
                       "(did you mean 'expansion'?)")


def test_missing_required_key(project, earlier_output):
    (project / "book.yaml").write_text("title: Тақырып\n", encoding="utf-8")
    message = fails_cleanly(project, earlier_output)
    assert message == f"{project / 'book.yaml'}:1: book.yaml is missing the required key 'author'"


def test_anchor_not_found_names_file_line_and_suggests(project, earlier_output):
    (project / "annotations.yaml").write_text('- anchor: "Лиссабон хатамасына"\n  note: "x"\n', encoding="utf-8")
    message = fails_cleanly(project, earlier_output)
    assert message.startswith(f"{project / 'annotations.yaml'}:1: annotation anchor «Лиссабон хатамасына» is not in the article")
    assert "did you mean «Лиссабон хаттамасына»" in message


def test_ambiguous_anchor(project, earlier_output):
    (project / "annotations.yaml").write_text('- note: "x"\n  anchor: "БҰҰ"\n', encoding="utf-8")
    message = fails_cleanly(project, earlier_output)
    assert "occurs 2 times (article.txt 1:36, 2:13)" in message and "occurrence: N" in message
    assert message.startswith(f"{project / 'annotations.yaml'}:1:")


def test_occurrence_selects_among_repeats(project, mini_build, tmp_path):
    (project / "annotations.yaml").write_text('- anchor: "БҰҰ"\n  occurrence: 2\n  note: "екінші"\n', encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(tmp_path / "o"))
    assert result.returncode == 0, result.stderr


def test_non_utf8_file_names_the_encoding_and_the_lost_letters(project, earlier_output):
    (project / "article.txt").write_bytes("Қазақстан тәуелсіздік алды\n".encode("cp1251", errors="replace") +
                                          "Мемлекет\n".encode("cp1251"))
    message = fails_cleanly(project, earlier_output)
    assert message.startswith(f"{project / 'article.txt'}:1: not UTF-8 text: the file is in Windows-1251")
    assert "«?аза?стан»; line 1)" in message and "save the original text again, as UTF-8" in message
    assert "iconv" not in message, "converting would not bring the letters back"


@pytest.mark.parametrize("encoding, named", [("utf-16", "UTF-16"), ("utf-32", "UTF-32")])
def test_a_utf_16_or_utf_32_file_is_named_as_such(project, earlier_output, encoding, named):
    (project / "article.txt").write_bytes("Қазақстан тәуелсіздік алды\n".encode(encoding))
    message = fails_cleanly(project, earlier_output)
    assert message.startswith(f"{project / 'article.txt'}:1: file is {named}; save it as UTF-8"), message


def test_empty_article(project, earlier_output):
    (project / "article.txt").write_text("\n   \n", encoding="utf-8")
    (project / "annotations.yaml").unlink()
    (project / "chronology.yaml").unlink()
    message = fails_cleanly(project, earlier_output)
    assert message == f"{project / 'article.txt'}:1: the article is empty: write at least one paragraph (one paragraph per line)"


def test_invalid_date(project, earlier_output):
    text = (project / "chronology.yaml").read_text(encoding="utf-8").replace("1992-05-23", "1992-02-30")
    (project / "chronology.yaml").write_text(text, encoding="utf-8")
    message = fails_cleanly(project, earlier_output)
    assert message.startswith(f"{project / 'chronology.yaml'}:1: '1992-02-30': day 30 does not exist")


@pytest.mark.parametrize("written, words", [
    ("02.03.1992", "'02.03.1992': write the date as YYYY-MM-DD, here '1992-03-02'"),
    ("31.02.1992", "'31.02.1992' would be '1992-02-31', but day 31 does not exist in that month (it has 29 days)")])
def test_a_date_written_day_first_is_answered_with_its_iso_form(project, earlier_output, written, words):
    """A teacher writes the date as in a text: «not a date», then, once rewritten, «day 31 does not exist»
    took two runs; the first now says both."""
    text = (project / "chronology.yaml").read_text(encoding="utf-8").replace('"1992-05-23"', f'"{written}"', 1)
    (project / "chronology.yaml").write_text(text, encoding="utf-8")
    message = fails_cleanly(project, earlier_output)
    assert message.startswith(f"{project / 'chronology.yaml'}:1: {words}"), message


def test_a_broken_file_does_not_hide_the_next_ones_errors(project, earlier_output):
    """«read and check everything before writing anything»: a glossary that is not YAML stopped the reading,
    and the chronology's error came only once it was mended."""
    out, before = earlier_output
    (project / "glossary.yaml").write_text('- term: "БҰҰ"\n    expansion: "Біріккен Ұлттар Ұйымы"\n', encoding="utf-8")
    text = (project / "chronology.yaml").read_text(encoding="utf-8").replace('"1992-05-23"', '"1992-02-30"', 1)
    (project / "chronology.yaml").write_text(text, encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"{project / 'glossary.yaml'}:2: this line is indented more than"), lines
    assert lines[1].startswith(f"{project / 'chronology.yaml'}:1: '1992-02-30': day 30 does not exist"), lines
    assert snapshot(out) == before


def test_duplicate_glossary_term(project, earlier_output):
    with open(project / "glossary.yaml", "a", encoding="utf-8") as handle:
        handle.write('- term: "ҚР"\n  expansion: "қайталау"\n')
    message = fails_cleanly(project, earlier_output)
    assert message == f"{project / 'glossary.yaml'}:7: duplicate glossary term 'ҚР' (first defined at line 1); merge the two entries"


def test_wrong_type(project, earlier_output):
    (project / "annotations.yaml").write_text('- anchor: "БҰҰ мүшелігіне"\n  occurrence: "бірінші"\n  note: "x"\n', encoding="utf-8")
    message = fails_cleanly(project, earlier_output)
    assert message == f"{project / 'annotations.yaml'}:2: 'occurrence' must be a whole number"


def test_missing_source_folder(tmp_path, earlier_output):
    message = fails_cleanly(tmp_path / "nowhere", earlier_output)
    assert message.startswith(f"{tmp_path / 'nowhere'}: source folder not found")


def test_a_source_that_is_a_file_and_an_occurrence_below_one_are_said_so(project, tmp_path, earlier_output):
    """A fault-finding pass: `--source base/article.txt` said «source folder not found»; `occurrence: -1` said
    only «must be a whole number»."""
    message = fails_cleanly(project / "article.txt", earlier_output)
    assert message.startswith(f"{project / 'article.txt'}: this is a file, not a project folder: give its folder "
                              f"with --source ({project}), or import it")
    (project / "annotations.yaml").write_text('- anchor: "БҰҰ мүшелігіне"\n  occurrence: -1\n  note: "x"\n', encoding="utf-8")
    message = fails_cleanly(project, earlier_output)
    assert message == f"{project / 'annotations.yaml'}:2: 'occurrence' must be a whole number from 1 (the first is 1)"


def test_bom_and_crlf_are_accepted(project, tmp_path):
    for name in ("article.txt", "glossary.yaml", "book.yaml"):
        text = (project / name).read_text(encoding="utf-8")
        (project / name).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = run_cli("--source", str(project), "--output", str(tmp_path / "o"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "o" / "mini.pdf").stat().st_size > 1000


def test_path_outside_the_project_is_refused(project, earlier_output):
    with open(project / "book.yaml", "a", encoding="utf-8") as handle:
        handle.write("article: ../../../../etc/passwd\n")
    message = fails_cleanly(project, earlier_output)
    assert "leads outside the project folder" in message and message.startswith(f"{project / 'book.yaml'}:8:")


def test_raw_html_is_escaped_not_executed(project, tmp_path):
    from conftest import epub_files

    (project / "article.txt").write_text(
        'Қазақстан 1992 жылдың 2 наурызында БҰҰ мүшелігіне <img src="file:///etc/passwd"> '
        "<script>alert(1)</script> Лиссабон хаттамасына ҚР\n", encoding="utf-8")
    result = run_cli("--source", str(project), "--output", str(tmp_path / "o"))
    assert result.returncode == 0, result.stderr
    article = epub_files(tmp_path / "o" / "mini.epub")["EPUB/article.xhtml"].decode()
    assert "&lt;img src=" in article and "<script" not in article
