"""Reading `getevent` output into gestures: device lists, event lines, the multitouch
protocols, panel ranges that are not the screen's, rotation, and the gesture thresholds.

The texts in getevent/ are laid out exactly as AOSP's toolbox/getevent.c prints them (see its
README); the panels are modelled on common phone drivers (a Samsung `sec_touchscreen` at QHD+
with slots, a Goodix panel at 10x sub-pixel resolution that sends no BTN_TOUCH)."""

from __future__ import annotations

from pathlib import Path

import pytest

from devices.actions import Point
from devices.getevent import (
    AxisRange,
    GeteventError,
    InputDevice,
    parse_devices,
    parse_event,
    touchscreen,
    typed_char,
)
from devices.touch_reading import (
    Gesture,
    GestureKind,
    InputReader,
    KeyPress,
    Panel,
    TouchDown,
)

pytestmark = pytest.mark.unit

HERE = Path(__file__).parent / "getevent"
SAMSUNG_LP = (HERE / "samsung_lp.txt").read_text()
GOODIX_P = (HERE / "goodix_p.txt").read_text()
# A tap then a two-finger touch on the Samsung panel (type B with slots), as `getevent -lt`.
SAMSUNG_TAP = (HERE / "samsung_tap_two_fingers_lt.txt").read_text()
# A swipe up on the Goodix panel, which sends only ABS_MT_* (no BTN_TOUCH), unlabelled as
# `getevent -t` prints it, with the \r\n of a terminal.
GOODIX_SWIPE = (HERE / "goodix_swipe_t_pty.txt").read_bytes().decode()


def _read(reader: InputReader, text: str) -> list:
    out = []
    for line in text.splitlines():
        event = parse_event(line)
        if event is not None:
            out += reader.feed(event)
    return out


def _gestures(readings: list) -> list[Gesture]:
    return [r for r in readings if isinstance(r, Gesture)]


def test_the_touchscreen_and_its_range_come_from_the_device_list():
    devices = parse_devices(SAMSUNG_LP)
    assert [d.name for d in devices] == ["gpio_keys", "sec_touchscreen", "sec_touchpad"]
    panel = touchscreen(devices)
    assert panel.path == "/dev/input/event2"
    assert panel.axis("X") == AxisRange(0, 1439) and panel.axis("Y") == AxisRange(0, 3087)
    assert {"BTN_TOUCH", "BTN_TOOL_FINGER"} <= panel.keys and "INPUT_PROP_DIRECT" in panel.props
    assert "KEY_HOMEPAGE" in devices[0].keys


def test_an_unlabelled_device_list_is_read_by_its_codes():
    (panel,) = parse_devices(GOODIX_P)
    assert touchscreen([panel]) is panel
    assert panel.axis("X").span == 10800 and panel.axis("Y").maximum == 23999


def test_a_phone_without_a_touchscreen_is_an_error_that_names_the_devices():
    with pytest.raises(GeteventError, match="gpio_keys"):
        touchscreen(parse_devices(SAMSUNG_LP.split("add device 2")[0]))


@pytest.mark.parametrize(("line", "expected"), [
    ("[   14275.412045] /dev/input/event2: EV_ABS       ABS_MT_POSITION_X    000002d0            ",
     (14275.412045, "/dev/input/event2", "EV_ABS", "ABS_MT_POSITION_X", 0x2D0)),
    ("[   14275.481003] /dev/input/event2: EV_ABS       ABS_MT_TRACKING_ID   ffffffff",
     (14275.481003, "/dev/input/event2", "EV_ABS", "ABS_MT_TRACKING_ID", -1)),
    ("/dev/input/event2: EV_KEY       BTN_TOUCH            DOWN                ",
     (0.0, "/dev/input/event2", "EV_KEY", "BTN_TOUCH", 1)),
    ("[     812.000100] /dev/input/event1: 0001 009e 00000000\r",
     (812.0001, "/dev/input/event1", "EV_KEY", "KEY_BACK", 0)),
    ("EV_SYN       SYN_REPORT           00000000             rate 120",
     (0.0, "", "EV_SYN", "SYN_REPORT", 0)),
])  # fmt: skip
def test_event_lines_in_every_layout(line, expected):
    e = parse_event(line)
    assert e is not None
    assert (round(e.time, 6), e.device, e.type, e.code, e.value) == expected


@pytest.mark.parametrize("line", ["add device 2: /dev/input/event2", '  name:     "fts ts"',
                                  "could not open /dev/input/event9, Permission denied", ""])
def test_other_lines_are_not_events(line):
    assert parse_event(line) is None


def _samsung(screen=(1080, 2316), rotation=0, dpi=450.0) -> InputReader:
    return InputReader(touchscreen(parse_devices(SAMSUNG_LP)), screen, rotation, dpi)


def test_type_b_taps_are_scaled_from_the_panel_to_the_screen():
    readings = _read(_samsung(), SAMSUNG_TAP)
    assert isinstance(readings[0], TouchDown) and readings[0].time == pytest.approx(14275.412045)
    tap, two = _gestures(readings)
    assert tap.kind == GestureKind.TAP and tap.duration_ms == 69
    # the panel is QHD+, the screen FHD+: x 720.5/1440 of 1080 px, y 1542.5/3088 of 2316 px
    assert tap.start == Point(540, 1156)
    assert two.fingers == 2 and two.start == Point(192, 1536)  # the first finger's path
    assert two.kind == GestureKind.SWIPE and two.end == Point(108, 1536)


def test_a_panel_without_btn_touch_ends_a_stroke_on_its_tracking_id():
    (panel,) = parse_devices(GOODIX_P)
    (swipe,) = _gestures(_read(InputReader(panel, (1080, 2400), 0, 440.0), GOODIX_SWIPE))
    assert swipe.kind == GestureKind.SWIPE and swipe.duration_ms == 300
    assert swipe.start == Point(810, 1800) and swipe.end == Point(811, 1000)  # 10x sub-pixels
    assert len(swipe.path) == 4


@pytest.mark.parametrize(("rotation", "expected"), [
    (0, Point(540, 1156)), (1, Point(1156, 539)), (2, Point(539, 1159)), (3, Point(1159, 540)),
])  # fmt: skip
def test_a_rotated_screen_turns_the_panel_axes(rotation, expected):
    screen = (2316, 1080) if rotation % 2 else (1080, 2316)
    (tap, _) = _gestures(_read(_samsung(screen, rotation), SAMSUNG_TAP))
    assert tap.start == expected


def test_rotation_maps_the_panel_corners_to_the_screen_corners():
    panel = Panel(AxisRange(0, 4095), AxisRange(0, 4095), (1080, 2400))
    top_left_natural = (0, 0)
    assert panel.to_screen(*top_left_natural, 1) == Point(0, 1079)  # landscape, turned left
    assert panel.to_screen(*top_left_natural, 3) == Point(2399, 0)
    assert panel.to_screen(4095, 4095, 2) == Point(0, 0)


@pytest.mark.parametrize(("held_ms", "drift", "kind"), [
    (80, 0, GestureKind.TAP), (80, 15, GestureKind.TAP), (450, 0, GestureKind.TAP),
    (520, 0, GestureKind.LONG_PRESS), (900, 12, GestureKind.LONG_PRESS),
    (80, 40, GestureKind.SWIPE), (900, 60, GestureKind.SWIPE),
])  # fmt: skip
def test_gestures_are_told_apart_by_time_and_distance_in_dp(held_ms, drift, kind):
    # 420 dpi: the touch slop of 8 dp is 21 px
    panel = InputDevice("/dev/input/event2", "fts_ts", {"BTN_TOUCH"},
                        {"ABS_MT_POSITION_X": AxisRange(0, 1079),
                         "ABS_MT_POSITION_Y": AxisRange(0, 2399)})  # fmt: skip
    reader = InputReader(panel, (1080, 2400), 0, 420.0)
    t0, t1 = 100.0, 100.0 + held_ms / 1000
    lines = [f"[{t0:15.6f}] /dev/input/event2: EV_ABS       ABS_MT_TRACKING_ID   00000007",
             f"[{t0:15.6f}] /dev/input/event2: EV_ABS       ABS_MT_POSITION_X    {500:08x}",
             f"[{t0:15.6f}] /dev/input/event2: EV_ABS       ABS_MT_POSITION_Y    {900:08x}",
             f"[{t0:15.6f}] /dev/input/event2: EV_SYN       SYN_REPORT           00000000",
             f"[{t1:15.6f}] /dev/input/event2: EV_ABS       ABS_MT_POSITION_Y    {900 + drift:08x}",
             f"[{t1:15.6f}] /dev/input/event2: EV_SYN       SYN_REPORT           00000000",
             f"[{t1:15.6f}] /dev/input/event2: EV_ABS       ABS_MT_TRACKING_ID   ffffffff",
             f"[{t1:15.6f}] /dev/input/event2: EV_SYN       SYN_REPORT           00000000"]
    (gesture,) = _gestures(_read(reader, "\n".join(lines)))
    assert gesture.kind == kind
    assert gesture.duration_ms == held_ms


def test_type_a_contacts_separated_by_syn_mt_report():
    panel = InputDevice("/dev/input/event0", "old_ts", {"BTN_TOUCH"},
                        {"ABS_MT_POSITION_X": AxisRange(0, 479),
                         "ABS_MT_POSITION_Y": AxisRange(0, 799)})  # fmt: skip
    reader = InputReader(panel, (480, 800), 0, 240.0)
    frames = [(1.0, [(100, 200)]), (1.05, [(100, 260)]), (1.1, [(100, 400)]), (1.2, [])]
    lines = []
    for t, contacts in frames:
        for x, y in contacts:
            lines += [f"[{t:12.6f}] EV_ABS       ABS_MT_POSITION_X    {x:08x}",
                      f"[{t:12.6f}] EV_ABS       ABS_MT_POSITION_Y    {y:08x}"]
        lines += [f"[{t:12.6f}] EV_SYN       SYN_MT_REPORT        00000000",
                  f"[{t:12.6f}] EV_SYN       SYN_REPORT           00000000"]
    (swipe,) = _gestures(_read(reader, "\n".join(lines)))
    assert (swipe.kind, swipe.start, swipe.end) == (GestureKind.SWIPE, Point(100, 200),
                                                   Point(100, 400))  # fmt: skip


def test_keys_are_read_once_each_with_shift():
    reader = _samsung()
    lines = ["[ 5.000000] /dev/input/event3: EV_KEY       KEY_BACK             DOWN",
             "[ 5.050000] /dev/input/event3: EV_KEY       KEY_BACK             REPEAT",
             "[ 5.080000] /dev/input/event3: EV_KEY       KEY_BACK             UP",
             "[ 6.000000] /dev/input/event4: EV_KEY       KEY_LEFTSHIFT        DOWN",
             "[ 6.010000] /dev/input/event4: EV_KEY       KEY_SLASH            DOWN",
             "[ 6.020000] /dev/input/event4: EV_KEY       KEY_SLASH            UP",
             "[ 6.030000] /dev/input/event4: EV_KEY       KEY_LEFTSHIFT        UP",
             "[ 6.040000] /dev/input/event4: EV_KEY       KEY_A                DOWN"]
    presses = _read(reader, "\n".join(lines))
    assert presses == [KeyPress("KEY_BACK", 5.0), KeyPress("KEY_SLASH", 6.01, True),
                       KeyPress("KEY_A", 6.04)]  # fmt: skip
    assert typed_char("KEY_SLASH", True) == "?" and typed_char("KEY_A", False) == "a"
    assert typed_char("KEY_BACK", False) is None


def _tap_lines(t: float, x: int, y: int, held: float = 0.05) -> list[str]:
    return [f"[{t:15.6f}] EV_ABS       ABS_MT_TRACKING_ID   00000009",
            f"[{t:15.6f}] EV_ABS       ABS_MT_POSITION_X    {x:08x}",
            f"[{t:15.6f}] EV_ABS       ABS_MT_POSITION_Y    {y:08x}",
            f"[{t:15.6f}] EV_SYN       SYN_REPORT           00000000",
            f"[{t + held:15.6f}] EV_ABS       ABS_MT_TRACKING_ID   ffffffff",
            f"[{t + held:15.6f}] EV_SYN       SYN_REPORT           00000000"]


@pytest.mark.parametrize(("gap_s", "dx", "second"), [
    (0.1, 20, True), (0.29, 0, True), (0.35, 0, False), (0.1, 400, False),
])  # fmt: skip
def test_a_second_tap_soon_and_near_is_marked(gap_s, dx, second):
    panel = InputDevice("/dev/input/event2", "fts_ts", {"BTN_TOUCH"},
                        {"ABS_MT_POSITION_X": AxisRange(0, 1079),
                         "ABS_MT_POSITION_Y": AxisRange(0, 2399)})  # fmt: skip
    reader = InputReader(panel, (1080, 2400), 0, 420.0)
    lines = _tap_lines(10.0, 300, 900) + _tap_lines(10.05 + gap_s, 300 + dx, 900)
    first, then = _gestures(_read(reader, "\n".join(lines)))
    assert not first.second_tap and then.second_tap == second
