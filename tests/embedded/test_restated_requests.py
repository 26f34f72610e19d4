"""Requests said the way people talk read as the plain order they mean: the person and a
clock time ask for an alarm, a length of time given or counted down asks for a timer, a new
thing to have asks for an order, a light verb hands its noun the verb."""

import pytest

from planners.embedded import durations, purchase, restated
from planners.embedded.asking import manner
from planners.embedded.goal import Intent, parse_goal
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from tests.embedded.screens import el, screen


@pytest.mark.parametrize(("said", "time"), [
    ("rouse me at 5:20", "5:20"),
    ("get us up at 8", "8:00"),
    ("wake him up at 9:10 pm", "9:10 pm"),
    ("rouse me at 5:20 tomorrow morning", "5:20 AM"),
])
def test_the_person_and_a_clock_time_ask_for_an_alarm_at_that_time(said, time):
    goal = parse_goal(said)
    assert goal.intent is Intent.CREATE and "alarm" in goal.target
    assert [s.value for s in goal.slots if s.name == "time"] == [time]


@pytest.mark.parametrize(("said", "seconds"), [
    ("count down 3 minutes for the eggs", 180),
    ("give me twenty minutes", 1200),
    ("give us an hour", 3600),
])
def test_a_length_given_or_counted_down_asks_for_a_timer_of_that_length(said, seconds):
    plain = restated.plainly(said)
    assert "timer" in parse_goal(said).target
    assert durations.duration_s(plain) == seconds


@pytest.mark.parametrize(("said", "kind", "time"), [
    ("reminder 7:45pm", "reminder", "7:45pm"), ("meeting at 14:00", "meeting", "14:00"),
])
def test_a_bare_noun_and_a_clock_time_ask_for_a_new_item_at_that_time(said, kind, time):
    goal = parse_goal(said)
    assert goal.intent is Intent.CREATE and goal.target == kind
    assert [s.value for s in goal.slots if s.name == "time"] == [time]


@pytest.mark.parametrize(("said", "text"), [
    ("jot down: renew passport, book dentist", "renew passport, book dentist"),
    ("scribble this down - pick up the dry cleaning", "pick up the dry cleaning"),
    ("write down that the boiler code is 4471", "the boiler code is 4471"),
])
def test_what_is_written_down_is_the_text_of_a_new_note(said, text):
    goal = parse_goal(said)
    assert goal.intent is Intent.CREATE and [s.value for s in goal.slots] == [text]


@pytest.mark.parametrize("said", ["write down the gate code", "remind 5 minutes",
                                  "wait 5 minutes", "give me the forecast",
                                  "make a reservation for two", "set an alarm for 6:00"])
def test_what_has_another_shape_is_left_as_it_was_said(said):
    assert restated.plainly(said) == said


@pytest.mark.slow
@pytest.mark.parametrize(("said", "item"), [
    ("find me a kettle descaler", "kettle descaler"),
    ("Put in an order for a bike pump", "bike pump"),
])
def test_a_new_thing_to_have_or_an_order_placed_is_a_purchase(encoder, said, item):
    goal = parse_goal(said, encoder)
    view = View(screen(el(0, "text", "Home", 0), app="com.example.store"),
                signature_of(screen(el(0, "text", "Home", 0))), GoalMatcher(goal, encoder), [])
    assert purchase.is_purchase(goal, view)
    assert goal.target.lower() == item


def test_a_light_verb_hands_its_noun_the_verb():
    assert restated.plainly("make a call to Ines") == "call Ines"


@pytest.mark.parametrize(("said", "plain"), [
    ("Oskar's got a new number, 555 0132. Change it, and keep the rest as it is",
     "change Oskar's number to 555 0132"),
    ("Bea has a new email: bea.k@fastmail.net - sort that out please",
     "change Bea's email to bea.k@fastmail.net"),
    ("Lorcan Tully got a new mobile, 555 0190. Could you fix his card?",
     "change Lorcan Tully's mobile to 555 0190"),
    ("Ines gets a new email: ines@rowan.org; change her details",
     "change Ines's email to ines@rowan.org"),
    ("Piet Vonk has a different mobile now: 555 0177",
     "change Piet Vonk's mobile to 555 0177"),
    ("Rhoda's got another email: rhoda@birch.io. Fix that",
     "change Rhoda's email to rhoda@birch.io"),
])
def test_a_new_value_said_after_a_pause_is_an_edit_of_that_field(said, plain):
    assert restated.plainly(said) == plain


def test_a_new_thing_that_is_no_value_of_an_entry_is_not_an_edit():
    said = "Oskar's got a new scooter, a blue one"
    assert restated.plainly(said) == said
    said = "Oskar got a new scooter, a blue one. Update his entry?"
    assert restated.plainly(said) == said


@pytest.mark.parametrize(("said", "plain"), [
    ("Please add Odile Brask to my contacts, her number is 555 0161",
     "Please add Odile Brask to my contacts with the number 555 0161"),
    ("save Imre Vass as a contact; his email's imre@vass.example",
     "save Imre Vass as a contact with the email imre@vass.example"),
    ("set an alarm for 6:05, its label is Ferry", "set an alarm for 6:05 with the label Ferry"),
])
def test_a_value_given_in_a_clause_that_points_back_goes_with_the_thing(said, plain):
    assert restated.plainly(said) == plain


@pytest.mark.parametrize("said", ["text Odile, her table is 12",
                                  "add Odile Brask to my contacts, her dog is lovely"])
def test_what_is_said_to_someone_or_no_value_is_left_as_it_is(said):
    assert restated.plainly(said) == said


@pytest.mark.parametrize(("said", "plain"), [
    ("the broken kettle note can go", "delete the broken kettle note"),
    ("that 5:40 alarm has to go now", "delete that 5:40 alarm"),
    ("My old landline needs to go.", "delete My old landline"),
])
def test_a_thing_free_or_bound_to_go_is_to_be_removed(said, plain):
    assert restated.plainly(said) == plain


@pytest.mark.parametrize(("said", "plain"), [
    ("I gave the canoe away, so the canoe club alarm can go",
     "delete the canoe club alarm"),
    ("we've finished the course, so turn off the Tuesday alarm",
     "turn off the Tuesday alarm"),
])
def test_after_a_statement_of_what_was_done_so_leads_to_the_request(said, plain):
    assert restated.plainly(said) == plain


@pytest.mark.parametrize("said", ["turn the volume up so I hear the door",
                                  "I want the hall light off so we can sleep",
                                  "I'm off to bed. Switch the fan off so it stays dark",
                                  "I'm cold, turn the heating up so I can read"])
def test_so_after_an_order_or_a_wish_still_tells_why(said):
    assert restated.plainly(said) == said.split(" so ")[0]


@pytest.mark.parametrize(("said", "plain"), [
    ("start a note called Shed with the padlock 3391 in it",
     "start a note called Shed containing the padlock 3391"),
    ("make me a list named Camping with tent pegs inside it.",
     "make me a list named Camping containing tent pegs."),
])
def test_a_thing_made_with_something_in_it_holds_it(said, plain):
    assert restated.plainly(said) == plain


def test_what_a_new_thing_holds_is_its_text_not_a_place():
    goal = parse_goal("write a note called Shed with the padlock 3391 in it")
    assert goal.intent is Intent.CREATE
    assert ("name", "Shed") in [(s.name, s.value) for s in goal.slots]
    assert any(s.name == "text" and "3391" in s.value for s in goal.slots)


def test_a_remark_before_an_order_to_make_something_names_nothing_to_look_for():
    goal = parse_goal("The bread is proving, give me a forty minute timer")
    assert goal.intent is Intent.CREATE and "bread" not in goal.target


@pytest.mark.parametrize(("said", "plain"), [
    ("Wilma Ek has updated her email to wilma.ek@post.example, please fix her card",
     "change Wilma Ek's email to wilma.ek@post.example"),
    ("Teo Lind has switched his number to 555 0188", "change Teo Lind's number to 555 0188"),
])
def test_a_change_a_person_made_to_their_value_is_an_edit(said, plain):
    assert restated.plainly(said) == plain


@pytest.mark.parametrize("said", ["the ringer as loud as it can go",
                                  "my feet ache, take the step goal as low as you can go"])
def test_as_far_as_it_can_go_is_a_degree_not_a_removal(said):
    assert not restated.plainly(said).startswith("delete")


@pytest.mark.unit
def test_a_request_after_a_sentence_that_tells_something_is_restated_after_it():
    assert restated.plainly("I've a flight at dawn. Get me up at 4:50 in the morning") == (
        "I've a flight at dawn. set an alarm for 4:50 am")


@pytest.mark.unit
def test_a_told_sentence_with_no_subject_lends_what_it_is_on_to_a_pronoun():
    how = manner("Wavered on the floor lamp. Pull it from my basket")
    assert how.context == ("Wavered on the floor lamp",)
    assert how.clause == "Pull the floor lamp from my basket"


@pytest.mark.unit
@pytest.mark.parametrize(("said", "plain"), [
    ("How much is the enamel colander going for?", "How much is the enamel colander?"),
    ("what do linen aprons sell for at the store", "what do linen aprons cost at the store?"),
    ("what's the teak bench going for", "what's the teak bench cost?"),
    ("what is the spare hook for?", "what is the spare hook for?"),  # a use, no price
])
def test_what_a_thing_goes_for_is_what_it_costs(said, plain):
    assert restated.plainly(said) == plain


@pytest.mark.unit
@pytest.mark.parametrize(("said", "plain"), [
    ("kick off a nine minute countdown for the eggs", "start a countdown for nine minute"),
    ("run an 8-minute timer please", "start a timer for 8-minute"),
    ("start the pasta timer", "start the pasta timer"),  # no length: a timer of its own
])
def test_a_countdown_of_a_length_is_started_whatever_it_is_for(said, plain):
    assert restated.plainly(said) == plain
