"""How the catalog's items point at each other, both ways, for links between pages.

Rules link an assessment to a finding; a finding lists its exercises; exercises point at their
regression and progression. The pages need each of these read forwards and backwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from hipcore.catalog import Index
from hipcore.model import (
    COULD_NOT_PERFORM,
    Assessment,
    Catalog,
    Exercise,
    Finding,
    Ladder,
    Rule,
    Source,
    SourceRef,
)
from site_plugins.render.paths import assessment_page, exercise_page

__all__ = ["Citation", "Decision", "Relations", "Trigger"]


@dataclass(frozen=True)
class Trigger:
    """One thing that makes a rule fire: a criterion, measure or compensation of a test."""

    id: str
    kind: str
    """'criterion', 'measure', 'compensation' or 'outcome' (one every test has)."""
    label: str


@dataclass(frozen=True)
class Decision:
    """A rule read in full: this test fails (in this way) -> this finding -> these exercises."""

    rule: Rule
    assessment: Assessment
    finding: Finding
    triggers: tuple[Trigger, ...]
    """Empty: any fail of the test fires the rule."""
    exercises: tuple[Exercise, ...]


@dataclass(frozen=True)
class Citation:
    """Where a source is cited: one item on one page, and the sections of the source it uses."""

    page: str
    """Docs path of the page, e.g. 'exercises/hip-bridge.md'."""
    title: str
    sections: tuple[str, ...]


@dataclass(frozen=True)
class Relations:
    catalog: Catalog

    @cached_property
    def index(self) -> Index:
        return Index(self.catalog)

    @cached_property
    def decisions(self) -> tuple[Decision, ...]:
        """Every rule, in the order of the tests, then as the rules file lists them."""
        order = {a.id: i for i, a in enumerate(self.catalog.assessments)}
        rules = sorted(self.catalog.rules, key=lambda r: order.get(r.assessment, len(order)))
        return tuple(self._decision(rule) for rule in rules)

    def _decision(self, rule: Rule) -> Decision:
        assessment = self.index.assessments[rule.assessment]
        finding = self.index.findings[rule.finding]
        parts = {
            **{c.id: Trigger(c.id, "criterion", c.label) for c in assessment.criteria},
            **{m.id: Trigger(m.id, "measure", m.label) for m in assessment.measures},
            **{c.id: Trigger(c.id, "compensation", c.label) for c in assessment.compensations},
        }
        outcomes = {  # every test has them, beside its own criteria, measures and faults
            COULD_NOT_PERFORM: self.catalog.words.decisions.could_not_perform,
        }
        triggers = tuple(
            parts.get(w) or Trigger(w, "outcome", outcomes.get(w, w)) for w in rule.when
        )
        exercises = tuple(self.index.exercises[e] for e in finding.exercises)
        return Decision(rule, assessment, finding, triggers, exercises)

    def decisions_for(self, assessment: Assessment) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.assessment.id == assessment.id)

    def finding_ids_for(self, assessment: Assessment) -> tuple[str, ...]:
        return _unique(d.finding.id for d in self.decisions_for(assessment))

    def exercises_for(self, assessment: Assessment) -> tuple[Exercise, ...]:
        """The exercises a fail of this test leads to, in rule then finding order, once each."""
        return _unique(e for d in self.decisions_for(assessment) for e in d.exercises)

    def findings_calling(self, exercise: Exercise) -> tuple[Finding, ...]:
        return tuple(f for f in self.catalog.findings if exercise.id in f.exercises)

    def assessments_calling(self, exercise: Exercise) -> tuple[Assessment, ...]:
        """Tests whose fail leads to this exercise, in the order of the tests."""
        findings = {f.id for f in self.findings_calling(exercise)}
        return _unique(d.assessment for d in self.decisions if d.finding.id in findings)

    def ladder(self, exercise: Exercise) -> tuple[Exercise, ...]:
        """The exercise's ladder, easiest first: its regressions, itself, its progressions."""
        seen = {exercise.id}
        down = self._rungs(exercise, "regression", seen)
        up = self._rungs(exercise, "progression", seen)
        return (*reversed(down), exercise, *up)

    def _rungs(self, exercise: Exercise, field: str, seen: set[str]) -> list[Exercise]:
        rungs: list[Exercise] = []
        step: Ladder | None = getattr(exercise, field)
        while step is not None and step.exercise not in seen:
            seen.add(step.exercise)
            rungs.append(self.index.exercises[step.exercise])
            step = getattr(rungs[-1], field)
        return rungs

    @cached_property
    def maintenance(self) -> tuple[Exercise, ...]:
        """The program for an all-pass result."""
        return tuple(self.index.exercises[u.exercise] for u in self.catalog.policy.maintenance)

    def is_maintenance(self, exercise: Exercise) -> bool:
        return any(u.exercise == exercise.id for u in self.catalog.policy.maintenance)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.catalog.sources if s.id == source_id)

    @cached_property
    def citations(self) -> dict[str, tuple[Citation, ...]]:
        """Source id -> the items citing it, one entry per (page, item), in page order."""
        cited: dict[str, dict[tuple[str, str], list[str]]] = {
            s.id: {} for s in self.catalog.sources
        }

        def add(page: str, title: str, refs: tuple[SourceRef, ...]) -> None:
            for ref in refs:
                sections = cited.setdefault(ref.source, {}).setdefault((page, title), [])
                if ref.section not in sections:
                    sections.append(ref.section)

        for section in self.catalog.sections:
            add("article.md", section.title, section.sources)
            for note in section.notes:
                add("article.md", f"{section.title} (evidence note)", note.sources)
        for a in self.catalog.assessments:
            add(assessment_page(a.id), a.name, a.sources)
            for norm in a.norms:
                add(assessment_page(a.id), f"{a.name} (norms)", norm.sources)
        for ex in self.catalog.exercises:
            add(exercise_page(ex.id), ex.name, ex.sources)
        for flag in self.catalog.red_flags:
            add("self-assessment.md", "Self-assessment: before you start", flag.sources)
        for decision in self.decisions:
            add("self-assessment.md", "Self-assessment: decision table", decision.rule.sources)
            add("self-assessment.md", "Self-assessment: decision table", decision.finding.sources)
        add("self-assessment.md", "Self-assessment: your program", self.catalog.policy.sources)
        return {
            source: tuple(
                Citation(page, title, tuple(sections)) for (page, title), sections in by.items()
            )
            for source, by in cited.items()
        }


T = TypeVar("T")


def _unique(items: Iterable[T]) -> tuple[T, ...]:
    return tuple(dict.fromkeys(items))
