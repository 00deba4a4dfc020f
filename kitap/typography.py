"""Typography applied when rendering: quotes, dashes, no-break spaces, by a language pack's rules.

The author's words are never changed. Every edit replaces one character by one other character,
and only these: a space by a no-break space, a double quote by « » „ “ (or ” when closing an
English-style “ the author opened), a hyphen or dash standing between spaces by an em dash, the
hyphen between a number or an abbreviation in capitals and its suffix by a no-break hyphen
(«168‑ші», «БҰҰ‑ға»: a line never parts them; the e-book and the web page put the hyphen back, in a
span that does not wrap, render/document.py).
Because no edit changes the length, a paragraph can be typeset chunk by chunk (emphasis, links and
note calls split it): the end of the text already typeset is kept as left context, and index
arithmetic on "context + chunk + lookahead" stays exact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

NBSP = "\u00a0"
NB_HYPHEN = "\u2011"
EM_DASH = "\u2014"

# Left context kept between chunks. Rules look back a few characters at most; the kept text may
# start in the middle of a word, which looks like a word start to a look-behind, so it must be long
# enough that no edit a rule makes from that false start (at most ~10 characters in) reaches the
# new chunk.
CONTEXT_CHARS = 32
# Of a caller's lookahead only this much is read: enough for the longest rule (an abbreviation).
LOOKAHEAD_CHARS = 16

SPACES = " " + NBSP


@dataclass(frozen=True)
class TypographyRules:
    """One language's typography: its letters (as regex class contents), the abbreviations that close an
    enumeration and stay with the word before them, and the words a no-break space binds to what follows
    («г. Алматы», «т. 2»). Quotes are «outer „inner“» in every language kitap has. `active` False: text
    passes unchanged."""

    upper: str = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
    lower: str = "a-zа-яёәғқңөұүһі"
    trailing_abbreviations: frozenset = frozenset({"т.б.", "т.с.с.", "т.т.", "т.д.", "т.п."})
    bind_after: tuple[str, ...] = ()
    # Suffixes written after a hyphen stay with the number or the abbreviation in capitals they follow:
    # «168-ші», «46-сессиясында», «БҰҰ-ға» (Kazakh), «1990-х», «5-й» (Russian).
    suffix_hyphen: bool = False
    # Particles written after a hyphen that belong to their word and never start a line: «что-то»,
    # «чихнул-с», «всё-таки» (Russian).
    particles: tuple[str, ...] = ()
    active: bool = True


PLAIN = TypographyRules(active=False)

# Rule 2: a hyphen, en or em dash alone between spaces is a dash; its space before becomes a
# no-break space so a line never starts with the dash.
SPACED_DASH = re.compile(f"[{SPACES}][-\u2013\u2014](?=[{SPACES}\n]|$)")  # (at a verse line's end too:
# «Жолбарыстай қайратты -», its line break after it, printed with a hyphen)
# A dash opening a paragraph (or a verse line) is dialogue; it stays with the first word.
DIALOGUE_DASH = re.compile("[-\u2013\u2014](?= )")
# The same dash typed against the word («–Қайдан…», «-Қайда?»: a dash, or a hyphen before a capital; a hyphen
# before a small letter is a suffix a grammar handout names, «-лар, -лер жалғаулары») gets its space
STUCK_DIALOGUE_DASH = re.compile("(?:[\u2013\u2014](?=[^\\W\\d_])|-(?=[^\\W\\d_a-zа-яёәғқңөұүһі]))")
# Rule 3: a number stays with the word (or %) after it: 1992 жылы, 46 сессиясында, 5 %.
# Never with a following number ("1 000", "12 15") or punctuation.
NUMBER_WORD = re.compile(r"(?<=\d)( )(?=[^\W\d_]|%)")
NUMERO = re.compile(r"(?<=[№§])( )(?=\d)")


@dataclass(frozen=True)
class _Patterns:
    """The rules' letter-dependent patterns, compiled once per set of rules."""

    # Rule 4: an initial (one capital letter and a period) stays with what follows when that is
    # another initial or the surname: Н. Ә. Назарбаев. "Н.Назарбаев" has no space and stays so.
    initial: re.Pattern
    # Rule 5: abbreviations of one-letter parts (т. б., т. с. с., б. з. б., т. е.) are not broken;
    # those that close an enumeration also stay with the word before them ("ЮНЕСКО т.б.").
    abbreviation: re.Pattern
    # Rule 6: a no-break space after the pack's binding abbreviations («г. Алматы», «т. 2», «№ 5»).
    bound: re.Pattern | None
    particle: re.Pattern | None
    # Rule 7: a no-break hyphen before a suffix (TypographyRules.suffix_hyphen): after a digit, or after a
    # word of two capitals or more; the suffix starts with a small letter (not «1991-2019», «COVID-19»).
    suffix: re.Pattern | None


@lru_cache(maxsize=None)
def _patterns(rules: TypographyRules) -> _Patterns:
    upper, lower = rules.upper, rules.lower
    bound = None
    if rules.bind_after:
        words = "|".join(re.escape(w) for w in sorted(rules.bind_after, key=len, reverse=True))
        bound = re.compile(rf"(?<![\w.])(?:{words})( )(?=\S)")
    return _Patterns(
        initial=re.compile(rf"(?<!\w)[{upper}]\.( )(?=[{upper}])"),
        abbreviation=re.compile(
            rf"(?:(?<=\S)(?P<lead> ))?(?<!\w)(?P<abbr>[{lower}]\.(?:[{SPACES}]?[{lower}]\.){{1,3}})"),
        bound=bound,
        particle=re.compile(rf"(?<=[{lower}{upper}])(-)(?=(?:{'|'.join(rules.particles)})(?![{lower}{upper}]))")
        if rules.particles else None,
        suffix=re.compile(rf"(?:(?<=\d)|(?<![\w\u00ad])[{upper}]{{2,}})(-)(?=[{lower}])") if rules.suffix_hyphen else None)

LINE_END = re.compile("\n")  # (a verse line's break, as the typographer is told of it)

# Rule 1.
QUOTE_MARK = re.compile("[\"«»„“”]")
# After these (or a space, or the paragraph start) a quote mark opens; after anything else it closes.
OPENING_CONTEXT = frozenset("([{«„")
# The closing mark for a straight quote, by the mark that opened the quotation.
INNER_GUILLEMET = "«„"  # on the stack: a « inside «…», printed „ (its » is printed “)
OUTER_CURLY = "“«"  # on the stack: an English “ opening a quotation at the top level, printed « (its ” is printed »)
CLOSING = {"«": "»", "„": "“", "“": "”", "”": "”", INNER_GUILLEMET: "“", OUTER_CURLY: "»"}


def _rule_edits(s: str, at_paragraph_start: bool, rules: TypographyRules):
    """(index, text) pairs of rules 2–7 over s; each replaces the single character at its index (a dash
    typed against a word by the dash and its space)."""
    patterns = _patterns(rules)
    for m in SPACED_DASH.finditer(s):
        i = m.start()
        # "1991 – 2019" is a range, not a dash between words: left as written.
        if 0 < i and s[i - 1].isdigit() and i + 3 < len(s) and s[i + 3].isdigit():
            continue
        yield i, NBSP
        yield i + 1, EM_DASH
    starts = ([0] if at_paragraph_start else []) + [m.end() for m in LINE_END.finditer(s)]
    for start in starts:  # the paragraph's start, and each verse line's
        if DIALOGUE_DASH.match(s, start):
            yield start, EM_DASH
            yield start + 1, NBSP
        elif STUCK_DIALOGUE_DASH.match(s, start):
            yield start, EM_DASH + NBSP
    for pattern in (NUMBER_WORD, NUMERO, patterns.initial, patterns.bound):
        for m in pattern.finditer(s) if pattern else ():
            yield m.start(1), NBSP
    for m in patterns.abbreviation.finditer(s):
        abbr = m.group("abbr")
        for k, c in enumerate(abbr):
            if c == " ":
                yield m.start("abbr") + k, NBSP
        if m.group("lead") and abbr.replace(" ", "").replace(NBSP, "") in rules.trailing_abbreviations:
            yield m.start("lead"), NBSP
    for pattern in (patterns.suffix, patterns.particle):
        for m in pattern.finditer(s) if pattern else ():
            yield m.start(1), NB_HYPHEN


class Typographer:
    """Typesets one paragraph at a time, chunk by chunk, keeping quote nesting across chunks.

    Call chunk() for each text run of a paragraph in reading order, verbatim() for runs that must
    not change but are still part of the text (code), and end_paragraph() after the paragraph.
    Rules that are not `active` leave the text unchanged.
    """

    def __init__(self, rules: TypographyRules):
        self.rules = rules
        self._active = rules.active
        self.end_paragraph()

    def end_paragraph(self) -> None:
        self._open: list[str] = []  # the opening marks of the quotations still open, outermost first
        self._tail = ""             # the end of the paragraph typeset so far
        self._whole = True          # _tail is all of the paragraph so far (so index 0 is its start)

    def chunk(self, text: str, lookahead: str = "") -> str:
        """The next chunk of the current paragraph, typeset.

        `lookahead` is the text that follows this chunk in the paragraph, when the caller knows it;
        without it a space or quote at the very end of the chunk is decided without seeing what
        follows (a space there is left as it is).
        """
        if not self._active or not text:
            return text
        offset = len(self._tail)
        end = offset + len(text)
        s = self._tail + text + lookahead[:LOOKAHEAD_CHARS]
        chars = list(s)
        self._quotes(s, chars, offset, end)
        for i, c in _rule_edits(s, self._whole, self.rules):
            if offset <= i < end:
                chars[i] = c
        out = "".join(chars[offset:end])
        self._remember(out)
        return out

    def verbatim(self, text: str) -> str:
        """Text that must stay exactly as it is, but that later chunks see as what came before."""
        self._remember(text)
        return text

    def _remember(self, out: str) -> None:
        kept = self._tail + out
        if len(kept) > CONTEXT_CHARS:
            kept, self._whole = kept[-CONTEXT_CHARS:], False
        self._tail = kept

    def _quotes(self, s: str, chars: list[str], offset: int, end: int) -> None:
        """Rule 1, in place on chars[offset:end], updating the nesting of open quotations."""
        stack = self._open
        for m in QUOTE_MARK.finditer(s, offset, end):
            i = m.start()
            mark = s[i]
            outer = "«" in stack or OUTER_CURLY in stack
            if mark == "«" and outer:  # «…«…»…»: the inner pair is „…“
                chars[i] = "„"
                stack.append(INNER_GUILLEMET)
                continue
            if mark == "«" or mark == "„":  # unambiguous openers
                stack.append(mark)
                continue
            if mark == "»" and stack and stack[-1] == INNER_GUILLEMET:
                stack.pop()
                if i and not chars[i - 1].isspace():  # (after a space “ would read as opening: it stays »)
                    chars[i] = "“"
                    continue
            if mark == "»":
                if outer:  # also closes any inner quotation left open
                    while stack.pop() not in ("«", OUTER_CURLY):
                        pass
                continue
            prev = chars[i - 1] if i else None
            nxt = s[i + 1] if i + 1 < len(s) else None  # None: not known (end of what we see)
            after_opening = prev is None or prev.isspace() or prev in OPENING_CONTEXT
            if prev == "„" and mark != '"' and stack and stack[-1] in ("„", INNER_GUILLEMET):
                after_opening = False  # „“: an empty quotation, closed at once
            if after_opening and not (nxt is not None and nxt.isspace()):
                opening = True
            elif after_opening:  # alone between spaces: closes what is open, else means nothing
                if not stack:
                    continue
                opening = False
            else:
                opening = False
            # Inside «…» a quotation is clearly inner: it gets „…“ whatever marks the author used.
            inner = bool(stack) and stack[0] in ("«", OUTER_CURLY)
            if mark == '"':
                if opening:
                    chars[i] = "„" if stack else "«"
                    stack.append(chars[i])
                else:
                    chars[i] = CLOSING[stack.pop()] if stack else "»"
            elif opening:  # “ or ” opening: inside a quotation „, at the top level « (English quotes typed
                if inner:    # by a word processor in a Kazakh or Russian text)
                    chars[i] = "„"
                elif not stack:
                    chars[i] = "«"
                    stack.append(OUTER_CURLY)
                    continue
                stack.append(chars[i])
            elif stack and stack[-1] == OUTER_CURLY:  # its closing ”: »
                stack.pop()
                chars[i] = "»"
            elif stack and stack[-1] in ("„", "“", "”", INNER_GUILLEMET):  # “ or ” closing an inner quotation
                opener = stack.pop()
                if opener in ("„", INNER_GUILLEMET) and inner:
                    chars[i] = "“"


def typeset(text: str, rules: TypographyRules) -> str:
    """One whole paragraph, typeset."""
    return Typographer(rules).chunk(text)
