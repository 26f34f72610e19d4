"""What a request carries and asks when its context tells part of it: a message given "with"
a value, the question that follows a worry, whose value a question of the speaker's own
doing asks for, and the kind a general noun's modifier names in an order over a list.
Sentences of our own, in no task file."""

from __future__ import annotations

import pytest

from planners.embedded import lists
from planners.embedded.asking import request_clause
from planners.embedded.goal import Intent, parse_goal, split_goal
from planners.embedded.memo import memo_of
from planners.embedded.objects import told_where
from planners.embedded.wording import modifiers_of
from tests.embedded.test_lists_and_state import _list, _view


def _message(goal):
    return next(s for s in goal.slots if s.name == "message")


@pytest.mark.parametrize("text", [
    "Send Ines a note with what the oak stool sells for at the store, she asked yesterday",
    "send Ines a message with the walnut shelf's price",
    "Send Ines a note with Omar's email address"])
def test_a_message_given_with_a_value_carries_the_value_read_first(text):
    goal = parse_goal(text)
    message = _message(goal)
    assert goal.intent is Intent.SEND and message.ref
    assert not message.value.lower().startswith("with") and "asked" not in message.value


def test_a_message_with_words_that_name_no_value_is_typed_as_before():
    assert not _message(parse_goal("send Ines a text with a smiley")).ref


def test_a_yes_no_worry_before_a_wh_question_leaves_the_wh_question_to_ask():
    asked, told = request_clause("Is the boat leaving early? When does the last ferry go?")
    assert asked.startswith("When does") and told == ["Is the boat leaving early?"]


def test_a_question_alone_still_asks():
    asked, _ = request_clause("Is the boat leaving early? I hope not.")
    assert asked.startswith("Is the boat")


@pytest.mark.parametrize("text", [
    "I'm at my desk phone and must get hold of Ines. Which line should I ring?",
    "I need to email Ines. Which address should I use?"])
def test_the_value_the_speaker_is_to_use_is_the_one_of_the_person_told(text):
    goal = parse_goal(text)
    assert goal.intent is Intent.ANSWER and goal.entities == ("Ines",)
    assert goal.target.startswith("Ines")


def test_a_verb_after_to_is_no_modifier_of_a_name():
    assert modifiers_of("Ines Vidal", "what do I dial to reach Ines") == set()
    assert modifiers_of("Wi-Fi", "get onto the lab Wi-Fi") == {"lab"}


def test_a_question_of_the_speakers_own_tells_no_place():
    assert told_where(["did I leave one on by mistake?"], "alarm") == []
    assert told_where(["it's on the shared calendar"], "meeting") != []


STOCK = [("Rubber Gloves", "$4.20 · Cleaning"), ("Hose Nozzle", "$12.75 · Garden"),
         ("Seed Tray", "$8.10 · Gardening"), ("Desk Lamp", "$3.99 · Home")]


def test_a_general_noun_takes_its_kind_from_its_modifier(encoder):
    goal, view = _view("what's the cheapest garden item you sell?", _list(*STOCK),
                       encoder=encoder)
    assert memo_of(lists.ranked(goal, view, True)).best.startswith("Seed Tray")


def test_a_bare_general_noun_names_no_kind(encoder):
    goal, view = _view("what's the cheapest item you sell?", _list(*STOCK), encoder=encoder)
    assert memo_of(lists.ranked(goal, view, True)).best.startswith("Desk Lamp")


def test_a_sigh_after_a_comma_tells_nothing_and_asks_nothing():
    asked, told = request_clause("Leaving work now, sigh. Let Oona know I'm ten minutes out.")
    assert asked.startswith("Let Oona know") and "sigh." in told


def test_the_phone_put_on_something_is_put_in_a_mode_of_its_own():
    goal = parse_goal("Put the tablet on power reserve")
    assert goal.intent is Intent.TOGGLE and goal.desired is True


def test_stopping_the_phone_from_using_a_setting_after_a_switch_is_an_order_of_its_own():
    parts = split_goal("set my phone in power saving and keep it from using bluetooth")
    assert len(parts) == 2 and "my phone" in parts[1]
    assert parse_goal(parts[1]).desired is False


def test_it_for_a_thing_the_speaker_got_is_that_thing_not_a_new_one():
    goal = parse_goal("Just unpacked a Zeno Arc speaker. Have it paired, please.")
    assert goal.intent is not Intent.CREATE and "Zeno Arc" in goal.target


def test_a_name_then_a_dash_gives_the_new_note_its_text_days_and_all():
    goal = parse_goal("new note called Roofer - kasia arrives tuesday 9am, bring ladder")
    values = {s.name: s.value for s in goal.slots}
    assert values == {"name": "Roofer", "text": "kasia arrives tuesday 9am, bring ladder"}
    assert goal.days is None


def test_a_time_after_an_alarms_name_and_a_dash_is_still_its_time():
    goal = parse_goal("new alarm named Row - at 6:10 on fridays")
    assert "text" not in {s.name for s in goal.slots} and goal.days is not None


def test_a_persons_number_told_after_and_is_an_edit_of_their_entry():
    goal = parse_goal("Pia changed providers and her mobile is 555-0142 now. Fix that please")
    assert goal.intent is Intent.EDIT and goal.target == "Pia"
    assert [s.value for s in goal.slots] == ["555-0142"]


def test_a_card_told_after_a_colon_keeps_its_email_and_a_tag_asks_nothing():
    goal = parse_goal("The new tutor sent me her details: Rhea Mond, 555-0177, rhea@mond.example. "
                      "Add her to my contacts, would you?")
    values = {s.name: s.value for s in goal.slots}
    assert goal.intent is Intent.CREATE and values["name"] == "Rhea Mond"
    assert values["phone"] == "555-0177" and values["email"] == "rhea@mond.example"


def test_where_a_value_is_kept_said_after_it_is_no_part_of_the_message():
    goal = parse_goal("Oona is coming over. Send her the alarm code, it's written down in my "
                      "notes.")
    assert _message(goal).value == "the alarm code" and _message(goal).ref


def test_a_question_word_and_is_without_the_apostrophe_is_a_question():
    assert parse_goal("wheres my dentist appointment?").intent is Intent.ANSWER


def test_a_contraction_is_no_quote_and_no_shorthand():
    from planners.embedded.shorthand import expanded
    said = "Oona's asking about it. Tell her I'll come"
    assert expanded(said, ["Laps list"], frozenset()) == said


@pytest.mark.parametrize("text", [
    "Check out what I have in my trolley and then mail it to 3 Elm Close, York",
    "check out what my basket holds, have it sent to 3 Elm Close, York"])
def test_what_an_order_then_acts_on_is_no_question(text):
    goal = parse_goal(text)
    assert goal.intent is not Intent.ANSWER
    assert any(s.name == "address" for s in goal.slots)


def test_looking_at_what_a_list_holds_is_still_a_question():
    assert parse_goal("check what my trolley holds").intent is Intent.ANSWER


def test_an_order_on_it_after_an_order_goes_on_with_that_order():
    goal = parse_goal("Purchase everything in my basket. Deliver it to 3 Elm Close, York.")
    assert goal.verb == "purchase" and any(s.name == "address" for s in goal.slots)


def test_an_order_on_it_after_a_statement_is_the_order():
    assert parse_goal("The soup just went on. Set it going for ten minutes").verb == "set"


def test_a_verb_and_its_particle_end_the_kind_an_order_is_over():
    from planners.embedded import row_kinds
    assert row_kinds.kind(parse_goal("what time my earliest alarm goes off?")) == "alarm"
    assert row_kinds.kind(parse_goal("what is the priciest lamp on sale?")) == "lamp"


def test_a_new_thing_made_with_a_value_to_read_holds_that_value():
    goal = parse_goal("Make a fresh note with the weight of the brass kettle")
    text = next(s for s in goal.slots if s.name == "text")
    assert goal.intent is Intent.CREATE and text.ref and text.value.startswith("the weight of")
    assert {s.name for s in parse_goal("set an alarm with the label Gym").slots} == {"label"}


def test_a_closing_order_on_their_card_adds_nothing_to_the_edit():
    goal = parse_goal("Odile Marsh updated her email to odile@marsh.example, could you sort it "
                      "in her card?")
    assert goal.intent is Intent.EDIT and goal.target == "Odile Marsh"


@pytest.mark.parametrize("said, time", [("five past seven", "7:05"), ("twenty to nine", "8:40"),
                                        ("twenty-five past 9 in the evening", "9:25 PM")])
def test_minutes_past_or_to_an_hour_are_a_clock_time(said, time):
    from planners.embedded.spoken_times import in_digits
    assert in_digits(f"wake me at {said}") == f"wake me at {time}"


def test_a_span_from_one_hour_to_another_is_no_clock_time():
    from planners.embedded.spoken_times import in_digits
    assert in_digits("the shop is open from ten to six") == "the shop is open from ten to six"


def test_an_order_to_put_a_new_value_right_in_a_bare_app_adds_nothing_to_the_edit():
    goal = parse_goal("Odile got a new phone number: 555-0155. Could you change it in contacts?")
    assert goal.intent is Intent.EDIT and goal.target == "Odile"


def test_a_recipient_and_an_owner_of_two_names_each_are_told_apart():
    goal = parse_goal("send Ines Vidal Rafa Ortiz's number by text")
    assert {s.name: s.value for s in goal.slots} == {"to": "Ines Vidal",
                                                     "message": "Rafa Ortiz's number"}

