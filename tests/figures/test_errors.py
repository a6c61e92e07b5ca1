"""Bad pose data stops the build like any content error: file, line, field, plain words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from site_plugins.content import ContentError
from site_plugins.hipguide.kinds import load_site_content
from tests.conftest import build_site
from tests.content.conftest import site_config
from tests.content.edits import Case, Edit, Expect, Remove, Replace, Write

BRIDGE = "figures/hip_bridge.yaml"
THRUST = "figures/hip_thrust.yaml"
SLB = "figures/single_leg_bridge.yaml"
SQUAT = "figures/split_squat.yaml"
LENGTH = "figures/hip_flexor_length.yaml"
ARMS = r"^      shoulders: \{flexion: -3.3\}"


@dataclass(frozen=True)
class Delete(Edit):
    """Remove a whole file."""

    file: str

    def apply(self, content: Path) -> None:
        (content / self.file).unlink()


CASES = [
    Case(
        "unknown joint",
        (Replace(BRIDGE, r"^      knees: \{flexion: 100\}", "      knes: {flexion: 100}"),),
        (
            Expect(
                BRIDGE, r"^      knes:", "poses[0].joints.knes",
                "is not a known field; did you mean 'knees'?",
            ),
        ),
    ),
    Case(
        "unknown motion of a joint",
        (Replace(BRIDGE, r"^      hips: \{flexion: 50\}", "      hips: {flex: 50}"),),
        (
            Expect(
                BRIDGE, r"^      hips: \{flex:", "poses[0].joints.hips.flex",
                "is not a known field; did you mean 'flexion'?",
            ),
        ),
    ),
    Case(
        "angle outside the human range",
        (Replace(BRIDGE, r"^      knees: \{flexion: 100\}", "      knees: {flexion: 200}"),),
        (
            Expect(
                BRIDGE, r"^      knees: \{flexion: 200", "poses[0].joints.knees.flexion",
                "must be at most 160, got 200",
            ),
        ),
    ),
    Case(
        "unknown prop",
        (Replace(THRUST, r"kind: bench", "      - {kind: bnech, at: [thorax]}"),),
        (
            Expect(
                THRUST, r"kind: bnech", "poses[0].props[0].kind",
                "should be one of 'mat', 'bench', 'exercise_ball', 'kettlebell', 'stick', "
                "'band', 'chair', 'glass', got 'bnech'; did you mean 'bench'?",
            ),
        ),
    ),
    Case(
        "a grounded part that cannot reach the floor",
        (Remove(BRIDGE, r"^      neck: \{flexion: 32.5\}"),),
        (
            Expect(
                BRIDGE, r"^    ground: \[sole_left, sole_right, thorax", "poses[1].ground[2]",
                "'thorax' does not reach what it rests on: it stays 10.8 cm above it while "
                "forearm_left, forearm_right, head, sole_left, sole_right touch; change the angles",
            ),
            Expect(
                BRIDGE, r"^    ground: \[sole_left, sole_right, thorax", "poses[1].ground[4]",
                "'forearm_left' does not reach what it rests on: it stays 2.7 cm above it while "
                "forearm_right, head, sole_left, sole_right, thorax touch; change the angles",
            ),
            Expect(
                BRIDGE, r"^    ground: \[sole_left, sole_right, thorax", "poses[1].ground[5]",
                "'forearm_right' does not reach what it rests on: it stays 2.7 cm above it while "
                "forearm_left, head, sole_left, sole_right, thorax touch; change the angles",
            ),
        ),
    ),
    Case(
        "a part below the floor",
        (Replace(BRIDGE, ARMS, "      shoulders: {flexion: -30}"),),
        tuple(
            Expect(
                BRIDGE, r"^  - id: start", "poses[0]",
                f"'{part}' goes {depth} cm below the floor; change the angles, or say it rests "
                "on the floor in 'ground'",
            )
            for part, depth in (
                ("upper_arm_left", 10.5), ("forearm_left", 29.7),
                ("upper_arm_right", 10.5), ("forearm_right", 29.7),
            )
        ),
    ),
    Case(
        "an angle labelled in a view it does not face",
        (Replace(THRUST, r"^  end: end", "  end: end\n  view: front"),),
        (
            Expect(
                THRUST, r"joint: knee_right, motion: flexion", "motion.angles[0]",
                "'knee_right' flexion is 90° in 'end' but would be drawn as 0.0° in this view: "
                "label an angle only where the movement faces the camera (try another view or "
                "'turn')",
            ),
        ),
    ),
    Case(
        "an angle of a motion the joint does not have",
        (
            Replace(
                THRUST, r"joint: knee_right, motion: flexion",
                "    - {joint: knee_right, motion: abduction}",
            ),
        ),
        (
            Expect(
                THRUST, r"joint: knee_right, motion: abduction", "motion.angles[0].motion",
                "'knee_right' has no 'abduction' (it allows: flexion)",
            ),
        ),
    ),
    Case(
        "a fault that is not one of the assessment's compensations",
        (
            Replace(
                SLB, r"compensation: hamstring_cramp",
                "  - {compensation: hamstring_cramps, pose: hamstring_cramp, marks: [thigh_left]}",
            ),
        ),
        (
            Expect(
                SLB, r"^faults:", "faults",
                "draws no fault for the compensation 'hamstring_cramp' (Hamstring cramps); "
                "every compensation the test checks is shown",
            ),
            Expect(
                SLB, r"compensation: hamstring_cramps", "faults[1].compensation",
                "'hamstring_cramps' is not a compensation of the assessment 'single_leg_bridge' "
                "(its compensations: pelvis_drops_or_rotates, hamstring_cramp)",
            ),
        ),
    ),
    Case(
        "a compensation drawn nowhere",
        (Remove(SLB, r"compensation: hamstring_cramp"),),
        (
            Expect(
                SLB, r"^faults:", "faults",
                "draws no fault for the compensation 'hamstring_cramp' (Hamstring cramps); "
                "every compensation the test checks is shown",
            ),
        ),
    ),
    Case(
        "a range whose low end is not below the angle drawn",
        (
            Replace(
                LENGTH, r"range_from: 15",
                "      - {joint: hip_right, motion: flexion, range_from: 25}",
            ),
        ),
        (
            Expect(
                LENGTH, r"range_from: 25", "details[0].angles[0].range_from",
                "must be below the pose's angle (20°), the range's high end",
            ),
        ),
    ),
    Case(
        "a pose like one that does not exist",
        (Replace(BRIDGE, r"^    like: start", "    like: begin"),),
        (
            Expect(
                BRIDGE, r"^    like: begin", "poses[1].like",
                "names the pose 'begin', which this figure does not have (start, end)",
            ),
        ),
    ),
    Case(
        "a plumb line that does not hold",
        (
            Replace(
                SQUAT, r"kind: plumb, points: \[knee_right",
                "    - {kind: plumb, points: [hip_right, ankle_right]}",
            ),
        ),
        (
            Expect(
                SQUAT, r"points: \[hip_right, ankle_right", "motion.guides[0].points",
                "'hip_right' is not straight above 'ankle_right' in 'end': they are 42.9 cm apart",
            ),
        ),
    ),
    Case(
        "a gap drawn that fails its pass mark",
        (
            Replace(
                "figures/quad_length.yaml", r"^      knee_left: \{flexion: 150\}",
                "      knee_left: {flexion: 120}",
            ),
        ),
        (
            Expect(
                "figures/quad_length.yaml", r"kind: distance", "motion.guides[0].points",
                "the gap drawn is 29 cm, which fails the pass mark ≤ 6 in (15 cm): draw a pose "
                "that passes",
            ),
        ),
    ),
    Case(
        "an ankle angle on a sole the floor sets",
        (
            Replace(
                BRIDGE, r"^      hips: \{flexion: 50\}",
                "      hips: {flexion: 50}\n      ankle_left: {dorsiflexion: 10}",
            ),
        ),
        (
            Expect(
                BRIDGE, r"^      ankle_left:", "poses[0].joints.ankle_left.dorsiflexion",
                "the left sole is flat on the floor in this pose, which sets the ankle: leave "
                "this out, or ground 'foot_left' or 'toes_left' instead",
            ),
        ),
    ),
    Case(
        "a figure of nothing",
        (
            Write(
                "figures/jumping_jacks.yaml",
                (Path(__file__).parents[2] / "content" / BRIDGE)
                .read_text("utf-8")
                .replace("id: hip_bridge", "id: jumping_jacks"),
            ),
        ),
        (
            Expect(
                "figures/jumping_jacks.yaml", r"^id: ", "id",
                "names no assessment or exercise: 'jumping_jacks' is not one (a figure file is "
                "named after the assessment or exercise it draws)",
            ),
        ),
    ),
    Case(
        "an exercise without a figure",
        (Delete(THRUST),),
        (
            Expect(
                "exercises/hip_thrust.yaml", r"^id: ", "id",
                "has no figure: add content/figures/hip_thrust.yaml (docs/figures.md shows how)",
            ),
        ),
    ),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_bad_pose_data_is_reported_exactly(case: Case, content_copy: Path) -> None:
    for edit in case.edits:
        edit.apply(content_copy)
    with pytest.raises(ContentError) as raised:
        load_site_content(content_copy)
    assert raised.value.problems == [expect.resolve(content_copy) for expect in case.expect]


def test_figure_problems_wait_until_the_catalog_holds_together(content_copy: Path) -> None:
    """A broken reference elsewhere is reported alone: figures are checked against a sound
    catalog, or their messages would only repeat it."""
    Delete(THRUST).apply(content_copy)
    Replace("rules.yaml", r"^  finding: ", "  finding: no_such_finding").apply(content_copy)
    with pytest.raises(ContentError) as raised:
        load_site_content(content_copy)
    assert all("figure" not in str(p) for p in raised.value.problems)


def test_mkdocs_build_stops_on_bad_pose_data_with_the_location_and_no_traceback(
    content_copy: Path, tmp_path: Path
) -> None:
    case = next(c for c in CASES if c.id == "angle outside the human range")
    for edit in case.edits:
        edit.apply(content_copy)
    result = build_site(tmp_path / "site", site_config(tmp_path, content_copy))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert str(case.expect[0].resolve(content_copy)) in output
    assert "Traceback" not in output
