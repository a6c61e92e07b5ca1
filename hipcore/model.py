"""The content model: the one definition of everything the guide and the engine know.

Content files in ``content/`` are validated against these dataclasses at build time (pydantic,
through a ``TypeAdapter``) and compiled into a JSON catalog; the engine reads that catalog back
into the very same dataclasses with ``hipcore.catalog.load_catalog``. Every item carries its
``origin`` (the article, or the domain notes written for this project) and ``sources``.

Field documentation is the string under each field; the JSON Schema for editors is generated
from these classes.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Annotated, Literal

from hipcore.constraints import Length, Pattern, Range

__all__ = [
    "COULD_NOT_PERFORM",
    "SIDES",
    "Assessment",
    "Catalog",
    "Compensation",
    "Criterion",
    "DecisionWords",
    "Dose",
    "DoseWords",
    "Equipment",
    "EvidenceNote",
    "EvidenceWords",
    "Exercise",
    "Finding",
    "FormWords",
    "Headlines",
    "Id",
    "Ladder",
    "Measure",
    "Movement",
    "Names",
    "Norm",
    "Origin",
    "PainRules",
    "PainSite",
    "Plural",
    "Policy",
    "Quality",
    "RedFlag",
    "Region",
    "RegionWords",
    "Rule",
    "Section",
    "Severity",
    "Side",
    "SideKey",
    "Source",
    "SourceRef",
    "Text",
    "Threshold",
    "Titles",
    "Unit",
    "Upkeep",
    "UrgentPain",
    "WidgetWords",
    "Words",
]

Id = Annotated[
    str, Pattern(r"^[a-z][a-z0-9_]*$", "a lower-case id such as 'hip_bridge' (a-z, 0-9, _)")
]
"""A stable identifier, used in file names, URLs, rules and saved results."""

_BLANK = r"\s\u200b-\u200d\u2060\ufeff"
"""Spaces and the invisible characters that print as nothing (zero-width space and joiners)."""
Text = Annotated[
    str, Length(1), Pattern(rf"^[{_BLANK}]*[^{_BLANK}][\s\S]*$", "text, not only spaces")
]
"""Non-empty text with something to read (anchored, so the JSON Schemas' pattern means the
same). Markdown is allowed where a field says so."""

Amount = Annotated[float, Range(ge=-360, le=3600)]
"""A measured amount in its unit: finite, from -360 (degrees) to 3600 (an hour, in seconds)."""

Side = Literal["left", "right"]
SIDES: tuple[Side, ...] = typing.get_args(Side)
"""The sides, in the order they are tested and reported."""
SideKey = Literal["left", "right", "both"]
"""A side of a one-sided test, or ``both`` for a test done once (or a finding on both sides)."""
Severity = Literal["mild", "moderate", "marked"]
"""How marked a finding is, mildest first."""
Quality = Literal["mobility", "motor_control", "strength", "pattern"]
"""The corrective hierarchy, in the order a program works through it."""

Region = Literal["lumbar", "hip_front", "hip_back", "hip_side", "thigh_front", "knee"]
"""Body regions, used to keep loading exercises away from a region that hurt during a test."""

Origin = Literal["article", "domain_notes"]
"""Where the words come from: the article verbatim, or written from the domain notes."""

COULD_NOT_PERFORM = "could_not_perform"
"""The part of a side that fails when the runner could not perform the test; rules may name it
in ``when`` beside criterion, measure and compensation ids."""

Unit = Literal["s", "deg", "cm", "in"]
"""Seconds, degrees, centimetres, inches."""
Comparator = Literal[">=", "<=", ">", "<"]
"""How a value passes its mark: at least, at most, more than, less than."""
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
    """The id other items use to cite it, e.g. 'article', 'domain_notes', 'mcgill_1999'."""
    title: Text
    """The document's title."""
    kind: Literal["article", "domain_notes", "publication"]
    """'article', 'domain_notes' (the notes written for this project) or 'publication'."""
    author: str = ""
    """Who wrote it."""
    citation: str = ""
    """A full reference for publications."""


@dataclass(frozen=True)
class EvidenceNote:
    """A short, sourced note where the evidence differs from or adds to the article."""

    text: Text
    """The note, in plain words (Markdown)."""
    sources: Sources
    """Where the note's evidence comes from."""


@dataclass(frozen=True)
class Section:
    """A section of the article's teaching, rendered in order on the article page."""

    id: Id
    """A lower-case id, e.g. 'hip_extension'; used in links to the section."""
    title: Text
    """The section heading."""
    order: Annotated[int, Range(ge=0)]
    """Position on the article page, from 0."""
    paragraphs: Annotated[tuple[Text, ...], Length(1)]
    """The author's words, verbatim (Markdown)."""
    origin: Origin
    """'article' for the author's words, 'domain_notes' for text written from the notes."""
    sources: Sources
    """What the section rests on."""
    notes: tuple[EvidenceNote, ...] = ()
    """Sourced notes where the evidence differs from or adds to the article."""


@dataclass(frozen=True)
class RedFlag:
    """A pre-screen question asked before any test. Any 'yes' means no program, see a clinician."""

    id: Id
    """A lower-case id, e.g. 'night_pain'; saved with a runner's answers."""
    question: Text
    """The yes/no question put to the runner."""
    reason: Text
    """Why a 'yes' needs a clinician, told to the runner."""
    sources: Sources
    """What the question rests on."""
    urgent: bool = False
    """Time-critical (e.g. a possible stress fracture): see a clinician now, stop running."""


@dataclass(frozen=True)
class Criterion:
    """A pass/fail check answered yes or no; 'yes' passes."""

    id: Id
    """A lower-case id, unique within the assessment; rules name it in 'when'."""
    label: Text
    """The question as put to the runner, e.g. 'Did your back stay flat on the floor?'."""
    instead_of: Id | None = None
    """A measure of the same test this yes/no may stand in for, for a runner who cannot measure
    it (e.g. 'Did your knee reach 45°?' for the knee-opening angle). A side needs one of the two;
    when both are given they must agree."""


@dataclass(frozen=True)
class Threshold:
    """A pass mark for a measured value."""

    comparator: Comparator
    """How a value passes: '>=', '<=', '>' or '<' the pass mark."""
    value: Amount
    """The pass mark, in 'unit'."""
    unit: Unit
    """'s' (seconds), 'deg' (degrees), 'cm' or 'in' (inches)."""


@dataclass(frozen=True)
class Measure:
    """A measured value entered per side, with its unit and plausible range."""

    id: Id
    """A lower-case id, unique within the assessment; rules name it in 'when'."""
    label: Text
    """What the runner measures, e.g. 'Seconds held with the pelvis level'."""
    unit: Unit
    """The unit the range and the pass mark are stated in."""
    minimum: Amount
    """The smallest plausible value, in 'unit'."""
    maximum: Amount
    """Values outside [minimum, maximum] (after unit conversion) are rejected as implausible."""
    units: tuple[Unit, ...] = ()
    """Other units a runner may enter (e.g. 'in' beside 'cm'); converted before judging."""
    pass_when: Threshold | None = None
    """The article's pass mark; None for a value recorded as context only."""
    required: bool = True
    """The runner must enter it (false: optional)."""
    compare_sides: bool = True
    """Whether a limb symmetry index (weaker / stronger) means something for this value: it
    does for seconds held or degrees, not for a gap that is 0 when the range is full."""


@dataclass(frozen=True)
class Compensation:
    """A fault to watch for. Any one seen fails the test, even when the time is reached."""

    id: Id
    """A lower-case id, unique within the assessment; rules name it in 'when'."""
    label: Text
    """In the words of the protocol, e.g. 'Trunk rotates'."""
    looks_like: Text
    """What the runner (or a partner) sees."""


@dataclass(frozen=True)
class Norm:
    """A published norm, shown as context only: never used to judge."""

    text: Text
    """The norm in plain words, e.g. 'mean hold 64-65 s in one normative study'."""
    sources: Sources
    """The publication the norm comes from."""


@dataclass(frozen=True)
class Assessment:
    """A self-assessment protocol from the article."""

    id: Id
    """A lower-case id; must equal the file name (e.g. 'quad_length' in quad_length.yaml)."""
    order: Annotated[int, Range(ge=0)]
    """Position in the article's sequence of tests."""
    name: Text
    """The test's name as the article gives it, e.g. 'Single Leg Hip Bridge'."""
    clinical_name: Text
    """The name a clinician knows it by, e.g. 'Single-leg bridge hold'."""
    category: Text
    """The article's heading it sits under, e.g. 'Hip Extension Strength'."""
    quality: Quality
    """What the test checks: 'mobility', 'motor_control', 'strength' or 'pattern'."""
    region: Region
    """Where pain during this test is felt; loading exercises for it are withheld."""
    sided: bool
    """Tested on each side (left and right) separately."""
    purpose: Text
    """One sentence: what the test tells the runner."""
    setup: Annotated[tuple[Text, ...], Length(1)]
    """How to get into position, one item per step."""
    steps: Annotated[tuple[Text, ...], Length(1)]
    """The protocol, one item per step, in order."""
    pass_summary: Text
    """What a pass looks like, in the article's words."""
    fail_meaning: Text
    """What a failed result means."""
    origin: Origin
    """'article' for the author's protocol, 'domain_notes' when written from the notes."""
    sources: Sources
    """What the protocol rests on."""
    criteria: tuple[Criterion, ...] = ()
    """Yes/no checks; 'yes' passes."""
    measures: tuple[Measure, ...] = ()
    """Values measured per side (seconds, degrees, cm or in) with their pass marks."""
    compensations: tuple[Compensation, ...] = ()
    """Faults to watch for; any one seen fails the test."""
    discomfort_note: str = ""
    """How stretch discomfort differs from pain for this test."""
    progress_check: str = ""
    """How this test serves as a progress check, when it does."""
    norms: tuple[Norm, ...] = ()
    """Published norms, shown as context only."""
    pain_sites: tuple[Id, ...] = ()
    """Where pain during this test may be felt: ids of the pain policy's sites, offered to the
    runner who says it hurt."""
    movements: tuple[Id, ...] = ()
    """The movements this test loads (ids of the pain policy's movements): when it hurts, every
    exercise of the same movement is withheld."""
    side_convention: str = ""
    """Which side is which, for a one-sided test, e.g. 'The left test: lying on your right
    side, lifting the left leg.'"""


@dataclass(frozen=True)
class Finding:
    """What a failed test indicates, and the exercises that address it."""

    id: Id
    """A lower-case id, e.g. 'weak_hip_extension'; rules name it."""
    name: Text
    """The finding as the runner reads it, e.g. 'Weak hip extension'."""
    quality: Quality
    """'mobility', 'motor_control', 'strength' or 'pattern'; sets the program order."""
    region: Region
    """The body region it concerns."""
    description: Text
    """What it means, in plain words."""
    exercises: Annotated[tuple[Id, ...], Length(1)]
    """Exercise ids, most important first; each is the starting rung of its ladder."""
    sources: Sources
    """What the finding rests on."""


@dataclass(frozen=True)
class Rule:
    """Links an assessment outcome to a finding. Rules are data; the engine only reads them."""

    id: Id
    """A lower-case id for the rule, e.g. 'bridge_fails'."""
    assessment: Id
    """The id of the assessment whose result the rule reads."""
    finding: Id
    """The id of the finding a failed result leads to."""
    sources: Sources
    """What the link rests on."""
    when: tuple[Id, ...] = ()
    """Criterion, measure or compensation ids whose failure triggers the rule; empty: any fail."""


@dataclass(frozen=True)
class Dose:
    """How much of an exercise: exactly one of ``reps`` and ``hold_seconds``."""

    sets: Annotated[int, Range(ge=1, le=10)]
    """Number of sets, 1 to 10."""
    rest_seconds: Annotated[int, Range(ge=0, le=600)]
    """Rest between sets, in seconds (0 to 600)."""
    sessions_per_week: Annotated[int, Range(ge=1, le=14)]
    """How many sessions a week, 1 to 14."""
    reps: Annotated[int, Range(ge=1, le=50)] | None = None
    """Repetitions per set (1 to 50); leave out for a hold."""
    hold_seconds: Annotated[int, Range(ge=1, le=300)] | None = None
    """Seconds each hold or stretch lasts (1 to 300); leave out for reps."""
    per_side: bool = True
    """The sets are done on each side."""
    note: str = ""
    """Anything else about the dose, e.g. 'worse side first'."""


@dataclass(frozen=True)
class Ladder:
    """A neighbouring rung (easier or harder) and the criterion to move to it."""

    exercise: Id
    """The id of the easier (regression) or harder (progression) exercise."""
    when: Text
    """The criterion to move to it, e.g. '3 x 12 with the pelvis level, no pain'."""


@dataclass(frozen=True)
class Exercise:
    """A corrective exercise."""

    id: Id
    """A lower-case id; must equal the file name (e.g. 'hip_bridge' in hip_bridge.yaml)."""
    name: Text
    """The exercise's name, e.g. 'Hip Bridge'."""
    quality: Quality
    """'mobility', 'motor_control', 'strength' or 'pattern'; sets the program order."""
    load: Load
    """'stretch', 'low_load' or 'loaded'; loaded work is withheld from a region that hurt."""
    regions: Annotated[tuple[Region, ...], Length(1)]
    """Regions the exercise loads or stretches."""
    purpose: Text
    """One sentence: what the exercise is for."""
    steps: Annotated[tuple[Text, ...], Length(1)]
    """How to do it, one item per step, in order."""
    cues: tuple[Text, ...]
    """Short reminders while doing it."""
    faults: tuple[Text, ...]
    """Common faults to avoid."""
    muscles: Annotated[tuple[Text, ...], Length(1)]
    """The target muscles, e.g. 'Gluteus maximus'."""
    dose: Dose
    """Sets, reps or hold seconds, rest and sessions per week."""
    origin: Origin
    """'article' when the text is the author's words, 'domain_notes' when written from the notes."""
    sources: Sources
    """What the exercise rests on."""
    equipment: tuple[Equipment, ...] = ()
    """What is needed, all of it, e.g. [mat, bench]; [] for nothing."""
    optional_equipment: tuple[Equipment, ...] = ()
    """What may be used but is not needed: a prop that helps, or a weight to add once the
    exercise is easy, e.g. [band]. Read as choices ('a dumbbell, a kettlebell or a barbell')."""
    sided: bool = True
    """Done one side at a time."""
    regression: Ladder | None = None
    """The easier exercise to fall back to, and when."""
    progression: Ladder | None = None
    """The harder exercise to move on to, and when."""
    movements: tuple[Id, ...] = ()
    """The movements it loads (ids of the pain policy's movements): withheld when a test of the
    same movement hurt."""
    side_convention: str = ""
    """Which side is which, for a one-sided exercise, e.g. 'Your left side: lying on your right
    side, lifting the left leg.'"""


@dataclass(frozen=True)
class Upkeep:
    """A maintenance exercise, kept up while the test it rests on passes."""

    exercise: Id
    """The exercise's id."""
    keeps: Annotated[tuple[Id, ...], Length(1)]
    """The assessments whose pass it keeps: given only when one of them was done and passed."""
    sources: Sources
    """The sentence that supports this exercise as upkeep for those tests."""


@dataclass(frozen=True)
class Policy:
    """Program-wide numbers, stated once in the content with their sources."""

    asymmetry_index_below: Annotated[float, Range(ge=50, le=100)]
    """Limb symmetry index (weaker / stronger x 100) below which sides differ meaningfully."""
    session_min_exercises: Annotated[int, Range(ge=1, le=10)]
    """The fewest exercises in a session."""
    session_max_exercises: Annotated[int, Range(ge=1, le=12)]
    """The most exercises in a session."""
    rescreen_weeks_min: Annotated[int, Range(ge=1, le=26)]
    """Earliest full re-test, in weeks."""
    rescreen_weeks_max: Annotated[int, Range(ge=1, le=26)]
    """Latest full re-test, in weeks."""
    maintenance: Annotated[tuple[Upkeep, ...], Length(1)]
    """Upkeep exercises for tests that passed, in the order to give them."""
    disclaimer: Text
    """Shown with every result."""
    sources: Sources
    """What these numbers rest on."""


@dataclass(frozen=True)
class PainSite:
    """A place a runner may say a test hurt."""

    id: Id
    """A lower-case id, e.g. 'groin'; saved with a runner's answers."""
    label: Text
    """As offered to the runner, e.g. 'Groin or deep in the hip'."""
    region: Region
    """The body region it belongs to: exercises loading it are withheld."""


@dataclass(frozen=True)
class Movement:
    """A movement tests and exercises share: a test that hurt withholds its movement."""

    id: Id
    """A lower-case id, e.g. 'single_leg_load'."""
    name: Text
    """In the runner's words, e.g. 'loading one leg'."""


@dataclass(frozen=True)
class UrgentPain:
    """Pain during a test that is as urgent as a pre-screen red flag: no program at all."""

    sites: Annotated[tuple[Id, ...], Length(1)]
    """Pain sites that make it urgent."""
    movements: Annotated[tuple[Id, ...], Length(1)]
    """In a test of one of these movements."""
    red_flag: Id
    """The pre-screen question whose reason the runner is told (the same words)."""
    sources: Sources
    """What the rule rests on."""


@dataclass(frozen=True)
class PainRules:
    """The pain rules: what a test that hurt withholds, and when it is urgent."""

    sites: Annotated[tuple[PainSite, ...], Length(1)]
    """Where a test may hurt, in the order offered."""
    movements: Annotated[tuple[Movement, ...], Length(1)]
    """Movements shared by tests and exercises."""
    withhold_all_loading_from: Annotated[int, Range(ge=1, le=10)]
    """A pain score (0-10) at or above which every loading exercise is withheld, not only those
    of the region that hurt."""
    progress_at_most: Annotated[int, Range(ge=0, le=10)]
    """The pain score (0-10) an exercise may reach and still move up."""
    ease_off_above: Annotated[int, Range(ge=0, le=10)]
    """Above this pain score (0-10) an exercise is eased off."""
    urgent: tuple[UrgentPain, ...]
    """Pain patterns that end the assessment like a red flag."""
    sources: Sources
    """What the numbers rest on."""


@dataclass(frozen=True)
class Titles:
    """Section titles and labels of a prescription, in the runner's words."""

    referrals: Text
    """Referrals to a clinician."""
    findings: Text
    """What the results show."""
    asymmetries: Text
    """Differences between left and right."""
    program: Text
    """The session's exercises, in order."""
    later: Text
    """Exercises kept for later."""
    withheld: Text
    """Exercises left out because a test hurt."""
    reassess: Text
    """When to test again."""
    incomplete: Text
    """Tests answered in part."""
    not_done: Text
    """Tests not done."""
    advance: Text
    """Before an exercise's criterion to move up."""
    regress: Text
    """Before an exercise's criterion to move down."""
    calendar_session: Text
    """The daily reminder of the session in a calendar file."""
    calendar_rescreen: Text
    """The rescreen day in a calendar file."""


@dataclass(frozen=True)
class Headlines:
    """The first line of a prescription, by its status."""

    program: Text
    """Corrective work."""
    maintenance: Text
    """Every test done passed and nothing hurt."""
    pain: Text
    """A test hurt; a program of what is safe."""
    pain_nothing_safe: Text
    """A test hurt and nothing safe is left to give."""
    refer: Text
    """A red flag, or pain as urgent as one: no program."""
    not_assessed: Text
    """No test was done."""
    invalid: Text
    """The answers have problems."""


@dataclass(frozen=True)
class FormWords:
    """What the self-assessment asks beside each test's own questions."""

    faults: Text
    """Before the list of a test's faults, e.g. 'Did you see any of these?'."""
    could_not_perform: Text
    """The runner could not do the test at all."""
    pain: Text
    """The test hurt (pain, not the pull of a stretch)."""
    pain_score: Text
    """The label of the pain score, 0 to 10."""
    pain_where: Text
    """Before the places a test may hurt."""
    stand_in: Text
    """Beside a yes/no that stands in for a measure."""
    engine_failed: Text
    """When the program cannot be worked out on this device: before the link to the decision
    table, which gives the same answers by hand."""
    decision_table: Text
    """The words of that link."""


@dataclass(frozen=True)
class WidgetWords:
    """The self-assessment widget's own words: its buttons, steps, timer and notices. Names in
    braces are filled in by the widget (``hipcore.words.WIDGET_TEMPLATE_NAMES`` lists them)."""

    yes: Text
    """A yes answer."""
    no: Text
    """A no answer."""
    before_you_start: Text
    """The pre-screen's heading, and its line in the review."""
    next: Text
    """Go on to the next step."""
    back: Text
    """Go back one step."""
    skip: Text
    """Skip the test on screen."""
    review: Text
    """Go on from the last test to the review of every answer."""
    how_to: Text
    """Above a test's steps."""
    watch_for: Text
    """Above what to watch for during a test."""
    needs_another_look: Text
    """Above the answers the engine could not take."""
    change: Text
    """Go back to an answer from the review."""
    skipped: Text
    """In the review: the test was skipped."""
    not_done: Text
    """In the review: the test was not answered."""
    submit: Text
    """Ask for the program."""
    review_title: Text
    """The review's heading."""
    no_to_every_question: Text
    """In the review: the pre-screen had no yes."""
    left_side: Text
    """A test's left side (its inputs, its line in the review)."""
    right_side: Text
    """A test's right side."""
    one_result: Text
    """The result of a test done once, for both sides."""
    unit_of: Text
    """{measure}: the name of a measure's unit choice, for assistive technology."""
    tests_label: Text
    """The progress bar's name, for assistive technology."""
    progress_test: Text
    """{n}, {total}: the progress bar on a test."""
    progress_tests: Text
    """{total}: the progress bar on the pre-screen (several tests)."""
    progress_one_test: Text
    """The progress bar on the pre-screen (one test)."""
    progress_done: Text
    """{total}: the progress bar on the review."""
    starting_runtime: Text
    """The engine's first start-up stage (the Python runtime)."""
    installing_engine: Text
    """The second start-up stage (the engine's files)."""
    loading_engine: Text
    """The third start-up stage (the engine and the catalog)."""
    engine_could_not_start: Text
    """{reason}: the engine did not start (the answers are kept)."""
    your_result: Text
    """The result's heading."""
    working_out: Text
    """While the engine works out the program."""
    program_failed: Text
    """{reason}: the engine could not work out the program (the answers are kept)."""
    print_page: Text
    """Print the program."""
    add_to_calendar: Text
    """Save the sessions and the retest as a calendar file."""
    back_to_answers: Text
    """From the result back to the answers."""
    history: Text
    """Open the history."""
    start_new: Text
    """Clear the answers and start again."""
    answer_yes_or_no: Text
    """A pre-screen question left unanswered."""
    enter_number: Text
    """A value that is not a number."""
    less_than: Text
    """{min}, {unit}: a value below what the measure allows (a negative one, for most)."""
    more_than: Text
    """{max}, {unit}: a value above what the measure allows."""
    pain_score_range: Text
    """A pain score that is not a whole number from 0 to 10."""
    your_history: Text
    """The history's heading."""
    history_off: Text
    """The browser refuses storage: no history, the assessment still works."""
    history_empty: Text
    """No assessment saved yet."""
    prescreen_only: Text
    """A saved assessment with no test done."""
    show_program: Text
    """Work out a saved assessment's program again."""
    delete: Text
    """Delete one saved assessment."""
    back_to_assessment: Text
    """From the history back to the assessment."""
    export_all: Text
    """Save every assessment as a file."""
    import_file: Text
    """Read a saved file back in."""
    delete_all: Text
    """Delete every saved assessment."""
    confirm_delete_all: Text
    """Asked before deleting them all."""
    import_summary: Text
    """{added}, {same}: what an import did."""
    import_refused: Text
    """{added}, {same}, {refused}, {reasons}: what an import did, some records refused."""
    record_set_aside: Text
    """{reason}: a saved assessment could not be read and was set aside."""
    draft_set_aside: Text
    """{reason}: the answers in progress could not be read and were set aside."""
    hold_timer: Text
    """The timer's name for assistive technology."""
    start_timer: Text
    """Start the hold timer (after a 3-2-1 count-in)."""
    stop: Text
    """Stop the hold timer."""
    cancel: Text
    """Cancel the count-in."""
    go: Text
    """Spoken when the hold starts."""
    speak_count: Text
    """Turn on the spoken count."""
    seconds_to_go: Text
    """{seconds}: the countdown to the mark."""
    past_mark: Text
    """{seconds}, {mark}: the count past the mark."""
    at_mark: Text
    """{mark}: spoken at the mark."""
    seconds: Text
    """{seconds}: a spoken count."""
    timer_cancelled: Text
    """Spoken when the count-in is cancelled."""
    stopped_at: Text
    """{seconds}: the hold was stopped."""


@dataclass(frozen=True)
class RegionWords:
    """Each body region (``Region``: one field each) in the runner's words."""

    lumbar: Text
    """The lower back, e.g. 'the lower back'."""
    hip_front: Text
    """The front of the hip and the groin."""
    hip_back: Text
    """The back of the hip (the buttock)."""
    hip_side: Text
    """The side of the hip."""
    thigh_front: Text
    """The front of the thigh."""
    knee: Text
    """The knee."""


@dataclass(frozen=True)
class EvidenceWords:
    """What one side of a test showed, as a finding's evidence and a test's report says it."""

    answered_no: Text
    """{side}, {question}: a question answered no."""
    answered_yes: Text
    """{side}, {question}: a question answered yes."""
    value: Text
    """{side}, {measure}, {value}: a value with no pass mark."""
    value_met: Text
    """{side}, {measure}, {value}, {mark}: a value that met its pass mark."""
    value_missed: Text
    """{side}, {measure}, {value}, {mark}: a value that missed its pass mark."""
    at_least: Text
    """{value}: a pass mark of at least a value."""
    at_most: Text
    """{value}: a pass mark of at most a value."""
    more_than: Text
    """{value}: a pass mark of more than a value."""
    less_than: Text
    """{value}: a pass mark of less than a value."""
    fault: Text
    """{side}, {fault}: a fault seen."""
    no_fault: Text
    """{side}: none of the test's faults seen."""
    could_not_perform: Text
    """{side}: the runner could not perform the test."""


@dataclass(frozen=True)
class Plural:
    """A phrase by number: ``one`` for exactly one, ``many`` for any other number. The names
    it may fill in are the ones of the field that holds it."""

    one: Text
    """For exactly one, e.g. '{n} set'."""
    many: Text
    """For any other number, e.g. '{n} sets'."""


@dataclass(frozen=True)
class DoseWords:
    """A dose in the runner's words, e.g. '3 sets of 12 reps on each side. Rest 60 seconds
    between sets. 3 sessions a week.': the work, the rest, then how often, one sentence each."""

    sets_of_reps: Text
    """{sets} (``sets``), {reps} (``reps``), {each_side} (``each_side``, or nothing): the work
    of a dose of repetitions, e.g. '{sets} of {reps}{each_side}.'."""
    hold_for: Text
    """{seconds} (``seconds`` or ``minutes``), {times} (``times``), {each_side}: the work of a
    dose of holds, e.g. 'Hold for {seconds}, {times}{each_side}.'."""
    each_side: Text
    """Put into the work when the sets are done on each side, e.g. ' on each side'."""
    rest_between_sets: Text
    """{seconds}: the rest between sets of repetitions."""
    rest_between_holds: Text
    """{seconds}: the rest between holds."""
    no_rest_between_sets: Text
    """No names: sets of repetitions with no rest between them."""
    no_rest_between_holds: Text
    """No names: holds with no rest between them."""
    sessions_a_week: Text
    """{sessions} (``sessions``): how often, e.g. '{sessions} a week.'."""
    every_day: Text
    """No names: seven sessions a week."""
    twice_a_day: Text
    """No names: fourteen sessions a week."""
    sets: Plural
    """{n}: a number of sets, e.g. '3 sets'."""
    reps: Plural
    """{n}: a number of repetitions, e.g. '12 reps'."""
    times: Plural
    """{n}: how many holds, e.g. '3 times'."""
    holds: Plural
    """{n}: a number of holds, e.g. '3 holds' (the weaker side's extra work, ``worse_side``)."""
    sessions: Plural
    """{n}: a number of sessions, e.g. '3 sessions'."""
    seconds: Plural
    """{n}: a number of seconds, e.g. '30 seconds'."""
    minutes: Plural
    """{n}: a number of minutes, for whole minutes from two on, e.g. '2 minutes'."""


@dataclass(frozen=True)
class Names:
    """The runner's words for the values of the model's closed sets, one entry for each value
    (the catalog check asks for all of them)."""

    qualities: dict[Quality, Text]
    """Each quality a test checks and an exercise trains, e.g. 'Motor control'. The order of
    the corrective hierarchy is the model's (``Quality``), not this one."""
    sides: dict[SideKey, Text]
    """Each side's one name, as a sentence names it: 'left', 'right', and 'both sides' for
    both. A line of evidence starts with it, its first letter made a capital ('Left: ...')."""
    severities: dict[Severity, Text]
    """How marked a finding is, e.g. 'moderate'."""
    units: dict[Unit, Text]
    """Each unit's name, e.g. 'degrees'. A value's symbol ('45°', '10 s') is not words:
    ``hipcore.units.UNIT_TEXT`` writes it."""
    equipment: dict[Equipment, Text]
    """Each piece of equipment, e.g. 'a resistance band'."""
    origins: dict[Origin, Text]
    """Where an item's words come from, e.g. 'From the article'."""
    origin_tags: dict[Origin, Text]
    """The same, briefly, for a table's column, e.g. 'Article'."""


@dataclass(frozen=True)
class DecisionWords:
    """What makes a rule fire, as the decision table on the site says it."""

    any_fail: Text
    """No names: a rule that fires on any fail of its test."""
    answered_no: Text
    """{question}: a yes/no question of the test answered no, e.g. '“{question}”: no'."""
    mark_missed: Text
    """{measure}, {mark} (the pass mark, e.g. 'at least 10 s'): a value that missed it."""
    could_not_perform: Text
    """No names: the runner could not do the test at all."""


@dataclass(frozen=True)
class Words:
    """The runner-facing sentences the engine puts together. ``{name}`` is filled in; each
    field's docstring lists the names it may use."""

    headlines: Headlines
    """The first line of a prescription, by status."""
    form: FormWords
    """The self-assessment's own questions and labels, beside each test's."""
    widget: WidgetWords
    """The widget's buttons, steps, timer and notices."""
    titles: Titles
    """Section titles."""
    evidence: EvidenceWords
    """What each side of a test showed."""
    regions: RegionWords
    """The body regions, as the pain referral and the withheld sentences name them."""
    names: Names
    """The values of the model's closed sets (qualities, sides, units, ...) in words."""
    dose: DoseWords
    """A dose: sets, repetitions or holds, rest and how often."""
    decisions: DecisionWords
    """What makes a rule fire, in the decision table."""
    the_tests: Plural
    """{tests}: the names of the tests a sentence is about, e.g. 'the {tests} test' (one) and
    'the {tests} tests' (more), put into ``upkeep`` and the ``withheld_*`` sentences."""
    list_and: Text
    """The word before the last of a list's items, all of which are meant: 'a, b and c'."""
    list_or: Text
    """The word before the last of a list's alternatives: 'a, b or c'."""
    number_range: Text
    """{low}, {high}: a range of numbers, e.g. '{low}–{high}' for the rescreen's weeks."""
    asymmetry_pass_fail: Text
    """{test}, {weaker}, {stronger}: one side of a test failed and the other passed."""
    asymmetry_measure: Text
    """{test}, {measure}, {left}, {right}, {index}, {threshold}, {weaker}: the sides' values
    differ, by a limb symmetry index below the policy's threshold."""
    works_on: Text
    """{findings} (``works_on_finding`` each, joined by '; '), {why}: what a corrective
    exercise works on, and why."""
    works_on_finding: Text
    """{finding}, {sides} (``names.sides``), {severity} (``names.severities``): one finding an
    exercise works on, e.g. '{finding} ({sides}, {severity})'."""
    urgent_label: Text
    """Put before an urgent referral, e.g. 'URGENT'."""
    pain_referral: Text
    """{test}, {where} (``pain_on_side``, or nothing for a test of both sides at once),
    {regions}: a test hurt."""
    pain_on_side: Text
    """{side}: where a test hurt, put into ``pain_referral`` (' on the left side')."""
    pain_sites: Text
    """{sites}: where it hurt, added to the referral."""
    pain_score: Text
    """{score}, {limit}: a score at or above the limit, added to the referral."""
    withheld_region: Text
    """{tests} (``the_tests``), {exercise}, {regions}: an exercise loads a region where a test
    hurt."""
    withheld_movement: Text
    """{tests} (``the_tests``), {exercise}, {movement}: an exercise of the movement of a test
    that hurt."""
    withheld_all: Text
    """{tests} (``the_tests``), {exercise}, {score}: every loading exercise is withheld after a
    high score."""
    after_mobility: Plural
    """{findings}: a pattern exercise waits for mobility (one open mobility finding, or more)."""
    session_full: Text
    """No names: the session is full."""
    upkeep: dict[Quality, str]
    """Quality -> why an upkeep exercise of that quality; {tests} (``the_tests``): the tests it
    keeps."""
    one_sided: Text
    """{exercise}, {side}: a one-legged rung chosen so the weaker side can go first."""
    worse_side: Text
    """{side}, {work}, {other}: start with the weaker side and do one set or hold more on it;
    {work} counts them in the dose's own word ('4 sets', '3 holds'), {other} is the other side's
    number."""
    advance_at_top: Text
    """{score}: when to add load on the last rung of a ladder."""
    regress_at_bottom: Text
    """{score}: when to do less on the first rung of a ladder."""
    advance_withheld: Text
    """{exercise}: the next rung up is withheld after a test that hurt, so stay on this one."""
    advance_stretch: Text
    """No names: how a stretch (with no harder exercise in the catalog) goes on; a harder way of
    doing it, where there is one, is its dose note's to give."""
    regress_stretch: Text
    """No names: when a stretch turns into pain."""
    recheck_after_stretching: Text
    """{test}: a mobility test to repeat right after the stretches (unless the test has its own
    progress check)."""
    recheck_at_rescreen: Text
    """{test}: a test to repeat at the rescreen (unless it has its own progress check)."""
    rescreen: Text
    """{when}: when to repeat every test."""
    rescreen_in: Text
    """{weeks}: when, with no date to count from."""
    rescreen_between: Text
    """{weeks}, {from_date}, {by_date}: when, counted from the day the tests were done."""
    rescreen_on: Text
    """{weeks}, {from_date}: when, on one day."""
    rescreen_not_done: Text
    """{tests}: added to the rescreen for tests not done yet."""
    sources: Sources
    """What the progress rules rest on."""


@dataclass(frozen=True)
class Catalog:
    """Everything the engine and the site need, compiled from ``content/`` by the build."""

    version: int
    """The catalog format's version (``hipcore.catalog.CATALOG_VERSION``); bumped on a breaking
    change, so a widget or an embedding site can refuse a catalog it does not understand."""
    results_version: int
    """The version of the results document the engine built with this catalog reads
    (``hipcore.results.RESULTS_VERSION``): the widget writes results of this version."""
    policy: Policy
    """Program-wide numbers: asymmetry threshold, session size, rescreen weeks, maintenance."""
    sources: tuple[Source, ...]
    """Every document an item's ``sources`` may name."""
    sections: tuple[Section, ...]
    """The article's teaching, in reading order."""
    red_flags: tuple[RedFlag, ...]
    """The pre-screen questions, asked before any test, in the order they are asked."""
    assessments: tuple[Assessment, ...]
    """The self-assessments, in the article's order."""
    findings: tuple[Finding, ...]
    """What failed tests can indicate."""
    rules: tuple[Rule, ...]
    """Assessment outcome -> finding links."""
    exercises: tuple[Exercise, ...]
    """The corrective exercises, sorted by id."""
    pain: PainRules
    """The pain rules: sites, movements, thresholds and urgent patterns."""
    words: Words
    """The sentences the engine puts together for the runner."""
