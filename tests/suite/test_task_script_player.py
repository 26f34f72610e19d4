"""The script player: labels, alternatives, ids, optional steps, scrolling, and errors."""

import pytest

from automator.config import LoopConfig
from automator.loop import run_episode
from automator.trajectory import Outcome
from devices.actions import Finish, FinishStatus, Scroll, Tap, TypeText
from devices.virtual.phone import VirtualPhone
from perception import perceive
from planners.scripted import ScriptedPlanner
from planners.task_script import ScriptError, TaskScript

pytestmark = pytest.mark.sim


def _play(steps, phone):
    return run_episode("scripted", phone, ScriptedPlanner(TaskScript(steps)),
                       LoopConfig(max_steps=30).for_device("virtual"))


def test_a_script_turns_wifi_on_through_alternatives_and_a_skipped_optional_step():
    phone = VirtualPhone(state={"system": {"wifi": False}})
    steps = [{"open": "Settings"}, {"tap": ["Connections", "Network & internet"]},
             {"tap": {"text": "No such level", "optional": True}}, {"tap": "Wi-Fi"},
             {"finish": "success"}]
    trajectory = _play(steps, phone)
    assert trajectory.outcome == Outcome.SUCCESS
    assert phone.state()["system"]["wifi"] is True


def test_a_field_is_found_by_its_id_when_it_shows_no_label():
    phone = VirtualPhone(app="contacts")
    script = TaskScript([{"tap": "Create contact"},
                         {"type": {"into": ["First name", {"rid": "editor_first_name"}],
                                   "text": "Zed"}}])
    first = script("", perceive(phone.capture()), [])
    phone.execute(first)
    typed = script("", perceive(phone.capture()), [])
    assert isinstance(typed, TypeText) and typed.text == "Zed"


def test_a_label_below_the_fold_is_scrolled_to_then_tapped():
    phone = VirtualPhone(app="contacts")
    last = phone.state()["contacts"]["contacts"][-1]["name"]
    script = TaskScript([{"tap": last}])
    action = script("", perceive(phone.capture()), [])
    assert isinstance(action, Scroll)
    for _ in range(8):
        phone.execute(action)
        action = script("", perceive(phone.capture()), [])
        if isinstance(action, Tap):
            break
    assert isinstance(action, Tap)


def test_finish_carries_status_and_answer_and_an_empty_script_finishes():
    script = TaskScript([{"finish": "infeasible", "answer": "no such setting"}])
    screen = perceive(VirtualPhone().capture())
    assert script("", screen, []) == Finish(FinishStatus.INFEASIBLE, "no such setting")
    assert TaskScript([])("", screen, []) == Finish(FinishStatus.SUCCESS)


@pytest.mark.parametrize("steps", [[{"tap": "Nothing like this"}], [{"fly": "away"}],
                                   [{"tap": "a", "key": "back"}], ["tap"],
                                   [{"type": {"into": "Search contacts"}}]])
def test_a_step_that_cannot_be_played_raises(steps):
    phone = VirtualPhone(app="settings")
    script = TaskScript(steps)
    with pytest.raises(ScriptError):
        for _ in range(12):
            action = script("", perceive(phone.capture()), [])
            phone.execute(action)
