"""Which sentence of a request orders, a thing put before the clause about it, names given
without quotes, what a told clause lends "it", and lengths that are no counts. The requests
and screens are our own."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Scroll, Tap
from perception.elements import Bounds
from planners.embedded.asking import opens_order, request_clause
from planners.embedded.context import came_by_message, got, teller
from planners.embedded.fronted import in_place
from planners.embedded.gestures import steppers
from planners.embedded.goal import Intent, parse_goal, split_goal
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.search import read_further
from planners.embedded.view import View
from planners.planner import Decision
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


@pytest.mark.unit
@pytest.mark.parametrize(("clause", "opens"), [
    ("Set off a twelve minute countdown", True),
    ("Toss them in the bin", True),
    ("Switch off the torch", True),
    ("Fling the old ones out", True),
    ("Pasta just went on", False),  # a subject, then its verb
    ("Sitting on the train", False),  # a participle
    ("Onto the list with it", False),  # a preposition
    ("Nothing in here works", False),
])
def test_a_clause_opens_as_an_order_with_a_verb_then_its_object(clause, opens):
    assert opens_order(clause) is opens


@pytest.mark.unit
def test_of_several_sentences_the_one_that_opens_as_an_order_asks():
    asked, told = request_clause("Pasta just went on. Set off a twelve minute countdown.")
    assert asked == "Set off a twelve minute countdown."
    assert told == ["Pasta just went on."]


@pytest.mark.unit
def test_two_orders_in_two_sentences_are_both_asked():
    text = "Open the clock. Start the stopwatch."
    assert request_clause(text) == (text, [])


@pytest.mark.unit
@pytest.mark.parametrize(("text", "plain"), [
    ("Whichever timer has the most time left, cancel it", "cancel the timer has the most "
     "time left"),
    ("Whichever mug is cheapest, buy it.", "buy the cheapest mug."),
    ("whatever the newest note is, pin it", "pin the newest note"),
    ("My oldest memo, what does that one say?", "what does My oldest memo say?"),
    ("the printer jammed, fix it", "the printer jammed, fix it"),  # said, not a thing
    ("my tablet's overheating, switch it off", "my tablet's overheating, switch it off"),
    ("My alarm, what time is it?", "My alarm, what time is it?"),  # the it of the time
])
def test_a_thing_put_first_takes_the_place_of_what_points_back_at_it(text, plain):
    assert in_place(text) == plain


def test_a_thing_put_first_is_the_object_of_the_wish_after_it(encoder):
    goal = parse_goal("Whichever alarm rings earliest, I want that one labelled Sunrise", encoder)
    assert goal.intent is Intent.EDIT
    assert [(s.name, s.value) for s in goal.slots] == [("label", "Sunrise")]
    assert goal.rank is not None and goal.rank.phrase == "earliest"


@pytest.mark.parametrize(("text", "field", "name"), [
    ("label my 6:15 alarm Gym Time", "label", "Gym Time"),
    ("name the groceries note Weekly Shop", "name", "Weekly Shop"),
    ("I'd like my chores list titled House jobs", "title", "House jobs"),
])
def test_a_name_given_without_quotes_is_the_new_value(encoder, text, field, name):
    goal = parse_goal(text, encoder)
    assert goal.intent is Intent.EDIT
    assert (field, name) in [(s.name, s.value) for s in goal.slots]


def test_a_pronoun_is_never_text_to_type(encoder):
    goal = parse_goal("I got a voucher by email, CODE20. Use it on my basket", encoder)
    assert not [s for s in goal.slots if s.value.lower() == "it"]


def test_what_is_written_down_for_the_person_is_a_new_note(encoder):
    goal = parse_goal("Scribble down for me: bin bags, bleach and sponges", encoder)
    assert goal.intent is Intent.CREATE
    assert [s.value for s in goal.slots] == ["bin bags, bleach and sponges"]


@pytest.mark.unit
def test_what_the_speaker_got_is_what_it_points_back_at():
    assert got("just picked up my new bike from the shop") == "my new bike"
    assert got("I bought a lamp yesterday") == "a lamp"
    assert got("the bus was late") == ""


def test_it_is_the_thing_the_speaker_got_and_a_means_is_no_switch(encoder):
    goal = parse_goal("Finally bought my Zephyr Earbuds, link them with this mobile "
                      "via bluetooth", encoder)
    assert goal.intent is Intent.DO  # linked to the earbuds, not Bluetooth switched on
    assert "Zephyr Earbuds" in goal.entities


@pytest.mark.unit
def test_a_value_told_by_text_came_in_a_message_from_its_teller():
    text = "Oskar told us by message when the match starts. Wake me then."
    assert teller(text, "when the match starts") == "Oskar"
    assert came_by_message(text, "when the match starts")


def test_a_length_of_time_is_no_count_of_things(encoder):
    goal = parse_goal("set a timer for two and a half hours", encoder)
    assert goal.quantity is None
    assert parse_goal("order three and a half dozen pegs", encoder).quantity == 3


def test_the_keys_of_a_keypad_are_no_stepper(encoder):
    keys = [el(i, "button", str(i), bounds=Bounds(100 + 300 * (i - 7), 1500, 340 + 300 * (i - 7),
                                                  1700), clickable=True) for i in (7, 8, 9)]
    stepper = [el(20, "button", "Fewer", bounds=Bounds(100, 600, 300, 760), clickable=True),
               el(21, "text", "2", bounds=Bounds(420, 600, 620, 760)),
               el(22, "button", "More", bounds=Bounds(740, 600, 940, 760), clickable=True)]
    goal = parse_goal("buy 3 mugs", encoder)
    for shown, found in ((keys, 0), (keys + stepper, 1)):
        view = View(screen(*shown), signature_of(screen(*shown)), GoalMatcher(goal, encoder),
                    [])
        assert len(steppers(view)) == found


@pytest.mark.unit
def test_where_every_clause_tells_the_one_wish_asks():
    asked, told = request_clause("Lying on the sofa and the glare hurts. I'd love it dimmer.")
    assert asked == "I'd love it dimmer."
    assert told == ["Lying on the sofa and the glare hurts."]


@pytest.mark.unit
def test_a_clause_opening_with_a_participle_tells():
    asked, told = request_clause("Driving to work now, mute the ringer")
    assert (asked, told) == ("mute the ringer", ["Driving to work now,"])


def test_an_answer_goes_to_the_person_told_of_with_the_words_after_say(encoder):
    goal = parse_goal("Marek wants to know if I'm free. Text back and say only after six.",
                      encoder)
    assert goal.intent is Intent.SEND
    assert [(s.name, s.value) for s in goal.slots] == [("to", "Marek"),
                                                       ("message", "only after six")]


def test_the_person_the_speaker_deals_with_is_whom_him_means(encoder):
    goal = parse_goal("I owe Bastian for the tickets. Which email is saved for him?",
                      encoder)
    assert goal.intent is Intent.ANSWER
    assert "Bastian" in goal.entities


def test_words_after_a_colon_go_in_the_item_named_before_it(encoder):
    goal = parse_goal("another item for my hardware list: wood glue", encoder)
    assert goal.intent is Intent.EDIT
    assert [(s.name, s.value) for s in goal.slots] == [("text", "wood glue")]
    assert "hardware list" in goal.target


def test_a_place_then_with_and_a_thing_puts_the_thing_there(encoder):
    goal = parse_goal("Dinner's sorted. Onto my shopping note with the candles.", encoder)
    assert goal.intent in (Intent.EDIT, Intent.CREATE)
    assert "shopping note" in goal.target


def test_a_count_said_alone_counts_what_the_order_points_back_at(encoder):
    goal = parse_goal("I'm after the Linen Apron, three of them please. Pop them in my basket.",
                      encoder)
    assert goal.intent is Intent.CREATE
    assert goal.quantity == 3
    assert "Linen Apron" in goal.entities


@pytest.mark.parametrize("text", [
    "Ines switched providers; her address is ines.k@quillmail.org now. Correct her contact card.",
    "Ines has a new address, ines.k@quillmail.org",
])
def test_a_persons_value_told_with_an_order_to_put_it_right_is_an_edit(encoder, text):
    goal = parse_goal(text, encoder)
    assert goal.intent is Intent.EDIT
    assert [(s.name, s.value) for s in goal.slots] == [("email", "ines.k@quillmail.org")]


def test_a_persons_value_told_with_no_order_changes_nothing(encoder):
    goal = parse_goal("Ines rang earlier, she can be reached on 555 0142", encoder)
    assert goal.intent is not Intent.EDIT


def test_a_count_of_them_after_an_order_counts_that_orders_object(encoder):
    parts = split_goal("open the marble game and clear two of them", encoder)
    assert parts[1] == "clear two of the marble game"


def test_what_is_opened_is_named_by_the_order_not_by_what_was_told(encoder):
    goal = parse_goal("I'm waiting for a bus. open the puzzle game", encoder)
    assert goal.intent is Intent.OPEN
    assert goal.target == "puzzle game"


def test_a_row_named_by_a_word_of_the_question_is_opened_before_the_list_is_read_on(encoder):
    rows = [el(1, "list", "", 300, height=1800, scrollable=True),
            *(el(i, "button", label, 300 + 200 * i, clickable=True)
              for i, label in enumerate(["Network", "Sound", "Power | 61%", "Storage"], 2))]
    goal = parse_goal("how much oomph is left in the power pack?", encoder)
    shown = screen(*rows, app="com.example.settings")
    view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), [])
    move = Decision(Tap(ElementRef(4)), thought="")
    assert read_further(goal, view, move) is None  # "Power" is a word of the question
    move = Decision(Tap(ElementRef(2)), thought="")
    assert isinstance(read_further(goal, view, move).action, Scroll)


def test_an_app_called_the_x_game_is_open_once_x_is_in_front(encoder):
    from planners.embedded import EmbeddedPlanner
    from planners.embedded.memory import AppMemory

    memory = AppMemory()
    game = screen(el(0, "text", "Marbles", 0), el(1, "text", "Score 0", 200),
                  el(2, "button", "New round", 400, clickable=True), app="com.example.marbles")
    prefs = screen(el(0, "text", "Apps", 0), el(1, "button", "Game settings", 300,
                                                clickable=True), app="com.example.prefs")
    for label, page in (("Marbles", game), ("Preferences", prefs)):
        memory.set_app(label, page.app, signature_of(page))
        memory.add_screen(signature_of(page), page, label)
    memory.embed(encoder)
    playing = screen(el(0, "text", "Score 0", 0), el(1, "button", "Pause", 200, clickable=True),
                     app="com.example.marbles")  # no word of its name on the page
    decision = EmbeddedPlanner(memory, encoder=encoder).decide("open the marble game", playing,
                                                               [])
    assert decision.action == Finish(FinishStatus.SUCCESS)


def test_a_question_presses_no_control_that_acts_unless_it_names_what_is_asked(encoder):
    from planners.embedded.harmless import way_on

    shown = screen(el(1, "button", "Reset", 300, clickable=True),
                   el(2, "button", "Start", 500, clickable=True),
                   el(3, "button", "Order history", 700, clickable=True),
                   el(4, "button", "Laps", 900, clickable=True))
    asked = parse_goal("when did my last order ship?", encoder)
    told = parse_goal("reset the stopwatch", encoder)
    by_id = {e.id: e for e in shown.elements}
    assert [i for i in by_id if way_on(by_id[i], shown, asked)] == [3, 4]
    assert way_on(by_id[1], shown, told)  # an order may go by it (its own act presses it)


def test_an_order_to_be_woken_takes_the_time_the_context_gives(encoder):
    goal = parse_goal("Big hike on Saturday and we need to be out by 6:10 am. Make sure "
                      "something rouses us.", encoder)
    assert goal.intent is Intent.CREATE
    assert [(s.name, s.value) for s in goal.slots] == [("time", "6:10 am")]


@pytest.mark.unit
def test_make_sure_opens_an_order():
    assert opens_order("Make sure the hallway light goes off")


def test_a_row_lacking_a_word_the_question_says_before_its_name_is_not_opened_first(encoder):
    rows = [el(1, "list", "", 300, height=1800, scrollable=True),
            *(el(i, "button", label, 300 + 200 * i, clickable=True)
              for i, label in enumerate(["Lamp", "Desk tidy | $9", "Stool"], 2))]
    goal = parse_goal("how much is the oak desk tidy?", encoder)
    shown = screen(*rows, app="com.example.shop")
    view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), [])
    decision = read_further(goal, view, Decision(Tap(ElementRef(3)), thought=""))
    assert isinstance(decision.action, Scroll)  # another one may be further down
