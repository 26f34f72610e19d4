"""The eval's HTML report and the two-run comparison page, as the system Chromium renders
them: the figures, the charts and the provenance are on the page, and nothing is fetched."""

import json
from pathlib import Path

import pytest

from automator.cli import main
from devices.virtual.phone import VirtualPhone
from tests.browser.conftest import need_browser

LAUNCHER = VirtualPhone().state()["foreground"]


@pytest.fixture
def two_evals(tmp_path):
    """Eval A finishes at once (passes only the task that wants Settings kept); eval B
    presses home (passes only the other)."""
    suite = tmp_path / "suite"
    suite.mkdir()
    for name, goal, package, steps in (
            ("settings-home", "Go to the home screen", LAUNCHER, 1),
            ("settings-stays", "Stay in Settings", "com.android.settings", 7)):
        (suite / f"{name}.yaml").write_text(
            f"goal: {goal}\napp: settings\nmax_steps: 3\nsteps: {steps}\n"
            f"success:\n  - {{path: foreground, equals: {package}}}\n")
    lazy, home = tmp_path / "lazy.json", tmp_path / "home.json"
    lazy.write_text("[]")
    home.write_text(json.dumps([{"kind": "key", "key": "home"}]))
    for name, script in (("a", lazy), ("b", home)):
        assert main(["eval", str(suite), "--planner", f"scripted:{script}",
                     "--out", str(tmp_path / name), "--seeds", "0", "3"]) == 0
    return tmp_path / "a", tmp_path / "b"


@pytest.fixture
def page():
    need_browser()
    from playwright.sync_api import sync_playwright

    from devices.browser import find_chromium
    from devices.browser.device import FLAGS

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_chromium(), headless=True,
                                     args=list(FLAGS))
        tab = browser.new_page(viewport={"width": 1200, "height": 900})
        requested: list[str] = []
        tab.on("request", lambda r: requested.append(r.url))
        tab.requested = requested
        yield tab
        browser.close()


def _open(page, path: Path) -> str:
    page.goto(path.resolve().as_uri())
    page.screenshot(path=str(path.with_suffix(".png")), full_page=True)
    assert page.requested == [path.resolve().as_uri()], "the page fetched something"
    return page.inner_text("body")


@pytest.mark.browser
def test_report_shows_figures_charts_and_provenance(two_evals, page):
    a, _ = two_evals
    text = _open(page, a / "report.html")
    assert "50.0% success" in text and "2 of 4 runs" in text
    for heading in ("Success by app", "Success by split", "Success by difficulty",
                    "Success by seed", "Steps and time", "Failure reasons (2 failed runs)"):
        assert page.get_by_role("heading", name=heading).is_visible()
    assert page.locator("svg").count() == 7  # four rate charts, three distributions
    assert "1-2 steps" in text and "6-9 steps" in text and "seed 3" in text
    assert f"automator eval {a.parent / 'suite'}" in text and "scripted:" in text
    rows = page.locator("table").last.locator("tr")
    assert rows.count() == 5  # a header and the four runs
    assert "settings-home" in rows.nth(1).inner_text() and "FAIL" in rows.nth(1).inner_text()


@pytest.mark.browser
def test_comparison_page_names_the_flips(two_evals, page, tmp_path):
    a, b = two_evals
    out = tmp_path / "compare.html"
    assert main(["compare", str(a), str(b), "--html", str(out)]) == 0
    text = _open(page, out)
    assert "exact McNemar p = 1" in text and "2 gained, 2 lost" in text
    flips = page.locator("table").nth(1).inner_text()
    for run in ("settings-home@0", "settings-home@3", "settings-stays@0", "settings-stays@3"):
        assert run in flips
    assert page.locator("svg rect").count() == 4  # two groups (app, all) x two evals
