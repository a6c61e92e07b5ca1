"""The rendering core on its own: no MkDocs, a small catalog made in the test."""

from __future__ import annotations

import re
import subprocess
import sys
import typing
from dataclasses import replace
from pathlib import Path

import pytest

from hipcore.catalog import CATALOG_VERSION, default_catalog
from hipcore.model import (
    Assessment,
    Catalog,
    Compensation,
    Dose,
    Exercise,
    Finding,
    Ladder,
    Measure,
    Plural,
    Policy,
    Quality,
    Rule,
    Source,
    SourceRef,
    Threshold,
    Upkeep,
)
from site_plugins.render import environment, navigation, paths, render_pages
from site_plugins.render.paths import assessment_page, exercise_page, relative
from site_plugins.render.relations import Relations
from site_plugins.render.words import cell, dose_words, threshold_words, when_words
from tests.figures import real

REF = (SourceRef("article", "Hip Extension Strength"),)


def exercise(item_id: str, **fields: object) -> Exercise:
    base = Exercise(
        id=item_id,
        name=item_id.replace("_", " ").title(),
        quality="strength",
        load="loaded",
        regions=("hip_back",),
        purpose="Strengthens hip extension.",
        steps=("Lie down.",),
        cues=(),
        faults=(),
        muscles=("Gluteus maximus",),
        dose=Dose(sets=3, reps=12, rest_seconds=60, sessions_per_week=3),
        origin="article",
        sources=REF,
    )
    return replace(base, **fields)  # type: ignore[arg-type]


BRIDGE_TEST = Assessment(
    id="bridge_test",
    order=1,
    name="Bridge test",
    clinical_name="Single-leg bridge hold",
    category="Hip Extension Strength",
    quality="strength",
    region="hip_back",
    sided=True,
    purpose="Tests the gluteus maximus.",
    setup=("Lie on your back.",),
    steps=("Hold a single-leg bridge.",),
    pass_summary="10 seconds, pelvis level.",
    fail_meaning="Weak hip extension.",
    origin="article",
    sources=REF,
    measures=(Measure("hold", "Seconds held", "s", 0, 600, pass_when=Threshold(">=", 10, "s")),),
    compensations=(Compensation("drops", "Pelvis drops", "The hip sinks."),),
)

REAL = default_catalog()
WORDS = real.page_words()

CATALOG = Catalog(
    version=CATALOG_VERSION,
    results_version=REAL.results_version,
    policy=Policy(90, 4, 6, 4, 6, (Upkeep("bridge", ("bridge_test",), REF),), "Education.", REF),
    sources=(Source("article", "The article", "article"),),
    sections=(),
    red_flags=(),
    assessments=(BRIDGE_TEST,),
    findings=(
        Finding("weak", "Weak hip extension", "strength", "hip_back", "Weak.", ("bridge",), REF),
        Finding("control", "Poor control", "motor_control", "hip_back", "Drops.", ("prone",), REF),
    ),
    rules=(
        Rule("any", "bridge_test", "weak", REF),
        Rule("drop", "bridge_test", "control", REF, when=("drops", "hold")),
        Rule("unable", "bridge_test", "weak", REF, when=("could_not_perform",)),
    ),
    exercises=(
        exercise("prone", progression=Ladder("bridge", "3 x 12 clean")),
        exercise("bridge", regression=Ladder("prone", "pain"), progression=Ladder("thrust", "ok")),
        exercise("thrust"),
    ),
    pain=REAL.pain,
    words=REAL.words,
)


@pytest.mark.parametrize(
    ("dose", "words"),
    [
        (
            Dose(sets=3, reps=12, rest_seconds=60, sessions_per_week=3),
            "3 sets of 12 reps on each side. Rest 60 seconds between sets. 3 sessions a week.",
        ),
        (
            Dose(sets=2, hold_seconds=30, rest_seconds=0, sessions_per_week=7, per_side=False),
            "Hold for 30 seconds, 2 times. No rest needed between holds. Every day.",
        ),
        (
            Dose(sets=1, reps=10, rest_seconds=120, sessions_per_week=1, note="Go slowly."),
            "1 set of 10 reps on each side. 1 session a week. Go slowly.",
        ),
        (
            Dose(sets=3, reps=8, rest_seconds=180, sessions_per_week=14, per_side=False),
            "3 sets of 8 reps. Rest 3 minutes between sets. Twice a day.",
        ),
    ],
)
def test_a_dose_reads_as_words(dose: Dose, words: str) -> None:
    assert dose_words(CATALOG.words, dose) == words


@pytest.mark.parametrize(
    ("threshold", "words"),
    [
        (Threshold(">=", 10, "s"), "at least 10 s"),
        (Threshold("<=", 15, "cm"), "at most 15 cm"),
        (Threshold(">", 45, "deg"), "more than 45°"),
        (Threshold("<", 2.5, "in"), "less than 2.5 in"),
    ],
)
def test_a_pass_mark_reads_as_words(threshold: Threshold, words: str) -> None:
    assert threshold_words(CATALOG.words, threshold) == words


def test_a_rule_reads_as_the_parts_of_the_test_that_fire_it() -> None:
    any_fail, dropped, unable = Relations(CATALOG).decisions
    words = CATALOG.words
    assert when_words(words, any_fail) == "Any fail"
    assert when_words(words, dropped) == "Pelvis drops or seconds held: not at least 10 s"
    assert when_words(words, unable) == "Could not do the test"


def test_the_pages_word_kinds_doses_and_marks_in_the_catalog_s_words() -> None:
    """Change the content's words and the pages change with them: the site has none of its own.
    The qualities keep the corrective hierarchy's order (the model's), whatever the words' order."""
    words = REAL.words
    names = replace(
        words.names,
        qualities={q: f"Q {q}" for q in reversed(typing.get_args(Quality))},
        equipment={k: f"E {k}" for k in words.names.equipment},
        origins={k: f"O {k}" for k in words.names.origins},
        origin_tags={k: f"T {k}" for k in words.names.origin_tags},
        units={k: f"U {k}" for k in words.names.units},
    )
    changed = replace(
        words,
        names=names,
        evidence=replace(words.evidence, at_least="AT LEAST {value}", at_most="AT MOST {value}"),
        dose=replace(words.dose, sets=Plural("{n} SET", "{n} SETS")),
        regions=replace(words.regions, hip_back="THE BACK OF THE HIP"),
    )
    pages = {
        p.path: p.markdown for p in render_pages(replace(REAL, words=changed), page_words=WORDS)
    }
    listing = pages[paths.EXERCISES]
    headings = re.findall(r"^## (Q \w+)", listing, re.MULTILINE)
    assert headings == ["Q mobility", "Q motor_control", "Q strength", "Q pattern"]
    assert "3 SETS of 12 reps" in listing
    assert "T article" in listing
    bridge = pages[exercise_page("hip_bridge")]
    assert "O article" in bridge
    assert "E mat" in bridge
    assert "THE BACK OF THE HIP" in bridge
    quad = pages[assessment_page("quad_length")]
    assert "| U cm or U in |" in quad
    assert "AT MOST 6 in" in quad
    bridge_test = pages[assessment_page("single_leg_bridge")]
    assert "AT LEAST 10 s" in bridge_test


def test_the_pages_say_what_to_do_about_pain_in_the_content_s_words() -> None:
    """The pages' pain and pre-screen sentences and side tags are content (pages.yaml), filled
    in from the pain rules (pain.yaml): a change there is the pages' change, with no second
    wording in a template."""
    changed = replace(
        WORDS,
        sides=replace(WORDS.sides, each="ONE SIDE THEN THE OTHER", both="BOTH AT ONCE"),
        assessment=replace(WORDS.assessment, pain_is_not_a_stretch="STOP *at once* IF IT HURTS."),
        self_assessment=replace(
            WORDS.self_assessment,
            before_you_start="A YES MEANS NO TESTS.",
            pain_first="**PAIN FIRST.** AT {score}/10, STRETCHES ONLY.",
        ),
    )
    pain = replace(REAL.pain, withhold_all_loading_from=7)
    pages = {p.path: p.markdown for p in render_pages(replace(REAL, pain=pain), page_words=changed)}
    for a in REAL.assessments:
        page = pages[assessment_page(a.id)]
        assert "STOP *at once* IF IT HURTS." in page
        assert "Pain is different" not in page
    assert "ONE SIDE THEN THE OTHER" in pages[exercise_page("clamshell")]
    assert "BOTH AT ONCE" in pages[exercise_page("hip_bridge")]
    assert "ONE SIDE THEN THE OTHER" in pages[paths.ASSESSMENTS]
    program = pages[paths.SELF_ASSESSMENT]
    assert "A YES MEANS NO TESTS." in program
    assert "- **PAIN FIRST.** AT 7/10, STRETCHES ONLY." in program
    assert "6/10" not in program


def test_an_exercise_page_tells_what_is_needed_from_what_may_be_used() -> None:
    """Needed equipment is all of it ('a and b'); optional equipment is choices ('a or b'), on a
    line of its own, and only where there is some."""
    prone, bridge, thrust = CATALOG.exercises
    catalog = replace(
        CATALOG,
        exercises=(
            replace(prone, optional_equipment=("dumbbell", "kettlebell", "barbell")),
            replace(bridge, equipment=("mat", "bench"), optional_equipment=("band",)),
            replace(thrust, equipment=("mat",)),
        ),
    )
    pages = {p.path: p.markdown for p in render_pages(catalog, page_words=WORDS)}
    needed, optional = f"**{WORDS.exercise.equipment}**", f"**{WORDS.exercise.optional_equipment}**"
    loaded_later = pages[exercise_page("prone")]
    assert f"- {needed} {WORDS.exercise.no_equipment}\n" in loaded_later
    assert f"- {optional} a dumbbell, a kettlebell or a barbell\n" in loaded_later
    helped = pages[exercise_page("bridge")]
    assert f"- {needed} a mat and a bench\n" in helped
    assert f"- {optional} a resistance band\n" in helped
    assert optional not in pages[exercise_page("thrust")]


def test_a_value_filled_into_a_page_sentence_is_shown_as_written() -> None:
    """Content filled into a sentence of the Markdown subset is escaped once, as plain text: an
    author's '&' and '*' neither become markup nor show as '&amp;amp;'."""
    sources = tuple(
        replace(s, author="Smith & *Jones*") if s.kind == "article" else s for s in REAL.sources
    )
    pages = {
        p.path: p.markdown for p in render_pages(replace(REAL, sources=sources), page_words=WORDS)
    }
    assert "by Smith &amp; \\*Jones\\*, in the author's own words" in pages[paths.ARTICLE]
    assert "built on, by Smith &amp; \\*Jones\\*." in pages[paths.SOURCES]


def test_relations_read_rules_and_ladders_both_ways() -> None:
    relations = Relations(CATALOG)
    by_id = {e.id: e for e in CATALOG.exercises}
    assert [e.id for e in relations.exercises_for(BRIDGE_TEST)] == ["bridge", "prone"]
    assert relations.assessments_calling(by_id["prone"]) == (BRIDGE_TEST,)
    assert relations.assessments_calling(by_id["thrust"]) == ()
    assert [e.id for e in relations.ladder(by_id["thrust"])] == ["thrust"]
    assert [e.id for e in relations.ladder(by_id["bridge"])] == ["prone", "bridge", "thrust"]


def test_links_between_pages_are_relative_markdown_paths() -> None:
    assert relative("assessments/a.md", "exercises/b.md") == "../exercises/b.md"
    assert relative("exercises/a.md", "exercises/b.md#ladder") == "b.md#ladder"
    assert (
        relative("self-assessment.md", "sources.md#source-article") == "sources.md#source-article"
    )
    assert relative("exercises/index.md", "self-assessment.md") == "../self-assessment.md"


def test_figures_are_placed_on_assessment_and_exercise_pages() -> None:
    figures = {"bridge_test": '<figure id="fig-test"></figure>', "thrust": "<figure id=t></figure>"}
    pages = {p.path: p.markdown for p in render_pages(CATALOG, figures=figures, page_words=WORDS)}
    assert figures["bridge_test"] in pages["assessments/bridge-test.md"]
    assert figures["thrust"] in pages["exercises/thrust.md"]
    assert "<figure" not in pages["exercises/bridge.md"]


def test_a_theme_overrides_a_template_from_its_own_folder(tmp_path: Path) -> None:
    (tmp_path / "exercise.md.j2").write_text("# {{ exercise.name }} (house style)\n")
    pages = {
        p.path: p.markdown
        for p in render_pages(CATALOG, environment((tmp_path,)), page_words=WORDS)
    }
    assert pages["exercises/thrust.md"] == "# Thrust (house style)\n"
    assert pages["assessments/bridge-test.md"].startswith("# Bridge test")


def test_the_nav_puts_the_guide_first_and_project_documents_in_a_section_of_their_own() -> None:
    hand_written = ["index.md", "zeta.md", "engine.md", "architecture.md"]
    nav = navigation(CATALOG, hand_written, WORDS.titles)
    assert [next(iter(item)) for item in nav] == [
        "Home",
        "Why the hip matters",
        "Self-assessment",
        "Assessments",
        "Exercises",
        "Sources",
        "For developers and site owners",
    ]
    assert nav[-1] == {
        "For developers and site owners": ["architecture.md", "engine.md", "zeta.md"]
    }
    assert nav[4]["Exercises"] == [
        {"All exercises": "exercises/index.md"},
        {"Bridge": "exercises/bridge.md"},
        {"Prone": "exercises/prone.md"},
        {"Thrust": "exercises/thrust.md"},
    ]


def test_the_rendering_core_does_not_import_mkdocs() -> None:
    code = (
        "import sys, site_plugins.render as r; r.render_pages; "
        "sys.exit(any(m.split('.')[0] in ('mkdocs', 'material') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_text_in_a_table_cell_stays_in_its_cell() -> None:
    assert cell("a | b\nc") == "a \\| b c"
