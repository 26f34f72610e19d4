"""A headless desktop (Xvfb, D-Bus, AT-SPI) shared by the desktop tests, and zenity on it.

pyautogui opens the display when first imported, so one desktop serves the whole session;
each test starts its own program and stops it by its handle.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest

from devices.desktop.atspi_client import AtspiUnavailable, find_python
from devices.desktop.session import HeadlessDesktop, missing, wait_for


def _skip_reason() -> str | None:
    gone = missing() + ([] if shutil.which("zenity") else ["zenity"])
    if gone:
        return "the desktop tier needs the Debian packages " + ", ".join(gone) + " (setup.sh)"
    try:
        find_python()
    except AtspiUnavailable as e:
        return str(e)
    return None


@pytest.fixture(scope="session")
def desktop() -> Iterator[HeadlessDesktop]:
    reason = _skip_reason()
    if reason and os.environ.get("AUTOMATOR_REQUIRE_DESKTOP") == "1":  # CI installed them
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)
    saved = {k: os.environ.get(k) for k in ("DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS")}
    with HeadlessDesktop(1280, 800) as d:
        os.environ.update({k: d.env[k] for k in saved})
        try:
            yield d
        finally:
            x11 = sys.modules.get("pyautogui._pyautogui_x11")
            if x11 is not None:  # pyautogui keeps one X connection for the process's life
                x11._display.close()
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


@pytest.fixture
def device(desktop):
    from devices.desktop import DesktopDevice

    with DesktopDevice("zenity", pause_s=0.02) as d:
        yield d


class Zenity:
    """One zenity dialog on the test desktop."""

    def __init__(self, desktop: HeadlessDesktop, device, args: list[str],
                 env: dict[str, str] | None = None) -> None:
        self.device = device
        self.proc = desktop.launch(["zenity", *args], env=env, stdout=subprocess.PIPE)
        shown = wait_for(lambda: '"push button"' in json.dumps(device.read_tree()), 15)
        assert shown, "zenity did not show its dialog"

    def result(self, timeout: float = 10) -> tuple[int, str]:
        out, _ = self.proc.communicate(timeout=timeout)
        return self.proc.returncode, out.decode("utf-8")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=5)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        wait_for(lambda: not self.device.read_tree()["windows"], 5)


@pytest.fixture
def zenity(desktop, device):
    started: list[Zenity] = []

    def start(*args: str, env: dict[str, str] | None = None) -> Zenity:
        z = Zenity(desktop, device, list(args), env)
        started.append(z)
        return z

    yield start
    for z in started:
        z.stop()
