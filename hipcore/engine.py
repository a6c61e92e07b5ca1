"""The evaluator: checked results in, prescription out. Pure functions over the catalog.

The steps, each in its own module: safety first (``_safety``: red flags, then pain), judging
each side of each test (``_judge``), left/right asymmetry (``_asymmetry``), findings through the
catalog's rules (``_findings``), the session (``_program``) and when to test again
(``_reassess``). ``docs/engine.md`` tells the same in plain words.
"""

from __future__ import annotations

from hipcore._asymmetry import find_asymmetries
from hipcore._findings import find_findings
from hipcore._judge import judge_all
from hipcore._program import build_program, maintenance
from hipcore._reassess import plan_reassessment
from hipcore._safety import pain_referrals, red_flag_referrals
from hipcore.catalog import index_for
from hipcore.model import Catalog
from hipcore.prescription import PRESCRIPTION_VERSION, Prescription, Status
from hipcore.results import Results

__all__ = ["evaluate"]


def evaluate(results: Results, catalog: Catalog) -> Prescription:
    """The prescription for results already checked against this catalog."""
    disclaimer = catalog.policy.disclaimer
    red_flags = red_flag_referrals(results, catalog)
    if red_flags:
        return Prescription(PRESCRIPTION_VERSION, "refer", (), (), red_flags, (), disclaimer)

    index = index_for(catalog)
    tests = judge_all(results, catalog)
    asymmetries = find_asymmetries(tests, catalog.policy)
    findings = find_findings(tests, asymmetries, index)
    referrals, blocked = pain_referrals(tests)
    program = build_program(findings, blocked, index)
    items = program.items

    status: Status
    if program.corrective:
        status = "program"
    elif findings:  # every exercise for them is withheld because a test hurt
        status = "refer"
    elif any(t.judged for t in tests):
        items = tuple(maintenance(blocked, index))
        status = "maintenance" if items or not referrals else "refer"
    else:
        status = "refer" if referrals else "not_assessed"

    planned = [(i.exercise, i.addresses) for i in items] + [
        (w.exercise, w.addresses) for w in program.later
    ]
    return Prescription(
        version=PRESCRIPTION_VERSION,
        status=status,
        findings=findings,
        program=items,
        referrals=referrals,
        not_done=tuple(t.assessment.id for t in tests if not t.judged and not t.painful),
        disclaimer=disclaimer,
        tests=tuple(t.report() for t in tests),
        asymmetries=asymmetries,
        later=program.later,
        withheld=program.withheld,
        reassess=plan_reassessment(tests, findings, planned, catalog.policy),
    )
