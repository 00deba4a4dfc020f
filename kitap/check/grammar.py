"""The suffix grammar of kitap.languages.kk.morphology, compiled into tables a word is looked up in.

A word is a stem + derivational suffixes + one inflectional ending. Each stem (and each derived
stem) has a *context*: its part of speech, its harmony (back or front) and the kind of sound it ends
in (morphology.SOUND_CLASSES, plus the restricted kinds below). Compiling walks the tables' state
machines once for every context and keeps, for each ending string, the set of contexts it may follow
(a bit mask). A word is then accepted by a few dictionary look-ups: for each split of the word into
stem + ending, is the ending in the table, and is the stem (or a stem plus derivations) one of the
contexts it allows? See kitap/check/lexicon.py.

Restricted kinds of stem end, beside the plain sound classes:
- "K-": a native stem ending in п к қ after a vowel (кітап): only endings that start with a consonant;
- "G": the voiced or shortened form of such a stem (кітаб-, халқ-): only endings that start with a vowel;
- "J0" …: a stem that the spelling joins to its ending (оқ|иды for оқы+йды, сү|ю for сүй+у);
- "P3": a noun ending in ы/і that may already hold a third-person possessive (бәрі-н, халқы-на).
"""
from __future__ import annotations

from functools import lru_cache

from ..languages.kk import morphology as m

POS = ("n", "v")
HARMONIES = ("b", "f")
JOIN_SOUNDS = tuple(f"J{i}" for i in range(len(m.JOINS)))
SOUNDS = m.SOUND_CLASSES + ("K-", "G") + JOIN_SOUNDS + ("P3",)
VOWEL_LETTERS = m.VOWELS


def bit(pos: str, harmony: str, sound: str) -> int:
    return 1 << ((POS.index(pos) * 2 + HARMONIES.index(harmony)) * len(SOUNDS) + SOUNDS.index(sound))


@lru_cache(maxsize=None)
def realize(shape: str, harmony: str, sound: str) -> str:
    """The written form of a suffix shape after a stem of this harmony that ends in this sound."""
    after_vowel, slash, after_consonant = shape.partition("/")
    form = after_consonant if slash and sound != "V" else after_vowel
    if form == "-":
        return ""  # the suffix has no form after this sound
    if form.startswith("{"):
        tag, form = form[1:].split("}", 1)
        form = m.ONSETS[tag][m.SOUND_CLASSES.index(sound)] + form
    side = HARMONIES.index(harmony)
    chars = [m.HARMONIC[c][side] if c in m.HARMONIC else c for c in form]
    for i, char in enumerate(chars):
        if char in m.VELARS:  # ғ/г, қ/к go with the vowel next to them, else with the word's harmony
            near = [c for c in chars[i + 1:] + chars[:i][::-1] if c in m.BACK_VOWELS or c in m.FRONT_VOWELS]
            back = (near[0] in m.BACK_VOWELS) if near else harmony == "b"
            chars[i] = m.VELARS[char][0 if back else 1]
    return "".join(chars)


@lru_cache(maxsize=None)
def after(text: str, harmony: str, sound: str) -> tuple[str, str]:
    """(harmony, sound) of a stem once `text` is added to it."""
    for char in reversed(text):
        if char in m.BACK_VOWELS:
            harmony = "b"
            break
        if char in m.FRONT_VOWELS and char not in "ию":
            harmony = "f"
            break
    return harmony, (m.LETTER_SOUND.get(text[-1], sound) if text else sound)


def _walk(states: dict, state: str, harmony: str, sound: str, text: str, finite: bool, out: dict) -> None:
    if state == m.END:
        out[text] = out.get(text, False) or finite
        return
    for names, following, makes_finite in states[state]:
        if not names:
            _walk(states, following, harmony, sound, text, finite or makes_finite, out)
        for name in names:
            added = realize(m.SUFFIXES[name], harmony, sound)
            if not added:
                continue
            _walk(states, following, *after(added, harmony, sound), text + added, finite or makes_finite, out)


def _restricted(by_sound: dict[str, dict], kind: str) -> dict:
    """The endings (or suffixes) a restricted kind of stem end takes, from those of a plain kind."""
    if kind == "K-":
        return {e: f for e, f in by_sound["K"].items() if not e or e[0] not in VOWEL_LETTERS}
    if kind == "G":
        return {e: f for e, f in by_sound["K"].items() if e and e[0] in VOWEL_LETTERS}
    last, first, joined, _ = m.JOINS[JOIN_SOUNDS.index(kind)]
    source = by_sound[_source(kind)]
    return {joined + e[len(first):]: f for e, f in source.items() if e.startswith(first)}


def compile_endings() -> tuple[dict[str, int], dict[str, int]]:
    """(ending → contexts it may follow, finite ending → contexts where it makes a finite form)."""
    endings: dict[str, int] = {}
    finite: dict[str, int] = {}

    def add(table: dict[str, bool], context: int) -> None:
        for ending, is_finite in table.items():
            endings[ending] = endings.get(ending, 0) | context
            if is_finite:
                finite[ending] = finite.get(ending, 0) | context

    for pos in POS:
        states = m.NOUN_ENDINGS if pos == "n" else m.VERB_ENDINGS
        for harmony in HARMONIES:
            by_sound: dict[str, dict] = {}
            for sound in m.SOUND_CLASSES:
                _walk(states, m.START[pos], harmony, sound, "", False, by_sound.setdefault(sound, {}))
            for sound in SOUNDS:
                if sound == "P3":
                    table: dict = {}
                    if pos == "n":
                        _walk(states, m.POSSESSED_START, harmony, "V", "", False, table)
                else:
                    table = by_sound[sound] if sound in by_sound else _restricted(by_sound, sound)
                add(table, bit(pos, harmony, sound))
    return endings, finite


def stem_forms(word: str, pos: str, harmonies: tuple[str, ...], loan: bool,
               possessed: bool = True) -> list[tuple[str, int]]:
    """(written stem, contexts) for a stem: itself, and the forms voicing or spelling joins give it."""
    base = word.rstrip("ьъ")
    last = base[-1:].lower()
    if last not in m.LETTER_SOUND:
        return []
    kinds = [(word, m.LETTER_SOUND[last])] + [(word, extra) for extra in m.ALSO_SOUNDS.get(last, ())]
    if last in m.VOICING and len(base) > 1 and base[-2].lower() in VOWEL_LETTERS:
        kinds = [(word, "K" if loan else "K-"), (word[:-1] + m.VOICING[last], "G")]
    if base == word:
        kinds += [(word[:-1], JOIN_SOUNDS[i]) for i, (end, _, _, of) in enumerate(m.JOINS)
                  if of == pos and word.lower().endswith(end)]
    if possessed and pos == "n" and last in "ыі" and len(word) > 2:
        kinds.append((word, "P3"))
    forms: dict[str, int] = {}
    for text, sound in kinds:
        if not text:
            continue
        for harmony in harmonies:
            forms[text] = forms.get(text, 0) | bit(pos, harmony, sound)
    return list(forms.items())


def _source(sound: str) -> str:
    """The plain sound class whose suffix shapes a restricted kind of stem end takes (filtered)."""
    if sound in ("K-", "G"):
        return "K"
    if sound in JOIN_SOUNDS:
        last = m.JOINS[JOIN_SOUNDS.index(sound)][0][-1]
        return "Y" if last == "и" else m.LETTER_SOUND[last]
    return sound


def compile_derivations() -> tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]:
    """(suffix as written → [(context it makes, contexts it follows)], the same for predicative ones)."""
    derivations: dict[str, dict[int, int]] = {}
    predicative: dict[str, dict[int, int]] = {}
    for name, (before, shape, made) in m.DERIVATIONS.items():
        targets = [derivations] + ([predicative] if name in m.PREDICATIVE_DERIVATIONS else [])
        for harmony in HARMONIES:
            for sound in SOUNDS[:-1]:  # no derivation follows a stem read as possessed (P3)
                source = _source(sound)
                plain = realize(shape, harmony, source)
                if not plain:
                    continue
                table = {plain: True} if sound == source else _restricted({source: {plain: True}}, sound)
                made_harmony, _ = after(plain, harmony, source)
                for text in table:
                    for written, context in stem_forms(text, made, (made_harmony,), loan=False, possessed=False):
                        for target in targets:
                            slot = target.setdefault(written, {})
                            slot[context] = slot.get(context, 0) | bit(before, harmony, sound)
    return ({text: list(slot.items()) for text, slot in derivations.items()},
            {text: list(slot.items()) for text, slot in predicative.items()})
