"""The floor of a suite: what an agent that does nothing scores on it.

Two agents that never touch the phone: one gives up at step 0 (`failure`), one says
"infeasible" at step 0. Each is checked like any agent, task by task on every phone of the
eval, against the phone's unchanged initial state, so the figures follow the suite's real
checks (a question answered by nobody, an infeasible task, a condition that already holds)
rather than a count of task kinds. A rate near the floor means the agent did nothing useful.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from automator.config import PhoneConfig
from automator.scoring import Rate, rate_of
from automator.tasks import Task, check_task
from automator.trajectory import Outcome, Trajectory

FLOOR_AGENTS: dict[str, tuple[Outcome, str]] = {
    "give_up": (Outcome.FAILURE, "the planner gave up"),
    "infeasible": (Outcome.INFEASIBLE, "the planner found the goal infeasible"),
}


@dataclass(frozen=True)
class Floor:
    give_up: Rate  # always gives up at step 0
    infeasible: Rate  # always says infeasible at step 0

    def to_dict(self) -> dict[str, object]:
        return {"give_up": self.give_up.to_dict(), "infeasible": self.infeasible.to_dict()}


def _idle_trajectory(task: Task, device: str, outcome: Outcome, reason: str) -> Trajectory:
    return Trajectory(task.goal, device, f"floor:{outcome}", 0.0, 0.0, outcome=outcome,
                      reason=reason)


def idle_checks(task: Task, phone: PhoneConfig) -> dict[str, bool]:
    """Whether each idle agent passes the task on a fresh phone."""
    device = phone.phone(state=task.state, app=task.app)
    with device:
        initial = device.state()  # type: ignore[attr-defined]
    resolved = task.resolve(initial)
    passed = {}
    for agent, (outcome, reason) in FLOOR_AGENTS.items():
        trajectory = _idle_trajectory(resolved, phone.serial, outcome, reason)
        passed[agent] = check_task(resolved, initial, trajectory, initial).success
    return passed


def floor(tasks: Iterable[Task], phones: Iterable[PhoneConfig]) -> Floor:
    """Both idle agents' rates over every (task, phone) pair."""
    checks = [idle_checks(t, p) for t in tasks for p in phones]
    return Floor(give_up=rate_of(c["give_up"] for c in checks),
                 infeasible=rate_of(c["infeasible"] for c in checks))
