"""The accessibility tree of a Linux desktop, read by a helper under the system Python.

libatspi's Python bindings (`gi`, `Atspi`) are Debian packages built for Debian's Python;
pip can only build PyGObject with a compiler and the GObject development headers, and the
project's environment is not made with `--system-site-packages`. So the tree is read by
`atspi_dump.py`, run by a Python that has `gi` (`$AUTOMATOR_ATSPI_PYTHON`, else
`/usr/bin/python3`), kept running, and asked over its stdin/stdout in JSON lines. The venv's
Python version does not matter, and a crash in libatspi ends the helper, not the agent.
"""

from __future__ import annotations

import json
import logging
import os
import selectors
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from devices.errors import DeviceError, DeviceTimeout

log = logging.getLogger(__name__)

HELPER = Path(__file__).with_name("atspi_dump.py")
_PROBE = "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"


class AtspiUnavailable(DeviceError):
    """No Python with libatspi's bindings, or no accessibility bus: pixels only."""


def find_python() -> str:
    """A Python that can import `gi.repository.Atspi`; AtspiUnavailable saying what to
    install when there is none."""
    wanted = os.environ.get("AUTOMATOR_ATSPI_PYTHON")
    for candidate in [wanted] if wanted else ["/usr/bin/python3", shutil.which("python3")]:
        if candidate and _has_atspi(candidate):
            return candidate
    raise AtspiUnavailable(
        "no Python with the AT-SPI bindings: install the Debian packages python3-gi and "
        "gir1.2-atspi-2.0 (and at-spi2-core), or point AUTOMATOR_ATSPI_PYTHON at a Python "
        "that has them")


def _has_atspi(python: str) -> bool:
    try:
        done = subprocess.run([python, "-c", _PROBE], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


class AtspiClient:
    """A running `atspi_dump.py`; `dump(app)` returns its reply as a dict."""

    def __init__(self, python: str | None = None, timeout: float = 10.0) -> None:
        self.timeout = timeout  # s, for one dump
        self._python = python or find_python()
        self._proc: subprocess.Popen[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = subprocess.Popen(
                [self._python, str(HELPER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, text=True, encoding="utf-8", bufsize=1)
        return self._proc

    def dump(self, app: str = "", max_nodes: int = 5000, max_text: int = 2000) -> dict[str, Any]:
        """The tree of `app`'s showing windows (every application's when empty)."""
        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None
        request = {"app": app, "max_nodes": max_nodes, "max_text": max_text}
        try:
            proc.stdin.write(json.dumps(request) + "\n")
            proc.stdin.flush()
        except OSError as e:
            self.close()
            raise DeviceError(f"the AT-SPI reader stopped: {e}") from e
        line = self._read_line(proc)
        reply = json.loads(line)
        if not reply.get("ok"):
            raise DeviceError(f"reading the AT-SPI tree failed: {reply.get('error')}")
        return reply

    def _read_line(self, proc: subprocess.Popen[str]) -> str:
        assert proc.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(proc.stdout, selectors.EVENT_READ)
            start = time.monotonic()
            if not selector.select(self.timeout):
                self.close()
                raise DeviceTimeout(f"the AT-SPI tree took over {self.timeout:g} s")
            line = proc.stdout.readline()
            log.debug("AT-SPI dump in %.0f ms", 1000 * (time.monotonic() - start))
        if not line:
            self.close()
            raise DeviceError("the AT-SPI reader quit (is an accessibility bus running?)")
        return line

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
