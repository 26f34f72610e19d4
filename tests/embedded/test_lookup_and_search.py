"""Values read in one app and used in another, items the exploration never saw, and a
message that is to go out later. The requests are in no task file."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Tap, TypeText
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner, lookup, search
from planners.embedded.goal import Intent, parse_goal
from planners.embedded.memo import Mark, Memo, memo_of
from planners.embedded.memory import AppMemory, signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from planners.planner import PastStep, Verdict
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow

REQUESTS = ["text Priya the gate code from my notes", "Send Omar Haddad's email to Lin by text",
            "write what the walnut desk costs in a new note",
            "message Lin Wu 'see you at the gate' tomorrow morning",
            "text Lin the parcel has arrived", "Add the red kettle to my basket"]


def _refs(text: str) -> list[str]:
    return [s.value for s in parse_goal(text).slots if s.ref]


def test_these_sentences_are_in_no_task_file():
    from pathlib import Path
    tasks = Path(__file__).resolve().parents[2] / "datasets" / "tasks"
    files = [p.read_text(encoding="utf-8").lower() for p in tasks.rglob("*.yaml")]
    assert not [s for s in REQUESTS if any(s.lower() in f for f in files)]


def test_a_value_named_in_a_message_is_a_question_to_answer_first():
    assert _refs("text Priya the gate code from my notes") == ["the gate code from my notes"]
    assert _refs("Send Omar Haddad's email to Lin by text") == ["Omar Haddad's email"]
    goal = parse_goal("write what the walnut desk costs in a new note")
    assert goal.intent is Intent.CREATE and _refs(goal.text) == ["what the walnut desk costs"]
    assert lookup.question("the gate code from my notes") == "What is the gate code from my notes?"
    assert lookup.question("what the walnut desk costs") == "what the walnut desk costs?"


def test_text_that_says_something_is_typed_not_looked_up():
    assert not _refs("text Lin the parcel has arrived")
    assert not _refs("message Lin Wu 'see you at the gate' tomorrow morning")
    assert not _refs("Add the red kettle to my basket")  # an item, not a value


def test_a_value_read_is_put_in_place_of_its_reference():
    text = "text Priya the gate code from my notes"
    asked = "What is the gate code from my notes?"
    first = lookup.resolve(text, parse_goal(text), [])
    assert first.asking == asked
    read = PastStep(Tap(ElementRef(1)), memo=Memo(read=((asked, "4417"),)))
    done = lookup.resolve(text, parse_goal(text), [read])
    assert done.asking is None and done.text == 'text Priya "4417"'
    assert [s.value for s in parse_goal(done.text).slots] == ["Priya", "4417"]


def _note():
    return screen(el(0, "input", "Gate", 200, editable=True, hint="Title"),
                  el(1, "input", "Wi-Fi: Hall5 Code: 4417", 400, editable=True, hint="Note"),
                  app="com.example.notes")


def _chat(typed: str = ""):
    """A conversation; a field that holds text shows it instead of its hint, as phones do."""
    hint = "" if typed else "Text message"
    return screen(el(0, "text", "Priya Shah", 0, height=120),
                  el(1, "input", typed, 2000, height=150, editable=True, hint=hint),
                  el(2, "button", "", 2000, height=150, description="Send", clickable=True),
                  app="com.example.messages")


def test_the_planner_reads_the_value_then_sends_it(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    goal = "text Priya the gate code from my notes"
    first = planner.decide(goal, _note(), [])
    assert memo_of(first).read == (("What is the gate code from my notes?", "4417"),)
    assert not isinstance(first.action, Finish)
    step = PastStep(first.action, verdict=Verdict.CHANGED, memo=first.memo)
    typing = planner.decide(goal, _chat(), [step])
    assert typing.action == TypeText("4417", target=ElementRef(1), clear=True)
    typed = PastStep(typing.action, verdict=Verdict.CHANGED, memo=typing.memo)
    send = planner.decide(goal, _chat("4417"), [step, typed])
    assert send.action == Tap(ElementRef(2))


def test_the_head_of_the_phrase_is_the_key_read():
    """"the gate Wi-Fi code": the code, not the Wi-Fi network shown before it."""
    planner = EmbeddedPlanner()
    note = screen(el(0, "input", "Gate", 200, editable=True, hint="Title"),
                  el(1, "input", "Wi-Fi: Hall5 Code: 4417", 400, editable=True, hint="Note"),
                  app="com.example.notes")
    assert planner.decide("what's the gate wi-fi code?", note, []).action == Finish(
        answer="4417")


def test_a_later_message_is_not_sent_now_where_it_cannot_be_scheduled(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    goal = "message Priya 'see you at the gate' tomorrow morning"
    typed = PastStep(TypeText("see you at the gate", target=ElementRef(1)),
                     verdict=Verdict.CHANGED)
    decision = planner.decide(goal, _chat("see you at the gate"), [typed])
    assert decision.action == Finish(FinishStatus.INFEASIBLE)


def _contacts(search_field: bool):
    rows = [el(i + 2, "button", name, 400 + 180 * i, clickable=True)
            for i, name in enumerate(["Ada Byrne", "Ben Cole", "Cara Diaz"])]
    tools = (el(1, "input", "", 200, editable=True, hint="Search contacts") if search_field
             else el(1, "button", "", 200, height=120, description="Search", clickable=True))
    return screen(el(0, "list", "", 380, height=1600, scrollable=True), tools, *rows,
                  app="com.example.contacts")


def _view(goal: str, shown, encoder):
    parsed = parse_goal(goal, encoder)
    return parsed, View(shown, signature_of(shown), GoalMatcher(parsed, encoder), [])


def test_an_item_never_seen_is_searched_for_in_the_list(encoder):
    goal, view = _view("What is Wren Ito's phone number?", _contacts(True), encoder)
    decision = search.find_unseen(goal, view, AppMemory())
    assert decision.action == TypeText("Wren Ito", target=ElementRef(1), clear=True)
    goal, view = _view("What is Wren Ito's phone number?", _contacts(False), encoder)
    assert search.find_unseen(goal, view, AppMemory()).action == Tap(ElementRef(1))


def test_nothing_is_searched_for_a_new_item_or_one_on_screen(encoder):
    goal, view = _view("What is Ben Cole's phone number?", _contacts(True), encoder)
    assert search.find_unseen(goal, view, AppMemory()) is None
    goal, view = _view("Add a contact named Wren Ito", _contacts(True), encoder)
    assert search.find_unseen(goal, view, AppMemory()) is None


def _expanded_alarm(saturday_on: bool):
    """An alarm row opened in place: its time, its switch and its days side by side."""
    days = [el(3 + i, "checkbox", "", 700, description=day, clickable=True, checkable=True,
               checked=saturday_on and day == "Saturday",
               bounds=Bounds(100 + 300 * i, 700, 380 + 300 * i, 820))
            for i, day in enumerate(["Friday", "Saturday", "Sunday"])]
    return screen(el(0, "button", "7:40 PM alarm, expanded | Pottery · Wed", 300,
                     clickable=True),
                  el(1, "button", "7:40 PM", 480, height=150, clickable=True),
                  el(2, "switch", "", 480, height=150, description="Pottery alarm",
                     clickable=True, checkable=True, checked=True),
                  *days, app="com.example.clock")


def test_an_opened_item_is_not_reopened_and_its_day_is_set_with_evidence(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    goal = "Make the 7:40 PM pottery alarm go off on Saturdays as well"
    assert parse_goal(goal).intent is Intent.DO  # a definite object: it exists already
    opened = PastStep(Tap(ElementRef(0)), verdict=Verdict.CHANGED, app="com.example.clock",
                      memo=Memo(mark=Mark.OPEN_ITEM, item="7:40 PM alarm | Pottery · Wed"))
    shown = _expanded_alarm(False)
    decision = planner.decide(goal, shown, [opened])
    assert decision.action == Tap(ElementRef(4))  # Saturday, not "7:40 PM" again
    tapped = PastStep(decision.action, verdict=Verdict.CHANGED, app="com.example.clock",
                      screen_signature=signature_of(shown), memo=decision.memo)
    done = planner.decide(goal, _expanded_alarm(True), [opened, tapped])
    assert done.action == Finish()


def _jotter(*titles: str):
    return screen(el(0, "list", "", 300, height=1800, scrollable=True),
                  *[el(i + 1, "button", t, 320 + 200 * i, clickable=True)
                    for i, t in enumerate(titles)], app="com.example.jotter")


def test_a_list_where_no_row_resembles_the_question_is_read_further(encoder):
    asked = "What is the kayak rack combination in my notes?"
    _, view = _view(asked, _jotter("Groceries", "Oil change", "Birthday ideas"), encoder)
    assert search.nothing_like_it(view)
    _, view = _view(asked, _jotter("Groceries", "Kayak rack", "Birthday ideas"), encoder)
    assert not search.nothing_like_it(view)


def test_a_page_of_one_item_has_no_rest_to_read(encoder):
    thread = screen(el(0, "list", "", 300, height=1800, scrollable=True),
                    el(1, "text", "See you at the match", 320),
                    el(2, "input", "", 2100, editable=True, hint="Text message"),
                    app="com.example.chat")
    _, view = _view("When is the kayak rack booking in my messages?", thread, encoder)
    assert not search.nothing_like_it(view)


def test_a_question_about_a_named_persons_value_searches_for_the_person(encoder):
    from planners.embedded import asked_search, replies

    goal, view = _view("Which number have I got stored for Wren?", _contacts(True), encoder)
    assert replies.kind_asked(goal).value_type == "phone"
    assert not replies.content_asked(goal)  # what the person has: no item that holds it
    decision = asked_search.search_asked(goal, view)
    assert decision.action == TypeText("Wren", target=ElementRef(1), clear=True)


def test_a_search_made_in_another_app_says_nothing_of_this_one(encoder):
    from planners.embedded import asked_search

    goal = parse_goal("Which number is saved for Wren?", encoder)
    shown = _contacts(True)
    elsewhere = PastStep(TypeText("Wren", target=ElementRef(1), clear=True),
                         verdict=Verdict.CHANGED, app="com.example.jotter")
    view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), [elsewhere])
    decision = asked_search.search_asked(goal, view)
    assert decision.action == TypeText("Wren", target=ElementRef(1), clear=True)
    here = PastStep(elsewhere.action, verdict=Verdict.CHANGED, app="com.example.contacts")
    view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), [here])
    assert asked_search.search_asked(goal, view).action.status is FinishStatus.INFEASIBLE


def test_what_a_time_is_counted_from_is_asked_as_a_time_and_never_with_its_purpose(encoder):
    text = ("The dentist wrote to me about my check-up. Wake me thirty minutes before that, "
            "so I'm ready.")
    goal = parse_goal(text, encoder)
    asked = lookup.questions(text, goal)
    assert asked and asked[0].startswith("what time my check-up is")
    assert "ready" not in asked[0]
