"""The guide is no heavier than its theme where it need not be: a page without a widget loads
none of the widget's code, and the touch targets pass axe's target-size rule (which Lighthouse
runs and axe's defaults leave off) at Lighthouse's phone and desktop sizes.

Instant navigation from a page without a widget to one with is in test_site.py
(test_instant_navigation_swaps_pages_and_the_widget_still_upgrades)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import AXE, RequestLog
from tests.browser.widget import answer_prescreen_no, on_step, widget_of

WIDGET_PAGE = "/assessments/single-leg-bridge/"
LIGHTHOUSE_SIZES = {"phone": (412, 823), "desktop": (1350, 940)}
"""The viewports Lighthouse emulates (its mobile and desktop presets)."""


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """No service worker: its install fetches the whole guide for offline use, by design."""
    return {**browser_context_args, "service_workers": "block"}


def widget_code(requests: RequestLog) -> list[str]:
    return [u for u in requests.urls if "/widget/" in u or "catalog.json" in u]


@pytest.mark.parametrize("path", ["/", "/article/", "/exercises/hip-bridge/", "/sources/"])
def test_a_page_without_a_widget_fetches_none_of_its_code(
    page: Page, site_url: str, requests_made: RequestLog, path: str
) -> None:
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    page_script = re.compile(r"/assets/hipguide/page-\w+\.js$")
    page_scripts = [u for u in requests_made.urls if page_script.search(u)]
    assert len(page_scripts) == 1, "one page script: the theme fixes, offline, the loader"
    assert widget_code(requests_made) == []
    assert page.evaluate("customElements.get('hip-assessment')") is None


def test_a_page_with_a_widget_loads_it_at_once(
    page: Page, site_url: str, requests_made: RequestLog
) -> None:
    page.goto(site_url + WIDGET_PAGE)
    expect(page.locator("hip-assessment")).to_have_attribute("data-step", "prescreen")
    assert any(u.endswith("/widget/hip-assessment-element.js") for u in widget_code(requests_made))


PLAYING = re.compile(r"\bhf-play\b")


def moving_parts(figure: Locator) -> int:
    return int(figure.evaluate("(svg) => svg.getAnimations({subtree: true}).length"))


def test_a_figure_moves_only_while_it_is_on_screen(page: Page, site_url: str) -> None:
    """Each frame of a figure's motion is drawn by the main thread: a phone pays for it in
    battery and in a page slower to answer, so a figure off screen is still (Lighthouse's total
    blocking time on an exercise page: about 270-640 ms moving at load, 110-140 ms still)."""
    page.set_viewport_size({"width": 412, "height": 823})
    page.goto(site_url + "/exercises/hip-bridge/")
    figure = page.locator("svg.hf").first
    expect(figure).to_have_class(PLAYING)
    assert moving_parts(figure) > 0
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    expect(figure).not_to_have_class(PLAYING)
    assert moving_parts(figure) == 0


def test_every_figures_motion_stops_within_five_seconds_where_it_began(
    page: Page, site_url: str
) -> None:
    """Moving content that starts by itself and lasts over five seconds needs a pause control
    (WCAG 2.2.2). Each figure moves from the picture it shows when still and back to it, so it
    never jumps as the motion starts or ends. Every figure, on the contact sheet."""
    page.goto(site_url + "/figures/")
    page.wait_for_load_state("load")
    motion = page.evaluate(
        """() => [...document.querySelectorAll("svg.hf")].flatMap((svg) => {
            svg.classList.add("hf-play");
            return svg.getAnimations({subtree: true}).map((animation) => {
                const part = animation.effect.target;
                const at = (time) => {
                    animation.pause();
                    animation.currentTime = time;
                    return part.localName === "path" ? getComputedStyle(part).d : null;
                };
                const end = animation.effect.getComputedTiming().endTime;
                const still = part.localName === "path" ? part.getAttribute("d") : null;
                return {figure: svg.id, end, still, first: at(0), last: at(end - 1)};
            });
        })"""
    )
    assert len({part["figure"] for part in motion}) > 10, "the figures do not move"
    assert max(part["end"] for part in motion) <= 5000, motion
    for part in motion:
        if part["still"] is not None:
            assert same_path(part["first"], part["still"]), part
            assert same_path(part["last"], part["still"]), part


def same_path(computed: str, written: str) -> bool:
    """Two paths through the same points, however the browser writes them (absolute commands),
    but for the keyframes' rounding: their points are written to whole drawing units, the still
    picture's to tenths (figures/svg.py), half a unit apart at most (about a pixel)."""
    a, b = points_of(computed), points_of(written)
    return len(a) == len(b) and all(
        abs(x0 - x1) <= 0.51 and abs(y0 - y1) <= 0.51
        for (x0, y0), (x1, y1) in zip(a, b, strict=True)
    )


def points_of(path: str) -> list[tuple[float, float]]:
    """The points of a path made of M, L, H and Z commands (h: relative), as the figures write
    them."""
    points: list[tuple[float, float]] = []
    tokens = re.findall(r"[MLHhZ]|-?\d*\.?\d+", path)
    command, numbers = "", []
    for token in [*tokens, "Z"]:
        if token.isalpha():
            x, y = points[-1] if points else (0.0, 0.0)
            if command in ("M", "L"):
                points += [(numbers[i], numbers[i + 1]) for i in range(0, len(numbers), 2)]
            elif command == "H":
                points += [(n, y) for n in numbers]
            elif command == "h":
                points += [(x + n, y) for n in numbers]
            command, numbers = token, []
        else:
            numbers.append(float(token))
    return points


def test_the_widgets_figure_moves_only_while_it_is_on_screen(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 412, "height": 823})
    page.goto(site_url + WIDGET_PAGE)
    widget = widget_of(page)
    answer_prescreen_no(widget)
    figure = on_step(widget, "single_leg_bridge").locator("svg.hf").first
    figure.scroll_into_view_if_needed()
    expect(figure).to_have_class(PLAYING)
    assert moving_parts(figure) > 0
    page.evaluate("window.scrollTo(0, 0)")
    expect(figure).not_to_have_class(PLAYING)
    assert moving_parts(figure) == 0


@pytest.mark.parametrize("size", sorted(LIGHTHOUSE_SIZES))
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/self-assessment/",
        WIDGET_PAGE,
        "/exercises/hip-bridge/",
        "/sources/",
        "/architecture/",
    ],
)
def test_every_touch_target_is_large_enough_or_far_enough_apart(
    page: Page, site_url: str, path: str, size: str
) -> None:
    width, height = LIGHTHOUSE_SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_url + path)
    if page.locator("hip-assessment").count():
        expect(page.locator("hip-assessment .step")).to_be_visible()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document,"
        " {runOnly: ['target-size'], resultTypes: ['violations']})"
    )
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []
