"""Left/right asymmetry: a pass/fail difference, or a low limb symmetry index.

Judged tests: one side passing and the other failing is an asymmetry, worked first. Measured
values with a pass mark: limb symmetry index = weaker / stronger x 100 (the smaller of the two
values over the larger, whichever direction the mark points); below the policy's threshold the
sides differ meaningfully (only for measures whose content says ``compare_sides``: a ratio of
two small gaps means nothing). One measurement is not a diagnosis, so the text says "recheck".
A test that hurt on either side is not compared. The sentences are the content's
(``Words.asymmetry_pass_fail``, ``Words.asymmetry_measure``).
"""

from __future__ import annotations

from collections.abc import Sequence

from hipcore._judge import JudgedTest
from hipcore.model import Policy, Side, Words
from hipcore.prescription import Asymmetry
from hipcore.units import show_value
from hipcore.words import fill

__all__ = ["find_asymmetries"]


def find_asymmetries(
    tests: Sequence[JudgedTest], policy: Policy, words: Words
) -> tuple[Asymmetry, ...]:
    found: list[Asymmetry] = []
    for test in tests:
        left, right = test.side("left"), test.side("right")
        if left is None or right is None or test.painful:
            continue
        name = test.assessment.name
        outcomes = {left.outcome, right.outcome}
        if outcomes == {"pass", "fail"}:
            weaker: Side = "left" if left.outcome == "fail" else "right"
            stronger: Side = "right" if weaker == "left" else "left"
            text = fill(
                words.asymmetry_pass_fail,
                test=name,
                weaker=words.names.sides[weaker],
                stronger=words.names.sides[stronger],
            )
            found.append(Asymmetry(test.assessment.id, "pass_fail", weaker, text=text))
        for measure in test.assessment.measures:
            mark = measure.pass_when
            both_measured = measure.id in left.values and measure.id in right.values
            if not (measure.compare_sides and mark is not None and both_measured):
                continue
            lv, rv = left.values[measure.id], right.values[measure.id]
            high = max(lv, rv)
            index = 100.0 if high == 0 else round(min(lv, rv) / high * 100, 1)
            if index >= policy.asymmetry_index_below:
                continue
            lower_is_better = mark.comparator in ("<=", "<")
            weaker = "left" if (lv > rv) == lower_is_better else "right"
            text = fill(
                words.asymmetry_measure,
                test=name,
                measure=measure.label.lower(),
                left=show_value(lv, mark.unit),
                right=show_value(rv, mark.unit),
                index=f"{index:g}",
                threshold=f"{policy.asymmetry_index_below:g}",
                weaker=words.names.sides[weaker],
            )
            found.append(Asymmetry(test.assessment.id, "measure", weaker, measure.id, index, text))
    return tuple(found)
