"""A person recorded end to end over the adb protocol.

A scripted person drives the served virtual phone through adbutils (`input tap`, `input
swipe`, `input text`, `input keyevent`) as a second adb client, waiting each time until the
recorder shows it is watching (as a person waits for the screen); the recorder knows nothing
of the script and reads only `getevent -lt`. The recorded actions must equal the performed
ones: same kinds, points within a few pixels, the typed text, and the element each hit.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from automator.demonstrate import Demonstration, RecordConfig
from automator.recording import Recorder, load_trajectory
from automator.secrets import REDACTED
from automator.trajectory import Outcome, Trajectory
from devices.actions import (
    Direction,
    DoubleTap,
    Finish,
    FinishStatus,
    Key,
    LongPress,
    Point,
    PressKey,
    Scroll,
    Tap,
    TypeText,
)
from devices.adb.profile import Profile
from devices.adb.server import AdbServer, serve
from devices.android import AndroidDevice
from devices.android_input import AndroidInputWatch
from perception.perceive import perceive

pytestmark = pytest.mark.sim
FAST = RecordConfig(settle_s=0.0, typing_idle_s=0.3, refresh_s=30.0)
WIFI_OFF = {"system": {"wifi": False}}


class Person:
    """Acts on the phone through its own adb client, one action per ready screen."""

    def __init__(self, server: AdbServer, serial: str) -> None:
        import adbutils

        self.phone = adbutils.AdbClient(host="127.0.0.1", port=server.port).device(serial)
        self.ready = threading.Event()

    def act(self, *argv: str) -> None:
        assert self.ready.wait(10), "the recorder never got ready"
        self.ready.clear()
        self.phone.shell(list(argv))


class Recording:
    def __init__(self, server: AdbServer, serial: str, folder: Any, person: Person) -> None:
        self.device = AndroidDevice(serial, port=server.port)
        first = self.device.capture()
        watch = AndroidInputWatch(self.device, (first.width, first.height), first.rotation)
        self.demo = Demonstration("find Anna in the contacts", self.device, watch,
                                  Recorder(folder), FAST, on_ready=person.ready.set)
        self.result: list[Trajectory] = []
        self.thread = threading.Thread(target=lambda: self.result.append(self.demo.run()))
        self.thread.start()

    def end(self, finish: Finish) -> Trajectory:
        self.demo.finish(finish)
        self.thread.join(20)
        self.device.close()
        assert self.result, "the recording did not end"
        return self.result[0]


@pytest.fixture(params=[None, Profile(14, "xiaomi", input_security=True), Profile(11, "samsung")],
                ids=["own", "xiaomi-no-btn-touch", "samsung-slots"])
def served(request: pytest.FixtureRequest) -> Iterator[AdbServer]:
    server = serve(port=0, phones=1, profile=request.param)
    yield server
    server.close()


def _record(served: AdbServer, tmp_path: Any, script: Callable[[Person], None],
            finish: Finish) -> tuple[Trajectory, Trajectory]:  # fmt: skip
    person = Person(served, "virtual-0")
    recording = Recording(served, "virtual-0", tmp_path / "episode", person)
    try:
        script(person)
        assert person.ready.wait(10)
    finally:
        trajectory = recording.end(finish)
    return trajectory, load_trajectory(tmp_path / "episode")


def _near(point: Any, x: int, y: int, tolerance: int = 3) -> bool:
    return abs(point.x - x) <= tolerance and abs(point.y - y) <= tolerance


def test_a_person_finding_a_contact_is_recorded_as_they_did_it(served: AdbServer,
                                                               tmp_path: Any) -> None:
    def script(person: Person) -> None:
        person.act("input", "tap", "135", "554")  # the Contacts icon on the home screen
        person.act("input", "swipe", "540", "1800", "540", "800", "300")  # the list, upwards
        person.act("input", "tap", "540", "179")  # the search bar
        person.act("input", "text", "Ann")
        person.act("input", "keyevent", "KEYCODE_BACK")  # hides the keyboard
        person.act("input", "tap", "540", "2337")  # the navigation bar's Home button

    trajectory, loaded = _record(served, tmp_path, script, Finish(FinishStatus.SUCCESS))
    actions = [s.executed for s in loaded.steps]
    assert [a.kind for a in actions] == ["tap", "scroll", "tap", "type_text", "key", "key",
                                         "finish"]  # fmt: skip
    tap, scroll, search, typed, back, home, done = actions
    assert isinstance(tap, Tap) and _near(tap.target, 135, 554)
    assert isinstance(scroll, Scroll) and scroll.direction == Direction.DOWN
    assert isinstance(scroll.target, Point) and _near(scroll.target, 540, 1800)
    assert isinstance(search, Tap) and _near(search.target, 540, 179)
    assert typed == TypeText("Ann")
    assert back == PressKey(Key.BACK) and home == PressKey(Key.HOME)
    assert done == Finish(FinishStatus.SUCCESS)

    elements = [s.element for s in loaded.steps]
    assert elements[0]["text"] == "Contacts" and elements[0]["clickable"]
    assert elements[1]["scrollable"] and elements[1]["resource_id"].endswith("contact_list")
    assert elements[2]["editable"] and elements[3]["editable"]
    assert elements[3]["bounds"] == elements[2]["bounds"]
    assert elements[5]["resource_id"] == "com.android.systemui:id/home"
    swipe = loaded.steps[1].gesture
    assert swipe["kind"] == "swipe" and abs(swipe["end"][1] - 800) <= 3
    assert 250 <= swipe["duration_ms"] <= 350

    assert loaded.author == "human" and loaded.outcome == Outcome.SUCCESS
    assert [s.to_dict() for s in loaded.steps] == [s.to_dict() for s in trajectory.steps]
    shots = {s.screenshot for s in loaded.steps}
    assert len(shots) == len(loaded.steps)  # each step has the screen before it
    assert all((tmp_path / "episode" / s.tree).exists() for s in loaded.steps)


def test_a_long_press_and_an_answer(tmp_path: Any) -> None:
    with serve(port=0, phones=1) as server:
        def script(person: Person) -> None:
            person.act("input", "tap", "135", "554")
            person.act("input", "swipe", "540", "450", "540", "450", "900")  # held in place

        _, loaded = _record(server, tmp_path, script,
                            Finish(FinishStatus.SUCCESS, "Anna Schmidt"))
    press = loaded.steps[1].executed
    assert isinstance(press, LongPress) and _near(press.target, 540, 450)
    assert 850 <= press.duration_ms <= 950
    assert loaded.steps[1].element["text"] == "Anna Schmidt"
    assert loaded.answer == "Anna Schmidt" and loaded.steps[-1].executed.answer == "Anna Schmidt"


def test_stopping_keeps_the_steps_and_says_aborted(tmp_path: Any) -> None:
    with serve(port=0, phones=1) as server:
        person = Person(server, "virtual-0")
        recording = Recording(server, "virtual-0", tmp_path / "episode", person)
        person.act("input", "tap", "135", "554")
        assert person.ready.wait(10)
        recording.demo.stop()  # what Ctrl-C does
        recording.thread.join(20)
        recording.device.close()
    loaded = load_trajectory(tmp_path / "episode")
    assert loaded.outcome == Outcome.ABORTED
    assert [s.executed.kind for s in loaded.steps] == ["tap"]


def test_taps_on_the_soft_keyboard_are_typing(tmp_path: Any) -> None:
    """A person types by tapping the on-screen keys: one type_text step, not taps."""
    keys = {"a": (111, 1787), "n": (746, 1979)}  # the keys' centres on the virtual keyboard

    with serve(port=0, phones=1) as server:
        def script(person: Person) -> None:
            person.act("input", "tap", "135", "554")
            person.act("input", "tap", "540", "179")  # the search bar: the keyboard opens
            for letter in "ann":
                person.act("input", "tap", *map(str, keys[letter]))
                person.ready.set()  # keys come faster than a screen is captured

        _, loaded = _record(server, tmp_path, script, Finish(FinishStatus.SUCCESS))
    actions = [s.executed for s in loaded.steps]
    assert [a.kind for a in actions] == ["tap", "tap", "type_text", "finish"]
    assert actions[2] == TypeText("ann")
    assert loaded.steps[2].element["resource_id"].endswith("search_bar")


def test_two_quick_taps_are_a_double_tap(tmp_path: Any) -> None:
    with serve(port=0, phones=1) as server:
        def script(person: Person) -> None:
            person.act("input", "tap", "540", "240")  # the date on the home screen
            person.phone.shell(["input", "tap", "545", "236"])  # at once, a few px away
            person.act("input", "tap", "135", "554")  # later: a tap on its own

        _, loaded = _record(server, tmp_path, script, Finish(FinishStatus.SUCCESS))
    actions = [s.executed for s in loaded.steps]
    assert actions[:2] == [DoubleTap(Point(540, 240)), Tap(Point(135, 554))]
    assert loaded.steps[0].gesture["kind"] == "double_tap"


def test_a_password_the_person_types_is_recorded_masked(tmp_path: Any) -> None:
    """The phone shows dots; the keys tell the text, and no file of the episode keeps it."""
    secret = "s3cret-Owl-42"

    with serve(port=0, phones=1) as server:
        phone = server.target("virtual-0").phone

        def script(person: Person) -> None:
            person.act("input", "tap", "135", "554")  # any app first: the recorder is ready
            person.act("input", "keyevent", "KEYCODE_HOME")
            for label in ("Settings", "Network & internet", "Wi-Fi", "Wi-Fi networks",
                          "Office-5G", "password"):
                _tap_label(person, phone, label)
            person.act("input", "text", secret)
            _tap_label(person, phone, "connect")

        _, loaded = _record(server, tmp_path, script, Finish(FinishStatus.SUCCESS))
        connected = phone.state()
    typed = [s for s in loaded.steps if isinstance(s.executed, TypeText)]
    assert len(typed) == 1 and typed[0].typed_secret
    assert typed[0].executed.text == REDACTED
    assert connected["system"]["wifi_network"] == "Office-5G"  # the phone got the text
    for file in (tmp_path / "episode").iterdir():
        assert secret.encode() not in file.read_bytes(), file.name


@pytest.fixture(scope="module")
def demonstrated(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A person turns Wi-Fi on, then opens the display settings: five touches and keys."""
    from devices.virtual.phone import VirtualPhone

    folder = tmp_path_factory.mktemp("demonstration")
    phone = VirtualPhone(serial="virtual-0", state=WIFI_OFF)
    with serve(port=0, phones={"virtual-0": phone}) as server:
        def script(person: Person) -> None:
            for label in ("Settings", "Network & internet", "Wi-Fi"):
                _tap_label(person, phone, label)
            person.act("input", "keyevent", "KEYCODE_BACK")
            _tap_label(person, phone, "Display")

        _, loaded = _record(server, folder, script, Finish(FinishStatus.SUCCESS))
        assert phone.state()["system"]["wifi"] is True
    assert [s.executed.kind for s in loaded.steps] == ["tap", "tap", "tap", "key", "tap",
                                                       "finish"]  # fmt: skip
    return folder / "episode"


@pytest.mark.parametrize(("seed", "replays"), [(0, True), (8, True), (3, False)],
                         ids=["same-phone", "another-layout", "element-gone"])
def test_a_demonstration_replays_by_its_elements(demonstrated: Any, tmp_path: Any, seed: int,
                                                 replays: bool) -> None:
    """Seed 8 renames and reorders the Settings categories, so each touch is found again by
    the element it hit, not its point; seed 3 has the Wi-Fi switch a page deeper: the replay
    stops there and says why."""
    from automator.config import LoopConfig, PhoneConfig
    from automator.replay import replay

    with PhoneConfig(seed).phone(state=WIFI_OFF) as phone:
        result = replay(demonstrated, phone, tmp_path / "replay",
                        LoopConfig().for_device("virtual"))
        wifi = phone.state()["system"]["wifi"]
    assert result.ok is replays, result.divergence and result.divergence.report()
    assert wifi is replays
    if not replays:
        assert result.divergence is not None and result.divergence.step == 2
        assert "Wi-Fi" in result.divergence.report()


def _tap_label(person: Person, phone: Any, label: str) -> None:
    """Where a person sees `label` on the screen, they touch it."""
    shown = perceive(phone.capture())
    element = next(e for e in shown.elements if label in (e.text, e.description)
                   or e.resource_id.endswith(label))
    centre = element.bounds.center
    person.act("input", "tap", str(centre.x), str(centre.y))
