"""Success needs evidence on the screen: a removal is done when the item is gone from its
list, an addition when the screen counts it, an action with a number when the number shows,
an answer when the value has the kind asked and belongs to the item named. Without the
evidence the planner goes on (or gives up honestly); it never presses another tool's button.
The screens and requests are our own, in no task file."""

from dataclasses import replace

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Tap, TypeText, Wait
from perception.elements import Bounds
from planners.embedded import acts, evidence, forms, keypad, purchase, reading
from planners.embedded.goal import parse_goal
from planners.embedded.memo import Mark, Memo
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import PastStep, Verdict
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


def _view(goal: str, shown, history=(), encoder=None):
    parsed = parse_goal(goal, encoder)
    return parsed, View(shown, signature_of(shown), GoalMatcher(parsed, encoder), list(history))


def _step(element_id: int, mark: Mark, item: str = "", counts=(), shown=None) -> PastStep:
    return PastStep(Tap(ElementRef(element_id)), verdict=Verdict.CHANGED,
                    memo=Memo(mark=mark, item=item, counts=counts),
                    screen_signature=signature_of(shown) if shown is not None else "")


# removals ----------------------------------------------------------------------------------


def _recipes(*titles: str, notice: str = ""):
    rows = [el(i + 1, "button", t, 300 + 200 * i, height=180, clickable=True,
               description="ingredients, steps") for i, t in enumerate(titles)]
    extra = [el(20, "text", notice, 300, height=100)] if notice else []
    return screen(el(0, "list", "", 280, height=1800, scrollable=True), *rows, *extra,
                  el(9, "button", "New recipe", 2100, height=150, clickable=True),
                  app="com.example.recipes")


def _recipe_page(title: str):
    return screen(el(1, "button", "Navigate up", 0, height=120, clickable=True),
                  el(2, "button", "Delete recipe", 0, height=120, clickable=True,
                     bounds=Bounds(800, 0, 1000, 120)),
                  el(3, "text", title, 200), app="com.example.recipes")


def _removal(goal: str, after, tries: int, encoder, waited: bool = True):
    listed = _recipes("Lemon tart", "Pea soup")
    history = []
    for _ in range(tries):
        history += [_step(1, Mark.OPEN_ITEM, "Lemon tart", shown=listed),
                    _step(2, Mark.GOAL_ACTION, shown=_recipe_page("Lemon tart"))]
    if waited:  # the list was looked at again after a pause
        history.append(PastStep(Wait(1.0), verdict=Verdict.NO_CHANGE,
                                screen_signature=signature_of(listed)))
    return _view(goal, after, history, encoder)


def test_a_list_still_showing_the_item_just_removed_is_looked_at_again(encoder):
    goal, view = _removal("remove the Lemon tart recipe", _recipes("Lemon tart", "Pea soup"),
                          1, encoder, waited=False)
    assert isinstance(acts.verb_done(goal, view).action, Wait)


def test_a_removal_whose_item_is_still_listed_is_not_done(encoder):
    goal, view = _removal("remove the Lemon tart recipe", _recipes("Lemon tart", "Pea soup"),
                          1, encoder)
    assert acts.verb_done(goal, view) is None
    again = acts.open_entity(goal, view)  # tried once more: the row is opened again
    assert again is not None and again.action == Tap(ElementRef(1))


def test_a_removal_that_never_takes_is_given_up_honestly(encoder):
    goal, view = _removal("remove the Lemon tart recipe", _recipes("Lemon tart", "Pea soup"),
                          2, encoder)
    done = acts.verb_done(goal, view)
    assert isinstance(done.action, Finish) and done.action.status is FinishStatus.FAILURE
    assert "still listed" in done.thought


def test_a_removal_is_done_when_the_list_no_longer_shows_the_item(encoder):
    gone = _recipes("Pea soup", notice="Lemon tart deleted")  # a notice is not the row
    goal, view = _removal("remove the Lemon tart recipe", gone, 1, encoder, waited=False)
    done = acts.verb_done(goal, view)
    assert done is not None and done.action == Finish()


# additions in place ------------------------------------------------------------------------


def _product(bag: int):
    return screen(el(1, "button", "Navigate up", 0, height=120, clickable=True),
                  el(2, "button", f"Bag, {bag} item{'s' * (bag != 1)}", 0, height=120,
                     clickable=True, bounds=Bounds(700, 0, 1080, 120)),
                  el(3, "text", "Canvas tote", 200), el(4, "text", "$12.00", 360),
                  el(5, "button", "Add to bag", 2000, height=150, clickable=True),
                  app="com.example.store")


def test_an_addition_is_done_when_a_counter_went_up_by_one(encoder):
    goal, before = _view("put the canvas tote in my bag", _product(0), encoder=encoder)
    press = acts.press_create(goal, before) or acts.press_verb(goal, before)
    assert press is not None and press.action == Tap(ElementRef(5))
    step = PastStep(press.action, verdict=Verdict.CHANGED, memo=press.memo,
                    screen_signature=before.sig)
    _, after = _view("put the canvas tote in my bag", _product(1), [step], encoder)
    assert purchase.added_in_place(goal, after).action == Finish()


def test_a_press_that_counted_nothing_finishes_nothing(encoder):
    goal, before = _view("put the canvas tote in my bag", _product(2), encoder=encoder)
    press = acts.press_create(goal, before) or acts.press_verb(goal, before)
    step = PastStep(press.action, verdict=Verdict.CHANGED, memo=press.memo,
                    screen_signature=before.sig)
    for count in (2, 4):  # unchanged, or two more where one was asked
        _, after = _view("put the canvas tote in my bag", _product(count), [step], encoder)
        assert purchase.added_in_place(goal, after) is None
        assert acts.verb_done(goal, after) is None


# tools, tabs and numbers -------------------------------------------------------------------


def _kitchen_tools(selected: str, display: str, running: bool = False):
    tabs = [el(10 + i, "button", name, 2100, height=150, clickable=True,
               selected=name == selected, bounds=Bounds(270 * i, 2100, 270 * (i + 1), 2250))
            for i, name in enumerate(("Oven", "Countdown", "Lap counter", "Scale"))]
    return screen(el(1, "text", selected, 0, height=120), el(2, "text", display, 300),
                  el(3, "button", "Pause" if running else "Start", 1800, height=150,
                     clickable=True), *tabs, app="com.example.kitchen")


def test_the_start_of_another_tool_is_not_pressed(encoder):
    goal, view = _view("start a 7 minute countdown", _kitchen_tools("Lap counter", "00:00.0"),
                       encoder=encoder)
    assert evidence.another_tool(goal, view)
    assert acts.press_verb(goal, view) is None
    _, own = _view("start a 7 minute countdown", _kitchen_tools("Countdown", "07:00"),
                   encoder=encoder)
    assert not evidence.another_tool(goal, own)


def test_an_action_with_a_number_is_done_only_when_the_number_shows(encoder):
    begun = PastStep(Tap(ElementRef(3)), verdict=Verdict.CHANGED,
                     memo=Memo(mark=Mark.GOAL_ACTION))
    goal, wrong = _view("start a 7 minute countdown",
                        _kitchen_tools("Countdown", "00:00", running=True), [begun], encoder)
    assert acts.verb_done(goal, wrong) is None
    _, right = _view("start a 7 minute countdown",
                     _kitchen_tools("Countdown", "07:00", running=True), [begun], encoder)
    assert acts.verb_done(goal, right).action == Finish()


# fields ------------------------------------------------------------------------------------


def test_a_search_box_holding_the_query_is_not_the_items_field(encoder):
    queried = PastStep(TypeText("camping gear list"), verdict=Verdict.CHANGED,
                       memo=Memo(mark=Mark.SEARCH))
    shown = screen(el(1, "input", "camping gear list", 100, editable=True, clickable=True,
                      focused=True), el(2, "text", "Nothing found", 400),
                   app="com.example.jotter")
    goal, view = _view("add a headlamp to my camping gear list", shown, [queried], encoder)
    assert forms.fill_form(goal, view) is None


def test_free_text_goes_to_the_field_that_is_not_the_items_name(encoder):
    opened = PastStep(Tap(ElementRef(4)), verdict=Verdict.CHANGED,
                      memo=Memo(mark=Mark.OPEN_ITEM, item="Camping gear"))
    shown = screen(el(1, "button", "Navigate up", 0, height=120, clickable=True),
                   el(2, "input", "Camping gear", 200, editable=True, clickable=True),
                   el(3, "input", "tent, stove, matches", 400, height=600, editable=True,
                      clickable=True), app="com.example.jotter")
    goal, view = _view("add a headlamp to my camping gear note", shown, [opened], encoder)
    typed = forms.fill_form(goal, view)
    assert typed is not None and typed.action.target == ElementRef(3)
    assert "headlamp" in typed.action.text


# answers -----------------------------------------------------------------------------------


def _lockers():
    rows = [("Boat shed", "Padlock: 4471 Spare key in the tin"),
            ("Train ticket", "Coach 5, seat 22. Booking RX-7731"),
            ("Allotment gate", "Combination: 2209"),
            ("Storage unit", "Unit 14, gate code GT-5150")]
    items = [el(i + 1, "button", label, 300 + 200 * i, height=180, clickable=True,
                description=summary) for i, (label, summary) in enumerate(rows)]
    return screen(el(0, "list", "", 280, height=1800, scrollable=True), *items,
                  app="com.example.jotter")


def test_a_code_on_another_items_row_is_not_the_answer(encoder):
    goal, view = _view("what's the padlock code for the garden shed?", _lockers(),
                       encoder=encoder)
    assert reading.answer(goal, view, True) is None


def test_a_keyed_value_is_read_from_the_row_of_the_item_named(encoder):
    goal, view = _view("what's the combination for the allotment gate?", _lockers(),
                       encoder=encoder)
    found = reading.answer(goal, view, True)
    assert found is not None and found.action.answer == "2209"


def test_a_long_name_does_not_hide_what_kind_of_value_is_asked(encoder):
    goal = parse_goal("What's Anneliese Vandermeer-Okonkwo's phone number?", encoder)
    assert goal.value_type == "phone"


# durations on a keypad ---------------------------------------------------------------------


def _keypad(display: str):
    keys = [el(10 + int(d), "button", d, 600 + 170 * (i // 3), height=150, clickable=True,
               bounds=Bounds(300 * (i % 3), 600 + 170 * (i // 3), 300 * (i % 3) + 280,
                             750 + 170 * (i // 3)))
            for i, d in enumerate("1234567890")]
    return screen(el(1, "text", display, 300, height=220), *keys,
                  el(30, "button", "⌫", 1300, height=150, clickable=True,
                     bounds=Bounds(600, 1280, 880, 1430)),
                  el(31, "button", "Start", 1600, height=150, clickable=True),
                  app="com.example.kitchen")


def test_a_duration_is_typed_on_the_keypad_until_the_display_shows_it(encoder):
    goal, empty = _view("start a 1 hour 45 minute countdown", _keypad("00h 00m 00s"),
                        encoder=encoder)
    assert keypad.duration_s(goal.text) == 6300
    assert keypad.enter_duration(goal, empty).action == Tap(ElementRef(11))  # "1" of 14500
    _, part = _view("start a 1 hour 45 minute countdown", _keypad("00h 00m 14s"),
                    encoder=encoder)
    assert keypad.enter_duration(goal, part).action == Tap(ElementRef(15))  # then "5"
    _, wrong = _view("start a 1 hour 45 minute countdown", _keypad("00h 00m 19s"),
                     encoder=encoder)
    assert keypad.enter_duration(goal, wrong).action == Tap(ElementRef(30))  # erase first
    _, done = _view("start a 1 hour 45 minute countdown", _keypad("01h 45m 00s"),
                    encoder=encoder)
    assert keypad.enter_duration(goal, done) is None  # set: Start is next


def test_an_answer_has_the_kind_the_question_asks(encoder):
    def ask(text, value_type=None):
        return replace(parse_goal(text, encoder), value_type=value_type)

    assert not reading.fits_kind(ask("what's Ines's mobile?", "phone"), "See you at noon")
    assert reading.fits_kind(ask("what's Ines's mobile?", "phone"), "+351 912 000 443")
    assert not reading.fits_kind(ask("who sent the parcel?"), "07:45")
    assert not reading.fits_kind(ask("who sent the parcel?"), "$24.00")
    assert reading.fits_kind(ask("who sent the parcel?"), "Tomasz Wójcik")


def test_a_value_on_the_named_items_own_page_is_its_own(encoder):
    page = screen(el(1, "button", "Navigate up", 0, height=120, clickable=True),
                  el(2, "text", "Sunniva Aas", 200),
                  el(3, "button", "Call", 400, clickable=True),
                  el(4, "button", "+47 912 34 567", 600, clickable=True, description="Mobile"),
                  el(5, "button", "sunniva@fjord.example", 800, clickable=True,
                     description="Email"), app="com.example.people")
    goal, view = _view("What is Sunniva's email address?", page, encoder=encoder)
    found = reading.answer(goal, view, True)
    assert found is not None and found.action.answer == "sunniva@fjord.example"


def test_a_removal_is_judged_on_the_list_it_was_on_not_in_another_app(encoder):
    listed = _recipes("Lemon tart", "Pea soup")
    history = [PastStep(Tap(ElementRef(1)), verdict=Verdict.CHANGED, app="com.example.recipes",
                        memo=Memo(mark=Mark.OPEN_ITEM, item="Lemon tart"),
                        screen_signature=signature_of(listed)),
               PastStep(Tap(ElementRef(2)), verdict=Verdict.CHANGED, app="com.example.recipes",
                        memo=Memo(mark=Mark.GOAL_ACTION))]
    elsewhere = screen(el(1, "button", "Wi-Fi", 200, clickable=True),
                       el(2, "button", "Display", 400, clickable=True), app="com.example.setup")
    goal, view = _view("remove the Lemon tart recipe", elsewhere, history, encoder)
    assert acts.verb_done(goal, view) is None


def test_the_row_called_as_the_goal_says_is_opened_not_one_adding_a_word(encoder):
    rows = [el(1, "button", "Garden hose", 300, height=180, clickable=True,
               description="buy a longer one"),
            el(2, "button", "Garden", 500, height=180, clickable=True,
               description="sow peas in March"),
            el(3, "button", "Piano lesson, Tuesday", 700, height=180, clickable=True)]
    shown = screen(el(0, "list", "", 280, height=1800, scrollable=True), *rows,
                   app="com.example.jotter")
    goal, view = _view("Rename the note 'Garden' to 'Allotment'", shown, encoder=encoder)
    opened = acts.open_entity(goal, view)
    assert opened is not None and opened.action == Tap(ElementRef(2))
