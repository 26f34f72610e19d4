"""What a request carries and asks when its context tells part of it: a message given "with"
a value, the question that follows a worry, whose value a question of the speaker's own
doing asks for, and the kind a general noun's modifier names in an order over a list.
Sentences of our own, in no task file."""

from __future__ import annotations

import pytest

from planners.embedded import lists
from planners.embedded.asking import request_clause
from planners.embedded.goal import Intent, parse_goal
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
