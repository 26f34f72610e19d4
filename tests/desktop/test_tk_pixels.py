"""A Tk window driven by pixels only: Tk draws its own widgets and exposes no AT-SPI tree, so
the agent sees it through OpenCV proposals and OCR (perception/vision.py, perception/ocr.py).
The form (tests/desktop/fixtures/tk_form.py) runs under the system Python with python3-tk and
prints what was sent; skipped with the reason where either is missing."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from devices.actions import Tap, TypeText
from devices.desktop.session import wait_for
from perception import perceive
from perception.elements import Screen, UIElement

pytestmark = pytest.mark.desktop
FORM = Path(__file__).parent / "fixtures" / "tk_form.py"
SYSTEM_PYTHON = "/usr/bin/python3"
TEXT = "Zoë 42"


@pytest.fixture
def tk_form(desktop):
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import tkinter"], capture_output=True)
    if probe.returncode != 0:
        reason = "the Tk test needs the Debian package python3-tk (setup.sh)"
        if os.environ.get("AUTOMATOR_REQUIRE_DESKTOP") == "1":  # CI installed it
            pytest.fail(reason)
        pytest.skip(reason)
    proc = desktop.launch([SYSTEM_PYTHON, str(FORM)], stdout=subprocess.PIPE)
    yield proc
    if proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=5)
    if proc.stdout is not None:
        proc.stdout.close()


def _text(screen: Screen, text: str) -> UIElement | None:
    return next((e for e in screen.elements if e.role == "text" and e.text == text), None)


def _showing(device, text: str) -> Screen | None:
    screen = perceive(device.capture())
    return screen if _text(screen, text) is not None else None


def _field_right_of(screen: Screen, label: UIElement) -> UIElement:
    """The proposal without text that starts right of `label`, on its line: where a form
    puts the field a label names."""
    found = [
        e
        for e in screen.elements
        if not e.text
        and e.bounds.left >= label.bounds.right
        and e.bounds.top < label.bounds.center.y < e.bounds.bottom
    ]
    assert found, [(e.role, e.text, e.bounds) for e in screen.elements]
    return min(found, key=lambda e: e.bounds.left)


def test_a_tk_window_is_driven_by_pixels_only(tk_form) -> None:
    from devices.desktop import DesktopDevice

    with DesktopDevice("tk_form", pause_s=0.02) as device:
        screen = wait_for(lambda: _showing(device, "Send"), 30)
        assert screen is not None, "the Tk form never showed a readable Send button"
        assert json.loads(device.capture().tree)["windows"] == []  # no tree: pixels only
        assert {e.source for e in screen.elements} == {"vision"}
        name = _text(screen, "Name")
        assert name is not None
        device.execute(TypeText(TEXT, target=_field_right_of(screen, name).bounds.center))
        typed = wait_for(
            lambda: any("42" in e.text for e in perceive(device.capture()).elements), 10
        )
        assert typed, "the typed text is not read back from the pixels"
        send = _text(perceive(device.capture()), "Send")
        assert send is not None
        device.execute(Tap(send.bounds.center))
        out, _ = tk_form.communicate(timeout=10)
    assert out.decode("utf-8") == f"sent:{TEXT}\n"
