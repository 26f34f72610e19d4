"""Every action does to the virtual phone what it would do to a real one."""

from __future__ import annotations

import pytest
from phone_helpers import bounds_of, center, find, tap_node

from devices.actions import (
    Direction,
    DoubleTap,
    ElementRef,
    Finish,
    Key,
    LongPress,
    OpenApp,
    Point,
    PressKey,
    Scroll,
    Swipe,
    Tap,
    TypeText,
    Wait,
)
from devices.device import Device
from devices.errors import ActionRejected
from devices.virtual import VirtualPhone

pytestmark = pytest.mark.sim
SETTINGS = "com.android.settings"
LAUNCHER = "com.google.android.apps.nexuslauncher"


def test_is_a_device_and_lists_its_apps(phone: VirtualPhone) -> None:
    assert isinstance(phone, Device)
    labels = {a.label for a in phone.apps()}
    assert {"Settings", "Home"} <= labels
    for app in phone.apps():
        if app.label != "Home":
            node = find(phone, text=app.label, content_desc=app.label, clickable="true")
            assert node is not None, f"no launcher icon for {app.label}"


def test_tapping_a_launcher_icon_opens_the_app(phone: VirtualPhone) -> None:
    assert phone.foreground()[0] == LAUNCHER
    tap_node(phone, text="Settings")
    assert phone.foreground()[0] == SETTINGS
    assert find(phone, text="Network & internet") is not None


def test_tap_toggles_wifi_through_settings(settings: VirtualPhone) -> None:
    tap_node(settings, text="Network & internet")
    row = find(settings, resource_id=f"{SETTINGS}:id/wifi_switch_row")
    assert row is not None and row["checked"] == "true"
    settings.execute(Tap(Point(*center(row))))
    assert settings.state()["system"]["wifi"] is False
    row = find(settings, resource_id=f"{SETTINGS}:id/wifi_switch_row")
    assert row is not None and row["checked"] == "false"
    switch = find(settings, **{"class": "android.widget.Switch"})
    assert switch is not None and switch["checked"] == "false"


def test_airplane_mode_turns_radios_off_and_restores_them(settings: VirtualPhone) -> None:
    tap_node(settings, text="Network & internet")
    tap_node(settings, text="Airplane mode")
    system = settings.state()["system"]
    assert (system["airplane_mode"], system["wifi"], system["bluetooth"]) == (True, False, False)
    tap_node(settings, text="Airplane mode")
    system = settings.state()["system"]
    assert (system["airplane_mode"], system["wifi"]) == (False, True)


def test_back_pops_pages_then_leaves_the_app(settings: VirtualPhone) -> None:
    tap_node(settings, text="Network & internet")
    tap_node(settings, text="Wi-Fi networks")
    assert settings.foreground() == (SETTINGS, f"{SETTINGS}.WifiActivity")
    settings.execute(PressKey(Key.BACK))
    assert find(settings, text="Airplane mode") is not None
    tap_node(settings, content_desc="Navigate up")
    assert find(settings, text="Network & internet") is not None
    tap_node(settings, content_desc="Back")  # the navigation bar's button
    assert settings.foreground()[0] == LAUNCHER


def test_home_and_switching_apps_keep_each_apps_stack(settings: VirtualPhone) -> None:
    tap_node(settings, text="Display")
    settings.press_key("KEYCODE_HOME")
    assert settings.foreground()[0] == LAUNCHER
    settings.execute(OpenApp("Settings"))
    assert find(settings, text="Dark theme") is not None
    settings.press_key(3)  # KEYCODE_HOME by number
    assert settings.foreground()[0] == LAUNCHER


def test_recents_lists_apps_and_switches_to_them(settings: VirtualPhone) -> None:
    settings.start_app("com.android.settings")
    settings.press_key(Key.HOME)
    settings.press_key("187")
    card = find(settings, content_desc="Settings", clickable="true")
    assert card is not None
    settings.tap(*center(card))
    assert settings.foreground()[0] == SETTINGS


def test_scroll_down_reveals_the_rest_of_a_long_list(settings: VirtualPhone) -> None:
    assert find(settings, text="About phone") is None  # below the fold: not dumped
    first = find(settings, text="Network & internet")
    assert first is not None
    performed = settings.execute(Scroll(Direction.DOWN))
    assert performed == Scroll(Direction.DOWN, Point(540, 1200))
    moved = find(settings, text="Network & internet")
    assert moved is None or bounds_of(moved)[1] < bounds_of(first)[1]
    settings.execute(Scroll(Direction.DOWN))
    about = find(settings, text="About phone")
    assert about is not None
    settings.tap(*center(about))
    assert find(settings, text="Android version") is not None


def test_swipe_scrolls_and_is_clamped(settings: VirtualPhone) -> None:
    top = find(settings, text="Network & internet")
    for _ in range(5):
        settings.execute(Swipe(Point(540, 2000), Point(540, 600)))
    about = find(settings, text="About phone")
    assert about is not None and bounds_of(about)[3] <= 2274
    for _ in range(5):
        settings.swipe(540, 800, 540, 2200)
    assert find(settings, text="Network & internet") == top


def test_type_text_arrives_exactly(settings: VirtualPhone) -> None:
    text = "héllo 世界 👋; rm -rf"
    field = find(settings, resource_id=f"{SETTINGS}:id/search_src_text")
    assert field is not None
    settings.execute(TypeText(text, target=Point(*center(field))))
    typed = find(settings, resource_id=f"{SETTINGS}:id/search_src_text")
    assert typed is not None and typed["text"] == text and typed["focused"] == "true"
    assert "&#128075;" in settings.dump_hierarchy()  # emoji as a character reference
    settings.execute(TypeText("wi-fi", clear=True))
    assert find(settings, text="wi-fi") is not None
    assert find(settings, text="Network & internet") is not None  # matched by its summary
    assert find(settings, text="Display") is None  # filtered out


def test_delete_key_and_submit(settings: VirtualPhone) -> None:
    field = find(settings, resource_id=f"{SETTINGS}:id/search_src_text")
    settings.execute(TypeText("about", target=Point(*center(field or {}))))
    tap_node(settings, text="About phone")
    assert find(settings, package="com.google.android.inputmethod.latin") is None
    tap_node(settings, text="Device name")
    field = find(settings, resource_id=f"{SETTINGS}:id/device_name_field")
    assert field is not None and field["text"] == "Virtual Pixel"
    settings.execute(TypeText("Anna's phone!", target=Point(*center(field)), clear=True))
    settings.press_key("KEYCODE_DEL")
    settings.execute(TypeText("?", submit=True))
    assert settings.state()["system"]["device_name"] == "Anna's phone?"
    assert find(settings, text="Android version") is not None  # submit went back


def test_type_text_without_a_field_is_rejected(settings: VirtualPhone) -> None:
    with pytest.raises(ActionRejected):
        settings.execute(TypeText("hello"))


def test_seekbar_follows_taps_and_drags(settings: VirtualPhone) -> None:
    tap_node(settings, text="Display")
    bar = find(settings, content_desc="Brightness level")
    assert bar is not None and bar["class"] == "android.widget.SeekBar"
    x1, _, x2, _ = bounds_of(bar)
    _, cy = center(bar)
    settings.execute(Tap(Point(x2 - 48, cy)))
    assert settings.state()["system"]["brightness"] == 100
    settings.execute(Swipe(Point(x2 - 48, cy), Point(x1 + 48 + (x2 - x1 - 96) // 4, cy)))
    assert settings.state()["system"]["brightness"] == 25
    assert find(settings, text="25%") is not None


def test_long_press_and_double_tap_fall_back_to_click(settings: VirtualPhone) -> None:
    settings.execute(LongPress(Point(*center(find(settings, text="Display") or {}))))
    assert find(settings, text="Dark theme") is not None
    row = find(settings, text="Dark theme")
    assert row is not None
    settings.execute(DoubleTap(Point(*center(row))))
    assert settings.state()["system"]["dark_mode"] is False  # toggled twice


def test_wait_advances_the_virtual_clock(phone: VirtualPhone) -> None:
    assert find(phone, resource_id="com.android.systemui:id/clock", text="9:41") is not None
    phone.execute(Wait(120))
    assert find(phone, resource_id="com.android.systemui:id/clock", text="9:43") is not None
    assert phone.execute(Finish()) == Finish()


@pytest.mark.parametrize("action", [
    Tap(Point(1080, 10)), Tap(Point(-1, 10)), LongPress(Point(5, 2400)),
    Swipe(Point(10, 10), Point(10, 5000)), Tap(ElementRef(3)),
])
def test_bad_targets_are_rejected(phone: VirtualPhone, action) -> None:
    with pytest.raises(ActionRejected):
        phone.execute(action)


def test_unknown_app_is_rejected_with_the_list(phone: VirtualPhone) -> None:
    with pytest.raises(ActionRejected, match="Settings"):
        phone.execute(OpenApp("Facebook"))
    with pytest.raises(ActionRejected):
        phone.press_key("KEYCODE_VOLUME_UP")
