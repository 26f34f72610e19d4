"""A value put into a field the request names ("fill in the city field with Lyon"): the value
is typed there, never looked for as an item, and only the field named is written."""

import pytest

from devices.actions import ElementRef, TypeText
from planners.embedded import AppMemory, EmbeddedPlanner
from planners.embedded.field_values import field_value
from planners.embedded.goal import Intent, parse_goal
from tests.embedded import screens as S

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("request_text", "field", "value"), [
    ("fill in the city field with Lyon", "city", "Lyon"),
    ("Fill out the promo code box with SPRING-15", "promo code", "SPRING-15"),
    ("type oat milk into the search bar", "search", "oat milk"),
    ("enter 'Flat 2, 9 Quay Road' in the delivery address field", "delivery address",
     "Flat 2, 9 Quay Road"),
    ("use kestrel_77 as my username", "username", "kestrel_77"),
    ("Put m0untain!Air in as the password", "password", "m0untain!Air"),
    ("set the zip box to 10115", "zip", "10115"),
])
def test_a_value_and_the_field_it_goes_in(request_text, field, value):
    slot = field_value(request_text)
    assert slot is not None and (slot.name, slot.value) == (field, value)


@pytest.mark.parametrize("request_text", [
    "put the camping stove in my basket",  # a thing placed, no field
    "set Marimba as my ringtone",  # picked from a list, not typed
    "keep Ola Berg as a contact",
    "fill the kettle with water",  # no field of a form
])
def test_no_field_no_value(request_text):
    assert field_value(request_text) is None


def test_the_request_is_an_edit_of_that_field_and_the_value_is_not_sought(encoder):
    goal = parse_goal("Type hazel.moss@example.net in the email field", encoder)
    assert goal.intent is Intent.EDIT
    assert [(s.name, s.value) for s in goal.slots] == [("email", "hazel.moss@example.net")]
    assert "hazel.moss@example.net" not in goal.entities


def sign_up(name: str, email: str, password: str):
    return S.screen(
        S.el(0, "text", "Join the club", 0),
        S.el(1, "input", name, 200, editable=True, clickable=True, hint="Full name"),
        S.el(2, "input", email, 400, editable=True, clickable=True, hint="Email"),
        S.el(3, "input", password, 600, editable=True, clickable=True, hint="Password",
             password=True),
        S.el(4, "button", "Join", 800, clickable=True),
        app="com.example.club",
    )


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(AppMemory(), encoder=encoder)


def test_the_named_empty_field_is_typed_into_though_others_hold_text(planner):
    decision = planner.decide("put m0untain!Air in as my password",
                              sign_up("Ines Duarte", "ines@", ""), [])
    assert decision.action == TypeText("m0untain!Air", ElementRef(3), clear=True)

