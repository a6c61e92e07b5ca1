"""The evaluator: results in, prescription out. Pure functions over the catalog."""

from __future__ import annotations

from typing import Literal

from hipcore.catalog import Index
from hipcore.model import Assessment, Catalog, Side
from hipcore.prescription import PRESCRIPTION_VERSION, Finding, Item, Prescription, Referral, Why
from hipcore.results import Results, SideResult

__all__ = ["evaluate"]


def evaluate(results: Results, catalog: Catalog) -> Prescription:
    index = Index(catalog)
    referrals = tuple(
        Referral(flag.reason, flag.urgent)
        for flag in catalog.red_flags
        if results.prescreen.get(flag.id, False)
    )
    if referrals:
        return Prescription(PRESCRIPTION_VERSION, "refer", (), (), referrals, (),
                            catalog.policy.disclaimer)  # fmt: skip
    done = {r.assessment: r for r in results.assessments}
    findings: list[Finding] = []
    for rule in catalog.rules:
        result = done.get(rule.assessment)
        if result is None:
            continue
        assessment = index.assessments[rule.assessment]
        sides: list[Side] = []
        evidence: list[str] = []
        pairs: tuple[tuple[Side, SideResult | None], ...] = (
            ("left", result.left),
            ("right", result.right),
        )
        for side, side_result in pairs:
            if side_result is None:
                continue
            failed = _failed_parts(assessment, side_result)
            hits = failed if not rule.when else [p for p in failed if p in rule.when]
            if hits:
                sides.append(side)
                evidence += [f"{side}: {p}" for p in hits]
        if sides:
            finding = index.findings[rule.finding]
            findings.append(Finding(finding.id, finding.name, tuple(sides), tuple(evidence),
                                    Why(finding.description, rule.sources)))  # fmt: skip
    program = tuple(
        Item(
            ex.id,
            ex.name,
            ex.quality,
            ex.dose,
            ex.progression.when if ex.progression else "",
            Why(f.why.text, ex.sources),
        )
        for f in findings
        for ex in [index.exercises[index.findings[f.id].exercises[0]]]
    )
    not_done = tuple(a.id for a in catalog.assessments if a.id not in done)
    status: Literal["program", "maintenance"] = "program" if program else "maintenance"
    disclaimer = catalog.policy.disclaimer
    return Prescription(
        PRESCRIPTION_VERSION, status, tuple(findings), program, (), not_done, disclaimer
    )


def _failed_parts(assessment: Assessment, result: SideResult) -> list[str]:
    failed = [c.id for c in assessment.criteria if result.criteria.get(c.id) is False]
    for m in assessment.measures:
        value = result.measures.get(m.id)
        if value is not None and m.pass_when is not None and value.value < m.pass_when.value:
            failed.append(m.id)
    failed += list(result.compensations)
    if result.could_not_perform:
        failed.append("could_not_perform")
    return failed
