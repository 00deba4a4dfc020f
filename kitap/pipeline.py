"""The build, as a list of named steps: load → transform → lay out → write → commit."""
from __future__ import annotations

import copy
import gc
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .errors import KitapError
from .fingerprint import STAMP, fingerprints, project_state, read_stamp, source_names, stamp_bytes, up_to_date
from .render.targets import Page, text_page
from .timing import Stopwatch

# Output kinds, in build order; `--only` takes a comma-separated subset.
KINDS = ("pdf", "booklet", "large", "epub", "html")


@dataclass
class Output:
    kind: str
    path: Path
    size: int
    seconds: float
    pages: int | None = None  # pages as laid out (the booklet: A5 pages, before imposition)

    @property
    def pages_text(self) -> str:
        """The pages as a print shop counts them: the booklet in A5 pages and the A4 sheets they fold from."""
        if not self.pages:
            return ""
        if self.kind == "booklet":
            sheets = -(-self.pages // 4)  # four A5 pages a sheet, printed on both sides
            return f"{self.pages} A5 pages, {sheets} sheet{'s' if sheets > 1 else ''}"
        return f"{self.pages} page{'s' if self.pages > 1 else ''}"


@dataclass
class BuildReport:
    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)
    helper_stages: dict[str, float] = field(default_factory=dict)  # of the helper process, if one was used
    seconds: float = 0.0
    unchanged: tuple[str, ...] = ()  # kinds not rebuilt: their inputs did not change


def projects(sources: tuple[Path, ...], output: Path) -> list[tuple[Path, Path]]:
    """(project folder, output folder) pairs: one project builds into `output`; several (repeated --source,
    or a folder whose subfolders are projects) each into output/<folder name>."""
    if len(sources) == 1 and sources[0].is_dir() and not (sources[0] / "book.yaml").exists():
        inner = sorted(p for p in sources[0].iterdir() if (p / "book.yaml").is_file())
        if inner:
            sources = tuple(inner)
    if len(sources) == 1:
        return [(sources[0], output)]
    names = [s.resolve().name for s in sources]
    if len(set(names)) != len(names):
        raise KitapError("several projects share a folder name; their outputs would collide in " + str(output))
    return [(source, output / name) for source, name in zip(sources, names)]


def parse_only(value: str | None) -> tuple[str, ...]:
    if not value:
        return KINDS
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise KitapError(f"--only: unknown output '{unknown[0]}' (choose from {', '.join(KINDS)})")
    return tuple(k for k in KINDS if k in kinds)


def build(source: Path, output: Path, kinds: tuple[str, ...] = KINDS, archival: bool = False,
          on_stage: Callable[[str], None] | None = None, force: bool = False, line_numbers: bool = False,
          jobs: int = 1) -> BuildReport:
    """Build the outputs whose inputs changed (all with `force`, or into a fresh folder); with
    `jobs` ≥ 2, in two processes."""
    started = time.perf_counter()
    from .writers.atomic import recover

    recover(output)  # finish (or undo) a commit an earlier build was stopped in
    options = f"archival={archival} line_numbers={line_numbers}"
    stamp = read_stamp(output)
    prints = fingerprints(project_state(source, source_names(stamp)), kinds, options) if source.is_dir() else {}
    todo = tuple(k for k in kinds if force or not prints or not up_to_date(output, k, prints[k], stamp))
    if not todo:
        return BuildReport(seconds=time.perf_counter() - started, unchanged=kinds)
    report = _build(source, output, todo, archival, on_stage, options, stamp, line_numbers, jobs)
    report.unchanged = tuple(k for k in kinds if k not in todo)
    report.seconds = time.perf_counter() - started
    return report


def check_before_build(book, source: Path) -> list[str]:
    """The checker's rules (all but spelling, which `build.py check` runs) on the loaded, untransformed
    book: errors stop the build, warnings are reported with it."""
    from .check import CHECKS, Report, passage_groups, run_checks, spelling
    from .check.source import project_of

    project = project_of(book)
    findings = run_checks(project, [c for c in CHECKS if c is not spelling.check])
    errors = [str(f) for f in findings if f.severity == "error"]
    if errors:
        raise KitapError("\n".join(errors + [f"{len(errors)} error(s) found by the checker; nothing was written "
                                             f"(python build.py check --source {source} explains each)"]))
    return [str(f) for f in Report(findings, [], passage_groups(project)).shown()]  # file-wide ones summarised


TEXT_PAGE = text_page()  # the A4 handout's text, before the appendices

# With two lanes, a forked helper process reads and checks the project while the main process imports
# WeasyPrint; then the main process lays out the A4 handout (the e-book needs its page starts) and the
# booklet, and the helper makes these:
HELPER_KINDS = ("large", "epub", "html")


def share(kinds: tuple[str, ...], jobs: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(kinds made in the main process, kinds made in a forked helper): all in the main process with
    one job, or when the main process would have no layout to do."""
    from .lanes import available

    theirs = tuple(k for k in kinds if k in HELPER_KINDS)
    mine = tuple(k for k in kinds if k not in theirs)
    if not available(jobs) or not theirs or not (mine or "epub" in theirs):
        return kinds, ()
    return mine, theirs


def read_project(source: Path, watch: Stopwatch):
    """The transformed book and the checker's warnings; source and checker errors are raised."""
    from .load import load_project
    from .transforms import apply_transforms

    with watch.stage("load"):
        book = load_project(source)
        loaded = copy.deepcopy(book)  # the checker reads the sources as written, before transforms
    with watch.stage("transforms"):
        book = apply_transforms(book)  # raises the anchor errors first, in the loader's own words
    with watch.stage("check"):
        warnings = check_before_build(loaded, source)
    return book, warnings


def _build(source: Path, output: Path, kinds: tuple[str, ...], archival: bool,
           on_stage: Callable[[str], None] | None, fingerprint_options: str, stamp: dict,
           line_numbers: bool = False, jobs: int = 1) -> BuildReport:
    """Read and check everything, make every output in memory (in one or two processes), then write
    them all atomically."""
    from .writers.atomic import commit_outputs

    watch = Stopwatch(on_stage)
    mine, theirs = share(kinds, jobs)
    options = (archival, line_numbers, "epub" in kinds)
    their_stages: dict[str, float] = {}
    helper = None
    if theirs:
        from .lanes import Helper

        serves = set(theirs) <= {"epub"}  # the helper is free to render the handout's HTML for the main process
        try:
            helper = Helper(lambda connection: _helper_lane(connection, source, theirs, options, serves))
        except OSError:  # the system refused another process: build in this one
            mine, theirs = kinds, ()
    if helper is None:
        book, warnings = read_project(source, watch)
        made, more = _Maker(book, *options).make(mine, watch)
        warnings += more
    else:
        from .writers.libraries import import_weasyprint

        # The cycle collector: what is imported lives to the end, so it is frozen out of the collector's
        # passes; and the collector is paused while this process lays out and writes (it spent 0.10-0.15 s
        # in ~270 passes and freed ~2 MB of 70). Both are undone after the build (the collector resumed
        # only if it ran before: the CLI pauses it for its one build).
        collecting = gc.isenabled()
        try:
            with watch.stage("import"):
                import_weasyprint()  # while the helper reads and checks the project
                gc.freeze()
                gc.disable()
            book, warnings, text_html = helper.ready()
            html_for = None
            if serves:  # the main process then needs neither Jinja nor the typography code
                def html_for(page: Page) -> str:
                    return text_html if page == TEXT_PAGE else helper.ask(("render", page))
            made, more = _Maker(book, *options).make(mine, watch, html_for=html_for, send_starts=(
                (lambda starts: helper.send(("starts", starts))) if "epub" in theirs else None))
            their_made, their_warnings, their_stages = helper.result()
        except BaseException:
            helper.cancel()
            raise
        finally:
            gc.unfreeze()
            if collecting:
                gc.enable()
        made += their_made
        warnings += more + their_warnings
    made.sort(key=lambda m: KINDS.index(m[0]))
    with watch.stage("commit"):
        files = {file: data for _, file, data, _, _ in made}
        # The fingerprints of the files exactly as the loader read them (not read again: a file changed
        # since is then seen as changed by the next build)
        prints = fingerprints(book.sources, kinds, fingerprint_options)
        built = {kind: (prints[kind], {file: data}) for kind, file, data, _, _ in made}
        files[STAMP] = stamp_bytes(stamp, built, book.sources)
        written = commit_outputs(output, files)
    outputs = [Output(kind, path, path.stat().st_size, seconds, pages)
               for (kind, _, _, seconds, pages), path in zip(made, written)]
    return BuildReport(outputs, list(dict.fromkeys(warnings)), watch.seconds, their_stages)  # in the order found


def _helper_lane(connection, source: Path, kinds: tuple[str, ...], options: tuple, serves: bool):
    """The helper process's work: read and check the project and send the book (and, if it `serves`, the
    A4 text's HTML) to the main process, then make its outputs; the e-book last, with the page starts
    the main process sends after laying out the A4 handout. While it waits for them, a serving helper
    renders the pages the main process asks for (the appendices, once the text's pages are known)."""
    from .render import PDF, render_document
    from .writers import release_fonts

    watch = Stopwatch()
    gc.enable()  # the helper collects as usual, even if the process it was forked from paused the collector
    starts = []  # the page starts, once they have come

    def serve(until_starts: bool = True):
        """Render the pages asked for, until the page starts come (or, not `until_starts`, one request)."""
        while not starts:
            kind, value = connection.recv()
            if kind == "starts":
                starts.append(value)
                return
            connection.send(("answer", render_document(book, PDF, value)))  # ("render", page)
            if not until_starts:
                return

    def receive_starts():
        serve()
        return starts[0]

    try:
        book, warnings = read_project(source, watch)
        text_html = render_document(book, PDF, TEXT_PAGE) if serves else None
        connection.send(("ready", (book, warnings, text_html)))
        if serves:  # the main process asks for the appendices as soon as the text is laid out: answer that
            serve(until_starts=False)  # first, not after drawing the cover (up to 0.08 s late)
        made, more = _Maker(book, *options).make(kinds, watch, receive_starts=receive_starts)
        return made, more, watch.seconds
    finally:
        release_fonts()  # the helper leaves by os._exit


class _Maker:
    """Makes outputs in memory: (kind, file name, bytes, seconds, pages) and the layout's warnings."""

    def __init__(self, book, archival: bool, line_numbers: bool, epub_wanted: bool):
        """`epub_wanted`: the e-book is made in this build (here or in the helper): lay out the A4
        handout for its page list even if the A4 PDF is not wanted."""
        self.book, self.archival, self.line_numbers, self.epub_wanted = book, archival, line_numbers, epub_wanted

    def make(self, kinds: tuple[str, ...], watch: Stopwatch, send_starts=None, receive_starts=None, html_for=None):
        book, name = self.book, self.book.meta.name
        made: list[tuple[str, str, bytes, float, int | None]] = []
        warnings: list[str] = []
        starts = None
        if "html" in kinds:
            from .writers.html import write_html

            began = time.perf_counter()
            with watch.stage("html write"):
                data = write_html(book)
            made.append(("html", "html/index.html", data, time.perf_counter() - began, None))
        for kind in ("pdf", "booklet", "large"):
            a4_for_epub = kind == "pdf" and self.epub_wanted and receive_starts is None
            if kind not in kinds and not a4_for_epub:
                continue
            from .writers.pdf import A4, BOOKLET, VARIANTS, lay_out, write_pdf  # only here: it loads WeasyPrint

            variant = VARIANTS[kind]
            began = time.perf_counter()
            layout = lay_out(book, variant, watch, self.line_numbers and variant is A4, html_for if variant is A4 else None)
            warnings += layout.warnings
            if a4_for_epub:
                from .writers.pagemap import page_starts

                starts = page_starts([layout.text, layout.appendices])
                if send_starts:
                    send_starts(starts)
            if kind not in kinds:
                continue  # the A4 layout was needed only for the e-book's page list
            with watch.stage("pdf write"):
                data = write_pdf(book, layout, self.archival)
                if variant is BOOKLET:
                    from .writers.booklet import impose_saddle

                    data = impose_saddle(data)
            made.append((kind, f"{name}{variant.suffix}.pdf", data, time.perf_counter() - began, layout.pages))
        if "epub" in kinds:
            from .writers.cover import cover_png
            from .writers.epub import write_epub

            began = time.perf_counter()
            with watch.stage("epub write"):
                cover = cover_png(book.meta)  # made while the main process lays out the A4 handout
            if receive_starts:
                waited = time.perf_counter()
                starts = receive_starts()
                began += time.perf_counter() - waited  # the e-book's own time, not the wait
            with watch.stage("epub write"):
                data = write_epub(book, starts or [], cover)
            made.append(("epub", f"{name}.epub", data, time.perf_counter() - began, None))
        return made, warnings
