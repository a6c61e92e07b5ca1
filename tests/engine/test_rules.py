"""The decision rules, one behaviour per test, over the real catalog (and copies of it with
one thing changed, to show the rules are data)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from hipcore import Catalog, Prescription, assess, assess_json, check_references, default_catalog
from tests.engine.build import (
    ALL_PASS,
    CANNOT,
    all_pass_but,
    both_sides,
    entry,
    heel,
    held,
    hurt,
    knee_opening,
    results,
    split_squat,
)

CATALOG = default_catalog()
ASSESSMENTS = {a.id: a for a in CATALOG.assessments}
PASSING = {e["assessment"]: e["left"] for e in ALL_PASS}
"""A passing side of every test."""


def outcome(p: Prescription, assessment: str, side: str = "left") -> str:
    test = next(t for t in p.tests if t.assessment == assessment)
    return next(s.outcome for s in test.sides if s.side == side)


def findings(p: Prescription) -> dict[str, tuple[str, ...]]:
    return {f.id: f.sides for f in p.findings}


def program(p: Prescription) -> list[str]:
    return [item.exercise for item in p.program]


def with_side(assessment: str, **changes: Any) -> Prescription:
    """Every test passed, except the left side of one, changed as given."""
    side = {**PASSING[assessment], **changes}
    return assess(results(*all_pass_but(entry(assessment, side, PASSING[assessment]))))


# --- judging a side ---------------------------------------------------------------------------

COMPENSATIONS = [(a.id, c.id) for a in CATALOG.assessments for c in a.compensations]


@pytest.mark.parametrize(("assessment", "compensation"), COMPENSATIONS)
def test_a_fault_fails_the_test_even_when_the_mark_is_reached(
    assessment: str, compensation: str
) -> None:
    p = with_side(assessment, compensations=[compensation])
    assert outcome(p, assessment) == "fail"
    assert any(e.part == compensation for f in p.findings for e in f.evidence)


CRITERIA = [(a.id, c.id) for a in CATALOG.assessments for c in a.criteria]


@pytest.mark.parametrize(("assessment", "criterion"), CRITERIA)
def test_a_criterion_answered_no_fails_the_test(assessment: str, criterion: str) -> None:
    criteria = {**PASSING[assessment].get("criteria", {}), criterion: False}
    stands_for = next(c.instead_of for c in ASSESSMENTS[assessment].criteria if c.id == criterion)
    measures = {k: v for k, v in PASSING[assessment].get("measures", {}).items() if k != stands_for}
    p = with_side(assessment, criteria=criteria, measures=measures)
    assert outcome(p, assessment) == "fail"


@pytest.mark.parametrize("assessment", [a.id for a in CATALOG.assessments])
def test_could_not_perform_fails_the_test_and_gives_a_finding(assessment: str) -> None:
    p = with_side(assessment, could_not_perform=True, measures={})
    assert outcome(p, assessment) == "fail"
    assert any(e.part == "could_not_perform" for f in p.findings for e in f.evidence)


@pytest.mark.parametrize(
    ("distance", "unit", "expected"),
    [
        (6, "in", "pass"),  # the article's mark itself passes: within 6 inches
        (6.01, "in", "fail"),
        (15, "cm", "pass"),  # 5.91 in
        (15.3, "cm", "fail"),  # 6.02 in
        (0, "cm", "pass"),
    ],
)
def test_a_distance_is_judged_after_unit_conversion(
    distance: float, unit: str, expected: str
) -> None:
    p = assess(results(entry("quad_length", heel(distance, unit))))
    assert outcome(p, "quad_length") == expected


@pytest.mark.parametrize(("seconds", "expected"), [(10, "pass"), (9.9, "fail"), (0, "fail")])
def test_a_hold_passes_at_the_article_s_10_seconds(seconds: float, expected: str) -> None:
    p = assess(results(entry("single_leg_bridge", held(seconds))))
    assert outcome(p, "single_leg_bridge") == expected


def test_a_side_with_a_required_answer_missing_is_incomplete_never_guessed() -> None:
    p = assess(results(entry("quad_length", {"criteria": {"comfortable": True}})))
    test = next(t for t in p.tests if t.assessment == "quad_length")
    assert test.sides[0].outcome == "incomplete"
    assert test.sides[0].missing == ("heel_to_buttock",)
    assert "quad_length" in p.incomplete
    assert "quad_length" not in p.not_done


def test_an_optional_measure_may_be_left_out() -> None:
    p = assess(results(entry("hip_flexor_length", {"criteria": {"leg_stays_down": True}})))
    assert outcome(p, "hip_flexor_length") == "pass"


def test_stretch_discomfort_is_asked_once_as_the_test_s_own_criterion_not_as_pain() -> None:
    uncomfortable = with_side("quad_length", criteria={"comfortable": False})
    assert outcome(uncomfortable, "quad_length") == "fail"
    assert uncomfortable.referrals == ()
    assert "quad_tightness" in findings(uncomfortable)
    assert assess(results(entry("quad_length", {**heel(10), "discomfort": True}))).errors


def test_a_yes_no_answer_stands_in_for_a_measure_the_runner_cannot_take() -> None:
    reached = assess(results(entry("hip_rotation_control", {"criteria": {"reached_45": True}})))
    short = assess(results(entry("hip_rotation_control", {"criteria": {"reached_45": False}})))
    assert outcome(reached, "hip_rotation_control") == "pass"
    assert outcome(short, "hip_rotation_control") == "fail"
    assert "poor_hip_rotation_control" in findings(short)


def test_a_pass_names_the_mark_it_met() -> None:
    p = assess(results(entry("single_leg_bridge", held(12))))
    test = next(t for t in p.tests if t.assessment == "single_leg_bridge")
    assert test.sides[0].text == (
        "Left: Seconds held with the pelvis level: 12 s (met the pass mark: at least 10 s)",
        "Left: none of the faults to watch for",
    )


def test_equal_values_in_centimetres_and_inches_give_the_same_bytes() -> None:
    inches = assess_json(json.dumps(results(entry("quad_length", heel(8, "in"), heel(6, "in")))))
    cm = assess_json(json.dumps(results(entry("quad_length", heel(20.32), heel(15.24)))))
    assert inches == cm


# --- findings, severity, sides ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "severity"),
    [
        (held(8), held(12), "mild"),  # one side, near the mark
        (held(8), held(8), "moderate"),  # both sides
        (held(4), held(12), "moderate"),  # far from the mark: 4 s misses 10 s by more than half
        (CANNOT, held(12), "moderate"),  # could not perform
        (held(4), held(8), "marked"),  # both sides, one far
        (CANNOT, CANNOT, "marked"),
    ],
)
def test_severity_counts_both_sides_could_not_perform_and_far_from_the_mark(
    left: dict[str, Any], right: dict[str, Any], severity: str
) -> None:
    p = assess(results(entry("single_leg_bridge", left, right)))
    (finding,) = [f for f in p.findings if f.id == "weak_hip_extension"]
    assert finding.severity == severity


def test_a_finding_names_its_evidence_in_plain_words() -> None:
    p = assess(results(entry("quad_length", heel(8, "in"), heel(10))))
    (finding,) = p.findings
    assert [e.text for e in finding.evidence] == [
        "Left: Heel-to-buttock distance: 20.32 cm (8 in) (pass mark: at most 15.24 cm (6 in))"
    ]
    assert finding.why.sources[0].quote


def test_one_compensation_can_point_at_several_findings_through_the_rules() -> None:
    p = assess(results(both_sides("split_squat_test", {"compensations": ["back_hip_flexed"]})))
    assert set(findings(p)) == {
        "hip_flexor_tightness",
        "quad_tightness",
        "split_squat_pattern_fault",
    }


def test_rules_are_data_without_the_bridge_rule_a_short_hold_is_no_finding() -> None:
    catalog = dataclasses.replace(
        CATALOG, rules=tuple(r for r in CATALOG.rules if r.id != "bridge_fails")
    )
    p = assess(results(entry("single_leg_bridge", held(6))), catalog)
    assert outcome(p, "single_leg_bridge") == "fail"
    assert "weak_hip_extension" not in findings(p)


def only_fault_rules(catalog: Catalog) -> Catalog:
    """The side plank keeps only its rule that names faults."""
    kept = tuple(
        r
        for r in catalog.rules
        if r.assessment != "side_plank_test" or r.id == "side_plank_loses_the_line"
    )
    return dataclasses.replace(catalog, rules=kept)


def test_could_not_perform_fires_a_fault_rule_when_the_test_has_nothing_else() -> None:
    p = assess(results(entry("side_plank_test", CANNOT)), only_fault_rules(CATALOG))
    assert findings(p) == {"poor_lateral_trunk_control": ("left",)}


def test_could_not_perform_fires_the_general_rule_not_the_fault_rule() -> None:
    p = assess(results(entry("side_plank_test", CANNOT)))
    assert findings(p) == {"weak_hip_abduction": ("left",)}


# --- asymmetry --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "flagged"),
    [(20, 18, False), (20, 17.9, True), (18, 20, False), (17.9, 20, True)],
)
def test_a_limb_symmetry_index_below_the_policy_threshold_is_an_asymmetry(
    left: float, right: float, flagged: bool
) -> None:
    assert CATALOG.policy.asymmetry_index_below == 90
    p = assess(results(entry("single_leg_bridge", held(left), held(right))))
    measured = [a for a in p.asymmetries if a.kind == "measure"]
    assert bool(measured) == flagged
    if flagged:
        assert measured[0].weaker_side == ("left" if left < right else "right")


def test_two_heel_gaps_are_not_compared_as_a_ratio() -> None:
    # both pass; 8 / 14 would be an index of 57 %, which means nothing for a gap that is 0
    # when the range is full (the content says compare_sides: false)
    p = assess(results(entry("quad_length", heel(14), heel(8))))
    assert p.asymmetries == ()


def test_pass_on_one_side_and_fail_on_the_other_is_an_asymmetry_worked_first() -> None:
    down = {"criteria": {"leg_stays_down": True}}
    up = {"criteria": {"leg_stays_down": False}}
    p = assess(results(entry("hip_flexor_length", up, down)))
    assert [(a.kind, a.weaker_side) for a in p.asymmetries] == [("pass_fail", "left")]
    (item,) = [i for i in p.program if i.exercise == "hip_flexor_stretch"]
    assert (item.worse_side, item.worse_side_sets) == ("left", item.dose.sets + 1)


def test_the_weaker_side_s_extra_work_is_counted_in_the_dose_s_own_word() -> None:
    """A dose of holds reads 'Hold for 30 seconds, 2 times', so the weaker side does 3 holds, not
    '3 sets' a runner could take for 3 sets of 2 holds; a dose of reps keeps its sets."""
    dose = CATALOG.words.dose
    up, down = {"criteria": {"leg_stays_down": False}}, {"criteria": {"leg_stays_down": True}}
    p = assess(results(entry("hip_flexor_length", up, down)))
    (stretch,) = [i for i in p.program if i.exercise == "hip_flexor_stretch"]
    assert stretch.dose.hold_seconds is not None
    holds = dose.holds.many.format(n=stretch.dose.sets + 1)
    assert f" {holds} " in stretch.side_line
    assert dose.sets.many.format(n=stretch.dose.sets + 1) not in stretch.side_line
    p = assess(results(*all_pass_but(entry("side_plank_test", held(4), held(12)))))
    reps = [i for i in p.program if i.worse_side and i.dose.reps is not None]
    assert reps
    for item in reps:
        assert f" {dose.sets.many.format(n=item.dose.sets + 1)} " in item.side_line


def test_no_asymmetry_is_guessed_from_one_side() -> None:
    assert assess(results(entry("single_leg_bridge", held(3)))).asymmetries == ()


# --- safety -----------------------------------------------------------------------------------


@pytest.mark.parametrize("flag", [f.id for f in CATALOG.red_flags])
def test_any_red_flag_means_a_referral_and_no_program(flag: str) -> None:
    p = assess(results(*ALL_PASS, **{flag: True}))
    assert p.status == "refer"
    assert (p.program, p.findings, p.later) == ((), (), ())
    assert [r.source for r in p.referrals] == [flag]


@pytest.mark.parametrize("assessment", CATALOG.assessments, ids=lambda a: a.id)
def test_pain_in_a_test_refers_stops_its_line_and_withholds_loading_its_region(
    assessment: Any,
) -> None:
    failing_elsewhere = [both_sides(a.id, CANNOT) for a in CATALOG.assessments]
    painful = entry(assessment.id, hurt(), CANNOT)
    tests = [painful if e["assessment"] == assessment.id else e for e in failing_elsewhere]
    p = assess(results(*tests))
    assert [(r.kind, r.source, r.side) for r in p.referrals] == [("pain", assessment.id, "left")]
    assert not any(e.assessment == assessment.id for f in p.findings for e in f.evidence)
    exercises = {e.id: e for e in CATALOG.exercises}
    for item in (*p.program, *p.later):
        exercise = exercises[item.exercise]
        assert exercise.load == "stretch" or assessment.region not in exercise.regions


def test_pain_with_nothing_else_to_do_says_so_and_gives_nothing() -> None:
    p = assess(results(entry("single_leg_bridge", hurt())))
    assert (p.status, p.program) == ("pain", ())
    assert p.headline == CATALOG.words.headlines.pain_nothing_safe


SINGLE_LEG = {e.id for e in CATALOG.exercises if "single_leg_load" in e.movements}


def test_a_painful_split_squat_is_never_passed_and_withholds_single_leg_loading() -> None:
    p = assess(results(*all_pass_but(entry("split_squat_test", split_squat(), hurt(2)))))
    assert p.status == "pain"
    assert "passed" not in p.headline
    assert outcome(p, "split_squat_test", "right") == "pain"
    assert not SINGLE_LEG & {*program(p), *(w.exercise for w in p.later)}
    withheld = {w.exercise: w.text for w in p.withheld}
    assert "single_leg_rdl" in withheld
    assert "same movement (taking your weight on one leg)" in withheld["single_leg_rdl"]


def test_a_painful_hip_flexor_test_withholds_its_stretch_whatever_else_asks_for_it() -> None:
    back_hip = both_sides("split_squat_test", split_squat("back_hip_flexed"))
    p = assess(results(*all_pass_but(entry("hip_flexor_length", hurt(2)), back_hip)))
    assert "hip_flexor_tightness" in findings(p)
    assert "hip_flexor_stretch" not in program(p)
    assert "hip_flexor_stretch" in [w.exercise for w in p.withheld]


def test_groin_pain_under_single_leg_load_is_urgent_in_the_pre_screen_s_words() -> None:
    groin = {"pain": {"present": True, "score": 8, "where": ["groin"]}}
    p = assess(results(*all_pass_but(entry("split_squat_test", groin, split_squat()))))
    flag = next(f for f in CATALOG.red_flags if f.id == "hip_groin_pain_running")
    assert (p.status, p.program, p.findings) == ("refer", (), ())
    assert [(r.reason, r.urgent, r.label) for r in p.referrals] == [
        (flag.reason, True, CATALOG.words.urgent_label)
    ]


def test_a_mild_knee_ache_in_the_split_squat_is_not_urgent() -> None:
    knee = {"pain": {"present": True, "score": 2, "where": ["knee"]}}
    p = assess(results(*all_pass_but(entry("split_squat_test", knee, split_squat()))))
    assert p.status == "pain"
    assert not any(r.urgent for r in p.referrals)
    assert "You felt it in: the knee." in p.referrals[0].reason


def test_a_pain_score_at_the_limit_withholds_every_loading_exercise() -> None:
    limit = CATALOG.pain.withhold_all_loading_from
    for score, loads in ((limit - 1, True), (limit, False)):
        p = assess(results(*all_pass_but(entry("quad_length", hurt(score)))))
        loading = [i.exercise for i in p.program if i.load != "stretch"]
        assert bool(loading) == loads, score


def test_where_it_hurt_withholds_that_region_too() -> None:
    back = {"pain": {"present": True, "score": 2, "where": ["lower_back"]}}
    p = assess(results(*all_pass_but(entry("hip_flexor_length", back))))
    lumbar = {e.id for e in CATALOG.exercises if "lumbar" in e.regions and e.load != "stretch"}
    assert not lumbar & set(program(p))
    assert lumbar & {w.exercise for w in p.withheld}


# --- one side, and the article's whole advice -----------------------------------------------


def test_one_sided_weakness_gets_work_one_leg_at_a_time_worse_side_first() -> None:
    p = assess(results(*all_pass_but(entry("single_leg_bridge", held(6), held(12)))))
    (item,) = [i for i in p.program if i.exercise == "single_leg_hip_bridge"]
    assert (item.worse_side, item.worse_side_sets) == ("left", item.dose.sets + 1)
    assert "one leg at a time" in item.side_line
    assert "hip_bridge" not in program(p)


def test_a_split_squat_with_the_trunk_pitching_forward_gets_both_stretches() -> None:
    p = assess(results(both_sides("split_squat_test", split_squat("trunk_pitch"))))
    assert {"hip_flexor_tightness", "quad_tightness"} <= set(findings(p))
    assert {"hip_flexor_stretch", "quad_stretch"} <= set(program(p))
    (later,) = [w for w in p.later if w.exercise == "split_squat"]
    assert "limited depth" in later.text


# --- words that are true ----------------------------------------------------------------------


def test_upkeep_covers_only_tests_done_and_passed_each_with_its_own_sentence() -> None:
    p = assess(results(both_sides("single_leg_bridge", held(12))))
    assert program(p) == ["hip_bridge", "single_leg_rdl"]
    quotes = {i.exercise: [r.quote for r in i.why.sources] for i in p.program}
    assert not any("favorite" in q for q in quotes["hip_bridge"])
    assert any("favorite" in q for q in quotes["single_leg_rdl"])


def test_a_stretch_kept_as_upkeep_keeps_range_not_strength() -> None:
    p = assess(results(*ALL_PASS))
    for item in p.program:
        kind = "range" if item.load == "stretch" else "strength"
        if item.quality in ("mobility", "strength"):
            assert kind in item.why.text, item.exercise


def test_the_rescreen_is_dated_from_when_the_tests_were_done() -> None:
    doc = {**results(entry("single_leg_bridge", held(5))), "recorded_at": "2026-12-02T08:30"}
    reassess = assess(doc).reassess
    assert reassess is not None
    assert (reassess.from_date, reassess.by_date) == ("2026-12-30", "2027-01-13")
    assert "between 2026-12-30 and 2027-01-13" in reassess.text


# --- answers that cannot all be true ------------------------------------------------------------


@pytest.mark.parametrize(
    ("side", "path"),
    [
        ({**held(30), "could_not_perform": True}, "assessments[0].left.measures.hold_time"),
        (
            {"pain": {"present": True, "where": ["side_of_hip"]}},
            "assessments[0].left.pain.where[0]",
        ),
        ({"pain": {"present": False, "where": ["buttock"]}}, "assessments[0].left.pain.where"),
    ],
)
def test_answers_that_contradict_each_other_are_refused(side: dict[str, Any], path: str) -> None:
    p = assess(results(entry("single_leg_bridge", side)))
    assert path in [e.path for e in p.errors]


def test_a_stand_in_answer_that_disagrees_with_its_measure_is_refused() -> None:
    side = {**knee_opening(30), "criteria": {"reached_45": True}}
    p = assess(results(entry("hip_rotation_control", side)))
    assert [e.path for e in p.errors] == ["assessments[0].left.criteria.reached_45"]


def test_a_date_that_is_not_on_the_calendar_is_refused() -> None:
    p = assess({**results(), "recorded_at": "2026-02-30"})
    assert [e.path for e in p.errors] == ["recorded_at"]


# --- the program ------------------------------------------------------------------------------


def test_the_split_squat_waits_while_a_mobility_finding_is_open() -> None:
    p = assess(results(both_sides("split_squat_test", {"compensations": ["trunk_pitch"]})))
    assert "split_squat" not in program(p)
    assert [(w.exercise, w.reason) for w in p.later] == [("split_squat", "after_mobility")]


def test_the_split_squat_is_prescribed_once_mobility_is_clear() -> None:
    p = assess(
        results(*all_pass_but(both_sides("split_squat_test", {"compensations": ["balance_loss"]})))
    )
    assert program(p)[-1] == "split_squat"


def test_the_session_is_capped_and_the_rest_waits_for_later() -> None:
    faults = [(a.id, [c.id for c in a.compensations]) for a in CATALOG.assessments]
    p = assess(results(*[both_sides(a, {**PASSING[a], "compensations": c}) for a, c in faults]))
    assert len(p.findings) == len(CATALOG.findings)
    assert len(p.program) == CATALOG.policy.session_max_exercises
    assert "session_full" in {later.reason for later in p.later}


def test_a_short_corrective_session_is_topped_up_to_the_minimum() -> None:
    opening = both_sides("hip_rotation_control", knee_opening(20))
    p = assess(results(*all_pass_but(opening)))
    assert len(p.program) == CATALOG.policy.session_min_exercises
    assert [i.role for i in p.program].count("corrective") == 1


def test_a_session_is_topped_up_only_with_upkeep_of_tests_that_passed() -> None:
    opening = {"measures": {"knee_opening": {"value": 20, "unit": "deg"}}}
    p = assess(results(entry("hip_rotation_control", opening)))
    assert [i.role for i in p.program] == ["corrective"]


def test_could_not_perform_starts_one_rung_lower() -> None:
    usual = assess(results(entry("side_plank_test", held(5))))
    lower = assess(results(entry("side_plank_test", CANNOT)))
    assert "side_lying_hip_abduction" in program(usual)
    assert "clamshell" in program(lower)
    assert "side_lying_hip_abduction" not in program(lower)


def test_every_item_says_how_to_move_up_and_down_and_why() -> None:
    tests = [both_sides(a.id, CANNOT) for a in CATALOG.assessments]
    for item in assess(results(*tests)).program:
        assert item.advance
        assert item.regress
        assert item.why.text
        assert any(ref.quote for ref in item.why.sources)


def test_all_pass_gives_the_maintenance_program() -> None:
    p = assess(results(*ALL_PASS))
    assert p.status == "maintenance"
    assert sorted(program(p)) == sorted(u.exercise for u in CATALOG.policy.maintenance)
    assert all(i.role == "maintenance" for i in p.program)


def test_nothing_done_is_not_assessed_and_nothing_is_guessed() -> None:
    p = assess(results())
    assert (p.status, p.program, p.findings) == ("not_assessed", (), ())
    assert p.not_done == tuple(a.id for a in CATALOG.assessments)


# --- reassessment -----------------------------------------------------------------------------


def test_a_mobility_test_is_retested_right_after_stretching() -> None:
    p = assess(results(entry("quad_length", heel(25))))
    assert p.reassess is not None
    (check,) = p.reassess.checks
    assert (check.assessment, check.when, check.exercises) == (
        "quad_length",
        "after_stretching",
        ("quad_stretch",),
    )


def test_a_failed_strength_test_is_the_progress_check_at_the_rescreen() -> None:
    p = assess(results(entry("single_leg_bridge", held(5))))
    assert p.reassess is not None
    (check,) = p.reassess.checks
    assert (check.when, check.progress_check) == ("rescreen", True)
    assert "single_leg_hip_bridge" in check.exercises
    assert (p.reassess.rescreen_weeks_min, p.reassess.rescreen_weeks_max) == (4, 6)


# --- determinism ------------------------------------------------------------------------------


def test_the_order_of_the_entries_does_not_change_a_byte() -> None:
    doc = results(*all_pass_but(entry("single_leg_bridge", held(6), held(12, "hamstring_cramp"))))
    reordered = {**doc, "assessments": list(reversed(doc["assessments"]))}
    assert assess_json(json.dumps(doc)) == assess_json(json.dumps(reordered))


# --- catalogs the content does not have yet -----------------------------------------------------


def with_split_squat_done_once(catalog: Catalog) -> Catalog:
    """The split squat as a test done once, not per side."""
    assessments = tuple(
        dataclasses.replace(a, sided=False) if a.id == "split_squat_test" else a
        for a in catalog.assessments
    )
    return dataclasses.replace(catalog, assessments=assessments)


def test_a_test_done_once_is_judged_under_both() -> None:
    catalog = with_split_squat_done_once(CATALOG)
    doc = results({"assessment": "split_squat_test", "both": {"compensations": ["balance_loss"]}})
    p = assess(doc, catalog)
    assert outcome(p, "split_squat_test", "both") == "fail"
    assert findings(p) == {"split_squat_pattern_fault": ("both",)}
    assert p.asymmetries == ()


def test_a_side_given_for_a_test_done_once_is_refused() -> None:
    catalog = with_split_squat_done_once(CATALOG)
    p = assess(results(entry("split_squat_test", {"compensations": []})), catalog)
    assert [(e.path, e.message) for e in p.errors] == [
        ("assessments[0].left", "this test is done once: give 'both', not a side")
    ]


def test_a_rule_may_name_could_not_perform_itself() -> None:
    rule = dataclasses.replace(
        CATALOG.rules[0], id="cannot_plank", assessment="side_plank_test",
        finding="poor_lateral_trunk_control", when=("could_not_perform",),
    )  # fmt: skip
    catalog = dataclasses.replace(only_fault_rules(CATALOG), rules=(rule,))
    assert check_references(catalog) == []
    assert findings(assess(results(entry("side_plank_test", held(3))), catalog)) == {}
    assert findings(assess(results(entry("side_plank_test", CANNOT)), catalog)) == {
        "poor_lateral_trunk_control": ("left",)
    }
