"""A form that ends in a payment is sent only by paying, never saved by typing; a timer is
set only when its display shows the length asked (said in digits or in words)."""

import pytest

from devices.actions import ElementRef, Finish, Tap
from perception.elements import Bounds
from planners.embedded import acts, durations, forms, intents, purchase
from planners.embedded.goal import parse_goal
from planners.embedded.memo import Mark, Memo, memo_of
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import PastStep, Verdict
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow

APP = "com.example.florist"


def _view(goal: str, shown, history=(), encoder=None):
    parsed = parse_goal(goal, encoder)
    return parsed, View(shown, signature_of(shown), GoalMatcher(parsed, encoder), list(history))


def _order_form(address: str, pay: str):
    return screen(
        el(0, "text", "Your order", 0, height=120),
        el(1, "input", address, 300, hint="Delivery address", editable=True, clickable=True),
        el(2, "text", "Bouquet of tulips", 600), el(3, "text", "Total €18.00", 800),
        el(4, "button", pay, 2200, clickable=True), app=APP)


@pytest.mark.parametrize("pay", ["Pay €18.00", "Place order", "Buy now"])
def test_a_filled_form_that_ends_in_a_payment_is_sent_by_paying_not_saved_by_typing(
        encoder, pay):
    goal, view = _view("check out and send it to 9 Rowan Court, York",
                       _order_form("9 Rowan Court, York", pay), encoder=encoder)
    decision = forms.fill_form(goal, view)
    assert not isinstance(decision.action, Finish)
    assert decision.action == Tap(ElementRef(4))
    assert memo_of(decision).mark is Mark.PAY  # a refused payment ends it honestly


def test_after_a_payment_only_the_shops_confirmation_finishes_whatever_the_request(encoder):
    after = screen(el(0, "text", "Your order", 0, height=120),
                   el(1, "text", "Processing…", 600), app=APP)
    paid = PastStep(Tap(ElementRef(4)), verdict=Verdict.CHANGED, memo=Memo(mark=Mark.PAY),
                    screen_signature="before", app=APP)
    goal, view = _view("check out and send it to 9 Rowan Court, York", after, [paid],
                       encoder=encoder)
    steps = purchase.adding(goal, view)
    assert steps and not isinstance(steps[0]().action, Finish)  # waits, then gives up
    done = screen(el(0, "text", "Thanks! Your order has been placed", 600), app=APP)
    _, view = _view("check out and send it to 9 Rowan Court, York", done, [paid],
                    encoder=encoder)
    assert purchase.adding(goal, view)[0]().action.status.value == "success"


@pytest.mark.parametrize(("said", "seconds"), [
    ("start a countdown of twelve minutes", 720),
    ("an hour and five minutes on the oven timer", 3900),
    ("a 90 second timer", 90),
    ("wake me at 7 a m", None),  # a time of day is no length
    ("set a timer", None),
])
def test_the_length_a_request_states_in_digits_or_in_words(said, seconds):
    assert durations.duration_s(said) == seconds


def _running(display: str):
    return screen(el(0, "text", "9:41", 0, height=60, bounds=Bounds(0, 0, 200, 60)),
                  el(1, "text", display, 400, height=220),
                  el(2, "button", "Stop", 1600, height=150, clickable=True),
                  app="com.example.kitchen")


def _started():
    return PastStep(Tap(ElementRef(2)), verdict=Verdict.CHANGED,
                    memo=Memo(mark=Mark.GOAL_ACTION), screen_signature="keypad")


@pytest.mark.parametrize("goal", ["start a twelve minute countdown",
                                  "start a 12 minute countdown"])
def test_a_started_timer_is_done_only_when_its_display_counts_down_from_the_length_asked(
        encoder, goal):
    parsed, wrong = _view(goal, _running("00:00:07"), [_started()], encoder=encoder)
    assert acts.verb_done(parsed, wrong) is None  # a 7 second timer is not the one asked
    parsed, right = _view(goal, _running("00:12:00"), [_started()], encoder=encoder)
    assert isinstance(acts.verb_done(parsed, right).action, Finish)


def _keypad(display: str):
    keys = [el(i + 2, "button", str(d), bounds=Bounds(100 + 300 * (i % 3), 800 + 200 * (i // 3),
                                                      380 + 300 * (i % 3), 980 + 200 * (i // 3)),
               clickable=True) for i, d in enumerate([1, 2, 3, 4, 5, 6, 7, 8, 9, 0])]
    return screen(el(0, "text", "9:41", 0, height=60, bounds=Bounds(0, 0, 200, 60)),
                  el(1, "text", display, 400, height=220), *keys,
                  el(12, "button", "Start", 1700, height=150, clickable=True),
                  app="com.example.kitchen")


@pytest.mark.parametrize("goal", ["start a twelve minute countdown",
                                  "a twelve minute countdown for the tea",  # no verb read
                                  "tea is steeping, start a twelve minute countdown"])
def test_a_length_typed_for_any_verb_is_taken_and_then_seen_running(encoder, goal):
    parsed, typed = _view(goal, _keypad("00h 12m 00s"), encoder=encoder)
    decision = next(d for step in intents.tries(parsed, typed, 0.5, True, False)
                    if (d := step()) is not None)
    assert decision.action == Tap(ElementRef(12)) and memo_of(decision).mark is Mark.GOAL_ACTION
    parsed, running = _view(goal, _running("00:12:00"), [_started()], encoder=encoder)
    decision = next(d for step in intents.tries(parsed, running, 0.5, True, False)
                    if (d := step()) is not None)
    assert isinstance(decision.action, Finish)
