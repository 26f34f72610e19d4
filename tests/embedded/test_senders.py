"""A question that asks who asks for a person: read off conversations it is the sender of
the matching message (the title of a conversation with one person, the name on the row of
a list), never what the message says."""

import pytest

from perception.elements import Bounds
from planners.embedded import AppMemory, EmbeddedPlanner
from planners.embedded.answer_shape import asks_who, is_sentence
from planners.embedded.goal import parse_goal
from planners.embedded.memory import signature_of
from planners.embedded.reading import answer, fits_kind
from planners.embedded.view import View
from tests.embedded.screens import el, screen

CHAT = "com.example.chat"


def talk(title: str = "Priya Raman"):
    """A conversation: its title over the messages, a field to write in."""
    return screen(el(0, "text", title, 0, height=120),
                  el(1, "text", "Could I borrow your ladder on Sunday morning?", 300,
                     height=100),
                  el(2, "text", "Sure, it is in the shed",
                     420, height=100),
                  el(3, "input", "", 2100, hint="Type a message", editable=True,
                     clickable=True), app=CHAT)


def chats(*rows: tuple[str, str]):
    items = [el(0, "text", "Chats", 0, height=120)]
    for i, (name, preview) in enumerate(rows):
        items.append(el(len(items), "button", name, 200 + 180 * i, height=170,
                        clickable=True, description=f"{preview} | 8:1{i} AM"))
    return screen(*items, app=CHAT)


def _read(question: str, page, encoder) -> str | None:
    state = EmbeddedPlanner(AppMemory(), encoder=encoder)._state(question)
    decision = answer(state.goal, View(page, signature_of(page), state.matcher, []),
                      at_best_page=True)
    return decision.action.answer if decision is not None else None


@pytest.mark.unit
@pytest.mark.parametrize("question, who", [
    ("who asked me about borrowing the ladder?", True),
    ("a friend messaged about the concert tickets, do you know who?", True),
    ("somebody wrote about the parking permit: who?", True),
    ("whose bike is in the hall?", False),
    ("what did the plumber who came on Monday say?", False),
])
def test_a_question_asks_who_when_a_clause_opens_with_who(question, who):
    assert asks_who(question) is who


@pytest.mark.unit
@pytest.mark.parametrize("text, said", [
    ("Priya Raman", False), ("Jan van der Berg", False), ("the bakery", False),
    ("Could I borrow your ladder on Sunday morning?", True), ("see you at the gate", True),
])
def test_a_sentence_is_said_not_a_name(text, said):
    assert is_sentence(text) is said


@pytest.mark.unit
def test_a_who_question_is_not_answered_with_a_sentence():
    goal = parse_goal("someone messaged about the ladder, do you know who?")
    assert not fits_kind(goal, "Could I borrow your ladder on Sunday morning?")
    assert fits_kind(goal, "Priya Raman")


@pytest.mark.slow
def test_who_sent_a_message_is_the_person_the_conversation_is_with(encoder):
    assert _read("who asked me about borrowing the ladder?", talk(), encoder) == "Priya Raman"


@pytest.mark.slow
def test_a_group_conversation_names_no_one_sender(encoder):  # a guard
    assert _read("who asked me about borrowing the ladder?", talk("Priya, Tom & Lee"),
                 encoder) is None


@pytest.mark.slow
def test_in_a_list_the_sender_is_the_name_on_the_matching_row(encoder):
    page = chats(("Tom Okoye", "Dinner at eight?"),
                 ("Priya Raman", "Could I borrow your ladder on Sunday?"))
    assert _read("who asked me about borrowing the ladder?", page, encoder) == "Priya Raman"
    own = chats(("Tom Okoye", "Dinner at eight?"),
                ("Priya Raman", "You: could I borrow your ladder on Sunday?"))
    assert _read("who asked me about borrowing the ladder?", own, encoder) is None


@pytest.mark.slow
def test_what_someone_said_is_still_their_words(encoder):  # a guard
    assert _read("what did Priya say about the ladder?", talk(), encoder) == (
        "Could I borrow your ladder on Sunday morning?")


@pytest.mark.slow
def test_a_row_titled_by_the_topic_is_no_person(encoder):  # a guard
    page = chats(("Tom Okoye", "Dinner at eight?"),
                 ("Ladder club", "Could I borrow your ladder on Sunday?"))
    assert _read("who asked me about borrowing the ladder?", page, encoder) is None


@pytest.mark.slow
def test_the_speakers_own_message_was_sent_by_no_one_else(encoder):
    page = screen(el(0, "text", "Priya Raman", 0, height=120),
                  el(1, "text", "Could I borrow your ladder on Sunday morning?", 0,
                     bounds=Bounds(300, 300, 1060, 400)),
                  el(2, "input", "", 2100, hint="Type a message", editable=True,
                     clickable=True), app=CHAT)
    assert _read("who asked me about borrowing the ladder?", page, encoder) is None


@pytest.mark.slow
def test_a_day_over_the_messages_is_no_sender(encoder):
    page = screen(el(0, "text", "Yesterday", 0, height=80),
                  el(1, "text", "Could I borrow your ladder on Sunday morning?", 100),
                  el(2, "input", "", 2100, hint="Type a message", editable=True,
                     clickable=True), app=CHAT)
    assert _read("who asked me about borrowing the ladder?", page, encoder) is None
