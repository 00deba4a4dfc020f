"""`build.py serve`: a live preview on 127.0.0.1 that rebuilds and reloads when the project changes.

The page is the web output with a small reload script; a source error is shown on top of the last
good preview, with the same `path:line: message` as the command line. Any other failure of a rebuild
(a bug in kitap) is shown there too, and the server keeps serving: fixing the file brings it back.
"""
from __future__ import annotations

import errno
import html
import json
import tempfile
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click

from .errors import KitapError, messages
from .render import STYLES_DIR, TEMPLATES_DIR

RELOAD_JS = """
(function () {
  var y = sessionStorage.getItem("kitap-scroll");
  if (y !== null) { window.scrollTo(0, +y); sessionStorage.removeItem("kitap-scroll"); }
  var events = new EventSource("/__events");
  events.onmessage = function () { sessionStorage.setItem("kitap-scroll", window.scrollY); location.reload(); };
})();
"""
ERROR_PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Build error</title></head><body>{}</body></html>"


class Preview:
    """The state the server shows: the last good page, the current error, a version that changes on rebuild."""

    def __init__(self, source: Path, output: Path):
        self.source, self.output = source, output
        self.page: str | None = None
        self.error: str | None = None
        self.version = 0
        self.changed = threading.Condition()

    def rebuild(self) -> None:
        from .load import load_project
        from .pipeline import build
        from .transforms import apply_transforms
        from .writers.html import page_html

        try:
            book = apply_transforms(load_project(self.source))
            name = book.meta.name
            page = page_html(book, scripts=(RELOAD_JS,),
                             downloads=((f"/files/{name}.pdf", "PDF (A4)"), (f"/files/{name}.epub", "EPUB")))
            self._publish(page, None)
            build(self.source, self.output, ("pdf", "epub"))  # the downloads, fresh, after the page
        except KitapError as error:
            self._fail(messages(error))
        except Exception as error:  # a bug in kitap: say so, and keep serving the last good preview
            self._fail([f"internal error: {type(error).__name__}: {error} (please report it)"])

    def _fail(self, lines: list[str]) -> None:
        self._publish(self.page, "\n".join(lines))
        click.echo("\n".join(lines), err=True)

    def _publish(self, page: str | None, error: str | None) -> None:
        with self.changed:
            self.page, self.error = page, error
            self.version += 1
            self.changed.notify_all()

    def body(self) -> str:
        banner = f'<div class="build-error" role="alert">{html.escape(self.error)}</div>' if self.error else ""
        if self.page is None:
            return ERROR_PAGE.format(banner + f"<script>{RELOAD_JS}</script>")
        return self.page.replace("<body", "<body data-preview=\"1\"", 1).replace("</main>", "</main>" + banner, 1) \
            if banner else self.page


def make_handler(preview: Preview):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):  # quiet: the terminal shows build messages only
            pass

        def do_GET(self):
            path = self.path.split("?")[0]
            if path in ("/", "/index.html"):
                self._send(preview.body().encode("utf-8"), "text/html; charset=utf-8")
            elif path == "/__status":
                self._send(json.dumps({"version": preview.version, "error": preview.error}).encode(), "application/json")
            elif path == "/__events":
                self._events()
            elif path.startswith("/files/") and "/" not in path[7:] and path[7:] and not path[7:].startswith("."):
                target = preview.output / path[7:]
                if target.is_file():
                    kind = "application/pdf" if target.suffix == ".pdf" else "application/epub+zip"
                    self._send(target.read_bytes(), kind)
                else:
                    self.send_error(HTTPStatus.NOT_FOUND, "not built yet")
            else:
                self.send_error(HTTPStatus.NOT_FOUND)

        def _send(self, data: bytes, kind: str) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def _events(self) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = preview.version
            try:
                while True:
                    with preview.changed:
                        preview.changed.wait_for(lambda: preview.version != seen, timeout=15)
                        current = preview.version
                    message = f"data: {current}\n\n" if current != seen else ": keep-alive\n\n"
                    seen = current
                    self.wfile.write(message.encode())
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

    return Handler


def serve(source: Path, port: int, output: Path | None) -> None:
    from watchfiles import watch

    preview = Preview(source, output or Path(tempfile.mkdtemp(prefix="kitap-preview-")))
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(preview))
    except OSError as error:  # (a second `serve` on the same port, most often)
        used = error.errno == errno.EADDRINUSE
        raise KitapError(f"port {port} is {'already in use (another preview running?)' if used else 'not open to this user'}"
                         f"; give another one: python build.py serve --port {port + 1 if used else 8765}") from None
    server.daemon_threads = True
    preview.rebuild()
    click.echo(f"Preview: http://127.0.0.1:{server.server_address[1]}/  (Ctrl+C to stop)", err=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watched = [p for p in (source, TEMPLATES_DIR, STYLES_DIR) if p.exists()]
    try:
        for _changes in watch(*watched, debounce=200, step=50):
            preview.rebuild()
            click.echo("rebuilt" if preview.error is None else "kept the last good preview")
    finally:
        server.shutdown()
