"""The embedded planner refuses at step 0 what its English sentence model cannot read:
other scripts and strings of letters that are not words. Sentences below are in no task."""

import pytest

from automator.config import LoopConfig
from automator.loop import run_episode
from automator.trajectory import Outcome
from devices.virtual.phone import VirtualPhone
from planners.embedded import AppMemory, EmbeddedPlanner
from planners.embedded.legibility import unreadable

pytestmark = pytest.mark.unit

READABLE = [
    "Could you switch the torch off?", "crank the volume all the way up please.",
    "Text Oksana 'I'm running late'", "Ring 李伟 back", "Message 中村さくら that lunch moved to 1",
    "Mom", "Turn On Airplane Mode", "whats my battery at", "can u add Bea to contacts",
    "Book a table for two at Chez Panisse",
    "hotspot on pls", "bluetooth off thx", "mute ringer plz", "msg Bea im late",  # shorthand
]
UNREADABLE = [
    "打开蓝牙", "把亮度调到最大", "Включи вайфай", "a" * 20_000, "asdkfj qwpoeiru zmxncb",
    "XQZT VVKP", "lkjh lkjh lkjh",
    "pls thx", "zxcv pls", "Kiri pls",  # shorthand with no word beside it says nothing
]


@pytest.mark.parametrize("goal", READABLE)
def test_english_requests_with_names_in_any_script_are_read(goal):
    assert unreadable(goal) is None


@pytest.mark.parametrize("goal", UNREADABLE)
def test_other_scripts_and_nonsense_are_not(goal):
    assert unreadable(goal)


@pytest.mark.sim
@pytest.mark.parametrize("goal", ["打开蓝牙", "a" * 20_000, "qwpoeiru zmxncb", "Выключи блютуз",
                                  "zxcv qwer asdf uiop?", "請把音量調大"])
def test_the_planner_refuses_them_at_step_0_and_never_claims_success(goal):
    phone = VirtualPhone()
    before = phone.state()
    trajectory = run_episode(goal, phone, EmbeddedPlanner(AppMemory()),
                             LoopConfig(max_steps=30).for_device("virtual"))
    assert trajectory.outcome == Outcome.FAILURE and len(trajectory.steps) == 1
    assert "cannot read this request" in trajectory.reason
    assert "--planner" in trajectory.reason
    assert {k: v for k, v in phone.state().items() if k != "system"} == {
        k: v for k, v in before.items() if k != "system"}
