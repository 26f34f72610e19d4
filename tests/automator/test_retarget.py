"""The element matcher and the screen comparison of a replay, on small screens."""

from __future__ import annotations

import pytest

from automator.retarget import SAME_SCREEN, Wanted, find, screen_similarity
from perception.elements import Bounds, Screen, UIElement

W, H = 1080, 2400


def el(i: int, role: str, box: tuple[int, int, int, int], text: str = "", rid: str = "",
       desc: str = "", **states: bool) -> UIElement:
    return UIElement(i, role, Bounds(*box), text=text, resource_id=rid, description=desc,
                     package="com.example", clickable=True, **states)


def screen(*elements: UIElement) -> Screen:
    return Screen(W, H, tuple(elements), app="com.example")


ROWS = (el(0, "button", (0, 300, 1080, 460), "Network & internet", "s:id/category_network"),
        el(1, "button", (0, 460, 1080, 620), "Display", "s:id/category_display"),
        el(2, "button", (0, 620, 1080, 780), "Battery", "s:id/category_battery"))


def wanted(element: UIElement) -> Wanted:
    return Wanted.of(element, W, H)


@pytest.mark.unit
def test_a_moved_element_is_found_by_its_identity_not_its_place():
    live = screen(el(0, "button", (0, 300, 1080, 460), "Battery", "s:id/category_battery"),
                  el(1, "button", (0, 1800, 1080, 1960), "Display", "s:id/category_display"))
    best, _ = find(wanted(ROWS[1]), live)
    assert best is not None and best.element.id == 1


@pytest.mark.unit
def test_a_renamed_element_is_found_by_its_unique_resource_id():
    live = screen(el(0, "button", (0, 300, 1080, 460), "Connections", "s:id/category_network"),
                  el(1, "button", (0, 460, 1080, 620), "Display", "s:id/category_display"))
    best, _ = find(wanted(ROWS[0]), live)
    assert best is not None and best.element.text == "Connections"


@pytest.mark.unit
def test_a_shared_id_with_another_label_is_not_the_element():
    """List rows share an id: the row of someone else is not the recorded row."""
    maria = el(0, "text", (0, 300, 1080, 460), "Maria Lopez", "c:id/name")
    live = screen(el(0, "text", (0, 300, 1080, 460), "Bob Stone", "c:id/name"),
                  el(1, "text", (0, 460, 1080, 620), "Carla Diaz", "c:id/name"))
    best, considered = find(wanted(maria), live)
    assert best is None
    assert considered and considered[0].score < 3.0


@pytest.mark.unit
def test_of_two_equal_labels_the_nearer_wins():
    ok = el(5, "button", (800, 2200, 1000, 2300), "OK")
    live = screen(el(0, "button", (80, 400, 280, 500), "OK"),
                  el(1, "button", (780, 2180, 980, 2280), "OK"))
    best, _ = find(wanted(ok), live)
    assert best is not None and best.element.id == 1


@pytest.mark.unit
def test_an_unlabelled_icon_is_found_only_where_it_was():
    icon = el(3, "image", (960, 100, 1060, 200))
    near = screen(el(0, "image", (962, 104, 1062, 204)))
    far = screen(el(0, "image", (20, 1800, 120, 1900)))
    assert find(wanted(icon), near)[0] is not None
    assert find(wanted(icon), far)[0] is None


@pytest.mark.unit
def test_a_field_is_known_by_its_hint_not_what_was_typed():
    field = UIElement(0, "input", Bounds(40, 500, 1040, 640), text="hello", hint="Message",
                      editable=True, clickable=True)
    live = screen(UIElement(0, "input", Bounds(40, 900, 1040, 1040), text="", hint="Message",
                            editable=True, clickable=True))
    assert find(wanted(field), live)[0] is not None


@pytest.mark.unit
def test_a_named_element_dict_describes_the_target():
    named = {"text": "Display", "resource_id": "s:id/category_display", "role": "button",
             "bounds": [0, 460, 1080, 620]}
    best, _ = find(Wanted.from_dict(named, W, H), screen(*ROWS))
    assert best is not None and best.element.id == 1


@pytest.mark.unit
def test_screen_similarity_tells_pages_apart_and_ignores_system_bars():
    page = screen(*ROWS)
    clock = UIElement(9, "text", Bounds(0, 0, 100, 50), text="9:41",
                      package="com.android.systemui")
    assert screen_similarity(page, screen(*ROWS, clock)) == 1.0
    renamed = screen(el(0, "button", (0, 300, 1080, 460), "Connections",
                        "s:id/category_network"), *ROWS[1:])
    assert SAME_SCREEN <= screen_similarity(page, renamed) < 1.0
    other = screen(el(0, "switch", (0, 300, 1080, 460), "Wi-Fi", "s:id/wifi"),
                   el(1, "button", (0, 460, 1080, 620), "Saved networks", "s:id/saved"))
    assert screen_similarity(page, other) < SAME_SCREEN


def recorded_step(action, *elements: UIElement, chosen: int | None = None):
    from automator.replay import Recorded

    return Recorded(3, action, screen(*elements), "com.example", chosen=chosen)


@pytest.mark.unit
def test_a_swipe_moves_with_its_scrollable_container():
    from automator.replay import ReplayPlanner
    from devices.actions import Point, Swipe

    old_list = el(0, "list", (0, 300, 1080, 1300), scrollable=True)
    new_list = el(0, "list", (0, 800, 1080, 1800), scrollable=True)
    step = recorded_step(Swipe(Point(540, 1200), Point(540, 400)), old_list)
    decision = ReplayPlanner([step]).decide("g", step.screen, [])
    assert decision.action == Swipe(Point(540, 1200), Point(540, 400))  # same screen: as is
    moved = ReplayPlanner([step]).decide("g", screen(new_list), [])
    assert moved.action == Swipe(Point(540, 1700), Point(540, 900))


@pytest.mark.unit
def test_a_tap_aims_at_the_found_element_and_a_slider_keeps_its_offset():
    from automator.replay import ReplayPlanner
    from devices.actions import ElementRef, Point, Tap

    button = el(0, "button", (0, 300, 1080, 460), "Display", "s:id/category_display")
    slider = el(1, "slider", (40, 600, 1040, 700), "", "s:id/brightness")
    live = screen(el(0, "button", (0, 900, 1080, 1060), "Display", "s:id/category_display"),
                  el(1, "slider", (40, 1200, 1040, 1300), "", "s:id/brightness"))
    tap = recorded_step(Tap(Point(540, 380)), button, slider)
    assert ReplayPlanner([tap]).decide("g", live, []).action == Tap(ElementRef(0))
    drag = recorded_step(Tap(Point(840, 650)), button, slider)  # 80% along the slider
    assert ReplayPlanner([drag]).decide("g", live, []).action == Tap(Point(840, 1250))


@pytest.mark.unit
def test_a_step_that_names_its_element_is_replayed_on_it():
    from dataclasses import replace

    from automator.replay import ReplayPlanner
    from devices.actions import ElementRef, Point, Tap

    step = replace(recorded_step(Tap(Point(5, 5)), *ROWS),  # its point hits nothing
                   named={"text": "Battery", "resource_id": "s:id/category_battery",
                          "role": "button", "bounds": [0, 620, 1080, 780]})
    assert ReplayPlanner([step]).decide("g", screen(*ROWS), []).action == Tap(ElementRef(2))


@pytest.mark.unit
def test_a_refused_replayed_action_is_a_divergence():
    from automator.replay import ReplayPlanner
    from devices.actions import Finish, FinishStatus, Point, Tap
    from planners.planner import PastStep

    step = recorded_step(Tap(Point(540, 540)), *ROWS)
    planner = ReplayPlanner([step])
    planner.decide("g", step.screen, [])
    refused = PastStep(action=None, thought="", outcome="", error="refused: deletion")
    decision = planner.decide("g", step.screen, [refused])
    assert decision.action == Finish(FinishStatus.FAILURE, decision.action.answer)
    assert planner.divergence is not None and "refused: deletion" in planner.divergence.problem


@pytest.mark.unit
def test_an_action_without_a_point_replays_as_it_is_even_when_it_names_an_element():
    """A person's tap on the navigation bar is recorded as the key it is, with its button."""
    from dataclasses import replace

    from automator.replay import ReplayPlanner
    from devices.actions import Key, PressKey

    home = {"resource_id": "com.android.systemui:id/home", "role": "button",
            "bounds": [480, 2300, 600, 2380]}
    step = replace(recorded_step(PressKey(Key.HOME), *ROWS), named=home)
    assert ReplayPlanner([step]).decide("g", screen(*ROWS), []).action == PressKey(Key.HOME)
