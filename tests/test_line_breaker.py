"""kitap/lines/breaker.py on its own: the first search within TOLERANCE finds the best breaks whenever the
best breaks have no line worse than that, and says so (None) when there is no such way; a tie (a number's
no-break space) breaks only where that spares more than one loose line, and only before a word."""
from __future__ import annotations

import random

import pytest

from kitap.lines.breaker import (CONTENT, FIXED, JUSTIFIED, SPACE, TIE, TOLERANCE, Stream, _badness, _line_end,
                                 best_breaks)
from kitap.lines.paragraph import _soft_tie

EM = 10.0


def _stream(words: list[int], joins: dict[int, str] | None = None) -> Stream:
    """Words of these many letters, 5 pt each, and spaces of 2.6 pt (a 10 pt font's) that may shrink by 0.7 pt;
    `joins`: the kind of the space before word N, when not a plain space."""
    stream = Stream(space_adjust=-0.7)  # the print styles' word-spacing: -0.07em
    for index, letters in enumerate(words):
        if index:
            stream.add((joins or {}).get(index, SPACE), 2.6)
        for _ in range(letters):
            stream.add(CONTENT, 5.0, True)
    return stream


def _worst_badness(stream: Stream, breaks: list[int], width: float) -> float:
    from kitap.lines.breaker import FIT

    worst, start = 0.0, 0
    for index in breaks:
        end, following = _line_end(stream, index)
        slack = width - FIT - stream.width(start, end)
        worst = max(worst, _badness(stream, start, end, slack, JUSTIFIED, EM)[0])
        start = following
    return worst


def test_the_first_search_finds_the_best_breaks_when_they_are_within_tolerance():
    generator = random.Random(16)
    compared = 0
    for _ in range(60):
        stream = _stream([generator.randint(2, 11) for _ in range(generator.randint(15, 60))])
        width = generator.choice((300.0, 380.0, 460.0))
        everything = best_breaks(stream, width, 0.0, JUSTIFIED, EM)
        assert everything is not None
        first = best_breaks(stream, width, 0.0, JUSTIFIED, EM, tolerance=TOLERANCE)
        if _worst_badness(stream, everything[0], width) <= TOLERANCE:
            assert first is not None and first[0] == everything[0]
            compared += 1
        else:
            assert first is None or first[1] >= everything[1]
    assert compared > 20  # most paragraphs have such a way


def test_no_way_within_tolerance_is_none_and_the_full_search_still_breaks():
    # two words of 20 letters in a line of 130 pt: each alone on its line, with no space to stretch
    stream = _stream([20, 20, 20])
    assert best_breaks(stream, 130.0, 0.0, JUSTIFIED, EM, tolerance=TOLERANCE) is None
    found = best_breaks(stream, 130.0, 0.0, JUSTIFIED, EM)
    assert found is not None and len(found[0]) == 2


def _lines(stream: Stream, breaks: list[int], width: float) -> list[float]:
    """Each justified line's space as a multiple of the font's."""
    ratios, start = [], 0
    for index in breaks:
        end, following = _line_end(stream, index)
        spaces = stream.spaces[end] - stream.spaces[start]
        slack = width - stream.width(start, end)
        ratios.append((stream.natural[end] - stream.natural[start] + spaces * stream.adjust + slack)
                      / (stream.natural[end] - stream.natural[start]))
        start = following
    return ratios


def test_a_tie_breaks_only_where_every_other_way_leaves_loose_lines():
    generator = random.Random(18)
    weighed = 0
    cost = JUSTIFIED.tie_penalty ** 2
    for _ in range(80):
        words = [generator.randint(2, 11) for _ in range(generator.randint(20, 50))]
        ties = {i: TIE for i in range(1, len(words)) if generator.random() < 0.3}
        width = generator.choice((250.0, 300.0))
        tie_stream, fixed_stream = _stream(words, ties), _stream(words, {i: FIXED for i in ties})
        tied = best_breaks(tie_stream, width, 0.0, JUSTIFIED, EM)
        fixed = best_breaks(fixed_stream, width, 0.0, JUSTIFIED, EM)
        assert tied is not None
        broken = sum(tie_stream.kinds[i] == TIE for i in tied[0])
        if not broken:
            assert fixed is not None and fixed[0] == tied[0]  # the same breaks as if the ties were fixed
            continue
        if fixed is None:  # no way at all without breaking a tie
            continue
        weighed += 1
        # each tie broken spared at least its cost, more than a line of 1.5 × spaces costs ((10 + 800)²),
        # and the way without it has a loose line
        assert fixed[1] - (tied[1] - broken * cost) >= broken * cost
        assert max(_lines(fixed_stream, fixed[0], width - 0.5)) > 1.5
    assert weighed > 5  # the case happens


def test_a_tie_stays_when_nothing_is_gained():
    # thirty short words, half of them tied: a way without loose lines exists, so no tie is broken
    words = [4] * 30
    ties = {i: TIE for i in range(1, 30, 2)}
    stream = _stream(words, ties)
    for width in (220.0, 230.0):
        found = best_breaks(stream, width, 0.0, JUSTIFIED, EM)
        plain = best_breaks(_stream(words, {i: FIXED for i in ties}), width, 0.0, JUSTIFIED, EM)
        assert plain is not None and max(_lines(stream, plain[0], width - 0.5)) <= 1.5
        assert found[0] == plain[0]


def test_which_no_break_spaces_are_ties():
    nb = "\u00a0"
    assert _soft_tie(f"1989{nb}жылы", 4)
    assert _soft_tie(f"11{nb}шілдедегі", 2)
    assert _soft_tie(f"11{nb}шіл\u00adде\u00adде\u00adгі", 2)  # as the print edition holds it: hyphenated
    assert not _soft_tie(f"2{nb}ж\u00adыл.", 1)
    assert not _soft_tie(f"5{nb}%", 1)              # a number and its sign
    assert not _soft_tie(f"1,6{nb}млн. адам", 3)    # … an abbreviation
    assert not _soft_tie(f"20{nb}км", 2)            # … a unit (under TIE_LETTERS letters)
    assert not _soft_tie(f"Н.{nb}Назарбаев", 2)     # initials are never parted
    assert not _soft_tie(f"сөз{nb}— сөз", 3)        # nor a word from its dash


def test_a_letter_spaced_stream_derived_from_the_plain_one_has_the_widths_of_one_measured_again():
    from kitap.lines import Measure, Setting
    from kitap.lines.paragraph import _streams
    from kitap.model import NoteRef, Text
    from kitap.render import STYLES_DIR

    setting = Setting((), call_size=7.0, call_before=0.5, separator_size=7.0, fonts_css=str(STYLES_DIR / "fonts.css"))
    measure = Measure(width=300.0, indent=12.0, size=10.0, word_spacing=-0.7, justified=True,
                      family=("Kitap Serif", "Noto Serif", "serif"))
    text = "Қазақстан 1992\u00a0жылы БҰҰ\u2011ға мү\u00adше бол\u00adды — қа\u00adзақ-орыс/ағылшын тілдерінде."
    runs = (("text", 0, text, "normal", 400), ("call", "1"), ("sep",), ("call", "2"),
            ("text", 0, " Соң\u00adғы сөз", "normal", 400))
    plain, _ = _streams(setting, measure, runs)
    for tracking in (0.25, -0.2):
        again, _ = _streams(setting, measure, runs, tracking)
        for measured, derived in zip(again, [s.tracked(tracking) for s in plain]):
            assert derived.kinds == measured.kinds and derived.tracking == measured.tracking
            assert derived.content == pytest.approx(measured.content, abs=1e-9)
            assert derived.natural == pytest.approx(measured.natural, abs=1e-9)
            assert derived.hyphens == pytest.approx(measured.hyphens, abs=1e-9)
            assert derived.content != pytest.approx(plain[0].content, abs=1e-3)  # (the tracking is there)


def test_paragraphs_that_open_with_bold_build_in_every_edition(tmp_path):
    """An interview's speaker names in bold at the start of each reply (a Word file's usual look): the
    line breaker measured an empty run before them and stopped the build."""
    import shutil
    import subprocess

    from conftest import FIXTURES, build_project

    root = tmp_path / "interview"
    shutil.copytree(FIXTURES / "mini", root)
    for name in ("article.txt", "article.md", "annotations.yaml", "glossary.yaml", "chronology.yaml"):
        (root / name).unlink(missing_ok=True)
    replies = ["**Тілші:** Сіз мектепте қанша жыл жұмыс істедіңіз, балалармен жұмыс несімен қызық?",
               "**Мұғалім:** Отыз жыл. " + "Балалар әр күні жаңа сұрақ қояды, сондықтан мен де оқимын. " * 6,
               "***Есте сақта!*** Бұл жолдың басы да қалың әрі көлбеу.", "**Output**"]
    (root / "article.md").write_text("\n\n".join(replies) + "\n", encoding="utf-8")
    built = build_project(root, tmp_path / "out")
    for pdf in ("mini.pdf", "mini-booklet-pages.pdf", "mini-large.pdf"):
        text = " ".join(subprocess.run(["pdftotext", str(built.output / pdf), "-"], capture_output=True,
                                       text=True, check=True).stdout.split())
        assert "Тілші: Сіз мектепте" in text and "Мұғалім: Отыз жыл." in text and "Output" in text, pdf
    assert built.epub.is_file()
