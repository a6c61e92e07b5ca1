"""The thin path through every layer: content -> page -> widget -> worker -> Pyodide -> hipcore."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hipcore import assess_json, load_catalog
from tests.browser.conftest import RequestLog
from tests.browser.widget import answer_prescreen_no, side, submit, wait_until_ready, widget_of
from tests.conftest import bundle_of, bundle_path


def test_bridge_page_prescribes_from_hipcore_in_the_browser(
    page: Page, site_url: str, requests_made: RequestLog, built_site: Path
) -> None:
    page.goto(f"{site_url}/assessments/single-leg-bridge/")
    widget = widget_of(page)
    answer_prescreen_no(widget)
    wait_until_ready(page)
    side(widget, "single_leg_bridge", "left").get_by_label("Seconds held").fill("6")
    side(widget, "single_leg_bridge", "right").get_by_label("Seconds held").fill("12")
    report = submit(widget)

    # The same results judged by hipcore in CPython, with the catalog the site ships
    catalog = json.loads((bundle_of(built_site) / "catalog.json").read_text("utf-8"))
    results = {
        "version": 2,
        "prescreen": {flag["id"]: False for flag in catalog["red_flags"]},
        "assessments": [{
            "assessment": "single_leg_bridge",
            "left": {"measures": {"hold_time": {"value": 6, "unit": "s"}}},
            "right": {"measures": {"hold_time": {"value": 12, "unit": "s"}}},
        }],
    }  # fmt: skip
    expected = json.loads(assess_json(json.dumps(results), load_catalog(catalog)))["prescription"]
    finding = expected["findings"][0]
    assert finding["sides"] == ["left"]
    expect(report.locator(".findings")).to_contain_text(finding["text"])
    assert finding["text"] == f"{finding['name']} (left, {finding['severity']})"
    expect(report.locator(".headline")).to_have_text(expected["headline"])
    expect(report.locator(".program .dose").first).to_have_text(expected["program"][0]["dose_line"])
    expect(report.locator(".program li").first).to_contain_text(expected["program"][0]["name"])
    expect(report).to_have_attribute("data-status", expected["status"])

    assert requests_made.foreign() == [], "the site fetched from another host"
    bundle = bundle_path(built_site)
    assert any(f"{bundle}pyodide/pyodide.asm.wasm" in u for u in requests_made.urls)
    # restored from the build's start-up snapshot: no wheel, no stdlib archive (test_snapshot.py)
    assert any(f"{bundle}snapshot-" in u for u in requests_made.urls)
    assert not any(u.endswith(".whl") for u in requests_made.urls)


@pytest.mark.parametrize(
    ("broken", "answer"),
    [
        ("pyodide.asm.wasm", "aborted"),
        ("pyodide.asm.wasm", "404"),
        ("python_stdlib.zip", "aborted"),
        ("hipcore-*.whl", "aborted"),
    ],
)
def test_a_failed_runtime_download_is_reported_and_keeps_the_answers(
    page: Page, site_url: str, broken: str, answer: str
) -> None:
    # Playwright's routing does not see a service worker's own fetches: keep it out.
    page.add_init_script("delete Object.getPrototypeOf(navigator).serviceWorker")
    if answer == "404":
        page.context.route(f"**/{broken}", lambda route: route.fulfill(status=404, body="gone"))
    else:
        page.context.route(f"**/{broken}", lambda route: route.abort())
    if broken != "pyodide.asm.wasm":  # only the plain start (the fallback) fetches these
        page.context.route("**/snapshot-*.bin", lambda route: route.abort())
    page.goto(f"{site_url}/assessments/single-leg-bridge/")
    widget = widget_of(page)
    answer_prescreen_no(widget)
    side(widget, "single_leg_bridge", "left").get_by_label("Seconds held").fill("7")
    expect(widget).to_have_attribute("data-state", "error", timeout=60_000)
    expect(widget.locator(".status")).to_contain_text("could not start")
    if answer == "404":  # named, not a compile error about its bytes
        expect(widget.locator(".status")).to_contain_text("pyodide.asm.wasm answered 404")
    expect(side(widget, "single_leg_bridge", "left").get_by_label("Seconds held")).to_have_value(
        "7"
    )
