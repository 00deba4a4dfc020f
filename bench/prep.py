"""Inputs for the peers of the benchmark, made from a kitap project with kitap's own loader.

- `seed_markdown(book)`: the article as Pandoc Markdown, with every note as a `[^n]` footnote placed
  exactly where kitap puts its note call (the model is walked after `apply_transforms`), glossary
  terms and chronology phrases linked to their entries, and the glossary and chronology as sections,
  so Pandoc does comparable work.
- `final_html(book)`: kitap's own single-document A4 HTML (`render_document(book, PDF)`), for raw
  WeasyPrint; its stylesheet links are relative to the toolchain root (pass that as the base URL).

Usage (normally called by bench/run.py):
    .venv/bin/python bench/prep.py [--toolchain DIR] [--source DIR] [--out bench/work]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent

# Pandoc Markdown: characters that could start markup anywhere in a line.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#$^~|@])")
# … and at the start of a line: list markers, block quotes, numbered lists ("1992. …").
_LINE_START = re.compile(r"^(\s*)([-+:>]|\d+[.)])(?=\s|$)")


def import_kitap(toolchain: Path):
    """Import kitap from the given checkout (not whatever is first on sys.path)."""
    sys.path.insert(0, str(toolchain))
    import kitap  # noqa: F401
    loaded = Path(kitap.__file__).resolve().parents[1]
    if loaded != toolchain.resolve():
        raise SystemExit(f"kitap was imported from {loaded}, expected {toolchain}")
    return kitap


def escape_md(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    return text.replace("\n", " ")


def _escape_block_start(line: str) -> str:
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit()
                           else m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], line)


class MarkdownWriter:
    """Walks kitap's model (after transforms) and writes Pandoc Markdown."""

    def __init__(self, book):
        from kitap import model

        self.m = model
        self.book = book
        self.notes = {note.key: note for note in book.notes}

    def inline(self, children) -> str:
        m = self.m
        out: list[str] = []
        for node in children:
            if isinstance(node, m.Text):
                out.append(escape_md(node.text))
            elif isinstance(node, m.Styled):
                inner = self.inline(node.children)
                if node.style == "br":
                    out.append("\\\n")
                elif node.style == "em":
                    out.append(f"*{inner}*")
                elif node.style == "strong":
                    out.append(f"**{inner}**")
                elif node.style == "code":
                    out.append(f"`{inner}`")
                else:
                    out.append(inner)
            elif isinstance(node, m.Link):
                out.append(f"[{self.inline(node.children)}]({node.href})")
            elif isinstance(node, m.Mark):
                inner = self.inline(node.children)
                # the same cross-links kitap makes: first use of a term → glossary, phrase → chronology event
                out.append(f"[{inner}](#{node.ref})" if node.kind in ("abbr", "chrono") else inner)
            elif isinstance(node, m.NoteRef):
                out.append(f"[^{self.notes[node.key].number}]")
            # PageBreak: EPUB-only, never in the model at this stage
        return "".join(out)

    def document(self) -> str:
        book, meta = self.book, self.book.meta
        try:
            from kitap.render.labels import labels_for
            labels = labels_for(meta.language)
        except Exception:  # labels module changed: plain fallbacks
            labels = {}
        lines = ["---"]
        for key in ("subtitle", "author", "date", "description", "rights", "publisher"):
            value = getattr(meta, key, "")
            if value:
                lines.append(f"{key}: {_yaml_str(value)}")
        lines += ["---", ""]
        lines += [f"# {escape_md(meta.title)} {{#article}}", ""]
        for block in book.blocks:
            text = _escape_block_start(self.inline(block.children))
            if block.kind == "h":
                lines += [f"{'#' * min(6, block.level + 1)} {text}", ""]
            elif block.kind == "quote":
                lines += [f"> {text}", ""]
            else:
                lines += [text, ""]
        if book.glossary:
            lines += [f"# {escape_md(labels.get('glossary', 'Glossary'))} {{#glossary}}", ""]
            for entry in book.glossary:
                body = escape_md(entry.expansion)
                foreign = "; ".join(f"{labels.get(k, k)}: {escape_md(v)}" for k, v in (("ru", entry.ru), ("en", entry.en)) if v)
                if foreign:
                    body += f" ({foreign})"
                if entry.note:
                    body += f". {escape_md(entry.note)}"
                lines += [f"[**{escape_md(entry.term)}**]{{#{entry.id}}}", f":   {body}", ""]
        if book.chronology:
            lines += [f"# {escape_md(labels.get('chronology', 'Chronology'))} {{#chronology}}", ""]
            for event in book.chronology:
                lines += [f"[{event.date.iso()}]{{#{event.id}}}", f":   {self.inline(event.event)}", ""]
        for note in sorted(book.notes, key=lambda n: n.number):
            lines += [f"[^{note.number}]: {self.inline(note.body)}", ""]
        return "\n".join(lines)


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def load_book(source: Path):
    from kitap.load import load_project
    from kitap.transforms import apply_transforms

    return apply_transforms(load_project(source))


def seed_markdown(book) -> str:
    return MarkdownWriter(book).document()


def final_html(book) -> str:
    from kitap.render import PDF, render_document

    return render_document(book, PDF)


def prepare(toolchain: Path, source: Path, out: Path) -> dict:
    """Write out/seed.md and out/final.html; return facts about them."""
    import_kitap(toolchain)
    book = load_book(source)
    out.mkdir(parents=True, exist_ok=True)
    md = seed_markdown(book)
    (out / "seed.md").write_text(md, encoding="utf-8")
    html = final_html(book)
    (out / "final.html").write_text(html, encoding="utf-8")
    from kitap.render import TOOL_ROOT

    return {"title": book.meta.title, "language": book.meta.language, "notes": len(book.notes),
            "footnotes_in_md": len(re.findall(r"^\[\^\d+\]:", md, re.M)), "glossary": len(book.glossary),
            "chronology": len(book.chronology), "paragraphs": len(book.blocks),
            "base_url": str(TOOL_ROOT) + "/"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--toolchain", type=Path, default=BENCH.parent)
    parser.add_argument("--source", type=Path, default=None, help="project folder (default: TOOLCHAIN/source)")
    parser.add_argument("--out", type=Path, default=BENCH / "work")
    args = parser.parse_args()
    facts = prepare(args.toolchain, args.source or args.toolchain / "source", args.out)
    for key, value in facts.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
