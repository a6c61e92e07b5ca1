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

import dataclasses
import string
from dataclasses import dataclass
from typing import Any, ClassVar

from hipcore.errors import Problem
from hipcore.model import Catalog, Text

__all__ = [
    "AssessmentPage",
    "DecisionColumns",
    "DecisionTableColumns",
    "FaultColumns",
    "MeasureColumns",
    "PageWords",
    "SelfAssessmentPage",
    "Sides",
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
    pain_is_not_a_stretch: Text
    """After the test's own note on discomfort: pain is not the pull of a stretch; what to do."""
    decision_columns: DecisionColumns
    """The headings of the table of what a fail leads to."""
    no_rule: Text
    """In place of that table when no rule names the test."""
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
    urgent: Text
    """The mark of an urgent red flag or pain, e.g. 'Urgent.'."""
    decision_table: Text
    """Before the decision table: how to read it."""
    decision_columns: DecisionTableColumns
    """Its headings."""
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

    sides: Sides
    """A test's or an exercise's sides, on its page and in the list of tests."""
    assessment: AssessmentPage
    """Every test's page."""
    self_assessment: SelfAssessmentPage
    """The self-assessment page."""


_NAMES: dict[tuple[str, ...], frozenset[str]] = {
    ("self_assessment", "pain_first"): frozenset({"score"}),
    ("self_assessment", "urgent_pain"): frozenset({"sites", "movements"}),
    ("self_assessment", "order"): frozenset({"qualities"}),
    ("self_assessment", "session"): frozenset({"fewest", "most"}),
    ("self_assessment", "sides_differ"): frozenset({"percent"}),
    ("self_assessment", "retest"): frozenset({"soonest", "latest"}),
}
"""The names a field may fill in; any other field fills in none."""


def page_word_problems(catalog: Catalog, items: tuple[PageWords, ...]) -> list[Problem]:
    """A problem for each field that names what it cannot fill in, or is badly braced. Paths
    start with the kind and the file's name, as the content loader's checks do."""
    del catalog  # the words stand on their own
    problems: list[Problem] = []
    for words in items:
        for path, text in _texts(words, ()):
            allowed = _NAMES.get(path, frozenset())
            try:
                used = {n for _, n, _, _ in string.Formatter().parse(text) if n is not None}
            except ValueError as error:
                message = f"has a stray brace ({error}); write names as {{name}}"
                problems.append(Problem(("pages", "pages", *path), message))
                continue
            for name in sorted(used - allowed):
                can = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "no names"
                message = f"names {{{name}}}, which it cannot fill in (it can: {can})"
                problems.append(Problem(("pages", "pages", *path), message))
    return problems


def _texts(value: Any, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
    if isinstance(value, str):
        return [(path, value)]
    found: list[tuple[tuple[str, ...], str]] = []
    for f in dataclasses.fields(value):
        found += _texts(getattr(value, f.name), (*path, f.name))
    return found
