"""The characters a source may hold (kitap/load/characters.py): the table of what the shipped fonts can
set is the fonts' own, and text in any other script is refused before it reaches an output."""
from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from conftest import ROOT

from kitap.load import characters


def _ranges(codes: set[int]) -> tuple[tuple[int, int], ...]:
    ordered, ranges = sorted(codes), []
    for code in ordered:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return tuple((start, end) for start, end in ranges)


def test_the_coverage_table_is_what_every_shipped_font_maps():
    fonts = sorted((ROOT / "styles" / "fonts").glob("*.ttf"))
    assert len(fonts) == 6
    common = set.intersection(*(set(TTFont(path).getBestCmap()) for path in fonts))
    assert characters.FONT_COVERAGE == _ranges(common), f"FONT_COVERAGE = {_ranges(common)}"


@pytest.mark.parametrize("text", ["Қазақстан Республикасы", "Qazaqstan Respublikasy", "Ğ ğ Ş ş Ü ü Ö ö İ ı Ä ä Ñ ñ Ū ū",
                                  "Ёлка, «ёлочки» и „лапки“ — 2026 ₸ № 5 … € ™", "Српска ћирилица: Ђорђе, Љубљана",
                                  "Україна, Київ, їжак, ґанок", "й written as и\u0306, ё as е\u0308", "tab\tand\nnewline"])
def test_what_the_fonts_can_set_is_accepted(text):
    assert characters.problem(text) is None


@pytest.mark.parametrize("text,script,line", [("бір\nשלום", "Hebrew", 2), ("مرحبا", "Arabic", 1),
                                              ("a\nb\n日本", "Chinese/Japanese (CJK)", 3), ("ひらがな", "Hiragana", 1),
                                              ("Ελληνικά", "Greek", 1), ("한국어", "Hangul", 1),
                                              ("हिन्दी", "Devanagari", 1), ("ქართული", "Georgian", 1),
                                              ("Tiếng Việt", "Latin", 1)])
def test_text_in_other_scripts_is_refused_naming_the_script_and_what_is_supported(text, script, line):
    offset, message = characters.problem(text)
    assert characters.line_at(text, offset) == line
    assert message.startswith(f"text in {script} script: «") and "cannot be set" in message
    assert "kitap sets Latin" in message and "Cyrillic (Kazakh, Russian" in message


def test_symbols_the_fonts_lack_are_named():
    offset, message = characters.problem("Той 🎉 болды")
    assert offset == 4 and message.startswith("«🎉» (U+1F389 PARTY POPPER) cannot be set")


def test_the_readme_says_which_scripts_are_accepted():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Hebrew, Arabic, Greek, Chinese" in readme and "refused" in readme
