"""The served phone's `getevent`: its devices, and the events of every touch it receives,
whatever way the touch arrives, read back by the recorder's own parser."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from devices.actions import Point, Tap
from devices.adb.getevent import InputEvents
from devices.adb.getevent_cmd import Options, event_line
from devices.adb.profile import Profile
from devices.adb.server import serve
from devices.android import AndroidDevice
from devices.getevent import parse_devices, parse_event, touchscreen
from devices.touch_reading import Gesture, GestureKind, InputReader

pytestmark = pytest.mark.sim
PROFILES = [None, Profile(14, "pixel"), Profile(11, "samsung"), Profile(16, "xiaomi")]


def _client(server: Any) -> Any:
    import adbutils

    return adbutils.AdbClient(host="127.0.0.1", port=server.port).device("virtual-0")


@pytest.mark.parametrize("profile", PROFILES, ids=str)
def test_the_touchscreen_has_its_own_range_not_the_screens(profile):
    with serve(port=0, phones=1, profile=profile) as server:
        listing = _client(server).shell("getevent -lp")
    panel = touchscreen(parse_devices(listing))
    assert panel.path == "/dev/input/event2" and "INPUT_PROP_DIRECT" in panel.props
    assert (panel.axis("X").span, panel.axis("Y").span) != (1080, 2400)
    vendor = profile.vendor if profile else ""
    assert ("BTN_TOUCH" in panel.keys) == (vendor != "xiaomi")
    assert ("ABS_MT_SLOT" in panel.axes) == (vendor == "samsung")


def test_a_tap_streams_as_a_kernel_would_print_it(phone_server):
    phone = _client(phone_server)
    out: list[str] = []
    watcher = threading.Thread(target=lambda: out.append(phone.shell("getevent -lt -c 11")))
    watcher.start()
    while not phone_server.target("virtual-0").input.listeners:
        threading.Event().wait(0.01)
    phone.shell("input tap 540 1200")
    watcher.join(10)
    lines = out[0].splitlines()
    assert lines[:2] == ["add device 1: /dev/input/event0", '  name:     "gpio-keys"']
    events = [parse_event(line) for line in lines[6:]]
    assert len(events) == 11 and all(e is not None for e in events)  # -c 11: then it exits
    assert [e.code for e in events[:3]] == ["ABS_MT_TRACKING_ID", "ABS_MT_POSITION_X",
                                            "ABS_MT_POSITION_Y"]  # fmt: skip
    assert [(e.code, e.value) for e in events if e.type == "EV_KEY"] == [("BTN_TOUCH", 1),
                                                                          ("BTN_TOUCH", 0)]
    assert events[-2].code == "BTN_TOUCH" and events[-1].code == "SYN_REPORT"
    assert lines[6].endswith("            ")  # values are padded, as getevent pads them


def test_every_way_in_shows_as_a_finger(phone_server):
    """`input`, uiautomator2's click and an IME broadcast's text all reach getevent."""
    with AndroidDevice("virtual-0", port=phone_server.port) as device:
        panel = touchscreen(parse_devices(device.query(["getevent", "-lp"])))
        reader = InputReader(panel, (1080, 2400), 0, 420.0)
        sock = device.stream(["getevent", "-lt"])
        try:
            device.execute(Tap(Point(300, 700)))  # uiautomator2's click
            _client(phone_server).shell("input swipe 540 1800 540 900 200")
            readings = _read_until(sock, reader, 2)
        finally:
            sock.close()
    tap, swipe = [r for r in readings if isinstance(r, Gesture)]
    assert tap.kind == GestureKind.TAP and tap.start == Point(300, 700)
    assert swipe.kind == GestureKind.SWIPE
    assert (swipe.start, swipe.end) == (Point(540, 1800), Point(540, 900))


def _read_until(sock: Any, reader: InputReader, gestures: int) -> list[Any]:
    sock.settimeout(10)
    readings: list[Any] = []
    pending = b""
    while sum(isinstance(r, Gesture) for r in readings) < gestures:
        pending += sock.recv(65536)
        *lines, pending = pending.split(b"\n")
        for line in lines:
            event = parse_event(line.decode().rstrip("\r"))
            if event is not None:
                readings += reader.feed(event)
    return readings


@pytest.mark.parametrize("profile", PROFILES, ids=str)
@pytest.mark.parametrize("rotation", [0, 1, 2, 3])
def test_emitted_strokes_read_back_to_the_same_screen_points(profile, rotation):
    events = InputEvents(profile, 1080, 2400)
    listener = events.listen()
    screen = (2400, 1080) if rotation % 2 else (1080, 2400)
    start, end = Point(screen[0] // 5, screen[1] // 3), Point(screen[0] - 7, 5)
    events.stroke([start, end], 0.25, rotation)
    events.stroke([Point(0, 0)], 0.06, rotation)
    reader = InputReader(events.devices[1], screen, rotation, 420.0)
    options = Options(labels=profile is None, stamps=True)
    readings = []
    while not listener.empty():
        readings += reader.feed(parse_event(event_line(listener.get(), options)))
    swipe, tap = [r for r in readings if isinstance(r, Gesture)]
    assert swipe.kind == GestureKind.SWIPE and 240 <= swipe.duration_ms <= 260
    assert abs(swipe.start.x - start.x) <= 1 and abs(swipe.start.y - start.y) <= 1
    assert abs(swipe.end.x - end.x) <= 1 and abs(swipe.end.y - end.y) <= 1
    assert tap.kind == GestureKind.TAP and tap.start == Point(0, 0)


def test_bad_options_print_the_usage(phone_server):
    out = _client(phone_server).shell("getevent -z; echo status $?")
    assert "Usage: getevent" in out and "status 1" in out
