"""What the build ships for the browser: a pure-Python hipcore wheel and the Pyodide runtime."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import brotli
import jsonschema
import pytest

import hipcore
from hipcore.catalog import CATALOG_VERSION
from site_plugins.bundle import (
    COMPILE_HINT,
    PYODIDE_FILES,
    RuntimeMissing,
    build_hipcore_wheel,
    compress,
    copy_pyodide,
)
from site_plugins.bundle.runtime import EMPTY_STDLIB
from site_plugins.hipguide.export import main as export_main
from tests.conftest import ROOT, bundle_of

CATALOG = '{"marker": "the catalog compiled from content"}'


@pytest.fixture
def wheel(tmp_path: Path) -> Path:
    return build_hipcore_wheel(tmp_path, CATALOG)


def test_the_wheel_is_pure_python_for_any_platform(wheel: Path) -> None:
    assert wheel.name == f"hipcore-{hipcore.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        wheel_file = archive.read(f"hipcore-{hipcore.__version__}.dist-info/WHEEL").decode()
    assert "Root-Is-Purelib: true" in wheel_file
    assert "Tag: py3-none-any" in wheel_file


def test_the_wheel_holds_every_hipcore_module_and_the_given_catalog(wheel: Path) -> None:
    package = ROOT / "hipcore"
    modules = {f"hipcore/{p.relative_to(package).as_posix()}" for p in package.rglob("*.py")}
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        catalog = archive.read("hipcore/data/catalog.json").decode()
    assert modules <= names
    assert catalog == CATALOG
    assert not [n for n in names if n.startswith("site_plugins") or "__pycache__" in n]


def test_the_wheel_record_lists_every_file_with_its_hash(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        record = archive.read(f"hipcore-{hipcore.__version__}.dist-info/RECORD").decode()
        for line in record.splitlines():
            name, digest, size = line.rsplit(",", 2)
            if name.endswith("RECORD"):
                continue
            data = archive.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            assert digest == f"sha256={expected.decode()}", name
            assert int(size) == len(data)


def test_the_wheel_is_byte_for_byte_reproducible(tmp_path: Path) -> None:
    first = build_hipcore_wheel(tmp_path / "a", CATALOG).read_bytes()
    second = build_hipcore_wheel(tmp_path / "b", CATALOG).read_bytes()
    assert first == second


def test_the_runtime_is_copied_from_node_modules_with_its_version(tmp_path: Path) -> None:
    version = copy_pyodide(ROOT / "node_modules", tmp_path / "pyodide", tmp_path / "made")
    package = json.loads((ROOT / "node_modules/pyodide/package.json").read_text("utf-8"))
    assert version == package["version"]
    copied = sorted(p.name for p in (tmp_path / "pyodide").iterdir())
    assert copied == sorted([*PYODIDE_FILES, EMPTY_STDLIB])
    assert zipfile.ZipFile(tmp_path / "pyodide" / EMPTY_STDLIB).namelist() == []
    for name in PYODIDE_FILES:
        npm = (ROOT / "node_modules/pyodide" / name).read_bytes()
        hint = COMPILE_HINT if name == "pyodide.asm.mjs" else b""
        assert (tmp_path / "pyodide" / name).read_bytes() == hint + npm, name


def test_the_runtime_module_with_its_compile_hint_is_written_once(tmp_path: Path) -> None:
    copy_pyodide(ROOT / "node_modules", tmp_path / "a", tmp_path / "made")
    [made] = (tmp_path / "made").iterdir()
    written = made.stat().st_mtime_ns
    copy_pyodide(ROOT / "node_modules", tmp_path / "b", tmp_path / "made")
    assert [p.stat().st_mtime_ns for p in (tmp_path / "made").iterdir()] == [written]
    assert (tmp_path / "b/pyodide.asm.mjs").read_bytes() == made.read_bytes()


def test_the_runtime_version_is_the_one_package_lock_pins() -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text("utf-8"))
    pinned = json.loads((ROOT / "package.json").read_text("utf-8"))["dependencies"]["pyodide"]
    assert lock["packages"]["node_modules/pyodide"]["version"] == pinned


def test_a_missing_runtime_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(RuntimeMissing, match=r"npm ci") as error:
        copy_pyodide(tmp_path / "node_modules", tmp_path / "out", tmp_path / "made")
    assert "pyodide.asm.wasm" in str(error.value)


def test_the_built_site_ships_runtime_wheel_catalog_and_manifest(built_site: Path) -> None:
    assets = bundle_of(built_site)
    manifest = json.loads((assets / "manifest.json").read_text("utf-8"))
    assert (assets / manifest["wheel"]).is_file()
    assert (assets / manifest["catalog"]).is_file()
    for name in PYODIDE_FILES:
        assert (assets / "pyodide" / name).is_file(), name
    for module in (
        "index.js",
        "define.js",
        "dom.js",
        "hip-assessment-element.js",
        "protocol.js",
        "worker.js",
    ):
        assert (assets / "widget" / module).is_file(), module
    with zipfile.ZipFile(assets / manifest["wheel"]) as archive:
        shipped = archive.read("hipcore/data/catalog.json").decode()
    assert shipped == (assets / "catalog.json").read_text("utf-8")


def test_the_packaged_catalog_matches_the_content() -> None:
    assert export_main(["--check"]) == 0, "run 'make catalog' and commit the result"


def test_the_emitted_catalog_follows_its_published_schema(built_site: Path) -> None:
    schema = json.loads((ROOT / "content/schema/catalog.schema.json").read_text("utf-8"))
    catalog = json.loads((bundle_of(built_site) / "catalog.json").read_text("utf-8"))
    jsonschema.validate(catalog, schema)
    assert catalog["version"] == CATALOG_VERSION


def test_a_standard_installer_installs_the_wheel_and_the_engine_runs_from_it(
    tmp_path: Path,
) -> None:
    catalog = json.dumps(json.loads((ROOT / "hipcore/data/catalog.json").read_text("utf-8")))
    wheel = build_hipcore_wheel(tmp_path / "dist", catalog)
    target = tmp_path / "installed"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(target), str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    probe = (
        "import importlib.metadata, hipcore, hipcore.api;"
        "print(hipcore.__file__);"
        "print(importlib.metadata.version('hipcore'));"
        "print(len(hipcore.api.default_catalog().assessments))"
    )
    out = subprocess.run(
        [sys.executable, "-S", "-c", probe],  # -S: not the editable install
        env={"PYTHONPATH": str(target)}, cwd=tmp_path, check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    assert Path(out[0]).is_relative_to(target)
    assert out[1] == hipcore.__version__
    assert int(out[2]) == 6


def test_precompressed_copies_are_the_inputs_and_the_cache_keeps_only_the_recent(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    runtime = tmp_path / "runtime.bin"
    for n in range(compress._KEEP):  # older builds' copies, ever older
        (cache / f"{n:032x}.gz").parent.mkdir(parents=True, exist_ok=True)
        (cache / f"{n:032x}.gz").write_bytes(b"old")
        os.utime(cache / f"{n:032x}.gz", ns=(n, n))
    runtime.write_bytes(b"\0" * 50_000 + b"new runtime")
    (tmp_path / "runtime.bin.gz").write_bytes(b"x" * 40)  # a stale copy, whatever its size
    written = compress.precompress([runtime], cache, fixed=True)
    assert sorted(p.name for p in written) == ["runtime.bin.br", "runtime.bin.gz"]
    assert gzip.decompress((tmp_path / "runtime.bin.gz").read_bytes()) == runtime.read_bytes()
    assert brotli.decompress((tmp_path / "runtime.bin.br").read_bytes()) == runtime.read_bytes()
    kept = sorted(p.name for p in cache.iterdir())
    assert len(kept) == compress._KEEP
    assert {f"{0:032x}.gz", f"{1:032x}.gz"}.isdisjoint(kept)  # the two oldest went
