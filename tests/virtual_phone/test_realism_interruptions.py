"""Interruptions: on chosen seeds something pops up, and a person's way of dismissing it works.

Seed 7 (interruptions on) prompts for Settings' notification permission when Settings first
opens, drops a heads-up notification after the 4th input and shows Shop's "what's new" sheet;
seed 6 asks to rate Clock after the 6th input in it. `plan` is pinned here so that a change
of the draw shows up as this test's failure, not as a mystery in the others.
"""

from __future__ import annotations

import pytest
from phone_helpers import center, find, nodes, tap_node

from devices.actions import Key, PressKey
from devices.virtual import VirtualPhone
from devices.virtual.interruptions import Kind, plan
from devices.virtual.realism import Realism
from devices.virtual.world import World

pytestmark = pytest.mark.sim
PERMISSION = "com.google.android.permissioncontroller"
SYSTEM_UI = "com.android.systemui"


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _phone(seed: int, clock: FakeClock | None = None) -> VirtualPhone:
    return VirtualPhone(seed=seed, realism="interruptions", clock=clock or FakeClock())


def _texts(phone: VirtualPhone) -> set[str]:
    return {n["text"] for n in nodes(phone.dump_hierarchy())}


def _heads_up(phone: VirtualPhone) -> dict[str, str] | None:
    return find(phone, resource_id=f"{SYSTEM_UI}:id/heads_up")


def test_the_plan_of_the_chosen_seeds() -> None:
    kinds7 = {(p.kind, p.app) for p in plan(World(7, Realism.on()))}
    assert {(Kind.PERMISSION, "settings"), (Kind.WHATS_NEW, "shop")} <= kinds7
    assert (Kind.RATING, "clock") in {(p.kind, p.app) for p in plan(World(6, Realism.on()))}
    assert all(plan(World(s)) == () for s in range(20))  # realism off: never


def test_a_permission_prompt_appears_once_and_dismissing_it_changes_no_state() -> None:
    phone = _phone(7)
    before = phone.screenshot()
    phone.start_app("settings")
    prompt = find(phone, package=PERMISSION, text="Allow Settings to send you notifications?")
    assert prompt is not None
    deny = find(phone, package=PERMISSION, text="Don't allow")
    assert deny is not None  # AOSP's ids under Google's package, as on a Pixel:
    assert deny["resource-id"] == "com.android.permissioncontroller:id/permission_deny_button"
    state = phone.state()
    shot = phone.screenshot()
    assert shot.tobytes() != before.tobytes()
    tap_node(phone, text="Don't allow")
    assert find(phone, package=PERMISSION) is None
    assert phone.state() == state
    phone.execute(PressKey(Key.HOME))
    phone.start_app("settings")
    assert find(phone, package=PERMISSION) is None  # at most once a session


def test_a_heads_up_goes_after_a_few_seconds() -> None:
    clock = FakeClock()
    phone = _phone(8, clock)  # seed 8: only a heads-up, after the 5th input
    for _ in range(5):
        phone.execute(PressKey(Key.HOME))
    node = _heads_up(phone)
    assert node is not None and node["package"] == SYSTEM_UI
    assert "Your memories from this week are ready" in _texts(phone)
    clock.now += 4.9
    assert _heads_up(phone) is not None
    clock.now += 0.2
    assert _heads_up(phone) is None


def test_a_heads_up_goes_on_a_swipe_up_or_on_back() -> None:
    phone = _phone(8)
    for _ in range(5):
        phone.execute(PressKey(Key.HOME))
    node = _heads_up(phone)
    assert node is not None
    x, y = center(node)
    phone.swipe(x, y, x, 30)
    assert _heads_up(phone) is None
    other = _phone(8)
    other.start_app("settings")
    for _ in range(4):
        other.swipe(540, 1500, 540, 1400)
    assert _heads_up(other) is not None
    other.execute(PressKey(Key.BACK))
    assert _heads_up(other) is None
    assert other.foreground()[0] == "com.android.settings"  # Back closed only the heads-up


def test_a_whats_new_sheet_goes_on_got_it() -> None:
    phone = _phone(7)
    phone.start_app("settings")
    tap_node(phone, text="Allow")
    phone.start_app("shop")
    assert "What's new in Shop" in _texts(phone)
    state = phone.state()
    tap_node(phone, text="Got it")
    assert "What's new in Shop" not in _texts(phone)
    assert phone.state() == state


def test_a_rating_request_comes_after_inputs_in_the_app_and_goes_on_not_now() -> None:
    phone = _phone(6)
    phone.start_app("clock")
    tap_node(phone, text="Don't allow")  # seed 6 also asks for Clock's notifications
    for _ in range(8):  # seed 6 drops a heads-up on the way, too: swipe it off
        heads_up = _heads_up(phone)
        if heads_up is not None:
            x, y = center(heads_up)
            phone.swipe(x, y, x, 30)
        if "Enjoying Clock?" in _texts(phone):
            break
        phone.swipe(540, 1500, 540, 1400)
    assert "Enjoying Clock?" in _texts(phone)
    state = phone.state()
    tap_node(phone, text="Not now")
    assert "Enjoying Clock?" not in _texts(phone)
    assert phone.state() == state


def test_interruptions_are_the_same_for_a_seed() -> None:
    looks = []
    for _ in range(2):
        phone = _phone(7)
        phone.start_app("settings")
        looks.append((phone.dump_hierarchy(), phone.screenshot().tobytes()))
    assert looks[0] == looks[1]
