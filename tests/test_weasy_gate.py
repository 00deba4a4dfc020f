"""The gate around kitap's WeasyPrint speed-ups (kitap/weasy): used only with the exact WeasyPrint they
were written for, skipped with one warning otherwise, and switched off by KITAP_SPEEDUPS=0 — with the
same bytes every way."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, needs_speedups


def build(tmp_path, name: str, speedups: str, source: Path = ROOT / "source", *options: str) -> dict[str, bytes]:
    out = tmp_path / name
    env = {**os.environ, "KITAP_SPEEDUPS": speedups, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--source", str(source), "--output",
                             str(out), *(options or ("--only", "pdf,large,epub", "--script", "cyrl"))],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "speed-up" not in result.stderr  # switched off by the user: nothing to warn about
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}


def test_the_switch_turns_them_off_and_the_bytes_stay(tmp_path):
    assert build(tmp_path, "on", "1") == build(tmp_path, "off", "0")


# CI runs the test suite once, with the speed-ups on. That they change no output is proved here, byte for
# byte, on every output kitap makes: the default project in both scripts (A4, booklet, large print, e-book,
# Kobo e-book, web page), a course volume in every edition, and corpus texts nobody tuned on (their own
# projects: headings, no glossary). Until this round CI ran the whole suite a second time with
# KITAP_SPEEDUPS=0 instead (10 more minutes; those runs never differed).
VOLUME = ROOT / "tests" / "fixtures" / "course"
CORPUS = ("news-govkz-state-language", "prose-abai-41")


@pytest.mark.parametrize("label", ["default", "volume", "corpus"])
def test_every_output_is_the_same_bytes_without_the_speedups(tmp_path, label):
    if label == "corpus":
        import print_metrics as pm

        sources = [pm.corpus_project(ROOT / "tests" / "corpus" / "kk" / f"{name}.txt", tmp_path / name, sys.executable,
                                     ROOT / "build.py") for name in CORPUS]
    else:
        sources = [ROOT / "source" if label == "default" else VOLUME]
    for index, source in enumerate(sources):
        kinds = "pdf,booklet,large,epub,kepub,html" + (",worksheet" if label != "corpus" else "")  # (no glossary)
        options = ("--only", kinds, "-j", "2")
        on = build(tmp_path, f"on-{index}", "1", source, *options)
        off = build(tmp_path, f"off-{index}", "0", source, *options)
        assert sorted(on) == sorted(off) and len(on) >= 6, sorted(on)
        assert [name for name in on if on[name] != off[name]] == []


@pytest.mark.parametrize("value, enabled", [("1", True), ("", True), ("0", False), ("off", False), ("False", False)])
def test_the_switch_values(monkeypatch, value, enabled):
    from kitap import weasy

    monkeypatch.setenv("KITAP_SPEEDUPS", value)
    assert weasy.speedups_enabled() is enabled


@needs_speedups
def test_another_weasyprint_version_skips_them_with_one_warning(monkeypatch, capsys):
    from kitap import weasy
    from kitap.weasy import linebreaks

    monkeypatch.setattr(weasy, "WRITTEN_FOR", "69.0")
    monkeypatch.setattr(weasy, "_warned", set())
    linebreaks.split_first_line_function.cache_clear()
    try:
        from weasyprint.text import line_break

        assert linebreaks.split_first_line_function() is line_break.split_first_line
        assert not weasy.allowed("shortest soft hyphen first")
    finally:
        linebreaks.split_first_line_function.cache_clear()
    lines = [line for line in capsys.readouterr().err.splitlines() if "speed-up" in line]
    assert lines == ["warning: kitap's speed-up 'shortest soft hyphen first' is not used: it was written for WeasyPrint "
                     "69.0, this is 70.0; the outputs are the same, the build is slower"]


@needs_speedups
def test_a_changed_function_skips_the_speedup_that_rewrites_it(monkeypatch, capsys):
    from kitap import weasy
    from kitap.weasy import linebreaks

    monkeypatch.setitem(weasy.SOURCES, "split_first_line", "0" * 64)
    monkeypatch.setattr(weasy, "_warned", set())
    linebreaks.split_first_line_function.cache_clear()
    try:
        from weasyprint.text import line_break

        assert linebreaks.split_first_line_function() is line_break.split_first_line
        with linebreaks.remembered_lines():
            assert line_break.split_first_line is not None
            from weasyprint.layout import inline

            assert inline.split_first_line is line_break.split_first_line  # the memory is not put in either
    finally:
        linebreaks.split_first_line_function.cache_clear()
    err = capsys.readouterr().err
    assert "'shortest soft hyphen first' is not used: WeasyPrint's split_first_line is not the one it was written for" in err
    assert "'line-break memory' is not used" in err


@needs_speedups
def test_a_changed_footnote_function_skips_the_note_memory(monkeypatch, capsys):
    from weasyprint import layout
    from weasyprint.layout import block

    from kitap import weasy
    from kitap.weasy.notes import remembered_notes

    monkeypatch.setitem(weasy.SOURCES, "_update_footnote_area", "0" * 64)
    monkeypatch.setattr(weasy, "_warned", set())
    before = block.block_level_layout, layout.LayoutContext._update_footnote_area
    with remembered_notes():
        assert (block.block_level_layout, layout.LayoutContext._update_footnote_area) == before
    assert "'footnote area memory' is not used: WeasyPrint's _update_footnote_area is not the one it was written for" \
        in capsys.readouterr().err


@needs_speedups
def test_the_recorded_sources_are_those_installed():
    """The hashes recorded for WeasyPrint 70.0 are those of the WeasyPrint the tests run with."""
    from weasyprint.text import line_break

    from kitap import weasy

    assert weasy.allowed("faster import")
    assert weasy.allowed("shortest soft hyphen first", weasy.function_source(line_break.split_first_line),
                         "split_first_line")
    from weasyprint import layout
    from weasyprint.layout import block

    assert weasy.allowed("footnote area memory", weasy.function_source(layout.LayoutContext._update_footnote_area),
                         "_update_footnote_area")
    assert weasy.allowed("footnote area memory", weasy.function_source(block._in_flow_layout), "_in_flow_layout")


# ---- the PDF tagging record (kitap/weasy/tagging.py): a correctness fix, with its own switch ----------

def test_the_tagging_record_is_not_a_speedup(monkeypatch):
    """KITAP_SPEEDUPS=0 leaves the tagging record on; KITAP_PDF_TAGS=0 turns it off."""
    from kitap import weasy
    from kitap.weasy.tagging import recorded_tags

    monkeypatch.setenv("KITAP_SPEEDUPS", "0")
    with recorded_tags() as record:
        assert record is not None
    monkeypatch.setenv("KITAP_PDF_TAGS", "0")
    with recorded_tags() as record:
        assert record is None
    assert weasy.switched_on(weasy.SPEEDUP) is False and weasy.switched_on(weasy.TAGGING) is False


def test_a_changed_tagging_source_skips_the_record_with_one_warning(monkeypatch, capsys):
    from kitap import weasy
    from kitap.weasy.tagging import recorded_tags

    monkeypatch.setitem(weasy.SOURCES, "pdf/tags.py", "0" * 64)
    monkeypatch.setattr(weasy, "_warned", set())
    for _ in range(2):
        with recorded_tags() as record:
            assert record is None
    lines = [line for line in capsys.readouterr().err.splitlines() if "tagging" in line]
    assert lines == ["warning: kitap's PDF tagging fix 'structure record' is not used: WeasyPrint's pdf/tags.py is not "
                     "the one it was written for; the PDF keeps WeasyPrint's own structure tree, which screen readers "
                     "read less well"]


def test_the_recorded_tagging_sources_are_those_installed():
    from weasyprint.pdf import stream, tags

    from kitap import weasy

    assert weasy.allowed("structure record", weasy.function_source(tags), "pdf/tags.py", weasy.TAGGING)
    assert weasy.allowed("structure record", weasy.function_source(stream.Stream.marked), "Stream.marked",
                         weasy.TAGGING)
