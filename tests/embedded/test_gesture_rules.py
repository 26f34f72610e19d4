"""Pixel-only screens (tap vision proposals), number steppers, and messages that ask for
something to be done first."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Point, Tap
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from planners.embedded import prereq as P
from planners.embedded.memo import Mark, Memo, memo_of
from planners.embedded.memory import signature_of
from planners.planner import PastStep, Verdict
from tests.embedded.screens import el, screen


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


def _drawn(x: int, y: int, size: int, i: int):
    return el(i, "view", bounds=Bounds(x, y, x + size, y + size), clickable=True,
              source="vision")


def canvas():
    """One opaque node; vision found a score text (its letters as boxes too) and two blobs,
    one with a highlight inside it."""
    return screen(
        el(0, "button", bounds=Bounds(0, 84, 1080, 2274), clickable=True),
        el(1, "text", "Score: 0", bounds=Bounds(200, 160, 800, 280), source="vision"),
        _drawn(240, 170, 80, 2),  # a letter of the score
        _drawn(100, 1000, 200, 3),  # a big blob
        _drawn(150, 1050, 40, 4),  # its highlight
        _drawn(500, 600, 150, 5),  # a smaller blob
    )


@pytest.mark.unit
def test_pixel_screen_taps_the_biggest_outer_proposal(planner):
    d = planner.decide("Pop a bubble", canvas(), [])
    assert d.action == Tap(Point(200, 1100))


@pytest.mark.unit
def test_pixel_screen_taps_a_new_target_and_finishes_after_the_count(planner):
    first = planner.decide("Hit 2 targets", canvas(), [])
    sig = signature_of(canvas())
    done = PastStep(first.action, thought=first.thought, verdict=Verdict.CHANGED,
                    screen_signature=sig, memo=first.memo)
    second = planner.decide("Hit 2 targets", canvas(), [done])
    assert second.action == Tap(Point(575, 675))
    both = [done, PastStep(second.action, thought=second.thought, verdict=Verdict.CHANGED,
                           screen_signature=sig, memo=second.memo)]
    assert planner.decide("Hit 2 targets", canvas(), both).action == Finish(
        FinishStatus.SUCCESS)


@pytest.mark.unit
def test_labelled_screen_is_not_tapped_blindly(planner):
    labelled = screen(el(0, "button", "Bubble wrap", 300, clickable=True),
                      _drawn(100, 1000, 200, 1))
    d = planner.decide("Pop a bubble", labelled, [])
    assert d.action != Tap(Point(200, 1100))


def cart(quantity: int):
    row = 300
    return screen(
        el(0, "text", "Cart", 0, resource_id="x:id/title"),
        el(1, "text", "Yoga Mat", bounds=Bounds(30, row, 600, row + 80)),
        el(2, "button", bounds=Bounds(630, row, 750, row + 160), clickable=True,
           description="Decrease quantity"),
        el(3, "text", str(quantity), bounds=Bounds(760, row, 840, row + 160)),
        el(4, "button", bounds=Bounds(850, row, 970, row + 160), clickable=True,
           description="Increase quantity"),
        el(5, "text", "Water Bottle", bounds=Bounds(30, 600, 600, 680)),
        el(6, "button", "-", bounds=Bounds(630, 600, 750, 760), clickable=True),
        el(7, "text", "5", bounds=Bounds(760, 600, 840, 760)),
        el(8, "button", "+", bounds=Bounds(850, 600, 970, 760), clickable=True),
        el(9, "button", "Checkout", 2000, clickable=True),
    )


@pytest.mark.unit
def test_stepper_of_the_goal_item_goes_up_to_the_quantity(planner):
    assert planner.decide("I need 3 yoga mats in my cart", cart(1), []).action == Tap(
        ElementRef(4))


@pytest.mark.unit
def test_stepper_by_position_goes_down(planner):
    assert planner.decide("I want 2 water bottles in my cart", cart(1), []).action == Tap(
        ElementRef(6))


@pytest.mark.unit
def test_quantity_reached_finishes(planner):
    d = planner.decide("I need 3 yoga mats in my cart", cart(3), [])
    assert d.action == Finish(FinishStatus.SUCCESS)


def devices(message: str = ""):
    items = [
        el(0, "text", "Pair new device", 0, resource_id="x:id/title"),
        el(1, "button", "Speaker Max", 200, clickable=True),
    ]
    if message:
        items.append(el(2, "text", message, 2000, height=120, package="com.android.systemui"))
    return screen(*items, app="com.android.settings")


@pytest.mark.unit
@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("Turn on Bluetooth to pair", "Turn on Bluetooth"),
        ("Please enable location first.", "Enable location"),
        ("Paired with Speaker Max", None),
    ],
)
def test_request_messages(message, asked):
    assert P.request_on(devices(message)) == asked


@pytest.mark.unit
def test_request_after_our_tap_becomes_a_sub_goal(planner):
    tapped = PastStep(Tap(ElementRef(1)), verdict=Verdict.CHANGED, screen_signature="pair",
                      memo=Memo(Mark.OPEN_ITEM, item="Speaker Max"))
    d = planner.decide("Pair my Speaker Max", devices("Turn on Bluetooth to pair"), [tapped])
    assert memo_of(d).first == "Turn on Bluetooth"


@pytest.mark.unit
def test_sub_goal_done_resumes_the_task_where_it_was_interrupted():
    steps = [
        PastStep(None, screen_signature="pair", memo=Memo(Mark.OPEN_ITEM, item="Speaker Max")),
        PastStep(None, screen_signature="pair", memo=Memo(first="Turn on Bluetooth")),
        PastStep(None, screen_signature="devices", memo=Memo(first_done="Turn on Bluetooth")),
    ]
    assert P.pending(devices("Turn on Bluetooth to pair"), "Pair it", steps) is None
    assert P.resume_page(steps) == "pair"
    assert P.since_done(steps) == []


def _after_tap_on_speaker():
    return [PastStep(Tap(ElementRef(1)), verdict=Verdict.CHANGED, screen_signature="pair",
                     memo=Memo(Mark.OPEN_ITEM, item="Speaker Max"))]


@pytest.mark.unit
@pytest.mark.parametrize(("request_", "done"), [
    ("sync my Speaker Max", True),  # the page's verb: "Pair new device"
    ("Pair my Speaker Max", True),
    ("unpair my Speaker Max", False),  # the page's verb is what the request's undoes
])
def test_the_pages_own_verb_is_evidence_in_the_phones_message(planner, request_, done):
    d = planner.decide(request_, devices("Paired with Speaker Max"), _after_tap_on_speaker())
    assert (d.action == Finish(FinishStatus.SUCCESS)) is done
