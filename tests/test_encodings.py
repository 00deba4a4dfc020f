"""Issue 12 part 5 and issue 13 part 9: encodings that destroy letters, KZ-1048, files of other kinds, and
advice only as far as the bytes make it certain.

The texts: tests/fixtures/encodings/ (written for these tests) and, when present, the real texts of
tests/corpus/ (kk/, ru/), which kitap was never tuned on.
"""
from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_cli

from kitap.check import check_project
from kitap.errors import KitapError
from kitap.check.fix import convert_encodings, fix_project
from kitap.load.encodings import MIN_EVIDENCE, diagnose

OWN = FIXTURES / "encodings"
CORPUS = ROOT / "tests" / "corpus"
KAZAKH = sorted(OWN.glob("kk-*.txt")) + sorted((CORPUS / "kk").glob("*.txt"))
RUSSIAN = sorted(OWN.glob("ru-*.txt")) + sorted((CORPUS / "ru").glob("*.txt"))
LOST = "әғқңөұүһӘҒҚҢӨҰҮҺ"  # the Kazakh letters Windows-1251 lacks


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def kz1048_text(path: Path) -> str:
    """The text, if a KZ-1048 file can hold it (a real KZ-1048 file has no U+2010 hyphen, no ²)."""
    text = text_of(path)
    try:
        text.encode("kz1048")
    except UnicodeEncodeError as error:
        pytest.skip(f"KZ-1048 cannot hold {text[error.start]!r}")
    return text


def project_with(tmp_path: Path, article: bytes) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / "book.yaml").write_text('name: enc\ntitle: "Мәтін"\nauthor: "Автор"\n', encoding="utf-8")
    (root / "article.txt").write_bytes(article)
    return root


def ids(paths):
    return [p.parent.name + "/" + p.name for p in paths]


def _loses_letters(line: str) -> bool:
    """Whether Windows-1251 turns letters of this line into a «?» that stands where a letter must have been:
    a run of letters it lacks, followed by a letter it has, and preceded by a letter or followed by a small one."""
    for run in re.finditer(rf"[{LOST}]+", line):
        before, after = line[run.start() - 1:run.start()], line[run.end():run.end() + 1]
        if after.isalpha() and (before.isalpha() or after.islower()):
            return True
    return False


@pytest.mark.parametrize("path", KAZAKH, ids=ids(KAZAKH))
def test_letters_lost_to_windows_1251_are_an_error_on_every_line_after_the_suggested_conversion(tmp_path, path):
    original = text_of(path)
    converted = original.encode("cp1251", errors="replace").decode("cp1251")  # what `iconv` made of it
    root = project_with(tmp_path, converted.encode("utf-8"))
    damaged = {number for number, line in enumerate(original.split("\n"), start=1) if _loses_letters(line)}
    findings = [f for f in check_project(root) if f.rule == "lost-letters"]
    assert {f.line for f in findings} == damaged
    assert all(f.severity == "error" and "save the original text again, as UTF-8" in f.message for f in findings)
    assert len(findings) == len(damaged), "one finding per line"


def test_the_build_refuses_lost_letters_and_says_why(tmp_path):
    text = text_of(OWN / "kk-school.txt").encode("cp1251", errors="replace").decode("cp1251")
    root = project_with(tmp_path, text.encode("utf-8"))
    result = run_cli("--source", str(root), "--output", str(tmp_path / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{root / 'article.txt'}:2:37: error: «?абатта», «орналас?ан», «О?ушылар», «саба?тан», "
                               "«о?иды», «ж?не», «?й»: letters")
    assert lines[0].endswith(": letters replaced by «?»: the file was saved in an encoding without Kazakh letters "
                             "(such as Windows-1251) before kitap saw it, and they cannot be recovered here; save the "
                             "original text again, as UTF-8 [lost-letters]")
    assert [line.split(":")[1] for line in lines if "[lost-letters]" in line] == ["2", "3", "4", "5"]


def test_a_raw_windows_1251_file_with_lost_letters_is_not_converted(tmp_path):
    data = text_of(OWN / "kk-school.txt").encode("cp1251", errors="replace")
    root = project_with(tmp_path, data)
    result = run_cli("--source", str(root), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{root / 'article.txt'}:2: not UTF-8 text: the file is in Windows-1251 (Cyrillic), "
                                    "which has no letters ә ғ қ ң ө ұ ү һ; they were replaced by «?»")
    assert "iconv" not in result.stderr and "check --fix" not in result.stderr
    assert convert_encodings(root) == [] and (root / "article.txt").read_bytes() == data


@pytest.mark.parametrize("path", KAZAKH, ids=ids(KAZAKH))
def test_kz1048_is_recognised_and_converted_exactly(tmp_path, path):
    from kitap.load import load_project

    original = kz1048_text(path)
    data = original.encode("kz1048")
    root = project_with(tmp_path, data)
    with pytest.raises(KitapError) as refused:
        load_project(root)
    assert str(refused.value).startswith(f"{root / 'article.txt'}:1: not UTF-8 text: the file is in KZ-1048 (the "
                                         f"Kazakh Windows code page); `python build.py check --fix --source {root}`")
    [converted] = convert_encodings(root)
    assert (converted.path, converted.backup) == (root / "article.txt", root / "article.txt.bak")
    assert (root / "article.txt").read_text(encoding="utf-8") == original
    assert (root / "article.txt.bak").read_bytes() == data


def fixed_as_correct_text(tmp_path, text: str) -> str:
    """What `check --fix` makes of the correct UTF-8 text (the other rules' fixes), for comparison."""
    (tmp_path / "correct").mkdir()
    root = project_with(tmp_path / "correct", text.encode("utf-8"))
    fix_project(root)
    return (root / "article.txt").read_text(encoding="utf-8")


def test_check_fix_converts_kz1048_files_and_the_project_builds(tmp_path):
    original = text_of(OWN / "kk-school.txt")
    root = project_with(tmp_path, original.encode("kz1048"))
    (root / "glossary.yaml").write_bytes('- term: "ҚР"\n  expansion: "Қазақстан Республикасы"\n'.encode("kz1048"))
    fixed = run_cli("check", "--source", str(root), "--fix")
    for name in ("glossary.yaml", "article.txt"):
        assert f"{root / name}: converted from KZ-1048 (the Kazakh Windows code page) to UTF-8; the original is kept " \
               f"as {root / name}.bak" in fixed.stdout
    # the converted text, then fixed as --fix fixes the correct text
    assert (root / "article.txt").read_text(encoding="utf-8") == fixed_as_correct_text(tmp_path, original)
    built = run_cli("--source", str(root), "--output", str(tmp_path / "out"), "--only", "epub")
    assert built.returncode == 0, built.stderr


@pytest.mark.parametrize("path", KAZAKH + RUSSIAN, ids=ids(KAZAKH + RUSSIAN))
@pytest.mark.parametrize("encoding", ["kz1048", "cp1251", "koi8-r", "mac-cyrillic", "cp866"])
def test_a_legacy_encoding_is_named_only_when_certain_and_then_rightly(path, encoding):
    text = text_of(path)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{encoding} cannot hold this text")  # the lost-letters tests cover that
    named = diagnose(data).encoding
    same = [other for other in ("cp1251", "kz1048") if data.decode(other, errors="replace") == text]
    right = same[0] if encoding in same else encoding  # Russian reads the same in both: called Windows-1251
    assert named in (right, None), f"{path.name} in {encoding} called {named}"
    if sum(1 for c in text if not c.isascii()) >= 5 * MIN_EVIDENCE:
        assert named == right, "a text this long is recognised"


@pytest.mark.parametrize("path", KAZAKH, ids=ids(KAZAKH))
def test_kz1048_converted_as_windows_1251_is_repaired_by_the_font_hack_rule(tmp_path, path):
    original = kz1048_text(path)
    wrong = original.encode("kz1048").decode("cp1251")  # ј ѕ ї є ў ґ ќ ћ inside Kazakh words
    root = project_with(tmp_path, wrong.encode("utf-8"))
    findings = [f for f in check_project(root) if f.rule == "font-hack"]
    assert findings and all("KZ-1048 text converted as if it were Windows-1251" in f.message for f in findings)
    fix_project(root)
    # the text repaired, and then fixed as --fix fixes the correct text (a lost full stop, a heading's '# ')
    assert (root / "article.txt").read_text(encoding="utf-8") == fixed_as_correct_text(tmp_path, original)


def test_utf8_with_one_bad_byte_gets_its_place_and_no_guess(tmp_path):
    good = text_of(OWN / "kk-school.txt").encode("utf-8")
    at = good.index("Кітапханашы".encode())
    root = project_with(tmp_path, good[:at] + b"\xff" + good[at:])
    result = run_cli("--source", str(root), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.strip() == (f"{root / 'article.txt'}:3: the file is UTF-8 except at line 3 (byte {at}: 0xFF), "
                                     "where the bytes are not UTF-8; retype the character there (or delete it) in a "
                                     "UTF-8 editor")
    for name in ("koi8", "cp1251", "mac", "iconv", "Windows"):
        assert name not in result.stderr


def test_a_russian_windows_1251_file_is_called_windows_1251(tmp_path):
    root = project_with(tmp_path, text_of(OWN / "ru-weather.txt").encode("cp1251"))
    message = run_cli("check", "--source", str(root)).stderr
    assert "the file is in Windows-1251 (Cyrillic);" in message and "mac" not in message.lower()
    fixed = run_cli("check", "--source", str(root), "--fix")
    assert "converted from Windows-1251 (Cyrillic) to UTF-8" in fixed.stdout
    assert (root / "article.txt").read_text(encoding="utf-8") == fixed_as_correct_text(tmp_path, text_of(OWN / "ru-weather.txt"))


def _zip(names: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in names.items():
            archive.writestr(name, data)
    return out.getvalue()


def _kinds(mini_build):
    from kitap.model import Meta
    from kitap.writers.cover import cover_png

    png = cover_png(Meta(name="x", title="Т", author="А", language="kk", identifier="x"))
    return {
        "docx": (_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
                 "this file is a Word document (.docx), not text; make a project from it with `python build.py import FILE`"),
        "odt": (_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"}),
                "this file is an OpenDocument file (.odt, from LibreOffice), not text; make a project from it with "
                "`python build.py import FILE`"),
        "xlsx": (_zip({"xl/workbook.xml": b"<workbook/>"}), "this file is an Excel workbook (.xlsx), not text"),
        "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "this file is an old Microsoft Office file (Word .doc "
                "or Excel .xls), not text; save it as .docx in Word, then make a project from it with `python build.py "
                "import FILE`"),
        "pdf": (mini_build.pdf.read_bytes(), "this file is a PDF file, not text"),
        "rtf": (rb"{\rtf1\ansi\ansicpg1251 {\fonttbl\f0 Times;}\f0 \'cf\'f0\'e8\'e2\'e5\'f2}",
                "this file is an RTF document, not plain text; save it as .docx in Word or LibreOffice, then make a "
                "project from it with `python build.py import FILE`"),
        "png": (png, "this file is a PNG image, not text"),
    }


@pytest.mark.parametrize("kind", ["docx", "odt", "xlsx", "doc", "pdf", "rtf", "png"])
def test_files_of_other_kinds_are_named_by_their_bytes(tmp_path, mini_build, kind):
    data, expected = _kinds(mini_build)[kind]
    root = project_with(tmp_path, data)
    result = run_cli("--source", str(root), "--output", str(tmp_path / "out"))
    assert result.returncode == 1 and result.stderr.startswith(f"{root / 'article.txt'}:1: {expected}"), result.stderr
    assert "iconv" not in result.stderr and "UTF-8 except" not in result.stderr


def test_office_file_as_book_yaml_too(tmp_path, mini_build):
    root = project_with(tmp_path, "Мәтін.\n".encode())
    shutil.copy(mini_build.pdf, root / "book.yaml")
    result = run_cli("check", "--source", str(root))
    assert result.returncode == 1 and result.stderr.startswith(f"{root / 'book.yaml'}:1: this file is a PDF file")
