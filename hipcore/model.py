"""The content model: the one definition of everything the guide and the engine know.

Content files in ``content/`` are validated against these dataclasses at build time (pydantic,
through a ``TypeAdapter``) and compiled into a JSON catalog; the engine reads that catalog back
into the very same dataclasses with ``hipcore.catalog.load_catalog``. Every item carries its
``origin`` (the article, or the domain notes written for this project) and ``sources``.

Field documentation is the string under each field; the JSON Schema for editors is generated
from these classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from hipcore._constraints import Length, Pattern, Range

__all__ = [
    "Assessment",
    "Catalog",
    "Compensation",
    "Criterion",
    "Dose",
    "Equipment",
    "EvidenceNote",
    "Exercise",
    "Finding",
    "Id",
    "Ladder",
    "Measure",
    "Norm",
    "Origin",
    "Policy",
    "Quality",
    "RedFlag",
    "Region",
    "Rule",
    "Section",
    "Side",
    "Source",
    "SourceRef",
    "Text",
    "Threshold",
    "Unit",
]

Id = Annotated[
    str, Pattern(r"^[a-z][a-z0-9_]*$", "a lower-case id such as 'hip_bridge' (a-z, 0-9, _)")
]
"""A stable identifier, used in file names, URLs, rules and saved results."""

Text = Annotated[str, Length(1)]
"""Non-empty text. Markdown is allowed where a field says so."""

Side = Literal["left", "right"]
Quality = Literal["mobility", "motor_control", "strength", "pattern"]
"""The corrective hierarchy, in the order a program works through it."""

Region = Literal["lumbar", "hip_front", "hip_back", "hip_side", "thigh_front", "knee"]
"""Body regions, used to keep loading exercises away from a region that hurt during a test."""

Origin = Literal["article", "domain_notes"]
"""Where the words come from: the article verbatim, or written from the domain notes."""

Unit = Literal["s", "deg", "cm", "in"]
Comparator = Literal[">=", "<=", ">", "<"]
Equipment = Literal[
    "mat", "bench", "exercise_ball", "kettlebell", "barbell", "dumbbell", "stick", "band",
    "cable", "chair", "ruler",
]  # fmt: skip
Load = Literal["stretch", "low_load", "loaded"]
"""How much an exercise loads its regions: stretches and low-load motor control, or strength."""


@dataclass(frozen=True)
class SourceRef:
    """Where an item's claim comes from."""

    source: Id
    """Id of a ``Source`` (``article`` or ``domain_notes`` or a publication)."""
    section: Text
    """The heading in that source, e.g. 'Hip Extension Strength' or 'Safety, in this order'."""
    quote: str = ""
    """The sentence the item rests on, verbatim, where there is one."""


Sources = Annotated[tuple[SourceRef, ...], Length(1)]
"""At least one source reference: every item says what it rests on."""


@dataclass(frozen=True)
class Source:
    """A document the content rests on."""

    id: Id
    title: Text
    kind: Literal["article", "domain_notes", "publication"]
    author: str = ""
    citation: str = ""
    """A full reference for publications."""


@dataclass(frozen=True)
class EvidenceNote:
    """A short, sourced note where the evidence differs from or adds to the article."""

    text: Text
    sources: Sources


@dataclass(frozen=True)
class Section:
    """A section of the article's teaching, rendered in order on the article page."""

    id: Id
    title: Text
    order: Annotated[int, Range(ge=0)]
    paragraphs: Annotated[tuple[Text, ...], Length(1)]
    """The author's words, verbatim (Markdown)."""
    origin: Origin
    sources: Sources
    notes: tuple[EvidenceNote, ...] = ()


@dataclass(frozen=True)
class RedFlag:
    """A pre-screen question asked before any test. Any 'yes' means no program, see a clinician."""

    id: Id
    question: Text
    reason: Text
    """Why a 'yes' needs a clinician, told to the runner."""
    sources: Sources
    urgent: bool = False
    """Time-critical (e.g. a possible stress fracture): see a clinician now, stop running."""


@dataclass(frozen=True)
class Criterion:
    """A pass/fail check answered yes or no; 'yes' passes."""

    id: Id
    label: Text
    """The question as put to the runner, e.g. 'Did your back stay flat on the floor?'."""


@dataclass(frozen=True)
class Threshold:
    """A pass mark for a measured value."""

    comparator: Comparator
    value: float
    unit: Unit


@dataclass(frozen=True)
class Measure:
    """A measured value entered per side, with its unit and plausible range."""

    id: Id
    label: Text
    unit: Unit
    """The unit the range and the pass mark are stated in."""
    minimum: float
    maximum: float
    """Values outside [minimum, maximum] (after unit conversion) are rejected as implausible."""
    units: tuple[Unit, ...] = ()
    """Other units a runner may enter (e.g. 'in' beside 'cm'); converted before judging."""
    pass_when: Threshold | None = None
    """The article's pass mark; None for a value recorded as context only."""
    required: bool = True


@dataclass(frozen=True)
class Compensation:
    """A fault to watch for. Any one seen fails the test, even when the time is reached."""

    id: Id
    label: Text
    """In the words of the protocol, e.g. 'Trunk rotates'."""
    looks_like: Text
    """What the runner (or a partner) sees."""


@dataclass(frozen=True)
class Norm:
    """A published norm, shown as context only: never used to judge."""

    text: Text
    sources: Sources


@dataclass(frozen=True)
class Assessment:
    """A self-assessment protocol from the article."""

    id: Id
    order: Annotated[int, Range(ge=0)]
    """Position in the article's sequence of tests."""
    name: Text
    clinical_name: Text
    category: Text
    """The article's heading it sits under, e.g. 'Hip Extension Strength'."""
    quality: Quality
    region: Region
    """Where pain during this test is felt; loading exercises for it are withheld."""
    sided: bool
    """Tested on each side (left and right) separately."""
    purpose: Text
    setup: Annotated[tuple[Text, ...], Length(1)]
    steps: Annotated[tuple[Text, ...], Length(1)]
    pass_summary: Text
    fail_meaning: Text
    origin: Origin
    sources: Sources
    criteria: tuple[Criterion, ...] = ()
    measures: tuple[Measure, ...] = ()
    compensations: tuple[Compensation, ...] = ()
    discomfort_note: str = ""
    """How stretch discomfort differs from pain for this test."""
    progress_check: str = ""
    """How this test serves as a progress check, when it does."""
    norms: tuple[Norm, ...] = ()


@dataclass(frozen=True)
class Finding:
    """What a failed test indicates, and the exercises that address it."""

    id: Id
    name: Text
    quality: Quality
    region: Region
    description: Text
    exercises: Annotated[tuple[Id, ...], Length(1)]
    """Exercise ids, most important first; each is the starting rung of its ladder."""
    sources: Sources


@dataclass(frozen=True)
class Rule:
    """Links an assessment outcome to a finding. Rules are data; the engine only reads them."""

    id: Id
    assessment: Id
    finding: Id
    sources: Sources
    when: tuple[Id, ...] = ()
    """Criterion, measure or compensation ids whose failure triggers the rule; empty: any fail."""


@dataclass(frozen=True)
class Dose:
    """How much of an exercise: exactly one of ``reps`` and ``hold_seconds``."""

    sets: Annotated[int, Range(ge=1, le=10)]
    rest_seconds: Annotated[int, Range(ge=0, le=600)]
    sessions_per_week: Annotated[int, Range(ge=1, le=14)]
    reps: Annotated[int, Range(ge=1, le=50)] | None = None
    hold_seconds: Annotated[int, Range(ge=1, le=300)] | None = None
    per_side: bool = True
    note: str = ""


@dataclass(frozen=True)
class Ladder:
    """A neighbouring rung (easier or harder) and the criterion to move to it."""

    exercise: Id
    when: Text


@dataclass(frozen=True)
class Exercise:
    """A corrective exercise."""

    id: Id
    name: Text
    quality: Quality
    load: Load
    regions: Annotated[tuple[Region, ...], Length(1)]
    """Regions the exercise loads or stretches."""
    purpose: Text
    steps: Annotated[tuple[Text, ...], Length(1)]
    cues: tuple[Text, ...]
    faults: tuple[Text, ...]
    """Common faults to avoid."""
    muscles: Annotated[tuple[Text, ...], Length(1)]
    dose: Dose
    origin: Origin
    sources: Sources
    equipment: tuple[Equipment, ...] = ()
    sided: bool = True
    regression: Ladder | None = None
    progression: Ladder | None = None


@dataclass(frozen=True)
class Policy:
    """Program-wide numbers, stated once in the content with their sources."""

    asymmetry_index_below: Annotated[float, Range(ge=50, le=100)]
    """Limb symmetry index (weaker / stronger x 100) below which sides differ meaningfully."""
    session_min_exercises: Annotated[int, Range(ge=1, le=10)]
    session_max_exercises: Annotated[int, Range(ge=1, le=12)]
    rescreen_weeks_min: Annotated[int, Range(ge=1, le=26)]
    rescreen_weeks_max: Annotated[int, Range(ge=1, le=26)]
    maintenance: Annotated[tuple[Id, ...], Length(1)]
    """Exercises for an all-pass result."""
    disclaimer: Text
    sources: Sources


@dataclass(frozen=True)
class Catalog:
    """Everything the engine and the site need, compiled from ``content/`` by the build."""

    version: int
    policy: Policy
    sources: tuple[Source, ...]
    sections: tuple[Section, ...]
    red_flags: tuple[RedFlag, ...]
    assessments: tuple[Assessment, ...]
    findings: tuple[Finding, ...]
    rules: tuple[Rule, ...]
    exercises: tuple[Exercise, ...]
