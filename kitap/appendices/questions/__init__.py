"""The teacher's questions (questions.yaml): on the worksheet (`--only worksheet`, kitap/worksheets) with
their answers in the separate answer key, and in the e-book and the web page as a self-check section
whose answers open on request (<details>); print shows no such section (the worksheet is its print form).

    - question: "Қазақстан БҰҰ-ға қашан мүше болды?"   # an open question: lines to write on
      answer: "1992 жылғы 2 наурызда"                   # what the answer key says
      paragraph: 10                                     # the paragraph it is about (or anchor: "a phrase")
      lines: 2                                          # optional: lines to write on (default 3)
    - question: "Қазақстан БҰҰ-ның нешінші мүшесі болды?"
      choices: ["150-ші", "168-ші", "176-шы"]           # multiple choice: the answer is one of them
      answer: "168-ші"
      anchor: "168-ші мүшесі"
    - statement: "Қазақстан БҰҰ-ға Сан-Маринодан бұрын кірді."   # true or false
      answer: "false"
"""
from __future__ import annotations

from typing import Any

from .. import Appendix

DEFAULT_LINES, MAX_LINES = 3, 12
MAX_CHOICES = 8
TRUTH = ("true", "false")


def _fields():
    from ...load.yamlio import Field

    return (Field("question", limit=1000), Field("statement", limit=1000), Field("answer", required=True, limit=2000),
            Field("choices", "list"), Field("lines", "int"), Field("paragraph", "int"), Field("anchor"),
            Field("occurrence", "int"))


def load(node: Any, path, errors: list) -> list:
    from ...load.yamlio import check_list, check_mapping

    fields_of = _fields()
    result: list = []

    def each(item: Any, line: int) -> None:
        fields = check_mapping(item, fields_of, path, line, "a question", errors)
        if "answer" in fields:
            question = _question(fields, item, path, line, errors)
            if question:
                result.append(question)

    check_list(node, path, "questions.yaml", errors, each)
    return result


def _question(fields: dict, item, path, line: int, errors: list):
    """The question an entry asks, or None with its problem added to `errors`."""
    from ...errors import SourceError
    from ...load.project import anchor_of
    from ...load.yamlio import line_of
    from ...model import Origin, Question

    def problem(key: str, message: str) -> None:
        errors.append(SourceError(path, line_of(item, key, line), message))

    if "question" in fields and "statement" in fields:
        return problem("statement", "a question has either 'question:' (an open or multiple-choice question) or "
                                    "'statement:' (a statement to mark true or false), not both")
    if "question" not in fields and "statement" not in fields:
        return problem("answer", "a question needs 'question:' (an open or multiple-choice question) or "
                                 "'statement:' (a statement to mark true or false)")
    if "paragraph" in fields and "anchor" in fields:
        return problem("anchor", "give the paragraph a question is about by 'paragraph:' or by 'anchor:', not both")
    if fields.get("paragraph") == 0:
        return problem("paragraph", "paragraphs are numbered from 1 (as the handout's margin shows them)")
    answer, choices = fields["answer"], _choices(fields.get("choices"), item, path, line, errors)
    if choices is None:
        return None
    if "statement" in fields:
        kind, text = "truefalse", fields["statement"]
        if answer not in TRUTH or choices:
            return problem("answer", "a statement's answer is 'true' or 'false' (and it has no 'choices:')")
    else:
        kind, text = ("choice" if choices else "open"), fields["question"]
        if choices and answer not in choices:
            return problem("answer", f"the answer «{answer}» is not one of the choices; copy it exactly from 'choices:'")
    lines = fields.get("lines", DEFAULT_LINES if kind == "open" else 0)
    if "lines" in fields and (kind != "open" or not 1 <= lines <= MAX_LINES):
        return problem("lines", f"'lines' (1 to {MAX_LINES}: lines to write on) is for open questions only"
                       if kind != "open" else f"'lines' must be 1 to {MAX_LINES}")
    return Question(kind, text, answer, Origin(path, line), choices, lines, fields.get("paragraph", 0),
                    anchor_of(fields, path, line))


def _choices(value, item, path, line: int, errors: list) -> tuple[str, ...] | None:
    """A multiple-choice question's choices (2 to MAX_CHOICES texts, each once), () without any, None if wrong."""
    from ...errors import SourceError
    from ...load.yamlio import line_of

    if not value:
        return ()
    choices = tuple(c.strip() for c in value if isinstance(c, str) and c.strip())
    if len(choices) != len(value) or not 2 <= len(choices) <= MAX_CHOICES or len(set(choices)) != len(choices):
        errors.append(SourceError(path, line_of(item, "choices", line), f"'choices' lists 2 to {MAX_CHOICES} different "
                                                                        'answers as texts: choices: ["…", "…", "…"]'))
        return None
    return choices


def link(book):
    """Each question's paragraph: by the phrase it quotes (`anchor:`), or as written, checked to exist."""
    from ...errors import SourceError, SourceErrors
    from ...transforms.anchors import locate

    numbered = [block for block in book.blocks if block.kind != "h"]  # as number_paragraphs numbers them
    errors: list[SourceError] = []
    for question in book.appendices.get("questions", []):
        try:
            if question.anchor:
                block, _, _ = locate(book.blocks, question.anchor, "question")
                question.paragraph = numbered.index(block) + 1
            elif question.paragraph > len(numbered):
                errors.append(SourceError(question.origin.path, question.origin.line,
                                          f"'paragraph: {question.paragraph}' does not exist: the text has "
                                          f"{len(numbered)} paragraphs"))
                continue
            if question.paragraph:
                question.block = numbered[question.paragraph - 1]  # numbered (and in a volume renamed) later
        except SourceError as error:
            errors.append(error)
    if errors:
        raise SourceErrors(errors)
    return book


def where(book, question) -> tuple[str, str] | None:
    """The paragraph a question is about as (its number as the book shows it, its element id), or None.
    In a volume numbered per text the number is the chapter's and the paragraph's ('2.10')."""
    block = question.block
    if block is None:
        return None
    per_text = bool(book.chapters) and getattr(book, "numbering", "") != "continuous"
    return (f"{block.chapter}.{block.number}" if per_text else str(block.number)), block.id


def convert(questions: list, convert_text) -> None:
    for question in questions:
        question.text = convert_text(question.text)
        question.choices = tuple(convert_text(choice) for choice in question.choices)
        if question.kind != "truefalse":  # 'true' and 'false' are keywords, not words of the text
            question.answer = convert_text(question.answer)


def texts(question) -> list[tuple[str, str, str]]:
    key = "statement" if question.kind == "truefalse" else "question"
    answer = [] if question.kind == "truefalse" else [(question.answer, "name", "answer")]
    return [(question.text, "note", key), *answer, *((choice, "name", "choices") for choice in question.choices)]


APPENDIX = Appendix("questions", "questions.yaml", "the teacher's questions (worksheet, self-check)", load,
                    "questions/part.html.j2", link=link, convert=convert, texts=texts, epub_type="assessment",
                    ids=("q-", "questions"), paged=False)
