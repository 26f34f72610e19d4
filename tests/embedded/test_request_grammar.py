"""Grammar read before meaning: which requests are questions."""

import pytest

from planners.embedded.asking import Mood, manner
from planners.embedded.goal import Intent, parse_goal, split_goal

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("text", "mood"), [
    ("Have the porch light switch on at dusk", Mood.COMMAND),
    ("have my backup run every night", Mood.COMMAND),
    ("Have I missed any calls", Mood.QUESTION),
    ("Have the parcels arrived?", Mood.QUESTION),
    ("Has the backup finished", Mood.QUESTION),
    ("Is the torch on", Mood.QUESTION),
])
def test_have_before_a_thing_is_an_order_unless_asked(text, mood):
    assert manner(text).mood is mood


@pytest.mark.parametrize(("text", "intent"), [
    ("Open another browser window", Intent.CREATE),
    ("open a new private tab", Intent.CREATE),
    ("Open the download settings", Intent.OPEN),
    ("Open the new releases page", Intent.OPEN),
])
@pytest.mark.slow
def test_opening_another_one_makes_a_new_one(encoder, text, intent):
    assert parse_goal(text, encoder).intent is intent


@pytest.mark.slow
@pytest.mark.parametrize(("text", "target"), [
    ("Connect my Sony headphones to the phone", "Sony headphones"),
    ("How much storage is left on this device?", "storage left"),
    ("Show me my phone number", "phone number"),
    ("Open the Phone app", "Phone app"),
])
def test_the_device_itself_is_nothing_to_look_for(encoder, text, target):
    assert parse_goal(text, encoder).target == target


@pytest.mark.slow
def test_have_got_only_means_have(encoder):
    assert parse_goal("How many reminders have I got?", encoder).target == "reminders"


@pytest.mark.parametrize("text", [
    "Is the flashlight switched on right now?",
    "is my hotspot on at the moment, for me?",
    "Are notifications enabled please?",
])
def test_a_question_stays_a_question_when_its_courtesy_is_set_aside(encoder, text):
    """'right now?', 'please?': the words go, the question mark stays, and the request is
    still read (and split) as a question, never as an order to flip the switch."""
    parts = split_goal(text, encoder)
    assert len(parts) == 1
    goal = parse_goal(parts[0], encoder)
    assert goal.intent is Intent.ANSWER and goal.mood is Mood.QUESTION


@pytest.mark.parametrize(("text", "clause"), [
    ("the dinner got moved, push my 6 pm reminder back", "push my 6 pm reminder back"),
    ("my phone's almost dead, switch on power saving", "switch on power saving"),
    ("It's way too loud, turn the media volume down", "turn the media volume down"),
])
def test_a_statement_before_an_order_is_its_context(text, clause):
    how = manner(text)
    assert how.clause == clause and how.context


def test_a_statement_that_gives_a_value_belongs_to_the_request():
    assert not manner("Join the Loft network; the password is fern-2210").context


@pytest.mark.parametrize("text", [
    "kindly save Tomasz Wrona as a contact, his number is 555-0188",
    "could you log the locker combo in a new note, the code's 4471",
])
def test_a_value_given_after_a_polite_request_belongs_to_it(text):
    how = manner(text)
    assert not how.context and how.clause.endswith(text.rsplit(", ", 1)[1])


def test_a_polite_request_saves_the_person_with_the_number_given_after_it(encoder):
    goal = parse_goal("kindly save Tomasz Wrona as a contact, his number is 555-0188", encoder)
    assert goal.intent is Intent.CREATE
    assert {(s.name, s.value) for s in goal.slots} >= {("name", "Tomasz Wrona"),
                                                       ("phone", "555-0188")}


def test_a_statement_without_a_value_after_a_polite_request_stays_its_context():
    how = manner("could you turn on wifi, the meeting is over")
    assert how.clause == "turn on wifi" and how.context == ("the meeting is over",)


@pytest.mark.parametrize(("text", "clause"), [
    ("Yes, wipe those two photos", "wipe those two photos"),
    ("No, switch it back off", "switch it back off"),
    ("Sure, go ahead and silence it", "silence it"),
    ("No alarms on Sunday, please", "No alarms on Sunday"),  # no reply word: it asks
])
def test_a_reply_word_before_the_request_asks_for_nothing(text, clause):
    assert manner(text).clause == clause


@pytest.mark.parametrize(("text", "item"), [
    ("put 'oil the hinge' on my weekend chores note", "weekend chores note"),
    ("write 'bring umbrella' in our trip list", "trip list"),
])
def test_quoted_words_put_on_an_item_go_into_it(encoder, text, item):
    """No field is named: the words are added to the item, which a day word in its name
    does not turn into a schedule."""
    goal = parse_goal(text, encoder)
    assert goal.intent is Intent.EDIT and goal.days is None
    assert [(s.name, s.append) for s in goal.slots] == [("text", True)]
    assert item in goal.entities


def test_on_after_a_quotation_is_a_place_not_a_switch(encoder):
    goal = parse_goal("jot 'call the vet' on my chores note", encoder)
    assert goal.intent is not Intent.TOGGLE and goal.desired is None
