"""The only way WeasyPrint may read anything: files inside allowed folders, never the network."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..weasy import import_weasyprint

import_weasyprint()
from weasyprint.urls import URLFetcher  # noqa: E402


class ConfinedFetcher(URLFetcher):
    """Serves file: URLs under the given roots (symlinks resolved) and data: URLs; refuses the rest."""

    def __init__(self, roots: list[Path]):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.roots = [root.resolve() for root in roots]
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "file":
            path = Path(unquote(parts.path)).resolve()
            if not any(path == root or root in path.parents for root in self.roots):
                self.refused.append(url)
                raise ValueError(f"refused to read {url}: outside the project")
        elif parts.scheme != "data":
            self.refused.append(url)
            raise ValueError(f"refused to fetch {url}: the build never uses the network")
        return super().fetch(url, headers)
