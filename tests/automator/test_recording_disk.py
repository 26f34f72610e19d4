"""Episode folders: round trip, a run killed with SIGKILL, a torn last line, a full disk."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from automator.errors import RecordingError
from automator.loop import run_episode
from automator.recording import Recorder, load_trajectory, read_header
from automator.trajectory import Outcome, Step, Trajectory, Verdict, Verification
from devices.actions import ElementRef, Finish, Key, Point, PressKey, Tap, Wait
from devices.virtual.phone import VirtualPhone
from planners.planner import Decision
from planners.scripted import ScriptedPlanner


def _step(i: int) -> Step:
    return Step(
        i, app="com.android.settings", screen_signature="abc", screenshot=f"step_{i:03d}.png",
        tree=f"step_{i:03d}.xml",
        decision=Decision(Tap(ElementRef(3)), thought="open Wi-Fi", raw='{"tap": 3}',
                          confidence=0.75, usage={"tokens": 12.0}),
        executed=Tap(Point(540, 614)),
        verification=Verification(Verdict.CHANGED, "now on another page", True, 0.25),
        timings={"capture": 10.0, "decide": 2.5},
    )


@pytest.mark.unit
def test_step_and_trajectory_round_trip_through_json():
    trajectory = Trajectory("Turn on Wi-Fi", "virtual-0", "scripted", 100.0, 112.5,
                            steps=(_step(0), Step(1, refusal="the person refused: pay",
                                                  raw="garbage", error="unreadable")),
                            outcome=Outcome.INFEASIBLE, reason="no", answer="cannot")
    data = json.loads(json.dumps(trajectory.to_dict()))
    assert Trajectory.from_dict(data) == trajectory


@pytest.mark.unit
def test_a_newer_schema_is_refused():
    with pytest.raises(ValueError, match="newer"):
        Trajectory.from_dict({"goal": "g", "schema_version": 99})


@pytest.mark.sim
def test_recorder_writes_header_steps_files_and_outcome(tmp_path):
    planner = ScriptedPlanner([PressKey(Key.HOME), Wait(0.2), Finish(answer="done")])
    trajectory = run_episode("go home", VirtualPhone(app="settings"), planner,
                             recorder=Recorder(tmp_path / "ep"))
    folder = tmp_path / "ep"
    header = read_header(folder)
    assert header["goal"] == "go home" and header["config"]["max_steps"] == 30
    assert len((folder / "steps.jsonl").read_text().splitlines()) == 3
    assert (folder / "step_000.png").stat().st_size > 0
    assert "<hierarchy" in (folder / "step_000.xml").read_text()
    loaded = load_trajectory(folder)
    assert loaded.outcome == Outcome.SUCCESS and loaded.answer == "done"
    assert [s.executed for s in loaded.steps] == [s.executed for s in trajectory.steps]


@pytest.mark.unit
def test_a_torn_last_line_is_ignored_and_no_outcome_reads_as_aborted(tmp_path):
    recorder = Recorder(tmp_path)
    recorder.start(Trajectory("g", "d", "p", 1.0))
    for i in range(3):
        recorder.append(_step(i))
    recorder.close()
    with open(tmp_path / "steps.jsonl", "a") as f:
        f.write('{"index": 3, "app": "com.andr')  # killed mid-write
    loaded = load_trajectory(tmp_path)
    assert loaded.outcome == Outcome.ABORTED and [s.index for s in loaded.steps] == [0, 1, 2]


KILLED_RUN = """
import sys, time
from automator.config import LoopConfig
from automator.loop import run_episode
from automator.recording import Recorder
from devices.actions import Key, OpenApp, PressKey
from devices.virtual.phone import VirtualPhone
from planners.scripted import ScriptedPlanner

def slow(goal, screen, history):
    time.sleep(0.15)
    return PressKey(Key.BACK) if len(history) % 2 else OpenApp("Settings")

config = LoopConfig(max_steps=500, stuck_repeats=10**6).for_device("virtual")
run_episode("walk", VirtualPhone(), ScriptedPlanner(slow), config, recorder=Recorder(sys.argv[1]))
"""


@pytest.mark.sim
def test_a_run_killed_mid_episode_keeps_every_finished_step(tmp_path):
    folder = tmp_path / "killed"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_RUN, str(folder)])
    steps = folder / "steps.jsonl"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if steps.exists() and len(steps.read_text().splitlines()) >= 4:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the episode ended before it could be killed"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    loaded = load_trajectory(folder)
    assert loaded.outcome == Outcome.ABORTED and loaded.goal == "walk"
    assert len(loaded.steps) >= 4
    assert [s.index for s in loaded.steps] == list(range(len(loaded.steps)))
    assert all(s.executed is not None for s in loaded.steps)
    for step in loaded.steps:
        assert (folder / step.tree).exists() and (folder / step.screenshot).exists()


class FullDisk(Recorder):
    """A recorder whose disk fills up after `room` step lines."""

    def __init__(self, folder: Path, room: int):
        super().__init__(folder)
        self.room = room

    def append(self, step):
        if self.room == 0:
            raise RecordingError("cannot append step: [Errno 28] No space left on device")
        self.room -= 1
        super().append(step)


@pytest.mark.sim
def test_a_full_disk_ends_the_run_as_infrastructure_and_keeps_what_was_written(tmp_path):
    planner = ScriptedPlanner([Wait(0.1)] * 5)
    trajectory = run_episode("wait", VirtualPhone(), planner, recorder=FullDisk(tmp_path, 2))
    assert trajectory.outcome == Outcome.INFRASTRUCTURE
    assert "No space left" in trajectory.reason
    loaded = load_trajectory(tmp_path)
    assert len(loaded.steps) == 2 and loaded.outcome == Outcome.INFRASTRUCTURE


@pytest.mark.unit
def test_an_unwritable_folder_is_a_recording_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(RecordingError):
        Recorder(blocker / "episode").start(Trajectory("g", "d", "p", 1.0))
