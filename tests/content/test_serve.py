"""`mkdocs serve` while content is broken: pages answer at once with the last good site and the
list of problems, the terminal shows the same list, and saving the fix brings the site back."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.content.conftest import site_config

PAGE = "exercises/hip-bridge/"
BROKEN = "content/exercises/hip_bridge.yaml:4: quality: should be one of"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, timeout: float = 60) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(check: Callable[[], bool], seconds: float = 90) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.3)
    raise AssertionError("timed out")


@pytest.fixture
def server(content_copy: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    port = _free_port()
    log = tmp_path / "serve.log"
    config = site_config(tmp_path, content_copy)
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            cwd=tmp_path,
        )
    try:
        _wait_for(lambda: "Serving on" in log.read_text("utf-8"))
        yield f"http://127.0.0.1:{port}/", log
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_broken_content_keeps_the_last_good_site_and_shows_the_problems(
    server: tuple[str, Path], content_copy: Path
) -> None:
    url, log = server
    bridge = content_copy / "exercises/hip_bridge.yaml"
    good = bridge.read_text("utf-8")
    assert "hip-content-errors" not in _get(url + PAGE)

    bridge.write_text(good.replace("quality: strength", "quality: strenght"), "utf-8")
    _wait_for(lambda: "hip-content-errors" in _get(url + PAGE))
    page = _get(url + PAGE, timeout=5)
    assert BROKEN in page
    assert "Hip Bridge" in page, "the last good site is still served"
    assert BROKEN in log.read_text("utf-8")
    assert "Traceback" not in log.read_text("utf-8")

    bridge.write_text(good, "utf-8")
    _wait_for(lambda: "hip-content-errors" not in _get(url + PAGE))
