"""The browser the tests and the benchmarks launch (bench/browser.py): Playwright's own choices
kept, and the headless browser's address-bar popups off."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Sequence

from playwright.sync_api import Playwright

from bench.browser import CHROMIUM, LAUNCH_ARGS, PLAYWRIGHT_DISABLED_FEATURES, QUIET_FEATURES


def disabled_features(playwright: Playwright, args: Sequence[str]) -> set[str]:
    """The features a browser launched with ``args`` runs without, as Chromium itself reports
    them (chrome://version, "Command-line variations")."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(args))
    try:
        page = browser.new_page()
        page.goto("chrome://version")
        encoded = re.search(r"eyJ[A-Za-z0-9+/=]+", page.content())
        assert encoded, "chrome://version shows no command-line variations"
        text = encoded.group(0) + "=" * (-len(encoded.group(0)) % 4)
        variations = json.loads(base64.b64decode(text))
        return set(variations.get("disable-features", "").split(","))
    finally:
        browser.close()


def test_the_launch_keeps_every_feature_playwright_turns_off_and_the_popups_off(
    playwright: Playwright,
) -> None:
    playwrights_own = disabled_features(playwright, ["--no-sandbox"])
    missing = playwrights_own - {*PLAYWRIGHT_DISABLED_FEATURES, "PaintHolding"}
    assert not missing, f"Playwright now turns off {missing}: add them to bench/browser.py"
    ours = disabled_features(playwright, LAUNCH_ARGS)
    assert playwrights_own | set(QUIET_FEATURES) <= ours
