"""A news site's furniture around the text, which a browser copy (a .txt) or a saved page carries along:
the breadcrumb («Басты бет » Тарих » …»), a view counter («2 345 рет қаралды»), a photo credit («Фото:
ашық дереккөзден»), «read also» links, share buttons, tags and the comment form's heading. None of it is
the author's text: import leaves each such line out, and says which (as it does a site's name after the
title). Only a paragraph of one short line is read so; the words are the language packs' (WebFurniture),
the web's own (social networks, a theme's English buttons) here.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..languages import WebFurniture
from ..transforms.inline_ops import plain_text
from .document import Piece

MAX_WORDS = 12  # a furniture line is short; a longer one is text, whatever it begins with
# The web's own words, whatever the text's language: social networks, and English buttons and headings a
# site's theme prints (the languages' words are in their packs: kitap/languages WebFurniture)
SOCIAL = {"facebook", "twitter", "x", "telegram", "whatsapp", "vk", "вконтакте", "instagram", "youtube",
          "одноклассники", "ok", "linkedin", "tiktok", "threads", "viber", "email", "e-mail", "pinterest"}
WEB = WebFurniture(views=("views?",), photo=("photo",), read_also=("you may also like", "related posts",
                                                                   "read also", "read more"),
                   share=("share",), tags=("tags",), comments=("leave a (?:comment|reply)", "comments?"),
                   page=("toggle dropdown", "toggle navigation", "print", "back to top",
                         # a site's visitor counter, named on the page
                         "яндекс\\.метрика", "google analytics", "liveinternet", "рейтинг@mail\\.ru", "top\\.mail\\.ru"),
                   home=("home",), menu=("menu",),
                   wiki=("from wikipedia, the free encyclopedia",), edit=("edit", "edit source"))
PICTURES = "\U0001F000-\U0001FAFF\u2600-\u27BF\u2190-\u21FF\u2B00-\u2BFF\uFE0F"  # emoji, arrows
ARROWS = re.compile(f"[{PICTURES}\\s↑↓←→⬆⬇]+")  # a lone «↓» or «⬆» (to the top of the page)


def _words(packs, field: str) -> str:
    words = dict.fromkeys(word for pack in packs for word in getattr(pack, field))
    return "|".join(word.replace(" ", r"\s+") for word in words)


class Patterns(NamedTuple):
    lines: tuple          # (pattern, what it is) of each kind of furniture line
    home: re.Pattern      # a breadcrumb's first link
    share: set[str]       # the share buttons' words
    edit: re.Pattern      # a wiki's edit link after a heading


@lru_cache(maxsize=1)
def _patterns() -> Patterns:
    """The furniture's patterns, with the words of every language pack and the web's own."""
    from ..languages import all_packs

    packs = [WEB, *(pack.furniture for pack in all_packs())]
    w = lambda field: _words(packs, field)  # noqa: E731
    number = r"\d[\d\s\u00a0]*"
    lines = (
        (rf"(?:[{PICTURES}]\s*)?{number}\s*(?:{w('views')})\.?|(?:{w('views')})\s*:?\s*{number}|"
         rf"[{PICTURES}]+\s*{number}", "view counter"),
        (rf"(?:{w('photo')})\s*(?::|—|–|-)\s*\S.*", "photo credit"),
        (rf"(?:{w('read_also')})\s*(?::|\.\.\.|…)?.*|(?:{w('read_also_colon')})\s*:.*", "«read also» link"),
        (rf"(?:{w('share')})\s*:?(?:\s*[\w-]+)*", "share buttons"),
        (rf"(?:{w('tags')})\s*:.*", "tags"),
        (rf"(?:{w('comments')})\s*(?:\(\d+\))?:?", "comment form"),
        (rf"(?:{w('page')})", "page's buttons"),
        (rf"(?:{w('menu')})", "menu"),
        (rf"(?:{w('wiki')})", "wiki's own line"),
    )
    home = re.compile(rf"(?:{w('home')})\s*(?:»|›|>|/|\|)", re.I)
    edit = re.compile(rf"\s*\[\s*(?:{w('edit')})\s*\]\s*$", re.I)
    return Patterns(tuple((re.compile(pattern, re.I), kind) for pattern, kind in lines), home,
                    {word for pack in packs for word in pack.share}, edit)


def without_edit_link(line: str) -> str:
    """A heading copied from a wiki without its edit link: «Шығу тегі[өңдеу]» → «Шығу тегі»."""
    return _patterns().edit.sub("", line) if line.endswith("]") else line


def furniture(line: str) -> str:
    """What a line of a web page is, when it is furniture and not text ('' when it is text)."""
    line = " ".join(line.split())
    if not line or len(line.split()) > MAX_WORDS:
        return ""
    lines, home, share, _ = _patterns()
    if home.match(line):
        return "breadcrumb"
    if ARROWS.fullmatch(line):
        return "page's buttons"
    words = [w.strip(",;|·•").lower() for w in line.split()]
    if all(w in SOCIAL for w in words if w):
        return "share buttons"
    kind = next((kind for pattern, kind in lines if pattern.fullmatch(line)), "")
    if kind == "share buttons" and not all(w.rstrip(":") in SOCIAL or w.rstrip(":") in share for w in words):
        return ""  # «Бөлісу» followed by words that are no buttons: text
    return kind


BREADCRUMB_WORDS = 2  # a breadcrumb's link copied on its own line: one rubric's name
RUBRIC_LINES = 6  # the site's rubric, named by its breadcrumb, stands among the page's first lines


class Furniture:
    """Which lines of a page are its furniture (furniture()), and the site's rubric its breadcrumb names
    («Басты бет / Мәдениет»: a line «Мәдениет» near the top is the rubric, not a heading of the text)."""

    def __init__(self, lines: list[str]):
        self.rubrics = {" ".join(part.split()).lower() for line in lines if furniture(line) == "breadcrumb"
                        for part in re.split(r"[»›>/|]", line)[1:-1] + re.split(r"[»›>/|]", line)[-1:]}
        self.left: list[str] = []
        self.crumbs = False  # in a breadcrumb copied one link a line («Главная» | «Законодательство»)
        self.top = True  # every line so far was furniture: the page's head, where its menu is

    def kind(self, line: str, index: int) -> str:
        line = " ".join(line.split())
        kind = furniture(line)
        if not kind and (index == 0 or self.top) and _patterns().home.match(line + " »"):
            kind, self.crumbs = "breadcrumb", True  # the home link alone on the first line (or under the menu's)
        elif not kind and self.crumbs and index < RUBRIC_LINES and len(line.split()) <= BREADCRUMB_WORDS \
                and line[-1:] not in ".!?…:;,":
            kind = "breadcrumb"
        elif not kind and index < RUBRIC_LINES and line.lower() in self.rubrics and len(line.split()) <= 3:
            kind = "rubric"
        elif kind == "menu" and not self.top:  # (only at the page's head, above the text, with the other furniture)
            kind = ""  # «Настройки» further on: a heading of the text (a computer lesson's), not the site's menu
        self.crumbs = self.crumbs and kind == "breadcrumb" or kind == "page's buttons" and self.crumbs
        self.top = self.top and bool(kind)
        return kind

    def keep(self, line: str, index: int) -> bool:
        kind = self.kind(line, index)
        if kind:
            self.left.append(f"«{' '.join(line.split())}» ({kind})")
        return not kind

    def notices(self, path) -> list[str]:
        left = self.left
        if not left:
            return []
        shown = ", ".join(left[:6]) + (f" and {len(left) - 6} more" if len(left) > 6 else "")
        return [f"{path}: {len(left)} line{'s' if len(left) > 1 else ''} of the web page around the text "
                f"{'were' if len(left) > 1 else 'was'} left out: {shown}; write back into the article any that "
                "belong to the text"]


def without_furniture(pieces: list[Piece], path) -> tuple[list[Piece], list[str]]:
    """The pieces without a web page's furniture lines, and the notice that names what was left out."""
    texts = [plain_text(piece.children).strip() if piece.kind in ("p", "h", "item") else "" for piece in pieces]
    seen = Furniture([t for t in texts if t and "\n" not in t])
    kept = [piece for index, (piece, text) in enumerate(zip(pieces, texts))
            if not text or "\n" in text or seen.keep(text, index)]
    return kept, seen.notices(path) + _without_file_names(kept, path)


# A picture's file name a browser copy glued to the text after it: «Screenshot_2018-05-12-10-35-35-1Бүгін …»
FILE_NAME = re.compile(r"(?:Screenshot|Скриншот|IMG|DSC|DCIM|photo|image|WhatsApp Image)[ _-]?[\w.-]*?\d[\w-]*?"
                       r"(?:\.(?:jpe?g|png|webp|gif|heic))?(?=[^\W\d_a-z]|\s)", re.I)


def _without_file_names(pieces: list[Piece], path) -> list[str]:
    from ..model import Text

    left = []
    for piece in pieces:
        first = piece.children[0] if piece.children else None
        if isinstance(first, Text) and piece.kind in ("p", "item"):
            found = FILE_NAME.match(first.text)
            if found and first.text[found.end():].strip():
                left.append(found[0])
                first.text = first.text[found.end():].lstrip()
    return [f"{path}: a picture's file name was left out where it stood before the text: "
            + ", ".join(f"«{name}»" for name in left)] if left else []
