"""Names are written in every script, fields are named by what they say, and a message is
sent only by sending it."""

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, TypeText
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from planners.embedded.goal import Slot, parse_goal
from planners.embedded.legibility import readable_id
from tests.embedded import screens as S

pytestmark = pytest.mark.slow

NAMES = ["Søren", "Zoë Ngata", "王芳", "Дмитрий Орлов", "김서연", "Łucja Wiśniewska", "Ίρις"]


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("form", ["Text {} 'on my way'", "Send a note to {} saying 'on my way'",
                                  "message {}: on my way"])
def test_a_recipient_is_a_name_in_any_script(encoder, name, form):
    goal = parse_goal(form.format(name), encoder)
    assert goal.slots[:2] == (Slot("to", name), Slot("message", "on my way"))


@pytest.mark.parametrize("name", NAMES)
def test_a_possessive_names_its_owner_in_any_script(encoder, name):
    goal = parse_goal(f"What is {name}'s email address?", encoder)
    assert goal.value_type == "email"
    assert name in goal.entities


@pytest.mark.parametrize(("rid", "words"), [
    ("com.example:id/compose_message_text", "compose message text"),
    ("com.example:id/searchBox", "search box"),
    ("com.example:id/lxx", ""),  # shrunk by a release build: no words
    ("com.example:id/a3f", ""),
    ("", ""),
])
def test_a_resource_id_says_something_only_in_words(rid, words):
    assert readable_id(rid) == words


def conversation(title: str, field_text: str, field_id: str, sent: str = ""):
    """A conversation whose message field has no hint attribute: it shows its hint as text."""
    items = [S.el(0, "text", title, 0, resource_id="com.chat:id/qz")]
    if sent:
        items.append(S.el(1, "text", sent, 600))
    items += [
        S.el(len(items), "input", field_text, 2200, resource_id=field_id, editable=True,
             clickable=True, bounds=Bounds(0, 2200, 900, 2350)),
        S.el(len(items) + 1, "button", "", 2200, description="Send", clickable=True,
             bounds=Bounds(900, 2200, 1080, 2350)),
    ]
    return S.screen(*items, app="com.chat")


@pytest.mark.parametrize("name", ["王芳", "Zoë Ngata"])
def test_in_the_conversation_the_message_goes_into_the_field_its_text_names(planner, name):
    screen = conversation(name, "Write a message", "com.chat:id/kq")
    decision = planner.decide(f"Text {name} 'on my way'", screen, [])
    assert decision.action == TypeText("on my way", ElementRef(1), clear=True)


def test_a_message_typed_with_nowhere_to_send_it_is_not_sent(planner):
    """The text sits in a field and nothing sends it: the request is not done."""
    screen = S.screen(
        S.el(0, "text", "Draft", 0),
        S.el(1, "input", "back at five", 400, editable=True, clickable=True, hint="Message"),
        app="com.chat",
    )
    decision = planner.decide("Send a message saying 'back at five'", screen, [])
    assert decision.action != Finish(FinishStatus.SUCCESS)
