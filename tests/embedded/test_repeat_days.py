"""Days an item repeats on: read from requests as people put them, set with a form's day
toggles on the goal's item only, finished only on evidence, and refused honestly when the
rhythm asked for is one the toggles cannot hold."""

from dataclasses import replace

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Key, PressKey, Tap, TypeText
from perception.elements import Bounds, Screen, Window
from planners.embedded import EmbeddedPlanner
from planners.embedded import days as D
from planners.embedded.goal import parse_goal
from planners.embedded.memo import Mark, Memo
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

WEEK = frozenset(range(7))
NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@pytest.mark.unit
@pytest.mark.parametrize(("request_text", "days", "change", "weekly"), [
    ("wake me at 5:50 on weekdays", {0, 1, 2, 3, 4}, D.Change.SET, True),
    ("I want the 9 PM reminder to go off on Mondays as well", {0}, D.Change.ADD, True),
    ("let my 6:40 alarm skip Wednesdays", {2}, D.Change.REMOVE, True),
    ("ring at 8 every day except Sunday", {0, 1, 2, 3, 4, 5}, D.Change.SET, True),
    ("an alarm at 6 for Tue through Thu", {1, 2, 3}, D.Change.SET, True),
    ("the tea alarm must ring daily, not only on Fridays", WEEK, D.Change.SET, True),
    ("alarm at 10 on weekends please", {5, 6}, D.Change.SET, True),
    ("a 7:15 alarm every day without Saturday", {0, 1, 2, 3, 4, 6}, D.Change.SET, True),
    ("an alarm at 7 every fortnight on Thursday", {3}, D.Change.SET, False),
    ("a 6 am alarm on the first Sunday of the month", {6}, D.Change.SET, False),
    ("a weekend alarm at 8:20", {5, 6}, D.Change.SET, True),  # a new one: made to repeat
    ("let the 5:10 alarm ring on the weekend too", {5, 6}, D.Change.ADD, True),
])
def test_the_days_a_request_wants(request_text, days, change, weekly):
    read = D.read(request_text)
    assert read is not None
    assert (read.days, read.change, read.weekly) == (frozenset(days), change, weekly)


@pytest.mark.unit
@pytest.mark.parametrize("request_text", [
    "call Dana on Friday", "delete the 7:45 alarm", "what's on tonight",
    "put oat milk on my Saturdays grocery list",  # a day word naming a thing that exists
    "make the weekday alarm's label say Gym", "rename our Sunday playlist to Chill",
])
def test_a_single_date_or_no_day_is_no_repeat(request_text):
    assert D.read(request_text) is None


@pytest.mark.unit
@pytest.mark.parametrize(("request_text", "days"), [
    ("put pears on my weekend market note", None),  # which note, not when
    ("rename the Friday team note to Retro", None),
    ("make my Monday alarm ring on Thursdays too", {3}),  # the name's day is no change
    ("alarm at 10 on the weekends please", {5, 6}),  # a time phrase, not a name
    ("alarm on the weekend mornings", {5, 6}),
])
def test_a_day_word_before_a_noun_names_an_item(request_text, days):
    read = D.read(request_text)
    assert (read.days if read else None) == (frozenset(days) if days else None)
    assert read is None or "Monday" not in read.phrase


@pytest.mark.unit
def test_what_a_summary_line_shows_and_what_a_change_wants():
    assert D.shown("Piano · Mon, Wed, Fri") == frozenset({0, 2, 4})
    assert D.shown("Not scheduled") is None
    added = D.Days(frozenset({6}), D.Change.ADD)
    assert added.wanted(frozenset({1})) == frozenset({1, 6})
    assert added.holds(frozenset({1, 6})) and not added.holds(frozenset({1}))
    assert D.Days(frozenset({2}), D.Change.REMOVE).wanted(frozenset({2, 4})) == {4}


@pytest.mark.slow
def test_days_are_values_not_names_and_a_time_stops_at_its_end():
    goal = parse_goal("Create an alarm at 6 am labelled Run every Monday and Thursday")
    assert goal.days is not None and goal.days.days == {0, 3}
    assert {(s.name, s.value) for s in goal.slots} == {("time", "6 am"), ("label", "Run")}
    assert not any("Monday" in e for e in goal.entities)


# screens ---------------------------------------------------------------------------------

APP = "com.example.tempo"


def card(i: int, top: int, time: str, summary: str, expanded: bool, on: set[int],
         label: str = "") -> list:
    """An alarm card; expanded, it shows day toggles ("M" described "Monday") and a label."""
    height = 700 if expanded else 260
    state = "expanded" if expanded else "collapsed"
    out = [S.el(i, "button", "", top, height, clickable=True,
                description=f"{time} alarm, {state}"),
           S.el(i + 1, "text", time, top + 20, 120, bounds=Bounds(30, top + 20, 500, top + 140)),
           S.el(i + 2, "text", summary, top + 150, 60, bounds=Bounds(30, top + 150, 700,
                                                                     top + 210))]
    if expanded:
        for d, name in enumerate(NAMES):
            left = 30 + d * 140
            out.append(S.el(i + 3 + d, "button", name[0], top + 260, 110, clickable=True,
                            checkable=True, checked=d in on, description=name,
                            bounds=Bounds(left, top + 260, left + 120, top + 370)))
        out.append(S.el(i + 10, "input", label, top + 400, 120, editable=True, clickable=True,
                        hint="Add label", bounds=Bounds(30, top + 400, 1000, top + 520)))
        out.append(S.el(i + 11, "button", "Delete", top + 560, 110, clickable=True,
                        bounds=Bounds(30, top + 560, 300, top + 670)))
    return out


def alarms(expanded: str, on: set[int], label: str = "Study") -> Screen:
    rows = [("6:30 AM", "Run · Mon, Wed", set()), ("5:10 PM", f"{label} · Tue", on)]
    elements, top = [S.el(0, "text", "Alarms", 0, 120)], 160
    for k, (time, summary, days) in enumerate(rows):
        grown = time == expanded
        elements += card(10 + 20 * k, top, time, summary, grown, days, label if k else "Run")
        top += (700 if grown else 260) + 20
    return S.screen(*elements, app=APP)


def opened(item: str) -> list[PastStep]:
    return [PastStep(Tap(ElementRef(30)), outcome="expanded", verdict=Verdict.CHANGED,
                     memo=Memo(mark=Mark.OPEN_ITEM, item=item), screen_signature="list")]


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


ADD_SUNDAY = "have my 5:10 PM study alarm ring on Sundays as well"


@pytest.mark.slow
def test_the_missing_day_is_turned_on_on_the_goals_item(planner):
    decision = planner.decide(ADD_SUNDAY, alarms("5:10 PM", {1}), opened("5:10 PM alarm"))
    sunday = 10 + 20 + 3 + 6
    assert decision.action == Tap(ElementRef(sunday))


@pytest.mark.slow
def test_done_when_the_toggles_show_the_days(planner):
    decision = planner.decide(ADD_SUNDAY, alarms("5:10 PM", {1, 6}), opened("5:10 PM alarm"))
    assert decision.action == Finish(FinishStatus.SUCCESS)


@pytest.mark.slow
def test_an_item_named_in_lower_case_words_is_known_by_them(planner):
    screen = alarms("5:10 PM", {1, 2, 3, 4, 5})
    fab = S.el(99, "image_button", "", 1000, 160, clickable=True, description="Add alarm",
               bounds=Bounds(860, 1000, 1020, 1160))  # floats over the card
    screen = S.screen(*screen.elements, fab, app=APP)
    decision = planner.decide("the study alarm has to go off each and every day",
                              screen, [])
    assert decision.action == Tap(ElementRef(10 + 20 + 3 + 0))  # Monday's toggle


@pytest.mark.slow
def test_the_words_of_the_days_do_not_make_another_row_the_item(planner):
    """Another alarm's summary reads "Every day": the request's "each and every day" tells the
    new schedule, and the item is still known by its own words ("study")."""
    screen = alarms("5:10 PM", {1})
    screen = S.screen(*(replace(e, text="Run · Every day") if e.text == "Run · Mon, Wed"
                        else e for e in screen.elements), app=APP)
    decision = planner.decide("the study alarm has to go off each and every day, not only "
                              "on Tuesdays", screen, [])
    assert decision.action == Tap(ElementRef(10 + 20 + 3 + 0))  # Monday's toggle


@pytest.mark.slow
def test_another_items_toggles_are_never_tapped(planner):
    decision = planner.decide(ADD_SUNDAY, alarms("6:30 AM", set()), [])
    toggles_of_the_other = set(range(13, 20))
    target = getattr(decision.action, "target", None)
    assert not (isinstance(target, ElementRef) and target.id in toggles_of_the_other)
    assert decision.action != Finish(FinishStatus.SUCCESS)


@pytest.mark.slow
def test_a_new_item_without_its_days_is_not_done(planner):
    goal = "I need an alarm for 5:10 PM on weekdays"
    steps = [PastStep(Tap(ElementRef(9)), outcome="form", verdict=Verdict.CHANGED,
                      memo=Memo(mark=Mark.NEW_ITEM), screen_signature="list"),
             PastStep(TypeText("5", ElementRef(3)), outcome="typed", verdict=Verdict.CHANGED,
                      screen_signature="picker"),
             PastStep(Tap(ElementRef(5)), outcome="saved", verdict=Verdict.CHANGED,
                      memo=Memo(mark=Mark.SUBMIT), screen_signature="picker")]
    decision = planner.decide(goal, alarms("", set()), steps)
    assert decision.action != Finish(FinishStatus.SUCCESS)


@pytest.mark.slow
def test_a_rhythm_the_toggles_cannot_hold_is_infeasible(planner):
    decision = planner.decide("make my 5:10 PM alarm go off every other Tuesday",
                              alarms("5:10 PM", {1}), opened("5:10 PM alarm"))
    assert isinstance(decision.action, Finish)
    assert decision.action.status is FinishStatus.INFEASIBLE


def editor() -> Screen:
    """A new alarm's own page: time fields, day toggles, Cancel and Save."""
    days = [S.el(10 + d, "checkbox", f"Every {name}", 400 + d * 130, 120, clickable=True,
                 checkable=True) for d, name in enumerate(NAMES)]
    return S.screen(S.el(0, "text", "New alarm", 0, 120),
                    S.el(1, "input", "7", 200, 150, editable=True, hint="Hour",
                         bounds=Bounds(0, 200, 500, 350)),
                    S.el(2, "input", "00", 200, 150, editable=True, hint="Minute",
                         bounds=Bounds(540, 200, 1080, 350)),
                    *days,
                    S.el(20, "button", "Cancel", 1400, 130, clickable=True,
                         bounds=Bounds(0, 1400, 500, 1530)),
                    S.el(21, "button", "Save", 1400, 130, clickable=True,
                         bounds=Bounds(540, 1400, 1080, 1530)), app=APP)


@pytest.mark.slow
def test_an_open_form_of_ours_is_cancelled_before_saying_so(planner):
    started = [PastStep(Tap(ElementRef(9)), outcome="form", verdict=Verdict.CHANGED,
                        memo=Memo(mark=Mark.NEW_ITEM), screen_signature="list")]
    decision = planner.decide("Wake me at 6 every other Thursday", editor(), started)
    assert decision.action == Tap(ElementRef(20))


@pytest.mark.slow
def test_days_in_a_list_of_checkboxes_are_set_before_saving(planner):
    goal = "Set an alarm for 7:00 on Mondays and Fridays"
    started = [PastStep(Tap(ElementRef(9)), outcome="form", verdict=Verdict.CHANGED,
                        memo=Memo(mark=Mark.NEW_ITEM), screen_signature="list")]
    first = planner.decide(goal, editor(), started)
    assert first.action == Tap(ElementRef(10))
    chose = PastStep(first.action, outcome="checked", verdict=Verdict.CHANGED,
                     memo=first.memo, screen_signature="editor")
    after = editor()
    after = S.screen(*(e if e.id not in (10, 14) else replace(e, checked=True)
                       for e in after.elements), app=APP)
    assert planner.decide(goal, after, [*started, chose]).action == Tap(ElementRef(21))


# a setting the item's form does not have -------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("goal", [
    "Set the snooze length of my 5:10 PM alarm to 'Twenty minutes'",
    "Change the snooze time of the 5:10 PM alarm to 'Ten minutes'",  # "time" is no setting
    "switch the vibration pattern of my 5:10 PM alarm to 'Heartbeat'",
])
def test_a_setting_the_open_form_lacks_is_infeasible(planner, goal):
    decision = planner.decide(goal, alarms("5:10 PM", {1}), opened("5:10 PM alarm"))
    assert isinstance(decision.action, Finish)
    assert decision.action.status is FinishStatus.INFEASIBLE


@pytest.mark.slow
def test_a_setting_the_form_names_is_not_called_missing(planner):
    screen = alarms("5:10 PM", {1})
    sound = S.el(90, "button", "Sound | Default (Bright morning)", 1900, 120, clickable=True)
    screen = S.screen(*screen.elements, sound, app=APP)
    decision = planner.decide("Change the sound of my 5:10 PM alarm to 'Harp'", screen,
                              opened("5:10 PM alarm"))
    assert not (isinstance(decision.action, Finish)
                and decision.action.status is FinishStatus.INFEASIBLE)


# a popup in the middle of a form -----------------------------------------------------------


def rating_popup() -> Screen:
    box = Bounds(90, 900, 990, 1500)
    window = Window(package=APP, bounds=box)
    return S.screen(
        S.el(0, "text", "Alarms", 0, 120),
        S.el(1, "text", "Enjoying Tempo?", 950, 100, window=1,
             bounds=Bounds(120, 950, 960, 1050)),
        S.el(2, "button", "Not now", 1350, 120, clickable=True, window=1,
             bounds=Bounds(120, 1350, 500, 1470)),
        S.el(3, "button", "Rate", 1350, 120, clickable=True, window=1,
             bounds=Bounds(540, 1350, 960, 1470)),
        app=APP, windows=(Window(package=APP, bounds=Bounds(0, 0, 1080, 2400)), window))


@pytest.mark.slow
def test_a_popup_right_after_a_choice_is_closed_and_forgotten(planner):
    chose = [PastStep(Tap(ElementRef(4)), outcome="chose", verdict=Verdict.CHANGED,
                      memo=Memo(mark=Mark.FILL), screen_signature="form")]
    decision = planner.decide("Set an alarm for 9:40 PM", rating_popup(), chose)
    assert decision.action == PressKey(Key.BACK)
    assert decision.memo is not None and decision.memo.mark is Mark.DISMISS


def running(shown: str) -> Screen:
    return S.screen(S.el(0, "text", "Countdown", 0, 120),
                    S.el(1, "text", shown, 300, 200),
                    S.el(2, "button", "Stop", 600, 140, clickable=True), app=APP)


@pytest.mark.slow
def test_after_a_popup_is_closed_the_press_before_it_is_what_is_judged(planner):
    started = PastStep(Tap(ElementRef(7)), outcome="started", verdict=Verdict.CHANGED,
                       memo=Memo(mark=Mark.GOAL_ACTION), screen_signature="keypad")
    closed = PastStep(PressKey(Key.BACK), outcome="closed", verdict=Verdict.CHANGED,
                      memo=Memo(mark=Mark.DISMISS), screen_signature="popup")
    goal = "Start a 12 minute countdown"
    assert planner.decide(goal, running("00:12:00"), [started, closed]).action == Finish(
        FinishStatus.SUCCESS)
    assert planner.decide(goal, running("00:07:00"), [started, closed]).action != Finish(
        FinishStatus.SUCCESS)
