"""<hip-assessment> in an iframe on someone else's page: a host on a second origin (localhost,
another port) shows the guide's /embed/ page (127.0.0.1) and sizes it with the guide's
embed-host.js, under a strict CSP of its own; the /embed/ page is served under a strict CSP too
(docs/embedding.md). Every message is checked by origin, both ways."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Frame, Locator, Page, Playwright, expect

from bench.server import serve
from tests.browser.conftest import axe_violations
from tests.browser.widget import ENGINE_START_MS, answer_prescreen_no, side, submit, to_review

HELD = "Seconds held with the pelvis level"
PHONE = {"width": 360, "height": 740}
FRAME = "iframe[data-hip-assessment]"


def host_csp(guide: str, *more_frames: str) -> str:
    """The host page's policy for the iframe way (docs/embedding.md): no 'unsafe-inline', no
    'unsafe-eval', no 'wasm-unsafe-eval' or workers: the engine runs in the guide's frame."""
    frames = " ".join([guide, *more_frames])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {guide}",
            "style-src 'self'",
            f"frame-src {frames}",
        ]
    )


EMBED_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
    ]
)
"""The guide's policy for its /embed/ page (docs/embedding.md): the page has no inline script
or style, and the widget runs its worker from its own origin."""

HOST_CSS = """
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 50rem; padding: 1rem; font: 18px/1.6 Georgia, serif; }
iframe { display: block; width: 100%; border: 3px solid #777; padding: 2px; }
"""
"""A host's stylesheet: border-box sizing, a border and a padding on the iframe, which the
resizer must add to the content's height."""


def host_page(title: str, *frames: str, script: str = "") -> str:
    scripts = f'<script type="module" src="{script}"></script>' if script else ""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title>"
        f'<link rel="stylesheet" href="/club.css">{scripts}</head>'
        f"<body><main><h1>{title}</h1>{''.join(frames)}<p>The rest of our page.</p></main>"
        "</body></html>"
    )


def embed_frame(guide: str, query: str) -> str:
    src = f"{guide}/embed/?{query}".replace("&", "&amp;")
    title = "Hip self-assessment"
    return f'<iframe data-hip-assessment title="{title}" height="300" src="{src}"></iframe>'


class Origins:
    def __init__(self, guide: str, widget: str, host: str, stranger: str) -> None:
        self.guide = guide
        self.widget = widget
        """The guide's widget folder, as the embed page names it."""
        self.host = host
        self.stranger = stranger
        """A third origin: a frame on the host's page that tries to talk to both."""


def widget_folder(site: Path, guide: str) -> str:
    """The widget folder's URL, read from the built embed page (wherever the build puts it)."""
    page = (site / "embed" / "index.html").read_text("utf-8")
    found = re.search(r'src="([^"]*)embed-frame\.js"', page)
    assert found, page
    return urljoin(f"{guide}/embed/", found[1])


@pytest.fixture(scope="module")
def origins(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Origins]:
    """The guide, a host (localhost) with its pages, and a stranger (a third origin)."""
    strange = tmp_path_factory.mktemp("stranger")
    (strange / "stranger.html").write_text(host_page("Another site"), "utf-8")
    (strange / "club.css").write_text("", "utf-8")
    (strange / "favicon.ico").write_bytes(b"")
    pages = tmp_path_factory.mktemp("club")
    with (
        serve(built_site, headers={"/embed/": {"Content-Security-Policy": EMBED_CSP}}) as guide,
        serve(strange) as stranger,
    ):
        policy = {"Content-Security-Policy": host_csp(guide, stranger)}
        names = ("club", "strangers", "unlisted")
        headers = {f"/{name}.html": policy for name in names}
        with serve(pages, host="localhost", headers=headers) as host:
            # written once the host's origin is known: the frames' URLs name it
            widget = widget_folder(built_site, guide)
            script = widget + "embed-host.js"
            frame = embed_frame(guide, f"tests=single_leg_bridge&origin={host}")
            others = (
                f'<iframe id="stranger" title="Another site" height="60"'
                f' src="{stranger}/stranger.html"></iframe>'
                f'<iframe id="same-origin" title="A guide page" height="60"'
                f' src="{guide}/nothing-here"></iframe>'
            )
            unlisted = embed_frame(guide, "tests=single_leg_bridge&origin=https://club.example")
            (pages / "club.css").write_text(HOST_CSS, "utf-8")
            (pages / "favicon.ico").write_bytes(b"")
            for name, body in [
                ("club", host_page("Our hip check", frame, script=script)),
                ("strangers", host_page("Our hip check", frame, others, script=script)),
                ("unlisted", host_page("Not the listed host", unlisted, script=script)),
            ]:
                (pages / f"{name}.html").write_text(body, "utf-8")
            yield Origins(guide, widget, host, stranger)


RECORDER = """
const {host, guide} = %s;
if (location.origin === host) {
  window.__events = [];
  window.__messages = [];
  window.__violations = [];
  for (const name of ["load", "error", "change", "complete"]) {
    document.addEventListener(`hip-assessment-${name}`, (e) =>
      window.__events.push({name, target: e.target.tagName, detail: e.detail}));
  }
  window.addEventListener("message", (e) =>
    window.__messages.push({origin: e.origin, data: e.data}));
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
}
if (location.origin === guide) {
  window.__received = [];
  window.__violations = [];
  window.addEventListener("message", (e) =>
    window.__received.push({origin: e.origin, type: e.data && e.data.type}));
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
}
"""

REFUSE_STORAGE = """
if (location.origin === %s) {
  const refuse = () => { throw new DOMException("no", "SecurityError"); };
  Object.defineProperty(window, "localStorage", {get: refuse});
  indexedDB.open = refuse;
}
"""

FITS = """() => {
  const html = document.documentElement;
  const content = Math.ceil(document.body.getBoundingClientRect().height);
  return Math.abs(innerHeight - content) <= 1 && html.scrollHeight <= html.clientHeight
    && html.scrollWidth <= html.clientWidth;
}"""
"""The frame's viewport is its content's height: nothing to scroll, no gap below."""


@pytest.fixture
def storage_page(
    playwright: Playwright, browser_type_launch_args: dict[str, Any]
) -> Iterator[Page]:
    """A page in a Chromium that keeps a framed page's storage apart for each top-level site,
    as browsers do today. Playwright launches Chromium with ThirdPartyStoragePartitioning
    switched off (its --disable-features list); a later --disable-features replaces that list.
    Without partitioning, this Chromium refuses a third-party frame any storage (the `page`
    fixture: see the storage-refused test)."""
    args = [*browser_type_launch_args.get("args", []), "--disable-features=MediaRouter"]
    browser = playwright.chromium.launch(**{**browser_type_launch_args, "args": args})
    yield browser.new_page()
    browser.close()


def open_host(page: Page, origins: Origins, name: str) -> None:
    page.add_init_script(RECORDER % json.dumps({"host": origins.host, "guide": origins.guide}))
    page.goto(f"{origins.host}/{name}.html")


def frame_of(page: Page) -> Frame:
    frame = page.locator(FRAME).element_handle().content_frame()
    assert frame is not None
    return frame


def framed_widget(page: Page) -> Locator:
    return page.frame_locator(FRAME).locator("hip-assessment")


def expect_sized(page: Page, step: str) -> int:
    """The host shows the frame's step, and the frame is exactly as tall as its content."""
    expect(page.locator(FRAME)).to_have_attribute("data-hip-step", step)
    frame = frame_of(page)
    frame.wait_for_function(FITS)
    return int(frame.evaluate("innerHeight"))


def events(page: Page) -> list[dict[str, Any]]:
    return list(page.evaluate("window.__events"))


def test_an_iframe_embed_follows_its_content_through_every_state_to_a_result(
    storage_page: Page, origins: Origins
) -> None:
    page = storage_page
    assert origins.host.split(":")[1] != origins.guide.split(":")[1]  # two origins
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.clock.install()
    open_host(page, origins, "club")
    widget = framed_widget(page)
    heights = {"prescreen": expect_sized(page, "prescreen")}
    answer_prescreen_no(widget)
    heights["test"] = expect_sized(page, "single_leg_bridge")
    left = side(widget, "single_leg_bridge", "left")
    timer = left.get_by_role("group", name="Hold timer")
    timer.get_by_role("button", name="Start timer").click()
    page.clock.run_for(5000)
    expect(timer.get_by_role("status")).to_have_text("Go")
    heights["timer"] = expect_sized(page, "single_leg_bridge")
    page.clock.run_for(8000)
    expect(timer).to_contain_text("past the 10 s mark")
    heights["past the mark"] = expect_sized(page, "single_leg_bridge")
    timer.get_by_role("button", name="Stop").click()
    expect(left.get_by_label(HELD)).to_have_value(re.compile(r"^1\d\.\d$"))
    to_review(widget)
    heights["review"] = expect_sized(page, "review")
    widget.get_by_role("button", name="Get my program").click()
    expect(widget.locator(".prescription")).to_be_visible(timeout=ENGINE_START_MS)
    heights["result"] = expect_sized(page, "result")
    widget.get_by_role("button", name="History").click()
    expect(widget.locator("ul.records li")).to_have_count(1)
    heights["history"] = expect_sized(page, "history")
    page.set_viewport_size(PHONE)
    heights["history on a phone"] = expect_sized(page, "history")
    # The height followed the content: each step its own.
    assert len(set(heights.values())) >= 5, heights
    assert heights["history on a phone"] > heights["history"], heights
    # The border-box iframe got the content's height plus its border and padding (2 × 5 px).
    outer = page.locator(FRAME).evaluate("f => f.getBoundingClientRect().height")
    assert outer == pytest.approx(heights["history on a phone"] + 10, abs=1)
    expect(page.locator(FRAME)).to_have_attribute("data-hip-state", "ready")

    # The host heard the widget's events, on the iframe element.
    names = [e["name"] for e in events(page)]
    assert "error" not in names, events(page)
    assert {"load", "change", "complete"} <= set(names)
    assert {e["target"] for e in events(page)} == {"IFRAME"}
    complete = next(e["detail"] for e in events(page) if e["name"] == "complete")
    assert complete["prescription"], "the host gets the program"
    assert complete["results"]["assessments"][0]["assessment"] == "single_leg_bridge"
    assert page.evaluate("window.__violations") == []
    assert frame_of(page).evaluate("window.__violations") == []
    assert console == []

    # The frame's storage is the guide's under this host only: the guide's own pages do not
    # see the history kept in the frame (browsers partition it by the top-level site).
    page.goto(f"{origins.guide}/embed/")
    kept = page.evaluate(
        """() => new Promise((resolve) => {
             const r = indexedDB.open("hipguide");
             r.onupgradeneeded = () => r.result.createObjectStore("history");
             r.onsuccess = () => {
               const get = r.result.transaction("history").objectStore("history").count();
               get.onsuccess = () => resolve(get.result);
             };
           })"""
    )
    assert kept == 0


def test_the_host_script_ignores_messages_that_are_not_from_its_frame(
    page: Page, origins: Origins
) -> None:
    open_host(page, origins, "strangers")
    expect_sized(page, "prescreen")
    iframe = page.locator(FRAME)
    forged_size = {
        "channel": "hip-assessment-embed",
        "version": 1,
        "type": "size",
        "height": 4321,
        "step": "result",
        "state": "ready",
    }
    forged_event = {
        "channel": "hip-assessment-embed",
        "version": 1,
        "type": "event",
        "name": "complete",
        "detail": {"results": {}, "prescription": {"forged": True}},
    }
    post = "([a, b]) => { parent.postMessage(a, '*'); parent.postMessage(b, '*'); }"
    # A frame of a third origin, a frame of the guide's origin that is not the embed, and the
    # host page itself.
    for name in ("stranger", "same-origin"):
        frame = page.locator(f"#{name}").element_handle().content_frame()
        assert frame is not None
        frame.evaluate(post, [forged_size, forged_event])
    page.evaluate(
        "([a, b]) => { postMessage(a, '*'); postMessage(b, '*'); }", [forged_size, forged_event]
    )
    page.wait_for_function(
        "() => window.__messages.filter((m) => m.data.height === 4321).length === 3"
        " && window.__messages.filter((m) => m.data.type === 'event').length >= 3"
    )
    origins_seen = page.evaluate(
        "window.__messages.filter((m) => m.data.height === 4321).map((m) => m.origin)"
    )
    assert sorted(origins_seen) == sorted([origins.stranger, origins.guide, origins.host])
    # Ignored: no height, no step, no event from any of them; the frame's own size stands.
    assert int(iframe.evaluate("f => f.getBoundingClientRect().height")) < 4321
    expect_sized(page, "prescreen")
    assert [e for e in events(page) if e["name"] == "complete"] == []


def test_the_frame_talks_only_to_a_host_in_its_allowlist(page: Page, origins: Origins) -> None:
    # A stranger's connect reaches the frame, which keeps talking to its own host only.
    open_host(page, origins, "strangers")
    expect_sized(page, "prescreen")
    stranger = page.locator("#stranger").element_handle().content_frame()
    assert stranger is not None
    connect = {"channel": "hip-assessment-embed", "version": 1, "type": "connect"}
    stranger.evaluate("(m) => parent.frames[0].postMessage(m, '*')", connect)
    frame = frame_of(page)
    frame.wait_for_function(
        f"() => window.__received.some((m) => m.origin === {json.dumps(origins.stranger)})"
    )
    answer_prescreen_no(framed_widget(page))
    expect_sized(page, "single_leg_bridge")

    # A host the frame's URL does not list gets nothing, though its resizer asks.
    page.goto(f"{origins.host}/unlisted.html")
    widget = framed_widget(page)
    expect(widget).to_have_attribute("data-state", "ready", timeout=ENGINE_START_MS)
    frame = frame_of(page)
    frame.wait_for_function(
        f"() => window.__received.some((m) => m.origin === {json.dumps(origins.host)}"
        " && m.type === 'connect')"
    )
    assert frame.evaluate("document.documentElement.dataset.embed") is None
    assert [m for m in page.evaluate("window.__messages") if m["origin"] == origins.guide] == []
    assert events(page) == []
    expect(page.locator(FRAME)).not_to_have_attribute("data-hip-step", re.compile("."))
    assert page.locator(FRAME).evaluate("f => f.style.height") == ""


STORAGE_REFUSED = {
    # Chromium without storage partitioning (as Playwright runs it) refuses a third-party
    # frame any storage: localStorage throws, indexedDB.open fails.
    "blocked as a third party": ("page", ""),
    # A browser that would allow it (partitioned: storage_page) where storage throws, as in
    # some private modes.
    "throwing": ("storage_page", REFUSE_STORAGE),
}


@pytest.mark.parametrize("how", STORAGE_REFUSED)
def test_with_storage_refused_the_framed_widget_completes_and_says_the_history_is_off(
    request: pytest.FixtureRequest, origins: Origins, how: str
) -> None:
    fixture, script = STORAGE_REFUSED[how]
    page: Page = request.getfixturevalue(fixture)
    if script:
        page.add_init_script(script % json.dumps(origins.guide))
    open_host(page, origins, "club")
    widget = framed_widget(page)
    refused = frame_of(page).evaluate(
        "() => { try { return localStorage.length < 0; } catch { return true; } }"
    )
    assert refused, "the frame's storage is refused"
    answer_prescreen_no(widget)
    side(widget, "single_leg_bridge", "left").get_by_label(HELD).fill("8")
    expect(submit(widget)).to_be_visible()
    expect_sized(page, "result")
    assert [e["name"] for e in events(page) if e["name"] == "complete"] == ["complete"]
    widget.get_by_role("button", name="History").click()
    expect(widget.locator(".history")).to_contain_text("history is off")
    expect_sized(page, "history")


def test_the_embed_page_and_its_host_have_no_accessibility_violations(
    browser: Browser, origins: Origins
) -> None:
    # axe is injected as a script, which the pages' CSP would refuse
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    open_host(page, origins, "club")
    expect_sized(page, "prescreen")
    assert axe_violations(page) == []
    frame: Any = frame_of(page)  # a Frame has the Page methods axe_violations uses
    assert axe_violations(frame) == []
    context.close()


def test_the_embed_page_is_a_bare_file_outside_the_guide_s_pages(built_site: Path) -> None:
    page = (built_site / "embed" / "index.html").read_text("utf-8")
    assert "<hip-assessment" not in page  # embed-frame.js makes it, with the URL's attributes
    assert re.search(r"<script(?![^>]*\bsrc=)", page) is None, "no inline script"
    assert re.search(r"<style|style=", page) is None, "no inline style"
    assert re.search(r"md-header|md-nav", page) is None, "no theme around the widget"
    assert "/embed/</loc>" not in (built_site / "sitemap.xml").read_text("utf-8")
    search = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    assert [d for d in search["docs"] if d["location"].startswith("embed/")] == []


def test_the_embedding_doc_gives_the_policies_the_tests_use() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "embedding.md").read_text("utf-8")
    assert host_csp("https://GUIDE") in doc
    assert EMBED_CSP in doc
