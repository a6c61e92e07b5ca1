"""The evaluator: checked results in, prescription out. Pure functions over the catalog.

The steps, each in its own module: safety first (``_safety``: red flags, then pain), judging
each side of each test (``_judge``), left/right asymmetry (``_asymmetry``), findings through the
catalog's rules (``_findings``), the session (``_program``) and when to test again
(``_reassess``). ``docs/engine.md`` tells the same in plain words.
"""

from __future__ import annotations

from hipcore._asymmetry import find_asymmetries
from hipcore._findings import find_findings
from hipcore._judge import JudgedTest, judge_all
from hipcore._program import build_program, upkeep
from hipcore._reassess import plan_reassessment
from hipcore._safety import hurt, red_flag_referrals
from hipcore.catalog import index_for
from hipcore.model import Catalog
from hipcore.prescription import PRESCRIPTION_VERSION, Prescription, Status
from hipcore.results import Results

__all__ = ["evaluate", "headline"]


def evaluate(results: Results, catalog: Catalog) -> Prescription:
    """The prescription for results already checked against this catalog."""
    words = catalog.words
    disclaimer = catalog.policy.disclaimer
    index = index_for(catalog)
    tests = judge_all(results, catalog)
    reports = tuple(t.report() for t in tests)
    red_flags = red_flag_referrals(results, catalog)
    found = hurt(tests, index)
    if red_flags or found.urgent:
        referrals = red_flags or tuple(found.referrals)
        return Prescription(
            PRESCRIPTION_VERSION,
            "refer",
            words.headlines.refer,
            words.titles,
            (),
            (),
            referrals,
            (),
            disclaimer,
            tests=() if red_flags else reports,
        )

    asymmetries = find_asymmetries(tests, catalog.policy, words)
    findings = find_findings(tests, asymmetries, index)
    program = build_program(findings, tests, found, index)
    items, withheld = program.items, program.withheld
    if not findings:
        more, left_out = upkeep(tests, found, index)
        items, withheld = tuple(more), tuple(left_out)

    status: Status
    if found.any:
        status = "pain"
    elif findings:
        status = "program"
    elif any(t.judged for t in tests):
        status = "maintenance"
    else:
        status = "not_assessed"

    planned = [(i.exercise, i.addresses) for i in items] + [
        (w.exercise, w.addresses) for w in program.later
    ]
    return Prescription(
        version=PRESCRIPTION_VERSION,
        status=status,
        headline=headline(status, catalog, bool(items or program.later)),
        titles=words.titles,
        findings=findings,
        program=items,
        referrals=tuple(found.referrals),
        not_done=tuple(t.assessment.id for t in tests if _untouched(t)),
        disclaimer=disclaimer,
        tests=reports,
        asymmetries=asymmetries,
        later=program.later,
        withheld=withheld,
        reassess=plan_reassessment(
            tests,
            findings,
            planned,
            policy=catalog.policy,
            words=catalog.words,
            recorded_at=results.recorded_at,
        ),
        incomplete=tuple(t.assessment.id for t in tests if _incomplete(t)),
    )


def headline(status: Status, catalog: Catalog, has_program: bool = True) -> str:
    """The first line the runner reads."""
    headlines = catalog.words.headlines
    if status == "pain" and not has_program:
        return headlines.pain_nothing_safe
    return str(getattr(headlines, status))


def _untouched(test: JudgedTest) -> bool:
    return all(s.outcome == "not_done" for s in test.sides)


def _incomplete(test: JudgedTest) -> bool:
    return not test.judged and not test.painful and not _untouched(test)
