"""A question answers with a value of the shape it asks for: a code is a token made with
digits ("583027", "QX-2291"), never a plain word; whose number it is, a person's name."""

import pytest

from devices.actions import Finish
from planners.embedded import EmbeddedPlanner
from planners.embedded.goal import parse_goal
from tests.embedded import screens as S

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


def thread(sender: str, *texts: str):
    """One conversation: the sender's name at the top, the texts below it."""
    items = [S.el(0, "text", sender, 120, height=80)]
    for i, text in enumerate(texts):
        items.append(S.el(len(items), "text", text, 300 + 200 * i, height=150))
    items.append(S.el(len(items), "input", "Text message", 2200, editable=True, clickable=True))
    return S.screen(*items, app="com.example.chat")


def test_a_code_is_never_a_plain_word(planner):
    screen = thread("40411", "Harbor Credit: your login code is 583027. Do not share it.")
    decision = planner.decide("what's the login code harbor credit just sent me?", screen, [])
    if isinstance(decision.action, Finish) and decision.action.answer:
        assert decision.action.answer == "583027"


def test_a_code_made_of_digits_is_read(planner):
    screen = thread("Harbor Credit", "Harbor Credit: your login code is 583027. Do not share it.")
    decision = planner.decide("what's the login code harbor credit sent me?", screen, [])
    assert isinstance(decision.action, Finish) and decision.action.answer == "583027"


def test_whose_number_is_not_answered_with_a_number(planner):
    screen = S.screen(S.el(0, "text", "About this phone", 120, height=80),
                      S.el(1, "text", "My number", 300, height=70),
                      S.el(2, "text", "+1 555-0148", 380, height=70),
                      app="com.example.system")
    decision = planner.decide("Whose number is +1 555-0173?", screen, [])
    assert not (isinstance(decision.action, Finish) and decision.action.status == "success")



def test_a_statement_about_someone_names_no_verb_to_press(encoder):
    """ "Nadia has a different email these days, it's ...": "Nadia" is who it is about,
    not the request's verb, so no row or button named "Nadia" carries the request out."""
    goal = parse_goal("Nadia has a different email these days, it's nadia.p@mail.example - "
                      "update her", encoder)
    assert goal.verb != "nadia"
    assert parse_goal("Forward the photo to Nadia", encoder).verb == "forward"
