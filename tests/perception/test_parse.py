"""parse_uiautomator on the oddities real phones produce, one fixture each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from perception import PerceptionError, Screen, parse_uiautomator, render_text
from perception.elements import UIElement

FIXTURES = Path(__file__).parent / "fixtures"
DUMPS = Path(__file__).resolve().parents[2] / "datasets" / "dumps"


def load(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def by_label(screen: Screen, label: str) -> UIElement:
    found = [e for e in screen.elements if e.label == label]
    assert found, f"no element labelled {label!r} in:\n{render_text(screen)}"
    return found[0]


def labels(screen: Screen) -> set[str]:
    return {e.label for e in screen.elements}


def check_rotation(s: Screen) -> None:
    assert (s.width, s.height) == (2400, 1080)  # from the root bounds, already rotated
    assert by_label(s, "Pause").bounds.as_list() == [1130, 960, 1270, 1060]
    assert by_label(s, "Playback position").role == "slider"


def check_windows(s: Screen) -> None:
    assert s.app == "com.android.chrome"  # not the keyboard, not the system bars
    packages = {e.package for e in s.elements}
    assert {"com.android.systemui", "com.google.android.inputmethod.latin"} <= packages
    assert by_label(s, "Allow").clickable and by_label(s, "Don't allow").clickable
    assert by_label(s, "Space").package == "com.google.android.inputmethod.latin"
    assert by_label(s, "Home").role == "image_button"
    assert len({e.window for e in s.elements}) == 5
    assert [w.package for w in s.windows] == [
        "com.android.systemui", "com.android.chrome", "com.android.chrome",
        "com.google.android.inputmethod.latin", "com.android.systemui"]
    assert s.windows[by_label(s, "Allow").window].bounds.as_list() == [84, 800, 996, 1300]
    field = by_label(s, "Search or type web address")
    assert field.editable and field.focused and field.text == ""


def check_webview(s: Screen) -> None:
    web = by_label(s, "Checkout - Example Shop")
    assert web.role == "webview" and web.scrollable
    link = by_label(s, "Edit cart")
    assert link.clickable and link.role == "button"
    assert sum(e.label == "Edit cart" for e in s.elements) == 1  # its TextView merged in
    assert by_label(s, "Your cart").role == "text"
    assert by_label(s, "Blue ceramic mug").role == "image"
    assert by_label(s, "Discount code").editable
    assert all(e.container == web.id for e in s.elements if e is not web)


def check_zero_offscreen(s: Screen) -> None:
    names = labels(s)
    assert "Ghost button" not in names and "Hidden header" not in names  # [0,0][0,0]
    assert "Album Summer 2023" not in names  # entirely left of the screen
    assert "Album Winter" not in names  # entirely right of the screen
    assert "Below the screen" not in names
    assert by_label(s, "Album Paris").bounds.as_list() == [0, 300, 300, 700]  # clipped
    assert by_label(s, "Album Hiking").bounds.as_list() == [1000, 300, 1080, 700]
    assert sum(e.label == "Create album" for e in s.elements) == 1  # duplicate dropped
    assert all(0 <= e.bounds.left < e.bounds.right <= s.width for e in s.elements)


def check_emoji(s: Screen) -> None:
    assert by_label(s, "Party tonight 🎉😀").role == "text"


def check_emoji_buttons(s: Screen) -> None:
    check_emoji(s)
    assert by_label(s, "👍").description == "Thumbs up reaction"


def check_private_use(s: Screen) -> None:
    assert all(ch < "\ue000" or ch > "\uf8ff" for e in s.elements for ch in e.label)
    assert by_label(s, "New note").clickable
    search = [e for e in s.elements if e.bounds.as_list() == [900, 150, 1040, 290]]
    assert len(search) == 1 and search[0].clickable and search[0].text == ""
    assert len(s.elements) == 2  # the glyph-only text with nothing to do is gone


def check_naf(s: Screen) -> None:
    naf = [e for e in s.elements if e.class_name.endswith("ImageView")]
    assert len(naf) == 2 and all(e.clickable for e in naf)
    assert by_label(s, "btn menu").resource_id.endswith(":id/btn_menu")
    assert "[933,160,1059,286]" in render_text(s)  # no name: located by its bounds


def check_attrs21(s: Screen) -> None:
    assert "Hidden promo" not in labels(s)  # visible-to-user="false"
    search = by_label(s, "Search products")
    assert search.text == "" and search.hint == "Search products"  # shows its hint
    address = by_label(s, "42 Elm Street")
    assert address.hint == "Delivery address"
    assert by_label(s, "Free delivery over €30").role == "text"


def check_appium(s: Screen) -> None:
    wifi = by_label(s, "Wi‑Fi")
    assert wifi.role == "switch" and wifi.checkable and wifi.checked and wifi.clickable
    assert wifi.description == "HomeNet"
    assert not by_label(s, "Airplane mode").checked
    assert by_label(s, "recycler view").scrollable


def check_tty(s: Screen) -> None:
    assert s.app == "com.android.deskclock"
    assert by_label(s, "Add alarm").clickable
    assert by_label(s, "7:30 AM").role == "text"


def check_opaque(s: Screen) -> None:
    assert all(e.package == "com.android.systemui" for e in s.elements)


ODDITIES: list[tuple[str, Callable[[Screen], None]]] = [
    ("rotation_landscape.xml", check_rotation),
    ("multi_window.xml", check_windows),
    ("webview.xml", check_webview),
    ("zero_offscreen.xml", check_zero_offscreen),
    ("emoji_refs.xml", check_emoji_buttons),
    ("emoji_surrogates.xml", check_emoji),
    ("private_use.xml", check_private_use),
    ("naf.xml", check_naf),
    ("attrs21.xml", check_attrs21),
    ("appium.xml", check_appium),
    ("tty_tail.xml", check_tty),
    ("opaque_game.xml", check_opaque),
]


@pytest.mark.unit
@pytest.mark.parametrize(("name", "check"), ODDITIES, ids=[n for n, _ in ODDITIES])
def test_oddity(name: str, check: Callable[[Screen], None]) -> None:
    screen = parse_uiautomator(load(name))
    assert [e.id for e in screen.elements] == list(range(len(screen.elements)))
    check(screen)


@pytest.mark.unit
def test_landscape_dump_with_portrait_size_given_is_read_landscape() -> None:
    screen = parse_uiautomator(load("rotation_landscape.xml"), 1080, 2400)
    assert (screen.width, screen.height) == (2400, 1080)
    assert by_label(screen, "Lock rotation").bounds.right == 2370


@pytest.mark.unit
def test_given_size_clips_bounds() -> None:
    screen = parse_uiautomator(load("zero_offscreen.xml"), 800, 2000)
    assert by_label(screen, "Album Family").bounds.right == 800
    assert "Album Hiking" not in labels(screen)  # now entirely beyond the right edge


@pytest.mark.unit
def test_row_with_switch_becomes_one_switch() -> None:
    screen = parse_uiautomator(load("switch_rows.xml"))
    bluetooth = by_label(screen, "Bluetooth")
    assert (bluetooth.role, bluetooth.checkable, bluetooth.checked) == ("switch", True, False)
    assert bluetooth.clickable and bluetooth.description == "Off"
    assert bluetooth.bounds.as_list() == [0, 200, 1080, 430]  # the row: what takes the tap
    assert not any(e.label == "Off" for e in screen.elements)  # the summary merged in


@pytest.mark.unit
def test_separately_clickable_switch_is_kept_with_the_rows_label() -> None:
    screen = parse_uiautomator(load("switch_rows.xml"))
    calling = [e for e in screen.elements if e.label == "Wi‑Fi calling"]
    assert {e.role for e in calling} == {"button", "switch"}
    switch = next(e for e in calling if e.role == "switch")
    assert switch.checked and switch.clickable and switch.bounds.left == 880


@pytest.mark.unit
def test_checkbox_row_and_sibling_label() -> None:
    screen = parse_uiautomator(load("switch_rows.xml"))
    show = by_label(screen, "Show passwords")
    assert (show.role, show.checked) == ("checkbox", True)
    dark = by_label(screen, "Dark theme")
    assert (dark.role, dark.checked, dark.bounds.left) == ("switch", True, 900)
    assert sum(e.label == "Dark theme" for e in screen.elements) == 1  # label taken over
    assert by_label(screen, "Android version: 14").role == "text"  # text a person reads


@pytest.mark.unit
def test_message_bubble_wrapping_its_text_is_one_element() -> None:
    screen = parse_uiautomator((DUMPS / "messaging_thread.xml").read_text(encoding="utf-8"))
    bubble = by_label(screen, "Sure: 21 Rue des Martyrs, 75009 Paris")
    assert bubble.clickable and bubble.long_clickable
    assert sum(e.label == bubble.label for e in screen.elements) == 1


BAD_INPUT = [
    ("", "empty"),
    ("   \n", "empty"),
    ("ERROR: null root node returned by UiTestAutomationBridge.", "no XML"),
    ("<?xml version='1.0' ?><hierarchy rotation='0'><node bounds='[0,0][1,1]'>", "malformed"),
    ("<html><body>502 Bad Gateway</body></html>", "not a UI hierarchy"),
    ("<hierarchy><node text='a & b' /></hierarchy>", "malformed"),
]


@pytest.mark.unit
@pytest.mark.parametrize(("xml", "says"), BAD_INPUT)
def test_unreadable_input_raises_one_line_error(xml: str, says: str) -> None:
    with pytest.raises(PerceptionError) as info:
        parse_uiautomator(xml)
    assert says in str(info.value) and "\n" not in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.unit
def test_truncated_dump_raises() -> None:
    with pytest.raises(PerceptionError, match="malformed"):
        parse_uiautomator(load("truncated.xml"))


@pytest.mark.unit
def test_bytes_are_refused_clearly() -> None:
    with pytest.raises(PerceptionError, match="str"):
        parse_uiautomator(b"<hierarchy/>")  # type: ignore[arg-type]


@pytest.mark.unit
def test_empty_hierarchy_is_an_empty_screen() -> None:
    xml = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation=\"0\" />"
    screen = parse_uiautomator(xml, 1080, 2400, app="com.example")
    assert screen.elements == () and (screen.width, screen.height) == (1080, 2400)
    assert screen.app == "com.example"


@pytest.mark.unit
def test_entity_declarations_are_refused() -> None:
    xml = ('<?xml version="1.0"?><!DOCTYPE h [<!ENTITY x "EXPANDED">]>'
           '<hierarchy><node text="&x;" class="android.widget.TextView" '
           'bounds="[0,0][100,100]" /></hierarchy>')
    with pytest.raises(PerceptionError, match="document type"):
        parse_uiautomator(xml)


@pytest.mark.unit
@pytest.mark.parametrize("path", sorted(DUMPS.glob("*.xml")), ids=lambda p: p.stem)
def test_sample_dump_reads_cleanly(path: Path) -> None:
    screen = parse_uiautomator(path.read_text(encoding="utf-8"))
    assert screen.app and len(screen.elements) >= 15
    for e in screen.elements:
        assert 0 <= e.bounds.left < e.bounds.right <= screen.width
        assert 0 <= e.bounds.top < e.bounds.bottom <= screen.height
        assert e.label or e.actionable, e
    keys = [(e.bounds, e.role, e.text, e.description) for e in screen.elements]
    assert len(keys) == len(set(keys))
