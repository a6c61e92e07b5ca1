"""<hip-assessment> configured by a host page (units, theme, date-language) and styled by it
(--hip-* custom properties, ::part), and a host's stylesheet that cannot break it: the widget on
a page of another origin (localhost), as docs/embedding.md describes."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from bench.server import serve
from tests.browser.conftest import axe_violations
from tests.browser.widget import ENGINE_START_MS, answer_prescreen_no, side, submit, widget_of

PHONE = {"width": 360, "height": 740}
WIDGET_SCRIPT = "/assets/hipguide/widget/index.js"
GAP = "Heel-to-buttock distance"
HELD = "Seconds held with the pelvis level"
TODAY = "2026-12-02T10:00:00"

# A host that tries everything the issue names: every property unset, huge fonts, another box
# model, and !important rules on the controls; plus inherited properties that would cross the
# shadow boundary (font, colour, line height, spacing, alignment, case, direction of text).
HOSTILE_CSS = """
* { all: unset; }
html { font-size: 40px; }
body { font: italic 900 40px/3 "Comic Sans MS", cursive; color: #0f0; letter-spacing: 3px;
       word-spacing: 1em; text-transform: uppercase; text-align: right; white-space: pre;
       text-indent: 2em; text-shadow: 2px 2px red; font-variant: small-caps; cursor: wait;
       line-height: 3; color-scheme: dark; }
* { box-sizing: content-box !important; }
button, input, select, label, fieldset, legend, h1, h2, h3, p, ul, ol, li, section, div, span,
svg, figure, a, strong, details, summary {
  display: none !important; margin: 50px !important; padding: 50px !important;
  font-size: 60px !important; border: 9px solid red !important; width: 10px !important;
  height: 10px !important; position: fixed !important; float: left !important;
}
"""


def host_page(guide: str, attributes: str = "", head: str = "", lang: str = "en") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        "<title>A running club</title>"
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="icon" href="data:,">{head}'
        f'<script type="module" src="{guide}{WIDGET_SCRIPT}"></script>'
        "<style>main { display: block; width: 340px; margin: 10px; }</style></head>"
        f"<body><main><h1>Our hip check</h1><hip-assessment {attributes}></hip-assessment>"
        "</main></body></html>"
    )


@pytest.fixture(scope="module")
def host(site_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second origin (localhost): one page per configuration, written as a host writes it."""
    pages = tmp_path_factory.mktemp("config-host")
    tests = 'tests="quad_length single_leg_bridge"'
    files = {
        "plain.html": host_page(site_url, tests),
        "hostile.html": host_page(site_url, tests, '<link rel="stylesheet" href="hostile.css">'),
        "german.html": host_page(site_url, f'{tests} units="imperial" date-language="de"'),
        "french.html": host_page(site_url, tests, lang="fr"),
        "light.html": host_page(site_url, f'{tests} theme="light"'),
        "dark.html": host_page(site_url, f'{tests} theme="dark"'),
        "auto.html": host_page(site_url, tests),
        "styled.html": host_page(
            site_url, tests, '<link rel="stylesheet" href="styled.css">', lang="en"
        ),
    }
    for name, text in files.items():
        (pages / name).write_text(text, "utf-8")
    (pages / "hostile.css").write_text(HOSTILE_CSS, "utf-8")
    (pages / "styled.css").write_text(
        "hip-assessment { --hip-primary: rgb(0, 100, 0); --hip-font-size: 20px; }\n"
        "hip-assessment::part(heading) { color: rgb(128, 0, 128); }\n"
        "hip-assessment::part(choice-checked) { outline: 4px solid rgb(255, 165, 0); }\n",
        "utf-8",
    )
    with serve(pages, host="localhost") as url:
        yield url


def open_widget(page: Page, url: str) -> Locator:
    page.set_viewport_size(PHONE)
    page.goto(url)
    widget = widget_of(page)
    widget.scroll_into_view_if_needed()
    return widget


def to_quad_length(widget: Locator) -> None:
    answer_prescreen_no(widget)
    expect(widget).to_have_attribute("data-step", "quad_length")


def run_to_result(widget: Locator) -> Locator:
    """From the quad length test to the program."""
    side(widget, "quad_length", "left").get_by_label(GAP, exact=True).fill("4")
    widget.locator(".actions button.primary").click()
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("6")
    side(widget, "single_leg_bridge", "right").get_by_label(HELD).fill("12")
    report = submit(widget)
    expect(report.locator(".program li").first).to_be_visible()
    return report


def unit_choice(widget: Locator, which: str) -> Locator:
    return side(widget, "quad_length", which).get_by_role("combobox")


def warnings(page: Page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if m.type == "warning" else None)
    return found


# --- units -------------------------------------------------------------------------------------


def test_units_sets_the_unit_a_measure_shows_first_and_never_changes_a_typed_value(
    page: Page, host: str
) -> None:
    widget = open_widget(page, host + "/plain.html")
    to_quad_length(widget)
    expect(unit_choice(widget, "left")).to_have_value("cm")  # the content's own unit
    widget.evaluate("el => el.setAttribute('units', 'imperial')")
    expect(unit_choice(widget, "left")).to_have_value("in")
    expect(unit_choice(widget, "right")).to_have_value("in")
    side(widget, "quad_length", "left").get_by_label(GAP, exact=True).fill("5")
    widget.evaluate("el => el.units = 'metric'")
    expect(widget).to_have_attribute("units", "metric")
    # The value typed in inches keeps its unit; the side not measured yet follows the attribute
    expect(unit_choice(widget, "left")).to_have_value("in")
    expect(unit_choice(widget, "right")).to_have_value("cm")
    results = widget.evaluate("el => el.results")
    gap = results["assessments"][0]["left"]["measures"]["heel_to_buttock"]
    assert gap == {"value": 5, "unit": "in"}
    assert widget.evaluate("el => el.units") == ["cm"]


# --- dates -------------------------------------------------------------------------------------


def test_dates_are_written_in_the_date_language_in_the_result_history_and_calendar(
    page: Page, host: str
) -> None:
    page.clock.set_fixed_time(TODAY)
    widget = open_widget(page, host + "/german.html")
    to_quad_length(widget)
    expect(unit_choice(widget, "left")).to_have_value("in")  # units="imperial" from the page
    report = run_to_result(widget)
    # The engine's words, its rescreen dates (2026-12-30 to 2027-01-13) in German
    rescreen = report.locator(".rescreen")
    expect(rescreen).to_contain_text("between 30.12.2026 and 13.01.2027")
    calendar = widget.locator("a[download='hip-program.ics']").get_attribute("href") or ""
    ics = urllib.parse.unquote(calendar).replace("\r\n ", "")
    assert "30.12.2026" in ics, "the rescreen's text, in German"
    assert "DTSTART;VALUE=DATE:20261230" in ics, "the calendar's own dates stay ISO"
    widget.get_by_role("button", name="History").click()
    expect(widget.locator(".record-date")).to_have_text("02.12.2026")
    expect(widget.locator(".chart-box figcaption").first).to_contain_text("(02.12.2026)")
    # A new language at any time: the view is drawn again, the history kept
    widget.evaluate("el => el.dateLanguage = 'en-GB'")
    expect(widget.locator(".record-date")).to_have_text("2 Dec 2026")
    widget.get_by_role("button", name="Back to the assessment").click()
    expect(widget.locator(".rescreen")).to_contain_text("between 30 Dec 2026 and 13 Jan 2027")


def test_without_date_language_dates_follow_the_page_language(page: Page, host: str) -> None:
    page.clock.set_fixed_time(TODAY)
    widget = open_widget(page, host + "/french.html")
    assert widget.evaluate("el => el.dateLanguage") == "fr"
    to_quad_length(widget)
    report = run_to_result(widget)
    expect(report.locator(".rescreen")).to_contain_text("30 déc. 2026")


# --- invalid values ----------------------------------------------------------------------------


def test_an_invalid_value_is_reported_ignored_and_loses_no_answer(page: Page, host: str) -> None:
    found = warnings(page)
    widget = open_widget(page, host + "/plain.html")
    to_quad_length(widget)
    side(widget, "quad_length", "left").get_by_label(GAP, exact=True).fill("7")
    before = widget.evaluate("el => el.results")
    with page.expect_console_message(lambda m: "date-language" in m.text):  # the last one
        widget.evaluate(
            """el => { el.setAttribute('theme', 'blue'); el.setAttribute('units', 'furlongs');
                       el.setAttribute('date-language', 'not a tag!'); }"""
        )
    assert len(found) == 3, found
    assert any('theme="blue" is not light, dark or auto' in w for w in found), found
    assert any('units="furlongs" is not metric, imperial' in w for w in found), found
    assert any('date-language="not a tag!" is not a BCP 47' in w for w in found), found
    # Each reads as if it were absent; the runner is where they were, with every answer
    assert widget.evaluate("el => [el.theme, el.units, el.dateLanguage]") == ["auto", [], "en"]
    expect(widget).to_have_attribute("data-step", "quad_length")
    expect(widget).not_to_have_attribute("data-state", "error")
    assert widget.evaluate("el => el.results") == before
    expect(side(widget, "quad_length", "left").get_by_label(GAP, exact=True)).to_have_value("7")
    expect(unit_choice(widget, "right")).to_have_value("cm")
    # Reported once per value, not at every draw
    widget.locator(".actions button.primary").click()
    expect(widget).to_have_attribute("data-step", "single_leg_bridge")
    assert len(found) == 3, found


# --- theme -------------------------------------------------------------------------------------


def colours(widget: Locator) -> dict[str, str]:
    return dict(
        widget.evaluate(
            """el => { const s = getComputedStyle(el.shadowRoot.querySelector('.hip'));
                       return {color: s.color, background: s.backgroundColor}; }"""
        )
    )


def luminance(rgb: str) -> float:
    r, g, b = (int(x) for x in re.findall(r"\d+", rgb)[:3])
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


@pytest.mark.parametrize("system", ["light", "dark"])
def test_theme_light_dark_or_auto_sets_the_colours_at_any_time(
    page: Page, host: str, system: str
) -> None:
    page.emulate_media(color_scheme=system)  # type: ignore[arg-type]
    widget = open_widget(page, host + "/auto.html")
    expect(widget).to_have_attribute("data-scheme", system)  # auto: the system's setting
    for theme in ("dark", "light", "auto"):
        widget.evaluate("(el, theme) => el.theme = theme", theme)
        scheme = system if theme == "auto" else theme
        expect(widget).to_have_attribute("data-scheme", scheme)
        c = colours(widget)
        dark_page = luminance(c["background"]) < 0.3
        assert dark_page == (scheme == "dark"), (theme, c)
        assert (luminance(c["color"]) > 0.6) == dark_page, (theme, c)
    page.emulate_media(color_scheme="dark" if system == "light" else "light")
    expect(widget).to_have_attribute("data-scheme", "dark" if system == "light" else "light")


def test_in_the_guide_auto_follows_the_palette_switch(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url + "/assessments/single-leg-bridge/")
    widget = widget_of(page)
    expect(widget).to_have_attribute("data-scheme", "light")
    page.locator("label[title='Switch to dark mode']:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(widget).to_have_attribute("data-scheme", "dark")
    assert luminance(colours(widget)["background"]) < 0.3


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_both_themes_have_no_accessibility_violations_in_any_state(
    page: Page, host: str, theme: str
) -> None:
    page.clock.set_fixed_time(TODAY)
    widget = open_widget(page, f"{host}/{theme}.html")
    seen: dict[str, list[dict[str, Any]]] = {}
    seen["prescreen"] = axe_violations(page, "hip-assessment")
    to_quad_length(widget)
    side(widget, "quad_length", "left").get_by_label(GAP, exact=True).fill("-3")  # an error shown
    expect(widget.locator("[aria-invalid=true]")).to_have_count(1)
    seen["test, with an error"] = axe_violations(page, "hip-assessment")
    side(widget, "quad_length", "left").get_by_label(GAP, exact=True).fill("4")
    widget.locator(".actions button.primary").click()
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("6")
    report = submit(widget)
    expect(report.locator(".program li").first).to_be_visible()
    seen["result"] = axe_violations(page, "hip-assessment")
    widget.get_by_role("button", name="History").click()
    expect(widget.locator("ul.records li")).to_have_count(1)
    seen["history"] = axe_violations(page, "hip-assessment")
    assert {state: v for state, v in seen.items() if v} == {}


# --- styling -----------------------------------------------------------------------------------


def test_a_host_styles_the_widget_with_custom_properties_and_parts(page: Page, host: str) -> None:
    widget = open_widget(page, host + "/styled.html")
    expect(widget).to_have_attribute("data-step", "prescreen")
    root = "el.shadowRoot"
    style = widget.evaluate(
        f"""el => {{ const css = (s) => getComputedStyle({root}.querySelector(s));
            return {{size: css('.hip').fontSize, primary: css('button.primary').backgroundColor,
                     heading: css('.step-title').color}}; }}"""
    )
    assert style == {"size": "20px", "primary": "rgb(0, 100, 0)", "heading": "rgb(128, 0, 128)"}
    first = widget.locator("fieldset.question").first
    first.locator("label", has_text=re.compile("^No$")).click()
    outline = first.evaluate(
        "q => getComputedStyle(q.querySelector('input:checked + label')).outlineColor"
    )
    assert outline == "rgb(255, 165, 0)", "the chosen answer carries the choice-checked part"
    parts = widget.evaluate(
        f"el => [...new Set([...{root}.querySelectorAll('[part]')].flatMap(e => [...e.part]))]"
    )
    assert {"body", "step", "heading", "progress", "choice", "button", "primary"} <= set(parts)


# --- a hostile host stylesheet -----------------------------------------------------------------

LAYOUT = """el => {
  const root = el.shadowRoot;
  const box = root.querySelector('.hip').getBoundingClientRect();
  // hf-play says whether a figure is seen at that moment (it moves then), not where it is
  const name = (e) =>
    [e.tagName.toLowerCase(), ...e.classList].filter((c) => c !== 'hf-play').join('.');
  return [root.querySelector('.hip'), ...root.querySelectorAll('.hip *')]
    .filter((e) => e.getClientRects().length)
    .map((e) => { const r = e.getBoundingClientRect();
      return [name(e), ...[r.x - box.x, r.y - box.y, r.width, r.height].map(Math.round)]; });
}"""
"""Every element the widget draws: its tag and classes, and its box relative to the widget's."""


def layout(widget: Locator) -> list[list[Any]]:
    return list(widget.evaluate(LAYOUT))


def states(page: Page, url: str, shots: Path) -> dict[str, list[list[Any]]]:
    """The widget's layout at three steps: the pre-screen, a test, the result."""
    page.clock.set_fixed_time(TODAY)
    page.emulate_media(reduced_motion="reduce")  # the figures hold still
    widget = open_widget(page, url)
    # The engine's start-up line comes and goes: measure once it has gone
    expect(widget).to_have_attribute("data-state", "ready", timeout=ENGINE_START_MS)
    name = url.rsplit("/", 1)[1].removesuffix(".html")
    out = {"prescreen": layout(widget)}
    widget.screenshot(path=str(shots / f"{name}-prescreen.png"))
    to_quad_length(widget)
    side(widget, "quad_length", "left").get_by_label(GAP, exact=True).fill("4")
    widget.locator(".figure svg").first.wait_for()
    out["test"] = layout(widget)
    widget.screenshot(path=str(shots / f"{name}-test.png"))
    widget.locator(".actions button.primary").click()
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("6")
    expect(submit(widget).locator(".program li").first).to_be_visible()
    out["result"] = layout(widget)
    widget.screenshot(path=str(shots / f"{name}-result.png"))
    return out


def test_a_hostile_host_stylesheet_changes_nothing_inside_the_widget(
    page: Page, host: str, tmp_path: Path
) -> None:
    plain = states(page, host + "/plain.html", tmp_path)
    # The same device for both: the saved run would add the History button to the pre-screen.
    # (The deletion completes once this page's connection closes, before the next page opens.)
    page.evaluate("() => { localStorage.clear(); indexedDB.deleteDatabase('hipguide'); }")
    hostile = states(page, host + "/hostile.html", tmp_path)
    # The hostile sheet did apply to the host page...
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "40px"
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).display") == "none"
    # ...and the widget is laid out exactly as on the plain page, at every step
    for step in plain:
        assert len(hostile[step]) == len(plain[step]) > 20, step
        moved = [(a, b) for a, b in zip(plain[step], hostile[step], strict=True) if a != b]
        assert moved == [], f"{step}: (plain, hostile) {moved[:6]}"
    assert plain["test"][0][3] == 340, "the widget's box is the host's column"
    overflow = widget_of(page).evaluate("el => el.shadowRoot.querySelector('.hip').scrollWidth")
    assert overflow <= 340, "nothing sticks out of the widget's box"
