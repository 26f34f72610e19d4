"""DesktopDevice on a real X server (Xvfb) against real GTK dialogs (zenity), guided by the
AT-SPI tree. Skipped with the reason when Xvfb, D-Bus, AT-SPI or zenity are missing."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from devices.actions import (
    Direction,
    DoubleTap,
    Hotkey,
    Key,
    LongPress,
    Modifier,
    Point,
    PressKey,
    Scroll,
    Swipe,
    Tap,
    TypeText,
)  # fmt: skip
from devices.desktop.session import wait_for
from devices.errors import ActionRejected, DeviceError
from devices.observation import TreeFormat
from perception import perceive

pytestmark = pytest.mark.desktop
NAME = "Zoë 北京 🙂"


def element(device, test):
    """The first element of the perceived screen that passes `test`, waiting for it."""
    found = wait_for(lambda: next((e for e in perceive(device.capture()).elements if test(e)),
                                  None), 10)
    assert found is not None, "no such element on screen"
    return found


def test_capture_gives_pixels_and_the_dialogs_tree(device, zenity):
    zenity("--question", "--title=Sure", "--text=Go on?")
    o = device.capture()
    assert (o.width, o.height) == o.screenshot.size == (1280, 800)
    assert o.tree_format is TreeFormat.ATSPI and o.app == "zenity" and o.activity == "Sure"
    yes = element(device, lambda e: e.text == "Yes")
    pixels = o.screenshot.crop(yes.bounds.as_list()).getcolors(maxcolors=100000)
    assert len(pixels) > 3  # a drawn button, not an empty frame


def test_a_form_filled_in_unicode_and_confirmed(device, zenity):
    z = zenity("--forms", "--title=Person", "--add-entry=Name", "--add-password=Secret")
    name = element(device, lambda e: e.editable and not e.password)
    device.execute(TypeText(NAME, target=name.bounds.center))
    secret = element(device, lambda e: e.password)
    device.execute(TypeText("wrong", target=secret.bounds.center))
    device.execute(TypeText("s3cret;$HOME", target=secret.bounds.center, clear=True))
    shown = wait_for(lambda: element(device, lambda e: e.editable and not e.password).text
                     == NAME, 5)
    assert shown, element(device, lambda e: e.editable and not e.password).text  # the tree
    device.execute(Tap(element(device, lambda e: e.text == "OK").bounds.center))
    assert z.result() == (0, f"{NAME}|s3cret;$HOME\n")


def test_double_click_on_a_row_chooses_it(device, zenity):
    z = zenity("--list", "--title=Fruit", "--column=Fruit", "apple", "pear", "plum")
    device.execute(DoubleTap(element(device, lambda e: e.text == "pear").bounds.center))
    assert z.result() == (0, "pear\n")


def test_the_wheel_scrolls_a_list_and_enter_submits(device, zenity):
    rows = [f"row {i:02d}" for i in range(60)]
    z = zenity("--list", "--title=Rows", "--column=Row", *rows)
    listing = element(device, lambda e: e.scrollable)
    before = {e.text for e in perceive(device.capture()).elements if e.text in rows}
    assert "row 00" in before and "row 59" not in before
    device.execute(Scroll(Direction.DOWN, target=listing.bounds.center))
    after = wait_for(lambda: {e.text for e in perceive(device.capture()).elements
                              if e.text in rows} - before, 5)
    assert after and min(after) > max(before)
    device.execute(Tap(element(device, lambda e: e.text in after).bounds.center))
    device.execute(PressKey(Key.ENTER))
    code, out = z.result()
    assert code == 0 and out.strip() in after


def test_right_click_opens_the_context_menu(device, zenity):
    zenity("--entry", "--title=Note", "--text=Note")
    field = element(device, lambda e: e.editable)
    device.execute(LongPress(field.bounds.center))
    assert wait_for(lambda: "Select All" in json.dumps(device.read_tree()), 5)
    device.execute(PressKey(Key.BACK))  # Escape closes the menu, not the dialog
    assert wait_for(lambda: "Select All" not in json.dumps(device.read_tree()), 5)


def test_drag_moves_a_slider(device, zenity):
    z = zenity("--scale", "--title=Level", "--value=0", "--min-value=0", "--max-value=100")
    slider = element(device, lambda e: e.role == "slider")
    b = slider.bounds
    device.execute(Swipe(Point(b.left + 8, b.center.y), Point(b.right - 2, b.center.y), 400))
    device.execute(Tap(element(device, lambda e: e.text == "OK").bounds.center))
    code, out = z.result()
    assert code == 0 and int(out) >= 90


def test_escape_is_back_and_home_is_refused(device, zenity):
    z = zenity("--question", "--title=Sure", "--text=Go on?")
    with pytest.raises(ActionRejected):
        device.execute(PressKey(Key.HOME))
    with pytest.raises(ActionRejected):
        device.execute(Tap(Point(1280, 10)))  # one pixel off the screen
    # Xvfb has no window manager: the keyboard goes to the window under the pointer
    device.execute(Tap(element(device, lambda e: e.text == "Go on?").bounds.center))
    device.execute(PressKey(Key.BACK))
    assert z.result()[0] == 1  # zenity's answer to Escape


def test_a_window_scaled_by_gtk_is_clicked_where_it_is_drawn(device, zenity):
    z = zenity("--question", "--title=Big", "--text=Twice the size?", env={"GDK_SCALE": "2"})
    yes = element(device, lambda e: e.text == "Yes")
    assert yes.bounds.height > 50  # 34 logical px drawn twice as tall
    device.execute(Tap(yes.bounds.center))
    assert z.result()[0] == 0


def test_a_person_pushing_the_pointer_into_a_corner_stops_the_run(device, desktop):
    with pytest.raises(ActionRejected, match="corner"):
        device.execute(Tap(Point(0, 0)))  # a planner may not trip the fail-safe itself
    move = ["xdotool", "mousemove"]
    subprocess.run([*move, "0", "0"], check=True, env={**os.environ, **desktop.env})
    try:
        with pytest.raises(DeviceError, match="fail-safe"):
            device.execute(Tap(Point(100, 100)))
    finally:
        subprocess.run([*move, "640", "400"], check=True, env={**os.environ, **desktop.env})


def test_tab_and_a_key_combination_on_a_form(device, zenity):
    """Tab moves to the next field; ctrl+a then typing replaces what a field holds."""
    z = zenity("--forms", "--title=Keys", "--add-entry=First", "--add-entry=Second")
    first = element(device, lambda e: e.editable)
    device.execute(TypeText("draft", target=first.bounds.center))
    device.execute(Hotkey((Modifier.CTRL,), "a"))
    device.execute(TypeText("one"))
    device.execute(PressKey(Key.TAB))
    device.execute(TypeText("two"))
    wait_for(lambda: [e.text for e in perceive(device.capture()).elements if e.editable]
             == ["one", "two"], 5)
    device.execute(Tap(element(device, lambda e: e.text == "OK").bounds.center))
    assert z.result() == (0, "one|two\n")
