"""People on a phone: contacts made with every value asked, messages to people the phone
does not know, the last person in a chat list, an item opened that is not yet done, and
requests that say which app to look in. Sentences and screens are our own."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Scroll, Tap, TypeText
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner, lists, search
from planners.embedded.evidence import only_looks
from planners.embedded.goal import Intent, parse_goal
from planners.embedded.memo import Mark, Memo
from planners.embedded.memory import AppMemory, signature_of
from planners.embedded.scoring import GoalMatcher, places
from planners.embedded.view import View
from planners.planner import Decision, PastStep, Verdict
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


def _view(goal_text, shown, encoder, history=()):
    goal = parse_goal(goal_text, encoder)
    return goal, View(shown, signature_of(shown), GoalMatcher(goal, encoder), list(history))


@pytest.mark.parametrize(("request_", "name", "values"), [
    ("Save a new contact: Ines Duarte, number 555-0133, email ines.d@example.net",
     "Ines Duarte", {"phone": "555-0133", "email": "ines.d@example.net"}),
    ("Add Kwame Mensah to my contacts with the number 555-0177",
     "Kwame Mensah", {"phone": "555-0177"}),
    ("Create a contact for Åsa Lindqvist, phone 555-0150", "Åsa Lindqvist",
     {"phone": "555-0150"}),
])
def test_a_new_record_given_a_number_or_email_is_named_by_the_request(encoder, request_, name,
                                                                      values):
    """A phone number or an e-mail belongs to someone: the name the request gives is the
    new record's name, typed with the rest (a contact saved without it is not the one
    asked for)."""
    goal = parse_goal(request_, encoder)
    assert goal.intent is Intent.CREATE
    got = {s.name: s.value for s in goal.slots}
    assert got.pop("name") == name
    assert got == values


def test_an_alarm_with_a_label_is_not_given_a_person(encoder):
    goal = parse_goal("Wake me at 6:10 AM with an alarm labelled Swim", encoder)
    assert not any(s.value == "Swim" and s.name == "name" for s in goal.slots
                   if s.name != "label")


@pytest.mark.parametrize(("verb", "looks"), [("check", True), ("view", True), ("see", True),
                                             ("ring", False), ("archive", False),
                                             ("pin", False)])
def test_opening_an_item_ends_only_a_request_to_see_it(encoder, verb, looks):
    """"Ring Tomás" opened on Tomás's page is not a call; "check Tomás" is done there."""
    goal, view = _view(f"{verb} Tomás Reyes", screen(el(0, "text", "Tomás Reyes", 0)), encoder)
    assert only_looks(goal, view) is looks


def test_ringing_someone_is_not_done_by_opening_their_page(encoder):
    page = screen(el(0, "text", "Tomás Reyes", 0, resource_id="x:id/title"),
                  el(1, "text", "555-0161", 200), app="com.example.people")
    opened = PastStep(Tap(Bounds(0, 0, 1, 1).center), verdict=Verdict.CHANGED,
                      memo=Memo(mark=Mark.OPEN_ITEM, item="Tomás Reyes"))
    decision = EmbeddedPlanner(encoder=encoder).decide("Ring Tomás Reyes", page, [opened])
    assert decision.action != Finish(FinishStatus.SUCCESS)


def _picker(typed: str):
    """A new chat's recipient picker after a name was typed: the field lost its hint, and
    nobody of that name is offered."""
    return screen(
        el(0, "text", "New chat", 0),
        el(1, "text", "To", 200, bounds=Bounds(0, 200, 100, 340)),
        el(2, "input", typed, 200, editable=True, clickable=True, focused=True,
           bounds=Bounds(120, 200, 1080, 340)),
        el(3, "list", "", 360, height=900, scrollable=True),
        app="com.example.chat")


def test_a_recipient_nobody_on_the_phone_answers_to_is_infeasible(encoder):
    goal, view = _view("Message Ebenezer: dinner is at eight", _picker("Ebenezer"), encoder,
                       [PastStep(TypeText("Ebenezer"), verdict=Verdict.CHANGED)])
    decision = EmbeddedPlanner(encoder=encoder).decide(goal.text, view.screen, view.history)
    assert decision.action == Finish(FinishStatus.INFEASIBLE)


def test_the_name_is_typed_first_when_nobody_typed_it(encoder):
    """The same picker, but the text in the field was never typed by us: no verdict yet."""
    goal, view = _view("Message Ebenezer: dinner is at eight", _picker("Ebenezer"), encoder)
    decision = EmbeddedPlanner(encoder=encoder).decide(goal.text, view.screen, [])
    assert decision.action != Finish(FinishStatus.INFEASIBLE)


def _chats():
    rows = [("Ravi Menon", "Ok, see you there | 8:14 AM"),
            ("Grandpa", "Call me back when you can | Yesterday"),
            ("40404", "Your code is 7781 | Tue")]
    return screen(el(0, "text", "Chats", 0),
                  el(1, "list", "", 200, height=1800, scrollable=True),
                  *(el(2 + i, "button", name, 220 + 200 * i, height=190, description=preview,
                       clickable=True) for i, (name, preview) in enumerate(rows)),
                  app="com.example.chat")


@pytest.mark.parametrize("question", ["Who did I chat with most recently?",
                                      "who sent me the latest message?"])
def test_the_latest_chat_answers_who_with_its_name(encoder, question):
    """A chat list in time order (times for today, days before) answers "who" with the
    first row's name, not with its last message."""
    goal, view = _view(question, _chats(), encoder)
    decision = lists.ranked(goal, view, at_best_page=False)
    assert decision is not None and decision.action.answer == "Ravi Menon"


def test_a_question_reads_the_rest_of_its_list_before_leaving(encoder):
    shown = screen(el(0, "list", "", 200, height=1800, scrollable=True),
                   el(1, "button", "Trip ideas", 220, description="Lisbon, Porto",
                      clickable=True), app="com.example.jot")
    goal, view = _view("What is the garage door code in my jottings?", shown, encoder)
    tap = Decision(Tap(ElementRef(1)), thought="Open it.")
    assert search.read_further(goal, view, tap).action == Scroll(search.Direction.DOWN)
    stuck = PastStep(Scroll(search.Direction.DOWN), verdict=Verdict.NO_CHANGE,
                     screen_signature=view.sig)
    goal, view = _view(goal.text, shown, encoder, [stuck])
    assert search.read_further(goal, view, tap) is None  # the list has ended


def test_an_app_named_as_the_place_to_look_is_found():
    labels = ["Jottings", "Chats", "Settings"]
    assert places("the door code from my jottings", labels) == ["Jottings"]
    assert places("who was my last conversation in Chats with?", labels) == ["Chats"]
    assert places("make a new jotting", labels) == []


def test_a_request_that_names_an_item_searches_the_app_that_holds_such_items(encoder):
    """Nobody named so was seen when the phone was explored (added since): the app whose
    pages match best is still where it is looked for, through its own search."""
    shown = screen(
        el(0, "input", "", 120, hint="Search people", editable=True, clickable=True),
        el(1, "list", "", 300, height=1800, scrollable=True),
        el(2, "button", "Granny Mae", 320, clickable=True),
        el(3, "button", "Ola Berg", 480, clickable=True), app="com.example.people")
    goal, view = _view("Phone Auntie Rose", shown, encoder)
    decision = search.find_unseen(goal, view, AppMemory())
    assert decision is not None and decision.action.text == "Auntie Rose"


@pytest.mark.parametrize(("field", "picks_"), [("Type a name, number or email", True),
                                                ("Email", False), ("Title", False),
                                                ("Write a note", False)])
def test_a_field_that_picks_a_recipient_holds_no_content(encoder, field, picks_):
    """Text typed where a recipient is chosen is saved nowhere: no form is done there."""
    from planners.embedded.forms import picks

    shown = screen(el(0, "input", "", 200, hint=field, editable=True, clickable=True))
    _goal, view = _view("Jot down 'buy stamps'", shown, encoder)
    assert picks(view, shown.elements[0]) is picks_
