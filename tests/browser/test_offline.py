"""Offline: after one visit, the guide and the whole assessment work with the network off."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.request import urlopen

from playwright.sync_api import Locator, Page, Worker, expect

from bench.server import build_site, serve
from tests.browser.widget import (
    NOT_ON_THE_SNAPSHOT_PATH,
    answer_prescreen_no,
    engine_workers,
    side,
    submit,
    wait_until_kept_for_offline,
    wait_until_ready,
    widget_of,
)
from tests.conftest import ROOT
from tests.content.conftest import site_config

BRIDGE_PAGE = "/assessments/single-leg-bridge/"
HELD = "Seconds held with the pelvis level"


def test_after_one_visit_the_assessment_completes_with_the_network_off(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    wait_until_ready(page)
    wait_until_kept_for_offline(page)

    offline, report = weak_left_bridge_offline(page, site_url)
    expect(report.locator(".findings")).to_contain_text("(left, mild)")
    offline.goto(site_url + "/article/")
    expect(offline.locator("h1").first).to_be_visible()


def test_a_repeat_visit_reads_the_kept_runtime_straight_from_the_device(
    page: Page, site_url: str
) -> None:
    """Once kept, the engine reads its large files (the runtime's WebAssembly, the snapshot) from
    the device's cache itself: through the service worker's fetch event each ~10 MB file took
    ~170 ms more on the way to a ready engine. On a first visit nothing can be kept yet, and the
    engine does not look (Cache Storage's answer that it has nothing took up to 160 ms)."""
    page.goto(site_url + BRIDGE_PAGE)
    wait_until_ready(page)
    [first] = engine_workers(page)
    assert first.evaluate("self.name") == "hipcore", "a first visit's engine was told to look"
    assert len(big_files_fetched(first)) == 2
    wait_until_kept_for_offline(page)

    again = page.context.new_page()
    again.goto(site_url + BRIDGE_PAGE)
    wait_until_ready(again)
    [engine] = engine_workers(again)
    assert engine.evaluate("self.name") == "hipcore (runtime kept)"
    assert big_files_fetched(engine) == []


def big_files_fetched(engine: Worker) -> list[str]:
    """The runtime's WebAssembly and the snapshot, if the engine fetched them (not kept)."""
    fetched = engine.evaluate("performance.getEntriesByType('resource').map((e) => e.name)")
    assert any(name.endswith("/pyodide.asm.mjs") for name in fetched), fetched  # timing works
    return [name for name in fetched if re.search(r"/snapshot-\w+\.bin$|\.wasm$", name)]


def test_a_repeat_visit_runs_the_runtimes_javascript_from_code_compiled_on_the_first(
    page: Page, site_url: str
) -> None:
    """Once the runtime is kept, the first visit has Pyodide's module (1.2 MB of JavaScript)
    compiled from the kept copy, all its functions (bundle/runtime.py: COMPILE_HINT), and the
    browser keeps that code beside the copy: the next visit's engine compiles none of it (on
    the 2-core machine ~75 ms less on its way to ready). Without the first visit's compile, the
    repeat visit consumes no code; without the hint, only the top level's (~20 kB)."""
    page.goto(site_url + BRIDGE_PAGE)
    wait_until_ready(page)
    wait_until_kept_for_offline(page)
    page.wait_for_function(
        "performance.getEntriesByName('hip-assessment:runtime-compiled').length > 0"
    )
    browser = page.context.browser
    assert browser is not None
    browser.start_tracing(categories=["devtools.timeline"])
    again = page.context.new_page()
    again.goto(site_url + BRIDGE_PAGE)
    wait_until_ready(again)
    events = json.loads(browser.stop_tracing())["traceEvents"]
    compiles = [
        e["args"]["data"]
        for e in events
        if e.get("name") == "v8.compileModule"
        and e["args"]["data"]["url"].endswith("/pyodide/pyodide.asm.mjs")
    ]
    source = len(urlopen(compiles[0]["url"]).read()) if compiles else 0
    assert compiles, "the repeat visit's engine compiled no pyodide.asm.mjs"
    assert [c.get("consumedCacheSize", 0) > source for c in compiles] == [True] * len(compiles)


def test_the_device_keeps_the_runtime_of_the_path_the_engine_started_by(
    page: Page, site_url: str
) -> None:
    """An engine restored from the build's snapshot never reads the standard library archive,
    the lock file or the wheel (about 2.6 MB): the device keeps the snapshot, not those."""
    page.goto(site_url + BRIDGE_PAGE)
    wait_until_ready(page)
    wait_until_kept_for_offline(page)
    kept = page.evaluate(
        """async () => {
          const [name] = (await caches.keys()).filter((n) => n.startsWith("hipguide-"));
          return (await (await caches.open(name)).keys()).map((r) => r.url);
        }"""
    )
    assert any(re.search(r"/snapshot-\w+\.bin$", url) for url in kept)
    assert any(url.endswith("/pyodide.asm.wasm") for url in kept)
    assert [url for url in kept if url.endswith(NOT_ON_THE_SNAPSHOT_PATH)] == []


def test_the_guide_is_installable(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    href = page.locator("link[rel=manifest]").get_attribute("href")
    assert href
    manifest = page.evaluate("(h) => fetch(h).then((r) => r.json())", href)
    assert manifest["display"] == "standalone"
    assert manifest["icons"]


def test_a_new_build_replaces_the_offline_copy_whole(
    page: Page, built_site: Path, tmp_path: Path
) -> None:
    """A runner who visited before a new build gets the new build entire: its catalog with its
    engine, never one build's catalog with the other's, then offline again."""
    served = tmp_path / "served"
    shutil.copytree(built_site, served)
    with serve(served) as url:
        page.goto(url + BRIDGE_PAGE)
        wait_until_ready(page)
        wait_until_kept_for_offline(page, build_of(served))

        content = tmp_path / "content"
        shutil.copytree(ROOT / "content", content)
        words = content / "words.yaml"
        text = words.read_text("utf-8")
        words.write_text(text.replace("program: Your program", "program: Your new program", 1))
        new = tmp_path / "new"
        result = build_site(new, site_config(tmp_path, content, as_served=True))
        assert result.returncode == 0, result.stderr
        assert build_of(new) != build_of(served)
        shutil.rmtree(served)
        shutil.copytree(new, served)

        page.reload()  # the browser finds the new sw.js, which fills a new cache, then takes over
        wait_until_ready(page)
        wait_until_kept_for_offline(page, build_of(served))
        _, report = weak_left_bridge_offline(page, url)
        expect(report.locator(".headline")).to_have_text("Your new program")


def weak_left_bridge_offline(page: Page, url: str) -> tuple[Page, Locator]:
    """With the network off, a new page of the bridge test: a 6 s hold on the left, submitted.
    Returns the page and the program."""
    page.context.set_offline(True)
    offline = page.context.new_page()
    offline.goto(url + BRIDGE_PAGE)
    widget = widget_of(offline)
    answer_prescreen_no(widget)
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("6")
    return offline, submit(widget)


def build_of(site: Path) -> str:
    """The build id the service worker's cache is named by."""
    found = re.search(r'const BUILD = "(\w+)"', (site / "sw.js").read_text("utf-8"))
    assert found
    return found[1]
