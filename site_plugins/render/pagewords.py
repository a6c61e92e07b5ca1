"""The words of the guide's own pages that say what to do about pain and a red flag, and name a
test's or an exercise's sides: ``content/pages.yaml``.

They restate the engine's safety rules (``content/pain.yaml``, ``content/prescreen.yaml``) for a
reader of the pages, so they are content beside those rules, written and reviewed with them, not
prose in a template. Each is text in the Markdown subset of the article (``**strong**``,
``*emphasis*``; ``site_plugins/content/markup.py``) and may fill in the names its field lists,
as ``{name}``; the templates fill them in and escape the result (``site_plugins.render.escape``).

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

__all__ = ["AssessmentPage", "PageWords", "SelfAssessmentPage", "Sides", "page_word_problems"]


@dataclass(frozen=True)
class Sides:
    """How a page tags a test or an exercise by its sides: plain text (a tag is not formatted)."""

    each: Text
    """Done on one side, then the other, e.g. 'Each side'."""
    both: Text
    """Done with both sides at once, e.g. 'Both sides at once'."""


@dataclass(frozen=True)
class AssessmentPage:
    """A test's page: what to record, and pain."""

    markdown_template: ClassVar[bool] = True

    record_each_side: Text
    """Before a one-sided test's record: left, then right, each on its own."""
    if_it_hurts: Text
    """Before the list of places a test may hurt: stop that side and record the pain."""
    record_pain: Text
    """What every test records about pain (whether it hurt, how much, could not do it)."""
    pain_is_not_a_stretch: Text
    """After the test's own note on discomfort: pain is not the pull of a stretch; what to do."""
    norms_title: Text
    """The title of the box of published norms, e.g. 'Context only'."""
    norms_note: Text
    """In that box: norms describe groups in studies; they are not pass marks."""


@dataclass(frozen=True)
class SelfAssessmentPage:
    """The self-assessment page: its pre-screen and the rules of the program."""

    markdown_template: ClassVar[bool] = True

    disclaimer_title: Text
    """The title of the box that holds the policy's disclaimer."""
    before_you_start: Text
    """Before the pre-screen questions: a yes to any of them means no tests and no program."""
    urgent: Text
    """The mark of an urgent red flag or pain, e.g. 'Urgent.'."""
    pain_first: Text
    """{score} (``pain.withhold_all_loading_from``): the program's pain rules in words."""
    urgent_pain: Text
    """{sites}, {movements}: where and in what movement pain is urgent, before the red flag's
    reason."""


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
