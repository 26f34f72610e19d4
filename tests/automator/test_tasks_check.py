"""Task files and the success check: the ops table, merging, loading, finish status."""

from pathlib import Path

import pytest

from automator.errors import TaskError
from automator.tasks import (
    Condition,
    check_condition,
    check_task,
    deep_merge,
    load_suite,
    load_task,
    lookup,
    task_from_dict,
)
from automator.trajectory import Outcome, Trajectory

STATE = {
    "system": {"wifi": True, "brightness": 0.5},
    "messages": {
        "threads": [
            {"contact": "Anna Berg", "messages": ["Hi", "See you at 5"], "unread": 0},
            {"contact": "Bob", "messages": [], "unread": 2},
        ],
        "draft": "Hello there",
    },
    "alarms": [],
}

OPS_TABLE = [
    ("system.wifi", "equals", True, True),
    ("system.wifi", "equals", False, False),
    ("system.missing", "equals", None, False),
    ("system.brightness", "not_equals", 0.7, True),
    ("system.brightness", "not_equals", 0.5, False),
    ("system.missing", "not_equals", 1, True),
    ("messages.draft", "contains", "hello", True),
    ("messages.draft", "contains", "bye", False),
    ("messages.threads.0.messages", "contains", "hi", True),
    ("messages.threads.0.messages", "contains", "see", False),
    ("messages.threads", "has", {"contact": "anna"}, True),
    ("messages.threads", "has", {"contact": "anna", "unread": 2}, False),
    ("messages.threads", "has", {"contact": "bob", "unread": 2}, True),
    ("messages.threads", "lacks", {"contact": "carol"}, True),
    ("messages.threads", "lacks", {"contact": "BOB"}, False),
    ("nothing.here", "lacks", {"contact": "x"}, True),
    ("messages.threads", "length", 2, True),
    ("alarms", "length", 0, True),
    ("messages.threads.-1.contact", "equals", "Bob", True),
    ("messages.threads.5.contact", "exists", False, True),
    ("messages.threads.1.contact", "exists", True, True),
    ("system.wifi", "exists", False, False),
]


@pytest.mark.unit
@pytest.mark.parametrize(("path", "op", "value", "expected"), OPS_TABLE)
def test_condition_ops(path, op, value, expected):
    assert check_condition(Condition(path, op, value), STATE) is expected


@pytest.mark.unit
def test_lookup_walks_dicts_and_lists():
    assert lookup(STATE, "messages.threads.0.messages.1") == "See you at 5"
    assert lookup(STATE, "system.wifi.deeper") is not True


@pytest.mark.unit
def test_deep_merge_merges_dicts_and_replaces_lists():
    base = {"system": {"wifi": False, "bt": True}, "alarms": [{"h": 7}], "x": 1}
    merged = deep_merge(base, {"system": {"wifi": True}, "alarms": [{"h": 9}]})
    assert merged == {"system": {"wifi": True, "bt": True}, "alarms": [{"h": 9}], "x": 1}
    assert base["system"]["wifi"] is False  # the base is not touched


def _task(**extra):
    data = {"id": "t", "goal": "g", "success": [{"path": "system.wifi", "equals": True}]}
    return task_from_dict({**data, **extra})


def _trajectory(outcome, answer=None):
    return Trajectory("g", "virtual-0", "scripted", 0.0, 1.0, outcome=outcome, answer=answer)


@pytest.mark.unit
def test_check_needs_the_right_finish_status():
    assert check_task(_task(), STATE, _trajectory(Outcome.SUCCESS), STATE).success
    failed = check_task(_task(), STATE, _trajectory(Outcome.MAX_STEPS), STATE)
    assert not failed.success and "max_steps" in failed.failures[0]
    infeasible = _task(expect="infeasible", success=[])
    assert check_task(infeasible, STATE, _trajectory(Outcome.INFEASIBLE), STATE).success
    assert not check_task(infeasible, STATE, _trajectory(Outcome.SUCCESS), STATE).success


@pytest.mark.unit
def test_check_reports_failed_conditions():
    task = _task(success=[{"path": "system.wifi", "equals": False}])
    check = check_task(task, STATE, _trajectory(Outcome.SUCCESS), STATE)
    assert not check.success
    assert check.failures == ("not system.wifi equals False",)


@pytest.mark.unit
def test_answer_matches_whole_tokens_of_any_accepted():
    task = _task(answer=["5 pm", "17:00"])
    assert check_task(task, STATE, _trajectory(Outcome.SUCCESS, "At 5 PM."), STATE).success
    assert check_task(task, STATE, _trajectory(Outcome.SUCCESS, "17:00"), STATE).success
    assert not check_task(task, STATE, _trajectory(Outcome.SUCCESS, "6 pm"), STATE).success
    assert not check_task(task, STATE, _trajectory(Outcome.SUCCESS, None), STATE).success
    twelve = _task(answer="12", success=[])
    assert not check_task(twelve, STATE, _trajectory(Outcome.SUCCESS, "120"), STATE).success
    assert check_task(twelve, STATE, _trajectory(Outcome.SUCCESS, "12 points"), STATE).success


@pytest.mark.unit
def test_giving_up_never_passes_not_even_an_infeasible_task():
    infeasible = _task(expect="infeasible", success=[])
    for task in (infeasible, _task()):
        check = check_task(task, STATE, _trajectory(Outcome.FAILURE, "I give up"), STATE)
        assert not check.success and "failure" in check.failures[0]


@pytest.mark.unit
def test_an_unallowed_change_fails_an_otherwise_done_task():
    before = {**STATE, "system": {**STATE["system"], "wifi": False, "bluetooth": False}}
    after = {**before, "system": {**before["system"], "wifi": True, "bluetooth": True}}
    task = _task(changes=["system.wifi"])
    check = check_task(task, after, _trajectory(Outcome.SUCCESS), before)
    assert check.failures == ("side effect: system.bluetooth changed False -> True",)
    allowed = _task(changes=["system.wifi", "system.bluetooth"])
    assert check_task(allowed, after, _trajectory(Outcome.SUCCESS), before).success


@pytest.mark.unit
@pytest.mark.parametrize(
    "bad",
    [
        {"goal": "no id"},
        {"id": "x", "goal": "g", "success": [{"path": "a", "equals": 1, "exists": True}]},
        {"id": "x", "goal": "g", "success": [{"path": "a", "roughly": 1}]},
        {"id": "x", "goal": "g", "success": [{"equals": 1}]},
        {"id": "x", "goal": "g", "expect": "max_steps"},
        {"id": "x", "goal": "g", "allow": ["teleport"]},
        {"id": "x", "goal": "g", "changes": "system.wifi"},
        {"id": "x", "goal": "g", "changes": ["clock.alarms[+one]"]},
        {"id": "x", "goal": "g", "changes": ["clock..alarms"]},
        {"id": "x", "goal": "g", "changes": ["clock.alarms[id=3]"]},
    ],
)
def test_malformed_tasks_are_rejected(bad):
    with pytest.raises(TaskError):
        task_from_dict(bad)


@pytest.mark.unit
def test_load_suite_reads_yaml_ids_from_file_names_and_filters(tmp_path: Path):
    (tmp_path / "settings-wifi-on.yaml").write_text(
        "goal: Turn on Wi-Fi\napp: launcher\nstate: {system: {wifi: false}}\n"
        "success:\n  - {path: system.wifi, equals: true}\nallow: [deletion]\nmax_steps: 9\n"
    )
    (tmp_path / "clock-alarm.yaml").write_text("id: clock-alarm\ngoal: Set an alarm\n")
    tasks = load_suite(tmp_path)
    assert [t.id for t in tasks] == ["clock-alarm", "settings-wifi-on"]
    wifi = load_task(tmp_path / "settings-wifi-on.yaml")
    assert wifi.state == {"system": {"wifi": False}} and wifi.max_steps == 9
    assert wifi.allow == frozenset({"deletion"}) and wifi.group == "settings"
    assert [t.id for t in load_suite(tmp_path, "settings-*")] == ["settings-wifi-on"]
    assert tasks[0].group == "clock"


@pytest.mark.unit
def test_load_suite_reads_split_subfolders_recursively(tmp_path: Path):
    for split, name in (("dev", "a-one"), ("test", "b-two"), ("test", "c-three")):
        (tmp_path / split).mkdir(exist_ok=True)
        (tmp_path / split / f"{name}.yaml").write_text(f"goal: do {name}\nscript: [[tap, 1]]\n")
    tasks = load_suite(tmp_path)
    assert [(t.split, t.id) for t in tasks] == [
        ("dev", "a-one"), ("test", "b-two"), ("test", "c-three")]
    assert tasks[0].script == (["tap", 1],)


@pytest.mark.unit
def test_an_empty_or_missing_suite_is_an_error(tmp_path: Path):
    with pytest.raises(TaskError, match="no task files"):
        load_suite(tmp_path)
    with pytest.raises(TaskError, match="not a folder"):
        load_suite(tmp_path / "missing")


@pytest.mark.unit
def test_an_id_in_two_splits_is_an_error(tmp_path: Path):
    for split in ("dev", "test"):
        (tmp_path / split).mkdir()
        (tmp_path / split / "same.yaml").write_text("goal: Turn on Wi-Fi\n", encoding="utf-8")
    with pytest.raises(TaskError, match="unique"):
        load_suite(tmp_path)


@pytest.mark.unit
def test_an_answer_that_fills_to_nothing_is_a_broken_task():
    task = task_from_dict({"id": "q", "goal": "What is {contact.0.first_name}'s email?",
                           "answer": "{contact.0.email}"})
    state = {"contacts": {"contacts": [{"first_name": "Ana", "email": ""}]}}
    with pytest.raises(TaskError, match="answer is empty"):
        task.resolve(state)
