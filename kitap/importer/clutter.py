"""A news site's furniture around the text, which a browser copy (a .txt) or a saved page carries along:
the breadcrumb («Басты бет » Тарих » …»), a view counter («2 345 рет қаралды»), a photo credit («Фото:
ашық дереккөзден»), «read also» links, share buttons, tags and the comment form's heading. None of it is
the author's text: import leaves each such line out, and says which (as it does a site's name after the
title). Only a paragraph of one short line is read so; the words are Kazakh's and Russian's.
"""
from __future__ import annotations

import re

from ..transforms.inline_ops import plain_text
from .document import Piece

MAX_WORDS = 12  # a furniture line is short; a longer one is text, whatever it begins with
SOCIAL = {"facebook", "twitter", "x", "telegram", "whatsapp", "vk", "вконтакте", "instagram", "youtube",
          "одноклассники", "ok", "linkedin", "tiktok", "threads", "viber", "email", "e-mail", "pinterest"}
# (pattern, what it is, as the notice says it)
LINES = (
    (re.compile(r"(?:👁\s*)?\d[\d\s\u00a0]*\s*(?:рет\s+қаралды|қаралым|просмотр(?:ов|а)?|views?)\.?", re.I), "view counter"),
    (re.compile(r"(?:фото|сурет(?:тер)?|иллюстрация|фото/видео|photo)\s*(?::|—|–|-)\s*\S.*", re.I), "photo credit"),
    (re.compile(r"(?:оқи\s+отырыңыз|ұқсас\s+жаңалықтар|читайте\s+также)\s*:?.*|"
                r"(?:тағы\s+оқыңыз|оқыңыз|см\.\s+также|по\s+теме)\s*:.*", re.I), "«read also» link"),
    (re.compile(r"(?:бөлісу|бөлісіңіз|поделиться|share)\s*:?(?:\s*[\w-]+)*", re.I), "share buttons"),
    (re.compile(r"(?:тегтер|тэгтер|теги|тэги|tags)\s*:.*", re.I), "tags"),
    (re.compile(r"(?:пікір\s+қалдыру|пікірлер|пікір\s+жазу|комментарии|оставить\s+комментарий|"
                r"добавить\s+комментарий)\s*(?:\(\d+\))?:?", re.I), "comment form"),
)
SHARE = {"бөлісу", "бөлісіңіз", "поделиться", "share"}
BREADCRUMB_HOME = re.compile(r"(?:басты\s+бет|басты|главная|home)\s*(?:»|›|>|/|\|)", re.I)


def furniture(line: str) -> str:
    """What a line of a web page is, when it is furniture and not text ('' when it is text)."""
    line = " ".join(line.split())
    if not line or len(line.split()) > MAX_WORDS:
        return ""
    if BREADCRUMB_HOME.match(line):
        return "breadcrumb"
    words = [w.strip(",;|·•").lower() for w in line.split()]
    if all(w in SOCIAL for w in words if w):
        return "share buttons"
    kind = next((kind for pattern, kind in LINES if pattern.fullmatch(line)), "")
    if kind == "share buttons" and not all(w.rstrip(":") in SOCIAL or w.rstrip(":") in SHARE for w in words):
        return ""  # «Бөлісу» followed by words that are no buttons: text
    return kind


RUBRIC_LINES = 6  # the site's rubric, named by its breadcrumb, stands among the page's first lines


class Furniture:
    """Which lines of a page are its furniture (furniture()), and the site's rubric its breadcrumb names
    («Басты бет / Мәдениет»: a line «Мәдениет» near the top is the rubric, not a heading of the text)."""

    def __init__(self, lines: list[str]):
        self.rubrics = {" ".join(part.split()).lower() for line in lines if furniture(line) == "breadcrumb"
                        for part in re.split(r"[»›>/|]", line)[1:-1] + re.split(r"[»›>/|]", line)[-1:]}
        self.left: list[str] = []

    def kind(self, line: str, index: int) -> str:
        line = " ".join(line.split())
        kind = furniture(line)
        if not kind and index < RUBRIC_LINES and line.lower() in self.rubrics and len(line.split()) <= 3:
            kind = "rubric"
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
    return kept, seen.notices(path)
