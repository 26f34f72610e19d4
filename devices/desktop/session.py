"""A headless desktop: Xvfb, a D-Bus session bus and the AT-SPI bus, started and stopped
together. For tests, CI and servers without a screen; a real desktop already has all three.

    with HeadlessDesktop(1280, 800) as desktop:
        env = desktop.env   # DISPLAY, XAUTHORITY, DBUS_SESSION_BUS_ADDRESS, HOME for programs

`missing()` names what is not installed, so that callers can skip with that reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Self

from devices.errors import DeviceError

BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
_PROGRAMS = {"Xvfb": "xvfb", "dbus-daemon": "dbus", "xdotool": "xdotool"}


def missing() -> list[str]:
    """Debian packages whose programs a headless desktop needs and that are not installed."""
    gone = [package for program, package in _PROGRAMS.items() if shutil.which(program) is None]
    if not Path(BUS_LAUNCHER).exists():
        gone.append("at-spi2-core")
    return gone


class HeadlessDesktop:
    """An X server of `width` x `height` pixels (several screens side by side with
    `monitors` > 1, joined by Xinerama), its own session bus and accessibility bus, and a
    temporary HOME. `env` is what a program started on it needs."""

    def __init__(self, width: int = 1280, height: int = 800, monitors: int = 1) -> None:
        self.size = (width, height)
        self.monitors = monitors
        self.home = Path(tempfile.mkdtemp(prefix="automator-desktop-"))
        self.env: dict[str, str] = {}
        self._procs: list[subprocess.Popen[bytes]] = []

    def start(self) -> Self:
        gone = missing()
        if gone:
            raise DeviceError("a headless desktop needs " + ", ".join(gone))
        try:
            display = self._start_x()
            self.env = {"DISPLAY": display, "XAUTHORITY": str(self.home / ".Xauthority"),
                        "HOME": str(self.home)}
            self.env["DBUS_SESSION_BUS_ADDRESS"] = self._start_bus()
            self._spawn([BUS_LAUNCHER, "--launch-immediately"], stdout=subprocess.DEVNULL)
        except BaseException:
            self.stop()
            raise
        return self

    def _spawn(self, argv: list[str], extra_env: dict[str, str] | None = None,
               **kwargs: object) -> subprocess.Popen[bytes]:
        env = {**os.environ, **self.env, **(extra_env or {})}
        proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, **kwargs)  # type: ignore[call-overload]
        self._procs.append(proc)
        return proc

    def _start_x(self) -> str:
        (self.home / ".Xauthority").touch()
        read, write = os.pipe()
        screens: list[str] = []
        for i in range(self.monitors):
            screens += ["-screen", str(i), f"{self.size[0]}x{self.size[1]}x24"]
        xinerama = ["+xinerama"] if self.monitors > 1 else []
        self._spawn(["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", *xinerama, *screens],
                    pass_fds=(write,), stdout=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise DeviceError("Xvfb did not start")
        return f":{number}"

    def _start_bus(self) -> str:
        proc = self._spawn(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE)
        assert proc.stdout is not None
        address = proc.stdout.readline().decode().strip()
        if not address:
            raise DeviceError("dbus-daemon did not start")
        return address

    def launch(self, argv: list[str], env: dict[str, str] | None = None,
               **kwargs: object) -> subprocess.Popen[bytes]:
        """Start a program on this desktop, with `env` added to its environment; it is
        stopped with the desktop, if still running."""
        return self._spawn(argv, env, **kwargs)

    def stop(self) -> None:
        for proc in reversed(self._procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
        self._procs.clear()
        shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def wait_for(check: object, timeout: float = 10.0, interval: float = 0.1) -> object:
    """Call `check()` until it returns something true; that value, or None after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()  # type: ignore[operator]
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)
