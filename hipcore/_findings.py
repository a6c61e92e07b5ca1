"""From failed sides to findings, through the catalog's rules.

A rule fires for a failed side when one of the side's failed parts is among the rule's
``when`` ids (any failed part, when ``when`` is empty). 'Could not perform' says nothing about
which part failed, so it fires the rules with no ``when``, the rules naming a measure (a mark
not reached) and, if none of the test's rules is of those kinds, every rule of the test.
A test that hurt on either side gives no findings: that line stops there.
"""

from __future__ import annotations

import typing
from collections.abc import Sequence
from dataclasses import dataclass

from hipcore._judge import Failure, JudgedSide, JudgedTest
from hipcore.catalog import Index
from hipcore.model import COULD_NOT_PERFORM, Assessment, Quality, Rule, Side, SourceRef, Words
from hipcore.prescription import (
    SIDE_KEYS,
    Asymmetry,
    Evidence,
    FindingReport,
    Severity,
    SideKey,
    Why,
)
from hipcore.words import fill, series

__all__ = ["QUALITY_RANK", "SEVERITY_RANK", "find_findings", "finding_words", "merge_sources"]

QUALITY_RANK: dict[Quality, int] = {q: i for i, q in enumerate(typing.get_args(Quality))}
"""The corrective hierarchy: mobility, then motor control, then strength, then the pattern (the
order of the model's ``Quality``)."""

_SEVERITIES: tuple[Severity, ...] = typing.get_args(Severity)
SEVERITY_RANK: dict[Severity, int] = {s: i for i, s in enumerate(_SEVERITIES)}


@dataclass
class _Hit:
    rules: list[Rule]
    failures: dict[tuple[str, SideKey, str], Failure]


def find_findings(
    tests: Sequence[JudgedTest], asymmetries: Sequence[Asymmetry], index: Index
) -> tuple[FindingReport, ...]:
    """Findings in hierarchy order (then the catalog's order), each with sides and evidence."""
    by_test = {t.assessment.id: t for t in tests}
    hits: dict[str, _Hit] = {}
    for rule in index.catalog.rules:
        test = by_test.get(rule.assessment)
        if test is None or test.painful:
            continue
        for side in test.sides:
            if side.outcome != "fail":
                continue
            matched = _matching(rule, side, test.assessment, index)
            if not matched:
                continue
            hit = hits.setdefault(rule.finding, _Hit([], {}))
            if rule not in hit.rules:
                hit.rules.append(rule)
            for failure in matched:
                hit.failures.setdefault((rule.assessment, side.side, failure.part), failure)
    reports = [_report(finding_id, hit, asymmetries, index) for finding_id, hit in hits.items()]
    position = {f.id: i for i, f in enumerate(index.catalog.findings)}
    reports.sort(key=lambda r: (QUALITY_RANK[r.quality], position[r.id]))
    return tuple(reports)


def _matching(rule: Rule, side: JudgedSide, assessment: Assessment, index: Index) -> list[Failure]:
    if not rule.when:
        return list(side.failures)
    matched = [f for f in side.failures if f.part in rule.when]
    if side.could_not_perform and _fires_on_could_not_perform(rule, assessment, index):
        matched += [f for f in side.failures if f.kind == COULD_NOT_PERFORM]
    return matched


def _fires_on_could_not_perform(rule: Rule, assessment: Assessment, index: Index) -> bool:
    measures = {m.id for m in assessment.measures}

    def direct(r: Rule) -> bool:
        return not r.when or bool(measures & set(r.when)) or COULD_NOT_PERFORM in r.when

    if direct(rule):
        return True
    return not any(direct(r) for r in index.rules_for(assessment.id))


def _report(
    finding_id: str, hit: _Hit, asymmetries: Sequence[Asymmetry], index: Index
) -> FindingReport:
    finding = index.findings[finding_id]
    ordered = sorted(
        hit.failures.items(),
        key=lambda kv: (index.assessment_position[kv[0][0]], SIDE_KEYS.index(kv[0][1])),
    )
    evidence = tuple(
        Evidence(assessment, side, part, failure.text)
        for (assessment, side, part), failure in ordered
    )
    sides = tuple(s for s in SIDE_KEYS if any(e.side == s for e in evidence))
    both = "left" in sides and "right" in sides
    cannot = {e.side for e in evidence if e.part == COULD_NOT_PERFORM}
    far = any(f.far for f in hit.failures.values())
    severity = _SEVERITIES[min(2, int(both) + int(bool(cannot)) + int(far))]
    worse: Side | None = None
    if sides == ("left",):
        worse = "left"
    elif sides == ("right",):
        worse = "right"
    elif both:
        tested = {e.assessment for e in evidence}
        weaker = [a.weaker_side for a in asymmetries if a.assessment in tested]
        if weaker:
            worse = weaker[0]
        elif cannot == {"left"}:
            worse = "left"
        elif cannot == {"right"}:
            worse = "right"
    sources = merge_sources(*(r.sources for r in hit.rules), finding.sources)
    return FindingReport(
        finding.id,
        finding.name,
        finding.quality,
        sides,
        severity,
        worse,
        evidence,
        Why(finding.description, sources),
        finding_words(finding.name, sides, severity, index.catalog.words),
    )


def finding_words(name: str, sides: Sequence[SideKey], severity: Severity, words: Words) -> str:
    """'Weak hip extension (both sides, moderate)': a finding, where and how marked."""
    names = words.names
    both = set(sides) >= {"left", "right"} or "both" in sides
    where = names.sides["both"] if both else series((names.sides[s] for s in sides), words.list_and)
    return fill(
        words.works_on_finding, finding=name, sides=where, severity=names.severities[severity]
    )


def merge_sources(*groups: Sequence[SourceRef]) -> tuple[SourceRef, ...]:
    """The references in order, each once."""
    out: list[SourceRef] = []
    for group in groups:
        for ref in group:
            if ref not in out:
                out.append(ref)
    return tuple(out)
