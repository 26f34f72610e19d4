"""`StateChannel`: set up and read the state of a phone the caller does not own, over adb.

A served virtual phone answers `cmd automator state|reset` (devices.adb.state_service); an
evaluation on attached devices resets each device into a task's initial state and reads its
end state through this channel, as benchmarks on emulators set up and check tasks through
adb. A real phone has no such service: `NoStateChannel` says so.

The channel is a connection of its own to the device (the driver's, AndroidDevice, stays
free for the episode); every call has a deadline, like the driver's.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from devices.android_link import LinkClient, run_with_deadline
from devices.errors import DeviceDisconnected, DeviceError, NoStateChannel

SERVICE = "automator"
NOT_FOUND_STATUS = 20  # what Android's `cmd` exits with for an unknown service


class StateChannel:
    """`cmd automator` on the device `serial` of the adb server at `host`:`port` (default:
    the environment's ANDROID_ADB_SERVER_HOST/PORT, else 127.0.0.1:5037)."""

    def __init__(self, serial: str, host: str | None = None, port: int | None = None,
                 timeout: float = 20.0) -> None:
        self.serial = serial
        self.timeout = timeout  # s, for each call
        host = host or os.environ.get("ANDROID_ADB_SERVER_HOST", "127.0.0.1")
        port = port or int(os.environ.get("ANDROID_ADB_SERVER_PORT", "5037"))
        self._client = LinkClient(host=host, port=port, socket_timeout=timeout)
        self._device = self._client.device(serial)

    def state(self) -> dict[str, Any]:
        """The phone's state snapshot."""
        text = self._run("state")
        try:
            state = json.loads(text)
        except ValueError as e:
            raise DeviceDisconnected(f"{self.serial}: `cmd {SERVICE} state` printed no JSON "
                                     f"({e}): {text[:200]!r}") from e
        if not isinstance(state, dict):
            raise DeviceDisconnected(f"{self.serial}: `cmd {SERVICE} state` is not an object")
        return state

    def reset(self, seed: int = 0, realism: str = "off", state: dict[str, Any] | None = None,
              app: str | None = None) -> None:
        """Start the phone afresh: seed's data and layouts, `realism`, `state` merged into
        the seed's own, starting in `app`."""
        setup = {k: v for k, v in (("state", state), ("app", app)) if v}
        words = ["reset", "--seed", str(seed), "--realism", realism]
        if setup:
            encoded = base64.b64encode(json.dumps(setup).encode("utf-8")).decode("ascii")
            words += ["--setup", encoded]
        self._run(*words)

    def check(self) -> None:
        """Raise DeviceNotFound unless the device is attached (and online), NoStateChannel
        unless it answers `cmd automator help`."""
        from devices.android import pick_serial

        run_with_deadline(lambda: pick_serial(self._client, self.serial), self.timeout,
                          "list devices")
        self._run("help")

    def _run(self, *words: str) -> str:
        argv = ["cmd", SERVICE, *words]
        what = f"{self.serial}: cmd {SERVICE} {words[0]}"
        result = run_with_deadline(lambda: self._device.shell2(argv, timeout=self.timeout,
                                                               v2=True), self.timeout, what)
        if result.returncode == NOT_FOUND_STATUS:
            raise NoStateChannel(f"{self.serial} has no `cmd {SERVICE}` service")
        if result.returncode != 0:
            message = (result.stderr or result.output).strip().splitlines()
            raise DeviceError(f"{what}: exit {result.returncode}: "
                              f"{message[0] if message else 'no message'}")
        # shell v2 keeps stdout apart; a phone without it merges both into `output`
        return str(result.stdout if result.stdout or result.stderr else result.output)
