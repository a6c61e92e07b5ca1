"""Checked content kept between builds (site_plugins/content/cache.py): read back only when the
content and the code are what they were, and then the same as a fresh load."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from site_plugins.content import ContentError, cache
from site_plugins.content.cache import Derived, content_key
from site_plugins.figures import Figure, Subject, figure_block, figure_blocks
from site_plugins.hipguide import kept as kept_module
from site_plugins.hipguide.kinds import load_site_content
from site_plugins.hipguide.plugin import SITE_KIND_NAMES, kept_figures
from tests.conftest import ROOT

KINDS = ("figures",)


def never() -> object:
    raise AssertionError("made again, though it was kept")


def test_what_is_kept_is_read_back_as_a_fresh_load_gives_it(
    content_copy: Path, tmp_path: Path
) -> None:
    kept_here = Derived(tmp_path / "cache", content_key(content_copy, KINDS))
    fresh = load_site_content(content_copy)
    figures = figure_blocks(fresh.catalog, fresh.extras["figures"])
    kept_here.get("content", lambda: fresh)
    kept_here.get("figures", lambda: figures)

    again = Derived(tmp_path / "cache", content_key(content_copy, KINDS))
    assert again.key == kept_here.key
    kept = again.get("content", never)
    assert kept == fresh
    assert kept is not fresh
    assert again.get("figures", never) == figures


def test_the_site_build_keeps_what_a_fresh_load_gives(built_site: Path) -> None:
    root = ROOT / "content"
    folder = ROOT / "node_modules/.cache/hipguide/content"  # the plugin's, by default
    kept = Derived(folder, content_key(root, SITE_KIND_NAMES))
    fresh = load_site_content(root)
    assert kept.get("content", never) == fresh
    assert kept.get("figures", never) == figure_blocks(fresh.catalog, fresh.extras["figures"])


def test_any_change_to_the_content_is_a_new_key(content_copy: Path) -> None:
    before = content_key(content_copy, KINDS)
    assert content_key(content_copy, KINDS) == before
    rules = content_copy / "rules.yaml"
    rules.write_text(rules.read_text("utf-8") + "\n", encoding="utf-8")
    edited = content_key(content_copy, KINDS)
    assert edited != before
    (content_copy / "stray.txt").write_text("", encoding="utf-8")  # the loader refuses strays
    assert content_key(content_copy, KINDS) not in (before, edited)
    assert content_key(content_copy, ()) != content_key(content_copy, KINDS)


def test_a_copy_of_the_content_elsewhere_is_its_own_key(content_copy: Path) -> None:
    # a kept Content names its files by absolute path
    assert content_key(content_copy, KINDS) != content_key(ROOT / "content", KINDS)


def test_the_code_that_reads_the_content_is_part_of_the_key(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code = tmp_path / "code"
    code.mkdir()
    (code / "reader.py").write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(cache, "CODE", (code,))
    cache.code_key.cache_clear()  # read once per process: a new process is a new build
    before = content_key(content_copy, KINDS)
    (code / "reader.py").write_text("A = 2\n", encoding="utf-8")
    cache.code_key.cache_clear()
    assert content_key(content_copy, KINDS) != before
    cache.code_key.cache_clear()


def test_broken_content_is_never_kept(content_copy: Path, tmp_path: Path) -> None:
    (content_copy / "rules.yaml").write_text("- id: [\n", encoding="utf-8")
    kept_here = Derived(tmp_path / "cache", content_key(content_copy, KINDS))
    for _ in range(2):  # checked, and refused, each time
        with pytest.raises(ContentError, match=r"rules\.yaml"):
            kept_here.get("content", lambda: load_site_content(content_copy))
    assert list((tmp_path / "cache").glob("*")) == []


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_a_damaged_entry_is_made_again_and_replaced(tmp_path: Path, damage: bytes) -> None:
    kept_here = Derived(tmp_path / "cache", "k")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "k-value.pickle").write_bytes(damage)
    assert kept_here.get("value", lambda: ("made", 1)) == ("made", 1)
    assert Derived(tmp_path / "cache", "k").get("value", never) == ("made", 1)


def test_the_cache_keeps_only_the_most_recently_used(tmp_path: Path) -> None:
    for n in range(cache.KEEP + 5):
        Derived(tmp_path, f"key{n:03d}").get("value", lambda: n)  # noqa: B023 - called at once
    assert len(list(tmp_path.glob("*.pickle"))) == cache.KEEP
    assert list(tmp_path.glob("*.tmp")) == []


def test_a_build_that_reads_its_content_back_does_not_import_pydantic(
    tmp_path: Path,
) -> None:
    # What the cache saves a build: importing pydantic, building its validators, checking
    script = f"""
import sys
from pathlib import Path
from site_plugins.content.cache import Derived, content_key
from site_plugins.hipguide.kinds import load_site_content
from site_plugins.hipguide.plugin import SITE_KIND_NAMES
root = Path({str(ROOT / "content")!r})
cache = Derived(Path({str(tmp_path)!r}), content_key(root, ("figures",)))
content = cache.get("content", lambda: load_site_content(root))
print("pydantic" in sys.modules, len(content.catalog.exercises))
"""
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(2)
    ]
    first, second = runs
    assert first[0] == "True", "the first build checks the content with pydantic"
    assert second == ["False", first[1]], "the second reads it back, the same, without pydantic"


LOAD_AFTER_AN_EDIT = """
import sys
from pathlib import Path
from site_plugins.hipguide.kinds import load_site_content
content = load_site_content(Path(sys.argv[1]), Path(sys.argv[2]))
built = "pydantic" in sys.modules
print(built, len(content.catalog.exercises), content.catalog.exercises[0].name)
"""


def test_an_edit_to_the_content_builds_no_validator_schema_again(
    content_copy: Path, tmp_path: Path
) -> None:
    """pydantic's schema building (pydantic imported, ~0.2 s of CPU) depends on the code,
    not the content: a build after an edit validates with the schemas the build before kept."""

    def build() -> list[str]:
        command = [sys.executable, "-c", LOAD_AFTER_AN_EDIT, str(content_copy), str(tmp_path)]
        run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
        return run.stdout.strip().split(maxsplit=2)

    first = build()
    assert first[0] == "True", "the first build makes the schemas"
    exercise = sorted((content_copy / "exercises").glob("*.yaml"))[0]
    text = exercise.read_text("utf-8")
    old_name = next(line for line in text.splitlines() if line.startswith("name:"))
    exercise.write_text(text.replace(old_name, "name: Renamed by the test"), encoding="utf-8")
    assert build() == ["False", first[1], "Renamed by the test"]


def test_kept_schemas_find_the_same_problems_as_pydantics_own(
    content_copy: Path, tmp_path: Path
) -> None:
    load_site_content(content_copy, tmp_path)  # keeps the schemas
    (content_copy / "rules.yaml").write_text("- id: r\n  when: 3\n  colour: red\n", "utf-8")
    with pytest.raises(ContentError) as fresh:
        load_site_content(content_copy)
    with pytest.raises(ContentError) as kept:
        load_site_content(content_copy, tmp_path)
    assert str(kept.value) == str(fresh.value)
    assert "colour" in str(kept.value)


def test_an_edit_draws_again_only_the_figures_it_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = load_site_content(ROOT / "content")
    catalog, figures = content.catalog, content.extras["figures"]
    first = figure_blocks(catalog, figures, kept_figures(tmp_path))
    assert first == figure_blocks(catalog, figures)

    drawn: list[str] = []

    def counting(figure: Figure, subject: Subject) -> str:
        drawn.append(figure.id)
        return figure_block(figure, subject)

    monkeypatch.setattr(kept_module, "figure_block", counting)
    edited = replace(figures[0], description="Described again by the test.")
    again = figure_blocks(catalog, (edited, *figures[1:]), kept_figures(tmp_path))
    assert drawn == [edited.id]
    assert "Described again by the test." in again[edited.id]
    assert {k: v for k, v in again.items() if k != edited.id} == {
        k: v for k, v in first.items() if k != edited.id
    }


def test_an_edit_checks_again_only_the_figures_it_changed(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_site_content(content_copy, tmp_path)
    checked: list[str] = []

    def counting(figure: Figure, subject: Subject) -> tuple[object, ...]:
        checked.append(figure.id)
        return ()

    monkeypatch.setattr(kept_module, "problems_of", counting)
    figure = sorted((content_copy / "figures").glob("*.yaml"))[0]
    text = figure.read_text("utf-8")
    figure.write_text(
        text.replace("\n  Seen from", "\n  Also described by the test. Seen from", 1), "utf-8"
    )
    assert "Also described by the test." in figure.read_text("utf-8")
    load_site_content(content_copy, tmp_path)
    assert checked == [figure.stem]
