"""Bad content stops the build with every problem, located and said plainly."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_plugins.content import ContentError
from site_plugins.hipguide.kinds import load_site_content
from tests.conftest import ROOT, build_site
from tests.content.cases import CASES as BASIC_CASES
from tests.content.cases_safety import (
    COMPLETENESS_CASES,
    FILE_CASES,
    MARKUP_CASES,
    NUMBER_CASES,
    YAML_CASES,
)
from tests.content.conftest import site_config
from tests.content.edits import Case

CASES = (*BASIC_CASES, *NUMBER_CASES, *YAML_CASES, *FILE_CASES, *COMPLETENESS_CASES, *MARKUP_CASES)


def test_the_real_content_loads() -> None:
    content = load_site_content(ROOT / "content")
    assert content.catalog.exercises


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_malformed_content_is_reported_exactly(case: Case, content_copy: Path) -> None:
    for edit in case.edits:
        edit.apply(content_copy)
    with pytest.raises(ContentError) as raised:
        load_site_content(content_copy)
    assert raised.value.problems == [expect.resolve(content_copy) for expect in case.expect]


def test_the_fixture_names_are_unique() -> None:
    names = [case.id for case in CASES]
    assert len(names) == len(set(names))


BUILT = (
    "unclosed quote",
    "missing field",
    "unknown unit",
    "rule naming an assessment that does not exist",
    "progressions that loop",
    "every problem in every file is reported",
    ".inf as a measure's maximum",
    "nesting 500 deep",
    "an alias bomb",
    "rules.yaml missing",
    "a test's only rule removed",
)


@pytest.mark.parametrize(
    "case", [case for case in CASES if case.id in BUILT], ids=lambda case: case.id
)
def test_mkdocs_build_stops_with_the_problems_and_no_traceback(
    case: Case, content_copy: Path, tmp_path: Path
) -> None:
    for edit in case.edits:
        edit.apply(content_copy)
    result = build_site(tmp_path / "site", site_config(tmp_path, content_copy))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for expect in case.expect:
        assert str(expect.resolve(content_copy)) in output
    assert f"The content has {len(case.expect)} problem" in output
    assert "Traceback" not in output
