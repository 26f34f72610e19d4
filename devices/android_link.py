"""The adb client side of the Android driver: connections, timeouts and error sorting.

adbutils starts a local `adb` server whenever a connection to the configured one fails;
a driver must not spawn daemons behind the user's back (and a vanished server must read
as a disconnect), so `LinkClient` connects without that fallback.

Every device call goes through `Link.call`, which runs it on a worker thread with a
deadline: a call that does not return in time raises `DeviceTimeout` even when the
library underneath has no timeout of its own; connection failures raise
`DeviceDisconnected`.
"""

from __future__ import annotations

import http.client
import logging
import socket
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import adbutils
from adbutils._adb import AdbConnection
from adbutils.errors import AdbConnectionError

from devices.errors import ActionRejected, DeviceDisconnected, DeviceError, DeviceTimeout

logger = logging.getLogger(__name__)

T = TypeVar("T")


class _Connection(AdbConnection):
    def __init__(self, host: str, port: int) -> None:
        self._address = (host, port)
        super().__init__(host, port)

    def _safe_connect(self) -> socket.socket:
        # adbutils would start an adb server here, and leaks the socket when connect fails
        try:
            sock = socket.create_connection(self._address, timeout=3)
        except TimeoutError as e:
            raise adbutils.AdbTimeout("connect to adb server timeout") from e
        except OSError as e:
            raise AdbConnectionError(f"connect to adb server failed: {e}") from e
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        sock.settimeout(None)
        return sock

    def check_okay(self) -> None:
        # adbutils leaves the socket open when the server answers FAIL; close it here.
        try:
            super().check_okay()
        except adbutils.AdbError:
            self.close()
            raise


class LinkClient(adbutils.AdbClient):
    """An AdbClient that never starts an adb server of its own."""

    def make_connection(self, timeout: float | None = None) -> AdbConnection:
        try:
            conn = _Connection(self.host, self.port)
        except TimeoutError as e:
            raise adbutils.AdbTimeout("connect to adb server timeout") from e
        if timeout:
            conn.conn.settimeout(timeout)
        return conn


def _u2_errors() -> tuple[type[BaseException], ...]:
    from uiautomator2 import exceptions

    return (exceptions.BaseException,)


def _timeouts() -> tuple[type[BaseException], ...]:
    from uiautomator2.exceptions import HTTPTimeoutError

    return (adbutils.AdbTimeout, TimeoutError, socket.timeout, HTTPTimeoutError)


def classify(error: BaseException, what: str) -> DeviceError:
    """The DeviceError a library failure means (by type, never by message)."""
    if isinstance(error, _timeouts()):
        return DeviceTimeout(f"{what}: no answer in time ({error})")
    if isinstance(error, DeviceError):
        return error
    return DeviceDisconnected(f"{what}: {type(error).__name__}: {error}")


DEVICE_FAILURES: tuple[type[BaseException], ...] = (
    adbutils.AdbError,
    OSError,
    EOFError,
    http.client.HTTPException,
    ValueError,  # adbutils parses what came back (ints, hex lengths) and fails on garbage
)


def run_with_deadline(fn: Callable[[], T], timeout: float, what: str) -> T:
    """Run `fn` on a daemon thread; DeviceTimeout if it is still running after `timeout`."""
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # re-raised on the caller's thread below
            box["error"] = e

    worker = threading.Thread(target=work, name=f"device-call: {what}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise DeviceTimeout(f"{what}: no answer within {timeout:g} s")
    if "error" in box:
        error = box["error"]
        if isinstance(error, ActionRejected | DeviceError):
            raise error
        if isinstance(error, DEVICE_FAILURES + _u2_errors()):
            raise classify(error, what) from error
        raise error
    return box["value"]
