"""Every figure panel, screenshotted in the light and the dark palette, looks as it did when
its baseline was taken (tests/browser/baselines/). Re-take them on purpose, after looking at
the new pictures, with ``make update-baselines``.

The screenshots are of the contact sheet (docs/figures.md), with motion reduced, so each panel
shows its end position. Baselines are stored in 16 colours, which keeps them to a few kilobytes
and still catches a limb, a label or a colour that moved.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter
from playwright.sync_api import Browser, Page

from tests.figures import real

BASELINES = Path(__file__).parent / "baselines"
SCHEMES = ("light", "dark")
PANELS = [panel.id for panel in real.panels()]
TOLERANCE = 0.01
"""Share of pixels that may differ clearly, beyond a one-pixel shift, before it fails."""
CLEAR = 48
"""A difference in any colour channel above this is a clear one."""


@pytest.fixture(scope="module", params=SCHEMES)
def sheet(
    request: pytest.FixtureRequest, browser: Browser, site_url: str
) -> Iterator[tuple[str, Page]]:
    """The contact sheet in one palette: (scheme, page)."""
    context = browser.new_context(
        color_scheme=request.param,
        reduced_motion="reduce",
        viewport={"width": 1280, "height": 900},
        device_scale_factor=1,
    )
    page = context.new_page()
    page.goto(f"{site_url}/figures/")
    page.wait_for_selector("svg.hf")
    yield request.param, page
    context.close()


def _normalise(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return image.quantize(colors=16, method=Image.Quantize.MEDIANCUT).convert("RGB")


def _difference(shot: Image.Image, expected: Image.Image) -> Image.Image:
    """How far each pixel falls outside the colours of its 3 x 3 neighbourhood in the other
    image, both ways: a page laid out a fraction of a pixel differently does not count, a
    limb that moved does."""
    darker = ImageChops.subtract(expected.filter(ImageFilter.MinFilter(3)), shot)
    lighter = ImageChops.subtract(shot, expected.filter(ImageFilter.MaxFilter(3)))
    darker_too = ImageChops.subtract(shot.filter(ImageFilter.MinFilter(3)), expected)
    lighter_too = ImageChops.subtract(expected, shot.filter(ImageFilter.MaxFilter(3)))
    return ImageChops.lighter(
        ImageChops.lighter(darker, lighter), ImageChops.lighter(darker_too, lighter_too)
    )


@pytest.mark.parametrize("panel_id", PANELS)
def test_each_figure_looks_as_its_baseline(
    sheet: tuple[str, Page], panel_id: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    scheme, page = sheet
    shot = _normalise(page.locator(f"#{panel_id}").screenshot())
    baseline = BASELINES / f"{panel_id}-{scheme}.png"
    if request.config.getoption("--update-baselines", default=False):
        BASELINES.mkdir(exist_ok=True)
        shot.convert("P", palette=Image.Palette.ADAPTIVE, colors=16).save(baseline, optimize=True)
        return
    assert baseline.exists(), f"no baseline for {baseline.name}: run make update-baselines"
    expected = Image.open(baseline).convert("RGB")
    # A page laid out a fraction of a pixel differently can round the box a pixel larger.
    assert abs(shot.width - expected.width) <= 2, f"{panel_id} ({scheme}) changed width"
    assert abs(shot.height - expected.height) <= 2, f"{panel_id} ({scheme}) changed height"
    box = (0, 0, min(shot.width, expected.width), min(shot.height, expected.height))
    shot, expected = shot.crop(box), expected.crop(box)
    difference = _difference(shot, expected)
    red, green, blue = difference.split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    clear = sum(largest.histogram()[CLEAR + 1 :])
    share = clear / (shot.width * shot.height)
    if share > TOLERANCE:
        shot.save(tmp_path / f"{panel_id}-{scheme}-now.png")
        difference.save(tmp_path / f"{panel_id}-{scheme}-difference.png")
    assert share <= TOLERANCE, f"{panel_id} ({scheme}) differs in {share:.1%} of its pixels"
