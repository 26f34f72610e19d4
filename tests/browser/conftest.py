"""The system Chromium, headless, for the browser tests; skipped with the reason where it or
Playwright is missing (CI installs both: there a skip is a failure)."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator

import pytest

from devices.browser import find_chromium


def skip_reason() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "the browser tier needs the Python package playwright (setup.sh)"
    if find_chromium() is None:
        return "the browser tier needs Chromium: the Debian package chromium (setup.sh)"
    return None


def need_browser() -> None:
    reason = skip_reason()
    if reason and os.environ.get("AUTOMATOR_REQUIRE_BROWSER") == "1":  # CI installed them
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)


@pytest.fixture(autouse=True)
def _home(tmp_path_factory, monkeypatch) -> None:
    """Chromium writes into HOME (~/.config, ~/.cache): keep it in a temporary folder."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def browser(tmp_path) -> Iterator[object]:
    need_browser()
    from devices.browser import BrowserDevice

    with BrowserDevice(width=640, height=480) as device:
        yield device
