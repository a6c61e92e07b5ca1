"""The service worker's content-addressed manifest (site_plugins.bundle.offline)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from site_plugins.bundle import write_service_worker


def listed(source: str, name: str) -> dict[str, str]:
    return json.loads(re.search(rf"const {name} = (\{{.*?\}});", source).group(1))  # type: ignore[union-attr,no-any-return]


def manifest_of(site: Path) -> tuple[str, dict[str, str], dict[str, str]]:
    source = (site / "sw.js").read_text("utf-8")
    build = json.loads(re.search(r"const BUILD = (\".*?\");", source).group(1))  # type: ignore[union-attr]
    return build, listed(source, "PRECACHE"), listed(source, "RUNTIME")


def make_site(root: Path) -> Path:
    for rel, text in {
        "index.html": "home",
        "a/index.html": "a",
        "assets/hipguide/catalog.json": "{}",
        "assets/hipguide/pyodide/pyodide.asm.wasm": "wasm",
        "sitemap.xml": "<urlset/>",
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    return root


def test_every_file_is_listed_with_its_sha256_and_the_runtime_apart(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    write_service_worker(site, ("assets/hipguide/pyodide/",))
    _, precache, runtime = manifest_of(site)
    assert set(precache) == {"index.html", "a/index.html", "assets/hipguide/catalog.json"}
    assert set(runtime) == {"assets/hipguide/pyodide/pyodide.asm.wasm"}
    expected = base64.b64encode(hashlib.sha256(b"{}").digest()).decode()
    assert precache["assets/hipguide/catalog.json"] == expected


def test_a_changed_file_makes_a_new_build_and_an_unchanged_site_the_same(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    first = write_service_worker(site, ())
    assert write_service_worker(site, ()) == first
    (site / "assets/hipguide/catalog.json").write_text('{"version": 2}', "utf-8")
    assert write_service_worker(site, ()) != first


def test_source_maps_pictures_and_search_language_packs_wait_until_a_page_asks(
    tmp_path: Path,
) -> None:
    site = make_site(tmp_path)
    lazy_files = [
        "assets/javascripts/bundle.min.js.map",
        "img/widget/phone.png",
        "assets/javascripts/lunr/min/lunr.de.min.js",
    ]
    for rel in [*lazy_files, "assets/javascripts/bundle.min.js"]:
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(rel, "utf-8")
    write_service_worker(site, ("assets/hipguide/pyodide/",))
    _, precache, runtime = manifest_of(site)
    lazy = listed((site / "sw.js").read_text("utf-8"), "LAZY")
    assert sorted(lazy) == sorted(lazy_files)
    assert "assets/javascripts/bundle.min.js" in precache
    assert not set(lazy) & (set(precache) | set(runtime))


def test_the_runtime_files_only_one_start_path_reads_are_listed_by_that_path(
    tmp_path: Path,
) -> None:
    site = make_site(tmp_path)
    for rel in ["assets/hipguide/snapshot-1.bin", "assets/hipguide/pyodide/python_stdlib.zip"]:
        (site / rel).write_text(rel, "utf-8")
    write_service_worker(
        site,
        ("assets/hipguide/pyodide/", "assets/hipguide/snapshot-"),
        start_only={
            "snapshot": ("assets/hipguide/snapshot-",),
            "plain": ("assets/hipguide/pyodide/python_stdlib.zip", "assets/hipguide/hipcore-"),
        },
    )
    source = (site / "sw.js").read_text("utf-8")
    only = json.loads(re.search(r"const START_ONLY = (\{.*?\});", source).group(1))  # type: ignore[union-attr]
    assert only == {
        "plain": ["assets/hipguide/pyodide/python_stdlib.zip"],
        "snapshot": ["assets/hipguide/snapshot-1.bin"],
    }
    _, _, runtime = manifest_of(site)
    assert "assets/hipguide/pyodide/pyodide.asm.wasm" in runtime  # read by both: in neither list
