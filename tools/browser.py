"""Serve a built site on 127.0.0.1 under /en/stable/ and start Debian's Chromium for Playwright.

Shared by the browser tests and ``make screenshots``.  Chromium is never downloaded: it is the
system's (``apt-get install chromium``), found on the PATH or through ``FACTS_CHROMIUM``.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PREFIX = "/en/stable/"
#: flags for a closed network: no background requests to Google's services
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-features=Translate,MediaRouter"]


def find_chromium() -> str | None:
    return os.environ.get("FACTS_CHROMIUM") or shutil.which("chromium")


class _Handler(SimpleHTTPRequestHandler):
    """Serve the build under PREFIX; unknown paths get the 404 page, as Read the Docs does."""

    def __init__(self, *args: Any, root: Path, **kwargs: Any) -> None:
        self.root = root
        super().__init__(*args, directory=str(root), **kwargs)

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(PREFIX):
            return str(self.root / "__outside_the_site__")
        return super().translate_path("/" + path[len(PREFIX):])

    def send_head(self) -> Any:
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            body = (self.root / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root``; yield the base URL (ending in ``/en/stable/``)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, root=root))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()
