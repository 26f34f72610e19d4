"""How a request is put, read by its shape: a clause of time before the request sets the
scene and asks nothing; a wish that a thing go by a name is a rename; a statement of a new
value closed by "fix that" is an edit; a renaming verb gives the field and its new value,
which is typed, never looked for. Sentences of our own."""

import pytest

from planners.embedded.durations import duration_s
from planners.embedded.goal import Intent, Mood, parse_goal
from planners.embedded.purpose import main_clause
from planners.embedded.restated import plainly


@pytest.mark.unit
@pytest.mark.parametrize(("text", "main"), [
    ("When my cousins visit, I'd like the guest network on",
     "I'd like the guest network on"),
    ("whenever the doorbell camera pings I want a louder chime",
     "I want a louder chime"),
    ("Hey, when my sister streams to my speaker I would like it to show up as Den",
     "Hey, I would like my speaker to show up as Den"),  # "it" is what the scene was about
    ("When the kettle timer ends, what sound does it play?",
     "what sound does it play?"),
    ("when does the ferry leave?", "when does the ferry leave?"),  # a question: "when" + aux
    ("when is my next dentist visit", "when is my next dentist visit"),
    ("text Noor: when you land, ring me", "text Noor: when you land, ring me"),  # her words
])
def test_a_clause_of_time_before_the_request_asks_nothing(text, main):
    assert main_clause(text) == main


@pytest.mark.unit
@pytest.mark.parametrize(("text", "plain"), [
    ("I'd like my tablet to show up as Otter Den when it's on the network",
     "rename my tablet to Otter Den"),
    ("I want my speaker to be called Loft Beats when friends connect",
     "rename my speaker to Loft Beats"),
    ("Odile uses another address now, it's odile@wren.io - fix that",
     "change Odile's email to odile@wren.io"),
    ("Bertil got a new number, it's 555-0177, update it please",
     "change Bertil's number to 555-0177"),  # the field as said, as after "has a new"
    ("I want my e-reader to show up as Moth Shelf from now on",  # when: no part of the name
     "rename my e-reader to Moth Shelf"),
    ("I'd like the printer to go by the name Inkwell", "rename the printer to Inkwell"),
    ("Rhea Sand's last name is spelt wrongly, it should be Sande",
     "change Rhea Sand's last name to Sande"),
    ("I misspelt Rhea's middle name - it should be Ilse", "change Rhea's middle name to Ilse"),
])
def test_wishes_and_statements_are_restated_as_the_edit_they_ask(text, plain):
    assert plainly(text) == plain


@pytest.mark.slow
def test_a_scene_before_a_wish_makes_no_question(encoder):
    goal = parse_goal("Hi, when my nephews pair their game pads I'd really like my tablet to "
                      "be called Otter Den, can you do that?", encoder)
    assert goal.mood is not Mood.QUESTION and goal.intent is Intent.EDIT
    assert [(s.name, s.value) for s in goal.slots] == [("name", "Otter Den")]
    asked = parse_goal("When the kettle timer ends, what sound does it play?", encoder)
    assert asked.intent is Intent.ANSWER


@pytest.mark.slow
def test_a_rename_types_its_new_value_and_seeks_only_the_item(encoder):
    goal = parse_goal("rename my tablet to Otter Den", encoder)
    assert goal.intent is Intent.EDIT
    assert [(s.name, s.value) for s in goal.slots] == [("name", "Otter Den")]
    assert "Otter Den" not in goal.entities and "Otter" not in goal.target
    titled = parse_goal("retitle the Porto note as Porto 2028", encoder)
    assert [(s.name, s.value) for s in titled.slots] == [("title", "Porto 2028")]


@pytest.mark.slow
def test_a_statement_closed_by_fix_that_is_an_edit_of_that_person(encoder):
    goal = parse_goal("Odile uses another address now, it's odile@wren.io - fix that", encoder)
    assert goal.intent is Intent.EDIT and "Odile" in goal.entities
    assert [(s.name, s.value) for s in goal.slots] == [("email", "odile@wren.io")]
    assert goal.verb != "odile"


@pytest.mark.unit
@pytest.mark.parametrize(("text", "plain"), [
    ("the hotspot is on, isn't it?", "is the hotspot on?"),
    ("Hey, the torch's off, right?", "is the torch off?"),
    ("the hotspot is on, so leave it", "the hotspot is on, so leave it"),  # no tag asked
])
def test_a_tag_question_asks_whether_its_statement_is_true(text, plain):
    assert plainly(text) == plain


@pytest.mark.slow
@pytest.mark.parametrize("text", ["the hotspot is off, right?", "the hotspot's on, isn't it?"])
def test_a_tag_question_switches_nothing(encoder, text):
    goal = parse_goal(text, encoder)
    assert goal.intent is Intent.ANSWER and goal.value_type == "state"
    assert "hotspot" in goal.target


@pytest.mark.slow
@pytest.mark.parametrize("text", ["my tablet should be quieter", "I'd like the display dimmer",
                                  "the keyboard should be louder"])
def test_a_level_wanted_is_no_switch(encoder, text):
    assert parse_goal(text, encoder).intent is Intent.SET_VALUE


@pytest.mark.slow
@pytest.mark.parametrize(("text", "intent", "desired"), [
    ("exams are over, so I want the 6:10 alarm silenced", Intent.TOGGLE, False),
    ("I want the doorbell chime muted", Intent.TOGGLE, False),
    ("is the 7:25 alarm silenced?", Intent.ANSWER, False),
    ("I'd like the packing list note deleted", Intent.DELETE, None),  # no switch: the act
    ("I need my basket emptied", Intent.DELETE, None),
    ("the recycling reminder note should be deleted", Intent.DELETE, None),
    ("flip off the 6:50 alarm for now", Intent.TOGGLE, False),  # for now: no thing to find
    ("the 8:35 alarm can be off for the time being", Intent.TOGGLE, False),
])
def test_a_thing_wanted_in_the_state_a_verb_leaves_it(encoder, text, intent, desired):
    goal = parse_goal(text, encoder)
    assert (goal.intent, goal.desired) == (intent, desired), goal
    assert not set(goal.target.split()) & {"silenced", "muted", "deleted", "emptied"}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "intent"), [
    ("I'd like an alarm at 5:40 on Sunday", Intent.CREATE),  # "an": one more, at that time
    ("I need a wake-up alarm at 9:15 in the evening", Intent.CREATE),
    ("I want my alarm at 5:40", Intent.EDIT),  # "my": the one there is, moved
])
def test_a_thing_wanted_at_a_time_is_new_when_said_with_a(encoder, text, intent):
    assert parse_goal(text, encoder).intent is intent


@pytest.mark.slow
@pytest.mark.parametrize(("text", "added"), [
    ("toss two tins of beans in my basket", True),  # a verb of motion: put in
    ("drop a torch in my trolley", True),
    ("ditch the socks in my basket", False),  # a verb of removal: says where they are
    ("get rid of the candles in my cart", False),
])
def test_a_thing_thrown_in_a_container_is_added_a_thing_ditched_is_not(encoder, text, added):
    assert (parse_goal(text, encoder).intent is Intent.CREATE) is added


@pytest.mark.slow
def test_a_mode_wanted_is_switched_on(encoder):
    goal = parse_goal("the tablet should be in focus mode", encoder)
    assert goal.intent is Intent.TOGGLE and goal.desired is True and "focus" in goal.target


@pytest.mark.unit
@pytest.mark.parametrize(("text", "seconds"), [
    ("give the pasta a minute and a half", 90),
    ("count down two and a half minutes", 150),
    ("a countdown of half an hour", 1800),
    ("an hour and a half for the roast", 5400),
    ("a 12 minute countdown", 720),
])
def test_a_half_is_half_of_its_unit(text, seconds):
    assert duration_s(text) == seconds


@pytest.mark.unit
@pytest.mark.parametrize(("text", "plain"), [
    ("turn of bluetooth", "turn off bluetooth"),
    ("pls switch of the hotspot", "pls switch off the hotspot"),
    ("I typed Ola Berg's first name wrong - it should be Olah",
     "change Ola Berg's first name to Olah"),
    ("I got Ines Moura's surname wrong, it should be Mourao, please correct it",
     "change Ines Moura's surname to Mourao"),
])
def test_slips_and_wrong_fields_are_read_as_the_order_meant(text, plain):
    assert plainly(text) == plain


@pytest.mark.slow
def test_a_quantity_brought_down_in_the_basket_adds_nothing(encoder):
    goal = parse_goal("bring the oat milk in my basket down to only one carton", encoder)
    assert goal.intent is not Intent.CREATE
    assert parse_goal("pop the oat milk into my basket", encoder).intent is Intent.CREATE



@pytest.mark.slow
@pytest.mark.parametrize(("text", "intent"), [
    ("take the enamelled cast iron skillet out of my trolley", Intent.DELETE),
    ("trim the oat milk in my trolley down to one carton", Intent.DO),  # a count, no removal
    ("label my 7:10 one 'Swim'", Intent.EDIT),
    ("text Bo what the walnut side table costs at the store", Intent.SEND),
])
def test_a_long_object_does_not_hide_what_the_verb_says(encoder, text, intent):
    assert parse_goal(text, encoder).intent is intent


@pytest.mark.parametrize(("text", "name", "body"), [
    ("start a new memo called Pesto listing basil, pine nuts and oil", "Pesto",
     "basil, pine nuts and oil"),
    ("kick off a new list named Camping", "Camping", None),
])
def test_a_new_thing_named_is_made_whatever_the_verb(encoder, text, name, body):
    goal = parse_goal(text, encoder)
    values = {s.name: s.value for s in goal.slots}
    assert goal.intent is Intent.CREATE
    assert values.get("name") == name and values.get("text") == body
