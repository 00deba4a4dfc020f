"""The furniture of Russian-language news sites around a text (kitap/languages WebFurniture: see there)."""
from __future__ import annotations

from .. import WebFurniture

FURNITURE = WebFurniture(
    views=("просмотр(?:ов|а|ы)?",),
    photo=("фото", "иллюстрация", "фото/видео", "видео"),
    read_also=("читайте также", "похожие новости", "похожие материалы", "смотрите также"),
    read_also_colon=("см\\. также", "по теме"),
    share=("поделиться",),
    tags=("теги", "тэги", "метки", "ключевые слова"),
    comments=("комментарии", "оставить комментарий", "добавить комментарий",
              "ваш (?:e-mail|адрес email|адрес электронной почты) не будет опубликован\\.?"),
    page=("версия для печати", "распечатать"),
    home=("главная",),
)
