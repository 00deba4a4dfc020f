"""The live preview, driven in a real browser (Debian's Chromium through Playwright)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import FIXTURES, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (make test installs it when root)")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]


@pytest.fixture
def server(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--source", str(project),
                                "--port", "0", "--output", str(tmp_path / "preview")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    line = process.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert match, line + process.stderr.read()
    yield project, match[0], tmp_path / "preview"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser.new_page(viewport={"width": 420, "height": 860})
        browser.close()


def wait_until(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_preview_is_served_on_loopback_only(server):
    _, url, _ = server
    assert url.startswith("http://127.0.0.1:")
    html = urllib.request.urlopen(url, timeout=10).read().decode()
    assert '<html lang="kk"' in html and 'class="skip-link"' in html


def test_a_port_in_use_is_said_so_with_another_to_try(server, tmp_path):
    """A second `serve` on the same port had said «internal error … please report it» (exit 2)."""
    port = int(server[1].rsplit(":", 1)[1].strip("/"))
    second = subprocess.run([sys.executable, str(ROOT / "build.py"), "serve", "--source", str(server[0]),
                             "--port", str(port), "--output", str(tmp_path / "second")],
                            capture_output=True, text=True, timeout=60)
    assert second.returncode == 1 and "Traceback" not in second.stderr, second.stderr
    assert second.stderr.strip() == (f"port {port} is already in use (another preview running?); give another one: "
                                     f"python build.py serve --port {port + 1}")


def test_click_a_note_edit_a_source_see_it_update(server, page, tmp_path):
    project, url, preview = server
    page.goto(url)
    assert page.title() == "Шағын мақала"
    # notes work in the browser: the call opens a pop-up with the note
    page.click("a.noteref >> nth=0")
    popup = page.locator(".note-popup")
    popup.wait_for(state="visible", timeout=5000)
    assert "46-сессиясында" in popup.inner_text()
    page.keyboard.press("Escape")
    assert page.locator(".note-popup").count() == 0
    # glossary link from the first use of an abbreviation
    assert page.locator("a.abbr-link").first.get_attribute("href").startswith("#gl-")
    # edit a note: the page reloads by itself and shows it
    text = (project / "annotations.yaml").read_text(encoding="utf-8")
    (project / "annotations.yaml").write_text(text.replace("46-сессиясында", "қырық алтыншы сессиясында"), encoding="utf-8")
    page.wait_for_function("document.querySelector('#fn-1').textContent.includes('қырық алтыншы')", timeout=30000)
    shot = tmp_path / "preview.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000
    # the freshly built PDF and EPUB are linked and served
    assert wait_until(lambda: (preview / "mini.pdf").exists() and (preview / "mini.epub").exists())
    links = page.locator("footer.downloads a")
    assert links.count() == 2
    assert urllib.request.urlopen(url + links.first.get_attribute("href").lstrip("/"), timeout=10).read().startswith(b"%PDF")


def test_a_source_error_shows_in_the_page_and_the_last_preview_stays(server, page):
    project, url, _ = server
    page.goto(url)
    (project / "glossary.yaml").write_text('- term: "ҚР"\n  expansoin: "x"\n', encoding="utf-8")
    alert = page.locator(".build-error")
    alert.wait_for(state="visible", timeout=30000)
    assert f"{project / 'glossary.yaml'}:2: unknown key 'expansoin'" in alert.inner_text()
    assert page.locator("#p-1").count() == 1, "the last good preview is still there"
    shutil.copy(FIXTURES / "mini" / "glossary.yaml", project / "glossary.yaml")
    page.wait_for_function("!document.querySelector('.build-error')", timeout=30000)
