"""Helpers that drive the <hip-assessment> element the way a runner would."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, Worker, expect

ENGINE_START_MS = 60_000


def engine_workers(page: Page) -> list[Worker]:
    return [w for w in page.workers if w.url.endswith("/widget/worker.js")]


def widget_of(page: Page) -> Locator:
    widget = page.locator("hip-assessment")
    expect(widget).to_have_attribute("data-step", re.compile(r"."))
    return widget


def navigate_instantly(page: Page, path: str) -> None:
    """Follow a link to `path` under the theme's instant navigation and wait until the new page
    is swapped in and scrolled where the theme puts it.

    The theme sets the scroll position when its `document$` emits the new page, after the
    address has changed and the widget has been upgraded: a click made before then can be torn
    in two by that scroll (pressed on a label, released elsewhere) and lost. The theme's own
    subscriber runs first, so when ours runs the scroll is done."""
    page.evaluate(
        """p => new Promise((resolve, reject) => {
            let armed = false;  // document$ replays the current page on subscribing
            const swapped = document$.subscribe(() => {
                if (!armed) return;
                swapped.unsubscribe();
                requestAnimationFrame(() => resolve());
            });
            setTimeout(() => reject(new Error(`the theme never swapped ${p} in`)), 30000);
            armed = true;
            const a = document.createElement('a'); a.href = p;
            document.querySelector('.md-content').append(a); a.click();
        })""",
        path,
    )


def wait_until_ready(page: Page) -> Locator:
    """Scroll the widget into sight (which starts the engine) and wait for the engine."""
    widget = widget_of(page)
    # Under instant navigation the address changes before the new content is swapped in, so
    # the element found may be replaced while it is scrolled to, and the theme then restores the
    # page's scroll position, which may take the widget out of sight before it was seen: scroll
    # the one in the page, every frame, until it has started its engine.
    page.wait_for_function(
        """() => { const el = document.querySelector("hip-assessment");
                   if (!el?.isConnected || !el.dataset.step) return false;
                   if (el.dataset.state && el.dataset.state !== "idle") return true;
                   el.scrollIntoView({block: "center"}); return false; }"""
    )
    expect(widget).to_have_attribute("data-state", "ready", timeout=ENGINE_START_MS)
    return widget


def choose(scope: Locator, answer: str) -> None:
    scope.locator("label", has_text=re.compile(f"^{answer}$")).click()


def answer_prescreen(widget: Locator, yes: int | None = None) -> None:
    """Answer every pre-screen question no (or question `yes` yes) and go on."""
    expect(widget).to_have_attribute("data-step", "prescreen")
    for i, question in enumerate(widget.locator("fieldset.question").all()):
        choose(question, "Yes" if i == yes else "No")
    widget.get_by_role("button", name="Next").click()


def answer_prescreen_no(widget: Locator) -> None:
    answer_prescreen(widget)


def on_step(widget: Locator, test: str) -> Locator:
    expect(widget).to_have_attribute("data-step", test)
    return widget.locator(f'section[data-test="{test}"]')


def side(widget: Locator, test: str, side: str) -> Locator:
    return on_step(widget, test).locator(f'fieldset.side[data-side="{side}"]')


def next_step(widget: Locator) -> None:
    widget.locator(".actions button.primary").click()


def to_review(widget: Locator) -> None:
    for _ in range(10):
        step = widget.get_attribute("data-step")
        if step == "review":
            return
        next_step(widget)
        expect(widget).not_to_have_attribute("data-step", step or "")
    raise AssertionError("the review was not reached")


def submit(widget: Locator) -> Locator:
    """Go on to the review, ask for the program, and wait for it."""
    to_review(widget)
    widget.get_by_role("button", name="Get my program").click()
    report = widget.locator(".prescription")
    expect(report).to_be_visible(timeout=ENGINE_START_MS)
    return report


NOT_ON_THE_SNAPSHOT_PATH = ("python_stdlib.zip", "pyodide-lock.json", ".whl")
"""What an engine restored from the build's snapshot never fetches (URL endings)."""

KEPT_FOR_OFFLINE = """async (build) => {  // the page awaits the cache (wait_for_function would not)
  const kept = async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith("hipguide-"));
    if (names.length !== 1 || (build && names[0] !== `hipguide-${build}`)) return false;
    const keys = (await (await caches.open(names[0])).keys()).map((r) => r.url);
    return ["__hipguide_runtime_kept__", "catalog.json", "widget/worker.js",
            "single-leg-bridge/index.html"].every((end) => keys.some((k) => k.endsWith(end)));
  };
  const until = Date.now() + 60000;
  while (Date.now() < until) {
    if (await kept()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}"""


def wait_until_kept_for_offline(page: Page, build: str = "") -> None:
    """Wait until the service worker controls the page and its one cache (of ``build``, when
    given) holds the guide and the runtime."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
    assert page.evaluate(KEPT_FOR_OFFLINE, build), "the runtime was not kept for offline use"


def run_to_a_program(widget: Locator) -> Locator:
    """Bring the widget into sight, say no to the pre-screen, hold the bridge 6 s on the left
    and 12 s on the right, and wait for the program from a ready engine."""
    widget.scroll_into_view_if_needed()
    answer_prescreen_no(widget)
    held = "Seconds held with the pelvis level"
    side(widget, "single_leg_bridge", "left").get_by_label(held).fill("6")
    side(widget, "single_leg_bridge", "right").get_by_label(held).fill("12")
    report = submit(widget)
    expect(report.locator(".program li").first).to_be_visible()
    expect(widget).to_have_attribute("data-state", "ready")
    return report
