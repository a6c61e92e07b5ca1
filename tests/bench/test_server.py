"""The benchmarks' static server sends what a static host told by docs/architecture.md would."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest

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


def test_compressed_it_sends_the_cache_headers_of_the_embedding_guide(tmp_path: Path) -> None:
    bundle = tmp_path / "assets/hipguide/0123456789ab"
    bundle.mkdir(parents=True)
    (bundle / "snapshot.bin").write_bytes(b"snapshot")
    (tmp_path / "index.html").write_text("<p>home", "utf-8")
    with serve(tmp_path, compressed=True) as url:
        with urllib.request.urlopen(f"{url}/assets/hipguide/0123456789ab/snapshot.bin") as kept:
            assert kept.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        with urllib.request.urlopen(f"{url}/") as page:
            assert page.headers["Cache-Control"] == "no-cache"
            etag = page.headers["ETag"]
        again = urllib.request.Request(f"{url}/", headers={"If-None-Match": etag})
        with pytest.raises(urllib.error.HTTPError, match="304"):  # unchanged: no body again
            urllib.request.urlopen(again)
