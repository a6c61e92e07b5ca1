"""The <hip-assessment> element as a runner and an embedding site meet it: the guided flow on a
phone, the hold timer, what it remembers, one shared engine, accessibility in every state."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.conftest import RequestLog, axe_violations
from tests.browser.widget import (
    answer_prescreen,
    answer_prescreen_no,
    choose,
    engine_workers,
    navigate_instantly,
    next_step,
    on_step,
    side,
    submit,
    to_review,
    wait_until_ready,
    widget_of,
)
from tests.conftest import bundle_path

BRIDGE_PAGE = "/assessments/single-leg-bridge/"
ALL_TESTS_PAGE = "/self-assessment/"
PHONE = {"width": 360, "height": 740}
HELD = "Seconds held with the pelvis level"


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


def test_a_reader_who_never_reaches_the_widget_downloads_no_runtime(
    page: Page, site_url: str, requests_made: RequestLog
) -> None:
    page.set_viewport_size({"width": 1280, "height": 400})
    page.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(page)
    expect(widget).to_have_attribute("data-state", "idle")
    page.wait_for_load_state("networkidle")
    runtime = [u for u in requests_made.urls if "/pyodide/" in u or u.endswith(".whl")]
    assert runtime == []
    assert engine_workers(page) == []
    widget.scroll_into_view_if_needed()
    expect(widget).to_have_attribute("data-state", "ready", timeout=60_000)


def test_back_on_a_device_that_ran_it_the_engine_worker_waits_ready_but_reads_no_runtime(
    page: Page, site_url: str, requests_made: RequestLog
) -> None:
    page.set_viewport_size({"width": 1280, "height": 400})  # the widget below the fold
    page.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(page)
    page.wait_for_load_state("networkidle")
    assert engine_workers(page) == [], "a first visit makes no worker before the widget is seen"
    widget.scroll_into_view_if_needed()
    expect(widget).to_have_attribute("data-state", "ready", timeout=60_000)
    requests_made.urls.clear()
    page.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(page)
    page.wait_for_load_state("networkidle")
    expect(widget).to_have_attribute("data-state", "idle")
    assert len(engine_workers(page)) == 1, "made ahead of need, for a runner back"
    # idle: its modules are in, and it has imported none of the runtime (a started engine
    # imports pyodide.asm.mjs at once, wherever the runtime's large files are kept)
    assert any(u.endswith("/widget/startup.js") for u in requests_made.urls)
    assert [u for u in requests_made.urls if "/pyodide/pyodide.asm" in u] == []
    widget.scroll_into_view_if_needed()
    expect(widget).to_have_attribute("data-state", "ready", timeout=60_000)
    assert len(engine_workers(page)) == 1, "the engine took the worker made ahead"
    assert any(u.endswith("/pyodide/pyodide.asm.mjs") for u in requests_made.urls)


FAIL_FIRST_ENGINE_WORKER = """(() => {
  // The first engine worker made fails to load its script (a dropped connection, say)
  const Real = Worker;
  let failed = false;
  window.Worker = class extends Real {
    constructor(url, options) {
      const engine = String(url).endsWith("/widget/worker.js");
      super(engine && !failed ? new URL("/no-such-worker.js", location) : url, options);
      failed ||= engine;
    }
  };
})()"""


def test_a_worker_made_ahead_that_failed_to_load_is_not_the_one_the_engine_waits_on(
    page: Page, site_url: str
) -> None:
    page.set_viewport_size({"width": 1280, "height": 400})  # the widget below the fold
    page.goto(site_url + BRIDGE_PAGE)
    src = widget_of(page).evaluate("el => el.src")
    page.evaluate("src => localStorage.setItem('hipguide:engine:' + src, '1')", src)  # ran before
    page.add_init_script(FAIL_FIRST_ENGINE_WORKER)
    page.reload()
    widget = widget_of(page)
    page.wait_for_load_state("networkidle")  # the worker made ahead has failed by now
    widget.scroll_into_view_if_needed()
    expect(widget).to_have_attribute("data-state", "ready", timeout=60_000)


def test_a_guided_run_on_a_phone_gives_a_program_and_announces_it(
    page: Page, site_url: str, requests_made: RequestLog
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + ALL_TESTS_PAGE)
    widget = widget_of(page)
    page.evaluate(
        """() => { window.__changes = 0;
          document.addEventListener("hip-assessment-change", () => window.__changes++);
          window.__complete = new Promise((resolve) => document.addEventListener(
             "hip-assessment-complete", (e) => resolve(e.detail), {once: true})); }"""
    )
    answer_prescreen_no(widget)
    step = on_step(widget, "hip_flexor_length")
    expect(step.locator(".figure svg").first).to_be_visible()
    expect(widget.locator("[role=progressbar]")).to_have_attribute("aria-valuetext", "Test 1 of 6")
    for s in ("left", "right"):
        choose(side(widget, "hip_flexor_length", s).locator("fieldset.question"), "No")
    next_step(widget)
    heel = side(widget, "quad_length", "left").get_by_label("Heel-to-buttock distance", exact=True)
    heel.fill("20")
    next_step(widget)
    widget.get_by_role("button", name="Skip this test").click()
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("6")
    side(widget, "single_leg_bridge", "right").get_by_label(HELD).fill("12")
    next_step(widget)
    report = submit(widget)
    detail = page.evaluate("window.__complete")
    done = {a["assessment"]: a for a in detail["results"]["assessments"]}
    assert set(done) == {"hip_flexor_length", "quad_length", "single_leg_bridge"}
    assert done["single_leg_bridge"]["left"]["measures"]["hold_time"] == {"value": 6, "unit": "s"}
    assert "right" not in done["quad_length"], "an untouched side is not done"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", detail["results"]["recorded_at"])
    assert page.evaluate("window.__changes") >= 4
    expect(report.locator(".program li").first).to_be_visible()
    expect(report).to_contain_text("Not done")
    # Each exercise links to its page in the guide; the program goes into a calendar
    link = report.locator(".program li a").first
    href = link.get_attribute("href")
    assert href
    assert page.request.get(href).ok, href
    calendar = widget.locator("a[download='hip-program.ics']")
    expect(calendar).to_have_attribute("href", re.compile(r"^data:text/calendar"))
    # The result fits the phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert requests_made.foreign() == [], "the site fetched from another host"


def test_a_red_flag_ends_the_assessment_at_once_with_the_clinicians_advice(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + ALL_TESTS_PAGE)
    widget = widget_of(page)
    answer_prescreen(widget, yes=0)
    expect(widget).to_have_attribute("data-step", "result")
    report = widget.locator(".prescription")
    expect(report).to_have_attribute("data-status", "refer", timeout=60_000)
    expect(report.locator(".referrals li")).not_to_have_count(0)
    expect(report.locator(".program")).to_have_count(0)


def test_pain_in_a_test_is_reported_with_its_score(page: Page, site_url: str) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(page)
    answer_prescreen_no(widget)
    left = side(widget, "single_leg_bridge", "left")
    left.get_by_label(HELD).fill("12")
    left.get_by_label("It hurt").check()
    left.get_by_label("Pain score, 0 to 10").fill("6")
    left.get_by_label("The buttock").check()
    page.evaluate(
        """() => { window.__result = new Promise((resolve) => document.addEventListener(
             "hip-assessment-result", (e) => resolve(e.detail), {once: true})); }"""
    )
    report = submit(widget)
    detail = page.evaluate("window.__result")
    assert detail["results"]["assessments"][0]["left"]["pain"] == {
        "present": True, "score": 6, "where": ["buttock"],
    }  # fmt: skip
    assert detail["reply"]["ok"] is True
    expect(report).to_have_attribute("data-status", "pain")
    expect(report.locator(".headline")).to_have_text(detail["reply"]["prescription"]["headline"])
    expect(report.locator(".headline")).not_to_contain_text("passed")
    expect(report.locator(".withheld li")).not_to_have_count(0)


@pytest.mark.parametrize(
    ("typed", "message"),
    [("-3", "less than 0 seconds"), ("5000", "more than 600"), ("ten", "Enter a number")],
)
def test_a_typed_value_is_checked_next_to_its_field(
    page: Page, site_url: str, typed: str, message: str
) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(page)
    answer_prescreen_no(widget)
    held = side(widget, "single_leg_bridge", "left").get_by_label(HELD)
    held.fill(typed)
    expect(held).to_have_attribute("aria-invalid", "true")
    expect(held).to_have_accessible_description(re.compile(message))
    next_step(widget)
    expect(widget).to_have_attribute("data-step", "single_leg_bridge")
    expect(held).to_be_focused()
    held.fill("12")
    expect(held).not_to_have_attribute("aria-invalid", "true")


def test_an_engine_error_is_shown_next_to_the_field_it_names(
    page: Page, site_url: str, built_site: Path
) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    widget = wait_until_ready(page)
    catalog = page.evaluate(f"fetch('{bundle_path(built_site)}catalog.json').then(r => r.json())")
    version = catalog.get("results_version", 1)
    pain: dict[str, Any] = {"present": True, "score": 11}
    if version >= 2:
        pain["where"] = []
    results = {
        "version": version,
        "prescreen": {flag["id"]: False for flag in catalog["red_flags"]},
        "assessments": [{"assessment": "single_leg_bridge", "left": {"pain": pain}}],
    }
    widget.evaluate("(el, r) => { el.results = r; }", results)
    expect(widget).to_have_attribute("data-step", "review")
    widget.get_by_role("button", name="Get my program").click()
    expect(widget).to_have_attribute("data-step", "review")
    expect(widget.locator(".errors")).to_contain_text("pain.score")
    widget.get_by_role("button", name="Change").nth(1).click()
    score = side(widget, "single_leg_bridge", "left").get_by_label("Pain score, 0 to 10")
    expect(score).to_have_accessible_description(re.compile("at most 10"))


def test_the_form_asks_only_answers_that_can_all_be_true(page: Page, site_url: str) -> None:
    """A question that stands in for a measurement is shut while the measurement holds a number,
    and the measurements while the runner could not do the test: the engine would refuse either
    pair, in words meant for developers. What was typed comes back when the other is taken back."""
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/assessments/hip-rotation-control/")
    widget = wait_until_ready(page)
    answer_prescreen_no(widget)
    left = side(widget, "hip_rotation_control", "left")
    reached = left.locator("fieldset.question")
    choose(reached, "Yes")
    opening = left.get_by_label("Knee opening above the horizontal")
    opening.fill("20")
    expect(reached.get_by_role("radio", name="Yes")).to_be_disabled()
    expect(reached).to_contain_text("Answer this if you did not measure.")
    assert axe_violations(page, "hip-assessment") == []
    opening.fill("")
    expect(reached.get_by_role("radio", name="Yes")).to_be_enabled()
    expect(reached.get_by_role("radio", name="Yes")).to_be_checked()
    opening.fill("20")
    right = side(widget, "hip_rotation_control", "right")
    right.get_by_label("Knee opening above the horizontal").fill("50")
    right.get_by_label("I could not do this test").check()
    expect(right.get_by_label("Knee opening above the horizontal")).to_be_disabled()
    expect(right.locator("fieldset.question").get_by_role("radio", name="Yes")).to_be_enabled()
    to_review(widget)
    review = widget.locator("dl.review")
    expect(review).to_contain_text("Knee opening above the horizontal: 20 degrees")
    expect(review).not_to_contain_text("Did your top knee open")
    expect(review).not_to_contain_text("50 degrees")
    report = submit(widget)
    expect(widget.locator(".errors")).to_have_count(0)
    expect(report).to_contain_text("could not perform the test")


def start_the_left_hold(page: Page, site_url: str) -> tuple[Locator, Locator]:
    """On the bridge page, under a clock the test moves: the left side and its hold timer, just
    started."""
    page.clock.install()
    page.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(page)
    answer_prescreen_no(widget)
    left = side(widget, "single_leg_bridge", "left")
    timer = left.get_by_role("group", name="Hold timer")
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    timer.get_by_role("button", name="Start timer").click()
    return left, timer


def test_a_hold_under_way_stops_when_the_runner_could_not_do_the_test(
    page: Page, site_url: str
) -> None:
    left, timer = start_the_left_hold(page, site_url)
    page.clock.run_for(5000)
    expect(timer).to_have_class(re.compile("running"))
    left.get_by_label("I could not do this test").check()
    expect(timer).not_to_have_class(re.compile("running"))
    expect(timer.get_by_role("button", name="Start timer")).to_be_disabled()
    expect(left.get_by_label(HELD)).to_be_disabled()
    left.get_by_label("I could not do this test").uncheck()
    expect(timer.get_by_role("button", name="Start timer")).to_be_enabled()


def test_a_reload_mid_way_resumes_at_the_same_step_with_the_answers(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + ALL_TESTS_PAGE)
    widget = widget_of(page)
    answer_prescreen_no(widget)
    next_step(widget)
    next_step(widget)
    next_step(widget)
    side(widget, "single_leg_bridge", "right").get_by_label(HELD).fill("9.5")
    page.reload()
    widget = widget_of(page)
    expect(widget).to_have_attribute("data-step", "single_leg_bridge")
    expect(side(widget, "single_leg_bridge", "right").get_by_label(HELD)).to_have_value("9.5")


def test_moving_the_element_keeps_its_answers_and_its_engine(page: Page, site_url: str) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    widget = wait_until_ready(page)
    answer_prescreen_no(widget)
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("7")
    widget.evaluate("el => document.body.prepend(el)")
    expect(widget).to_have_attribute("data-step", "single_leg_bridge")
    expect(side(widget, "single_leg_bridge", "left").get_by_label(HELD)).to_have_value("7")
    page.wait_for_load_state("networkidle")
    assert len(engine_workers(page)) == 1
    report = submit(widget)
    expect(report).to_be_visible()


def test_instant_navigation_away_and_back_runs_one_engine_and_leaks_none(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    wait_until_ready(page)
    page.evaluate("window.__sameDocument = true")
    for path in ("/assessments/side-plank-test/", "/article/", BRIDGE_PAGE):
        navigate_instantly(page, path)
        expect(page).to_have_url(site_url + path)
        assert page.evaluate("window.__sameDocument") is True, "instant navigation is off"
        assert len(engine_workers(page)) <= 1
    widget = wait_until_ready(page)
    assert len(engine_workers(page)) == 1
    answer_prescreen_no(widget)
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("11")
    expect(submit(widget)).to_be_visible()
    [engine] = engine_workers(page)
    # the engine's grace period once no widget uses it is 5 s (engines.js)
    with engine.expect_event("close", timeout=15_000):
        navigate_instantly(page, "/article/")
        page.wait_for_function("() => !document.querySelector('hip-assessment')", timeout=10_000)
    assert engine_workers(page) == [], "the engine outlived every widget"


def test_a_new_src_after_load_loads_that_catalog(
    page: Page, site_url: str, built_site: Path
) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(page)
    page.route("**/other/catalog.json", lambda route: route.fulfill(path=None, status=404))
    widget.evaluate("el => el.setAttribute('src', '/other/')")
    expect(widget).to_have_attribute("data-state", "error")
    expect(widget.locator(".status")).to_contain_text("catalog.json answered 404")
    widget.evaluate(f"el => el.setAttribute('src', '{bundle_path(built_site)}')")
    expect(widget).to_have_attribute("data-step", "prescreen")
    widget.scroll_into_view_if_needed()
    expect(widget).to_have_attribute("data-state", "ready", timeout=60_000)


def test_corrupted_saved_data_is_set_aside_and_the_widget_keeps_working(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    widget_of(page)  # drawn: it has read the (empty) storage before the damage below
    page.evaluate(
        """() => { localStorage.setItem('hipguide:draft:single_leg_bridge', '{"format":1,"sta');
          return new Promise((resolve) => { const r = indexedDB.open('hipguide', 1);
            r.onupgradeneeded = () => { r.result.createObjectStore('history');
              r.result.createObjectStore('set_aside', {autoIncrement: true}); };
            r.onsuccess = () => { const tx = r.result.transaction('history', 'readwrite');
              tx.objectStore('history').put({format: 1, id: 'x', saved_at: 'now',
                results: {version: 1}, check: 'forged'}, 'x');
              tx.oncomplete = () => { r.result.close(); resolve(); }; }; }); }"""
    )
    page.reload()
    widget = widget_of(page)
    expect(widget.locator(".status")).to_contain_text("set aside")
    expect(widget).to_have_attribute("data-step", "prescreen")
    answer_prescreen_no(widget)
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("8")
    submit(widget)
    widget.get_by_role("button", name="History").click()
    expect(widget.locator(".history")).to_contain_text("changed or damaged")
    expect(widget.locator("ul.records li")).to_have_count(1)
    assert (
        page.evaluate(
            """() => new Promise((resolve) => { const r = indexedDB.open('hipguide', 1);
            r.onsuccess = () => { const q = r.result.transaction('set_aside')
              .objectStore('set_aside').count(); q.onsuccess = () => resolve(q.result); }; })"""
        )
        == 1
    )


def finish_bridge(page: Page, site_url: str, held: str) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(page)
    # A reload resumes where the runner was: after a finished run, that is its result.
    expect(widget).to_have_attribute("data-step", re.compile(r"^(prescreen|result)$"))
    if widget.get_attribute("data-step") == "result":
        widget.get_by_role("button", name="Start a new assessment").click()
    answer_prescreen_no(widget)
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill(held)
    side(widget, "single_leg_bridge", "right").get_by_label(HELD).fill("15")
    submit(widget)


def test_the_history_exports_clears_and_imports_back(page: Page, site_url: str) -> None:
    finish_bridge(page, site_url, "6")
    finish_bridge(page, site_url, "9")
    widget = widget_of(page)
    widget.get_by_role("button", name="History").click()
    expect(widget.locator("ul.records li")).to_have_count(2)
    expect(widget.locator("svg.chart")).to_have_count(2)
    # each chart is named by its test and its side, in the catalog's names for a side
    labels = sorted(widget.locator("figcaption").all_inner_texts())
    assert [label.split(" — ")[0] for label in labels] == [
        "Single Leg Hip Bridge, left",
        "Single Leg Hip Bridge, right",
    ], labels
    with page.expect_download() as download:
        widget.get_by_role("button", name="Export all").click()
    path = download.value.path()
    exported = json.loads(path.read_text("utf-8"))
    assert exported["kind"] == "hipguide-history"
    assert len(exported["records"]) == 2
    page.once("dialog", lambda d: d.accept())
    widget.get_by_role("button", name="Delete all").click()
    expect(widget.locator("ul.records li")).to_have_count(0)
    widget.locator("input[type=file]").set_input_files(path)
    expect(widget.locator(".history")).to_contain_text("2 added, 0 already here")
    expect(widget.locator("ul.records li")).to_have_count(2)
    widget.locator("input[type=file]").set_input_files(path)
    expect(widget.locator(".history")).to_contain_text("0 added, 2 already here")
    widget.get_by_role("button", name="Show program").first.click()
    expect(widget.locator(".prescription")).to_be_visible(timeout=60_000)


def test_a_runner_back_after_a_finished_run_finds_the_history_on_the_first_step(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(page)
    expect(widget).to_have_attribute("data-step", "prescreen")
    expect(widget.get_by_role("button", name="History")).to_have_count(0)  # nothing saved yet
    finish_bridge(page, site_url, "7")
    expect(widget_of(page).locator(".prescription")).to_be_visible(timeout=60_000)
    assert saved_on_the_device(page, 1) == {"records": 1, "waiting": 0}
    page.reload()
    widget = widget_of(page)
    expect(widget).to_have_attribute("data-step", "prescreen")
    widget.get_by_role("button", name="History").click()
    expect(widget.locator("ul.records li")).to_have_count(1)
    widget.get_by_role("button", name="Back to the assessment").click()
    expect(widget).to_have_attribute("data-step", "prescreen")
    page.once("dialog", lambda d: d.accept())
    widget.get_by_role("button", name="History").click()
    widget.get_by_role("button", name="Delete all").click()
    expect(widget.locator("ul.records li")).to_have_count(0)
    widget.get_by_role("button", name="Back to the assessment").click()
    expect(widget.get_by_role("button", name="History")).to_have_count(0)


HOLD_ANSWERS = """() => {  // the engine's answers wait until window.__answer() lets them go
  const widget = document.querySelector("hip-assessment");
  const assess = widget.assess.bind(widget);
  const held = [];
  window.__answer = () => { widget.assess = assess; for (const go of held) go(); };
  widget.assess = (results) => new Promise((resolve) => held.push(() => resolve(assess(results))));
}"""


SAVED_ON_THE_DEVICE = """async ({count, within}) => {
  // The records in the history and the runs waiting in the outbox, polled until the history
  // holds `count` records and the outbox is empty, or `within` ms have passed. (Polled here:
  // wait_for_function would take the promise itself as a true value and not wait.)
  const records = () => new Promise((resolve) => {
    const opened = indexedDB.open("hipguide");
    opened.onsuccess = () => {
      const db = opened.result;
      if (!db.objectStoreNames.contains("history")) return resolve(0);
      const counted = db.transaction("history").objectStore("history").count();
      counted.onsuccess = () => { db.close(); resolve(counted.result); };
    };
  });
  const waiting = () =>
    Object.keys(localStorage).filter((k) => k.startsWith("hipguide:outbox:")).length;
  const until = Date.now() + within;
  for (;;) {
    const now = { records: await records(), waiting: waiting() };
    if ((now.records === count && now.waiting === 0) || Date.now() > until) return now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}"""


def saved_on_the_device(page: Page, count: int, within_ms: int = 30_000) -> dict[str, int]:
    """How many records the history holds and how many runs wait in the outbox, once the history
    holds ``count`` and none waits (or after ``within_ms``)."""
    result: dict[str, int] = page.evaluate(
        SAVED_ON_THE_DEVICE, {"count": count, "within": within_ms}
    )
    return result


def ask_then_start_again(page: Page, site_url: str) -> Locator:
    """On a slow engine (its answers held until ``window.__answer()``), the runner asks for the
    program of a bridge run and starts a new assessment before it comes."""
    page.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(page)
    answer_prescreen_no(widget)
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("6")
    side(widget, "single_leg_bridge", "right").get_by_label(HELD).fill("15")
    page.evaluate(HOLD_ANSWERS)
    to_review(widget)
    widget.get_by_role("button", name="Get my program").click()
    widget.get_by_role("button", name="Start a new assessment").click()
    return widget


def test_a_run_answered_after_a_new_one_began_keeps_to_itself(page: Page, site_url: str) -> None:
    widget = ask_then_start_again(page, site_url)
    answer_prescreen_no(widget)
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("9")
    page.evaluate("window.__answer()")
    assert saved_on_the_device(page, 1) == {"records": 1, "waiting": 0}  # the first run, once
    # and the new run's answers are still its own draft
    draft = page.evaluate("() => localStorage.getItem('hipguide:draft:single_leg_bridge')")
    assert draft is not None, "the first run's answer cleared the new run's draft"
    left = json.loads(draft)["state"]["tests"]["single_leg_bridge"]["sides"]["left"]
    assert left["measures"]["hold_time"]["value"] == "9"
    assert "record" not in json.loads(draft)["state"], "the new run took the first run's id"


def test_a_run_left_before_its_answer_is_saved_on_the_next_visit(page: Page, site_url: str) -> None:
    # The runner asks for the program, starts a new assessment at once and leaves before the
    # (slow) engine answers: the first run's draft is gone, its answer never came.
    ask_then_start_again(page, site_url)
    assert saved_on_the_device(page, 0, within_ms=0) == {"records": 0, "waiting": 1}
    page.reload()
    # answered and saved on this visit, and no longer waiting
    assert saved_on_the_device(page, 1) == {"records": 1, "waiting": 0}


def test_without_storage_the_assessment_completes_and_says_history_is_off(
    page: Page, site_url: str
) -> None:
    page.add_init_script(
        """const refuse = () => { throw new DOMException('no', 'SecurityError'); };
           Object.defineProperty(window, 'localStorage', {get: refuse});
           indexedDB.open = refuse;"""
    )
    page.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(page)
    answer_prescreen_no(widget)
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("8")
    expect(submit(widget)).to_be_visible()
    widget.get_by_role("button", name="History").click()
    expect(widget.locator(".history")).to_contain_text("history is off")


def test_the_hold_timer_counts_in_runs_past_the_mark_and_fills_the_field(
    page: Page, site_url: str
) -> None:
    left, timer = start_the_left_hold(page, site_url)
    expect(timer.get_by_role("status")).to_have_text("3")
    page.clock.run_for(3000)
    expect(timer.get_by_role("status")).to_have_text("Go")
    page.clock.run_for(10_500)
    expect(timer).to_contain_text("past the 10 s mark")
    page.clock.run_for(2000)
    stop = timer.get_by_role("button", name="Stop")
    expect(stop).to_be_focused()
    page.keyboard.press("Enter")
    expect(left.get_by_label(HELD)).to_have_value(re.compile(r"^12\.\d$"))
    expect(timer.get_by_role("status")).to_contain_text("Stopped at 12")


def test_the_whole_flow_works_with_the_keyboard_alone(page: Page, site_url: str) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(page)
    widget.locator("fieldset.question input").first.focus()
    for _ in range(5):  # each question: the arrow keys choose, Tab goes to the next group
        page.keyboard.press("ArrowRight")  # Yes -> No
        page.keyboard.press("Tab")
    expect(widget.get_by_role("button", name="Next")).to_be_focused()
    page.keyboard.press("Enter")
    heading = widget.get_by_role("heading", name="Single Leg Hip Bridge")
    expect(heading).to_be_focused()
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).focus()
    page.keyboard.type("8")
    widget.get_by_role("button", name="Review").focus()
    page.keyboard.press("Enter")
    expect(widget.get_by_role("heading", name="Review your answers")).to_be_focused()
    widget.get_by_role("button", name="Get my program").focus()
    page.keyboard.press("Enter")
    # exact: the report's own "What your results show" heading is drawn at once when the
    # engine is already ready (the start-up snapshot), and would match too
    expect(widget.get_by_role("heading", name="Your result", exact=True)).to_be_focused()
    expect(widget.locator(".prescription")).to_be_visible(timeout=60_000)


STATES = ["prescreen", "test", "timer", "invalid", "review", "result", "history"]


def go_to_state(page: Page, site_url: str, state: str) -> None:
    page.clock.install()
    page.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(page)
    if state == "prescreen":
        return
    answer_prescreen_no(widget)
    left = side(widget, "single_leg_bridge", "left")
    if state == "timer":
        left.get_by_role("button", name="Start timer").click()
        page.clock.run_for(5000)
        return
    if state == "invalid":
        left.get_by_label(HELD).fill("-2")
        return
    left.get_by_label(HELD).fill("7")
    if state == "test":
        return
    to_review(widget)
    if state == "review":
        return
    widget.get_by_role("button", name="Get my program").click()
    expect(widget.locator(".prescription")).to_be_visible(timeout=60_000)
    if state == "history":
        widget.get_by_role("button", name="History").click()
        expect(widget.locator("ul.records li")).to_have_count(1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", STATES)
def test_every_state_has_no_accessibility_violations(
    page: Page, site_url: str, state: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    go_to_state(page, site_url, state)
    assert axe_violations(page, "hip-assessment") == []


@pytest.mark.parametrize(
    ("name", "viewport"), [("phone", PHONE), ("desktop", {"width": 1280, "height": 900})]
)
def test_screenshots_of_each_state(
    browser: Browser,
    site_url: str,
    name: str,
    viewport: dict[str, int],
    request: pytest.FixtureRequest,
) -> None:
    """Not a comparison: pictures for people to look at (make screenshots); collected only
    with --widget-screenshots=DIR (tests/browser/conftest.py)."""
    out = Path(request.config.getoption("--widget-screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    for state in STATES:
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
            page = context.new_page()
            go_to_state(page, site_url, state)
            # What the runner sees: the step's heading at the top, or the field in question
            page.locator("hip-assessment").evaluate(SHOW_STATE, state)
            page.evaluate(SCROLL_SETTLED)
            page.screenshot(path=str(out / f"{name}-{state}-{scheme}.png"))
            context.close()


SCROLL_SETTLED = """() => new Promise((resolve) => {  // the same scroll position two frames running
  let last = -1;
  const frame = () => {
    if (scrollY === last) return resolve();
    last = scrollY;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})"""

SHOW_STATE = """(el, state) => {
  document.querySelector(".md-top")?.remove();  // Material's "Back to top", shown on scrolling up
  const root = el.shadowRoot;
  const at = {timer: ".timer.running", invalid: "[aria-invalid]"}[state];
  const target = at ? root.querySelector(at).closest("fieldset")
                     : root.querySelector(".step-title");
  target.scrollIntoView({block: at ? "center" : "start"});
}"""
