"""`mkdocs serve` while content is broken: pages answer at once with the last good site and the
list of problems, the terminal shows the same list, and saving the fix brings the site back."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import urllib.request
import uuid
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


def _epoch(url: str) -> int:
    """The build a page was served from: the dev server writes it into the page's livereload
    script."""
    found = re.search(r"livereload\((\d+),", _get(url + PAGE))
    assert found, "the page has no livereload script"
    return int(found[1])


def _served_once(url: str, check: Callable[[str], bool], builds: int = 3) -> str:
    """The page, once a build after the current one serves a page that passes ``check``. Waits
    on the dev server's own livereload request, which answers when a newer build is served."""
    epoch = _epoch(url)
    for _ in range(builds):
        newer = int(_get(f"{url}livereload/{epoch}/0", timeout=90))
        page = _get(url + PAGE)
        if check(page):
            return page
        epoch = max(epoch, newer)
    raise AssertionError(f"no build passed the check in {builds} builds")


@pytest.fixture
def server(content_copy: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    port = _free_port()
    log = tmp_path / "serve.log"
    config = site_config(tmp_path, content_copy)
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        cwd=tmp_path,
    )
    serving = threading.Event()

    def keep_log() -> None:  # the terminal's output, in a file the test reads
        with log.open("w") as out:
            for line in process.stdout or ():
                out.write(line)
                out.flush()
                if "Serving on" in line:
                    serving.set()

    logging = threading.Thread(target=keep_log, daemon=True)
    logging.start()
    try:
        assert serving.wait(90), log.read_text("utf-8")
        yield f"http://127.0.0.1:{port}/", log
    finally:
        process.terminate()
        process.wait(timeout=20)
        logging.join(timeout=20)
        if process.stdout:
            process.stdout.close()


def test_broken_content_keeps_the_last_good_site_and_shows_the_problems(
    server: tuple[str, Path], content_copy: Path
) -> None:
    url, log = server
    bridge = content_copy / "exercises/hip_bridge.yaml"
    good = bridge.read_text("utf-8")
    assert "hip-content-errors" not in _get(url + PAGE)

    bridge.write_text(good.replace("quality: strength", "quality: strenght"), "utf-8")
    _served_once(url, lambda page: "hip-content-errors" in page)
    page = _get(url + PAGE, timeout=5)
    assert BROKEN in page
    assert "Hip Bridge" in page, "the last good site is still served"
    assert BROKEN in log.read_text("utf-8")
    assert "Traceback" not in log.read_text("utf-8")

    bridge.write_text(good, "utf-8")
    _served_once(url, lambda page: "hip-content-errors" not in page)


def test_an_edit_while_serving_is_not_held_up_by_a_new_start_up_snapshot(
    server: tuple[str, Path], content_copy: Path
) -> None:
    """Taking a new catalog's snapshot runs Node for ~15 s: while serving, the preview of an
    edit starts Python the plain way instead, and says so; `mkdocs build` takes the snapshot."""
    url, log = server
    manifest = json.loads(_get(url + _bundle(url) + "manifest.json"))
    assert "snapshot" in manifest, "the first build of `mkdocs serve` has its snapshot"
    # A name never used before: no snapshot can be kept for the catalog it makes
    edited = f"Hip Bridge {uuid.uuid4().hex[:8]}"
    bridge = content_copy / "exercises/hip_bridge.yaml"
    bridge.write_text(
        bridge.read_text("utf-8").replace("name: Hip Bridge", f"name: {edited}"), "utf-8"
    )
    _served_once(url, lambda page: edited in page)
    manifest = json.loads(_get(url + _bundle(url) + "manifest.json"))
    assert "snapshot" not in manifest
    assert "starts Python without the start-up snapshot" in log.read_text("utf-8")


def _bundle(url: str) -> str:
    """The bundle's versioned folder, as the served site names it."""
    found = re.search(r"assets/hipguide/[0-9a-f]{12}/", _get(url + "sw.js"))
    assert found, "sw.js names no bundle"
    return found[0]
