"""A flaky phone: dropped connections, hung calls, truncated output, vanished devices."""

from __future__ import annotations

import pytest

from devices.adb.target import Fault
from devices.android import AndroidDevice
from devices.errors import DeviceDisconnected, DeviceTimeout

pytestmark = pytest.mark.sim


@pytest.fixture(params=[False, True], ids=["adb", "uiautomator2"])
def device(request, small_server):
    dev = AndroidDevice("small-0", port=small_server.port, use_uiautomator2=request.param,
                        timeout=1.5)  # fmt: skip
    yield dev
    dev.close()


def _dump_name(dev: AndroidDevice) -> str:
    return "dumpWindowHierarchy" if dev.capture_path == "uiautomator2" else "uiautomator"


def _shot_name(dev: AndroidDevice) -> str:
    return "takeScreenshot" if dev.capture_path == "uiautomator2" else "screencap"


def test_one_dropped_dump_is_retried(device, small_server):
    small_server.target("small-0").faults.arm(_dump_name(device), Fault.DROP, times=1)
    assert "<hierarchy" in device.capture().tree


def test_a_dump_that_keeps_dropping_is_a_disconnect(device, small_server):
    small_server.target("small-0").faults.arm(_dump_name(device), Fault.DROP, times=5)
    with pytest.raises(DeviceDisconnected):
        device.capture()


def test_a_dump_that_never_returns_times_out(device, small_server):
    small_server.target("small-0").faults.arm(_dump_name(device), Fault.HANG)
    with pytest.raises(DeviceTimeout, match="no answer"):
        device.capture()
    assert "<hierarchy" in device.capture().tree  # the next call works again


def test_truncated_screenshot(device, small_server):
    faults = small_server.target("small-0").faults
    faults.arm(_shot_name(device), Fault.TRUNCATE, times=1)
    assert device.capture().screenshot.size == (1080, 2400)  # retried once
    faults.arm(_shot_name(device), Fault.TRUNCATE, times=5)
    with pytest.raises(DeviceDisconnected):
        device.capture()


def test_device_vanishes_between_steps(device, small_server):
    device.capture()
    small_server.remove_device("small-0")
    with pytest.raises(DeviceDisconnected, match="small-0 is gone"):
        device.capture()


def test_adb_server_goes_away(small_server):
    dev = AndroidDevice("small-1", port=small_server.port, use_uiautomator2=False, timeout=1.5)
    small_server.close()
    with pytest.raises(DeviceDisconnected, match="adb server unreachable"):
        dev.capture()
