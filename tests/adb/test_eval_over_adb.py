"""A suite run over the adb protocol ends exactly as the same suite in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from automator.evaluate import evaluate
from devices.actions import ElementRef, Finish, FinishStatus, OpenApp, Tap
from planners.scripted import ScriptedPlanner

TASKS = {
    "wifi-on": """
goal: Turn on Wi-Fi
app: launcher
state: {system: {wifi: false}}
success: [{path: system.wifi, equals: true}]
changes: [system.wifi, system.wifi_network]
max_steps: 8
""",
    "dark-theme": """
goal: Turn on dark theme
app: settings
success: [{path: system.dark_mode, equals: true}]
changes: [system.dark_mode]
max_steps: 8
""",
    "impossible": """
goal: Turn on the jetpack
app: launcher
expect: infeasible
success: []
max_steps: 4
""",
}
ROUTES = {  # labels to tap in order, after opening Settings
    "Turn on Wi-Fi": ["Network & internet", "Wi-Fi"],
    "Turn on dark theme": ["Display", "Dark theme"],
}


def _follow_labels(goal, screen, history):
    """Open Settings, then tap each label of the goal's route once; finish when done."""
    route = ROUTES.get(goal)
    if route is None:
        return Finish(FinishStatus.INFEASIBLE, "no such thing")
    if not history:
        return OpenApp("Settings")
    done = len(history) - 1
    if done >= len(route):
        return Finish()
    matches = [e for e in screen.elements if e.label.startswith(route[done])]
    return Tap(ElementRef(matches[0].id)) if matches else Finish(FinishStatus.INFEASIBLE)


def _suite(tmp_path: Path) -> Path:
    suite = tmp_path / "suite"
    suite.mkdir()
    for name, body in TASKS.items():
        (suite / f"{name}.yaml").write_text(f"id: {name}\n{body}", encoding="utf-8")
    return suite


@pytest.mark.sim
def test_same_outcomes_in_process_and_over_adb(tmp_path: Path):
    suite = _suite(tmp_path)
    runs = {
        over_adb: evaluate(suite, lambda device, task: ScriptedPlanner(_follow_labels),
                           tmp_path / f"out-{over_adb}", over_adb=over_adb)
        for over_adb in (False, True)
    }
    outcomes = {k: [(t.id, t.outcome, t.success, t.steps) for t in s.tasks]
                for k, s in runs.items()}
    assert outcomes[False] == outcomes[True]
    assert runs[True].success_rate == 1.0
