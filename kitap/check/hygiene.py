"""Text hygiene (warnings): the slips of typing and pasting an editor's eye passes over.

- `space-after-punct` (fixable): a sentence ends and the next begins with no space
  («қуатталды.Әлемдік»). Not after an initial or a one-letter abbreviation part (Н.Назарбаев,
  т.б.), not in numbers (1.5), web addresses or e-mail addresses.
- `double-space` (fixable): two or more spaces between words.
- `space-missing` (fixable): a word glued to the bracket after it («Сәтбаев(12 сәуір») or a number to the
  word after it («31қаңтар», «1990жылы»: three small Cyrillic letters or more; «5-ші», «12 млн» are right).
- `tripled-letter`: the same letter three times in a row («қуатттан»), never right in Kazakh.
  Reported only: the fix (one letter or two?) needs a human. Roman numerals (XVIII) are not words.
- `unbalanced-quotes`: «» that do not pair up within a paragraph.
- `unbalanced-brackets`: (), [], {} that do not pair up within a paragraph; a list marker like
  «а)» or «2)» and a smiley «:)» are not brackets.
- `straight-quotes`: " instead of «»; once per paragraph.
- `invisible-character` (fixable: deleted): a character that shows nothing, left by copying from a site or
  a word processor. A zero-width space, joiner or word joiner, a left-to-right or right-to-left mark, a byte
  order mark inside the text (warnings): the word looks whole, but a search, an annotation's anchor or a
  spelling check does not find it. A bidirectional embedding, override or isolate (errors): it reorders the
  letters after it in print («ақ\u202eын» printed «ақны»).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from ..load.characters import ZERO_WIDTH
from .findings import Finding
from .script import looks_roman
from .passages import Passage
from .source import Project

UPPER = "A-ZÄĞÑÖŞŪÜİА-ЯЁӘҒҚҢӨҰҮҺІЌЂЊЃЅЏЉЋ"  # Kazakh Latin and legacy-font capitals too
NO_SPACE_AFTER_END = re.compile(rf"(?P<before>[^\W\d_]+|[»)\]])(?P<punct>[.!?…]+)(?=[{UPPER}])")
# two spaces, or a no-break space beside a space (a saved page's «—&nbsp; порядка»: a double gap in print)
DOUBLE_SPACE = re.compile(r"(?<=\S)(?:[ \t]{2,}|[ \t]\u00a0|\u00a0[ \t])[ \t\u00a0]*(?=\S)")
TRIPLED = re.compile(r"(?i)([^\W\d_])\1{2,}")
WORD = re.compile(r"[^\W\d_]+")
OPENERS, CLOSERS = "([{", ")]}"
# «а)», «2)», and a law's inserted points «1-1)», «2.3)», «5-2)»: they open nothing
LIST_MARKER = re.compile(r"(?:^|(?<=\s))(?:\d{1,3}(?:[-.]\d{1,3})*|[^\W\d_])$")
SMILEY = (":", ";")


def _token_around(text: str, index: int) -> str:
    """The run of non-space characters that contains `index`."""
    start, end = index, index
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


# a site's name as its address: «BAQ.KZ», «Tengrinews.kz», «Inform.kz» (no sentence ends in it)
DOMAIN = re.compile(r"[^\W_]\.(?:kz|ru|com|org|net|info|gov|edu|uz|kg|su|tj|by|ua|рф|қаз|io|me|tv|news)\b[.,;:!?»)]*$",
                    re.IGNORECASE)


def _space_after_punct(p: Passage) -> Iterator[Finding]:
    for m in NO_SPACE_AFTER_END.finditer(p.text):
        if len(m["before"]) == 1 and m["before"].isalpha():
            continue  # an initial (Н.Назарбаев) or one-letter abbreviation part (т.б.)
        token = _token_around(p.text, m.end("punct"))
        if "@" in token or "/" in token or "www." in token.lower() or DOMAIN.search(token):
            continue
        at = m.end("punct")
        yield p.finding(m.start("punct"), "warning", f"no space after «{m['punct']}» in «{token.strip('«»()[],;:')}»; "
                        "a new sentence starts here", "space-after-punct", ((at, at, " "),))


# (not «оқушы(лар)», «уважаемый(ая)»: an optional ending; not «sin(x)», «Windows(R)», «ЖШС(ТОО)»)
GLUED = re.compile(r"(?<=[а-яёәғқңөұүһі]{2})\((?=[\dА-ЯЁӘҒҚҢӨҰҮҺІ])|(?<=\d)(?=[а-яёәғқңөұүһі]{3,})")


def _space_missing(p: Passage) -> Iterator[Finding]:
    for m in GLUED.finditer(p.text):
        at = m.start()
        token = _token_around(p.text, at)
        if "/" in token or "@" in token or "_" in token:  # an address or a file name
            continue
        yield p.finding(at, "warning", f"no space in «{token.strip('«»,;:.')}»: the words run together here",
                        "space-missing", ((at, at, " "),))


def _double_space(p: Passage) -> Iterator[Finding]:
    for m in DOUBLE_SPACE.finditer(p.text):
        at = m.start()
        yield p.finding(at, "warning", f"{len(m[0])} spaces in a row; one is enough", "double-space",
                        ((at, at + len(m[0]), " "),))


INVISIBLE_MARKS = ZERO_WIDTH + "\u200e\u200f"  # and the left-to-right and right-to-left marks
REORDERING = "\u202a-\u202e\u2066-\u2069"
INVISIBLE = re.compile(f"[{INVISIBLE_MARKS}{REORDERING}]+")
REORDERS = re.compile(f"[{REORDERING}]")


def _invisible(p: Passage) -> Iterator[Finding]:
    for m in INVISIBLE.finditer(p.text):
        first = m[0][0]
        named = f"U+{ord(first):04X} {unicodedata.name(first, '')}".rstrip()
        word = INVISIBLE.sub("", _token_around(p.text, m.start()))
        fix = ((m.start(), m.end(), ""),)
        if REORDERS.search(m[0]):
            yield p.finding(m.start(), "error", f"an invisible {named} in «{word}»: it reverses or reorders the letters "
                            "after it in print; `check --fix` deletes it", "invisible-character", fix)
        else:
            yield p.finding(m.start(), "warning", f"an invisible {named} in «{word}» (left by copying): the word looks "
                            "whole, but a search or an annotation's anchor does not find it; `check --fix` deletes it",
                            "invisible-character", fix)


def _tripled(p: Passage) -> Iterator[Finding]:
    for word in WORD.finditer(p.text):
        if looks_roman(word[0]):
            continue
        for m in TRIPLED.finditer(word[0]):
            suggestion = word[0][:m.start()] + m[0][:2] + word[0][m.end():]
            yield p.finding(word.start() + m.start(), "warning",
                            f"«{word[0]}»: the letter «{m[1]}» {len(m[0])} times in a row; "
                            f"a typo for «{suggestion}»?", "tripled-letter")


def _quotes(p: Passage) -> Iterator[Finding]:
    open_at: list[int] = []
    for i, char in enumerate(p.text):
        if char == "«":
            open_at.append(i)
        elif char == "»":
            if open_at:
                open_at.pop()
            else:
                yield p.finding(i, "warning", "closing » with no « before it in this paragraph",
                                "unbalanced-quotes")
    if open_at:
        more = f" ({len(open_at)} unclosed)" if len(open_at) > 1 else ""
        yield p.finding(open_at[0], "warning", f"« opened here is not closed in this "
                        f"paragraph{more}", "unbalanced-quotes")


def _brackets(p: Passage) -> Iterator[Finding]:
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(p.text):
        if char in OPENERS:
            stack.append((char, i))
        elif char in CLOSERS:
            expected = OPENERS[CLOSERS.index(char)]
            if any(opener == expected for opener, _ in stack):
                while (top := stack.pop())[0] != expected:
                    yield p.finding(top[1], "warning", f"«{top[0]}» is not closed before "
                                    f"«{char}»", "unbalanced-brackets")
            elif char == ")" and (LIST_MARKER.search(p.text, 0, i) or p.text[i - 1:i] in SMILEY):
                continue
            elif stack:
                opener, at = stack.pop()
                yield p.finding(at, "warning", f"«{opener}» is closed by «{char}»",
                                "unbalanced-brackets")
            else:
                yield p.finding(i, "warning", f"closing «{char}» with no «{expected}» "
                                "before it", "unbalanced-brackets")
    for opener, at in stack:
        yield p.finding(at, "warning", f"«{opener}» is never closed in this paragraph",
                        "unbalanced-brackets")


def _straight_quotes(p: Passage, language: str) -> Iterator[Finding]:
    count = p.text.count('"')
    if count:
        yield p.finding(p.text.index('"'), "warning",
                        f'straight quote mark " ({count} in this paragraph): {language} uses «…» '
                        "(and „…“ inside them); the printed text shows them so, the source keeps its own",
                        "straight-quotes")


RULES = (_space_after_punct, _space_missing, _double_space, _invisible, _tripled, _quotes, _brackets)


def check(project: Project) -> Iterator[Finding]:
    from .language import checking

    language = checking(project).name
    passages = project.passages
    quotes = [list(_quotes(passage)) for passage in passages]
    spanning = _spanning_quotes(passages, quotes)
    for passage, quoted in zip(passages, quotes):
        for rule in RULES:  # (the quotes' findings made once: a quotation may run on into the next paragraph)
            yield from ((found for found in quoted if (id(passage), found.col) not in spanning) if rule is _quotes
                        else rule(passage))
        yield from _straight_quotes(passage, language)


def _spanning_quotes(passages, quotes: list[list[Finding]]) -> set[tuple[int, int]]:
    """The quotation marks of a quotation that runs on into the next paragraph (a reply under the narrator's
    line: «… естідім. | Сен де …», — деп): an unclosed « in a paragraph that ends a sentence and an unopened »
    in the next one, as (passage, col); `quotes`: each passage's unbalanced-quotes findings."""
    marks = set()
    for (one, two), (first, second) in zip(zip(passages, passages[1:]), zip(quotes, quotes[1:])):
        # (the reply may begin with its dash, which a .txt reads as a list item: «– Қураған-ай, …»)
        if one.kind != "paragraph" or two.kind not in ("paragraph", "list") or one.text.rstrip()[-1:] not in ".!?…:":
            continue  # (a paragraph that ends in mid-sentence is one broken in two: line-broken says so)
        opened = [f for f in first if "not closed" in f.message]
        closed = [f for f in second if "no « before it" in f.message]
        if len(opened) == 1 and len(closed) == 1:
            marks |= {(id(one), opened[0].col), (id(two), closed[0].col)}
    return marks
