"""kitap/lines/breaker.py on its own: the first search within TOLERANCE finds the best breaks whenever the
best breaks have no line worse than that, and says so (None) when there is no such way."""
from __future__ import annotations

import random

from kitap.lines.breaker import CONTENT, JUSTIFIED, SPACE, TOLERANCE, Stream, _badness, _line_end, best_breaks

EM = 10.0


def _stream(words: list[int]) -> Stream:
    """Words of these many letters, 5 pt each, and spaces of 2.6 pt (a 10 pt font's) that may shrink by 0.7 pt."""
    stream = Stream(space_adjust=-0.7)  # the print styles' word-spacing: -0.07em
    for index, letters in enumerate(words):
        if index:
            stream.add(SPACE, 2.6)
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
