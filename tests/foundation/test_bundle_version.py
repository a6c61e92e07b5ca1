"""The widget's bundle under a versioned path named by its content (site_plugins/bundle/version.py),
so a host may cache it forever; a stable entry and version.json name the current one."""

from __future__ import annotations

import json
import re
from pathlib import Path

from site_plugins.bundle import ENTRY, ICONS, VERSION_FILE, bundle_version, place_bundle
from tests.conftest import ASSETS, bundle_of


def folder(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_the_version_changes_with_any_byte_or_name_and_only_then(tmp_path: Path) -> None:
    files = {"catalog.json": b"{}", "widget/index.js": b"export {};", "pyodide/a.wasm": b"\0"}
    one = bundle_version(folder(tmp_path / "one", files))
    assert re.fullmatch(r"[0-9a-f]{12}", one)
    assert bundle_version(folder(tmp_path / "same", files)) == one
    changed = {**files, "pyodide/a.wasm": b"\1"}
    assert bundle_version(folder(tmp_path / "byte", changed)) != one
    renamed = {"catalog2.json": b"{}", **{k: v for k, v in files.items() if k != "catalog.json"}}
    assert bundle_version(folder(tmp_path / "name", renamed)) != one


def test_placing_a_bundle_names_its_folder_and_writes_the_stable_entry(tmp_path: Path) -> None:
    staging = folder(
        tmp_path / "assets" / ".bundle",
        {"widget/index.js": b"export {};", "widget/embed-host.js": b"export {};"},
    )
    version = place_bundle(staging)
    assets = tmp_path / "assets"
    assert not staging.exists()
    assert (assets / version / "widget/index.js").read_bytes() == b"export {};"
    entry = (assets / ENTRY).read_text("utf-8")
    assert f'export * from "../{version}/widget/index.js";' in entry
    host = (assets / "widget/embed-host.js").read_text("utf-8")
    assert f'export * from "../{version}/widget/embed-host.js";' in host
    document = json.loads((assets / VERSION_FILE).read_text("utf-8"))
    assert document == {"version": version, "path": f"{version}/"}


def test_the_built_site_serves_the_bundle_under_its_content_name(built_site: Path) -> None:
    bundle = bundle_of(built_site)
    assert bundle.name == bundle_version(bundle)
    assets = built_site / ASSETS
    # Beside it only the stable entry, version.json, and the guide's own (revalidated) files.
    beside = {p.relative_to(assets).as_posix() for p in assets.iterdir()}
    page_scripts = {name for name in beside if re.fullmatch(r"page-[0-9a-f]{12}\.js", name)}
    assert len(page_scripts) == 1
    assert beside - page_scripts == {
        bundle.name,
        "widget",
        VERSION_FILE,
        "inline",
        "hipguide.css",
        *(icon.name for icon in ICONS),
    }
    assert sorted(p.name for p in (assets / "widget").iterdir()) == ["embed-host.js", "index.js"]
    page = (built_site / "self-assessment/index.html").read_text("utf-8")
    # one module on every page, which imports the element from this build's versioned folder
    (page_script,) = page_scripts
    modules = re.findall(r'<script src="([^"]+)" type="module">', page)
    assert modules == [f"../{ASSETS}/{page_script}"]
    loads = (assets / page_script).read_text("utf-8")
    assert f'import("./{bundle.name}/widget/index.js")' in loads
    preloads = re.findall(r'<link rel="modulepreload" href="([^"]+)"', page)
    assert preloads
    assert all(href.startswith(f"../{ASSETS}/{bundle.name}/widget/") for href in preloads)
    sw = (built_site / "sw.js").read_text("utf-8")
    assert f"{ASSETS}/{bundle.name}/pyodide/pyodide.asm.wasm" in sw
