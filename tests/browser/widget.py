"""Helpers that drive the <hip-assessment> element the way a runner would."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

ENGINE_START_MS = 60_000


def wait_until_ready(page: Page) -> Locator:
    widget = page.locator("hip-assessment")
    expect(widget).to_have_attribute("data-state", "ready", timeout=ENGINE_START_MS)
    return widget


def answer_prescreen_no(widget: Locator) -> None:
    for question in widget.locator("fieldset.prescreen fieldset.question").all():
        question.get_by_label("No", exact=True).check()


def side(widget: Locator, test: str, side: str) -> Locator:
    return widget.locator(f'fieldset.test[data-test="{test}"] fieldset.side[data-side="{side}"]')


def submit(widget: Locator) -> Locator:
    widget.get_by_role("button", name="Get my program").click()
    report = widget.locator(".prescription")
    expect(report).to_be_visible()
    return report
