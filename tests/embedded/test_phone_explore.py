"""Exploration of the virtual phone and a few goals carried out by a minimal loop."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, with_target
from devices.virtual import VirtualPhone
from perception import perceive
from planners.embedded import AppMemory, EmbeddedPlanner, explore
from planners.embedded.memory import signature_of
from planners.planner import PastStep

pytestmark = [pytest.mark.sim, pytest.mark.slow]


@pytest.fixture(scope="module")
def memory(encoder) -> AppMemory:
    return explore(VirtualPhone(), AppMemory(), budget=80, encoder=encoder)


def test_every_app_has_pages_and_transitions(memory):
    phone = VirtualPhone()
    home = {a.package for a in phone.apps()} - {a["package"] for a in memory.apps.values()}
    assert len(home) == 1  # only the home screen is left out
    for label, app in memory.apps.items():
        pages = [s for s, r in memory.screens.items() if r.app == app["package"]]
        assert app["entry"] in memory.screens, label
        if len(pages) > 1:
            assert any(t.source in pages for t in memory.transitions), label
    assert len(memory.screens) >= len(memory.apps) + 5
    assert memory.matrix.shape == (len(memory.texts), 384)


def test_memory_survives_disk(memory, tmp_path):
    memory.save(tmp_path)
    loaded = AppMemory.load(tmp_path)
    assert set(loaded.screens) == set(memory.screens)
    assert loaded.transitions == memory.transitions


def _run(planner: EmbeddedPlanner, phone: VirtualPhone, goal: str, steps: int = 10) -> Finish:
    history: list[PastStep] = []
    for _ in range(steps):
        screen = perceive(phone.capture())
        decision = planner.decide(goal, screen, history)
        action = decision.action
        if isinstance(action, Finish):
            return action
        target = getattr(action, "target", None)
        if isinstance(target, ElementRef):
            action = with_target(action, screen.element(target.id).bounds.center)
        phone.execute(action)
        history.append(PastStep(decision.action, thought=decision.thought, app=screen.app,
                                screen_signature=signature_of(screen)))
    raise AssertionError(f"{goal!r} not finished in {steps} steps")


@pytest.mark.parametrize(("goal", "key"), [("Turn on Bluetooth", "bluetooth"),
                                           ("Enable dark theme", "dark_mode")])
def test_toggle_goal_changes_the_phone(memory, encoder, goal, key):
    phone = VirtualPhone()
    planner = EmbeddedPlanner(memory, encoder=encoder)
    assert phone.state()["system"][key] is False
    result = _run(planner, phone, goal)
    assert result.status is FinishStatus.SUCCESS
    assert phone.state()["system"][key] is True


def test_infeasible_goal_is_reported(memory, encoder):
    planner = EmbeddedPlanner(memory, encoder=encoder)
    result = _run(planner, VirtualPhone(), "Turn on 5G mmWave", steps=3)
    assert result.status is FinishStatus.INFEASIBLE

