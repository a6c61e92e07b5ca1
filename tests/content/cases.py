"""The malformed-content fixtures: each a patch to a copy of the real ``content/`` folder, with
every problem it must produce (file, line, field, message), exactly.

Patches of real files touch top-level fields only, or add items at the end of a list file, so
they hold while the content grows. Deeper patches work on the test's own exercise
(``DRILL``) and assessment (``HOLD``), added to the copy beside the real ones.
"""

from __future__ import annotations

from tests.content.edits import Append, Case, Expect, Remove, Replace, Write

__all__ = ["CASES", "DRILL", "HOLD", "drill"]

DRILL = """\
# yaml-language-server: $schema=../schema/exercise.schema.json
id: {id}
name: Test Drill
quality: strength
load: low_load
regions: [hip_back]
purpose: A drill written by the tests.
steps:
  - Lie on your back.
  - Lift your hips.
cues:
  - Squeeze.
faults:
  - Arching the back.
muscles: [Gluteus maximus]
equipment: [mat]
dose:
  sets: 3
  reps: 10
  rest_seconds: 60
  sessions_per_week: 3
origin: domain_notes
sources:
  - source: acsm_2009
    section: Doses
"""

HOLD = """\
# yaml-language-server: $schema=../schema/assessment.schema.json
id: test_hold
order: 99
name: Test Hold
clinical_name: Test hold
category: Tests
quality: strength
region: hip_back
sided: true
side_convention: The left test is done on the left leg.
purpose: A test written by the tests.
setup:
  - Lie down.
steps:
  - Hold.
pass_summary: You hold for 10 seconds.
fail_meaning: Weak.
origin: domain_notes
sources:
  - source: acsm_2009
    section: Doses
measures:
  - id: hold_time
    label: Seconds held
    unit: s
    minimum: 0
    maximum: 600
    pass_when:
      comparator: ">="
      value: 10
      unit: s
compensations:
  - id: hips_sag
    label: Hips sag
    looks_like: The hips drop.
"""


def drill(item_id: str = "test_drill", extra: str = "", **replace: str) -> Write:
    """The test's own exercise, as ``exercises/<id>.yaml``; ``replace`` swaps whole lines
    (``sets="  sets: 30"`` replaces the line that starts with '  sets:')."""
    lines = DRILL.format(id=item_id).splitlines()
    for key, new in replace.items():
        lines[_line_of(lines, key)] = new
    return Write(f"exercises/{item_id}.yaml", "\n".join(lines) + "\n" + extra)


def hold(**replace: str) -> Write:
    """The test's own assessment, ``assessments/test_hold.yaml``; lines swapped as in drill."""
    lines = HOLD.splitlines()
    for key, new in replace.items():
        lines[_line_of(lines, key)] = new
    return Write("assessments/test_hold.yaml", "\n".join(lines) + "\n")


def _line_of(lines: list[str], key: str) -> int:
    return next(i for i, line in enumerate(lines) if line.strip(" -").startswith(f"{key}:"))


BRIDGE = "exercises/hip_bridge.yaml"
TEST = "assessments/single_leg_bridge.yaml"
DRILL_FILE = "exercises/test_drill.yaml"
HOLD_FILE = "assessments/test_hold.yaml"


def rule(
    rule_id: str, assessment: str, finding: str, extra: str = "", source: str = "article"
) -> str:
    return (
        f"- id: {rule_id}\n  assessment: {assessment}\n  finding: {finding}\n{extra}"
        f"  sources:\n    - source: {source}\n      section: Tests\n"
    )


def finding(finding_id: str, exercises: str = "[hip_bridge]") -> str:
    return (
        f"- id: {finding_id}\n  name: A test finding\n  quality: strength\n  region: hip_back\n"
        f"  description: Written by the tests.\n  exercises: {exercises}\n"
        "  sources:\n    - source: acsm_2009\n      section: Doses\n"
    )


CASES: tuple[Case, ...] = (
    # --- YAML syntax ------------------------------------------------------------------------
    Case(
        "unclosed quote",
        (Replace(BRIDGE, r"^name: ", 'name: "Hip Bridge'),),
        (Expect(BRIDGE, r"^name: ", "", "is not valid YAML: a quote on this line is not closed"),),
    ),
    Case(
        "tab indentation",
        (Replace(TEST, r"^setup:", "setup:\n\t- Lie down."),),
        (
            Expect(
                TEST,
                r"^\t- Lie",
                "",
                "is not valid YAML: a tab character; indent with spaces, not tabs",
            ),
        ),
    ),
    Case(
        "colon inside unquoted text",
        (Replace(BRIDGE, r"^purpose:", "purpose: Strengthens: the gluteals."),),
        (
            Expect(
                BRIDGE,
                r"^purpose:",
                "",
                "is not valid YAML: a ':' where YAML does not expect one; check the indentation,"
                " and put text that contains ': ' in quotes",
            ),
        ),
    ),
    Case(
        "line without its colon",
        (Replace("policy.yaml", r"^session_max_exercises:", "session_max_exercises 6"),),
        (
            Expect(
                "policy.yaml",
                r"^session_max_exercises 6",
                "",
                "is not valid YAML: a line is missing its ':' (fields are written 'name: value')",
            ),
        ),
    ),
    Case(
        "two documents in one file",
        (Append("rules.yaml", "---\n" + rule("second_document", "single_leg_bridge", "x")),),
        (
            Expect(
                "rules.yaml",
                r"^---",
                "",
                "is not valid YAML: holds more than one YAML document ('---'); keep one per file",
            ),
        ),
    ),
    Case(
        "a field written twice",
        (drill(extra="name: Another Name\n"),),
        (
            Expect(
                DRILL_FILE,
                r"^name: Another",
                "name",
                "is written twice (first at line 3); keep one",
            ),
        ),
    ),
    Case(
        "empty file",
        (Write(BRIDGE, ""),),
        (Expect(BRIDGE, None, "", "is empty"),),
    ),
    Case(
        "file with only the schema comment",
        (Write(TEST, "# yaml-language-server: $schema=../schema/assessment.schema.json\n"),),
        (Expect(TEST, None, "", "is empty"),),
    ),
    Case(
        "not UTF-8",
        (Replace(BRIDGE, r"^name: ", "name: Pont fessier \u00e9l\u00e9v\u00e9", "cp1252"),),
        (
            Expect(
                BRIDGE,
                r"^name: ",
                "",
                "is not UTF-8 text (byte 0xe9 on this line); save the file as UTF-8",
            ),
        ),
    ),
    # --- one file against the content model -------------------------------------------------
    Case(
        "missing field",
        (Remove(BRIDGE, r"^purpose:"),),
        (Expect(BRIDGE, r"^id: ", "purpose", "is required"),),
    ),
    Case(
        "missing field in a list item",
        (
            Append(
                "findings.yaml", finding("test_finding").replace("  exercises: [hip_bridge]\n", "")
            ),
        ),
        (Expect("findings.yaml", r"^- id: test_finding", "test_finding.exercises", "is required"),),
    ),
    Case(
        "several fields missing",
        (Write(DRILL_FILE, "id: test_drill\nname: Test Drill\n"),),
        (
            Expect(
                DRILL_FILE,
                r"^id: ",
                "",
                "is missing the required fields 'quality', 'load', 'regions', 'purpose', 'steps',"
                " 'cues', 'faults', 'muscles', 'dose', 'origin', 'sources'",
            ),
        ),
    ),
    Case(
        "misspelt field",
        (Replace(BRIDGE, r"^purpose:(.*)", r"purpse:\1"),),
        (Expect(BRIDGE, r"^purpse:", "purpse", "is not a known field; did you mean 'purpose'?"),),
    ),
    Case(
        "misspelt nested field",
        (drill(reps="  rep: 10"),),
        (Expect(DRILL_FILE, r"^  rep:", "dose.rep", "is not a known field; did you mean 'reps'?"),),
    ),
    Case(
        "unknown field, nothing close",
        (drill(extra="difficulty: hard\n"),),
        (
            Expect(
                DRILL_FILE,
                r"^difficulty:",
                "difficulty",
                "is not a known field; the fields here are: id, name, quality, load, regions,"
                " purpose, steps, cues, faults, muscles, dose, origin, sources, equipment,"
                " optional_equipment, sided, regression, progression, movements, side_convention",
            ),
        ),
    ),
    Case(
        "text where a number belongs",
        (drill(sets="  sets: three"),),
        (Expect(DRILL_FILE, r"^  sets:", "dose.sets", "should be a whole number, got 'three'"),),
    ),
    Case(
        "quoted number",
        (drill(sets='  sets: "3"'),),
        (
            Expect(
                DRILL_FILE,
                r"^  sets:",
                "dose.sets",
                "should be a whole number, got '3' (numbers are written without quotes)",
            ),
        ),
    ),
    Case(
        "fraction where a whole number belongs",
        (drill(reps="  reps: 7.5"),),
        (Expect(DRILL_FILE, r"^  reps:", "dose.reps", "should be a whole number, got 7.5"),),
    ),
    Case(
        "yes/no instead of true/false",
        (Replace(TEST, r"^sided:", "sided: yes"),),
        (Expect(TEST, r"^sided:", "sided", "should be true or false, got 'yes'"),),
    ),
    Case(
        "a list where text belongs",
        (drill(purpose="purpose: [strength, control]"),),
        (Expect(DRILL_FILE, r"^purpose:", "purpose", "should be text, got a list"),),
    ),
    Case(
        "text where a list belongs",
        (drill(regions="regions: hip_back"),),
        (
            Expect(
                DRILL_FILE,
                r"^regions:",
                "regions",
                "should be a list (one '- item' per line, or [a, b]), got 'hip_back'",
            ),
        ),
    ),
    Case(
        "text where a group of fields belongs",
        (drill(), Replace(DRILL_FILE, r"^dose:", "dose: 3 x 10")),
        (
            Expect(
                DRILL_FILE,
                r"^dose:",
                "dose",
                "should be a group of fields (indented 'name: value' lines), got '3 x 10'",
            ),
        ),
    ),
    Case(
        "empty field",
        (drill(name="name:"),),
        (Expect(DRILL_FILE, r"^name:", "name", "should be text, but it is empty"),),
    ),
    Case(
        "empty text",
        (drill(name='name: ""'),),
        (Expect(DRILL_FILE, r"^name:", "name", "must not be empty"),),
    ),
    Case(
        "empty list",
        (drill(muscles="muscles: []"),),
        (Expect(DRILL_FILE, r"^muscles:", "muscles", "needs at least one item"),),
    ),
    Case(
        "number above its range",
        (drill(sets="  sets: 30"),),
        (Expect(DRILL_FILE, r"^  sets:", "dose.sets", "must be at most 10, got 30"),),
    ),
    Case(
        "number below its range",
        (drill(rest_seconds="  rest_seconds: -30"),),
        (
            Expect(
                DRILL_FILE, r"^  rest_seconds:", "dose.rest_seconds", "must be at least 0, got -30"
            ),
        ),
    ),
    Case(
        "policy number out of range",
        (Replace("policy.yaml", r"^asymmetry_index_below:", "asymmetry_index_below: 0.9"),),
        (
            Expect(
                "policy.yaml",
                r"^asymmetry_index_below:",
                "asymmetry_index_below",
                "must be at least 50, got 0.9",
            ),
        ),
    ),
    Case(
        "unknown unit",
        (hold(unit="    unit: sec"),),
        (
            Expect(
                HOLD_FILE,
                r"^    unit: sec",
                "measures[0].unit",
                "should be one of 's' (seconds), 'deg' (degrees), 'cm' (centimetres),"
                " 'in' (inches), got 'sec'; did you mean 's'?",
            ),
        ),
    ),
    Case(
        "unit spelt out",
        (hold(unit="    unit: degrees"),),
        (
            Expect(
                HOLD_FILE,
                r"^    unit: degrees",
                "measures[0].unit",
                "should be one of 's' (seconds), 'deg' (degrees), 'cm' (centimetres),"
                " 'in' (inches), got 'degrees'; did you mean 'deg'?",
            ),
        ),
    ),
    Case(
        "unknown word for a closed set",
        (Replace(BRIDGE, r"^quality:", "quality: strenght"),),
        (
            Expect(
                BRIDGE,
                r"^quality:",
                "quality",
                "should be one of 'mobility', 'motor_control', 'strength', 'pattern',"
                " got 'strenght'; did you mean 'strength'?",
            ),
        ),
    ),
    Case(
        "unknown equipment in a list",
        (drill(equipment="equipment: [mat, yoga_block]"),),
        (
            Expect(
                DRILL_FILE,
                r"^equipment:",
                "equipment[1]",
                "should be one of 'mat', 'bench', 'exercise_ball', 'kettlebell', 'barbell',"
                " 'dumbbell', 'stick', 'band', 'cable', 'chair', 'ruler', got 'yoga_block'",
            ),
        ),
    ),
    Case(
        "id that is not lower-case",
        (Append("rules.yaml", rule("Bridge Fails Too", "single_leg_bridge", "x")),),
        (
            Expect(
                "rules.yaml",
                r"^- id: Bridge Fails Too",
                "Bridge Fails Too.id",
                "must be a lower-case id such as 'hip_bridge' (a-z, 0-9, _),"
                " got 'Bridge Fails Too'",
            ),
        ),
    ),
    Case(
        "id that differs from the file name",
        (Replace(BRIDGE, r"^id:", "id: hip_bridges"),),
        (
            Expect(
                BRIDGE,
                r"^id:",
                "id",
                "is 'hip_bridges' but the file is named 'hip_bridge.yaml'; they must match",
            ),
        ),
    ),
    Case(
        "a file where content is not read from",
        (Write("exercise/clam.yaml", DRILL.format(id="clam")),),
        (
            Expect(
                "exercise/clam.yaml",
                None,
                "",
                "is not in a place content is read from (see docs/content.md)",
            ),
        ),
    ),
    Case(
        "a whole file of the wrong shape",
        (Write(DRILL_FILE, "- hip_bridge\n- hip_thrust\n"),),
        (
            Expect(
                DRILL_FILE,
                r"^- hip_bridge",
                "",
                "should be a group of fields (indented 'name: value' lines), got a list",
            ),
        ),
    ),
    # --- across files -----------------------------------------------------------------------
    Case(
        "rule naming an assessment that does not exist",
        (Append("rules.yaml", rule("test_rule", "single_leg_brige", "weak_hip_extension")),),
        (
            Expect(
                "rules.yaml",
                r"^  assessment: single_leg_brige",
                "test_rule.assessment",
                "names the assessment 'single_leg_brige', which does not exist;"
                " did you mean 'single_leg_bridge'?",
            ),
        ),
    ),
    Case(
        "rule naming a finding that does not exist",
        (hold(), Append("rules.yaml", rule("test_rule", "test_hold", "test_finding_typo"))),
        (
            Expect(
                "rules.yaml",
                r"^  finding: test_finding_typo",
                "test_rule.finding",
                "names the finding 'test_finding_typo', which does not exist",
            ),
        ),
    ),
    Case(
        "rule naming a fault the assessment does not have",
        (
            hold(),
            Append("findings.yaml", finding("test_finding")),
            Append(
                "rules.yaml",
                rule("test_rule", "test_hold", "test_finding", extra="  when: [hips_sags]\n"),
            ),
        ),
        (
            Expect(
                "rules.yaml",
                r"^  when: \[hips_sags\]",
                "test_rule.when[0]",
                "names the criterion, measure or compensation (or could_not_perform)"
                " of 'test_hold' 'hips_sags',"
                " which does not exist; did you mean 'hips_sag'?",
            ),
        ),
    ),
    Case(
        "finding naming an exercise that does not exist",
        (Append("findings.yaml", finding("test_finding", "[hip_bridge, hip_brigde]")),),
        (
            Expect(
                "findings.yaml",
                r"^  exercises: \[hip_bridge, hip_brigde\]",
                "test_finding.exercises[1]",
                "names the exercise 'hip_brigde', which does not exist; did you mean 'hip_bridge'?",
            ),
        ),
    ),
    Case(
        "source that does not exist",
        (drill(source="  - source: acsm_200"),),
        (
            Expect(
                DRILL_FILE,
                r"^  - source: acsm_200$",
                "sources[0].source",
                "names the source 'acsm_200', which does not exist; did you mean 'acsm_2009'?",
            ),
        ),
    ),
    Case(
        "duplicate id",
        (Append("findings.yaml", finding("test_finding") + finding("test_finding")),),
        (
            Expect(
                "findings.yaml",
                r"^- id: test_finding",
                "test_finding.id",
                "the id 'test_finding' is already used (at line {line of ^- id: test_finding});"
                " ids must be unique",
                nth=2,
            ),
        ),
    ),
    Case(
        "progression naming the exercise itself",
        (drill(extra="progression:\n  exercise: test_drill\n  when: Never.\n"),),
        (
            Expect(
                DRILL_FILE,
                r"^  exercise: test_drill",
                "progression.exercise",
                "names the exercise itself",
            ),
        ),
    ),
    Case(
        "progressions that loop",
        (
            drill("test_drill_a", extra="progression:\n  exercise: test_drill_b\n  when: Easy.\n"),
            drill("test_drill_b", extra="progression:\n  exercise: test_drill_a\n  when: Easy.\n"),
        ),
        (
            Expect(
                "exercises/test_drill_a.yaml",
                r"^  exercise: test_drill_b",
                "progression.exercise",
                "the progressions form a loop: test_drill_a -> test_drill_b -> test_drill_a",
            ),
        ),
    ),
    Case(
        "equipment both needed and optional",
        (drill(extra="optional_equipment: [band, mat]\n"),),
        (
            Expect(
                DRILL_FILE,
                r"^optional_equipment:",
                "optional_equipment[1]",
                "'mat' is also in 'equipment': a piece is either needed or optional",
            ),
        ),
    ),
    Case(
        "dose with both reps and a hold",
        (drill(reps="  reps: 10\n  hold_seconds: 30"),),
        (Expect(DRILL_FILE, r"^dose:", "dose", "needs exactly one of 'reps' and 'hold_seconds'"),),
    ),
    Case(
        "dose with neither reps nor a hold",
        (drill(reps="  per_side: true"),),
        (Expect(DRILL_FILE, r"^dose:", "dose", "needs exactly one of 'reps' and 'hold_seconds'"),),
    ),
    Case(
        "measure whose range is upside down",
        (hold(maximum="    maximum: 0"),),
        (
            Expect(
                HOLD_FILE,
                r"^    maximum: 0",
                "measures[0].maximum",
                "must be greater than 'minimum'",
            ),
        ),
    ),
    Case(
        "policy minimum above its maximum",
        (
            Replace("policy.yaml", r"^session_min_exercises:", "session_min_exercises: 6"),
            Replace("policy.yaml", r"^session_max_exercises:", "session_max_exercises: 5"),
        ),
        (
            Expect(
                "policy.yaml",
                r"^session_min_exercises:",
                "session_min_exercises",
                "must not be more than the max",
            ),
        ),
    ),
    # --- all problems at once ---------------------------------------------------------------
    Case(
        "every problem in every file is reported",
        (
            Replace(BRIDGE, r"^quality:", "quality: strenght"),
            drill(sets="  sets: 0", muscles="musles: [Gluteus maximus]"),
            Write("exercises/test_empty.yaml", ""),
        ),
        (
            Expect(
                BRIDGE,
                r"^quality:",
                "quality",
                "should be one of 'mobility', 'motor_control', 'strength', 'pattern',"
                " got 'strenght'; did you mean 'strength'?",
            ),
            Expect(
                DRILL_FILE, r"^musles:", "musles", "is not a known field; did you mean 'muscles'?"
            ),
            Expect(DRILL_FILE, r"^  sets:", "dose.sets", "must be at least 1, got 0"),
            Expect("exercises/test_empty.yaml", None, "", "is empty"),
        ),
    ),
    Case(
        "a closed set's words leave a value out",
        (
            Replace(
                "words.yaml", r"^  units:", "  units:\n    s: seconds\n    deg: degrees\n    cm: cm"
            ),
        ),
        (Expect("words.yaml", r"^  units:", "names.units", "has no words for 'in'"),),
    ),
    Case(
        "a dose sentence names what it cannot fill in",
        (Replace("words.yaml", r"^  sets_of_reps:", '  sets_of_reps: "{sets} of {reps}{side}."'),),
        (
            Expect(
                "words.yaml",
                r"^  sets_of_reps:",
                "dose.sets_of_reps",
                "names {side}, which it cannot fill in (it can: {each_side}, {reps}, {sets})",
            ),
        ),
    ),
)
