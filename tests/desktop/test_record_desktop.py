"""A person recorded on a real X server (Xvfb): mouse and keyboard read with the RECORD
extension while xdotool plays the person on zenity dialogs; the recorded steps must equal
what the person did, with the element each action hit."""

from __future__ import annotations

import os
import subprocess
import threading
from typing import Any

import pytest

from automator.demonstrate import Demonstration, RecordConfig
from automator.recording import Recorder, load_trajectory
from devices.actions import (
    Direction,
    DoubleTap,
    Finish,
    LongPress,
    Point,
    Scroll,
    Swipe,
    Tap,
    TypeText,
)
from devices.desktop.input_watch import DesktopInputWatch
from perception import perceive

pytestmark = pytest.mark.desktop
FAST = RecordConfig(settle_s=0.1, typing_idle_s=0.4, refresh_s=30.0)


class Person:
    def __init__(self, desktop: Any) -> None:
        self.env = {**os.environ, **desktop.env}
        self.ready = threading.Event()

    def act(self, *argv: str) -> None:
        assert self.ready.wait(15), "the recorder never got ready"
        self.ready.clear()
        subprocess.run(["xdotool", *argv], env=self.env, check=True)


def _record(desktop: Any, device: Any, folder: Any, script: Any) -> Any:
    person = Person(desktop)
    watch = DesktopInputWatch(desktop.env["DISPLAY"])
    demo = Demonstration("say who you are", device, watch, Recorder(folder), FAST,
                         on_ready=person.ready.set)
    thread = threading.Thread(target=demo.run)
    thread.start()
    try:
        script(person)
        assert person.ready.wait(15)
    finally:
        demo.finish(Finish())
        thread.join(30)
    return load_trajectory(folder)


def _centre(device: Any, test: Any) -> Point:
    found = next(e for e in perceive(device.capture()).elements if test(e))
    return found.bounds.center


def test_clicking_a_field_and_typing_into_it(desktop, device, zenity, tmp_path):
    zenity("--entry", "--title=Who", "--text=Your name")
    field = _centre(device, lambda e: e.editable)

    def script(person: Person) -> None:
        person.act("mousemove", str(field.x), str(field.y), "click", "1")
        person.act("type", "--delay", "20", "Ann Lee")
        person.act("key", "Return")  # OK: the dialog closes

    episode = _record(desktop, device, tmp_path / "ep", script)
    actions = [s.executed for s in episode.steps]
    assert [a.kind for a in actions] == ["tap", "type_text", "key", "finish"]
    assert isinstance(actions[0], Tap) and actions[0].target == field
    assert actions[1] == TypeText("Ann Lee")
    assert episode.steps[0].element["editable"] and episode.steps[1].element["editable"]
    assert episode.author == "human"


def test_wheel_right_click_and_drag(desktop, device, zenity, tmp_path):
    zenity("--list", "--title=Rows", "--column=Row", *[f"row {i}" for i in range(60)])
    row = _centre(device, lambda e: e.text == "row 2")

    def script(person: Person) -> None:
        person.act("mousemove", str(row.x), str(row.y), "click", "--repeat", "3", "5")
        person.act("mousemove", str(row.x), str(row.y), "click", "3")
        person.act("key", "Escape")  # closes the context menu, if any
        person.act("mousemove", str(row.x), str(row.y), "mousedown", "1", "mousemove",
                   str(row.x + 200), str(row.y + 40), "mouseup", "1")

    episode = _record(desktop, device, tmp_path / "ep", script)
    actions = [s.executed for s in episode.steps]
    assert [a.kind for a in actions] == ["scroll", "long_press", "key", "swipe", "finish"]
    scroll, press, _, drag, _ = actions
    assert isinstance(scroll, Scroll) and scroll.direction == Direction.DOWN
    assert episode.steps[0].element is not None
    assert isinstance(press, LongPress) and press.target == row
    assert isinstance(drag, Swipe) and drag.start == row
    assert drag.end == Point(row.x + 200, row.y + 40)


def test_a_double_click(desktop, device, zenity, tmp_path):
    z = zenity("--list", "--title=Fruit", "--column=Fruit", "apple", "pear", "plum")
    pear = _centre(device, lambda e: e.text == "pear")

    def script(person: Person) -> None:
        person.act("mousemove", str(pear.x), str(pear.y), "click", "--repeat", "2",
                   "--delay", "80", "1")

    episode = _record(desktop, device, tmp_path / "ep", script)
    assert [s.executed for s in episode.steps][:1] == [DoubleTap(pear)]
    assert episode.steps[0].element["text"] == "pear"
    assert z.result() == (0, "pear\n")  # the double click chose it
