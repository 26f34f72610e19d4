"""Switches and sliders. Sliders are values: a level said in words is a level, and a slider
is never a way on (a tap on one moves it, changing a setting nobody asked about). "Every"
switch means each of them: one already in the state asked is no proof for the others."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Point, Tap
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from planners.embedded.amounts import level, number
from tests.embedded import screens as S

ALARM = Bounds(100, 420, 1000, 540)
CALL = Bounds(100, 800, 1000, 920)


def _volumes():
    return S.screen(
        S.el(0, "text", "Sounds", 0, resource_id="x:id/title"),
        S.el(1, "text", "Alarm volume", 300, height=100),
        S.el(2, "slider", "", 420, description="Alarm volume", clickable=True,
             class_name="android.widget.SeekBar", bounds=ALARM),
        S.el(3, "text", "Call volume", 680, height=100),
        S.el(4, "slider", "", 800, description="Call volume", clickable=True,
             class_name="android.widget.SeekBar", bounds=CALL),
        S.el(5, "button", "Vibration patterns", 1000, clickable=True),
        app="com.example.sounds")


@pytest.mark.unit
@pytest.mark.parametrize(("text", "level"), [
    ("bring the alarm loudness down to zero", 0.0),
    ("set the call loudness to forty percent", 40.0),
    ("put the alarm loudness to half", 50.0),
    ("set the loudness to sixty-five", 65.0),
    ("set the loudness to 30%", 30.0),
    ("turn the alarm loudness as quiet as it gets", 0.0),
    ("crank the call loudness as high as possible", 100.0),
    ("make the ringer as quiet as it can go", 0.0),
])
def test_a_level_said_in_words_is_a_level(text, level):
    assert number(text)[0] == level


@pytest.mark.unit
@pytest.mark.parametrize(("text", "wanted"), [
    ("mute the call loudness", 0.0), ("please silence the alarm sound", 0.0),
    ("unmute the call loudness", None), ("set the call loudness to 20", 20.0),
])
def test_muting_a_level_sets_it_to_nothing(text, wanted):
    assert level(text) == wanted


@pytest.mark.slow
@pytest.mark.parametrize("goal", [
    "my ears hurt, bring the alarm volume as far down as you can go", "mute the alarm volume"])
def test_the_bottom_of_the_scale_moves_the_named_slider_to_its_start(encoder, goal):
    action = EmbeddedPlanner(encoder=encoder).decide(goal, _volumes(), []).action
    assert action == Tap(Point(ALARM.left, ALARM.center.y))


@pytest.mark.slow
def test_zero_in_words_moves_the_named_slider_to_its_start(encoder):
    action = EmbeddedPlanner(encoder=encoder).decide(
        "turn the alarm volume down to zero", _volumes(), []).action
    assert action == Tap(Point(ALARM.left, ALARM.center.y))


@pytest.mark.slow
def test_a_slider_is_never_tapped_on_the_way_to_something_else(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    for goal in ("make the ringtone vibrate in waves", "set the media volume to max"):
        action = planner.decide(goal, _volumes(), []).action
        point = action.target if isinstance(action, Tap) else None
        assert not (isinstance(point, Point) and any(
            b.left <= point.x <= b.right and b.top <= point.y <= b.bottom
            for b in (ALARM, CALL))), action
        assert not (isinstance(action, Tap) and getattr(action.target, "id", None) in (2, 4))


def _sprinklers(on: tuple[bool, bool, bool]):
    zones = ("Front lawn zone", "Back garden zone", "Greenhouse zone")
    rows = [S.el(0, "text", "Sprinklers", 0, resource_id="x:id/title")]
    for i, (zone, state) in enumerate(zip(zones, on, strict=True)):
        rows.append(S.el(1 + i, "switch", zone, 200 + 180 * i, clickable=True,
                         checkable=True, checked=state))
    rows.append(S.el(4, "button", "Schedule", 800, clickable=True))
    return S.screen(*rows, app="com.example.garden")


@pytest.mark.slow
def test_every_switch_is_flipped_not_only_the_best_one(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    goal = "shut off every sprinkler zone"
    assert planner.decide(goal, _sprinklers((False, True, True)), []).action == Tap(
        ElementRef(2))
    assert planner.decide(goal, _sprinklers((False, False, True)), []).action == Tap(
        ElementRef(3))
    done = planner.decide(goal, _sprinklers((False, False, False)), []).action
    assert isinstance(done, Finish) and done.status is FinishStatus.SUCCESS


def _bluetooth(paired: str = ""):
    rows = [S.el(0, "text", "Bluetooth", 0, resource_id="x:id/title"),
            S.el(1, "switch", "Bluetooth", 200, clickable=True, checkable=True, checked=True),
            S.el(2, "button", "Pair new device", 400, clickable=True)]
    if paired:
        rows.append(S.el(3, "text", f"{paired} · Connected", 600))
    return S.screen(*rows, app="com.example.settings")


@pytest.mark.slow
def test_a_switch_on_is_no_evidence_for_a_named_thing_it_does_not_show(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    goal = "link my Kestrel Pro earbuds to the phone via bluetooth"
    assert planner.decide(goal, _bluetooth(), []).action == Tap(ElementRef(2))
    for request in (goal, "turn on bluetooth for my Kestrel Pro earbuds"):
        action = planner.decide(request, _bluetooth(), []).action
        assert not (isinstance(action, Finish) and action.status is FinishStatus.SUCCESS)
    plain = planner.decide("turn on bluetooth", _bluetooth(), []).action
    assert isinstance(plain, Finish) and plain.status is FinishStatus.SUCCESS
