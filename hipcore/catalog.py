"""Loading the compiled content catalog, and the cross-reference checks that keep it whole.

The build compiles ``content/`` into ``catalog.json``; a copy ships inside this package so the
CLI and the browser engine work with no other files.
"""

from __future__ import annotations

import difflib
import json
import pkgutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from hipcore._decode import decode
from hipcore.errors import FieldPath, InvalidDocument, Problem
from hipcore.model import COULD_NOT_PERFORM, Assessment, Catalog, Exercise, Finding, Rule
from hipcore.results import RESULTS_VERSION
from hipcore.words import missing_words, template_problems

__all__ = [
    "CATALOG_VERSION",
    "Index",
    "check_references",
    "default_catalog",
    "index_for",
    "load_catalog",
    "packaged_catalog_json",
]

CATALOG_VERSION = 5
"""2: pain rules and words; upkeep entries; criteria that stand in for a measure. 3: the sides
named once (`names.sides`; evidence words no longer name them). 4: the widget's `less_than`
(a typed value below a measure's minimum, whatever the minimum) replaces `enter_zero_or_more`.
5: an exercise's `optional_equipment`; the words `number_range` and `dose.holds`; `worse_side`
fills in `{work}` and `{other}`."""


def load_catalog(data: str | bytes | dict[str, object]) -> Catalog:
    """Decode and check a catalog; raises ``InvalidDocument`` listing every problem."""
    raw = json.loads(data) if isinstance(data, str | bytes) else data
    catalog, problems = decode(Catalog, raw)
    if catalog is None:
        raise InvalidDocument(problems)
    problems = check_references(catalog)
    if catalog.version != CATALOG_VERSION:
        message = f"is {catalog.version}, but this engine reads catalogs of {CATALOG_VERSION}"
        problems.append(Problem(("version",), message))
    if catalog.results_version != RESULTS_VERSION:
        message = (
            f"is {catalog.results_version}, but this engine reads results of version "
            f"{RESULTS_VERSION}"
        )
        problems.append(Problem(("results_version",), message))
    if problems:
        raise InvalidDocument(problems)
    return catalog


_default: Catalog | None = None


def packaged_catalog_json() -> bytes:
    """The bytes of the catalog packaged with hipcore (``hipcore/data/catalog.json``).

    Read through the package's loader (``pkgutil``), not ``importlib.resources``, which imports
    ``pathlib``, ``zipfile``, ``tempfile`` and 20 more modules the engine never uses: in the
    browser every imported module stays in the start-up snapshot a runner downloads.
    """
    data = pkgutil.get_data("hipcore", "data/catalog.json")
    if data is None:  # a loader that cannot read package data
        raise FileNotFoundError("hipcore/data/catalog.json cannot be read from the package")
    return data


def default_catalog() -> Catalog:
    """The catalog packaged with hipcore (``hipcore/data/catalog.json``)."""
    global _default  # noqa: PLW0603 - loaded once, read-only afterwards
    if _default is None:
        _default = load_catalog(packaged_catalog_json())
    return _default


@dataclass(frozen=True)
class Index:
    """Catalog items by id."""

    catalog: Catalog

    @cached_property
    def assessments(self) -> dict[str, Assessment]:
        return {a.id: a for a in self.catalog.assessments}

    @cached_property
    def findings(self) -> dict[str, Finding]:
        return {f.id: f for f in self.catalog.findings}

    @cached_property
    def exercises(self) -> dict[str, Exercise]:
        return {e.id: e for e in self.catalog.exercises}

    @cached_property
    def assessment_position(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.catalog.assessments)}

    @cached_property
    def _rules_by_assessment(self) -> dict[str, tuple[Rule, ...]]:
        return {
            a.id: tuple(r for r in self.catalog.rules if r.assessment == a.id)
            for a in self.catalog.assessments
        }

    def rules_for(self, assessment: str) -> tuple[Rule, ...]:
        """The rules of one assessment, in the catalog's order."""
        return self._rules_by_assessment.get(assessment, ())

    def ladder(self, exercise: str) -> tuple[str, ...]:
        """Every rung of the exercise's ladder, easiest first (the catalog has no loops)."""
        down: list[str] = []
        seen = {exercise}
        step = self.exercises[exercise].regression
        while step is not None and step.exercise in self.exercises and step.exercise not in seen:
            seen.add(step.exercise)
            down.insert(0, step.exercise)
            step = self.exercises[step.exercise].regression
        up: list[str] = []
        step = self.exercises[exercise].progression
        while step is not None and step.exercise in self.exercises and step.exercise not in seen:
            seen.add(step.exercise)
            up.append(step.exercise)
            step = self.exercises[step.exercise].progression
        return (*down, exercise, *up)


_indexes: dict[int, Index] = {}


def index_for(catalog: Catalog) -> Index:
    """The index of a catalog, built once per catalog object (a few are kept)."""
    index = _indexes.get(id(catalog))
    if index is None or index.catalog is not catalog:
        if len(_indexes) >= 8:
            _indexes.clear()
        index = _indexes[id(catalog)] = Index(catalog)
    return index


def check_references(catalog: Catalog) -> list[Problem]:
    """Every check a single file cannot make on its own.

    Paths start with the kind and the item's id, e.g. ``('rules', 'bridge_weak', 'finding')``,
    so the build can point at the file that holds the item.
    """
    check = _Checker()
    check.problems += _duplicates(catalog)
    sources = {s.id for s in catalog.sources}
    assessments = {a.id: a for a in catalog.assessments}
    findings = {f.id for f in catalog.findings}
    exercises = {e.id: e for e in catalog.exercises}

    for kind, items in _sourced(catalog):
        for item_id, refs in items:
            for i, ref in enumerate(refs):
                check.known((kind, item_id, "sources", i, "source"), ref, sources, "the source")

    for rule in catalog.rules:
        check.known(("rules", rule.id, "finding"), rule.finding, findings, "the finding")
        assessment = assessments.get(rule.assessment)
        if assessment is None:
            path: FieldPath = ("rules", rule.id, "assessment")
            check.known(path, rule.assessment, assessments, "the assessment")
            continue
        parts = {c.id for c in assessment.criteria} | {m.id for m in assessment.measures}
        parts |= {c.id for c in assessment.compensations} | {COULD_NOT_PERFORM}
        what = f"the criterion, measure or compensation (or could_not_perform) of '{assessment.id}'"
        for i, part in enumerate(rule.when):
            check.known(("rules", rule.id, "when", i), part, parts, what)

    for finding in catalog.findings:
        for i, ex_id in enumerate(finding.exercises):
            check.known(("findings", finding.id, "exercises", i), ex_id, exercises, "the exercise")
    policy = catalog.policy
    for i, upkeep in enumerate(policy.maintenance):
        at: FieldPath = ("policy", "policy", "maintenance", i)
        check.known((*at, "exercise"), upkeep.exercise, exercises, "the exercise")
        for j, kept in enumerate(upkeep.keeps):
            check.known((*at, "keeps", j), kept, assessments, "the assessment")
        for j, cited in enumerate(upkeep.sources):
            check.known((*at, "sources", j, "source"), cited.source, sources, "the source")
    _check_pain(catalog, check)
    found = template_problems(catalog.words) + missing_words(catalog.words)
    check.problems += [p.under("words", "words") for p in found]
    if policy.session_min_exercises > policy.session_max_exercises:
        check.add(("policy", "policy", "session_min_exercises"), "must not be more than the max")
    if policy.rescreen_weeks_min > policy.rescreen_weeks_max:
        check.add(("policy", "policy", "rescreen_weeks_min"), "must not be more than the max")

    for ex in catalog.exercises:
        for i, item in enumerate(ex.optional_equipment):
            if item in ex.equipment:
                check.add(
                    ("exercises", ex.id, "optional_equipment", i),
                    f"'{item}' is also in 'equipment': a piece is either needed or optional",
                )
        if (ex.dose.reps is None) == (ex.dose.hold_seconds is None):
            check.add(
                ("exercises", ex.id, "dose"), "needs exactly one of 'reps' and 'hold_seconds'"
            )
        for field, step in (("regression", ex.regression), ("progression", ex.progression)):
            if step is None:
                continue
            path = ("exercises", ex.id, field, "exercise")
            check.known(path, step.exercise, exercises, "the exercise")
            if step.exercise == ex.id:
                check.add(path, "names the exercise itself")
    check.problems += _ladder_cycles(exercises)

    for a in catalog.assessments:
        for i, m in enumerate(a.measures):
            where: FieldPath = ("assessments", a.id, "measures", i)
            if m.minimum >= m.maximum:
                check.add((*where, "maximum"), "must be greater than 'minimum'")
            if m.pass_when is not None and m.pass_when.unit not in (m.unit, *m.units):
                check.add(
                    (*where, "pass_when", "unit"),
                    f"'{m.pass_when.unit}' is not a unit of this measure",
                )
        measure_ids = {m.id for m in a.measures}
        for i, c in enumerate(a.criteria):
            if c.instead_of is not None and c.instead_of not in measure_ids:
                check.known(
                    ("assessments", a.id, "criteria", i, "instead_of"),
                    c.instead_of,
                    measure_ids,
                    f"a measure of '{a.id}'",
                )
        if a.sided and not a.side_convention:
            check.add(
                ("assessments", a.id, "side_convention"),
                "is needed for a one-sided test: say which side is the left one",
            )
        if not (a.criteria or a.measures or a.compensations):
            check.add(
                ("assessments", a.id), "needs at least one criterion, measure or compensation"
            )
    return check.problems


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: FieldPath, message: str) -> None:
        self.problems.append(Problem(path, message))

    def known(self, path: FieldPath, ref: str, pool: Iterable[str], what: str) -> None:
        if ref not in pool:
            message = f"names {what} '{ref}', which does not exist"
            guess = difflib.get_close_matches(ref, list(pool), n=1)
            self.add(path, f"{message}; did you mean '{guess[0]}'?" if guess else message)


def _check_pain(catalog: Catalog, check: _Checker) -> None:
    pain = catalog.pain
    sites = {s.id for s in pain.sites}
    movements = {m.id for m in pain.movements}
    flags = {f.id for f in catalog.red_flags}
    for a in catalog.assessments:
        for i, site in enumerate(a.pain_sites):
            check.known(("assessments", a.id, "pain_sites", i), site, sites, "the pain site")
        for i, move in enumerate(a.movements):
            check.known(("assessments", a.id, "movements", i), move, movements, "the movement")
    for ex in catalog.exercises:
        for i, move in enumerate(ex.movements):
            check.known(("exercises", ex.id, "movements", i), move, movements, "the movement")
    for i, rule in enumerate(pain.urgent):
        where: FieldPath = ("pain", "pain", "urgent", i)
        for j, site in enumerate(rule.sites):
            check.known((*where, "sites", j), site, sites, "the pain site")
        for j, move in enumerate(rule.movements):
            check.known((*where, "movements", j), move, movements, "the movement")
        check.known((*where, "red_flag"), rule.red_flag, flags, "the pre-screen question")
    if pain.progress_at_most > pain.ease_off_above:
        check.add(("pain", "pain", "progress_at_most"), "must not be more than 'ease_off_above'")


def _sourced(catalog: Catalog) -> Iterable[tuple[str, list[tuple[str, list[str]]]]]:
    def refs(items: Iterable[Any]) -> list[tuple[str, list[str]]]:
        return [(getattr(i, "id", "policy"), [r.source for r in i.sources]) for i in items]

    yield "sections", refs(catalog.sections)
    yield "red_flags", refs(catalog.red_flags)
    yield "assessments", refs(catalog.assessments)
    yield "findings", refs(catalog.findings)
    yield "rules", refs(catalog.rules)
    yield "exercises", refs(catalog.exercises)
    yield "policy", refs([catalog.policy])
    yield "pain", [("pain", [r.source for r in catalog.pain.sources])]
    yield "words", [("words", [r.source for r in catalog.words.sources])]


def _duplicates(catalog: Catalog) -> list[Problem]:
    problems = []
    for kind in (
        "sources",
        "sections",
        "red_flags",
        "assessments",
        "findings",
        "rules",
        "exercises",
    ):
        counts = Counter(item.id for item in getattr(catalog, kind))
        for item_id, n in sorted(counts.items()):
            if n > 1:
                problems.append(
                    Problem((kind, item_id, "id"), f"the id '{item_id}' is used {n} times")
                )
    return problems


def _ladder_cycles(exercises: dict[str, Exercise]) -> list[Problem]:
    problems = []
    for field in ("progression", "regression"):
        reported: set[str] = set()
        for start in sorted(exercises):
            seen = [start]
            step = getattr(exercises[start], field)
            # An exercise naming itself is reported as such, not also as a loop.
            while step is not None and step.exercise in exercises and step.exercise != seen[-1]:
                if step.exercise in seen:
                    cycle = [*seen[seen.index(step.exercise) :], step.exercise]
                    if not reported & set(cycle):
                        reported |= set(cycle)
                        loop = " -> ".join(cycle)
                        path = ("exercises", start, field, "exercise")
                        problems.append(Problem(path, f"the {field}s form a loop: {loop}"))
                    break
                seen.append(step.exercise)
                step = getattr(exercises[step.exercise], field)
    return problems
