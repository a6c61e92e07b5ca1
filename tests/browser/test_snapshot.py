"""The engine's start-up snapshot (issue 16): the build writes it, Node and Chromium restore it
and answer every golden scenario byte for byte as CPython does, a bad snapshot falls back to the
plain start, and an unchanged build takes it from the cache without running Node."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import brotli
import pytest
from playwright.sync_api import BrowserType, Page, Route

from site_plugins.bundle.snapshot import SnapshotError, snapshot_key, write_snapshot
from tests.browser.widget import NOT_ON_THE_SNAPSHOT_PATH
from tests.conftest import bundle_of, bundle_path
from tests.engine.golden import load_scenarios

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "bench" / "startup_runner.mjs"
CACHE = ROOT / "node_modules" / ".cache" / "hipguide"
SCENARIOS = load_scenarios()


def manifest_of(assets: Path) -> dict[str, Any]:
    return dict(json.loads((assets / "manifest.json").read_text("utf-8")))


def run_node(assets: Path, workdir: Path, inputs: list[str], plain: bool = False) -> Any:
    given, answered = workdir / "inputs.json", workdir / "outputs.json"
    given.write_text(json.dumps(inputs), encoding="utf-8")
    command = ["node", str(RUNNER), str(assets), str(given), str(answered)]
    done = subprocess.run(
        [*command, "--plain"] if plain else command,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(answered.read_text("utf-8"))


def copy_assets(assets: Path, destination: Path) -> Path:
    """A copy of the bundle whose big runtime files are links (the snapshot itself is copied)."""
    shutil.copytree(assets, destination, copy_function=_link_or_copy)
    return destination


def _link_or_copy(src: str, dst: str) -> None:
    if "snapshot-" in Path(src).name or Path(src).name == "manifest.json":
        shutil.copyfile(src, dst)
    else:
        Path(dst).symlink_to(src)


@pytest.mark.pyodide
@pytest.mark.parametrize("path", ["snapshot", "plain"])
def test_every_golden_scenario_gives_the_cpython_reply_on_both_paths(
    built_site: Path, tmp_path: Path, path: str
) -> None:
    assets = bundle_of(built_site)
    manifest = manifest_of(assets)
    out = run_node(assets, tmp_path, [s.input_text for s in SCENARIOS], plain=path == "plain")
    assert out["start"] == path
    assert out["fallback"] is None
    assert out["stages"] == ["runtime", "filesystem", "engine", "ready"]
    if path == "snapshot":
        # restored from the very file the build wrote, and nothing else of the bundle read
        assert out["requested"] == ["manifest.json", manifest["snapshot"]["file"]]
    for scenario, reply in zip(SCENARIOS, out["replies"], strict=True):
        assert reply == scenario.stored_reply_text, scenario.name


@pytest.mark.pyodide
@pytest.mark.parametrize(
    "damage", ["truncated", "corrupt", "missing", "another runtime", "pieces out of place"]
)
def test_a_bad_snapshot_falls_back_to_the_plain_start(
    built_site: Path, tmp_path: Path, damage: str
) -> None:
    assets = copy_assets(bundle_of(built_site), tmp_path / "assets")
    snapshot = assets / manifest_of(assets)["snapshot"]["file"]
    data = snapshot.read_bytes()
    if damage == "truncated":
        snapshot.write_bytes(data[: len(data) // 2])
    elif damage == "corrupt":
        snapshot.write_bytes(data[:1000] + bytes(b ^ 0xFF for b in data[1000:2000]) + data[2000:])
    elif damage == "missing":
        snapshot.unlink()
    elif damage == "another runtime":  # memory as instantiated unlike the build's
        manifest = manifest_of(assets)
        manifest["snapshot"]["delta"]["check"] = "00000000"
        (assets / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    else:  # the file's pieces placed past the snapshot's end (only its nonzero pages ship)
        manifest = manifest_of(assets)
        manifest["snapshot"]["delta"]["runs"][-1][0] = manifest["snapshot"]["delta"]["length"]
        (assets / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    first = SCENARIOS[0]
    out = run_node(assets, tmp_path, [first.input_text])
    assert out["start"] == "plain"
    assert out["fallback"]
    if damage == "another runtime":
        assert "does not decode" in out["fallback"]
    if damage == "pieces out of place":
        assert "pieces do not fit" in out["fallback"]
    assert out["replies"] == [first.stored_reply_text]


@pytest.mark.pyodide
def test_a_runtime_without_the_restore_this_page_knows_falls_back_to_the_plain_start(
    built_site: Path, tmp_path: Path
) -> None:
    """The worker writes the snapshot into the memory itself and gives Pyodide's private
    restoreSnapshot the header alone (startup.js: restore): a runtime without it starts plainly."""
    assets = copy_assets(bundle_of(built_site), tmp_path / "assets")
    runtime = assets / "pyodide" / "pyodide.asm.mjs"
    real = runtime.resolve()
    runtime.unlink()
    runtime.write_text(
        f"import create from {json.dumps(real.as_uri())};\n"
        "export default async (settings) => {\n"
        "  const module = await create(settings);\n"
        "  delete module.API.restoreSnapshot;\n"
        "  return module;\n"
        "};\n",
        "utf-8",
    )
    first = SCENARIOS[0]
    out = run_node(assets, tmp_path, [first.input_text])
    assert out["start"] == "plain"
    assert "restores snapshots in a way this page does not know" in out["fallback"]
    assert out["replies"] == [first.stored_reply_text]


def test_the_snapshot_ships_only_its_pages_that_are_not_all_zeros(built_site: Path) -> None:
    assets = bundle_of(built_site)
    entry = manifest_of(assets)["snapshot"]
    data = (assets / entry["file"]).read_bytes()
    runs = entry["delta"]["runs"]
    assert sum(length for _, length in runs) == len(data) == entry["bytes"]
    assert len(data) < entry["delta"]["length"] / 2  # most of the memory is zero pages
    ends = [offset + length for offset, length in runs]
    assert all(end < offset for end, (offset, _) in zip(ends, runs[1:], strict=False))  # apart
    assert ends[-1] <= entry["delta"]["length"]
    pages = [data[at : at + 4096] for at in range(0, len(data), 4096)]
    assert all(any(page) for page in pages)


def test_an_unchanged_build_reuses_the_snapshot_without_node(
    built_site: Path, tmp_path: Path
) -> None:
    assets = copy_assets(bundle_of(built_site), tmp_path / "assets")
    name = manifest_of(assets)["snapshot"]["file"]
    (assets / name).unlink()
    wheel = next(assets.glob("hipcore-*.whl"))
    started = time.perf_counter()
    info = write_snapshot(assets, assets / "pyodide", wheel, CACHE, node=None)  # no Node at all
    assert time.perf_counter() - started < 5
    assert info.reused
    assert info.file == name
    assert (assets / name).stat().st_size == info.bytes
    # a changed engine or catalog (the wheel's bytes) names another snapshot, which needs Node
    changed = tmp_path / wheel.name
    changed.write_bytes(wheel.read_bytes() + b"\0")
    assert snapshot_key(assets / "pyodide", changed) != name.removeprefix("snapshot-")[:16]
    with pytest.raises(SnapshotError, match=r"Node\.js"):
        write_snapshot(assets, assets / "pyodide", changed, tmp_path / "cache", node=None)


def test_the_build_ships_gzip_and_brotli_beside_the_large_files_and_the_service_worker_skips_them(
    built_site: Path,
) -> None:
    assets = bundle_of(built_site)
    snapshot = manifest_of(assets)["snapshot"]["file"]
    for name in ("pyodide/pyodide.asm.wasm", "pyodide/pyodide.asm.mjs", snapshot):
        original = (assets / name).read_bytes()
        gz, br = (assets / f"{name}.gz").read_bytes(), (assets / f"{name}.br").read_bytes()
        assert gzip.decompress(gz) == original, name
        assert brotli.decompress(br) == original, name
        assert len(br) < len(gz) < len(original), name
    assert not (assets / "pyodide/python_stdlib.zip.br").exists()  # a zip: already compressed
    sw = (built_site / "sw.js").read_text("utf-8")
    assert ".gz" not in sw
    assert ".br" not in sw
    assert snapshot in sw


# --- in Chromium ------------------------------------------------------------------------------

ENGINE = """async ({inputs, bundle, catalog = ""}) => {
  const worker = new Worker(`${bundle}widget/worker.js`, {type: "module"});
  let id = 0;
  const ask = (type, payload) => new Promise((resolve) => {
    const mine = ++id;
    const listen = (event) => {
      if (event.data?.id !== mine) return;
      worker.removeEventListener("message", listen);
      resolve(event.data);
    };
    worker.addEventListener("message", listen);
    worker.postMessage({id: mine, type, payload});
  });
  const hello = await ask("hello", {protocol: 2, catalog});
  const replies = [];
  for (const text of inputs) replies.push((await ask("assess", JSON.parse(text))).result);
  worker.terminate();
  return {hello: hello.result, replies};
}"""


def run_browser(
    page: Page, site_url: str, bundle: str, inputs: list[str], catalog: str = ""
) -> tuple[Any, list[str]]:
    urls: list[str] = []
    page.context.on("request", lambda request: urls.append(request.url))
    page.goto(site_url + "/")
    out = page.evaluate(ENGINE, {"inputs": inputs, "bundle": bundle, "catalog": catalog})
    return out, urls


def same(replies: list[Any], scenarios: list[Any]) -> bool:
    """The worker sends hipcore's reply as a parsed object (protocol.js), so a number such as
    50.0 arrives as 50: compared as JSON values here; the Node tests above compare the bytes."""
    return replies == [json.loads(s.stored_reply_text) for s in scenarios]


def test_chromium_restores_the_snapshot_and_fetches_only_what_it_needs(
    page: Page, site_url: str, built_site: Path
) -> None:
    picked = SCENARIOS[:: max(1, len(SCENARIOS) // 4)]
    bundle = bundle_path(built_site)
    catalog = (bundle_of(built_site) / "catalog.json").read_text("utf-8")
    out, urls = run_browser(page, site_url, bundle, [s.input_text for s in picked], catalog)
    assert out["hello"]["start"] == "snapshot", out["hello"]
    assert "fallback" not in out["hello"]
    assert out["hello"]["catalog_match"] is True
    assert same(out["replies"], picked)
    assert any("/snapshot-" in u for u in urls)
    fetched = [u for u in urls if u.endswith(NOT_ON_THE_SNAPSHOT_PATH)]
    assert fetched == []


def test_chromium_falls_back_to_the_plain_start_from_a_bad_snapshot(
    page: Page, site_url: str, built_site: Path
) -> None:
    # garbage of the wrong length; Node tests above cover truncated, corrupt and missing files
    def bad(route: Route) -> None:
        route.fulfill(status=200, body=b"not a snapshot" * 1000)

    page.context.route("**/snapshot-*.bin", bad)
    first = SCENARIOS[0]
    out, urls = run_browser(page, site_url, bundle_path(built_site), [first.input_text])
    assert out["hello"]["start"] == "plain"
    assert out["hello"]["fallback"]
    assert same(out["replies"], [first])
    assert any(u.endswith(".whl") for u in urls)


def test_outside_a_secure_context_the_engine_restores_and_matches_the_catalog_by_hashlib(
    browser_type: BrowserType,
    browser_type_launch_args: dict[str, Any],
    site_url: str,
    built_site: Path,
) -> None:
    # A guide on plain http under a LAN name has no crypto.subtle: the snapshot is checked by
    # its length alone and the page's catalog is hashed by Python's hashlib instead.
    name = "hipguide.test"
    args = [*browser_type_launch_args["args"], f"--host-resolver-rules=MAP {name} 127.0.0.1"]
    browser = browser_type.launch(**{**browser_type_launch_args, "args": args})
    try:
        page = browser.new_page()
        lan_url = site_url.replace("127.0.0.1", name)
        catalog = (bundle_of(built_site) / "catalog.json").read_text("utf-8")
        first = SCENARIOS[0]
        out, _ = run_browser(page, lan_url, bundle_path(built_site), [first.input_text], catalog)
        assert page.evaluate("isSecureContext") is False
        assert out["hello"]["start"] == "snapshot", out["hello"]
        assert out["hello"]["catalog_match"] is True
        assert same(out["replies"], [first])
        out, _ = run_browser(page, lan_url, bundle_path(built_site), [], catalog + " ")
        assert out["hello"]["catalog_match"] is False
    finally:
        browser.close()
