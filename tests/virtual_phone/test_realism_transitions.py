"""Transitions: right after a change the old screen, then the new one half-drawn, then settled.

Time is a fake clock the test moves by hand; nothing sleeps.
"""

from __future__ import annotations

import pytest
from phone_helpers import nodes, tap_node

from devices.actions import Key, PressKey, Wait
from devices.virtual import VirtualPhone

pytestmark = pytest.mark.sim
STEP = 0.02  # s between looks when sweeping a transition


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _look(phone: VirtualPhone) -> tuple[bytes, str]:
    obs = phone.capture()
    return obs.screenshot.tobytes(), obs.tree


def _phases(phone: VirtualPhone, clock: FakeClock, old: tuple[bytes, str]) -> list[str]:
    """What each look shows from now on, every STEP s for 1 s."""
    start, seen = clock.now, []
    for i in range(int(1 / STEP) + 1):
        clock.now = start + i * STEP
        look = _look(phone)
        if look == old:
            seen.append("old")
        elif any(n["class"] == "android.widget.ProgressBar" for n in nodes(look[1])):
            seen.append("partial")
        else:
            seen.append("settled")
    return seen


def _runs(seen: list[str]) -> list[str]:
    return [p for i, p in enumerate(seen) if i == 0 or seen[i - 1] != p]


def _settings(seed: int = 0, realism: str = "transitions") -> tuple[VirtualPhone, FakeClock]:
    clock = FakeClock()
    phone = VirtualPhone(seed=seed, realism=realism, clock=clock, app="settings")
    return phone, clock


def test_a_capture_right_after_a_tap_shows_the_old_screen_then_a_spinner_then_the_page() -> None:
    phone, clock = _settings()
    old = _look(phone)
    tap_node(phone, text="Network & internet")
    assert phone.foreground()[1] != "com.android.settings.MainActivity"  # state: at once
    seen = _phases(phone, clock, old)
    assert seen[0] == "old"
    assert _runs(seen) == ["old", "partial", "settled"]
    assert 0.1 <= seen.index("settled") * STEP <= 0.82
    tidy = VirtualPhone(app="settings")
    tap_node(tidy, text="Network & internet")
    assert _look(phone) == _look(tidy)  # settled: exactly the tidy phone's page


def test_the_half_drawn_frame_has_a_spinner_in_its_empty_list() -> None:
    phone, clock = _settings()
    old = _look(phone)
    tap_node(phone, text="Network & internet")
    pixels, xml = old
    while (pixels, xml) == old:
        clock.now += STEP
        pixels, xml = _look(phone)
    spinners = [n for n in nodes(xml) if n["class"] == "android.widget.ProgressBar"]
    assert spinners and all(n["package"] == "com.android.settings" for n in spinners)
    clock.now += 1
    assert pixels != _look(phone)[0] and pixels != old[0]


def test_state_changes_at_once_and_a_wait_lets_the_screen_settle() -> None:
    phone, _clock = _settings()
    before = phone.state()
    old = _look(phone)
    phone.execute(PressKey(Key.BACK))
    assert phone.foreground()[0] == "com.google.android.apps.nexuslauncher"
    assert _look(phone) == old  # still drawn: the old screen
    assert phone.state()["foreground"] == "com.google.android.apps.nexuslauncher"
    assert before["system"] == phone.state()["system"]
    phone.execute(Wait(1.0))  # the clock did not move; the wait is time all the same
    assert _look(phone) != old
    assert not any(n["class"] == "android.widget.ProgressBar" for n in nodes(_look(phone)[1]))


def test_opening_an_app_and_a_dialog_are_transitions_too() -> None:
    clock = FakeClock()
    phone = VirtualPhone(realism="transitions", clock=clock)
    home = _look(phone)
    phone.start_app("settings")
    assert _look(phone) == home
    clock.now += 1
    settled = _look(phone)
    assert settled != home
    phone.execute(PressKey(Key.RECENTS))
    assert _look(phone) == settled
    clock.now += 1
    assert _look(phone) != settled


def _switch_times(seed: int) -> list[int]:
    phone, clock = _settings(seed)
    old = _look(phone)
    tap_node(phone, text=dict(phone.world.variant.settings_titles)["network"])
    seen = _phases(phone, clock, old)
    return [i for i in range(1, len(seen)) if seen[i] != seen[i - 1]]


def test_transitions_are_the_same_for_a_seed_and_differ_between_seeds() -> None:
    assert _switch_times(3) == _switch_times(3)
    assert len({tuple(_switch_times(s)) for s in range(1, 6)}) > 1


def test_the_tidy_phone_never_lags() -> None:
    phone, clock = _settings(realism="off")
    old = _look(phone)
    tap_node(phone, text="Network & internet")
    assert _runs(_phases(phone, clock, old)) == ["settled"]


def test_two_changes_without_a_look_between_start_from_the_screen_between() -> None:
    clock = FakeClock()
    phone = VirtualPhone(realism="transitions", clock=clock, app="settings")
    phone.execute(PressKey(Key.HOME))
    clock.now += 1
    home = VirtualPhone(realism="off")
    phone.start_app("notes")  # nothing looked at the home screen, yet it was shown
    assert _look(phone) == _look(home)
