"""The build, as a list of named steps: load → transform → lay out → write → commit.

What is built comes from the outputs' registry (kitap/outputs): each output kind in each edition (the
source's own script, and others its language pack converts it to: `--script`, `editions:`).
"""
from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import outputs
from .errors import KitapError
from .fingerprint import (STAMP, fingerprints, project_state, read_stamp, source_names, stamp_bytes, stamp_key,
                          stamp_keys, up_to_date)
from .outputs import Product
from .render.targets import Page
from .timing import Stopwatch


@dataclass
class Output:
    kind: str
    path: Path
    size: int
    seconds: float
    pages: int | None = None  # pages as laid out (the booklet: A5 pages, before imposition)
    edition: str = ""         # the script of an edition other than the source's own ('latn')

    @property
    def pages_text(self) -> str:
        """The pages as the output counts them (the booklet in A5 pages and the sheets they fold from)."""
        return outputs.writer(self.kind).describe_pages(self.pages)


@dataclass
class Made:
    """An output made in memory: its kind and edition, its files (most outputs: one), and the seconds it took."""

    kind: str
    edition: str
    products: tuple[Product, ...]
    seconds: float

    def files(self) -> dict[str, bytes]:
        return {product.file: product.data for product in self.products}


@dataclass
class BuildReport:
    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)
    helper_stages: dict[str, float] = field(default_factory=dict)  # of the helper process, if one was used
    seconds: float = 0.0
    unchanged: tuple[str, ...] = ()  # outputs not rebuilt (stamp keys: pdf, pdf-latn): their inputs did not change


def projects(sources: tuple[Path, ...], output: Path) -> list[tuple[Path, Path]]:
    """(project folder, output folder) pairs: one project builds into `output`; several (repeated --source,
    or a folder whose subfolders are projects) each into output/<folder name>."""
    if len(sources) == 1 and sources[0].is_dir() and not _is_project(sources[0]):
        inner = sorted(p for p in sources[0].iterdir() if _is_project(p))
        if inner:
            sources = tuple(inner)
    if len(sources) == 1:
        return [(sources[0], output)]
    names = [s.resolve().name for s in sources]
    if len(set(names)) != len(names):
        raise KitapError("several projects share a folder name; their outputs would collide in " + str(output))
    return [(source, output / name) for source, name in zip(sources, names)]


def parse_shard(value: str) -> tuple[int, int]:
    """'K/N' → (K, N), 1 ≤ K ≤ N."""
    k, slash, n = value.strip().partition("/")
    if not slash or not k.isdigit() or not n.isdigit() or not 1 <= int(k) <= int(n):
        raise KitapError(f"'{value}' is not a share: write K/N with 1 ≤ K ≤ N (e.g. --shard 2/8)")
    return int(k), int(n)


def shard_of(pairs: list[tuple[Path, Path]], k: int, n: int) -> list[tuple[Path, Path]]:
    """The K-th of N shares of the projects: sorted by folder name (then path), every N-th from the K-th.
    The same on every machine, whatever order the folders were given or listed in; each project's output
    folder is the one it has in the whole build, so the shares' outputs can be gathered into one folder."""
    ordered = sorted(pairs, key=lambda pair: (pair[0].resolve().name, str(pair[0].resolve())))
    return ordered[k - 1::n]


def _is_project(folder: Path) -> bool:
    """A project folder (book.yaml) or a course pack's (course.yaml): one build."""
    return (folder / "book.yaml").is_file() or (folder / "course.yaml").is_file()


def parse_only(value: str | None) -> tuple[str, ...]:
    """The output kinds `--only` names, in the registry's order (all default ones without it)."""
    known = outputs.kinds()
    if value is None:
        return outputs.default_kinds()
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    if not kinds:
        raise KitapError(f"--only: it names no output (choose from {', '.join(known)})")
    unknown = [k for k in kinds if k not in known]
    if unknown:
        raise KitapError(f"--only: unknown output '{unknown[0]}' (choose from {', '.join(known)})")
    return tuple(k for k in known if k in kinds)


def parse_scripts(value: str | None) -> tuple[str, ...] | None:
    """The editions `--script` names (latn, cyrl; comma-separated), or None: the book's own choice."""
    if not value:
        return None
    from .languages import all_packs

    scripts = tuple(dict.fromkeys(s.strip().lower() for s in value.split(",") if s.strip()))
    known = sorted({p.script.lower() for p in all_packs()} | {s for p in all_packs() for s in p.editions})
    unknown = [s for s in scripts if s not in known]
    if unknown:
        raise KitapError(f"--script: no language kitap knows is printed in '{unknown[0]}' (choose from {', '.join(known)})")
    return scripts or None


def build(source: Path, output: Path, kinds: tuple[str, ...] | None = None, archival: bool = False,
          on_stage: Callable[[str], None] | None = None, force: bool = False, line_numbers: bool = False,
          jobs: int = 1, scripts: tuple[str, ...] | None = None) -> BuildReport:
    """Build the outputs whose inputs changed (all with `force`, or into a fresh folder), in each edition
    (`scripts`: 'cyrl', 'latn'; None: the book's `editions:`, else its own script); with `jobs` ≥ 2, in
    two processes."""
    started = time.perf_counter()
    from .writers.atomic import recover

    kinds = kinds or outputs.default_kinds()
    recover(output)  # finish (or undo) a commit an earlier build was stopped in
    options = f"archival={archival} line_numbers={line_numbers}"
    stamp = read_stamp(output)
    keys = stamp_keys(stamp, kinds, scripts) if source.is_dir() and not force else None
    todo = None  # stamp keys to make (None: all the build asks for)
    if keys is not None:
        prints = fingerprints(project_state(source, source_names(stamp)), keys, options, kind_options(kinds, stamp))
        todo = {key for key in keys if not up_to_date(output, key, prints[key], stamp)}
        if not todo:
            return BuildReport(seconds=time.perf_counter() - started, unchanged=tuple(keys))
    report = _build(source, output, kinds, scripts, archival, on_stage, options, stamp, line_numbers, jobs, todo)
    report.unchanged = tuple(key for key in keys or () if key not in todo)
    report.seconds = time.perf_counter() - started
    return report


def _checked(book) -> tuple[list[str], list[str]]:
    """The checker's errors on one loaded book, and the findings it shows (file-wide ones summarised)."""
    from .check import CHECKS, Report, passage_groups, run_checks, spelling
    from .check.source import project_of

    project = project_of(book)
    findings = run_checks(project, [c for c in CHECKS if c is not spelling.check])
    return ([str(f) for f in findings if f.severity == "error"],
            [str(f) for f in Report(findings, [], passage_groups(project)).shown()])


def check_before_build(loaded, source: Path, output: Path | None = None, jobs: int = 1) -> list[str]:
    """The checker's rules (all but spelling, which `build.py check` runs) on the loaded, untransformed
    book (a course pack: each of its texts, by up to `jobs` processes): errors stop the build, warnings are
    reported with it. A course pack's texts unchanged since a build into `output` are not checked again
    (check/remembered.py)."""
    from .check.remembered import CheckCache, text_key
    from .lanes import in_processes

    course = isinstance(loaded, list)
    cache = CheckCache(output if course else None)
    errors, warnings = [], []
    books = loaded if course else [loaded]
    keys = [text_key(book.root) if course and output else None for book in books]
    remembered = [cache.get(key) for key in keys]
    fresh = iter(in_processes(_checked, [b for b, r in zip(books, remembered) if r is None], jobs))
    for book, key, shown in zip(books, keys, remembered):
        if shown is None:
            found, shown = next(fresh)
            if found:
                where, folder = (f" in {book.root}", book.root) if course else ("", source)
                errors += found + [f"{len(found)} error(s) found by the checker{where}; nothing was written "
                                   f"(python build.py check --source {folder} explains each)"]
            if not found:
                cache.put(key, shown)
        warnings += shown
    if errors:
        raise KitapError("\n".join(errors))
    cache.prune()
    return warnings


def share(kinds: tuple[str, ...], jobs: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(kinds made in the main process, kinds made in a forked helper): with two processes the helper
    makes the outputs the registry marks `in_helper`, while the main process lays out the others; all in
    the main process with one job, or when it would have no layout to do."""
    from .lanes import available

    theirs = tuple(k for k in kinds if outputs.writer(k).in_helper)
    mine = tuple(k for k in kinds if k not in theirs)
    waits = any(outputs.writer(k).needs for k in theirs)  # the main process then gives what it waits for
    if not available(jobs) or not theirs or not (mine or waits):
        return kinds, ()
    return mine, theirs


def _wanted(kinds: tuple[str, ...]) -> frozenset[str]:
    """The results the outputs of a build need from each other."""
    return frozenset(result for kind in kinds for result in outputs.writer(kind).needs)


def editions_of(book, scripts: tuple[str, ...] | None) -> list:
    """The books of a build: the source's own script first (when chosen), then each other edition."""
    from .languages import pack_for
    from .transforms.editions import edition_of

    own = pack_for(book.meta.language).script.lower()
    chosen = scripts or book.meta.editions or (own,)
    books = [book if script == own else edition_of(book, script) for script in chosen]
    for each in books:
        each.own_script = own
    return books


def read_project(source: Path, watch: Stopwatch, scripts: tuple[str, ...] | None = None, output: Path | None = None,
                 jobs: int = 1):
    """The transformed book of each edition and the checker's warnings; source and checker errors are raised.
    `output`: where the build writes (a course pack's texts checked by an earlier build are remembered there);
    `jobs`: the processes a course pack's texts are read and checked by."""
    books, loaded = load_books(source, watch, scripts, jobs)
    with watch.stage("check"):
        warnings = check_before_build(loaded, source, output, jobs)
    return books, warnings


def load_books(source: Path, watch: Stopwatch, scripts: tuple[str, ...] | None = None, jobs: int = 1):
    """The transformed book of each edition, and the book as loaded (for the checker: a course pack's
    texts as loaded); source errors raised."""
    from .load import load_project
    from .load.course import is_course
    from .transforms import apply_transforms

    if is_course(source):
        return _load_volume(source, watch, scripts, jobs)
    with watch.stage("load"):
        loaded = load_project(source)  # as written: what the checker reads
    with watch.stage("transforms"):
        book = apply_transforms(loaded)  # raises the anchor errors first, in the loader's own words
        books = editions_of(book, scripts)
    return books, loaded


def _load_volume(source: Path, watch: Stopwatch, scripts: tuple[str, ...] | None = None, jobs: int = 1):
    """A course pack: each text loaded and transformed on its own, then bound as one volume."""
    from .load.course import load_course
    from .transforms import apply_transforms
    from .transforms.volume import bind

    with watch.stage("load"):
        course = load_course(source, jobs)
    with watch.stage("transforms"):
        volume = bind(course, [apply_transforms(text) for text in course.texts])
        books = editions_of(volume, scripts)
    return books, course.texts


def _record(books) -> dict:
    """The stamp's record of the editions: the source's own script, and the editions a build makes by default."""
    own = books[0].own_script
    return {"own": own, "default": list(books[0].meta.editions or (own,))}


def _kinds_for(kinds: tuple[str, ...], book, todo: set[str] | None) -> tuple[str, ...]:
    """Of `kinds`, those of this edition the build makes (not up to date)."""
    return tuple(k for k in kinds if todo is None or stamp_key(k, book.meta.edition) in todo)


def _build(source: Path, output: Path, kinds: tuple[str, ...], scripts: tuple[str, ...] | None, archival: bool,
           on_stage: Callable[[str], None] | None, fingerprint_options: str, stamp: dict,
           line_numbers: bool = False, jobs: int = 1, todo: set[str] | None = None) -> BuildReport:
    """Read and check everything, make every output in memory (in one or two processes), then write
    them all atomically. Outputs already up to date are not made again."""
    from .writers.atomic import commit_outputs

    from .load.course import is_course

    watch = Stopwatch(on_stage)
    volume = is_course(source)
    # A course volume lays out its chapters in a pool of processes (writers/volume.py) instead of
    # sharing its outputs between two lanes.
    mine, theirs = (kinds, ()) if volume else share(kinds, jobs)
    options = (archival, line_numbers, _wanted(kinds), linked_outputs(kinds, stamp))
    their_stages: dict[str, float] = {}
    helper = None
    if theirs:
        from .lanes import Helper

        serves = all(outputs.writer(k).needs for k in theirs)  # the helper is free to render the main process's HTML
        try:
            helper = Helper(lambda connection: _helper_lane(connection, source, scripts, theirs, options, serves, todo))
        except OSError:  # the system refused another process: build in this one
            mine, theirs = kinds, ()
    if helper is None:
        books, warnings = read_project(source, watch, scripts, output if volume else None, jobs if volume else 1)
        made = []
        for book in books:
            job = Job(book, archival, line_numbers, watch, options[2], jobs=jobs if volume else 1, output=output,
                      links=options[3])
            made += make_outputs(job, _kinds_for(mine, book, todo))
            warnings += job.warnings
    else:
        made, warnings, their_stages, books = _main_lane(helper, mine, theirs, options, watch, serves, todo)
    # (with two processes the checker runs in the helper while this one lays out: its errors still stop
    # the build before anything is written)
    order = {(kind, book.meta.edition): n for n, (book, kind) in enumerate((b, k) for b in books for k in outputs.kinds())}
    made.sort(key=lambda m: order[(m.kind, m.edition)])
    with watch.stage("commit"):
        files = {name: data for m in made for name, data in m.files().items()}
        # The fingerprints of the files exactly as the loader read them (not read again: a file changed
        # since is then seen as changed by the next build)
        keys = {stamp_key(m.kind, m.edition): m.kind for m in made}
        prints = fingerprints(books[0].sources, keys, fingerprint_options, kind_options(kinds, stamp))
        built = {stamp_key(m.kind, m.edition): (prints[stamp_key(m.kind, m.edition)], m.files()) for m in made}
        files[STAMP] = stamp_bytes(stamp, built, books[0].sources, _record(books))
        written = iter(commit_outputs(output, files))
    # files made together (a worksheet and its answer key) share their output's time
    reported = [Output(m.kind, path, path.stat().st_size, m.seconds / len(m.products), p.pages, m.edition)
                for m in made for p, path in zip(m.products, written)]
    return BuildReport(reported, list(dict.fromkeys(warnings)), watch.seconds, their_stages)  # in the order found


def _main_lane(helper, mine, theirs, options, watch: Stopwatch, serves: bool, todo: set[str] | None):
    """The main process's part of a two-process build: import WeasyPrint while the helper reads and checks
    the project, then lay out and write its outputs, giving the helper the results it waits for."""
    from .weasy import import_weasyprint

    # The cycle collector: what is imported lives to the end, so it is frozen out of the collector's
    # passes; and the collector is paused while this process lays out and writes (it spent 0.10-0.15 s
    # in ~270 passes and freed ~2 MB of 70). Both are undone after the build (the collector resumed
    # only if it ran before: the CLI pauses it for its one build).
    archival, line_numbers, wanted, links = options
    collecting = gc.isenabled()
    try:
        with watch.stage("import"):
            import_weasyprint()  # while the helper reads and checks the project
            gc.freeze()
            gc.disable()
        books = helper.ready()
        # a helper with none of its outputs to make (they are up to date) answers nothing: render here
        serves = serves and any(_kinds_for(theirs, book, todo) for book in books)
        made, warnings = [], []
        for index, book in enumerate(books):
            html_for = None
            if serves:  # the main process then needs neither Jinja nor the typography code
                def html_for(page: Page, index=index, book=book) -> str:
                    if page.lines is not None:  # kitap breaks the lines (kitap/lines): rendered here
                        from .writers.pdf import _html

                        return _html(book, page)
                    return helper.ask(("render", (index, page)))

            def send(result, value, index=index):
                helper.send(("result", (index, result, value)))

            their_kinds = _kinds_for(theirs, book, todo)
            duties = tuple(sorted({result for kind in their_kinds for result in outputs.writer(kind).needs}))
            job = Job(book, archival, line_numbers, watch, wanted, html_for=html_for, send=send if duties else None,
                      links=links)
            made += make_outputs(job, _kinds_for(mine, book, todo), duties)
            warnings += job.warnings
        their_made, checked, their_warnings, their_stages = helper.result()
    except BaseException:
        helper.cancel()
        raise
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()
    return made + their_made, checked + warnings + their_warnings, their_stages, books


def _helper_lane(connection, source: Path, scripts, kinds: tuple[str, ...], options: tuple, serves: bool,
                 todo: set[str] | None):
    """The helper process's work: read and check the project and send the books to the main process, then
    make its outputs; those that need results of the main process's (the e-book: the A4 page starts)
    last. While it waits for them, a serving helper renders the pages the main process asks for (the
    appendices, once the text's pages are known)."""
    from .render import PDF, render_document
    from .writers import release_fonts

    watch = Stopwatch()
    gc.enable()  # the helper collects as usual, even if the process it was forked from paused the collector
    received: dict[tuple[int, str], object] = {}

    def serve(until: tuple[int, str] | None):
        """Answer the main process until the result `until` has come (None: answer one request)."""
        while until is None or until not in received:
            kind, value = connection.recv()
            if kind == "result":
                index, result, data = value
                received[(index, result)] = data
                if until is None:  # the main process needed nothing rendered (kitap/lines renders there)
                    return
                continue
            index, page = value  # ("render", (book index, page))
            connection.send(("answer", render_document(books[index], PDF, page)))
            if until is None:
                return

    try:
        books, loaded = load_books(source, watch, scripts)
        # the main process lays out while this one checks (it renders the print text itself: its lines are
        # broken by kitap/lines, with the setting of each edition's stylesheets, which only it has measured)
        connection.send(("ready", books))
        # with none of its outputs to make, the helper answers nothing (the main process knows it too)
        serves = serves and any(_kinds_for(kinds, book, todo) for book in books)
        if serves:  # the main process asks for the appendices as soon as the text is laid out: answer that
            serve(None)  # first, not after drawing the cover (up to 0.08 s late)
        with watch.stage("check"):
            checked = check_before_build(loaded, source)
        archival, line_numbers, wanted, links = options
        made, more = [], []
        for index, book in enumerate(books):
            def receive(result, index=index):
                serve((index, result))
                return received[(index, result)]

            job = Job(book, archival, line_numbers, watch, wanted, receive=receive, links=links)
            made += make_outputs(job, _kinds_for(kinds, book, todo))
            more += job.warnings
        return made, checked, more, watch.seconds
    finally:
        release_fonts()  # the helper leaves by os._exit


# The outputs a web page links in its footer, beside its folder, when the build makes them too.
LINKED = ("pdf", "epub")


def linked_outputs(kinds, stamp: dict) -> tuple[str, ...]:
    """The outputs of LINKED that are beside the web page after this build: made by it, or by an earlier
    one into the same folder (its `stamp`). A first `--only html` makes none: its page links nothing."""
    return tuple(kind for kind in LINKED
                 if kind in kinds or any(key == kind or key.startswith(kind + "-") for key in stamp))


def kind_options(kinds, stamp: dict) -> dict[str, str]:
    """What an output kind's bytes depend on besides the options every output shares (fingerprints)."""
    return {"html": "links=" + ",".join(linked_outputs(kinds, stamp))}


class Job:
    """One edition's outputs being made in one process: the book, the options, and the results outputs
    give each other (the A4 handout's page starts for the e-book), here or across the two processes."""

    def __init__(self, book, archival: bool, line_numbers: bool, watch: Stopwatch, wanted: frozenset[str],
                 html_for=None, send=None, receive=None, jobs: int = 1, output: Path | None = None,
                 links: tuple[str, ...] = ()):
        self.book, self.archival, self.line_numbers, self.watch = book, archival, line_numbers, watch
        self.links = links              # the outputs of this build the web page links (linked_outputs)
        self.jobs = jobs                # processes a volume's chapters may be laid out by
        self.output = output            # the output folder (a volume keeps its chapters' layouts there)
        self.wanted = wanted            # results an output of this build needs, in this process or the other
        self.html_for = html_for        # the HTML of a Page of this book, when the other process renders it
        self.send, self.receive = send, receive  # results to and from the other process
        self.results: dict[str, object] = {}
        self.warnings: list[str] = []
        self.waited = 0.0               # seconds spent waiting for the other process

    def wants(self, result: str) -> bool:
        """Whether an output still needs this result (so the one that can give it should)."""
        return result in self.wanted and result not in self.results

    def give(self, result: str, value) -> None:
        self.results[result] = value
        if self.send:
            self.send(result, value)

    def need(self, result: str):
        """A result another output gives: made here, received from the other process, or made now for it
        alone (the A4 handout laid out, not written, for the e-book's page list)."""
        if result not in self.results:
            if self.receive:
                began = time.perf_counter()
                self.results[result] = self.receive(result)
                self.waited += time.perf_counter() - began
            else:
                outputs.giver(result).give(self)
        return self.results[result]


def make_outputs(job: Job, kinds: tuple[str, ...], duties: tuple[str, ...] = ()) -> list[Made]:
    """Make the outputs of `kinds` for one edition, and first the results the other process waits for
    that none of them gives (`duties`). Outputs that need results of others come last."""
    chosen = [w for w in outputs.writers() if w.kind in kinds]
    for result in duties:
        if not any(result in w.gives for w in chosen):
            outputs.giver(result).give(job)
    made = []
    for writer in sorted(chosen, key=lambda w: bool(w.needs)):
        began, waited = time.perf_counter(), job.waited
        products = outputs.products_of(writer.make(job))
        made.append(Made(writer.kind, job.book.meta.edition, products, time.perf_counter() - began - (job.waited - waited)))
    return made
