"""Comparing two eval runs task by task, and the summary written as an eval goes."""

import json

import pytest

from automator.cli import main
from automator.comparison import SummaryError, compare, load_summary, mcnemar_p
from automator.evaluate import evaluate
from devices.virtual.phone import VirtualPhone
from planners.scripted import ScriptedPlanner

LAUNCHER = VirtualPhone().state()["foreground"]


def _summary(path, planner, results):
    """results: {task id: (group, success, steps)}"""
    tasks = [{"id": i, "app": g, "success": ok, "steps": n, "outcome": "x"}
             for i, (g, ok, n) in results.items()]
    path.mkdir(parents=True)
    (path / "summary.json").write_text(json.dumps({"planner": planner, "tasks": tasks}))
    return path


@pytest.mark.unit
def test_mcnemar_exact_p_values():
    assert mcnemar_p(0, 0) == 1.0
    assert mcnemar_p(3, 3) == 1.0
    assert mcnemar_p(5, 0) == mcnemar_p(0, 5) == pytest.approx(2 / 32)
    assert mcnemar_p(10, 0) == pytest.approx(2 / 1024)
    assert mcnemar_p(8, 2) == pytest.approx(2 * (1 + 10 + 45) / 1024)


@pytest.mark.unit
def test_compare_pairs_tasks_by_id_and_names_the_flips(tmp_path):
    a = _summary(tmp_path / "a", "notes", {
        "clock-1": ("clock", True, 4), "clock-2": ("clock", False, 9),
        "notes-1": ("notes", True, 6), "notes-2": ("notes", True, 3), "old": ("x", True, 1)})
    b = _summary(tmp_path / "b", "no notes", {
        "clock-1": ("clock", True, 2), "clock-2": ("clock", True, 5),
        "notes-1": ("notes", False, 9), "notes-2": ("notes", True, 5), "new": ("y", False, 1)})
    c = compare(load_summary(a), load_summary(b / "summary.json"))
    assert c.gained == ("clock-2@0",) and c.lost == ("notes-1@0",)
    assert c.only_a == ("old@0",) and c.only_b == ("new@0",)
    assert c.groups == {"clock": (2, 0.5, 1.0), "notes": (2, 1.0, 0.5)}
    assert (c.rate_a, c.rate_b) == (0.75, 0.75)
    assert (c.steps_a, c.steps_b) == (3.5, 3.5)  # clock-1 and notes-2 passed in both
    assert c.p_value == 1.0


@pytest.mark.unit
def test_unreadable_summaries_are_named(tmp_path):
    with pytest.raises(SummaryError, match="cannot read"):
        load_summary(tmp_path / "missing")
    (tmp_path / "bad.json").write_text('{"tasks": [{"no id": 1}]}')
    with pytest.raises(SummaryError, match=r"bad\.json: not an eval summary"):
        load_summary(tmp_path / "bad.json")


@pytest.mark.unit
def test_compare_pairs_runs_per_task_and_seed(tmp_path):
    def write(name, results):
        rows = [{"id": i, "seed": seed, "app": "clock", "success": ok, "steps": 1}
                for (i, seed), ok in results.items()]
        (tmp_path / name).mkdir()
        (tmp_path / name / "summary.json").write_text(json.dumps({"tasks": rows}))
        return load_summary(tmp_path / name)

    a = write("a", {("clock-1", 0): True, ("clock-1", 1): False, ("clock-1", 2): True})
    b = write("b", {("clock-1", 0): True, ("clock-1", 1): True, ("clock-1", 2): False,
                    ("clock-1", 3): True})
    c = compare(a, b)
    assert c.gained == ("clock-1@1",) and c.lost == ("clock-1@2",)
    assert c.only_b == ("clock-1@3",) and c.groups == {"clock": (3, 2 / 3, 2 / 3)}


@pytest.fixture
def suite(tmp_path):
    folder = tmp_path / "suite"
    folder.mkdir()
    for name, goal, package in (("settings-home", "Go to the home screen", LAUNCHER),
                                ("settings-stays", "Stay in Settings", "com.android.settings")):
        (folder / f"{name}.yaml").write_text(
            f"goal: {goal}\napp: settings\nmax_steps: 3\n"
            f"success:\n  - {{path: foreground, equals: {package}}}\n")
    return folder


@pytest.mark.sim
def test_compare_command_on_two_evals(suite, tmp_path, capsys):
    lazy = tmp_path / "lazy.json"
    lazy.write_text("[]")  # finishes at once
    home = tmp_path / "home.json"
    home.write_text(json.dumps([{"kind": "key", "key": "home"}]))
    for name, script in (("a", lazy), ("b", home)):
        assert main(["eval", str(suite), "--planner", f"scripted:{script}",
                     "--out", str(tmp_path / name)]) == 0
    capsys.readouterr()
    assert main(["compare", str(tmp_path / "a"), str(tmp_path / "b")]) == 0
    out = capsys.readouterr().out
    assert "gained in B (1): settings-home@0" in out
    assert "lost in B (1): settings-stays@0" in out
    assert "exact McNemar p = 1" in out
    assert main(["compare", str(tmp_path / "a"), str(tmp_path / "nowhere")]) == 2


@pytest.mark.sim
def test_summary_is_written_after_each_task(suite, tmp_path):
    calls = []

    def factory(device, task):
        calls.append(device)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the run is stopped during its second task
        return ScriptedPlanner([])

    with pytest.raises(KeyboardInterrupt):
        evaluate(suite, factory, tmp_path / "out")
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["complete"] is False and [t["id"] for t in summary["tasks"]] == [
        "settings-home"]
    assert not list((tmp_path / "out").glob(".*partial"))
