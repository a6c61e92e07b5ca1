"""The golden scenarios: each is a specification (``spec``), an input and a hand-written
expectation, plus the whole reply kept byte for byte. See ``tests/engine/golden.py``."""

from __future__ import annotations

import json

import pytest

from hipcore import assess_json
from tests.engine.golden import Scenario, load_scenarios, summary

SCENARIOS = load_scenarios()


def test_there_are_at_least_25_scenarios() -> None:
    assert len(SCENARIOS) >= 25


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_the_reply_meets_the_hand_written_expectation(scenario: Scenario) -> None:
    got = summary(json.loads(assess_json(scenario.input_text)))
    stated = {key: got.get(key) for key in scenario.expect}
    assert stated == scenario.expect, scenario.spec


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_the_reply_is_byte_for_byte_the_stored_one(scenario: Scenario) -> None:
    assert scenario.stored_reply_text is not None, "no reply stored: run --update"
    assert assess_json(scenario.input_text) == scenario.stored_reply_text, (
        f"{scenario.name}: the reply changed. If on purpose, run "
        "`.venv/bin/python -m tests.engine.golden --update` and review the diff."
    )
