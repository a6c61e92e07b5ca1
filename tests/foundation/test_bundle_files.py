"""How the bundle's large files reach the site: linked, not copied, and hashed once each."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from site_plugins.bundle.digest import file_sha256
from site_plugins.bundle.place import place_file


def test_a_placed_file_is_the_same_file_on_one_filesystem(tmp_path: Path) -> None:
    source = tmp_path / "runtime.wasm"
    source.write_bytes(b"\0asm runtime")
    target = tmp_path / "site" / "runtime.wasm"
    target.parent.mkdir()
    place_file(source, target)
    assert target.read_bytes() == b"\0asm runtime"
    assert target.samefile(source)


def test_placing_replaces_what_was_there_and_leaves_what_it_was_linked_to(tmp_path: Path) -> None:
    old, new = tmp_path / "old-snapshot.bin", tmp_path / "new-snapshot.bin"
    old.write_bytes(b"old snapshot")
    new.write_bytes(b"new snapshot, longer")
    target = tmp_path / "snapshot.bin"
    place_file(old, target)
    place_file(new, target)  # a write into the linked file would have changed old-snapshot.bin
    assert target.read_bytes() == b"new snapshot, longer"
    assert old.read_bytes() == b"old snapshot"


def test_a_digest_is_the_sha256_of_the_bytes_and_follows_a_rewrite(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_bytes(b"first")
    assert file_sha256(path) == hashlib.sha256(b"first").digest()
    path.write_bytes(b"rewritten")  # the same inode
    assert file_sha256(path) == hashlib.sha256(b"rewritten").digest()
    replaced = tmp_path / "replacement"
    replaced.write_bytes(b"third")
    replaced.replace(path)  # another inode under the same name
    assert file_sha256(path) == hashlib.sha256(b"third").digest()


def test_a_digest_follows_a_file_through_a_link_and_a_renamed_folder(tmp_path: Path) -> None:
    data = os.urandom(1 << 16)
    source = tmp_path / "runtime.wasm"
    source.write_bytes(data)
    staging = tmp_path / ".bundle"
    staging.mkdir()
    place_file(source, staging / "runtime.wasm")
    assert file_sha256(staging / "runtime.wasm") == hashlib.sha256(data).digest()
    staging.rename(tmp_path / "6c8069e510fe")  # as the bundle is named by its content
    moved = tmp_path / "6c8069e510fe" / "runtime.wasm"
    assert file_sha256(moved) == hashlib.sha256(data).digest()
    source.write_bytes(b"written in place: the link is the same file, and has a new digest")
    assert file_sha256(moved) == hashlib.sha256(moved.read_bytes()).digest()
