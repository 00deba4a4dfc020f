"""Kazakh word structure as data: the suffixes, their shapes after each kind of stem, their order.

Kazakh is agglutinative: «мемлекет-тер-іміз-дің», «көрсет-пе-у-ге». A word is a stem, then any
number of derivational suffixes (each makes a new stem: -лық, -шы, -сыз, -ған, -у …), then one
inflectional ending: number, possession, case and predicate for nouns, tense and person for verbs.
The shape of every suffix follows the sound before it:

- vowel harmony: back (а о ұ ы) or front (ә е ө ү і) vowels, as the stem's last vowel;
- assimilation of the first consonant: -лар after a vowel, р, й, у; -дар after л, м, н, ң, ж, з;
  -тар after a voiceless consonant (ONSETS lists each pattern);
- stem-final п к қ voice before a vowel (кітап → кітабы, жүрек → жүрегі), some stems lose their
  last high vowel (халық → халқы, мойын → мойны), and the spelling joins ы+й as и (оқы+йды →
  оқиды), й+у as ю (сүй+у → сүю).

kitap/check/lexicon.py compiles these tables once into sets of endings per kind of stem; nothing
here is code about particular words.

Notation of a shape:
- А Ы (capitals) are harmonic vowels: а/е, ы/і; Ғ Қ are ғ/г, қ/к by the vowel next to them;
- {L} {N} … at the start: the first consonant, chosen from ONSETS by the sound before it;
- "x/y": x after a vowel, y after a consonant ("сЫ/Ы": баласы, кітабы); "-" for x or y: not there;
- lower-case letters are fixed (-мен, -гер, -хана keep their vowel whatever the stem).
"""
from __future__ import annotations

VOWELS = frozenset("аәеёиоөуұүыіэюя")
BACK_VOWELS = frozenset("аоұыяё")
FRONT_VOWELS = frozenset("әеөүіэию")
TRANSPARENT_VOWELS = frozenset("уи")  # a stem's harmony is that of its last other vowel (ту-ы, мұхит-ы)…
# … except у between consonants, a vowel of loanwords: референдум-да, институт-та
# Harmonic capitals and what they become in back and front words.
HARMONIC = {"А": ("а", "е"), "Ы": ("ы", "і")}
VELARS = {"Ғ": ("ғ", "г"), "Қ": ("қ", "к")}

# The kind of sound a stem (or a suffix) ends in, by its last letter.
SOUND_CLASSES = ("V", "Y", "W", "R", "L", "N", "Z", "K")
LETTER_SOUND = {**{v: "V" for v in "аәеёоөұүыіэюя"}, "и": "V", "й": "Y", "у": "W", "р": "R", "л": "L",
                **dict.fromkeys("мнң", "N"), **dict.fromkeys("жз", "Z"),
                **dict.fromkeys("бвгғдкқпстфхһцчшщ", "K")}
# и is a vowel letter for a suffix's choice, but sounds [ій]: it also takes what follows й.
ALSO_SOUNDS = {"и": ("Y",), "ю": ("W",)}

# The first consonant of a suffix after each sound (V Y W R L N Z K).
ONSETS = {
    "L": ("л", "л", "л", "л", "д", "д", "д", "т"),    # plural -лар, -лық, -лы, -ла, -лас
    "N": ("н", "д", "д", "д", "д", "н", "д", "т"),    # genitive -ның: адамның, елдің, кітаптың
    "NY": ("н", "д", "д", "д", "д", "д", "д", "т"),   # accusative -ны: баланы, адамды
    "D": ("д", "д", "д", "д", "д", "д", "д", "т"),    # locative -да, past -ды, similative -дай
    "DN": ("д", "д", "д", "д", "д", "н", "д", "т"),   # ablative -дан: адамнан, елден
    "G": ("Ғ", "Ғ", "Ғ", "Ғ", "Ғ", "Ғ", "Ғ", "Қ"),    # dative -ға, participle -ған, -ғы, -ғыз
    "M": ("м", "м", "м", "м", "м", "м", "б", "п"),    # instrumental -мен, predicate -мын: қызбын
    "MB": ("м", "м", "м", "м", "м", "б", "б", "п"),   # negation -ма: сенбеді, жазбады, айтпады
}

# Stem-final voiceless stops that voice before a vowel, and the voiced letter.
VOICING = {"п": "б", "к": "г", "қ": "ғ"}
# Spelling joins: (stem's last letter, suffix's first letter) → the letters written for both.
# The stem loses its last letter, the suffix's first letter(s) are written as given; the last field
# is the part of speech of the stems this happens to.
JOINS = (("ы", "у", "у", "v"), ("і", "у", "у", "v"),    # оқы+у → оқу, оқы+ушы → оқушы
         ("ы", "й", "и", "v"), ("і", "й", "и", "v"),    # оқы+йды → оқиды
         ("й", "у", "ю", "v"),                          # сүй+у → сүю
         ("и", "у", "ию", "v"),                         # ки+у → кию
         ("й", "а", "я", "v"),                          # қой+ады → қояды, жой+атын → жоятын
         ("ст", "т", "т", "n"))                         # социалист+тік → социалистік
# Stems whose last high vowel drops before a vowel (халық → халқы, мойын → мойнына).
SYNCOPE = ("халық", "ауыз", "мұрын", "ерін", "орын", "қарын", "мойын", "ерік", "көрік", "бөрік", "мүлік",
           "нарық", "парық", "сиық", "ырық", "құлық", "қойын", "ғұрып", "дерек", "ілік")
# Letters and beginnings that mark a loanword (they voice and harmonise less predictably).
LOAN_LETTERS = frozenset("вфцчщъьёэ")
NATIVE_FINAL_CLUSTERS = frozenset({"рт", "лт", "йт", "рқ", "ңқ", "ңк", "йқ", "лқ"})

# Loanword stems ending in two consonants may take a vowel before a suffix (акт → актісі, пакт → пактіні).
EPENTHETIC_VOWEL = {"b": "ы", "f": "і"}
# Prefixes of international words, written together with Kazakh ones (геосаяси, геоэкономикалық).
PREFIXES = ("гео", "био", "эко", "авто", "теле", "радио", "фото", "кино", "мега", "микро", "макро", "мини",
            "анти", "контр", "интер", "транс", "пост", "супер", "ультра", "вице", "экс", "нео", "псевдо",
            "мульти", "поли", "моно", "аэро", "агро", "электро", "гидро", "термо", "нано", "кибер", "медиа")
# A compound written as one word (мемлекетаралық, қайнаркөзі, бейбітсүйгіш): a noun stem of at least
# this many letters, then a stem of at least COMPOUND_TAIL letters with its ending (no derivation).
COMPOUND_HEAD = 4
COMPOUND_TAIL = 3
# A second part that begins with a vowel only when it is one of these, used like a suffix
# (мемлекетаралық, ұлтаралық «inter-»): other vowel-initial remains are too often a slip's.
COMPOUND_VOWEL_TAILS = ("аралық",)
# First parts of compounds shorter than COMPOUND_HEAD, or before a vowel, that official spelling writes as
# one word with any second part: жалпыұлттық, жалпыхалықтық, көптомдық, көпұлтты, қолжетімді, қолжазба
COMPOUND_FIRSTS = ("жалпы", "көп", "қол")

SUFFIXES = {
    # number and possession
    "plural": "{L}Ар",
    "poss1sg": "м/Ым", "poss2sg": "ң/Ың", "poss2pol": "ңЫз/ЫңЫз", "poss3": "сЫ/Ы", "poss1pl": "мЫз/ЫмЫз",
    # cases
    "genitive": "{N}Ың", "accusative": "{NY}Ы", "dative": "{G}А", "locative": "{D}А", "ablative": "{DN}Ан",
    "instrumental": "{M}ен", "instrumental-long": "{M}енен",
    "similative": "{D}Ай", "equative": "шА", "locative-adj": "{D}АҒЫ",
    # cases after a third-person possessive: мойны-на, тәртібі-нде, бойы-нша
    "accusative-p3": "н", "dative-p3": "нА", "locative-p3": "ндА", "ablative-p3": "нАн",
    "similative-p3": "ндАй", "equative-p3": "ншА", "locative-adj-p3": "ндАҒЫ",
    "dative-p12": "А",  # анама, досыңа
    # predicate endings of nouns and participles: мұғаліммін, қазақпыз, келгенсің
    "pred1sg": "{M}Ын", "pred2sg": "сЫң", "pred2pol": "сЫз", "pred1pl": "{M}Ыз", "pred2pl": "сЫңдАр",
    "pred2polpl": "сЫздАр", "probable": "{D}Ыр",
    # verbs: tense, mood, person
    "past": "{D}Ы", "present": "й/А", "conditional": "сА",
    "pers1sg": "м", "pers2sg": "ң", "pers2pol": "ңЫз", "pers1pl": "Қ", "pers2pl": "ңдАр", "pers2polpl": "ңЫздАр",
    "pres3": "{D}Ы",
    "imp3": "сЫн", "imp1sg": "йЫн/АйЫн", "imp1pl": "йЫҚ/АйЫҚ", "imp1pl-l": "лЫҚ/АлЫҚ", "imp2pol": "ңЫз/ЫңЫз",
    "imp2pl": "ңдАр/ЫңдАр", "imp2polpl": "ңЫздАр/ЫңЫздАр", "particle-shy": "шЫ",
    "gerund-p": "п/Ып", "evidential": "птЫ/ЫптЫ", "gerund-galy": "{G}АлЫ", "gerund-ynsha": "йЫншА/ЫншА",
    "intent": "{MB}АҚ",
}

CASES = ("genitive", "accusative", "dative", "locative", "ablative", "instrumental", "instrumental-long",
         "similative", "equative")
CASES_P3 = ("genitive", "accusative-p3", "dative-p3", "locative-p3", "ablative-p3", "instrumental",
            "instrumental-long", "similative-p3", "equative-p3")
CASES_P12 = ("genitive", "accusative", "dative-p12", "locative", "ablative", "instrumental", "instrumental-long",
             "similative", "equative")
PREDICATE = ("pred1sg", "pred2sg", "pred2pol", "pred1pl", "pred2pl", "pred2polpl", "probable")
PERSON = ("pers1sg", "pers2sg", "pers2pol", "pers1pl", "pers2pl", "pers2polpl")
PRESENT_PERSON = ("pred1sg", "pred2sg", "pred2pol", "pres3", "pred1pl", "pred2pl", "pred2polpl")
IMPERATIVE = ("imp3", "imp1sg", "imp1pl", "imp1pl-l", "imp2pol", "imp2pl", "imp2polpl")
END = "end"

# The order of inflectional endings, as states: state → [(suffixes, next state, finite)]. An empty
# tuple adds nothing; `finite` marks a form that can end a sentence (a verb's tense, a predicate).
NOUN_ENDINGS = {
    "noun": [((), "number", False), (("plural",), "number", False)],
    "number": [((), "bare", False), (("poss3",), "p3", False), (("poss1sg", "poss2sg"), "p12", False),
               (("poss1pl", "poss2pol"), "bare", False)],
    "bare": [((), END, False), (CASES, END, False), (("locative",), "predicate", False),
             (("locative-adj",), "adjective", False), (PREDICATE, END, True)],
    "p3": [((), END, False), (CASES_P3, END, False), (("locative-p3",), "predicate", False),
           (("locative-adj-p3",), "adjective", False), (PREDICATE, END, True)],
    "p12": [((), END, False), (CASES_P12, END, False), (("locative-adj",), "adjective", False),
            (PREDICATE, END, True)],
    "predicate": [(PREDICATE, END, True)],
    # after -дағы (үйдегі, ішіндегі) a word is an adjective again: үйдегілер, ішіндегілердің
    "adjective": [((), END, False), (CASES, END, False), (("plural",), "adjective-plural", False),
                  (("poss3",), "adjective-p3", False)],
    "adjective-plural": [((), END, False), (CASES, END, False), (("poss3",), "adjective-p3", False)],
    "adjective-p3": [((), END, False), (CASES_P3, END, False)],
}
VERB_ENDINGS = {
    "verb": [((), END, False), (("past",), "past", True), (("present",), "present", False),
             (("conditional",), "conditional", False), (IMPERATIVE, "particle", True),
             (("particle-shy", "evidential"), END, True), (("gerund-p", "gerund-galy", "gerund-ynsha"), END, False),
             (("intent",), "intent", True)],
    "past": [((), END, True), (PERSON, END, True)],
    "present": [((), END, False), (PRESENT_PERSON, END, True)],
    "conditional": [((), END, False), (PERSON, END, False), (("particle-shy",), END, True)],
    "particle": [((), END, True), (("particle-shy",), END, True)],
    "intent": [((), END, True), (PREDICATE, END, True), (("particle-shy",), "intent-shy", True)],
    "intent-shy": [((), END, True), (PREDICATE, END, True)],
}
# Where each part of speech starts, and (for noun stems ending in ы/і, which may already hold a
# third-person possessive: бәрі, өзі, халқы) the state such a stem may also continue from.
START = {"n": "noun", "v": "verb"}
POSSESSED_START = "p3"

# Derivational suffixes: name → (part of speech before, shape, part of speech after).
DERIVATIONS = {
    # noun → noun (adjectives are nouns here: they take the same endings)
    "abstract": ("n", "{L}ЫҚ", "n"),          # бірлік, тәуелсіздік, адамдық, халықтық
    "agent": ("n", "шЫ", "n"),                # жұмысшы, етікші
    "privative": ("n", "сЫз", "n"),           # сауатсыз, тәуелсіз
    "having": ("n", "{L}Ы", "n"),             # маңызды, ақылды, сулы, салтанатты
    "relational": ("n", "{G}Ы", "n"),         # жылғы, сыртқы, соңғы
    "adherent": ("n", "шЫл", "n"),            # ұлтшыл, бейбітшіл
    "fellow": ("n", "{L}Ас", "n"),            # замандас, сыныптас, жерлес
    "trade": ("n", "{G}ер", "n"),             # саудагер, іскер
    "master": ("n", "паз", "n"),              # өнерпаз
    "place": ("n", "хана", "n"),              # кітапхана, емхана
    "land": ("n", "стан", "n"),               # Өзбекстан, Тәжікстан
    "writ": ("n", "нама", "n"),               # тұғырнама, саяхатнама
    "ordinal": ("n", "ншЫ/ЫншЫ", "n"),        # бірінші, алтыншы
    "comparative": ("n", "рАҚ/ЫрАҚ", "n"),    # жақсырақ, үлкенірек
    # noun → verb
    "verbalizer": ("n", "{L}А", "v"),         # ойла, ізде, сақта; with -н, -с, -т: ойлан, ақылдас
    "becoming": ("n", "сЫрА", "v"),           # әлсіре
    "turning": ("n", "р/-", "v"),             # жаңар, ескір (after a consonant, lexical: ағар, көгер)
    # verb → verb: voice and negation
    "passive": ("v", "л/Ыл", "v"),            # айтыл, оқыл
    "reflexive": ("v", "н/Ын", "v"),          # жуын, ойлан
    "reciprocal": ("v", "с/Ыс", "v"),         # көріс, сөйлес
    "causative": ("v", "т/{D}Ыр", "v"),       # оқыт, жаздыр
    "causative-dyr": ("v", "{D}Ыр", "v"),     # жедір
    "causative-gyz": ("v", "{G}Ыз", "v"),     # тұрғыз, өткіз
    "negation": ("v", "{MB}А", "v"),          # алма, сенбе, айтпа
    # verb → noun: participles and verbal nouns
    "participle-past": ("v", "{G}Ан", "n"),   # жариялаған, айтқан
    "participle-present": ("v", "йтЫн/АтЫн", "n"),  # сақтайтын, ұстанатын
    "participle-present-old": ("v", "йтұғын/Атұғын", "n"),  # болатұғын (the older literary form)
    "participle-future": ("v", "р/Ар", "n"),  # айтар, оқыр
    "participle-negative": ("v", "{MB}Ас", "n"),  # мызғымас
    "verbal-noun": ("v", "у", "n"),           # тарту, көтеру, ойлау
    "doer": ("v", "ушЫ", "n"),                # оқушы, жазушы
    "result": ("v", "м/Ым", "n"),             # білім, ұйым
    "action": ("v", "с/Ыс", "n"),             # жүріс
    "tool": ("v", "{G}Ыш", "n"),              # сүйгіш, жазғыш
    "product": ("v", "{MB}А", "n"),           # жазба, шығарма
    "wish": ("v", "{G}Ы", "n"),               # барғым (келеді)
    "outcome": ("v", "ндЫ/ЫндЫ", "n"),        # қорытынды
}
# Derivations whose bare form can end a sentence: «Ол келген.», «… болатын.», «… бармақ.»
PREDICATIVE_DERIVATIONS = ("participle-past", "participle-present", "participle-present-old", "participle-future",
                           "participle-negative")
