"""Kazakh typography at render time: quotes, dashes, no-break spaces — and never a changed word."""
from __future__ import annotations

import random
import re

import pytest

from conftest import SEED
from kitap.languages import pack_for
from kitap.typography import PLAIN
from kitap.typography import Typographer as _Typographer
from kitap.typography import typeset as _typeset

NB = "\u00a0"


def Typographer(language: str = "kk") -> _Typographer:
    return _Typographer(pack_for(language).typography)


def typeset(text: str, language: str = "kk") -> str:
    """As the renderer typesets a paragraph of a book in `language` ('plain': a language without rules)."""
    return _typeset(text, PLAIN if language == "plain" else pack_for(language).typography)
# The only character replacements typography may make: (author's character, typeset character).
ALLOWED = ({(" ", NB), ("-", "—"), ("–", "—"), ("-", "\u2011"), ("«", "„"), ("»", "“")}  # (« » inside « »: „ “)
           | {(q, r) for q in '"“”' for r in "«»„“”"})
SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")
SEED_PARAGRAPHS = [line for line in SEED_LINES if line.strip()]


def words_of(s: str) -> list[str]:
    """The words of s: split at any space (no-break ones too), punctuation, quotes and dashes dropped."""
    return [w for w in (re.sub(r"[\W_]", "", token) for token in s.split()) if w]


def check_only_allowed_edits(before: str, after: str) -> None:
    if after.startswith("—" + NB) and before[:1] in "-–—" and before[1:2] not in (" ", NB):
        before = before[0] + NB + before[1:]  # the one insertion: a dialogue dash typed against its word gets its space
    assert words_of(after) == words_of(before)
    assert len(after) == len(before)
    for a, b in zip(before, after):
        assert a == b or (a, b) in ALLOWED, (a, b, before)


def chunked(text: str, cuts: list[int], lookahead: bool) -> str:
    t = Typographer()
    bounds = [0, *sorted(cuts), len(text)]
    out = [t.chunk(text[a:b], text[b:] if lookahead else "") for a, b in zip(bounds, bounds[1:])]
    t.end_paragraph()
    return "".join(out)


# ---- rule 1: quotes ------------------------------------------------------------------------

def test_straight_quotes_become_kazakh_quotes():
    straight = 'Бас Хатшы "Қазақстан Республикасының мемлекеттік туын көтеруді сұраймын" деді.'
    assert typeset(straight) == 'Бас Хатшы «Қазақстан Республикасының мемлекеттік туын көтеруді сұраймын» деді.'
    assert typeset('("Абай жолы")') == "(«Абай жолы»)"
    assert typeset('"Абай жолы".') == "«Абай жолы»."


def test_existing_kazakh_quotes_stay():
    line = next(p for p in SEED_PARAGRAPHS if "«Қазақстан Республикасының" in p)
    assert typeset(line) == line


def test_inner_quotes():
    assert typeset('"Ол "Абай жолы" романын оқыды"') == "«Ол „Абай жолы“ романын оқыды»"
    assert typeset('«Ол "Абай жолы" романын оқыды»') == "«Ол „Абай жолы“ романын оқыды»"
    assert typeset('"Ол "Абай жолы""') == "«Ол „Абай жолы“»"
    assert typeset('""Абай жолы" романы"') == "«„Абай жолы“ романы»"


def test_curly_pairs_are_kazakh_quotes():
    """English quotes a word processor typed in a Kazakh text: «…» at the top level, „…“ inside a
    quotation; „…“ at the top level is a pair of the language's own and stays."""
    for inner in ("“Абай жолы”", "”Абай жолы”", "„Абай жолы”", "„Абай жолы“"):
        assert typeset(f"«Ол {inner} романын»") == "«Ол „Абай жолы“ романын»"
    for top_level in ("“Абай жолы”", "”Абай жолы”"):
        assert typeset(f"Ол {top_level} романын") == "Ол «Абай жолы» романын"
    assert typeset("Ол “Абай “жолы” туралы” деді") == "Ол «Абай „жолы“ туралы» деді"
    assert typeset("Ол „Абай жолы“ романын") == "Ол „Абай жолы“ романын"


def test_apostrophes_and_single_quotes_are_left_alone():
    text = "O'zbekstan, 'Абай' және ‘Абай’"
    assert typeset(text) == text


def test_a_lone_straight_quote_between_spaces_closes_only_what_is_open():
    assert typeset('a " b') == 'a " b'
    assert typeset('"a " b') == "«a » b"


def test_quote_opened_in_one_chunk_closed_in_another():
    t = Typographer()
    parts = ["Ол ", '"', "Абай жолы", '" романын ', "оқыды."]
    assert "".join(t.chunk(p) for p in parts) == "Ол «Абай жолы» романын оқыды."


def test_nested_quote_across_chunks():
    t = Typographer()
    parts = ['"Ол "Абай ', "жолы", '" деп', ' айтты', '".']
    assert "".join(t.chunk(p) for p in parts) == "«Ол „Абай жолы“ деп айтты»."


def test_quote_state_resets_at_end_of_paragraph():
    t = Typographer()
    assert t.chunk('"Ашылған, бірақ жабылмаған') == "«Ашылған, бірақ жабылмаған"
    t.end_paragraph()
    assert t.chunk('"Жаңа абзац"') == "«Жаңа абзац»"  # outer again, not „inner“


# ---- rule 2: dashes ---------------------------------------------------------------------------

def test_dash_between_spaces():
    assert typeset("Қазақстан - бейбіт ел") == f"Қазақстан{NB}— бейбіт ел"
    assert typeset("Қазақстан – бейбіт ел") == f"Қазақстан{NB}— бейбіт ел"
    assert typeset("Қазақстан — бейбіт ел") == f"Қазақстан{NB}— бейбіт ел"


def test_a_dash_ending_a_verse_line_is_a_dash():
    """Мағжан's «Жолбарыстай қайратты -», its line break after it: the dash was printed a hyphen."""
    assert typeset("Жолбарыстай қайратты -") == f"Жолбарыстай қайратты{NB}—"
    assert typeset("1991-") == "1991-" and typeset("ата-") == "ата-"  # no space before: a hyphen


def test_dialogue_dash_at_paragraph_start():
    assert typeset("— Сәлем, — деді ол.") == f"—{NB}Сәлем,{NB}— деді ол."
    assert typeset("- Сәлем") == f"—{NB}Сәлем"


def test_a_dialogue_dash_typed_against_its_word_gets_its_space():
    """«–Қайдан…» beside «— Қайда?» in one dialogue (a literature teacher's story): the same dash. A hyphen before
    a small letter is a suffix a grammar handout names («-лар, -лер жалғаулары», «-то, -либо»), and a minus before
    a number a minus: left as typed."""
    assert typeset("–Қайдан келдің?") == f"—{NB}Қайдан келдің?"
    assert typeset("—Ол кім?") == f"—{NB}Ол кім?"
    assert typeset("-Қайда?") == f"—{NB}Қайда?"
    assert typeset("-лар, -лер жалғаулары") == "-лар, -лер жалғаулары" and typeset("-то, -либо") == "-то, -либо"
    assert typeset("-5") == "-5" and typeset("-ing") == "-ing"
    assert typeset(f"—{NB}Қайдан келдің?") == f"—{NB}Қайдан келдің?"  # (typeset twice: the same)


def verse(*lines: str, language: str = "kk") -> list[str]:
    """Verse lines as the renderer typesets a stanza: one paragraph, told of each line break."""
    t = Typographer(language)
    out = []
    for n, line in enumerate(lines):
        if n:
            t.verbatim("\n")
        out.append(t.chunk(line, "\n" + lines[n + 1] if n + 1 < len(lines) else ""))
    return out


def test_a_verse_line_starts_as_a_paragraph_does():
    """A quote opening a verse line opens (it had printed »Дәриға-ай сол қыз» after the comma ending the line
    before); a dash opening one is dialogue; a dash ending one is a dash, however the next line begins."""
    assert verse("Бірінші жол,", '"Дәриға-ай сол қыз" болып жыр келеді,') == \
        ["Бірінші жол,", "«Дәриға-ай сол қыз» болып жыр келеді,"]
    assert verse("Сұрады ол:", "- Қайда барасың?", "–Үйге.") == ["Сұрады ол:", f"—{NB}Қайда барасың?", f"—{NB}Үйге."]
    assert verse("Жолбарыстай қайратты -", "Ер еді.") == [f"Жолбарыстай қайратты{NB}—", "Ер еді."]


def test_hyphens_in_words_and_ranges_untouched():
    for text in ("Қазақстан шым-шытырық әлемдік күрестер", "1991–2019", "1991-2019", "1991 – 2019", "COVID-19",
                 "Сан-Марино", "сөз -сөз", "ішкі- және", "Ш-ға"):
        assert typeset(text) == text


# ---- rule 7: a suffix after a hyphen stays with its number or abbreviation (issue 16) ---------------

NBH = "\u2011"


@pytest.mark.parametrize("language, written", [
    ("kk", "168-ші"), ("kk", "168-ден"), ("kk", "46-сессиясында"), ("kk", "20-пунктті"), ("kk", "37-жолдардағыдай"),
    ("kk", "БҰҰ-ға"), ("kk", "ЮНЕСКО-ның"), ("kk-Latn", "168-şı"), ("kk-Latn", "BŪŪ-ğa"), ("ru", "1990-х"),
    ("ru", "ООН-овский"),
])
def test_suffix_after_number_or_abbreviation_gets_no_break_hyphen(language, written):
    assert typeset(f"елдің {written} мүшесі", language) == f"елдің {written.replace('-', NBH)} мүшесі"


def test_suffix_hyphen_across_chunks():
    # «<span>БҰҰ</span>-ға»: the abbreviation is one chunk, its suffix the next
    typographer = Typographer()
    assert typographer.chunk("Қазақстан БҰҰ") + typographer.chunk("-ға кірді") == f"Қазақстан БҰҰ{NBH}ға кірді"


# ---- rule 3: numbers --------------------------------------------------------------------------

@pytest.mark.parametrize("phrase", ["1992 жылы", "46 сессиясында", "4 орын", "90 жылдардың", "5 қазанында",
                                    "2 наурызында", "176 мемлекетке", "2,5 млн", "5 %"])
def test_number_keeps_the_word_after_it(phrase):
    assert typeset(phrase) == phrase.replace(" ", NB)


def test_date_from_the_seed():
    assert typeset("Қазақстан 1992 жылдың 22 мамырында Лиссабон шартына") == (
        f"Қазақстан 1992{NB}жылдың 22{NB}мамырында Лиссабон шартына")


@pytest.mark.parametrize("text, expected", [
    ("12 15", "12 15"), ("1992 — 1993", "1992 — 1993"), ("1992 «Декларация»", "1992 «Декларация»"),
    ("саны 176 .", "саны 176 ."), ("168-ден 176", "168\u2011ден 176"), ("1 000 адам", f"1 000{NB}адам")])
def test_number_not_joined_to_number_or_punctuation(text, expected):
    assert typeset(text) == expected


def test_numero():
    assert typeset("№ 5 мектеп") == f"№{NB}5{NB}мектеп"
    assert typeset("№5") == "№5"


# ---- rule 4: initials -------------------------------------------------------------------------

def test_initials_stay_with_the_surname():
    assert typeset("Н. Назарбаев") == f"Н.{NB}Назарбаев"
    assert typeset("Н. Ә. Назарбаев") == f"Н.{NB}Ә.{NB}Назарбаев"
    assert typeset("Н.Ә. Назарбаев") == f"Н.Ә.{NB}Назарбаев"
    assert typeset("J. R. R. Tolkien") == f"J.{NB}R.{NB}R.{NB}Tolkien"


def test_initials_without_space_are_left_as_written():
    line = next(p for p in SEED_PARAGRAPHS if "Н.Назарбаев" in p)
    assert typeset(line) == line


def test_not_initials():
    for text in ("ҚР Президенті", "БҰҰ. Бас Ассамблея", "ЮНЕСКО. Әлем", "ел. Н"):
        assert typeset(text) == text


# ---- rule 5: abbreviations --------------------------------------------------------------------

def test_abbreviations_kept_together():
    assert typeset("ЮНЕСКО, ЮНИСЕФ т. б. ұйымдар") == f"ЮНЕСКО, ЮНИСЕФ{NB}т.{NB}б. ұйымдар"
    assert typeset("соғыс, дау т. с. с.") == f"соғыс, дау{NB}т.{NB}с.{NB}с."
    assert typeset("ЮНЕСКО т.б.") == f"ЮНЕСКО{NB}т.б."
    assert typeset("б. з. б. 500 жыл") == f"б.{NB}з.{NB}б. 500{NB}жыл"
    assert typeset("ст. б. сөз") == "ст. б. сөз"


# ---- rules 6 and 7: words never change, idempotence -------------------------------------------

def test_whole_seed_only_gains_no_break_spaces_after_numbers_and_hyphens_before_suffixes():
    # The seed has no straight quotes, spaced dashes or spaced initials: numbers are all there is (and the
    # suffixes of numbers and abbreviations).
    for p in SEED_PARAGRAPHS:
        out = typeset(p)
        check_only_allowed_edits(p, out)
        assert out == re.sub(r"(?<=[\dҰ])-(?=[а-яәғқңөұүһі])", NBH, re.sub(r"(?<=\d) (?=\w)", NB, p))
        assert typeset(out) == out
    whole = typeset("\n".join(SEED_PARAGRAPHS))
    assert f"46{NB}сессиясында" in whole and f"168{NBH}ші" in whole and f"БҰҰ{NBH}ның" in whole


def test_text_without_typographic_content_is_unchanged():
    plain = [p for p in SEED_PARAGRAPHS if not re.search(r"\d|[А-ЯӘҒҚҢӨҰҮҺІ]{2,}-", p)]
    assert len(plain) > 25
    for p in plain:
        assert typeset(p) == p
    assert typeset("") == ""


PIECES = ["Қазақстан", "БҰҰ-ның", "шым-шытырық", "сөз", "ел", "1992", "22", "5", "%", "№", "Н.", "Ә.", "т.", "б.",
          "с.", '"', "«", "»", "„", "“", "”", "-", "–", "—", "(", ")", ",", ".", "'", "жылы", "Назарбаев"]


def synthetic(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(1, 25)):
        out.append(rng.choice(PIECES))
        out.append(rng.choice([" ", " ", " ", "", "  ", NB]))
    return "".join(out).rstrip(" ")


def test_synthetic_words_preserved_and_idempotent():
    rng = random.Random(1992)
    for _ in range(3000):
        text = synthetic(rng)
        out = typeset(text)
        check_only_allowed_edits(text, out)
        assert typeset(out) == out, (text, out)


def test_chunks_with_lookahead_equal_the_whole_paragraph():
    rng = random.Random(46)
    texts = [synthetic(rng) for _ in range(1500)] + SEED_PARAGRAPHS
    for text in texts:
        cuts = rng.sample(range(1, len(text)), min(len(text) - 1, rng.randint(0, 6))) if len(text) > 1 else []
        assert chunked(text, cuts, lookahead=True) == typeset(text), (text, cuts)
        blind = chunked(text, cuts, lookahead=False)  # less is known at chunk ends, still only allowed edits
        check_only_allowed_edits(text, blind)


def test_a_chunk_sees_the_end_of_the_previous_one():
    t = Typographer()
    assert [t.chunk("Қазақстан 1992"), t.chunk(" жылдың 2"), t.chunk(" наурызында")] == [
        "Қазақстан 1992", f"{NB}жылдың 2", f"{NB}наурызында"]
    t.end_paragraph()
    assert t.chunk("ҚР Президенті Н.") + t.chunk(" Назарбаев") == f"ҚР Президенті Н.{NB}Назарбаев"
    t.end_paragraph()
    # The space ending a chunk is only changed when the caller says what follows.
    assert t.chunk("1992 ") == "1992 "
    t.end_paragraph()
    assert t.chunk("1992 ", lookahead="жылы") == f"1992{NB}"


def test_verbatim_text_is_context_but_unchanged():
    t = Typographer()
    assert t.chunk("Ол ") + t.verbatim('x = "1 - 2"') + t.chunk(' "деді"') == 'Ол x = "1 - 2" «деді»'


def test_other_languages_pass_unchanged():
    text = 'He said "1992 years" - twice'
    assert typeset(text, "plain") == text
    assert typeset('"1992 жылы"', "ru") == f"«1992{NB}жылы»"
    assert typeset('"1992 жылы"', "kk-KZ") == f"«1992{NB}жылы»"




def test_guillemets_inside_guillemets_print_as_inner_quotes():
    """«…«…»…» typed with guillemets only: the inner pair is „…“, as straight quotes would get."""
    from kitap.languages import pack_for
    from kitap.typography import typeset

    for tag in ("ru", "kk"):
        rules = pack_for(tag).typography
        assert typeset("Ол: «Читайте «Абай жолы» күнде» деді.", rules) == "Ол: «Читайте „Абай жолы“ күнде» деді."
        joined = "\u00a0" if tag == "ru" else " "  # Russian «и» stays with the next word
        assert typeset("«раз «два» три «четыре» пять» и «шесть»", rules) == f"«раз „два“ три „четыре“ пять» и{joined}«шесть»"
