"""The virtual phone served through the real adb host protocol (server side).

`serve()` starts an adb server on a loopback port; adbutils, uiautomator2 and the `adb`
binary talk to it as to a phone. The Android driver itself is `devices.android`.
"""

from devices.adb.server import AdbServer, run_forever, serve
from devices.adb.target import AdbTarget, Fault, PhoneBackend

__all__ = ["AdbServer", "AdbTarget", "Fault", "PhoneBackend", "run_forever", "serve"]
