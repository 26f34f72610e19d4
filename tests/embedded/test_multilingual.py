"""Requests in other languages, and screens in other scripts, read through the multilingual
sentence model as the English request they mean. Sentences below are in no task."""

from pathlib import Path

import pytest

from automator.config import LoopConfig
from automator.loop import run_episode
from automator.trajectory import Outcome
from devices.actions import ElementRef, Tap
from devices.virtual.phone import VirtualPhone
from perception.perceive import perceive
from perception.uiautomator import parse_uiautomator
from planners.embedded import AppMemory, EmbeddedPlanner, multilingual
from planners.embedded.multilingual import Control, foreign_screen, read_request

SCREENS = Path(__file__).resolve().parents[2] / "datasets" / "screens"

KNOWN = [Control("Bluetooth", switch=True), Control("Airplane mode", switch=True),
         Control("Dark theme", switch=True), Control("Battery"), Control("Clock"),
         Control("Storage"), Control("Notes"), Control("Settings")]


def dump(name: str):
    return parse_uiautomator((SCREENS / name).read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize(("request_", "english"), [
    ("打开蓝牙", "turn on Bluetooth"),
    ("desactiva el modo avión", "turn off Airplane mode"),
    ("mach Bluetooth an", "turn on Bluetooth"),
    ("機内モードをオフにして", "turn off Airplane mode"),
    ("打开时钟应用", "open Clock"),
    ("ouvre les notes", "open Notes"),
])
def test_a_request_in_another_language_is_read_as_the_english_one_it_means(request_, english):
    assert read_request(request_, KNOWN) == english


@pytest.mark.slow
@pytest.mark.parametrize("request_", [
    "zxcvb asdfg",  # no words
    "明天早上七点叫我起床",  # an alarm at seven: no control here means it
    "borra todas las notas",  # deleting notes is not opening them
    "¿cuánto cuesta el envío?",  # a question
])
def test_what_no_known_control_means_has_no_reading(request_):
    assert read_request(request_, KNOWN) is None


@pytest.mark.unit
def test_a_screen_is_foreign_when_most_of_its_letters_are_in_another_script():
    assert foreign_screen(dump("shirates/date_time_ja.xml"))
    assert not foreign_screen(dump("shirates/clock_alarms.xml"))


@pytest.mark.slow
def test_english_requests_on_english_screens_never_load_the_multilingual_model(
        encoder, monkeypatch):
    def refuse():
        raise AssertionError("the multilingual model was loaded")

    monkeypatch.setattr(multilingual, "_load_model", refuse)
    monkeypatch.setattr(multilingual, "_shared", None)
    where = dump("shirates/clock_alarms.xml")
    action = EmbeddedPlanner(AppMemory(), encoder=encoder).decide("Open the timer", where,
                                                                  []).action
    assert isinstance(action, Tap) and isinstance(action.target, ElementRef)
    assert where.element(action.target.id).label == "Timer"


@pytest.mark.slow
def test_an_english_request_on_a_japanese_screen_finds_the_switch_it_names(encoder):
    where = dump("shirates/date_time_ja.xml")
    decision = EmbeddedPlanner(AppMemory(), encoder=encoder).decide(
        "Switch off the automatic time zone", where, [])
    assert isinstance(decision.action, Tap) and isinstance(decision.action.target, ElementRef)
    assert where.element(decision.action.target.id).label == "タイムゾーンを自動的に設定"
    assert "read as 'turn off タイムゾーンを自動的に設定'" in decision.thought


@pytest.mark.sim
@pytest.mark.slow
@pytest.mark.parametrize("request_", ["打开蓝牙", "Bluetooth einschalten"])
def test_turning_bluetooth_on_in_another_language_on_the_virtual_phone(encoder, request_):
    phone = VirtualPhone(app="settings")
    row = next(e for e in perceive(phone.capture()).elements if e.label == "Connected devices")
    phone.tap(row.bounds.center.x, row.bounds.center.y)
    assert phone.state()["system"]["bluetooth"] is False
    trajectory = run_episode(request_, phone, EmbeddedPlanner(AppMemory(), encoder=encoder),
                             LoopConfig(max_steps=5).for_device("virtual"))
    assert trajectory.outcome == Outcome.SUCCESS
    assert phone.state()["system"]["bluetooth"] is True
    assert "read as 'turn on Bluetooth'" in trajectory.steps[0].decision.thought


class _Leaning:
    """Vectors that make the bare verbs say one way and the verbs with an object the other."""

    def encode(self, texts):
        import numpy as np

        def row(t: str):
            on = any(t.startswith(v) for v in multilingual._ON)
            off = any(t.startswith(v) for v in multilingual._OFF)
            bare = t in multilingual._ON + multilingual._OFF
            if on or off:  # bare "on" verbs near the request; "on" phrases far from it
                return np.array([1.0, 0.0]) if on == bare else np.array([0.0, 1.0])
            return np.array([0.7, 0.7])

        return np.stack([row(t) for t in texts])


def test_a_switch_is_not_flipped_when_the_two_readings_of_its_way_disagree():
    assert multilingual._direction("schalte es", "Radio", _Leaning()) is None
