"""A replay over the adb protocol, as on a real phone: an episode recorded on one virtual
phone is replayed through the Android driver on a served phone of another layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from automator.config import LoopConfig, PhoneConfig
from automator.loop import run_episode
from automator.recording import Recorder
from automator.replay import replay
from automator.trajectory import Outcome
from devices.adb.server import serve
from devices.android import AndroidDevice
from planners.scripted import ScriptedPlanner
from planners.task_script import TaskScript

SCRIPT = [{"open": "Settings"}, {"tap": "Network & internet"}, {"tap": "Wi-Fi"},
          {"key": "back"}, {"tap": "Display"}, {"finish": "success"}]
WIFI_OFF = {"system": {"wifi": False}}


@pytest.mark.sim
def test_replay_over_adb_on_another_layout(tmp_path: Path):
    with PhoneConfig(0).phone(state=WIFI_OFF) as phone:
        recorded = run_episode("Turn on Wi-Fi, then open the display settings", phone,
                               ScriptedPlanner(TaskScript(SCRIPT)),
                               LoopConfig().for_device("virtual"),
                               recorder=Recorder(tmp_path / "rec"))
    assert recorded.outcome == Outcome.SUCCESS
    served = PhoneConfig(8).phone(state=WIFI_OFF)  # "Connections", Display elsewhere
    with serve(phones={served.name: served}) as server, AndroidDevice(
        served.name, port=server.port
    ) as device:
        result = replay(tmp_path / "rec", device, tmp_path / "replay",
                        LoopConfig().for_device("android"))
    assert result.ok, result.divergence and result.divergence.report()
    assert result.replayed == 5
    assert served.state()["system"]["wifi"] is True
    assert result.trajectory.steps[1].target == "Connections"
