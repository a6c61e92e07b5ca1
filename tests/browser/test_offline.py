"""Offline: after one visit, the guide and the whole assessment work with the network off."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.widget import answer_prescreen_no, side, submit, wait_until_ready, widget_of

BRIDGE_PAGE = "/assessments/single-leg-bridge/"
HELD = "Seconds held with the pelvis level"

RUNTIME_CACHED = """async () => {
  const names = (await caches.keys()).filter((n) => n.startsWith("hipguide-"));
  if (names.length !== 1) return false;
  const cache = await caches.open(names[0]);
  const keys = (await cache.keys()).map((r) => r.url);
  return ["__hipguide_runtime_kept__", "catalog.json", "widget/worker.js",
          "single-leg-bridge/index.html"].every((end) => keys.some((k) => k.endsWith(end)));
}"""


def test_after_one_visit_the_assessment_completes_with_the_network_off(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + BRIDGE_PAGE)
    wait_until_ready(page)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
    kept = page.evaluate(
        f"""async () => {{  // the page awaits the cache (wait_for_function would not await)
          const cached = {RUNTIME_CACHED};
          const until = Date.now() + 60000;
          while (Date.now() < until) {{
            if (await cached()) return true;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }}
          return false;
        }}"""
    )
    assert kept, "the runtime was not kept for offline use"

    page.context.set_offline(True)
    offline = page.context.new_page()
    offline.goto(site_url + BRIDGE_PAGE)
    widget = widget_of(offline)
    answer_prescreen_no(widget)
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("6")
    report = submit(widget)
    expect(report.locator(".findings")).to_contain_text("(left;")
    offline.goto(site_url + "/article/")
    expect(offline.locator("h1").first).to_be_visible()


def test_the_guide_is_installable(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    href = page.locator("link[rel=manifest]").get_attribute("href")
    assert href
    manifest = page.evaluate("(h) => fetch(h).then((r) => r.json())", href)
    assert manifest["display"] == "standalone"
    assert manifest["icons"]
