"""``docs/engine.md`` tells clinicians the engine's numbers: each must be the content's own."""

from __future__ import annotations

import re

import pytest

from hipcore import default_catalog
from tests.conftest import ROOT

CATALOG = default_catalog()
POLICY, PAIN = CATALOG.policy, CATALOG.pain
MEASURES = {(a.id, m.id): m for a in CATALOG.assessments for m in a.measures}
QUAD = MEASURES["quad_length", "heel_to_buttock"].pass_when
BRIDGE = MEASURES["single_leg_bridge", "hold_time"].pass_when
ROTATION = MEASURES["hip_rotation_control", "knee_opening"].pass_when
assert QUAD is not None
assert BRIDGE is not None
assert ROTATION is not None

DOC = " ".join((ROOT / "docs" / "engine.md").read_text("utf-8").split())


def number(value: float) -> str:
    return f"{value:g}"


QUOTED = [
    (r"threshold in the content's policy \((\S+) %\)", POLICY.asymmetry_index_below),
    (r"up to the policy's maximum \((\d+)\)", POLICY.session_max_exercises),
    (r"shorter than the policy's minimum \((\d+)\)", POLICY.session_min_exercises),
    (r"at the policy's weeks \((\d+)–\d+\)", POLICY.rescreen_weeks_min),
    (r"at the policy's weeks \(\d+–(\d+)\)", POLICY.rescreen_weeks_max),
    (r"a pain score of \*\*(\d+)/10 or more\*\*", PAIN.withhold_all_loading_from),
    (r"no fault and pain at most (\d+)/10", PAIN.progress_at_most),
    (r"ease off if pain goes above (\d+)/10", PAIN.ease_off_above),
    (r"passes \"at most (\S+) in\"", QUAD.value),
    (r"10 s held passes \"at least (\S+) s\"", BRIDGE.value),
    (r"a knee opened 20° against (\d+)°", ROTATION.value),
]


@pytest.mark.parametrize(("pattern", "value"), QUOTED, ids=[p for p, _ in QUOTED])
def test_each_number_the_clinicians_page_quotes_is_the_content_s(
    pattern: str, value: float
) -> None:
    found = re.search(pattern, DOC)
    assert found is not None, f"docs/engine.md no longer says {pattern!r}"
    assert found.group(1) == number(value)


def test_the_quad_mark_is_quoted_in_the_unit_the_content_states_it() -> None:
    assert QUAD.unit == "in"
