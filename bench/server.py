"""Building the real site and serving it, as the tests and the browser benchmark both need.

``serve`` is a static file server for the built site, on 127.0.0.1 and a free port.

The sitemap is served with the site's ``site_url`` replaced by the server's own origin:
Material's instant navigation only follows links the sitemap lists, so without this it would be
off, and the tests would not see the site as readers do."""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium: Playwright cannot download its own browser here."""

_SITE_URL = re.compile(rb"<loc>(https?://[^/<]+)/")


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the stdlib API is a class attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
        ".webmanifest": "application/manifest+json",
    }

    def do_GET(self) -> None:
        if self.path.split("?")[0] != "/sitemap.xml":
            super().do_GET()
            return
        body = (Path(self.directory) / "sitemap.xml").read_bytes()
        origin = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        body = _SITE_URL.sub(f"<loc>{origin}/".encode(), body)
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def build_site(
    destination: Path, config: Path = ROOT / "mkdocs.yml"
) -> subprocess.CompletedProcess[str]:
    """Build a site with the real `mkdocs build`, as a user would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--quiet",
            "-f",
            str(config),
            "-d",
            str(destination),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
        check=False,
    )
