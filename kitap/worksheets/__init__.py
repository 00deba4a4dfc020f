"""Lesson kits: a printable worksheet and its answer key, made from what a project holds.

items.py makes the tasks from the book (abbreviations to match, events to order, the teacher's questions
of questions.yaml); gaps.py chooses the sentences of the text to fill in; layout.py renders one template
(templates/worksheet.html.j2, with a flag for the key) and lays it out with WeasyPrint. The output is
registered in kitap/outputs/worksheet.py (`--only worksheet`).
"""
