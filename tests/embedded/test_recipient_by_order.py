"""A message to the person an order names ("whoever messaged me last") goes into that
person's conversation, found in the list of conversations, never into a new one whose
recipient has no name to type. The requests and screens are our own."""

import pytest

from devices.actions import ElementRef, Tap, TypeText
from planners.embedded import EmbeddedPlanner
from planners.embedded.memo import Mark, Memo
from planners.planner import PastStep, Verdict
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow

REQUEST = "reply 'coming now' to whoever messaged me last"


def _chats(times=("9:10 AM", "8:55 AM", "Sun")):
    return screen(
        el(0, "text", "Chats", 100, height=120),
        el(1, "button", "", 100, height=120, description="Start chat", clickable=True),
        el(2, "list", "", 250, height=1600, scrollable=True),
        el(3, "button", "Ilse Brandt", 260, height=200, clickable=True,
           description=f"You: see you there | {times[0]}"),
        el(4, "button", "Tove Lind", 460, height=200, clickable=True,
           description=f"Are you near the station? | {times[1]}"),
        el(5, "button", "Ruth Okafor", 660, height=200, clickable=True,
           description=f"Thanks for the book | {times[2]}"),
        app="com.example.chat")


def _thread(typed: str = ""):
    hint = "" if typed else "Text message"
    return screen(el(0, "text", "Tove Lind", 100, height=120),
                  el(1, "input", typed, 2000, height=150, editable=True, hint=hint),
                  el(2, "button", "", 2000, height=150, description="Send", clickable=True),
                  app="com.example.chat")


def test_the_newest_conversation_they_wrote_last_in_is_opened(encoder):
    decision = EmbeddedPlanner(encoder=encoder).decide(REQUEST, _chats(), [])
    assert decision.action == Tap(ElementRef(4))


def test_the_message_is_typed_in_the_conversation_opened(encoder):
    opened = PastStep(Tap(ElementRef(4)), verdict=Verdict.CHANGED,
                      memo=Memo(mark=Mark.OPEN_ITEM, item="Tove Lind"))
    planner = EmbeddedPlanner(encoder=encoder)
    typing = planner.decide(REQUEST, _thread(), [opened])
    assert typing.action == TypeText("coming now", target=ElementRef(1), clear=True)
    typed = PastStep(typing.action, verdict=Verdict.CHANGED, memo=typing.memo)
    assert planner.decide(REQUEST, _thread("coming now"), [opened, typed]).action == Tap(
        ElementRef(2))


def test_no_conversation_is_guessed_where_the_order_cannot_be_read(encoder):
    """Every row shows a clock time: the order of the list is not known from its rows."""
    decision = EmbeddedPlanner(encoder=encoder).decide(
        REQUEST, _chats(("9:10 AM", "8:55 AM", "7:40 AM")), [])
    assert decision.action not in [Tap(ElementRef(i)) for i in (3, 4, 5)]
    assert not isinstance(decision.action, TypeText)


def test_nothing_is_typed_in_a_new_conversation(encoder):
    """A new conversation asks for a recipient the request does not name: the message is
    not typed there (in the recipient field, least of all)."""
    new = screen(el(0, "input", "", 100, height=140, editable=True,
                    hint="Type name, phone number, or email"),
                 el(1, "input", "", 2000, height=150, editable=True, hint="Text message"),
                 app="com.example.chat")
    pressed = PastStep(Tap(ElementRef(1)), verdict=Verdict.CHANGED, memo=Memo(mark=Mark.NEW_ITEM))
    decision = EmbeddedPlanner(encoder=encoder).decide(REQUEST, new, [pressed])
    assert not isinstance(decision.action, TypeText)


PLACED = "answer 'on it' to whoever is at the {} of my conversations"


def test_the_row_at_the_top_of_the_list_is_the_recipient(encoder):
    decision = EmbeddedPlanner(encoder=encoder).decide(PLACED.format("top"), _chats(), [])
    assert decision.action == Tap(ElementRef(3))


def test_the_row_at_the_bottom_is_opened_once_the_list_has_ended(encoder):
    from devices.actions import Direction, Scroll
    from planners.embedded.memory import signature_of

    planner = EmbeddedPlanner(encoder=encoder)
    first = planner.decide(PLACED.format("bottom"), _chats(), [])
    assert first.action == Scroll(Direction.DOWN)
    scrolled = PastStep(first.action, verdict=Verdict.NO_CHANGE, memo=first.memo,
                        app="com.example.chat", screen_signature=signature_of(_chats()))
    assert planner.decide(PLACED.format("bottom"), _chats(), [scrolled]).action == Tap(
        ElementRef(5))
