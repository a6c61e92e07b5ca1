"""The Chromium the tests and the benchmarks launch, and the switches that keep it quiet.

Debian's Chromium (Playwright cannot download its own browser here) runs headless with a few of
the browser's own background services off, so that what is measured is the page: no network
beyond the site, and none of the work a headless browser does for a window it does not have.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "CHROMIUM",
    "LAUNCH_ARGS",
    "PLAYWRIGHT_DISABLED_FEATURES",
    "QUIET_FEATURES",
    "disable_features",
]

CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium: Playwright cannot download its own browser here."""

QUIET_FEATURES = (
    "WebUIOmniboxPopup",
    "WebUIOmniboxAimPopup",
    "WebUIOmniboxFullPopup",
    "PreloadTopChromeWebUI",
)
"""Chromium 156 builds the address bar's WebUI popups (several hundred modules, its own
renderers) in the background of every new page of a headless browser, which has no address bar,
on the 2 cores the page under test runs on. Measured with the widget's benchmark (6 fresh
contexts each, alternating): a repeat visit 557 -> 456 ms median without them, a later one
593 -> 426 ms."""

PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
)
"""The features Playwright turns off with its own ``--disable-features``. Chromium reads only the
last switch of that name, so a launch that adds features repeats these (the tests check the list
against what Playwright passes: tests/browser/test_harness.py)."""


def disable_features(launcher_disabled: Iterable[str]) -> str:
    """The one ``--disable-features`` switch: what the launcher turns off, and the quiet ones."""
    names = dict.fromkeys([*launcher_disabled, *QUIET_FEATURES])
    return "--disable-features=" + ",".join(names)


LAUNCH_ARGS = (
    "--no-sandbox",  # as root
    "--disable-background-networking",
    "--disable-component-update",
    disable_features(PLAYWRIGHT_DISABLED_FEATURES),
)
"""For ``playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)``."""
