"""Goal understanding on phrasings that no task file holds (a test checks that): everyday
verbs read by meaning, questions, wishes and wanted states, courtesy, quantifiers,
superlatives and counting, and requests in several clauses."""

from pathlib import Path

import pytest

from planners.embedded.goal import Intent, Mood, Scope, Slot, parse_goal, split_goal
from planners.embedded.operations import RankKey

pytestmark = pytest.mark.slow  # the sentence model reads them

TASKS = Path(__file__).resolve().parents[2] / "datasets" / "tasks"

VERBS = [  # (request, intent, on/off)
    ("shut off the torch", Intent.TOGGLE, False),
    ("kill bluetooth", Intent.TOGGLE, False),
    ("power down the wifi", Intent.TOGGLE, False),
    ("flip the torch on", Intent.TOGGLE, True),
    ("ditch the note about taxes", Intent.DELETE, None),
    ("wipe my chat with Priya", Intent.DELETE, None),
    ("get rid of the 7 am alarm", Intent.DELETE, None),
    ("trash the packing list note", Intent.DELETE, None),
    ("scribble a note titled Dentist saying 'Thursday 3 pm'", Intent.CREATE, None),
    ("jot down 'buy stamps' in a new note", Intent.CREATE, None),
    ("rename the note 'Boat' to 'Boat trip'", Intent.EDIT, None),
    ("pull up the battery page", Intent.OPEN, None),
    ("ring Priya", Intent.DO, None),
]


@pytest.mark.parametrize(("text", "intent", "desired"), VERBS)
def test_everyday_verbs_are_read_by_meaning(text, intent, desired):
    goal = parse_goal(text)
    assert (goal.intent, goal.desired) == (intent, desired)


MODIFIED = ["print my Bluetooth note", "copy the wifi password", "email the hotspot manual to Dana"]


@pytest.mark.parametrize("text", MODIFIED)
def test_a_setting_that_only_modifies_the_object_is_no_switch(text):
    assert parse_goal(text).intent is not Intent.TOGGLE  # a note, a password, a manual


def test_crank_up_sets_a_level_to_its_top():
    goal = parse_goal("crank the media volume all the way up")
    assert (goal.intent, goal.number) == (Intent.SET_VALUE, 100)
    assert "media volume" in goal.target


@pytest.mark.parametrize(
    ("text", "intent", "desired", "mood", "target"),
    [
        ("is nfc on?", Intent.ANSWER, True, Mood.QUESTION, "nfc"),
        ("Is the torch switched off?", Intent.ANSWER, False, Mood.QUESTION, "torch"),
        ("I'd like wifi off", Intent.TOGGLE, False, Mood.STATE, "wifi"),
        ("I want dark mode", Intent.TOGGLE, True, Mood.STATE, "dark mode"),
        ("wifi should be off.", Intent.TOGGLE, False, Mood.STATE, "wifi"),
        ("bluetooth needs to be enabled please", Intent.TOGGLE, True, Mood.STATE, "bluetooth"),
        ("Make sure airplane mode is off", Intent.TOGGLE, False, Mood.STATE, "airplane mode"),
        ("Could you please kill bluetooth for me?", Intent.TOGGLE, False, Mood.COMMAND,
         "bluetooth"),
        ("would you mind switching the torch on, thanks!", Intent.TOGGLE, True,
         Mood.COMMAND, "torch"),
    ],
)
def test_questions_wishes_and_wanted_states(text, intent, desired, mood, target):
    goal = parse_goal(text)
    assert (goal.intent, goal.desired, goal.mood, goal.target) == (intent, desired, mood,
                                                                     target)


INDIRECT = [  # (request, kind of value asked)
    ("tell me when my next alarm goes off", "time"),
    ("could you check whether bluetooth is on?", "state"),
    ("find out how many contacts I have", "count"),
    ("look up what Noor's email is", "email"),
]


@pytest.mark.parametrize(("text", "value_type"), INDIRECT)
def test_a_question_asked_as_an_order_is_answered(text, value_type):
    goal = parse_goal(text)
    assert (goal.intent, goal.value_type) == (Intent.ANSWER, value_type)


@pytest.mark.parametrize("text", ["call me when the timer ends", "text Noor when you're done"])
def test_an_order_to_act_at_a_moment_is_no_question(text):
    assert parse_goal(text).intent is not Intent.ANSWER


REPORTED = [  # (request, to whom, what to say)
    ("let Noor know I'm stuck in traffic", "Noor", "I'm stuck in traffic"),
    ("tell Bilal that the gate code changed", "Bilal", "the gate code changed"),
    ("ask Ines whether she's free on Sunday", "Ines", "she's free on Sunday?"),
    ("send a text to Ruth saying the parcel arrived", "Ruth", "the parcel arrived"),
]


@pytest.mark.parametrize(("text", "person", "said"), REPORTED)
def test_words_told_to_a_person_are_a_message_to_them(text, person, said):
    goal = parse_goal(text)
    assert goal.intent is Intent.SEND
    assert {(s.name, s.value) for s in goal.slots} >= {("to", person), ("message", said)}


def test_a_call_takes_no_words_to_say():
    goal = parse_goal("call Noor when you're done")
    assert goal.intent is not Intent.SEND and not any(s.name == "message" for s in goal.slots)


def test_a_question_is_answered_not_acted_on():
    goal = parse_goal("is the hotspot on?")
    assert goal.intent is Intent.ANSWER and goal.value_type == "state"


@pytest.mark.parametrize(
    ("text", "value_type"),
    [
        ("could you tell me Priya's phone number?", "phone"),
        ("how many timers are running?", "count"),
        ("when does my flight leave?", "time"),
        ("what does the red kettle cost?", "price"),
        ("how much space is left on my tablet?", "size"),
    ],
)
def test_what_a_question_asks_for(text, value_type):
    goal = parse_goal(text)
    assert (goal.intent, goal.value_type) == (Intent.ANSWER, value_type)


@pytest.mark.parametrize(
    ("text", "key", "highest"),
    [
        ("what's the priciest item in the shop?", RankKey.VALUE, True),
        ("which lamp is the cheapest?", RankKey.VALUE, False),
        ("open the oldest thread", RankKey.TIME, False),
        ("who texted me most recently?", RankKey.TIME, True),
        ("read me the newest note", RankKey.TIME, True),
    ],
)
def test_superlatives_are_orders_over_a_list(text, key, highest):
    rank = parse_goal(text).rank
    assert rank is not None and (rank.key, rank.highest) == (key, highest)


@pytest.mark.parametrize("text", ["who did I talk with most recently?",
                                  "which of my chats is from the earliest?",
                                  "what's the priciest lamp I've seen?",
                                  "which is the oldest thread I'm in?"])
def test_an_order_and_the_speaker_are_no_items_to_look_for(text):
    goal = parse_goal(text)
    assert goal.rank is not None and not goal.entities


def test_no_order_where_none_is_asked():
    assert parse_goal("open the forest photos album").rank is None


@pytest.mark.parametrize("text", ["delete all the timers", "mute every group chat",
                                  "archive each note about the move"])
def test_quantifiers(text):
    assert parse_goal(text).scope is Scope.ALL


def test_all_the_way_is_no_quantifier():
    assert parse_goal("turn the volume all the way down").scope is Scope.ONE


def test_context_clause_names_what_it_refers_to():
    goal = parse_goal("the bake sale is done, can you get rid of every note about it?")
    assert (goal.intent, goal.scope) == (Intent.DELETE, Scope.ALL)
    assert "bake sale" in goal.entities


def test_values_by_shape_and_by_their_word():
    goal = parse_goal("Put Priya Natarajan in my contacts with email priya.n@example.org")
    assert Slot("email", "priya.n@example.org") in goal.slots
    joined = parse_goal("Join the Harbor-Guest network; the password is gull-7781")
    assert Slot("password", "gull-7781") in joined.slots


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Shut off the torch and crank the volume all the way up",
         ["Shut off the torch", "crank the volume all the way up"]),
        ("Add Ines Duarte (555-0190) to my contacts then message her 'welcome'",
         ["Add Ines Duarte (555-0190) to my contacts", "message Ines Duarte 'welcome'"]),
        ("Note down salt and pepper", ["Note down salt and pepper"]),
    ],
)
def test_parts(text, parts):
    assert split_goal(text) == parts


def test_these_sentences_are_in_no_task_file():
    files = [p.read_text(encoding="utf-8").lower() for p in TASKS.rglob("*.yaml")]
    sentences = [t for t, *_ in VERBS + INDIRECT + REPORTED] + MODIFIED + [
        "is nfc on?", "I'd like wifi off", "I want dark mode", "wifi should be off.",
        "crank the media volume all the way up", "what's the priciest item in the shop?",
        "delete all the timers", "the bake sale is done"]
    assert not [s for s in sentences if any(s.lower() in f for f in files)]


def test_a_value_named_by_reference_is_looked_up_not_typed():
    goal = parse_goal("Write a fresh note titled 'Rosa' containing Rosa Diaz's phone number")
    assert [s.value for s in goal.slots if s.ref] == ["Rosa Diaz's phone number"]
    quoted = parse_goal("Message Rosa 'what time is dinner'")
    assert not any(s.ref for s in quoted.slots)


@pytest.mark.parametrize(("text", "value", "item"), [
    ("add 'oat milk' to my pantry note", "oat milk", "pantry note"),
    ("put 'renew passport' at the bottom of my errands list", "renew passport", "errands list"),
])
def test_words_put_into_an_existing_item_are_appended_to_it(text, value, item):
    goal = parse_goal(text)
    assert goal.intent is Intent.EDIT and Slot("text", value, append=True) in goal.slots
    assert item in goal.entities


def test_words_put_into_a_new_item_make_it():
    assert parse_goal("add 'call mum' to a new note").intent is Intent.CREATE


@pytest.mark.parametrize(("text", "scope"), [
    ("clear out my basket", Scope.ALL),  # a cart is emptied, not deleted
    ("take the kettle out of my basket", Scope.ONE),
])
def test_emptying_a_cart_removes_all_it_holds(text, scope):
    goal = parse_goal(text)
    assert (goal.intent, goal.scope) == (Intent.DELETE, scope)
