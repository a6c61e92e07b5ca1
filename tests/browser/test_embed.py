"""<hip-assessment> on someone else's page: a host on a second origin (localhost, another port)
loads the widget from the guide (127.0.0.1) with one module script, under its own security
headers (docs/embedding.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from bench.server import serve
from tests.browser.widget import ENGINE_START_MS, answer_prescreen_no, side, submit, widget_of

HELD = "Seconds held with the pelvis level"
WIDGET_SCRIPT = "/assets/hipguide/widget/index.js"


def strict_csp(guide: str, worker_src: str = "'self' blob: {guide}") -> str:
    """The strict policy of docs/embedding.md: no 'unsafe-inline', no 'unsafe-eval'."""
    return "; ".join(
        [
            f"default-src 'self' {guide}",
            f"script-src 'self' {guide} 'wasm-unsafe-eval'",
            f"style-src 'self' {guide}",
            f"worker-src {worker_src.format(guide=guide)}",
            f"connect-src 'self' {guide}",
            f"img-src 'self' {guide} data:",
        ]
    )


def host_page(guide: str, widgets: int = 1) -> str:
    elements = '<hip-assessment tests="single_leg_bridge"></hip-assessment>\n' * widgets
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A running club</title>'
        '<link rel="icon" href="data:,">'
        f'<script type="module" src="{guide}{WIDGET_SCRIPT}"></script></head>'
        f"<body><main><h1>Our hip check</h1>\n{elements}</main></body></html>"
    )


@pytest.fixture(scope="module")
def host(site_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second origin (localhost) with host pages: plain, strict CSP, a CSP that refuses the
    worker, two widgets."""
    pages = tmp_path_factory.mktemp("host")
    (pages / "host.html").write_text(host_page(site_url), "utf-8")
    (pages / "strict.html").write_text(host_page(site_url), "utf-8")
    (pages / "no-worker.html").write_text(host_page(site_url), "utf-8")
    (pages / "two.html").write_text(host_page(site_url, widgets=2), "utf-8")
    headers = {
        "/strict.html": {"Content-Security-Policy": strict_csp(site_url)},
        "/no-worker.html": {"Content-Security-Policy": strict_csp(site_url, "'self'")},
    }
    with serve(pages, host="localhost", headers=headers) as url:
        yield url


EVENTS = """
window.__events = [];
window.__violations = [];
for (const name of ["loadstart", "load", "error", "change", "result", "complete"]) {
  document.addEventListener(`hip-assessment-${name}`,
    (e) => window.__events.push({name, detail: e.detail}));
}
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def run_to_result(page: Page) -> None:
    widget = widget_of(page).first
    widget.scroll_into_view_if_needed()
    answer_prescreen_no(widget)
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("6")
    side(widget, "single_leg_bridge", "right").get_by_label(HELD).fill("12")
    expect(submit(widget).locator(".program li").first).to_be_visible()


def events(page: Page) -> list[dict[str, Any]]:
    return list(page.evaluate("window.__events"))


def test_a_script_embed_on_another_origin_reaches_a_result_and_tells_the_host(
    page: Page, host: str, site_url: str
) -> None:
    assert host.split(":")[1] != site_url.split(":")[1]  # two origins
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.add_init_script(EVENTS)
    page.goto(host + "/host.html")
    run_to_result(page)
    names = [e["name"] for e in events(page)]
    assert "error" not in names, events(page)
    assert {"loadstart", "load", "change", "result", "complete"} <= set(names)
    complete = next(e["detail"] for e in events(page) if e["name"] == "complete")
    assert complete["prescription"], "the host gets the program"
    assert complete["results"]["assessments"][0]["assessment"] == "single_leg_bridge"
    expect(widget_of(page)).to_have_attribute("data-state", "ready")
    assert console == []


def test_the_widget_works_on_a_host_under_a_strict_csp(
    page: Page, host: str, site_url: str
) -> None:
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    page.add_init_script(EVENTS)
    page.goto(host + "/strict.html")
    run_to_result(page)
    # The figure is drawn and styled (its stylesheet adopted, not inline).
    widget = widget_of(page)
    assert (
        page.evaluate(
            "document.querySelector('hip-assessment').shadowRoot.adoptedStyleSheets.length"
        )
        >= 1
    )
    assert widget.locator("style").count() == 0
    assert page.evaluate("window.__violations") == []
    assert [m for m in console if "Content Security Policy" in m] == []


def test_a_host_whose_csp_refuses_the_worker_gets_a_clear_error(page: Page, host: str) -> None:
    page.add_init_script(EVENTS)
    page.goto(host + "/no-worker.html")
    widget = widget_of(page)
    widget.scroll_into_view_if_needed()
    expect(widget).to_have_attribute("data-state", "error", timeout=ENGINE_START_MS)
    expect(widget.locator(".status")).to_contain_text("could not start")
    errors = [e for e in events(page) if e["name"] == "error"]
    assert len(errors) == 1
    assert errors[0]["detail"]["message"]
    # The runner can still answer: the form is the catalog's, not the engine's.
    answer_prescreen_no(widget)
    expect(widget).to_have_attribute("data-step", "single_leg_bridge")


def test_two_widgets_on_a_page_share_one_worker_and_one_runtime_download(
    page: Page, host: str
) -> None:
    wasm: list[str] = []
    page.context.on(
        "request", lambda r: wasm.append(r.url) if r.url.endswith("pyodide.asm.wasm") else None
    )
    page.add_init_script(EVENTS)
    page.goto(host + "/two.html")
    widgets = page.locator("hip-assessment")
    expect(widgets).to_have_count(2)
    for i in range(2):
        widgets.nth(i).scroll_into_view_if_needed()
        expect(widgets.nth(i)).to_have_attribute("data-state", "ready", timeout=ENGINE_START_MS)
    assert len(wasm) == 1, wasm
    assert len(page.workers) == 1, [w.url for w in page.workers]
    loads = [e for e in events(page) if e["name"] == "load"]
    assert len(loads) == 2, "each element tells the host it is ready"


def test_the_embedding_doc_gives_the_policy_the_tests_use() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "embedding.md").read_text("utf-8")
    policy = strict_csp("https://GUIDE")
    assert policy in doc
