"""Stems the Kazakh dictionary (Debian's hunspell-kk 2022) lacks, added to it by the spelling check.

Only common words of the literary language belong here, each found missing while developing the
checker on the default project and on its own test texts (never on the measurement corpus).
Proper names do not: the checker reads a capitalised word inside a sentence as a name.
"""
from __future__ import annotations

NOUNS = ("жаһан", "оқтұмсық",
         # found missing in a new user's trial of texts kitap had not seen (a recipe, a fairy tale): the
         # dictionary has only шаһары, шаһарында and өңіреңде, өңірлен
         "шаһар", "өңір",
         # a second trial (news and history texts): қағидат (the spelling of the official texts for қағида),
         # өкімет (government: Алашорда өкіметі), мысқал (a jot: бір мысқал), қиямет (doomsday)
         "қағидат", "өкімет", "мысқал", "қиямет",
         # a third (an encyclopedia article, a news page): пошта (the spelling of 2013 for почта), этника
         # (этникалық; the Russian dictionary has этнический only), елорда (the capital: Елордамыздан)
         "пошта", "этника", "елорда",
         # a fourth (a literature teacher's classic prose, a methods office's encyclopedia texts): хикаят (a
         # tale: Хикаяттан), тәспі (a rosary), уез (the Russian Empire's district: уезінде)
         "хикаят", "тәспі", "уез")
VERBS = ("ену",  # as infinitives, like the dictionary's own verbs
         # the same trial: таңғалу (the spelling of 2013 for таң қалу), күйсеу (the dictionary has күйсе as a
         # noun only)
         "таңғалу", "күйсеу",
         # the second trial: атсалысу (the spelling of 2013 for ат салысу), жүгірту (көз жүгірту)
         "атсалысу", "жүгірту",
         # the third: таусу, таусылу (to run out: таусылмас бұлақ; the dictionary has таусыл as a noun only)
         "таусу", "таусылу",
         # еңіреу, еңірету (to sob, to make sob: еңіретіп; the dictionary has еңіре, еңірет as nouns only)
         "еңіреу", "еңірету",
         # the fourth: құтқару (to save: құтқаратын), тоқырау (to stagnate: тоқырауға), қымсыну (to be shy:
         # қымсынбасын), ағыту (to untie: ағытылып), құсау (to be like: құсап, as classic prose writes «сияқты»)
         "құтқару", "тоқырау", "қымсыну", "ағыту", "құсау")
