"""How fast WeasyPrint alone can make a volume's pages on this machine (issue 18, part 4): the ceiling
under kitap's pages per second.

    .venv/bin/python bench/volume.py --work DIR             # first: writes DIR/pack (40 texts)
    .venv/bin/python bench/weasy_ceiling.py --pack DIR/pack [--jobs 2] [--json FILE]

1. The volume is built once by kitap, in this process, and the final HTML of every part (each chapter as
   last laid out after mending, the title page and contents, the appendices, the folio sheet) is kept.
2. Those HTMLs, with the same parsed stylesheets and fonts, are given to plain WeasyPrint in `--jobs`
   forked processes, longest first, as kitap's pool does: (a) `HTML.render()` only, once per part;
   (b) render and `write_pdf()` (no tags). Nothing of kitap runs in (a) and (b): no line breaking, no
   mending, no second layout, no structure tree, no joining.

Pages per second of (a) and (b) are what kitap could reach if everything it adds cost nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

_PARTS: list = []  # (html, stylesheet names, project root) of each part as last laid out


def collect(pack: Path) -> list:
    """Build the volume (A4 only) in this process and keep every part's final HTML."""
    from kitap import pipeline
    from kitap.writers import pdf

    last: dict[int, tuple] = {}
    render, write = pdf._render, pdf.write_document

    def recording_render(book, page, watch, html_for):
        html = html_for(page) if html_for else pdf._html(book, page)
        last[os.getpid()] = (html, (*pdf.PDF.stylesheets, *page.extra_stylesheets), str(book.root))
        return render(book, page, watch, lambda _: html)

    def recording_write(book, document, archival=False):
        _PARTS.append(last[os.getpid()])
        return write(book, document, archival)

    pdf._render, pdf.write_document = recording_render, recording_write
    try:
        with tempfile.TemporaryDirectory() as out:
            pipeline.build(pack, Path(out), kinds=("pdf",), jobs=1)
    finally:
        pdf._render, pdf.write_document = render, write
    return list(_PARTS)


def _lay_out(index: int) -> tuple[int, float, float]:
    from weasyprint import HTML

    from kitap.render import STYLES_DIR, TOOL_ROOT
    from kitap.writers.fetcher import ConfinedFetcher
    from kitap.writers.pdf import _font_config, _stylesheets

    html, names, root = _WORK["parts"][index]
    start = time.perf_counter()
    document = HTML(string=html, base_url=str(TOOL_ROOT) + "/", url_fetcher=ConfinedFetcher([STYLES_DIR, Path(root)])).render(
        font_config=_font_config(), stylesheets=_stylesheets(names))
    laid = time.perf_counter()
    if _WORK["write"]:
        document.write_pdf()
    return len(document.pages), laid - start, time.perf_counter() - laid


_WORK: dict = {}


def run(parts: list, jobs: int, write: bool) -> dict:
    import multiprocessing

    from kitap.writers.pdf import _font_config, _stylesheets

    _font_config()
    for names in {p[1] for p in parts}:
        _stylesheets(names)  # parsed before forking, as kitap's workers inherit them
    _WORK.update(parts=parts, write=write)
    order = sorted(range(len(parts)), key=lambda i: -len(parts[i][0]))
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        done = pool.map(_lay_out, order, chunksize=1)
    wall = time.perf_counter() - start
    pages = sum(d[0] for d in done)
    return {"pages": pages, "wall_s": round(wall, 2), "pages_per_s": round(pages / wall, 1),
            "layout_cpu_s": round(sum(d[1] for d in done), 2), "write_cpu_s": round(sum(d[2] for d in done), 2),
            "per_core_layout_pages_per_s": round(pages / sum(d[1] for d in done), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pack", type=Path, required=True, help="a course folder (bench/volume.py writes DIR/pack)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    parts = collect(args.pack.resolve())
    print(f"{len(parts)} parts kept from kitap's build")
    figures = {"parts": len(parts), "jobs": args.jobs}
    for label, write in (("render only", False), ("render + write_pdf", True)):
        result = run(parts, args.jobs, write)
        figures[label] = result
        print(f"  {label:20} {result['pages']} pages  {result['wall_s']:6.1f} s  {result['pages_per_s']:5.1f} pages/s"
              f"  (layout {result['per_core_layout_pages_per_s']} pages/s per core; write {result['write_cpu_s']} s CPU)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
