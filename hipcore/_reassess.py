"""When to test again, and which tests check the program's progress.

A test behind a finding is the progress check for the exercises that work on that finding. A
mobility test is repeated straight after the stretches (the article: "stretch your hip flexor
and reassess"); any other test at the full rescreen, which falls at the policy's weeks. Tests
that hurt are left to the clinician; skipped tests are asked for at the rescreen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from hipcore._judge import JudgedTest
from hipcore.model import Policy, Words
from hipcore.prescription import FindingReport, Reassessment, Recheck
from hipcore.words import fill

__all__ = ["plan_reassessment"]


def plan_reassessment(
    tests: Sequence[JudgedTest],
    findings: Sequence[FindingReport],
    planned: Sequence[tuple[str, tuple[str, ...]]],
    *,
    policy: Policy,
    words: Words,
    recorded_at: str = "",
) -> Reassessment:
    """``planned``: (exercise id, finding ids it addresses) for the session and what waits."""
    checks: list[Recheck] = []
    for test in tests:
        a = test.assessment
        if test.painful:
            continue
        behind = [f.id for f in findings if any(e.assessment == a.id for e in f.evidence)]
        if not behind:
            continue
        exercises = tuple(ex for ex, addresses in planned if set(addresses) & set(behind))
        if a.quality == "mobility":
            text = a.progress_check or fill(words.recheck_after_stretching, test=a.name)
            checks.append(
                Recheck(a.id, a.name, "after_stretching", bool(exercises), exercises, text)
            )
        else:
            text = a.progress_check or fill(words.recheck_at_rescreen, test=a.name)
            checks.append(Recheck(a.id, a.name, "rescreen", bool(exercises), exercises, text))
    low, high = policy.rescreen_weeks_min, policy.rescreen_weeks_max
    weeks = str(low) if low == high else fill(words.number_range, low=low, high=high)
    from_date = by_date = None
    if recorded_at:
        done = date.fromisoformat(recorded_at[:10])
        from_date = (done + timedelta(weeks=policy.rescreen_weeks_min)).isoformat()
        by_date = (done + timedelta(weeks=policy.rescreen_weeks_max)).isoformat()
        when = fill(words.rescreen_between, weeks=weeks, from_date=from_date, by_date=by_date)
        if from_date == by_date:
            when = fill(words.rescreen_on, weeks=weeks, from_date=from_date)
    else:
        when = fill(words.rescreen_in, weeks=weeks)
    text = fill(words.rescreen, when=when)
    skipped = [t.assessment.name for t in tests if not t.judged and not t.painful]
    if skipped:
        text += " " + fill(words.rescreen_not_done, tests=", ".join(skipped))
    return Reassessment(
        policy.rescreen_weeks_min,
        policy.rescreen_weeks_max,
        text,
        tuple(checks),
        from_date,
        by_date,
    )
