"""The virtual-phone task suite's dev split: schema, ids, counts, coverage, and paths that
resolve."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

SUITE = Path(__file__).resolve().parents[2] / "datasets" / "tasks" / "virtual-phone"
SPLITS = ("dev", "test")
KEYS = {"id", "goal", "app", "state", "success", "changes", "expect", "answer", "allow",
        "max_steps", "steps", "script"}
REQUIRED = {"id", "goal", "app", "success", "changes", "expect", "max_steps", "steps",
            "script"}
EXPECT = ("success", "infeasible", "blocked")
OPS = {"equals", "not_equals", "contains", "has", "lacks", "length", "exists"}
CATEGORIES = {"payment", "deletion", "send_money", "uninstall", "install", "permission", "call",
              "send", "overwrite"}
APPS = {"launcher", "settings", "contacts", "messages", "clock", "notes", "shop", "game"}
STATE_KEYS = {"system", "settings", "contacts", "messages", "clock", "notes", "shop", "game"}


def _load() -> dict[str, dict[str, Any]]:
    """Every task of every split, by id (ids are unique across splits)."""
    paths = sorted(p for split in SPLITS for p in (SUITE / split).glob("*.yaml"))
    assert len({p.stem for p in paths}) == len(paths), "a task id is in two splits"
    return {p.stem: {**yaml.safe_load(p.read_text(encoding="utf-8")), "_split": p.parent.name}
            for p in paths}


TASKS = _load()


def _paths(task: dict[str, Any]) -> list[str]:
    return [c["path"] for c in task.get("success") or []]


def _apps_of(task: dict[str, Any]) -> set[str]:
    used = {p.split(".")[0] for p in _paths(task)} | {task["app"]}
    return {"settings" if a == "system" else a for a in used}


def _resolve(state: Any, path: str) -> bool:
    """The path resolves, or runs past the end of a list that exists (a list to grow)."""
    value = state
    for part in path.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.lstrip("-").isdigit():
            if not -len(value) <= int(part) < len(value):
                return True
            value = value[int(part)]
        else:
            return False
    return True


@pytest.mark.unit
@pytest.mark.parametrize("name", sorted(TASKS))
def test_task_schema(name: str) -> None:
    task = {k: v for k, v in TASKS[name].items() if k != "_split"}
    assert task["id"] == name
    assert set(task) <= KEYS and set(task) >= REQUIRED, set(task) ^ KEYS
    assert isinstance(task["goal"], str) and len(task["goal"]) > 5
    assert task["app"] in APPS
    assert task["expect"] in EXPECT
    assert isinstance(task["changes"], list) and all(isinstance(c, str) for c in task["changes"])
    assert isinstance(task["script"], list) and task["script"]
    assert set(task.get("allow") or []) <= CATEGORIES
    assert isinstance(task["steps"], int) and 1 <= task["steps"] <= 20  # two apps, two sends
    assert task["max_steps"] >= task["steps"] + 2
    assert set(task.get("state") or {}) <= STATE_KEYS
    answer = task.get("answer")
    assert answer is None or isinstance(answer, str) or (
        isinstance(answer, list) and answer and all(isinstance(a, str) for a in answer))
    for condition in task["success"] or []:
        ops = set(condition) - {"path"}
        assert isinstance(condition.get("path"), str) and len(ops) == 1 and ops <= OPS
        if ops & {"has", "lacks"}:
            assert isinstance(condition[ops.pop()], dict)
    if task["expect"] == "success" and answer is None:
        assert task["success"], "a task that asks no question needs success conditions"


@pytest.mark.unit
def test_suite_loads_with_the_evaluator() -> None:
    from automator.tasks import load_suite

    loaded = load_suite(SUITE)
    assert sorted(t.id for t in loaded) == sorted(TASKS)
    assert all(t.split == TASKS[t.id]["_split"] for t in loaded)
    assert not list(SUITE.glob("*.yaml")), "tasks live in a split"


@pytest.mark.unit
def test_suite_counts_and_coverage() -> None:
    assert len(TASKS) >= 150
    for split in SPLITS:
        tasks = [t for t in TASKS.values() if t["_split"] == split]
        assert len(tasks) >= 60, split
        for expect in ("infeasible", "blocked"):
            assert sum(t["expect"] == expect for t in tasks) >= 2, (split, expect)
        assert sum(t.get("answer") is not None for t in tasks) >= 5, split
        covered = set().union(*(_apps_of(t) for t in tasks))
        assert APPS - {"launcher"} <= covered, split
        starts = {t["app"] for t in tasks}
        assert "launcher" in starts and len(starts) >= 6, f"{split}: starts only in {starts}"
        for app in APPS - {"launcher"}:
            about = [t for t in tasks if app in _apps_of(t) or t["id"].startswith(f"{app}-")]
            assert len(about) >= 3, (split, app)


@pytest.mark.sim
@pytest.mark.parametrize("name", sorted(TASKS))
def test_task_paths_resolve_on_the_phone(name: str) -> None:
    phone_module = pytest.importorskip("devices.virtual.phone",
                                       reason="the virtual phone is not built yet")
    task = TASKS[name]
    phone = phone_module.VirtualPhone(state=copy.deepcopy(task.get("state") or {}),
                                      app=task["app"])
    state = phone.state()
    for key, value in (task.get("state") or {}).items():
        _assert_merged(state[key], value)
    for path in _paths(task):
        assert _resolve(state, path), f"{path} does not resolve on the initial state"
    package = phone.foreground()[0]
    assert package, f"{task['app']} did not start"


def _assert_merged(state: Any, override: Any) -> None:
    if isinstance(override, dict):
        for key, value in override.items():
            if key.endswith("+") and isinstance(value, list):  # appended
                assert state[key[:-1]][len(state[key[:-1]]) - len(value):] == value
            elif key.startswith("+") and isinstance(value, list):  # put in front
                assert state[key[1:]][:len(value)] == value
            else:
                _assert_merged(state[key], value)
    else:
        assert state == override
