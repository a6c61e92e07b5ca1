"""The benchmarks' static server sends what a static host told by docs/architecture.md would."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

import brotli

from bench.server import serve


def fetch(url: str, encodings: str) -> tuple[bytes, str | None]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encodings})
    with urllib.request.urlopen(request) as response:
        return response.read(), response.headers.get("Content-Encoding")


def test_compressed_it_sends_the_builds_copies_the_browser_accepts(tmp_path: Path) -> None:
    original = b"\0" * 5000 + b"runtime"
    (tmp_path / "runtime.bin").write_bytes(original)
    (tmp_path / "runtime.bin.gz").write_bytes(gzip.compress(original))
    (tmp_path / "runtime.bin.br").write_bytes(brotli.compress(original))
    (tmp_path / "page.html").write_text("<p>" + "words " * 500, "utf-8")
    with serve(tmp_path, compressed=True) as url:
        body, encoding = fetch(f"{url}/runtime.bin", "gzip, deflate, br")
        assert (brotli.decompress(body), encoding) == (original, "br")
        body, encoding = fetch(f"{url}/runtime.bin", "gzip")
        assert (gzip.decompress(body), encoding) == (original, "gzip")
        assert fetch(f"{url}/runtime.bin", "identity") == (original, None)
        body, encoding = fetch(f"{url}/page.html", "gzip")  # text: compressed on the fly
        assert encoding == "gzip"
        assert gzip.decompress(body).startswith(b"<p>words")
    with serve(tmp_path) as url:  # by default, every file as it is
        assert fetch(f"{url}/runtime.bin", "gzip, br") == (original, None)
