"""Real reading systems for the tests: epub.js in Debian's Chromium (driven by Playwright, the book served
from 127.0.0.1), Ace by DAISY, calibre. Installed by `make test` (tools/node: npm; calibre: Debian); a test
whose reader is missing is skipped with what to install."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import ROOT, SPEEDUPS_ON
from test_serve import CHROMIUM, CHROMIUM_ARGS

NODE_MODULES = ROOT / "tools" / "node" / "node_modules"
ACE = NODE_MODULES / ".bin" / "ace-puppeteer"
EPUBJS = NODE_MODULES / "epubjs" / "dist" / "epub.min.js"
JSZIP = NODE_MODULES / "jszip" / "dist" / "jszip.min.js"
CALIBRE = shutil.which("ebook-convert")
SCREENSHOTS = ROOT / "tests" / ".tmp" / "readers"  # kept out of git (.gitignore): look at them after a run
PHONE, PHONE_WIDE, TABLET = (320, 568), (375, 667), (768, 1024)

needs_node = pytest.mark.skipif(not (ACE.exists() and EPUBJS.exists() and shutil.which("node")),
                                reason="node, or tools/node's node_modules, is missing: install nodejs and npm, "
                                       "then run `make test` (npm ci in tools/node)")
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (make test installs it when root)")
# The reading systems see the same e-book with kitap's WeasyPrint speed-ups on or off (test_weasy_gate.py
# proves the bytes the same): with KITAP_SPEEDUPS=0 they are not run again.
once = pytest.mark.skipif(not SPEEDUPS_ON, reason="KITAP_SPEEDUPS=0: the reading systems ran with the speed-ups on")
needs_calibre = pytest.mark.skipif(CALIBRE is None, reason="calibre not installed (make test installs it when root)")

READER_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"/><title>epub.js</title>
<style>html, body { margin: 0; padding: 0; overflow: hidden; } #viewer { width: 100vw; height: 100vh; }</style>
<script src="jszip.min.js"></script><script src="epub.min.js"></script></head>
<body><div id="viewer"></div>
<script>
window.book = ePub("book.epub");
/* Every match of each word, section by section, as an epub.js-based reader's search gives them. */
window.searchCounts = async (words) => {
  await book.ready;
  const counts = Object.fromEntries(words.map(w => [w, 0]));
  for (const section of book.spine.spineItems) {
    await section.load(book.load.bind(book));
    for (const w of words) counts[w] += section.find(w).length;
    section.unload();
  }
  return counts;
};
/* Open the book at `href` (paginated, one page a screen, as on a phone) at text size `size`. */
window.show = async (href, size) => {
  window.rendition = window.rendition || book.renderTo("viewer",
      {width: innerWidth, height: innerHeight, spread: "none", flow: "paginated"});
  rendition.themes.fontSize(size);
  await rendition.display(href);
  await document.fonts.ready;
  await rendition.manager.views.first().document.fonts.ready;
  /* once the embedded fonts are in, the text may have moved to another page: go to `href` again */
  await rendition.display(href);
  await new Promise(r => setTimeout(r, 400));
  const view = rendition.manager.views.first();
  await view.document.fonts.ready;
  return {columnWidth: rendition.manager.layout.columnWidth, scrollLeft: rendition.manager.container.scrollLeft};
};
</script></body></html>
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def served(folder: Path):
    """`folder` served on 127.0.0.1 (a free port) while the block runs: the base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def reader_folder(epub: Path, folder: Path) -> Path:
    """A folder holding epub.js, JSZip, the test page and the book, to serve."""
    folder.mkdir(parents=True, exist_ok=True)
    for script in (EPUBJS, JSZIP):
        shutil.copy(script, folder / script.name)
    (folder / "reader.html").write_text(READER_PAGE, encoding="utf-8")
    shutil.copy(epub, folder / "book.epub")
    return folder


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", *CHROMIUM_ARGS])
        try:
            yield browser
        finally:
            browser.close()


def run_ace(epub: Path, out: Path) -> dict:
    """Ace by DAISY's report of one EPUB (its Chromium is Debian's, through Puppeteer)."""
    import json

    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM or "", "PUPPETEER_SKIP_DOWNLOAD": "1"}
    result = subprocess.run([str(ACE), "--silent", "--force", "--outdir", str(out), str(epub)], env=env,
                            capture_output=True, text=True, timeout=240)
    assert (out / "report.json").exists(), result.stdout + result.stderr
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def calibre(*args: str, timeout: int = 240) -> subprocess.CompletedProcess:
    """A calibre command line tool, headless."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(list(args), env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result
