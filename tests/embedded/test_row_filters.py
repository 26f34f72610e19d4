"""Which rows a request is about: an item named by a value is a row showing that value (a
near miss is another item, and when the whole list has none there is no such item); a
quantifier with a condition acts on the rows whose value meets it; a length said with parts
of a unit is that length."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Scroll, Tap
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner, controls
from planners.embedded.durations import duration_s
from planners.embedded.goal import parse_goal
from planners.embedded.memo import Mark, Memo
from planners.embedded.memory import signature_of
from planners.embedded.row_filters import condition, named_times, shows_named
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

WAKE_UPS = (("5:50 AM", "Swim"), ("6:20 AM", "Bakery shift"), ("9:05 AM", "Lecture"),
            ("10:40 PM", "Meds"))


def _wake_ups(on: tuple[bool, ...] = (True, True, True, True), scrollable: bool = False):
    """A list of wake-up times, each row with its switch, as clock apps show them."""
    items = [S.el(0, "text", "Wake-ups", 0, resource_id="x:id/title")]
    if scrollable:
        items.append(S.el(1, "list", "", 200, height=2000, scrollable=True,
                          bounds=Bounds(0, 200, 1080, 2200)))
    for i, ((time, label), state) in enumerate(zip(WAKE_UPS, on, strict=True)):
        top = 220 + 220 * i
        items.append(S.el(10 + 2 * i, "button", f"{time} wake-up | {label}", top, height=200,
                          clickable=True, bounds=Bounds(0, top, 1080, top + 200)))
        items.append(S.el(11 + 2 * i, "switch", "ON" if state else "OFF", top, height=120,
                          clickable=True, checkable=True, checked=state,
                          bounds=Bounds(880, top + 40, 1040, top + 160)))
    return S.screen(*items, app="com.example.wakeups")


@pytest.mark.unit
@pytest.mark.parametrize(("request_", "row", "shown"), [
    ("disable my 5:20 wake-up", "ON 5:50 AM wake-up | Swim", False),
    ("disable my 5:20 wake-up", "ON 05:20 wake-up", True),
    ("disable my 5:20 wake-up", "OFF 5:20 AM | Swim", True),
    ("disable my 5:20 wake-up", "OFF 15:02", False),
    ("pause the 9pm reminder", "9:00 PM reminder", True),
    ("pause the 9pm reminder", "9:00 AM reminder", False),
    ("disable my swim wake-up", "ON 5:50 AM wake-up | Swim", None),
    ("disable my 5:20 wake-up", "Swim", None),
])
def test_an_item_named_by_a_time_is_only_a_row_showing_that_time(request_, row, shown):
    assert shows_named(request_, row) is shown


@pytest.mark.unit
def test_a_time_in_a_condition_names_no_item():
    assert named_times("mute every reminder later than 9pm") == []
    assert named_times("mute my 21:30 reminder") == [(21, 30, "")]


@pytest.mark.unit
@pytest.mark.parametrize(("request_", "row", "meets"), [
    ("silence all wake-ups earlier than 8am", "5:50 AM Swim", True),
    ("silence all wake-ups earlier than 8am", "8:00 AM", False),
    ("silence all wake-ups earlier than 8am", "10:40 PM Meds", False),
    ("silence all wake-ups earlier than 8am", "Meds", None),
    ("remove every listing priced over $40", "Kettle $52.00", True),
    ("remove every listing priced over $40", "Mug $12.50", False),
    ("untick all the tasks that are after 18:00", "Call back 19:15", True),
    ("silence each wake-up that is before 8", "5:50 AM Swim", True),  # a bare hour, on a
    ("silence each wake-up that is before 8", "8:20 AM", False),  # row of times
    ("drop everything under 8 from my list", "Socks $6.50", True),  # a price, on a row
    ("drop everything under 8 from my list", "Hat $9.00", False),  # of prices
    ("mute each wake-up that's before 6", "5:10 AM", True),  # a bare hour after "before"
    ("mute each wake-up that's before 6", "6:30 AM", False),
    ("drop every listing under 6", "Pen $4.00", True),  # "under": an amount, no hour
])
def test_a_condition_is_read_from_each_rows_own_value(request_, row, meets):
    test = condition(request_)
    assert test is not None and test(row) is meets


@pytest.mark.unit
def test_a_quantifier_without_a_condition_keeps_every_row():
    assert condition("silence all my wake-ups") is None


@pytest.mark.unit
@pytest.mark.parametrize(("text", "seconds"), [
    ("count down a minute and a half for the eggs", 90),
    ("a countdown of half an hour", 1800),
    ("set the oven for an hour and a quarter", 4500),
    ("three and a half minutes on the clock", 210),
    ("a quarter of an hour break", 900),
    ("rest for 2.5 minutes", 150),
    ("90 seconds for the tea", 90),
])
def test_a_length_said_with_parts_of_a_unit_is_that_length(text, seconds):
    assert duration_s(text) == seconds


@pytest.mark.slow
def test_a_near_miss_row_is_left_alone_and_the_item_is_absent(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    decision = planner.decide("switch off my 5:20 wake-up", _wake_ups(), [])
    assert isinstance(decision.action, Finish), decision
    assert decision.action.status is FinishStatus.INFEASIBLE, decision.thought


@pytest.mark.slow
def test_a_row_gone_after_the_item_was_acted_on_is_no_absence(encoder):
    deleted = PastStep(Tap(ElementRef(3)), verdict=Verdict.CHANGED, screen_signature="dialog",
                       memo=Memo(mark=Mark.GOAL_ACTION))
    decision = EmbeddedPlanner(encoder=encoder).decide("delete my 5:20 wake-up", _wake_ups(),
                                                       [deleted])
    assert not (isinstance(decision.action, Finish)
                and decision.action.status is FinishStatus.INFEASIBLE), decision.thought


@pytest.mark.slow
def test_a_list_that_may_go_on_is_scrolled_before_the_item_is_called_absent(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    screen = _wake_ups(scrollable=True)
    first = planner.decide("switch off my 5:20 wake-up", screen, [])
    assert isinstance(first.action, Scroll), first
    ended = PastStep(first.action, screen_signature=signature_of(screen),
                     verdict=Verdict.NO_CHANGE, memo=first.memo)
    last = planner.decide("switch off my 5:20 wake-up", screen, [ended])
    assert isinstance(last.action, Finish), last
    assert last.action.status is FinishStatus.INFEASIBLE, last.thought


@pytest.mark.slow
def test_the_row_showing_the_time_named_is_the_one_switched(encoder):
    decision = EmbeddedPlanner(encoder=encoder).decide("switch off my 9:05 wake-up",
                                                       _wake_ups(), [])
    assert decision.action == Tap(ElementRef(15)), decision.thought


@pytest.mark.slow
def test_every_row_meeting_the_condition_and_only_those_is_switched(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    goal = "turn off all the wake-ups that go off before 7am"
    assert planner.decide(goal, _wake_ups(), []).action == Tap(ElementRef(11))
    second = planner.decide(goal, _wake_ups((False, True, True, True)), [])
    assert second.action == Tap(ElementRef(13)), second.thought
    done = planner.decide(goal, _wake_ups((False, False, True, True)), [])
    assert isinstance(done.action, Finish), done.thought
    assert done.action.status is FinishStatus.SUCCESS


@pytest.mark.slow
def test_a_condition_no_row_shows_a_value_for_proves_nothing_done(encoder):
    """No switch row shows a price: "every one of the none that meet it" is no success."""
    items = [S.el(0, "text", "Wake-ups", 0)]
    for i, time in enumerate(("5:50 AM", "9:05 AM")):
        items.append(S.el(10 + i, "switch", f"{time} wake-up", 220 + 220 * i, clickable=True,
                          checkable=True, checked=True))
    shown = S.screen(*items, app="com.example.wakeups")
    goal = parse_goal("turn off all the wake-ups that cost over $5", encoder)
    view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), [])
    assert controls.toggle(goal, view, 0.0) is None


def _tents():
    """A shop's list: each row an item with its price."""
    items = [S.el(0, "text", "Camping", 0, resource_id="x:id/title"),
             S.el(1, "list", "", 200, height=2000, scrollable=True,
                  bounds=Bounds(0, 200, 1080, 2200))]
    for i, (name, price) in enumerate((("Ridge Tent", "$120.00"), ("Sleeping Mat", "$20.00"),
                                       ("Dome Tent", "$89.50"), ("Bivvy Tent", "$95.00"))):
        top = 220 + 220 * i
        items.append(S.el(10 + i, "button", name, top, height=200, clickable=True))
        items.append(S.el(20 + i, "text", f"{price} · Outdoor", top + 100, height=80,
                          bounds=Bounds(40, top + 100, 700, top + 180)))
    return S.screen(*items, app="com.example.outdoors")


@pytest.mark.slow
@pytest.mark.parametrize(("goal", "row"), [
    ("put the cheapest tent in my basket", 12), ("add the priciest tent to my basket", 10)])
def test_the_row_first_by_the_order_among_those_of_the_kind_is_opened(encoder, goal, row):
    planner = EmbeddedPlanner(encoder=encoder)
    screen = _tents()
    first = planner.decide(goal, screen, [])
    assert isinstance(first.action, Scroll), first  # the list is read whole first
    ended = PastStep(first.action, screen_signature=signature_of(screen),
                     verdict=Verdict.NO_CHANGE, memo=first.memo)
    chosen = planner.decide(goal, screen, [ended])
    assert chosen.action == Tap(ElementRef(row)), chosen.thought
