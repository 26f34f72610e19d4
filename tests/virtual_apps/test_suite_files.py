"""The virtual-phone task suite: schema, ids, counts, coverage, and paths that resolve."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

SUITE = Path(__file__).resolve().parents[2] / "datasets" / "tasks" / "virtual-phone"
KEYS = {"id", "goal", "app", "state", "success", "expect", "answer", "allow", "max_steps",
        "steps", "changes", "script"}
REQUIRED = {"id", "goal", "app", "success", "expect", "max_steps", "steps", "changes"}
OPS = {"equals", "not_equals", "contains", "has", "lacks", "length", "exists"}
CATEGORIES = {"payment", "deletion", "send_money", "uninstall", "permission"}
APPS = {"launcher", "settings", "contacts", "messages", "clock", "notes", "shop", "game"}
STATE_KEYS = {"system", "settings", "contacts", "messages", "clock", "notes", "shop", "game"}


def _load() -> dict[str, dict[str, Any]]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted(SUITE.glob("*.yaml"))}  # the top folder; splits: tests/suite


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
    task = TASKS[name]
    assert isinstance(task, dict) and task["id"] == name
    assert set(task) <= KEYS and set(task) >= REQUIRED, set(task) ^ KEYS
    assert isinstance(task["goal"], str) and len(task["goal"]) > 5
    assert task["app"] in APPS
    assert task["expect"] in ("success", "infeasible", "blocked")
    assert set(task.get("allow") or []) <= CATEGORIES
    assert isinstance(task["steps"], int) and 1 <= task["steps"] <= 10
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
    assert isinstance(task["changes"], list) and all(isinstance(c, str) for c in task["changes"])
    if answer is not None or task["expect"] != "success":
        assert task["changes"] == [], "a question or an infeasible request changes nothing"
    if task["expect"] == "success" and answer is None:
        assert task["success"], "a task that asks no question needs success conditions"


@pytest.mark.unit
def test_suite_loads_with_the_evaluator() -> None:
    tasks = pytest.importorskip("automator.tasks", reason="the evaluator module is missing")
    loaded = tasks.load_suite(SUITE)
    assert [t.id for t in loaded if not t.split] == sorted(TASKS)
    assert {t.split for t in loaded} <= {"", "dev", "test"}


@pytest.mark.unit
def test_suite_counts_and_coverage() -> None:
    tasks = list(TASKS.values())
    assert len(tasks) >= 45
    assert sum(t["expect"] == "infeasible" for t in tasks) >= 5
    assert sum(t.get("answer") is not None for t in tasks) >= 5
    covered = set().union(*(_apps_of(t) for t in tasks))
    assert APPS - {"launcher"} <= covered
    assert {t["app"] for t in tasks} >= APPS, "every app is also a starting point"
    difficulties = {t["steps"] for t in tasks}
    assert 1 in difficulties and max(difficulties) >= 10
    for app in APPS - {"launcher"}:
        assert sum(app in _apps_of(t) for t in tasks) >= 3, app


@pytest.mark.sim
@pytest.mark.parametrize("name", sorted(TASKS))
def test_task_paths_resolve_on_the_phone(name: str) -> None:
    phone_module = pytest.importorskip("devices.virtual.phone",
                                       reason="the virtual phone is not built yet")
    task = TASKS[name]
    phone = phone_module.VirtualPhone(state=task.get("state") or {}, app=task["app"])
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
            _assert_merged(state[key], value)
    else:
        assert state == override
