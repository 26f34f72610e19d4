"""`eval --devices`: a suite played on attached phones the evaluation does not own, each task
set up and checked through the phone's state channel, ends as the same suite played on
phones of the evaluation's own."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from automator.cli import main
from automator.evaluate import TaskReport, evaluate, script_planner
from automator.runs.report import write_report
from automator.runs.store import RESULTS
from devices.adb.server import AdbServer, serve

pytestmark = pytest.mark.sim

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "datasets" / "tasks" / "virtual-phone" / "dev"
# a task state with placeholders, a typed alarm, a setting, a question answered
TASKS = ("clock-disable-work", "clock-alarm-630", "settings-dnd-on", "contacts-kenji-phone")
SERIALS = ("virtual-0", "virtual-1")


@pytest.fixture(scope="module")
def phones() -> Iterator[AdbServer]:
    """Two served virtual phones on one adb server, as two attached devices."""
    with serve(port=0, phones=2) as server:
        yield server


def _suite(root: Path, tasks: tuple[str, ...] = TASKS) -> Path:
    suite = root / "suite"
    suite.mkdir(exist_ok=True)
    for task in tasks:
        shutil.copy(DEV / f"{task}.yaml", suite)
    return suite


def _ends(reports: tuple[TaskReport, ...]) -> list[tuple]:
    return [(r.id, r.seed, r.outcome, r.success, r.steps, r.reason, r.failures)
            for r in reports]


def _resets(server: AdbServer, serial: str) -> int:
    commands = server.target(serial).commands
    return sum(argv[:3] == ("cmd", "automator", "reset") for argv in commands)


def test_the_script_planner_ends_alike_on_attached_devices(phones, tmp_path):
    suite = _suite(tmp_path)
    own = evaluate(suite, script_planner, tmp_path / "own")
    before = {s: _resets(phones, s) for s in SERIALS}
    attached = evaluate(suite, script_planner, tmp_path / "attached", devices=SERIALS,
                        adb_port=phones.port)
    assert _ends(attached.tasks) == _ends(own.tasks)
    assert attached.success_rate == 1.0
    assert {r.device for r in attached.tasks} == set(SERIALS)  # both played
    assert all(_resets(phones, s) > before[s] for s in SERIALS)
    written = json.loads((tmp_path / "attached" / "summary.json").read_text())
    assert written["complete"] and written["total"] == len(TASKS)
    assert {r["device"] for r in written["tasks"]} == set(SERIALS)
    report = write_report(tmp_path / "attached").read_text()
    assert "Success by device" in report and all(s in report for s in SERIALS)


def test_the_planner_sees_the_phone_of_the_seed_played(phones, tmp_path):
    """A device reset to seed 1 is that seed's phone: its planner reads that phone's memory
    (found by name) and the recording names it, so that a replay rebuilds it."""
    suite = _suite(tmp_path, ("clock-disable-work",))
    seen: list[str] = []

    def planner(device, task):
        seen.append(device.name)
        return script_planner(device, task)

    summary = evaluate(suite, planner, tmp_path / "out", seeds=(1,), devices=SERIALS[:1],
                       adb_port=phones.port)
    assert summary.tasks[0].success and summary.tasks[0].device == "virtual-0"
    assert seen == ["virtual-0-seed1-realism-off"]
    header = json.loads((tmp_path / "out" / "clock-disable-work" / "seed-1" /
                         "episode.json").read_text())
    assert header["device"] == "virtual-0-seed1-realism-off"
    assert phones.target("virtual-0").phone.world.seed == 1


@pytest.mark.slow  # each device's worker loads the sentence model
def test_the_embedded_planner_ends_alike_on_attached_devices(phones, tmp_path):
    from automator.runs.planners import PlannerBuilder
    from devices.virtual.phone import VirtualPhone
    from planners.embedded import AppMemory, explore

    suite = _suite(tmp_path, ("clock-disable-work", "clock-enable-gym"))
    memory = tmp_path / "memory"  # a small map of the one app the tasks need
    explore(VirtualPhone(), AppMemory(), apps=["Clock"], budget=15).save(memory)
    planner = PlannerBuilder("embedded", memory=str(memory))
    own = evaluate(suite, planner, tmp_path / "own")
    attached = evaluate(suite, planner, tmp_path / "attached", devices=SERIALS,
                        adb_port=phones.port)
    assert _ends(attached.tasks) == _ends(own.tasks)
    assert {r.device for r in attached.tasks} == set(SERIALS)
    assert own.success_rate > 0  # the map is enough for the planner to do something


SIDE_EFFECT_TASK = """\
id: settings-dnd-and-more
goal: Turn on Do Not Disturb
app: settings
state: {system: {do_not_disturb: false, dark_mode: false}}
success: [{path: system.do_not_disturb, equals: true}]
changes: [system.do_not_disturb]
max_steps: 10
script:                        # does the task, and turns on dark theme unasked
  - tap: [Sound & vibration]
  - tap: [Do Not Disturb, Do not disturb]
  - key: back
  - tap: Display
  - tap: Dark theme
  - finish: success
"""


def test_a_side_effect_is_found_through_the_channel(phones, tmp_path):
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "settings-dnd-and-more.yaml").write_text(SIDE_EFFECT_TASK, encoding="utf-8")
    own = evaluate(suite, script_planner, tmp_path / "own")
    attached = evaluate(suite, script_planner, tmp_path / "attached", devices=SERIALS,
                        adb_port=phones.port)
    assert _ends(attached.tasks) == _ends(own.tasks)
    (report,) = attached.tasks
    assert report.outcome == "success" and not report.success
    assert report.side_effects == 1
    assert any("system.dark_mode" in f for f in report.failures)


def test_a_device_without_the_channel_is_refused_in_one_line(tmp_path, capsys, monkeypatch):
    suite = _suite(tmp_path, TASKS[:1])
    out = tmp_path / "out"
    with serve(port=0, phones=1, state_channel=False) as plain:
        monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(plain.port))
        code = main(["eval", str(suite), "--planner", "script", "--devices", "virtual-0",
                     "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "needs devices that expose the automator state channel" in err
    assert "virtual-0" in err
    assert not (out / RESULTS).exists()


def test_devices_are_for_task_suites(capsys):
    assert main(["eval", "miniwob", "--devices", "virtual-0"]) == 2
    assert "`eval miniwob` does not take it" in capsys.readouterr().err


@pytest.mark.parametrize(("extra", "message"), [
    (["--devices", "virtual-0,virtual-7"], "'virtual-7' not attached"),
    (["--devices", "virtual-0,virtual-0"], "names virtual-0 more than once"),
    (["--devices", "virtual-0", "--workers", "2"], "does not go with --workers"),
    (["--devices", "virtual-0", "--over-adb"], "does not go with --over-adb"),
    (["--devices", "virtual-0", "--ray", "local"], "does not go with --ray"),
])
def test_bad_device_options_are_told_before_playing(phones, tmp_path, capsys, monkeypatch,
                                                     extra, message):
    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(phones.port))
    suite = _suite(tmp_path, TASKS[:1])
    code = main(["eval", str(suite), "--planner", "script", "--out", str(tmp_path / "out"),
                 *extra])
    assert code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out" / RESULTS).exists()


TIMINGS = {"seconds", "decide_ms", "device"}  # what may differ between two plays of a run


def _comparable(summary: dict) -> dict:
    rows = [{k: v for k, v in row.items() if k not in TIMINGS} for row in summary["tasks"]]
    return {k: v for k, v in summary.items() if k != "median_decide_ms"} | {"tasks": rows}


def test_a_killed_run_on_devices_resumes_to_the_same_summary(phones, tmp_path, monkeypatch):
    suite = _suite(tmp_path)
    whole = evaluate(suite, script_planner, tmp_path / "whole").to_dict()
    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(phones.port))
    out = tmp_path / "killed"
    args = ["eval", str(suite), "--planner", "script", "--devices", ",".join(SERIALS),
            "--out", str(out)]
    process = subprocess.Popen([sys.executable, "-m", "automator.cli", *args], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_lines(out / RESULTS, 1, process)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    finished = len((out / RESULTS).read_text().splitlines())
    assert 1 <= finished < len(TASKS), "the kill came after the run ended"
    assert main(args) == 0  # resumed: the rest is played on the devices
    resumed = json.loads((out / "summary.json").read_text())
    assert _comparable(resumed) == _comparable(whole | {"complete": True})
    rows = [json.loads(line) for line in (out / RESULTS).read_text().splitlines()]
    assert sorted(r["key"] for r in rows) == sorted(f"{t}@0" for t in TASKS)
    assert {r["device"] for r in rows} <= set(SERIALS)


def _wait_for_lines(path: Path, count: int, process: subprocess.Popen) -> None:
    import time

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists() and len(path.read_bytes().splitlines()) >= count:
            return
        time.sleep(0.01)
    raise AssertionError(f"{path} never reached {count} lines (exit {process.poll()})")
