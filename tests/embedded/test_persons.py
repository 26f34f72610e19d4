"""Where what a question asks about a person is kept: their words in the app that holds
conversations, their details in the app that keeps people; a person the exploration never
saw is looked up there, and is infeasible only when no one of that name is there."""

import pytest

from devices.actions import FinishStatus
from planners.embedded import EmbeddedPlanner, endings, persons
from planners.embedded.goal import parse_goal
from planners.embedded.memory import AppMemory, signature_of
from planners.embedded.view import View
from tests.embedded.screens import el, screen

CHAT, PEOPLE, JOURNAL = "com.example.chat", "com.example.people", "com.example.journal"


def chats(*names: str):
    items = [el(0, "text", "Chats", 0, height=120)]
    for i, name in enumerate(names):
        items.append(el(len(items), "button", name, 200 + 180 * i, height=170, clickable=True,
                        description=f"See you soon · {8 + i}:15 AM"))
    items.append(el(len(items), "list", "", 190, height=1800, scrollable=True))
    return screen(*items, app=CHAT)


def thread():
    return screen(el(0, "text", "Bo Lind", 0, height=120),
                  el(1, "text", "Dinner on Friday?", 300),
                  el(2, "input", "", 2100, hint="Write a message", editable=True,
                     clickable=True), app=CHAT)


def people(*names: str, searched: str = ""):
    items = [el(0, "input", searched, 60, hint="Search people", editable=True, clickable=True)]
    for i, name in enumerate(names):
        items.append(el(len(items), "button", name, 240 + 170 * i, height=160, clickable=True))
    items.append(el(len(items), "list", "", 230, height=1800, scrollable=True))
    return screen(*items, app=PEOPLE)


def person_form():
    return screen(el(0, "input", "", 200, hint="Full name", editable=True, clickable=True),
                  el(1, "input", "", 360, hint="Mobile", editable=True, clickable=True),
                  el(2, "button", "Save", 600, clickable=True), app=PEOPLE)


def journal():
    return screen(el(0, "input", "", 60, hint="Search entries", editable=True, clickable=True),
                  el(1, "button", "Holiday plans", 240, clickable=True),
                  el(2, "button", "Phone numbers to keep", 400, clickable=True), app=JOURNAL)


def memory() -> AppMemory:
    mem = AppMemory()
    for label, pages in (("Chatter", [chats("Bo Lind", "Kai Moss"), thread()]),
                         ("People", [people("Ilse Varga", "Bo Lind"), person_form()]),
                         ("Journal", [journal()])):
        mem.set_app(label, pages[0].app, signature_of(pages[0]))
        for page in pages:
            mem.add_screen(signature_of(page), page, label)
    return mem


@pytest.mark.unit
@pytest.mark.parametrize("question, kept", [
    ("what time did Tamsin suggest for the film?", CHAT),
    ("where does Ruairi want to have lunch?", CHAT),
    ("what did Odile say about the boiler?", CHAT),
    ("what's Tamsin's mobile number?", PEOPLE),
    ("what is Ruairi Doyle's email address?", PEOPLE),
    ("what's the alarm code in my journal?", None),
    ("how many chats do I have?", None),
    ("what's the router's serial number?", None),
])
def test_the_app_where_what_is_asked_about_a_person_is_kept(question, kept):
    assert persons.kept_in(memory(), parse_goal(question)) == (
        frozenset({kept}) if kept else frozenset())


@pytest.mark.unit
@pytest.mark.parametrize("question", ["what time did Tamsin suggest for the film?",
                                      "what's Tamsin's mobile number?",
                                      "Buzz Tamsin Orrell for me"])  # an order to a person
def test_a_question_about_a_person_nobody_saw_is_not_ruled_out_at_once(question):
    assert endings.matches_nothing(parse_goal(question), 0.2, 0.55) is None


@pytest.mark.unit
def test_an_order_about_a_thing_nobody_saw_is_still_ruled_out_at_once():
    assert endings.matches_nothing(parse_goal("put a Quasar Deck in my cart"), 0.2, 0.55)


def _view(question: str, page, encoder) -> tuple[object, View]:
    planner = EmbeddedPlanner(memory(), encoder=encoder)
    state = planner._state(question)
    return state.goal, View(page, signature_of(page), state.matcher, [])


@pytest.mark.slow
def test_nobody_of_that_name_in_the_people_searched_is_infeasible(encoder):
    question = "what's Tamsin's mobile number?"
    goal, view = _view(question, people(searched="Tamsin"), encoder)
    ended = persons.nobody_by_that_name(goal, view, memory())
    assert ended is not None and ended.action.status is FinishStatus.INFEASIBLE
    goal, view = _view(question, people("Tamsin Reyes", searched="Tamsin"), encoder)
    assert persons.nobody_by_that_name(goal, view, memory()) is None


@pytest.mark.slow
def test_a_search_elsewhere_proves_nothing_about_a_person(encoder):
    goal, view = _view("what's Tamsin's mobile number?", journal(), encoder)
    assert persons.nobody_by_that_name(goal, view, memory()) is None


@pytest.mark.slow
@pytest.mark.parametrize("question, app", [("what did Ilse suggest for Friday?", CHAT),
                                           ("what's Ilse's mobile number?", PEOPLE)])
def test_the_pages_of_the_app_that_keeps_it_come_first(encoder, question, app):
    mem = memory()
    state = EmbeddedPlanner(mem, encoder=encoder)._state(question)
    best = max(state.relevance, key=state.relevance.get)
    assert mem.screens[best].app == app


def talk():
    """A conversation: the person's name over their messages, a field to write in."""
    return screen(el(0, "text", "Ilse Varga", 0, height=120),
                  el(1, "text", "Plans changed for Saturday", 300, height=100),
                  el(2, "text", "Picnic by the old fountain at noon", 420, height=100),
                  el(3, "text", "great, see you", 540, height=100),
                  el(4, "input", "", 2100, hint="Write a message", editable=True,
                     clickable=True), app=CHAT)


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("where does Ilse want to have the picnic?", "Picnic by the old fountain at noon"),
    ("what time does Ilse want to picnic?", "noon"),
])
def test_what_someone_said_is_the_message_about_it_not_the_line_under_their_name(
        encoder, question, expected):
    from planners.embedded.reading import answer
    goal, view = _view(question, talk(), encoder)
    decision = answer(goal, view, at_best_page=True)
    reply = decision.action.answer if decision is not None else None
    assert reply != "Plans changed for Saturday"
    if expected != "noon":
        assert reply == expected
    else:  # no clock time written: no time is made up from the message
        assert reply is None or "noon" in reply


@pytest.mark.unit
@pytest.mark.parametrize("question, about", [
    ("what's the login code the garage texted me?", True),
    ("what is the booking number in the text from the dentist?", True),
    ("how many texts have I sent?", False),
    ("what's the code for the gym locker?", False),
])
def test_what_was_texted_to_the_speaker_is_in_the_conversations(question, about):
    assert persons.about_words(parse_goal(question)) is about


@pytest.mark.slow
def test_a_conversation_with_someone_else_does_not_answer_for_the_person_asked(encoder):
    from planners.embedded.reading import answer
    goal, view = _view("where does Tamsin want to have the picnic?", talk(), encoder)
    assert answer(goal, view, at_best_page=True) is None
