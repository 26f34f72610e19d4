"""`automator eval offline` end to end: the AITZ sample, GUI-Odyssey files, our recordings."""

import json
from pathlib import Path

import pytest
from PIL import Image

from automator.cli import main
from automator.config import LoopConfig
from automator.loop import run_episode
from automator.recording import Recorder
from devices.actions import ElementRef, Finish, Tap
from devices.virtual.phone import VirtualPhone
from planners.scripted import ScriptedPlanner

SAMPLE = Path(__file__).resolve().parents[2] / "datasets" / "offline" / "aitz"


def _summary(folder: Path) -> dict:
    return json.loads((folder / "summary.json").read_text())


@pytest.mark.unit
def test_the_oracle_on_the_aitz_sample_prints_both_rule_sets(tmp_path, capsys):
    assert main(["eval", "offline", str(SAMPLE), "--format", "aitz", "--planner", "oracle",
                 "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "official    4      100.0%    75.0%" in printed
    assert "documented  4      100.0%    100.0%" in printed
    assert _summary(tmp_path)["documented"]["episode_success"] == 1.0


@pytest.mark.slow
def test_the_embedded_planner_runs_on_the_aitz_sample(tmp_path):
    assert main(["eval", "offline", str(SAMPLE), "--format", "aitz", "--out", str(tmp_path)]) == 0
    summary = _summary(tmp_path)
    assert summary["official"]["steps"] == 4
    assert len((tmp_path / "steps.jsonl").read_text().splitlines()) == 4


@pytest.mark.unit
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["eval", "offline", str(tmp_path), "--format", "aitz"]) == 2
    assert "no AITZ episode" in capsys.readouterr().err
    assert main(["eval", "offline", str(SAMPLE)]) == 2
    assert main(["eval", "offline", str(SAMPLE), "--format", "aitz", "--instruction", "step",
                 "--planner", "oracle", "--out", str(tmp_path / "o")]) == 2
    assert "no step instructions" in capsys.readouterr().err
    assert main(["eval", "offline", str(SAMPLE), "--format", "aitz", "--planner", "nope"]) == 2


def _odyssey(folder: Path, name: str, category: str, actions: list) -> None:
    shots = folder / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    steps = []
    for i, (action, info) in enumerate(actions):
        Image.new("RGB", (108, 240), "white").save(shots / f"{name}_{i}.png")
        steps.append({"step": i, "screenshot": f"{name}_{i}.png", "action": action,
                      "info": info, "low_level_instruction": f"step {i}",
                      "sam2_bbox": [100, 100, 300, 300] if action == "CLICK" else []})
    (folder / "annotations").mkdir(exist_ok=True)
    (folder / "annotations" / f"{name}.json").write_text(json.dumps({
        "episode_id": name, "device_info": {"w": 1080, "h": 2400},
        "task_info": {"category": category, "instruction": "do it"},
        "step_length": len(steps), "steps": steps}))


@pytest.mark.unit
def test_gui_odyssey_files_with_the_oracle_and_categories(tmp_path):
    data = tmp_path / "odyssey"
    _odyssey(data, "a", "Social", [("CLICK", [[200, 200]]), ("SCROLL", [[500, 800], [500, 200]]),
                                   ("TEXT", "hello"), ("CLICK", "KEY_HOME"), ("COMPLETE", "")])
    _odyssey(data, "b", "Travel", [("LONG_PRESS", [[900, 900]]), ("INCOMPLETE", "")])
    out = tmp_path / "out"
    assert main(["eval", "offline", str(data), "--format", "gui-odyssey", "--planner", "oracle",
                 "--out", str(out), "--instruction", "step"]) == 0
    s = _summary(out)["official"]
    assert (s["steps"], s["step_accuracy"], s["episode_success"]) == (7, 1.0, 1.0)
    assert s["category_mean"]["categories"] == 2


def _labels(*labels):
    def script(goal, screen, history):
        if len(history) < len(labels):
            label = labels[len(history)]
            return Tap(ElementRef(next(e.id for e in screen.elements
                                       if e.label.startswith(label))))
        return Finish()
    return script


@pytest.mark.sim
def test_our_recordings_score_the_executed_actions(tmp_path):
    phone = VirtualPhone(state={"system": {"wifi": False}}, app="settings")
    config = LoopConfig(max_steps=6).for_device("virtual")
    run_episode("Turn on Wi-Fi", phone, ScriptedPlanner(_labels("Network", "Wi-Fi")), config,
                recorder=Recorder(tmp_path / "runs" / "ep"))
    out = tmp_path / "out"
    assert main(["eval", "offline", str(tmp_path / "runs"), "--format", "ours", "--planner",
                 "oracle", "--out", str(out)]) == 0
    s = _summary(out)["official"]
    assert s["steps"] == 3 and s["step_accuracy"] == 1.0
    assert set(s["by_type"]) == {"tap", "finish"}
