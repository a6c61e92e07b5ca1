from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request

from bench.browser import CHROMIUM, LAUNCH_ARGS
from bench.server import serve

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-baselines",
        action="store_true",
        help="re-take the figure screenshots in tests/browser/baselines/ (make update-baselines)",
    )
    parser.addoption(
        "--widget-screenshots",
        action="store",
        default=None,
        metavar="DIR",
        help="write a screenshot of every widget state (phone and desktop, light and dark) to DIR",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
    # The widget's screenshots are pictures for people (make screenshots), not a test: they are
    # collected only when asked for.
    if not config.getoption("--widget-screenshots"):
        kept = [item for item in items if "test_screenshots_of_each_state" not in item.name]
        if len(kept) < len(items):
            config.hook.pytest_deselected(items=[i for i in items if i not in kept])
            items[:] = kept


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            *LAUNCH_ARGS,
            "--disable-gpu",
            "--no-first-run",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


class RequestLog:
    """Every request the page made, to prove nothing leaves the local server."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.urls: list[str] = []

    def record(self, request: Request) -> None:
        self.urls.append(request.url)

    def foreign(self) -> list[str]:
        local = urlsplit(self.origin).netloc
        return [
            u
            for u in self.urls
            if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != local
        ]


@pytest.fixture
def requests_made(page: Page, site_url: str) -> RequestLog:
    log = RequestLog(site_url)
    page.context.on("request", log.record)  # the context sees worker requests too
    return log


def axe_violations(page: Page, selector: str | None = None) -> list[dict[str, Any]]:
    """Run axe-core (from npm) in the page; returns the violations."""
    page.add_script_tag(path=str(AXE))
    context = f"document.querySelector({selector!r})" if selector else "document"
    result: dict[str, Any] = page.evaluate(
        f"async () => await axe.run({context}, {{resultTypes: ['violations']}})"
    )
    return list(result["violations"])
