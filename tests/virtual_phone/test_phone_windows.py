"""The soft keyboard, dialogs and toasts are windows of their own, as on Android."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from phone_helpers import bounds_of, center, find, tap_node

from devices.actions import Key, Point, TypeText
from devices.virtual import VirtualPhone

pytestmark = pytest.mark.sim
SETTINGS = "com.android.settings"
IME = "com.google.android.inputmethod.latin"
SEARCH = f"{SETTINGS}:id/search_src_text"


def _windows(phone: VirtualPhone) -> list[str]:
    root = ET.fromstring(phone.dump_hierarchy().encode())
    return [n.attrib["package"] for n in root.findall("node")]


def _focus_search(phone: VirtualPhone) -> None:
    tap_node(phone, resource_id=SEARCH)


def test_tapping_a_field_focuses_it_and_shows_the_keyboard(settings: VirtualPhone) -> None:
    assert IME not in _windows(settings)
    list_before = find(settings, resource_id=f"{SETTINGS}:id/recycler_view")
    _focus_search(settings)
    assert _windows(settings) == [IME, "com.android.systemui", SETTINGS]  # topmost first
    field = find(settings, resource_id=SEARCH)
    assert field is not None and field["focused"] == "true"
    keyboard_top = min(bounds_of(n)[1] for n in [find(settings, package=IME) or {}])
    list_after = find(settings, resource_id=f"{SETTINGS}:id/recycler_view")
    assert list_before is not None and list_after is not None
    assert bounds_of(list_after)[3] <= keyboard_top < bounds_of(list_before)[3]


def test_back_hides_the_keyboard_before_leaving(settings: VirtualPhone) -> None:
    tap_node(settings, text="Network & internet")
    tap_node(settings, text="Wi-Fi networks")
    tap_node(settings, text="Add network")
    tap_node(settings, resource_id=f"{SETTINGS}:id/ssid")
    assert IME in _windows(settings)
    settings.press_key(Key.BACK)
    assert IME not in _windows(settings)
    assert find(settings, resource_id=f"{SETTINGS}:id/ssid") is not None  # still on the page
    settings.press_key(Key.BACK)
    assert find(settings, text="Add network") is not None  # the Wi-Fi page


def test_keyboard_keys_type_and_enter_submits(settings: VirtualPhone) -> None:
    tap_node(settings, text="Network & internet")
    tap_node(settings, text="Wi-Fi networks")
    tap_node(settings, text="Add network")
    tap_node(settings, resource_id=f"{SETTINGS}:id/ssid")
    tap_node(settings, content_desc="Shift", package=IME)
    for key in "lab":
        tap_node(settings, content_desc=key.upper() if key == "l" else key, package=IME)
    tap_node(settings, content_desc="Symbols", package=IME)
    tap_node(settings, content_desc="5", package=IME)
    tap_node(settings, content_desc="Delete", package=IME)
    tap_node(settings, content_desc="1", package=IME)
    ssid = find(settings, resource_id=f"{SETTINGS}:id/ssid")
    assert ssid is not None and ssid["text"] == "Lab1"
    settings.execute(TypeText("secret", target=Point(*center(
        find(settings, resource_id=f"{SETTINGS}:id/password") or {}))))
    password = find(settings, resource_id=f"{SETTINGS}:id/password")
    assert password is not None and password["text"] == "••••••"
    assert password["password"] == "true"
    tap_node(settings, content_desc="Enter", package=IME)
    assert "Lab1" in settings.state()["settings"]["added_networks"]
    assert find(settings, text="Lab1") is not None


def test_dialog_is_modal_and_back_dismisses_it(settings: VirtualPhone) -> None:
    settings.start_app("settings")
    for _ in range(3):
        settings.swipe(540, 2000, 540, 700)
    tap_node(settings, text="System")
    tap_node(settings, text="Reset options")
    # as on a phone, the window under the modal dialog is drawn but not in the dump
    assert _windows(settings) == ["com.android.systemui", SETTINGS]
    assert find(settings, resource_id=f"{SETTINGS}:id/alertTitle") is not None
    assert find(settings, text="Reset options") is None
    settings.tap(540, 300)  # on the scrim, outside the dialog: dismisses it
    assert find(settings, resource_id=f"{SETTINGS}:id/alertTitle") is None
    tap_node(settings, text="Reset options")
    settings.press_key(Key.BACK)
    assert find(settings, resource_id=f"{SETTINGS}:id/alertTitle") is None
    assert find(settings, text="Reset options") is not None  # back closed only the dialog


def test_dialog_button_runs_its_action_and_toasts(settings: VirtualPhone) -> None:
    settings = VirtualPhone(state={"system": {"wifi": False, "bluetooth": True}}, app="Settings")
    for _ in range(3):
        settings.swipe(540, 2000, 540, 700)
    tap_node(settings, text="System")
    tap_node(settings, text="Reset options")
    tap_node(settings, text="Reset settings")
    system = settings.state()["system"]
    assert (system["wifi"], system["bluetooth"]) == (True, False)
    assert settings.state()["toast"] == "Network settings have been reset"


def test_toast_stays_while_looking_and_goes_after_two_more_inputs(settings: VirtualPhone) -> None:
    tap_node(settings, text="Network & internet")
    tap_node(settings, text="Wi-Fi networks")
    tap_node(settings, text="CoffeeShop Free")
    message = "Connected to CoffeeShop Free"
    looks = [settings.capture() for _ in range(4)]  # looking never hides a toast
    assert all(f'text="{message}"' in shot.tree for shot in looks)
    settings.tap(540, 40)  # the status bar: an input that changes nothing
    assert f'text="{message}"' in settings.capture().tree
    settings.tap(540, 40)  # the status bar: an input that changes nothing
    after = settings.capture()
    assert message not in after.tree
    assert settings.state()["toast"] == message
    assert settings.state()["system"]["wifi_network"] == "CoffeeShop Free"
    assert looks[0].screenshot.tobytes() != after.screenshot.tobytes()


def test_secured_network_asks_for_a_password(settings: VirtualPhone) -> None:
    tap_node(settings, text="Network & internet")
    tap_node(settings, text="Wi-Fi networks")
    tap_node(settings, text="Office-5G")
    field = find(settings, resource_id=f"{SETTINGS}:id/password")
    assert field is not None
    settings.execute(TypeText("hunter22", target=Point(*center(field)), submit=True))
    assert settings.state()["system"]["wifi_network"] == "Office-5G"
