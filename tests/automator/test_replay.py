"""Verified replay on the virtual phone: the same phone, another seed's layout (re-targeted
by what identifies each element), a phone where the element is gone (a divergence report),
and the safety gate holding a replayed deletion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from automator.cli import main
from automator.config import LoopConfig, PhoneConfig
from automator.loop import run_episode
from automator.recording import Recorder, load_trajectory
from automator.replay import REPORT, replay
from automator.trajectory import Outcome
from planners.scripted import ScriptedPlanner
from planners.task_script import TaskScript

GOAL = "Turn on Wi-Fi, then open the display settings"
SCRIPT = [{"open": "Settings"}, {"tap": "Network & internet"}, {"tap": "Wi-Fi"},
          {"key": "back"}, {"tap": "Display"}, {"finish": "success"}]
WIFI_OFF = {"system": {"wifi": False}}
# Seed 8 names and orders the Settings categories otherwise ("Connections", Display lower);
# seed 3 puts the Wi-Fi switch one page deeper (Network › Internet): the switch is gone.
MOVED_SEED, GONE_SEED = 8, 3


def record(folder: Path, script: list, goal: str = GOAL, phone: PhoneConfig | None = None,
           state: dict | None = None, app: str | None = None, allow: frozenset = frozenset()
           ) -> None:
    config = LoopConfig(max_steps=12, allow=allow).for_device("virtual")
    with (phone or PhoneConfig()).phone(state=state or WIFI_OFF, app=app) as device:
        trajectory = run_episode(goal, device, ScriptedPlanner(TaskScript(script)), config,
                                 recorder=Recorder(folder))
    assert trajectory.outcome == Outcome.SUCCESS, trajectory.reason


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("recorded") / "wifi-display"
    record(folder, SCRIPT)
    assert len(load_trajectory(folder).steps) == 6  # five actions and the finish
    return folder


def replay_on(seed: int, recorded: Path, out: Path):
    config = LoopConfig().for_device("virtual")
    with PhoneConfig(seed).phone(state=WIFI_OFF) as phone:
        result = replay(recorded, phone, out, config)
        return result, phone.state()["system"]["wifi"]


@pytest.mark.sim
def test_replay_on_a_fresh_phone_repeats_every_step(recorded: Path, tmp_path: Path):
    result, wifi = replay_on(0, recorded, tmp_path / "replay")
    assert result.ok and result.replayed == result.total == 5
    assert wifi is True  # the replayed tap really turned Wi-Fi on
    again = load_trajectory(tmp_path / "replay")  # the replay is an episode itself
    assert again.outcome == Outcome.SUCCESS and again.complete
    assert [s.executed.kind for s in again.steps] == [
        s.executed.kind for s in load_trajectory(recorded).steps]
    assert json.loads((tmp_path / "replay" / REPORT).read_text())["ok"] is True


@pytest.mark.sim
def test_replay_on_another_layout_retargets_each_element(recorded: Path, tmp_path: Path):
    result, wifi = replay_on(MOVED_SEED, recorded, tmp_path / "replay")
    assert result.ok, result.divergence and result.divergence.report()
    assert wifi is True
    steps = load_trajectory(tmp_path / "replay").steps
    assert steps[1].target == "Connections"  # "Network & internet" renamed on this phone
    original = load_trajectory(recorded).steps
    assert steps[4].executed != original[4].executed  # Display sits elsewhere: not the old point
    assert min(result.similarities) < 1.0  # the screens differ, yet enough alike


@pytest.mark.sim
def test_replay_where_the_element_is_gone_stops_with_a_report(recorded: Path, tmp_path: Path):
    result, wifi = replay_on(GONE_SEED, recorded, tmp_path / "replay")
    assert not result.ok and wifi is False
    divergence = result.divergence
    assert divergence is not None and divergence.step == 2  # the tap on the Wi-Fi switch
    assert "Wi-Fi" in divergence.expected and divergence.candidates
    assert result.replayed == 2 and result.trajectory.outcome == Outcome.FAILURE
    report = json.loads((tmp_path / "replay" / REPORT).read_text())
    assert report["divergence"]["step"] == 2 and report["divergence"]["candidates"]


@pytest.mark.sim
def test_replay_command_exit_status_and_report(recorded: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]):
    assert main(["replay", str(recorded), "--out", str(tmp_path / "same")]) == 0
    assert main(["replay", str(recorded), "--seed", str(GONE_SEED),
                 "--out", str(tmp_path / "gone")]) == 1
    out = capsys.readouterr().out
    assert "diverged at step 2" in out and "candidate #" in out
    assert main(["replay", str(tmp_path / "nothing-here")]) == 2


@pytest.mark.sim
def test_replay_starting_on_another_screen_diverges_at_once(recorded: Path, tmp_path: Path):
    with PhoneConfig(0).phone(state=WIFI_OFF, app="clock") as phone:
        result = replay(recorded, phone, tmp_path / "replay", LoopConfig().for_device("virtual"))
    assert result.divergence is not None and result.divergence.step == 0
    assert "the starting screen has another app" in result.divergence.problem


@pytest.mark.sim
def test_a_replayed_deletion_needs_the_same_approval(tmp_path: Path):
    with PhoneConfig(0).phone(app="clock") as phone:
        alarm = phone.state()["clock"]["alarms"][-1]
    hour = alarm["hour"] % 12 or 12
    label = f"{hour}:{alarm['minute']:02d} {'PM' if alarm['hour'] >= 12 else 'AM'} alarm, collapsed"
    script = [{"tap": {"text": "Alarm", "optional": True}}, {"tap": label}, {"tap": "Delete"},
              {"tap": "Delete"}, {"finish": "success"}]
    goal = "Delete the last alarm"
    record(tmp_path / "rec", script, goal, state={}, app="clock",
           allow=frozenset({"deletion"}))
    config = LoopConfig().for_device("virtual")
    for allow, ok in ((frozenset(), False), (frozenset({"deletion"}), True)):
        with PhoneConfig(0).phone(app="clock") as phone:
            result = replay(tmp_path / "rec", phone, tmp_path / f"replay-{ok}",
                            LoopConfig(allow=allow).for_device("virtual") if allow else config)
            alarms = phone.state()["clock"]["alarms"]
        assert result.ok is ok
        assert (alarm in alarms) is not ok
        if not ok:
            assert "did not run" in result.divergence.problem


@pytest.mark.sim
def test_a_scroll_replays_on_its_list_on_another_layout(tmp_path: Path):
    script = [{"open": "Settings"}, {"scroll": "down"}, {"tap": {"rid": "category_about"}},
              {"finish": "success"}]
    record(tmp_path / "rec", script, "Open the phone's information", state={})
    with PhoneConfig(MOVED_SEED).phone() as phone:
        result = replay(tmp_path / "rec", phone, tmp_path / "replay",
                        LoopConfig().for_device("virtual"))
    assert result.ok, result.divergence and result.divergence.report()
    steps = result.trajectory.steps
    assert steps[1].executed.kind == "scroll" and steps[1].target == "recycler view"
    assert steps[2].target == "About device"  # this phone's name for "About phone"


@pytest.mark.unit
@pytest.mark.parametrize("phone", [PhoneConfig(), PhoneConfig(3, "on"),
                                   PhoneConfig(2, "hints,transitions")])
def test_an_episode_names_its_own_virtual_phone(phone: PhoneConfig):
    assert PhoneConfig.from_serial(phone.serial) == phone
    assert PhoneConfig.from_serial("emulator-5554") is None
