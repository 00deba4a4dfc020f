"""The registry of outputs: --only, the build, the fingerprints and the report read it; a new output is
one module and one line in kitap.outputs.MODULES."""
from __future__ import annotations

import textwrap

from conftest import run_cli

WORD_LIST = '''
from kitap.outputs import Product, Writer


def make(job):
    from kitap.transforms.inline_ops import plain_text

    words = sorted({w for block in job.book.blocks for w in plain_text(block.children).split()})
    return Product(f"{job.book.meta.name}-words.txt", "\\n".join(words).encode("utf-8"))


WRITERS = (Writer("words", "words (every word of the text, one a line)", make, reads=("styles/words.css",),
                  default=False),)
'''


def test_a_new_output_is_one_module_and_one_registry_line(tmp_path, project, monkeypatch):
    from kitap import outputs
    from kitap.fingerprint import only_for
    from kitap.pipeline import build, parse_only

    (tmp_path / "wordlist.py").write_text(textwrap.dedent(WORD_LIST), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(outputs, "MODULES", (*outputs.MODULES, "wordlist"))  # the one registry line
    outputs.writers.cache_clear()
    try:
        assert parse_only("words,epub") == ("epub", "words")
        assert "words" not in parse_only(None)  # not made unless asked for
        assert only_for()["styles/words.css"] == {"words"}
        report = build(project, tmp_path / "out", parse_only("words"), jobs=1)
    finally:
        outputs.writers.cache_clear()
    assert [o.path.name for o in report.outputs] == ["mini-words.txt"]
    assert "Лиссабон" in (tmp_path / "out" / "mini-words.txt").read_text(encoding="utf-8")


def test_only_names_what_the_registry_has():
    result = run_cli("--help")
    assert "pdf (A4 handout), booklet (A5, imposed on A4 sheets), large (large print), epub (e-book), html (web page)" \
        in " ".join(result.stdout.split())
    wrong = run_cli("--only", "bogus")
    assert wrong.returncode == 2 and "choose from pdf, booklet, large, epub, html" in wrong.stderr
