"""Where the parts of a request begin and end: the complement after a verb's object, the
new thing a later "it" points at, a clause of purpose after a clock time, what a new item
is given "in it", the words a message runs on to, and a bare plural object that opens an
order. Sentences of our own, in no task file."""

from __future__ import annotations

import pytest

from planners.embedded.asking import manner, opens_order, request_clause
from planners.embedded.goal import Intent, parse_goal, split_goal


def _slots(goal):
    return {s.name: s.value for s in goal.slots}


@pytest.mark.parametrize("text", ["would you get the lettering larger on here?",
                                  "get the ringer a bit louder please"])
def test_a_comparative_after_the_object_is_a_level(text):
    assert parse_goal(text).intent is Intent.SET_VALUE


def test_a_comparative_before_a_noun_only_says_which_thing():
    assert parse_goal("get a smaller mug").intent is not Intent.SET_VALUE


def test_a_setting_named_in_a_notes_name_switches_nothing():
    goal = parse_goal("paint the Bluetooth at home note green")
    assert goal.intent is not Intent.TOGGLE and goal.desired is None


def test_it_after_a_new_thing_and_a_verb_is_that_thing_not_the_context():
    goal = parse_goal("I've got a ferry on Monday. Put in an alarm for 6:40 AM and label it Oars")
    assert goal.intent is Intent.CREATE
    assert _slots(goal) == {"time": "6:40 AM", "label": "Oars"}


def test_a_clause_of_purpose_after_a_clock_time_is_no_part_of_the_name():
    goal = parse_goal("set an alarm for 6:40 AM and label it Oars so we don't miss the boat")
    assert _slots(goal) == {"time": "6:40 AM", "label": "Oars"}


def test_so_before_a_wish_is_no_purpose():
    goal = parse_goal("No gym class today, so I'd rather the 6:15 alarm were off")
    assert goal.intent is Intent.TOGGLE and goal.desired is False


@pytest.mark.parametrize("text", ["create a note called Shed padlock and in it put code 7720",
                                  "make a new note named Shed padlock and type code 7720 in it"])
def test_what_a_new_item_is_given_in_it_is_its_text(text):
    assert split_goal(text) == [text]
    goal = parse_goal(text)
    assert goal.intent is Intent.CREATE
    assert _slots(goal) == {"name": "Shed padlock", "text": "code 7720"}


def test_a_message_runs_on_over_a_told_clause_in_its_sentence():
    goal = parse_goal("Tell Imre soup, I'm cooking tonight.")
    assert goal.intent is Intent.SEND
    assert _slots(goal) == {"to": "Imre", "message": "soup, I'm cooking tonight"}


def test_a_message_stops_at_its_sentence():
    goal = parse_goal("Text Imre yes. I'm cooking tonight.")
    assert _slots(goal)["message"] == "yes"


def test_a_bare_plural_object_then_which_opens_an_order():
    assert opens_order("Silence calls from her for today")
    assert not opens_order("Pia keeps calling me")
    asked, told = request_clause("Pia keeps calling me. Silence calls from her for today.")
    assert asked.startswith("Silence") and told == ["Pia keeps calling me."]


def test_it_in_a_later_order_is_the_thing_an_earlier_order_named():
    goal = parse_goal("Off work tomorrow. Shut off my 6:10 alarm. Just switch it off though, "
                      "don't delete it.")
    assert goal.intent is Intent.TOGGLE and goal.desired is False
    assert "6:10" in goal.entities


def test_what_the_speaker_got_ends_where_a_clause_of_its_own_begins():
    how = manner("Just unpacked my new Jabra Elite earbuds and they're flashing. Could you "
                 "hook them up with my phone?")
    assert "Jabra Elite earbuds" in how.clause and "flashing" not in how.clause


@pytest.mark.parametrize("text", [
    "Lying on the sofa at my aunt's place. Take the ringer all the way down, I don't "
    "want noise.",
    "Put the ringer all the way down, we don't need it loud in here."])
def test_what_the_speaker_is_doing_or_not_doing_says_no_place_of_the_thing(text):
    goal = parse_goal(text)
    assert goal.intent is Intent.SET_VALUE
    assert set(goal.target.lower().split()) == {"ringer"}


def test_a_clause_of_what_the_speaker_does_not_do_that_names_the_thing_stays():
    goal = parse_goal("I never open that old chat with Ines Roth any more. Erase it all.")
    assert {"Ines", "Roth"} <= set(goal.target.split())


@pytest.mark.parametrize(("text", "verb"), [("could you get my new Jabra earbuds paired?", "pair"),
                                            ("have the 6:30 alarm moved to 7:15", "move")])
def test_a_thing_to_get_done_is_the_order_to_do_it(text, verb):
    assert parse_goal(text).verb == verb


def test_a_name_and_number_said_alone_then_an_order_about_him_is_his_card():
    goal = parse_goal("Saw an old friend at the market who runs on Sundays. Teodor Lind, "
                      "555-0143. Save him in my phonebook?")
    assert goal.intent is Intent.CREATE
    assert _slots(goal) == {"name": "Teodor Lind", "phone": "555-0143"}
    assert goal.days is None  # the Sundays are his, said in a sentence that tells


def test_in_a_request_written_in_lower_case_a_bare_subject_is_the_person_told_of():
    goal = parse_goal("marit is watering the plants. tell her the hose is by the door")
    assert goal.intent is Intent.SEND
    assert _slots(goal) == {"to": "Marit", "message": "the hose is by the door"}


def test_a_place_things_are_bought_into_keeps_no_value_to_read():
    goal = parse_goal("I need a case for the tablet, the cheapest will do. Put it in my basket.")
    assert not any(s.ref for s in goal.slots)


def test_whether_a_told_number_is_anyone_asks_whose_it_is():
    goal = parse_goal("Got a text from 555-0177. Is that anybody I know?")
    assert goal.intent is Intent.ANSWER
    assert goal.target == "contact 555-0177" and goal.entities == ("555-0177",)


def test_what_someone_asked_for_is_what_it_means_after_looking_it_up():
    goal = parse_goal("Pia asked me for Tomas's home address. Please look that up and send it "
                      "to Pia?")
    assert goal.intent is Intent.SEND
    message = next(s for s in goal.slots if s.name == "message")
    assert message.value == "Tomas's home address" and message.ref
    assert _slots(goal)["to"] == "Pia"


def test_a_new_value_told_after_what_the_person_did_is_an_edit_of_their_entry():
    goal = parse_goal("Lior moved abroad and got another number: 555-0139. Could you correct "
                      "that in my phonebook?")
    assert goal.intent is Intent.EDIT and goal.entities == ("Lior",)
    assert [s.value for s in goal.slots] == ["555-0139"]
