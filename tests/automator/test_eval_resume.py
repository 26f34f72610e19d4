"""An evaluation killed at any point resumes where it stopped and ends with the summary an
uninterrupted run gives; its results store keeps whole lines only and one run per folder."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from automator.cli import main
from automator.evaluate import evaluate, script_planner
from automator.runs.store import RESULTS, RunMismatch, RunStore

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT / "datasets" / "tasks" / "virtual-phone" / "dev"
TASKS = "clock-[a-c]*"  # five tasks, each played by its own script in under a second
TIMINGS = {"seconds", "decide_ms"}  # per run; everything else must match exactly


def _comparable(summary: dict) -> dict:
    rows = [{k: v for k, v in row.items() if k not in TIMINGS} for row in summary["tasks"]]
    return {k: v for k, v in summary.items() if k != "median_decide_ms"} | {"tasks": rows}


@pytest.mark.unit
def test_store_keeps_whole_lines_and_refuses_other_settings(tmp_path):
    store = RunStore(tmp_path, {"planner": "a", "seeds": [0]}, {"command": "first"})
    store.append({"key": "t@0", "success": True})
    with (tmp_path / RESULTS).open("a") as f:
        f.write('{"key": "t@1", "succ')  # the writer was killed in the middle of a line
    again = RunStore(tmp_path, {"planner": "a", "seeds": [0]}, {"command": "second"})
    assert again.finished() == {"t@0"}
    assert (tmp_path / RESULTS).read_text() == '{"key": "t@0", "success": true}\n'
    again.append({"key": "t@1", "success": False})
    assert RunStore(tmp_path, {"planner": "a", "seeds": [0]}).finished() == {"t@0", "t@1"}
    with pytest.raises(RunMismatch, match=r"planner: 'a' there, 'b' now"):
        RunStore(tmp_path, {"planner": "b", "seeds": [0]})


@pytest.mark.sim
def test_killed_eval_resumes_to_the_uninterrupted_summary(tmp_path):
    whole = evaluate(SUITE, script_planner, tmp_path / "whole", pattern=TASKS).to_dict()
    out = tmp_path / "killed"
    command = [sys.executable, "-m", "automator.cli", "eval", str(SUITE), "--planner",
               "script", "--tasks", TASKS, "--out", str(out), "--workers", "2"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        _wait_for_lines(out / RESULTS, 2, process)
        workers = _children(process.pid)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    finished = len((out / RESULTS).read_text().splitlines())
    assert 2 <= finished < whole["total"], "the kill came after the run ended"
    _wait_until_gone(workers)  # no worker outlives the killed eval
    # resumed in this process: the rest is played one by one
    assert main(["eval", str(SUITE), "--planner", "script", "--tasks", TASKS,
                 "--out", str(out)]) == 0
    resumed = json.loads((out / "summary.json").read_text())
    assert _comparable(resumed) == _comparable(whole | {"complete": True})
    rows = [json.loads(line) for line in (out / RESULTS).read_text().splitlines()]
    assert sorted(r["key"] for r in rows) == sorted(f"{t['id']}@0" for t in whole["tasks"])
    assert len(json.loads((out / "run.json").read_text())["starts"]) == 2
    assert (out / "report.html").exists()


def _children(pid: int) -> list[int]:
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _wait_until_gone(pids: list[int]) -> None:
    def alive(pid: int) -> bool:
        try:  # a zombie waiting to be reaped is gone too
            return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
        except OSError:
            return False

    deadline = time.monotonic() + 20
    while any(map(alive, pids)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(alive, pids)), f"workers {pids} outlived the killed eval"


def _wait_for_lines(path: Path, count: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists() and len(path.read_bytes().splitlines()) >= count:
            return
        time.sleep(0.01)
    raise AssertionError(f"{path} never reached {count} lines (exit {process.poll()})")


@pytest.mark.sim
def test_a_folder_holds_one_run(tmp_path, capsys):
    args = ["eval", str(SUITE), "--planner", "script", "--tasks", "clock-alarm-630",
            "--out", str(tmp_path)]
    assert main(args) == 0
    capsys.readouterr()
    assert main([*args, "--seeds", "1"]) == 2
    assert "seeds: [0] there, [1] now" in capsys.readouterr().err
    assert main(args) == 0  # the same settings again: nothing left to play
    assert "resumed: 1 runs were done before, 0 played now" in capsys.readouterr().out
    assert len((tmp_path / RESULTS).read_text().splitlines()) == 1


@pytest.mark.sim
def test_workers_need_a_factory_that_pickles(tmp_path):
    from automator.errors import ConfigError
    from planners.scripted import ScriptedPlanner

    with pytest.raises(ConfigError, match="workers cannot receive the planner factory"):
        evaluate(SUITE, lambda device, task: ScriptedPlanner([]), tmp_path, pattern=TASKS,
                 workers=2)
    assert not (tmp_path / RESULTS).exists()  # nothing was played
