"""What a told clause lends the order after it, and what a joining phrase is not: "her" is
the person the told clause starts with; a sentence that only tells is context and the
sentence with the order asks, whole; a told clause about the thing the order names adds no
words to look for; "over Bluetooth" says how a device is joined, and the phone it is joined to
is no mode. Evidence: a switch that is only the means is no end, and a removal is done only
when the control pressed named the item asked for."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Tap
from planners.embedded import EmbeddedPlanner
from planners.embedded.asking import person_told, request_clause
from planners.embedded.goal import Intent, parse_goal
from planners.embedded.memo import Mark, Memo
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S


def _said(goal) -> dict[str, str]:
    return {s.name: s.value for s in goal.slots}


@pytest.mark.unit
@pytest.mark.parametrize(("clause", "person"), [
    ("Tomas asked about the ladder", "Tomas"),
    ("Ines's flight is late", "Ines"),
    ("Aunt Bea wrote back", "Aunt Bea"),
    ("The boiler is fixed", ""),
    ("I had doubts about the rug", ""),
])
def test_the_person_a_told_clause_starts_with(clause, person):
    assert person_told(clause) == person


@pytest.mark.slow
def test_her_or_him_after_a_told_clause_is_its_person(encoder):
    goal = parse_goal("Tomas asked about the ladder, tell him yes I'll return it", encoder)
    assert goal.intent is Intent.SEND
    assert _said(goal)["to"] == "Tomas"
    assert "return the ladder" in _said(goal)["message"]


@pytest.mark.slow
def test_the_sentence_with_the_order_asks_whole(encoder):
    text = "Ines's flight is late. Text her that I'll wait at the gate, no rush."
    asked, told = request_clause(text)
    assert asked.startswith("Text her") and asked.endswith("no rush.")
    assert told == ["Ines's flight is late."]
    said = _said(parse_goal(text, encoder))
    assert said["to"] == "Ines" and said["message"] == "I'll wait at the gate, no rush"


@pytest.mark.slow
def test_a_told_clause_about_the_thing_adds_no_words_to_find(encoder):
    goal = parse_goal("I have second thoughts about the lava lamp, drop it from my basket",
                      encoder)
    assert "lava lamp" in goal.target and "thoughts" not in goal.target
    placed = parse_goal("It's on the shared calendar, delete the dentist appointment", encoder)
    assert "shared calendar" in placed.target  # a told place is still where to look


@pytest.mark.slow
@pytest.mark.parametrize("text", ["Connect my Pixel Buds to the phone via Bluetooth",
                                  "get my Jabra Elite earbuds onto this phone through bluetooth"])
def test_a_device_joined_over_bluetooth_is_no_switch(encoder, text):
    goal = parse_goal(text, encoder)
    assert goal.intent is not Intent.TOGGLE and goal.desired is None


@pytest.mark.slow
def test_a_mode_the_phone_is_put_in_is_still_a_switch(encoder):
    goal = parse_goal("put this phone into do not disturb mode", encoder)
    assert goal.intent is Intent.TOGGLE and goal.desired is True


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


def bluetooth_on():
    return S.screen(S.el(0, "text", "Bluetooth", 100),
                    S.el(1, "switch", "Use Bluetooth", 300, clickable=True, checkable=True,
                         checked=True),
                    S.el(2, "button", "Pair new device", 500, clickable=True),
                    app="com.example.settings")


@pytest.mark.slow
def test_the_switch_that_is_the_means_is_no_end(planner):
    goal = "Connect the Jabra Elite earbuds to my phone through Bluetooth"
    decision = planner.decide(goal, bluetooth_on(), [])
    assert not (isinstance(decision.action, Finish)
                and decision.action.status is FinishStatus.SUCCESS)


def cart(*items: str):
    lines = [e for i, name in enumerate(items) for e in (
        S.el(2 + 2 * i, "text", name, 300 + 200 * i),
        S.el(3 + 2 * i, "button", f"Remove {name}", 300 + 200 * i, clickable=True,
             bounds=S.Bounds(900, 300 + 200 * i, 1080, 460 + 200 * i)))]
    return S.screen(S.el(0, "text", "Cart", 100),
                    S.el(1, "list", "", 280, height=1600, scrollable=True), *lines,
                    S.el(99, "button", "Checkout", 2000, clickable=True), app="com.example.shop")


@pytest.mark.slow
def test_the_remove_control_of_the_item_named_is_pressed_however_long_its_name(planner):
    goal = "take the bamboo laundry hamper out of the basket"
    decision = planner.decide(goal, cart("Bamboo Laundry Hamper With Lid", "Tea"), [])
    assert decision.action == Tap(ElementRef(3))


@pytest.mark.slow
def test_another_item_gone_is_no_evidence_of_the_removal(planner):
    goal = "take the bamboo laundry hamper out of the basket"
    pressed = [PastStep(Tap(ElementRef(5)), outcome="the page updated", verdict=Verdict.CHANGED,
                        memo=Memo(mark=Mark.GOAL_ACTION, item="Remove Tea"),
                        screen_signature="cart")]
    decision = planner.decide(goal, cart("Bamboo Laundry Hamper With Lid"), pressed)
    assert decision.action != Finish(FinishStatus.SUCCESS)


@pytest.mark.slow
@pytest.mark.parametrize("text", ["drop the lava lamp from my basket",
                                  "ditch the beanbag from my cart"])
def test_a_thing_a_removing_verb_takes_from_a_place_is_removed(encoder, text):
    assert parse_goal(text, encoder).intent is Intent.DELETE


@pytest.mark.slow
def test_what_a_told_clause_decided_against_is_what_it_points_back_at(encoder):
    goal = parse_goal("Decided against the brass floor lamp, pull it out of the basket", encoder)
    assert goal.intent is Intent.DELETE and "brass floor lamp" in goal.target
