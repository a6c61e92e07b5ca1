"""Malformed-content fixtures for issue 13: numbers that are not numbers, YAML that could hurt
the build, files in the wrong place or missing, and ids used by two kinds. Same form as
``tests.content.cases``."""

from __future__ import annotations

from tests.content.cases import DRILL, DRILL_FILE, HOLD_FILE, TEST, drill, hold, rule
from tests.content.edits import Case, Delete, Expect, Link, Remove, Replace, Write

__all__ = ["COMPLETENESS_CASES", "FILE_CASES", "MARKUP_CASES", "NUMBER_CASES", "YAML_CASES"]

BOMB = (
    "bomb_a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    "bomb_b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "bomb_c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "bomb_d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
)
NEEDS = "the guide cannot give a safe program without at least one (see docs/content.md)"
FINITE = "must be a finite number, got .inf (YAML reads a number beyond 1e308 as .inf)"

NUMBER_CASES: tuple[Case, ...] = (
    Case(
        ".nan as a measure's minimum",
        (hold(minimum="    minimum: .nan"),),
        (
            Expect(
                HOLD_FILE,
                r"^    minimum:",
                "measures[0].minimum",
                "must be a finite number, got .nan",
            ),
        ),
    ),
    Case(
        ".inf as a measure's maximum",
        (hold(maximum="    maximum: .inf"),),
        (Expect(HOLD_FILE, r"^    maximum:", "measures[0].maximum", FINITE),),
    ),
    Case(
        "1e400 as a pass mark",
        (hold(value="      value: 1.0e+400"),),
        (Expect(HOLD_FILE, r"^      value:", "measures[0].pass_when.value", FINITE),),
    ),
    Case(
        "a measure's maximum beyond any plausible amount",
        (hold(maximum="    maximum: 100000"),),
        (
            Expect(
                HOLD_FILE,
                r"^    maximum:",
                "measures[0].maximum",
                "must be at most 3600, got 100000",
            ),
        ),
    ),
    Case(
        "a name of only spaces",
        (drill(name='name: "   "'),),
        (Expect(DRILL_FILE, r"^name:", "name", "must be text, not only spaces, got '   '"),),
    ),
    Case(
        "a name of only a zero-width space",
        (drill(name='name: "\\u200b"'),),
        (Expect(DRILL_FILE, r"^name:", "name", 'must be text, not only spaces, got "\\u200b"'),),
    ),
)


def nested(name: str, depth: int) -> Case:
    """A drill file with a field nested ``depth`` lists deep, on one line."""
    deep = "deep: " + "[" * depth + "]" * depth
    return Case(
        name,
        (Write(DRILL_FILE, DRILL.format(id="test_drill") + deep),),
        (
            Expect(
                DRILL_FILE,
                r"^deep:",
                "",
                "nests groups and lists more than 32 deep; content never needs that:"
                " check the indentation",
            ),
        ),
    )


YAML_CASES: tuple[Case, ...] = (
    nested("nesting 500 deep", 500),
    nested("nesting 5000 deep on one line", 5000),
    Case(
        "an alias bomb",
        (Write(DRILL_FILE, DRILL.format(id="test_drill") + BOMB),),
        (
            Expect(
                DRILL_FILE,
                r"^bomb_d:",
                "",
                "its aliases ('*name') expand to more than 10000 values;"
                " write the values out instead",
            ),
        ),
    ),
    Case(
        "an alias that repeats a long text",
        (
            Write(
                DRILL_FILE,
                DRILL.format(id="test_drill")
                + f'notes: [&long "{"word " * 2000}", {", ".join(["*long"] * 200)}]\n',
            ),
        ),
        (
            Expect(
                DRILL_FILE,
                r"^notes:",
                "",
                "its aliases ('*name') expand to more than 1000 kB of text, more than a content"
                " file may hold; write the text once",
            ),
        ),
    ),
    Case(
        "a custom tag",
        (drill(name="name: !bold Test Drill"),),
        (
            Expect(
                DRILL_FILE,
                r"^name:",
                "",
                "uses the tag '!bold', which content files do not use; remove it",
            ),
        ),
    ),
    Case(
        "a Python tag",
        (drill(extra="run: !!python/object/apply:os.system [ls]\n"),),
        (
            Expect(
                DRILL_FILE,
                r"^run:",
                "",
                "uses the tag '!!python/object/apply:os.system', which content files do not use;"
                " remove it",
            ),
        ),
    ),
    Case(
        "a NUL byte",
        (Write(DRILL_FILE, DRILL.format(id="test_drill").replace("Test Drill", "Test\0Drill")),),
        (
            Expect(
                DRILL_FILE,
                r"^name:",
                "",
                "holds a NUL character (U+0000) on this line, which a text file never has;"
                " delete it",
            ),
        ),
    ),
    Case(
        "a whole number too long to be one",
        (drill(sets="  sets: " + "9" * 5000),),
        (
            Expect(
                DRILL_FILE, r"^  sets:", "", "holds a number 5000 digits long; no field takes one"
            ),
        ),
    ),
    Case(
        "a file too large",
        (Write(DRILL_FILE, DRILL.format(id="test_drill") + "# " + "x" * 1_200_000 + "\n"),),
        (
            Expect(
                DRILL_FILE,
                None,
                "",
                "is 1200 kB, more than the 1000 kB a content file may be; is it the right file?",
            ),
        ),
    ),
)

FILE_CASES: tuple[Case, ...] = (
    Case(
        "rules.yaml missing",
        (Delete("rules.yaml"),),
        (Expect("rules.yaml", None, "", f"is missing; it holds the rules, and {NEEDS}"),),
    ),
    Case(
        "prescreen.yaml missing",
        (Delete("prescreen.yaml"),),
        (
            Expect(
                "prescreen.yaml",
                None,
                "",
                f"is missing; it holds the red-flag questions, and {NEEDS}",
            ),
        ),
    ),
    Case(
        "article.yaml missing",
        (Delete("article.yaml"),),
        (
            Expect(
                "article.yaml", None, "", f"is missing; it holds the article sections, and {NEEDS}"
            ),
        ),
    ),
    Case(
        "pages.yaml missing",
        (Delete("pages.yaml"),),
        (
            Expect(
                "pages.yaml",
                None,
                "",
                "is missing; the guide cannot give a safe program without it (see docs/content.md)",
            ),
        ),
    ),
    Case(
        "policy.yaml missing",
        (Delete("policy.yaml"),),
        (
            Expect(
                "policy.yaml",
                None,
                "",
                "is missing; the guide cannot give a safe program without it (see docs/content.md)",
            ),
        ),
    ),
    Case(
        "an empty pre-screen",
        (Write("prescreen.yaml", "[]\n"),),
        (Expect("prescreen.yaml", None, "", f"holds no red-flag questions; {NEEDS}"),),
    ),
    Case(
        "no rules at all",
        (Write("rules.yaml", "# yaml-language-server: $schema=schema/rules.schema.json\n[]\n"),),
        (Expect("rules.yaml", None, "", f"holds no rules; {NEEDS}"),),
    ),
    Case(
        "an upper-case .YAML extension",
        (Write("exercises/Hip_Drill.YAML", DRILL.format(id="hip_drill")),),
        (
            Expect(
                "exercises/Hip_Drill.YAML",
                None,
                "",
                "ends in '.YAML'; content files end in '.yaml' (lower case):"
                " rename it to 'Hip_Drill.yaml'",
            ),
        ),
    ),
    Case(
        "a .Yml extension",
        (Write("exercises/hip_drill.Yml", DRILL.format(id="hip_drill")),),
        (
            Expect(
                "exercises/hip_drill.Yml",
                None,
                "",
                "ends in '.Yml'; content files end in '.yaml' (lower case):"
                " rename it to 'hip_drill.yaml'",
            ),
        ),
    ),
    Case(
        "a dangling symlink",
        (Link("exercises/gone.yaml", "../elsewhere/gone.yaml"),),
        (
            Expect(
                "exercises/gone.yaml",
                None,
                "",
                "is a link to '../elsewhere/gone.yaml', which does not exist; remove the link",
            ),
        ),
    ),
    Case(
        "a file that is not content",
        (Write("exercises/notes.txt", "Ideas for new drills.\n"),),
        (
            Expect(
                "exercises/notes.txt",
                None,
                "",
                "is not a content file; the content folder holds only '.yaml' files"
                " (see docs/content.md)",
            ),
        ),
    ),
    Case(
        "an exercise with an assessment's id",
        (drill("single_leg_bridge"),),
        (
            Expect(
                "exercises/single_leg_bridge.yaml",
                r"^id:",
                "id",
                "the id 'single_leg_bridge' is already used by an assessment"
                " (at content/assessments/single_leg_bridge.yaml:2); ids must be unique",
            ),
        ),
    ),
)

QUAD = "assessments/quad_length.yaml"
ROTATION = "assessments/hip_rotation_control.yaml"

COMPLETENESS_CASES: tuple[Case, ...] = (
    Case(
        "a test's only rule removed",
        (Remove("rules.yaml", r"^- id: quad_length_fails$"),),
        (
            Expect(
                QUAD,
                r"^id:",
                "id",
                "no rule in rules.yaml reads this test, so a runner who fails it would be told"
                " nothing; add a rule for it",
            ),
        ),
    ),
    Case(
        "a fault that no rule reads",
        (
            Replace(
                "rules.yaml",
                r"^- id: bridge_fails$",
                rule(
                    "bridge_fails",
                    "single_leg_bridge",
                    "weak_hip_extension",
                    extra="  when: [hold_time]\n",
                ),
            ),
        ),
        (
            Expect(
                TEST,
                r"^  - id: hamstring_cramp",
                "compensations[1].id",
                "failing 'hamstring_cramp' leads to no rule: name it in a rule's 'when' in"
                " rules.yaml, or give the test a rule with no 'when'",
            ),
        ),
    ),
    Case(
        "a pass mark no one can reach",
        (
            Replace(
                TEST, r"^    pass_when:", '    pass_when: {comparator: ">=", value: 700, unit: s}'
            ),
        ),
        (
            Expect(
                TEST,
                r"^    pass_when:",
                "measures[0].pass_when.value",
                "no value in the measure's range (0 s to 600 s) is at least 700 s,"
                " so no one could pass the test",
            ),
        ),
    ),
    Case(
        "a pass mark every value meets",
        (
            Replace(
                QUAD, r"^    pass_when:", '    pass_when: {comparator: "<=", value: 100, unit: in}'
            ),
        ),
        (
            Expect(
                QUAD,
                r"^    pass_when:",
                "measures[0].pass_when.value",
                "every value in the measure's range (0 cm to 60 cm) is at most 100 in,"
                " so no one could fail on it",
            ),
        ),
    ),
    Case(
        "a negative minimum for seconds",
        (Replace(TEST, r"^    minimum:", "    minimum: -5"),),
        (
            Expect(
                TEST,
                r"^    minimum:",
                "measures[0].minimum",
                "must be at least 0 for an amount in seconds, got -5 s",
            ),
        ),
    ),
    Case(
        "an angle beyond a full turn",
        (Replace(ROTATION, r"^    maximum:", "    maximum: 400"),),
        (
            Expect(
                ROTATION,
                r"^    maximum:",
                "measures[0].maximum",
                "must be at most 360 for an amount in degrees, got 400°",
            ),
        ),
    ),
    Case(
        "two article sections in the same place",
        (Replace("article.yaml", r"^  order: 2$", "  order: 1"),),
        (
            Expect(
                "article.yaml",
                r"^  order: 1$",
                "why_the_hip.order",
                "is 1, as is the section 'intro'; give each section its own place",
                nth=2,
            ),
        ),
    ),
)

HTML = "holds HTML ('{}'); content is plain text: write it without '<...>' tags"
ADDRESS = (
    "holds a 'javascript:' address; links may go only to pages of this guide and to https://"
    " sources"
)
BRIDGE_FILE = "exercises/hip_bridge.yaml"

MARKUP_CASES: tuple[Case, ...] = (
    Case(
        "a script in an exercise's cue",
        (Replace(BRIDGE_FILE, r"^cues:", "cues:\n  - \"<script>alert('cue')</script>\""),),
        (Expect(BRIDGE_FILE, r"^  - \"<script>", "cues[0]", HTML.format("<script")),),
    ),
    Case(
        "a script in a red-flag question",
        (Replace("prescreen.yaml", r"^  question:", '  question: "Pain? <script>x()</script>"'),),
        (
            Expect(
                "prescreen.yaml",
                r"^  question:",
                "heart_or_pregnancy.question",
                HTML.format("<script"),
            ),
        ),
    ),
    Case(
        "an image with onerror in a name",
        (Replace(BRIDGE_FILE, r"^name:", 'name: "Hip Bridge <img src=x onerror=alert(1)>"'),),
        (Expect(BRIDGE_FILE, r"^name:", "name", HTML.format("<img")),),
    ),
    Case(
        "a javascript: link in the article",
        (
            Replace(
                "article.yaml",
                r"^  paragraphs:",
                '  paragraphs:\n    - "See [this](javascript:alert(1))."',
            ),
        ),
        (Expect("article.yaml", r"^    - \"See \[this\]", "intro.paragraphs[0]", ADDRESS),),
    ),
    Case(
        "a javascript: address in plain text",
        (Replace(BRIDGE_FILE, r"^purpose:", "purpose: Go to JavaScript:alert(1) now."),),
        (Expect(BRIDGE_FILE, r"^purpose:", "purpose", ADDRESS),),
    ),
    Case(
        "an attribute list in a name",
        (Replace("exercises/hip_thrust.yaml", r"^name:", 'name: "Hip Thrust {: onclick=x() }"'),),
        (
            Expect(
                "exercises/hip_thrust.yaml",
                r"^name:",
                "name",
                "holds '{: onclick=x() }', which Markdown would read as HTML attributes;"
                " write it without curly brackets",
            ),
        ),
    ),
    Case(
        "a link to a plain http address in the article",
        (
            Replace(
                "article.yaml",
                r"^  paragraphs:",
                '  paragraphs:\n    - "See [the study](http://example.org/study)."',
            ),
        ),
        (
            Expect(
                "article.yaml",
                r"^    - \"See \[the study\]",
                "intro.paragraphs[0]",
                "links to 'http://example.org/study'; links may go only to pages of this guide"
                " ('../exercises/hip-bridge.md') and to https:// sources",
            ),
        ),
    ),
    Case(
        "an image in the article",
        (
            Replace(
                "article.yaml",
                r"^  paragraphs:",
                '  paragraphs:\n    - "Look: ![a hip](https://example.org/hip.png)"',
            ),
        ),
        (
            Expect(
                "article.yaml",
                r"^    - \"Look:",
                "intro.paragraphs[0]",
                "holds an image ('![...](...)'); text fields do not carry images",
            ),
        ),
    ),
    Case(
        "a sentence naming what the engine does not fill in",
        (Replace("words.yaml", r"^  fault:", '  fault: "{side}: {fault} at {seconds}"'),),
        (
            Expect(
                "words.yaml",
                r"^  fault:",
                "evidence.fault",
                "names {seconds}, which it cannot fill in (it can: {fault}, {side})",
            ),
        ),
    ),
    Case(
        "a stray brace in the widget's words",
        (Replace("words.yaml", r"^  skip:", "  skip: Skip {this test"),),
        (
            Expect(
                "words.yaml",
                r"^  skip:",
                "widget.skip",
                "has a stray brace (expected '}' before end of string); write names as {name}",
            ),
        ),
    ),
    Case(
        "a script in the pages' words about pain",
        (
            Replace(
                "pages.yaml",
                r"^  pain_is_not_a_stretch:",
                '  pain_is_not_a_stretch: "Stop. <script>alert(1)</script>"',
            ),
        ),
        (
            Expect(
                "pages.yaml",
                r"^  pain_is_not_a_stretch:",
                "assessment.pain_is_not_a_stretch",
                HTML.format("<script"),
            ),
        ),
    ),
    Case(
        "a name the pages' pain rule cannot fill in",
        (
            Replace(
                "pages.yaml",
                r"^  pain_first:",
                '  pain_first: "At {limit}/10 or more, leave out everything but stretches."',
            ),
        ),
        (
            Expect(
                "pages.yaml",
                r"^  pain_first:",
                "self_assessment.pain_first",
                "names {limit}, which it cannot fill in (it can: {score})",
            ),
        ),
    ),
    Case(
        "a link out of the guide in the pages' words",
        (
            Replace(
                "pages.yaml",
                r"^  before_you_start:",
                '  before_you_start: "See [a clinic](http://example.com) first."',
            ),
        ),
        (
            Expect(
                "pages.yaml",
                r"^  before_you_start:",
                "self_assessment.before_you_start",
                "links to 'http://example.com'; links may go only to pages of this guide"
                " ('../exercises/hip-bridge.md') and to https:// sources",
            ),
        ),
    ),
)
