"""Building the real site and serving it, as the tests and the browser benchmark both need.

``serve`` is a static file server for the built site, on 127.0.0.1 and a free port.

The sitemap is served with the site's ``site_url`` replaced by the server's own origin:
Material's instant navigation only follows links the sitemap lists, so without this it would be
off, and the tests would not see the site as readers do."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

_SITE_URL = re.compile(rb"<loc>(https?://[^/<]+)/")
_TEXT = {"text/html", "text/css", "text/javascript", "application/json", "image/svg+xml",
         "application/xml", "application/manifest+json"}  # fmt: skip
_IMMUTABLE = re.compile(
    r"^/assets/(hipguide/[0-9a-f]{12}/|hipguide/inline/|hipguide/page-[0-9a-f]{12}\.js$"
    r"|javascripts/bundle\.[^/]*\.min\.js$|stylesheets/[^/]*\.min\.css$)"
)
"""Named by their content (docs/embedding.md's table of headers): cached for a year."""


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
    compressed = False  # set per server by serve()

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
        path = self.path.split("?")[0]
        if path == "/sitemap.xml":
            body = (Path(self.directory) / "sitemap.xml").read_bytes()
            origin = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
            sitemap = _SITE_URL.sub(f"<loc>{origin}/".encode(), body)
            self._send(lambda: sitemap, "application/xml")
        elif not (self.compressed and self._send_compressed(path)):
            super().do_GET()

    def _send_compressed(self, path: str) -> bool:
        """Serve ``path`` as a static host told by docs/architecture.md and docs/embedding.md
        would: the build's ``.br`` or ``.gz`` copy where the browser accepts it, text compressed
        on the fly, the Cache-Control of embedding.md's table, an ETag and Last-Modified (``304``
        when the browser already has the file: Chromium revalidates with If-Modified-Since)."""
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            return False
        accepted = self.headers.get("Accept-Encoding", "")
        kind = self.guess_type(str(file))
        cache = "public, max-age=31536000, immutable" if _IMMUTABLE.match(path) else "no-cache"
        stat = file.stat()
        tag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}'
        stamp = {"modified": self.date_time_string(int(stat.st_mtime))}
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            copy = file.with_name(file.name + suffix)
            if encoding in accepted and copy.is_file():
                etag = f'{tag}-{encoding}"'
                self._send(copy.read_bytes, kind, cache, etag=etag, encoding=encoding, **stamp)
                return True
        if "gzip" in accepted and kind.split(";")[0] in _TEXT:
            body = lambda: gzip.compress(file.read_bytes(), 6, mtime=0)  # noqa: E731
            self._send(body, kind, cache, etag=f'{tag}-gzip"', encoding="gzip", **stamp)
        else:
            self._send(file.read_bytes, kind, cache, etag=f'{tag}"', **stamp)
        return True

    def _send(
        self,
        body: Callable[[], bytes],
        kind: str,
        cache: str = "no-cache",
        *,
        etag: str | None = None,
        encoding: str | None = None,
        modified: str | None = None,
    ) -> None:
        fresh = etag is not None and (
            etag in self.headers.get("If-None-Match", "")
            or (modified is not None and self.headers.get("If-Modified-Since") == modified)
        )
        data = b"" if fresh else body()
        self.send_response(304 if fresh else 200)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", cache)
        if etag:
            self.send_header("ETag", etag)
        if modified:
            self.send_header("Last-Modified", modified)
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        if not fresh:
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that closes a connection mid-file (a page left, a context closed) is normal
        # here, not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(
    directory: Path,
    host: str = "127.0.0.1",
    headers: Mapping[str, Mapping[str, str]] | None = None,
    compressed: bool = False,
    keep_alive: bool = False,
) -> Iterator[str]:
    """Serve ``directory``; the URL names ``host`` (``localhost`` gives a second origin on the
    same address). ``headers``: extra response headers by path (a CSP for one page, say).
    ``compressed``: send the build's ``.br``/``.gz`` copies and compress text, as a static host
    would (the benchmark's bytes on the wire); otherwise every file as it is. ``keep_alive``:
    HTTP/1.1, connections kept open between requests, as every real host keeps them (HTTP/1.0,
    the default, opens one per request, which a simulated slow network charges a round trip
    each)."""
    attributes = {"extra_headers": dict(headers or {}), "compressed": compressed}
    if keep_alive:
        attributes["protocol_version"] = "HTTP/1.1"
    handler_class = type("Handler", (_Handler,), attributes)
    handler = functools.partial(handler_class, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
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
