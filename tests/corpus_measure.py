"""The spelling checker measured on the corpus (tests/corpus): false alarms on correct prose, typos found.

Shared by tests/test_check_corpus.py (thresholds) and bench/check_spelling.py (figures, timings).

- False alarms: every Kazakh text of the corpus is checked as an article; each use of a word the
  spelling or keyboard-slip rule reports counts, except the source's own slips that sources.yaml
  names (they are real errors). Measured apart on DEVELOPMENT (the texts looked at while the
  checker was written) and on the other, held-out texts.
- Typos: tests/corpus/slips.py's seeded typo set (Russian-keyboard letters, doubled, dropped and
  swapped letters, a missing space after a full stop), each put in place of one use of its word in
  a copy of the text; a typo is found when a finding (spelling, keyboard-slip, space-after-punct,
  tripled-letter) points at it.
"""
from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kitap.check import check_project, spelling
from kitap.check.source import read_project
from kitap.languages.kk_latn.spelling import unknown as latin_unknown
from kitap.languages.kk_latn.transliterate import to_latin

CORPUS = Path(__file__).parent / "corpus"
sys.path.insert(0, str(CORPUS))
from corpus_tools import count_words, corpus_files  # noqa: E402
import slips  # noqa: E402

BOOK = 'title: "Корпус"\nauthor: "—"\nlanguage: {language}\n'
# A Russian-layout slip, in the Latin alphabet: the word typed without its letters' marks.
PLAIN_KEYBOARD = str.maketrans("äğñöşūüıÄĞÑÖŞŪÜİ", "agnosuuiAGNOSUUI")
DEVELOPMENT = ("law-constitution-art1.txt", "news-kazinform-sovereignty.txt", "prose-abai-31.txt",
               "school-wiki-iran.txt")
# Slips the sources have: finding them is right. sources.yaml's notes name the first three; the
# others are the same kinds of slip in the same text (the UDHR), found by the checker and confirmed
# by reading: Russian-layout к for қ, ү for ұ, a letter doubled, dropped or added.
SOURCE_SLIPS = frozenset({"кұқықтары", "құкық", "Құнанбайүғлының",
                          "кұқығы", "кұқылы", "ыкпал", "кұқықтарды", "халыкаралық", "құқыгы", "кұқық",
                          "кұқықтар", "үлттық", "ерекшелітктерін", "территорялардың", "ассоциацияаларды",
                          "өткізілүі", "рессурстарына"})
TYPO_RULES = frozenset({"spelling", "keyboard-slip", "space-after-punct", "tripled-letter"})


def kazakh_texts() -> list[Path]:
    return [path for path in corpus_files() if path.parent.name == "kk"]


def project(folder: Path, text: str, latin: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "book.yaml").write_text(BOOK.format(language="kk-Latn" if latin else "kk"), encoding="utf-8")
    (folder / "article.txt").write_text(text, encoding="utf-8")
    return folder


@dataclass
class Alarms:
    words: int = 0
    flagged: list[tuple[str, str, str]] = field(default_factory=list)  # (file, word, rule) for each use
    found_slips: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return len(self.flagged) / self.words if self.words else 0.0


def false_alarms(tmp: Path, paths: list[Path], latin: bool = False) -> Alarms:
    """The words flagged in correct prose; `latin`: the texts in the Latin alphabet (to_latin), checked
    as kk-Latn."""
    result = Alarms()
    slips_written = {to_latin(word) for word in SOURCE_SLIPS} if latin else SOURCE_SLIPS
    unknown = latin_unknown if latin else spelling.unknown
    for path in paths:
        text = path.read_text(encoding="utf-8")
        result.words += count_words(text)
        checked = read_project(project(tmp / path.stem, to_latin(text) if latin else text, latin))
        for entry, intended, _ in unknown(checked):
            word = entry.first[2]
            if word in slips_written:
                result.found_slips.append(word)
                continue
            rule = "keyboard-slip" if intended else "spelling"
            result.flagged += [(path.name, written, rule) for _, _, written in entry.places]
    return result


@dataclass
class Typos:
    placed: list[tuple[slips.Slip, str, int, int]] = field(default_factory=list)  # slip, file, line, col
    found: list[slips.Slip] = field(default_factory=list)
    missed: list[slips.Slip] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return len(self.found) / len(self.placed) if self.placed else 0.0


def _place(typo: slips.Slip, texts: dict[str, list[str]], used: set[tuple[str, int, int]]):
    pattern = re.compile(rf"(?<![\w\u2010-]){re.escape(typo.original)}(?![\w\u2010-])")
    for name, lines in texts.items():
        for number, line in enumerate(lines, start=1):
            for match in pattern.finditer(line):
                if not any(n == name and number == ln and abs(col - match.start()) < 40 for n, ln, col in used):
                    lines[number - 1] = line[:match.start()] + typo.typo + line[match.end():]
                    used.add((name, number, match.start()))
                    return name, number, match.start() + 1
    return None


def typos_found(tmp: Path, count: int = 200, seed: int = 2026, latin: bool = False) -> Typos:
    """The typo set found; `latin`: in the texts and typos in the Latin alphabet, a Russian-layout slip
    becoming the word without its letters' marks (kk-Latn)."""
    texts = {path.name: (to_latin(path.read_text(encoding="utf-8")) if latin else path.read_text(encoding="utf-8"))
             .split("\n") for path in kazakh_texts()}
    typos = slips.generate(count, seed)
    if latin:
        words = {word.lower() for lines in texts.values() for line in lines for word in re.findall(r"\w+", line)}
        typos = [typo for typo in (_in_latin(typo) for typo in typos) if typo.typo.lower() not in words]
    result, used = Typos(), set()
    for typo in typos:
        where = _place(typo, texts, used)
        if where:
            result.placed.append((typo, *where))
    findings = {}
    for name, lines in texts.items():
        folder = tmp / "typos" / Path(name).stem
        shutil.rmtree(folder, ignore_errors=True)
        findings[name] = {(f.line, f.col) for f in check_project(project(folder, "\n".join(lines), latin))
                          if f.rule in TYPO_RULES}
    for index, (typo, name, line, _) in enumerate(result.placed):
        # where the typo is once every typo is in place (a later one earlier on its line moves it)
        found_at = re.search(rf"(?<![\w\u2010-]){re.escape(typo.typo)}(?![\w\u2010-])", texts[name][line - 1])
        col = found_at.start() + 1 if found_at else 0
        result.placed[index] = (typo, name, line, col)
        span = range(col, col + len(typo.typo) + 1)
        hit = any(found_line == line and found_col in span for found_line, found_col in findings[name])
        (result.found if hit else result.missed).append(typo)
    return result


def _in_latin(typo: slips.Slip) -> slips.Slip:
    original = to_latin(typo.original)
    written = original.translate(PLAIN_KEYBOARD) if typo.kind == "russian-keyboard" else to_latin(typo.typo)
    return slips.Slip(written, original, typo.kind)
