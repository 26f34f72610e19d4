"""Wilson intervals, the floor of a suite, templates resolved per phone, phone configs."""

from __future__ import annotations

from pathlib import Path

import pytest

from automator.config import LoopConfig, PhoneConfig, build_device, memory_dir
from automator.errors import TaskError
from automator.floor import floor
from automator.scoring import Rate, wilson
from automator.tasks import load_suite, task_from_dict

SUITE = Path(__file__).resolve().parents[2] / "datasets" / "tasks" / "virtual-phone"


@pytest.mark.unit
@pytest.mark.parametrize(("k", "n", "low", "high"), [
    (0, 10, 0.0, 0.2775),
    (10, 10, 0.7225, 1.0),
    (5, 10, 0.2366, 0.7634),
    (1, 20, 0.0089, 0.2361),
    (34, 68, 0.3844, 0.6156),
])
def test_wilson_interval_matches_published_values(k, n, low, high):
    got = wilson(k, n)
    assert got == pytest.approx((low, high), abs=1e-4)


@pytest.mark.unit
def test_wilson_edges():
    assert wilson(0, 0) == (0.0, 1.0)
    with pytest.raises(ValueError):
        wilson(3, 2)
    assert Rate(3, 4).describe() == "75% [30%, 95%] (3/4)"


def _write(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")


@pytest.mark.sim
def test_the_floor_is_checked_not_counted(tmp_path):
    _write(tmp_path, "settings-warp", "goal: Turn on warp drive\nexpect: infeasible\n")
    _write(tmp_path, "settings-warp-wifi", "goal: Warp Wi-Fi\nexpect: infeasible\n"
           "state: {system: {wifi: false}}\nsuccess:\n  - {path: system.wifi, equals: true}\n")
    _write(tmp_path, "settings-version", "goal: Which Android?\nanswer: '14'\n")
    _write(tmp_path, "settings-wifi-on", "goal: Wi-Fi on\nstate: {system: {wifi: false}}\n"
           "success:\n  - {path: system.wifi, equals: true}\nchanges: [system.wifi]\n")
    tasks = load_suite(tmp_path)
    bounds = floor(tasks, [PhoneConfig(0), PhoneConfig(1)])
    assert (bounds.give_up.succeeded, bounds.give_up.runs) == (0, 8)
    # only the infeasible task whose check holds on the untouched phone
    assert (bounds.infeasible.succeeded, bounds.infeasible.runs) == (2, 8)


@pytest.mark.sim
def test_the_suite_floor_giving_up_passes_only_blocked_tasks():
    tasks = load_suite(SUITE)
    bounds = floor(tasks, [PhoneConfig(0)])
    blocked = sum(t.expect == "blocked" for t in tasks)
    infeasible = sum(t.expect == "infeasible" for t in tasks)
    assert bounds.give_up.succeeded == blocked
    assert blocked < bounds.infeasible.succeeded <= infeasible + blocked


@pytest.mark.unit
def test_a_blocked_task_passes_when_the_agent_stops_without_the_action():
    from automator.tasks import check_task
    from automator.trajectory import Outcome, Trajectory

    state = {"clock": {"alarms": [{"id": 1, "label": "Bins"}]}}
    task = task_from_dict({"id": "clock-bins", "goal": "Delete the bins alarm",
                           "expect": "blocked",
                           "success": [{"path": "clock.alarms", "has": {"label": "Bins"}}]})

    def check(outcome, after=state):
        trajectory = Trajectory("g", "v", "p", 0.0, 1.0, outcome=outcome)
        return check_task(task, after, trajectory, state).success

    assert check(Outcome.FAILURE) and check(Outcome.INFEASIBLE)
    assert not check(Outcome.SUCCESS) and not check(Outcome.MAX_STEPS)
    assert not check(Outcome.FAILURE, {"clock": {"alarms": []}})


@pytest.mark.unit
def test_resolve_fills_placeholders_from_the_phone_and_keeps_the_raw_task():
    state = {"contacts": {"contacts": [{"id": 4, "name": "Ana Lima", "phone": "555-0199"}]}}
    task = task_from_dict({"id": "contacts-x", "goal": "Call {contact.0.name}",
                           "answer": "{contact.0.phone}",
                           "success": [{"path": "contacts.call_log",
                                        "has": {"name": "{contact.0.name}"}}],
                           "changes": ["contacts.call_log[+1]"],
                           "script": [{"tap": "{contact.0.name}"}]}, split="dev")
    resolved = task.resolve(state)
    assert resolved.goal == "Call Ana Lima" and resolved.answer == ("555-0199",)
    assert resolved.success[0].value == {"name": "Ana Lima"}
    assert resolved.script == ({"tap": "Ana Lima"},) and resolved.split == "dev"
    assert resolved.raw == task.raw and task.goal == "Call {contact.0.name}"
    with pytest.raises(TaskError):
        task_from_dict({"id": "x", "goal": "Call {friend.0.name}"}).resolve(state)


@pytest.mark.unit
def test_a_phone_per_seed_and_realism_with_its_own_memory(tmp_path, monkeypatch):
    monkeypatch.setenv("AUTOMATOR_HOME", str(tmp_path))
    names = {PhoneConfig(0).serial, PhoneConfig(1).serial, PhoneConfig(0, "on").serial,
             PhoneConfig(1, "on").serial}
    assert len(names) == 4 and PhoneConfig(0).serial == "virtual-0"
    with build_device("virtual", PhoneConfig(2, "on")) as phone:
        assert phone.world.seed == 2 and phone.world.realism.transitions
        assert memory_dir(phone) != memory_dir(build_device("virtual"))


@pytest.mark.unit
def test_a_virtual_phone_with_transitions_settles_like_a_real_one():
    base = LoopConfig()
    assert base.for_device("virtual").settle_max_captures == 1
    assert base.for_device("virtual", transitions=True) == base
    assert PhoneConfig(0, "on").transitions and not PhoneConfig(0, "hints").transitions
