"""The words of the guide's own pages: ``content/pages.yaml``. What to do about pain and a red
flag, what a test records, the program's rules, and a test's or an exercise's sides.

They restate the engine's rules (``content/pain.yaml``, ``content/prescreen.yaml``,
``content/policy.yaml``) for a reader of the pages, so they are content beside those rules,
written and reviewed with them, not prose in a template. Sentences are text in the Markdown
subset of the article (``**strong**``, ``*emphasis*``, links to guide pages;
``site_plugins/content/markup.py``) and may fill in the names their field lists, as ``{name}``;
the templates fill them in and escape the result (``site_plugins.render.escape``). Tags and
table headings are plain text.

Field documentation is the string under each field; the JSON Schema for editors is generated
from these classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from hipcore.errors import FieldPath, Problem
from hipcore.model import Catalog, Plural, Text
from hipcore.words import name_problems, sentences

__all__ = [
    "ArticlePage",
    "AssessmentColumns",
    "AssessmentPage",
    "AssessmentsPage",
    "Common",
    "DecisionColumns",
    "DecisionTableColumns",
    "ExerciseColumns",
    "ExercisePage",
    "ExercisesPage",
    "FaultColumns",
    "MeasureColumns",
    "PageWords",
    "SelfAssessmentPage",
    "Sides",
    "SourcesPage",
    "Titles",
    "page_word_problems",
]


@dataclass(frozen=True)
class Sides:
    """How a page tags a test or an exercise by its sides: plain text (a tag is not formatted)."""

    each: Text
    """Done on one side, then the other, e.g. 'Each side'."""
    both: Text
    """Done with both sides at once, e.g. 'Both sides at once'."""


@dataclass(frozen=True)
class Titles:
    """The pages' titles, which the navigation names them by too: plain text."""

    home: Text
    """The home page, in the navigation."""
    article: Text
    """The article's page."""
    self_assessment: Text
    """The self-assessment's page."""
    assessments: Text
    """The list of tests, and the navigation's section of test pages."""
    all_assessments: Text
    """The list of tests, as the first entry of that section."""
    exercises: Text
    """The list of exercises, and the navigation's section of exercise pages."""
    all_exercises: Text
    """The list of exercises, as the first entry of that section."""
    sources: Text
    """The sources' page."""
    developers: Text
    """The navigation's section of the project's own documents."""


@dataclass(frozen=True)
class Common:
    """Words several pages use: plain text."""

    steps: Text
    """The heading of a test's or an exercise's steps."""
    check_yourself: Text
    """The heading of the widget's place on a page."""
    sources: Plural
    """'Source' and 'Sources': before one citation or several, and the heading of the citations
    at the end of a test's or an exercise's page (``many``)."""


@dataclass(frozen=True)
class ArticlePage:
    """The article's page."""

    markdown_template: ClassVar[bool] = True

    intro: Text
    """{title}: the first paragraph, for an article with no author named."""
    intro_by: Text
    """{title}, {author}: the first paragraph."""
    evidence_title: Text
    """The title of the boxes of published evidence, e.g. 'What the evidence says'."""
    evidence_boxes: Text
    """{title} (``evidence_title``): what those boxes are. Links to the sources page as seen from
    the article's ('sources.md')."""
    tests_and_exercises: Text
    """The heading of the closing section on the tests and the exercises."""
    goes_on: Text
    """Its first paragraph."""
    self_assessments: Text
    """Before the links to the tests."""
    exercises_described: Text
    """Before the links to the exercises the article describes."""
    more_exercises: Text
    """After them: the exercise list has the rest. Links to it ('exercises/index.md')."""


@dataclass(frozen=True)
class AssessmentColumns:
    """The headings of the list of tests: plain text."""

    test: Text
    """The test."""
    clinical_name: Text
    """Its clinical name."""
    checks: Text
    """What it checks."""
    sides: Text
    """Its sides."""
    passes: Text
    """What passes."""


@dataclass(frozen=True)
class AssessmentsPage:
    """The list of tests."""

    markdown_template: ClassVar[bool] = True

    intro: Text
    """The first paragraph. Links to the self-assessment ('../self-assessment.md')."""
    columns: AssessmentColumns
    """The list's headings."""


@dataclass(frozen=True)
class ExerciseColumns:
    """The headings of the list of exercises: plain text."""

    exercise: Text
    """The exercise."""
    purpose: Text
    """What it is for."""
    dose: Text
    """Its dose."""
    words: Text
    """Whose words its page is in."""


@dataclass(frozen=True)
class ExercisesPage:
    """The list of exercises."""

    markdown_template: ClassVar[bool] = True

    intro: Text
    """The first paragraph. Links to the self-assessment ('../self-assessment.md')."""
    columns: ExerciseColumns
    """The list's headings."""
    article_words: Text
    """After the article's tag: its exercises' steps are the article's words."""
    guide_words: Text
    """After this guide's tag: the article names the exercise; the page is written for the guide."""


@dataclass(frozen=True)
class ExercisePage:
    """An exercise's page."""

    markdown_template: ClassVar[bool] = True

    dose: Text
    """Before the dose, e.g. 'Dose:'."""
    cues: Text
    """The heading of the cues."""
    faults: Text
    """The heading of the common faults."""
    muscles_and_equipment: Text
    """The heading of the muscles, equipment and regions."""
    muscles: Text
    """Before the muscles."""
    equipment: Text
    """Before the equipment."""
    no_equipment: Text
    """In place of the equipment, when none is needed."""
    optional_equipment: Text
    """Before the equipment that may be used but is not needed (listed as choices: 'a or b')."""
    works: Text
    """Before the regions the exercise works."""
    ladder: Text
    """The heading of its easier and harder versions."""
    easier: Text
    """Before the easier version."""
    harder: Text
    """Before the harder version."""
    called_for_by: Text
    """The heading of the tests that call for it."""
    a_fail_points_to: Text
    """{findings}: after a test that calls for it, what a fail of that test points to."""
    no_test: Text
    """In place of those tests, when none calls for it."""
    no_test_rung: Text
    """The same, for a rung of a ladder of exercises."""
    upkeep: Text
    """For an upkeep exercise: it is part of the program once every test passes. Links to the
    self-assessment's program ('../self-assessment.md#program')."""


@dataclass(frozen=True)
class SourcesPage:
    """The sources' page."""

    markdown_template: ClassVar[bool] = True

    intro: Text
    """The first paragraph."""
    the_article: Text
    """The article's entry, for an article with no author named."""
    the_article_by: Text
    """{author}: the article's entry."""
    domain_notes: Text
    """The entry of the notes written for this guide."""
    cited_by: Text
    """Before the places that cite a source."""


@dataclass(frozen=True)
class MeasureColumns:
    """The headings of a test's table of measures: plain text."""

    measure: Text
    """The measure's name."""
    unit: Text
    """The units a value may be entered in."""
    pass_mark: Text
    """Its pass mark."""
    accepted: Text
    """The range of values a runner may enter."""


@dataclass(frozen=True)
class FaultColumns:
    """The headings of a test's table of faults: plain text."""

    fault: Text
    """The fault's name."""
    looks_like: Text
    """What the fault looks like."""


@dataclass(frozen=True)
class DecisionColumns:
    """The headings of a test's table of what a fail leads to: plain text."""

    when: Text
    """How the test failed."""
    points_to: Text
    """The finding it points to."""
    work_on: Text
    """The exercises for it."""


@dataclass(frozen=True)
class AssessmentPage:
    """A test's page: what to record, pain, what a fail leads to."""

    markdown_template: ClassVar[bool] = True

    setup: Text
    """The heading of the set-up."""
    what_to_record: Text
    """The heading of what to record."""
    record_each_side: Text
    """Before a one-sided test's record: left, then right, each on its own."""
    if_it_hurts: Text
    """Before the list of places a test may hurt: stop that side and record the pain."""
    checks: Text
    """Before the test's checks: each is answered yes or no."""
    measures: Text
    """Before the table of measures."""
    measure_columns: MeasureColumns
    """Its headings."""
    accepted_range: Text
    """{lowest}, {highest}: the values a measure accepts, e.g. '{lowest} to {highest}'."""
    optional: Text
    """After a measure a runner may leave out, e.g. '(optional)'."""
    no_pass_mark: Text
    """In place of the pass mark of a measure recorded for context only."""
    faults: Text
    """Before the table of faults of a test without a pass mark: any fault fails it."""
    faults_at_mark: Text
    """The same, for a test with a pass mark: any fault fails it, even at the mark."""
    fault_columns: FaultColumns
    """Its headings."""
    record_pain: Text
    """What every test records about pain (whether it hurt, how much, could not do it)."""
    pass_or_fail: Text
    """The heading of what passes and what a fail means."""
    passes: Text
    """Before what passes, e.g. 'Pass:'."""
    fail_means: Text
    """Before what a fail means."""
    pain_or_stretch: Text
    """The heading of the test's pain and discomfort note."""
    pain_is_not_a_stretch: Text
    """After the test's own note on discomfort: pain is not the pull of a stretch; what to do."""
    if_it_fails: Text
    """The heading of what a fail leads to."""
    decision_columns: DecisionColumns
    """The headings of the table of what a fail leads to."""
    no_rule: Text
    """In place of that table when no rule names the test."""
    progress_check: Text
    """The heading of the test's progress check."""
    norms: Text
    """The heading of the published norms."""
    norms_title: Text
    """The title of the box of published norms, e.g. 'Context only'."""
    norms_note: Text
    """In that box: norms describe groups in studies; they are not pass marks."""
    on_paper: Text
    """Under the widget: how to do without it. Links to the self-assessment's decision table as
    seen from a test's page ('../self-assessment.md#decision-table')."""


@dataclass(frozen=True)
class DecisionTableColumns:
    """The headings of the self-assessment's decision table: plain text."""

    test: Text
    """The test."""
    when: Text
    """How the test failed."""
    points_to: Text
    """The finding it points to."""
    work_on: Text
    """The exercises for it."""


@dataclass(frozen=True)
class SelfAssessmentPage:
    """The self-assessment page: its pre-screen, the decision table and the program's rules."""

    markdown_template: ClassVar[bool] = True

    intro: Text
    """The page's first paragraph. Links to its decision table ('#decision-table')."""
    disclaimer_title: Text
    """The title of the box that holds the policy's disclaimer."""
    before_you_start: Text
    """Before the pre-screen questions: a yes to any of them means no tests and no program."""
    the_tests: Text
    """The heading of the list of tests."""
    urgent: Text
    """The mark of an urgent red flag or pain, e.g. 'Urgent.'."""
    decision_table_title: Text
    """The heading of the decision table."""
    decision_table: Text
    """Before the decision table: how to read it."""
    decision_columns: DecisionTableColumns
    """Its headings."""
    program: Text
    """The heading of the program's rules."""
    pain_first: Text
    """{score} (``pain.withhold_all_loading_from``): the program's pain rules in words."""
    urgent_pain: Text
    """{sites}, {movements}: where and in what movement pain is urgent, before the red flag's
    reason."""
    order: Text
    """{qualities} (the corrective hierarchy, in order): the order a program works through."""
    session: Text
    """{fewest}, {most} (``policy.session_*_exercises``): how many exercises a session holds."""
    sides_differ: Text
    """{percent} (``policy.asymmetry_index_below``): when one side below the other is rechecked."""
    retest: Text
    """{soonest}, {latest} (``policy.rescreen_weeks_*``): when to test again."""
    upkeep: Text
    """Before the upkeep exercises' links: what to do once every test passes."""


@dataclass(frozen=True)
class PageWords:
    """Words of the guide's pages (``content/pages.yaml``)."""

    markdown_template: ClassVar[bool] = True

    titles: Titles
    """The pages' titles."""
    common: Common
    """Words several pages use."""
    sides: Sides
    """A test's or an exercise's sides, on its page and in the list of tests."""
    article: ArticlePage
    """The words of the article's page around the article's own."""
    self_assessment: SelfAssessmentPage
    """The self-assessment page."""
    assessments: AssessmentsPage
    """The page that lists the tests."""
    assessment: AssessmentPage
    """Every test's page."""
    exercises: ExercisesPage
    """The page that lists the exercises."""
    exercise: ExercisePage
    """Every exercise's page."""
    sources: SourcesPage
    """The page of sources and what cites them."""


_NAMES: dict[FieldPath, frozenset[str]] = {
    ("article", "intro"): frozenset({"title"}),
    ("article", "intro_by"): frozenset({"title", "author"}),
    ("article", "evidence_boxes"): frozenset({"title"}),
    ("assessment", "accepted_range"): frozenset({"lowest", "highest"}),
    ("exercise", "a_fail_points_to"): frozenset({"findings"}),
    ("sources", "the_article_by"): frozenset({"author"}),
    ("self_assessment", "pain_first"): frozenset({"score"}),
    ("self_assessment", "urgent_pain"): frozenset({"sites", "movements"}),
    ("self_assessment", "order"): frozenset({"qualities"}),
    ("self_assessment", "session"): frozenset({"fewest", "most"}),
    ("self_assessment", "sides_differ"): frozenset({"percent"}),
    ("self_assessment", "retest"): frozenset({"soonest", "latest"}),
}
"""The names a field may fill in; any other field fills in none."""


def page_word_problems(catalog: Catalog, items: tuple[PageWords, ...]) -> list[Problem]:
    """A problem for each field that names what it cannot fill in, or is badly braced
    (``hipcore.words.name_problems``). Paths start with the kind and the file's name, as the
    content loader's checks do."""
    del catalog  # the words stand on their own
    return [
        problem
        for words in items
        for path, text in sentences(words, PageWords)
        for problem in name_problems(("pages", "pages", *path), text, _NAMES.get(path, frozenset()))
    ]
