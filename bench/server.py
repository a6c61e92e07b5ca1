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
from collections.abc import Iterator, Mapping
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

    extra_headers: Mapping[str, Mapping[str, str]] = {}  # set per server by serve()

    def end_headers(self) -> None:
        # Everything the guide serves may be used by a page of another origin (a script embed:
        # its worker module, the runtime, the catalog), as a static host is told to do in
        # docs/embedding.md.
        self.send_header("Access-Control-Allow-Origin", "*")
        for name, value in self.headers_for(self.path.split("?")[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def headers_for(self, path: str) -> Mapping[str, str]:
        return self.extra_headers.get(path, {})

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
def serve(
    directory: Path,
    host: str = "127.0.0.1",
    headers: Mapping[str, Mapping[str, str]] | None = None,
) -> Iterator[str]:
    """Serve ``directory``; the URL names ``host`` (``localhost`` gives a second origin on the
    same address). ``headers``: extra response headers by path (a CSP for one page, say)."""
    handler_class = type("Handler", (_Handler,), {"extra_headers": dict(headers or {})})
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
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
