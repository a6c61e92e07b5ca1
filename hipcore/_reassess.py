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
from hipcore.model import Policy
from hipcore.prescription import FindingReport, Reassessment, Recheck

__all__ = ["plan_reassessment"]


def plan_reassessment(
    tests: Sequence[JudgedTest],
    findings: Sequence[FindingReport],
    planned: Sequence[tuple[str, tuple[str, ...]]],
    policy: Policy,
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
            text = a.progress_check or f"Repeat the {a.name} test right after your stretches."
            checks.append(
                Recheck(a.id, a.name, "after_stretching", bool(exercises), exercises, text)
            )
        else:
            text = a.progress_check or f"Repeat the {a.name} test at the rescreen."
            checks.append(Recheck(a.id, a.name, "rescreen", bool(exercises), exercises, text))
    weeks = f"{policy.rescreen_weeks_min}-{policy.rescreen_weeks_max}"
    if policy.rescreen_weeks_min == policy.rescreen_weeks_max:
        weeks = str(policy.rescreen_weeks_min)
    from_date = by_date = None
    if recorded_at:
        done = date.fromisoformat(recorded_at[:10])
        from_date = (done + timedelta(weeks=policy.rescreen_weeks_min)).isoformat()
        by_date = (done + timedelta(weeks=policy.rescreen_weeks_max)).isoformat()
        when = f"in {weeks} weeks (between {from_date} and {by_date})"
        if from_date == by_date:
            when = f"in {weeks} weeks (on {from_date})"
    else:
        when = f"in {weeks} weeks"
    text = f"Repeat every test {when}, and build the next session from the new results."
    skipped = [t.assessment.name for t in tests if not t.judged and not t.painful]
    if skipped:
        text += f" Do the tests you have not done yet as well: {', '.join(skipped)}."
    return Reassessment(
        policy.rescreen_weeks_min,
        policy.rescreen_weeks_max,
        text,
        tuple(checks),
        from_date,
        by_date,
    )
