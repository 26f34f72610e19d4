"""MiniWoB++ through the loop: task selection, seeded episodes, the oracle proving the
plumbing, and `automator eval miniwob` writing its summary."""

from __future__ import annotations

import json

import pytest

from automator.cli import main
from automator.errors import ConfigError
from automator.miniwob import MiniWoBConfig, MiniWoBPage, run_miniwob, select_tasks
from tests.browser.conftest import need_browser

pytestmark = pytest.mark.browser
PLUMBING = "click-button,click-link,enter-text,focus-text,click-checkboxes"


def test_tasks_are_chosen_by_name_glob_or_all():
    pytest.importorskip("miniwob")
    assert len(select_tasks("all")) > 100
    assert select_tasks("enter-text,click-b*")[:3] == [
        "enter-text", "click-button", "click-button-sequence"]
    with pytest.raises(ConfigError, match="no-such-task"):
        select_tasks("no-such-task")


def test_a_seed_gives_the_same_task_instance():
    need_browser()
    with MiniWoBPage.open() as page:
        first = page.reset("enter-text", "7-0")
        again = page.reset("enter-text", "7-0")
        other = [page.reset("enter-text", f"7-{i}") for i in range(1, 4)]
        assert first == again and any(o != first for o in other)
        assert not page.state().done


def test_the_oracle_proves_coordinates_typing_and_focus(tmp_path):
    need_browser()
    config = MiniWoBConfig(tuple(select_tasks(PLUMBING)), episodes=2, planner="oracle")
    seen = []
    summary = run_miniwob(config, tmp_path, lambda r, done, total: seen.append((done, total)))
    assert seen[-1] == (10, 10)
    assert summary["overall"]["mean_reward"] >= 0.9, summary["tasks"]
    assert summary["overall"]["success_rate"] == 1.0
    lines = (tmp_path / "results.jsonl").read_text(encoding="utf-8").splitlines()
    typed = [json.loads(x) for x in lines if json.loads(x)["task"] == "enter-text"]
    assert typed[0]["actions"][0].startswith("type ")


def test_an_episode_the_agent_leaves_undone_scores_minus_one(tmp_path):
    need_browser()
    config = MiniWoBConfig(("click-pie",), episodes=1, planner="oracle")  # unknown to it
    summary = run_miniwob(config, tmp_path)
    task = summary["tasks"]["click-pie"]
    assert task["mean_reward"] == -1.0 and task["success_rate"] == 0.0


def test_eval_miniwob_prints_progress_and_writes_the_summary(tmp_path, capsys):
    need_browser()
    out = tmp_path / "run"
    code = main(["eval", "miniwob", "--tasks", "click-button,focus-text", "--episodes", "1",
                 "--seed", "3", "--planner", "oracle", "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert "[##########..........] 1/2" in printed and "summary:" in printed
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["seed"] == 3 and set(summary["tasks"]) == {"click-button", "focus-text"}
    assert summary["overall"]["success_rate"] == 1.0
    assert (summary["total"], summary["succeeded"]) == (2, 2)  # the figures every eval has
    assert [(r["id"], r["seed"]) for r in summary["runs"]] == [("click-button", 0),
                                                               ("focus-text", 0)]
    assert "100.0% success" in (out / "report.html").read_text(encoding="utf-8")
    # started again in the same folder: both episodes are done, none is played again
    assert main(["eval", "miniwob", "--tasks", "click-button,focus-text", "--episodes", "1",
                 "--seed", "3", "--planner", "oracle", "--out", str(out)]) == 0
    assert "1/2" not in capsys.readouterr().out
    assert len((out / "results.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["total"] == 2
    assert main(["eval", "miniwob", "--tasks", "click-button", "--episodes", "1",
                 "--seed", "3", "--planner", "oracle", "--out", str(out)]) == 2  # other tasks
