"""The <hip-assessment> element as a runner and an embedding site meet it."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations
from tests.browser.widget import answer_prescreen_no, side, submit, wait_until_ready

BRIDGE_PAGE = "/assessments/single-leg-bridge/"


def test_the_widget_has_no_accessibility_violations_when_ready(page: Page, site_url: str) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    wait_until_ready(page)
    assert axe_violations(page, "hip-assessment") == []


def test_the_widget_reports_its_startup_in_the_img_event_order(page: Page, site_url: str) -> None:
    page.add_init_script(
        """
        window.__events = [];
        for (const name of ["loadstart", "progress", "load", "error", "loadend"]) {
          document.addEventListener(`hip-assessment-${name}`, (e) =>
            window.__events.push(name === "progress" ? `progress:${e.detail.stage}` : name));
        }
        """
    )
    page.goto(site_url + BRIDGE_PAGE)
    wait_until_ready(page)
    assert page.evaluate("window.__events") == [
        "loadstart",
        "progress:runtime",
        "progress:filesystem",
        "progress:engine",
        "progress:ready",
        "load",
        "loadend",
    ]


def test_a_submitted_result_is_announced_with_the_results_and_the_reply(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    widget = wait_until_ready(page)
    page.evaluate(
        """() => { window.__result = new Promise((resolve) => document.addEventListener(
             "hip-assessment-result", (e) => resolve(e.detail), {once: true})); }"""
    )
    answer_prescreen_no(widget)
    side(widget, "single_leg_bridge", "right").get_by_label("Seconds held").fill("15")
    submit(widget)
    detail = page.evaluate("window.__result")
    right = detail["results"]["assessments"][0]["right"]
    assert right["measures"]["hold_time"] == {"value": 15, "unit": "s"}
    assert "left" not in detail["results"]["assessments"][0], "an untouched side is not done"
    assert detail["reply"]["ok"] is True


def test_an_implausible_value_is_refused_with_the_field_and_the_answers_kept(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    widget = wait_until_ready(page)
    answer_prescreen_no(widget)
    held = side(widget, "single_leg_bridge", "left").get_by_label("Seconds held")
    held.fill("5000")
    report = submit(widget)
    expect(report.locator(".errors")).to_contain_text("hold_time")
    expect(held).to_have_value("5000")


def test_a_red_flag_answer_gives_a_referral_and_no_program(page: Page, site_url: str) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    widget = wait_until_ready(page)
    answer_prescreen_no(widget)
    widget.locator("fieldset.prescreen fieldset.question").first.get_by_label(
        "Yes", exact=True
    ).check()
    side(widget, "single_leg_bridge", "left").get_by_label("Seconds held").fill("4")
    report = submit(widget)
    expect(report).to_have_attribute("data-status", "refer")
    expect(report.locator(".referrals li")).not_to_have_count(0)
    expect(report.locator(".program")).to_have_count(0)
