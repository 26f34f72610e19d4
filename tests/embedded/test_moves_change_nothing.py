"""A move towards the goal never changes anything: removals, steppers, calls are pressed
only by the act the request names; a clause of purpose asks for nothing; what the person
owns ("my X") is never text written into another item. Sentences and screens of our own."""

import pytest

from devices.actions import ElementRef, Tap
from planners.embedded import EmbeddedPlanner
from planners.embedded.goal import Intent, parse_goal
from planners.embedded.harmless import way_on
from planners.embedded.purpose import main_clause
from tests.embedded import screens as S


def basket() -> S.Screen:
    return S.screen(
        S.el(0, "button", "", 0, height=120, clickable=True, description="Navigate up"),
        S.el(1, "text", "Basket", 0),
        S.el(2, "text", "Walnut Bookend", 300),
        S.el(3, "button", "−", 460, height=120, clickable=True,
             description="Decrease quantity of Walnut Bookend",
             bounds=S.Bounds(0, 460, 200, 580)),
        S.el(4, "text", "1", 460, height=120, bounds=S.Bounds(220, 460, 320, 580)),
        S.el(5, "button", "+", 460, height=120, clickable=True,
             description="Increase quantity of Walnut Bookend",
             bounds=S.Bounds(340, 460, 540, 580)),
        S.el(6, "button", "Remove", 460, height=120, clickable=True,
             description="Remove Walnut Bookend", bounds=S.Bounds(600, 460, 1080, 580)),
        S.el(7, "button", "Proceed to payment", 2000, clickable=True),
        app="com.example.store",
    )


def person_card() -> S.Screen:
    return S.screen(
        S.el(0, "button", "", 0, height=120, clickable=True, description="Navigate up"),
        S.el(1, "text", "Ravi Menon", 300),
        S.el(2, "button", "Call", 500, clickable=True, bounds=S.Bounds(0, 500, 540, 660)),
        S.el(3, "button", "Message", 500, clickable=True, bounds=S.Bounds(540, 500, 1080, 660)),
        S.el(4, "button", "Edit", 700, clickable=True),
        app="com.example.people",
    )


@pytest.mark.unit
def test_removals_steppers_and_calls_are_no_way_on():
    cart, card = basket(), person_card()
    assert [way_on(e, cart) for e in cart.elements if e.clickable] == [
        True, False, False, False, True]  # up, −, +, Remove, the way to payment
    assert not way_on(card.elements[2], card)  # Call
    assert way_on(card.elements[3], card) and way_on(card.elements[4], card)


@pytest.mark.unit
@pytest.mark.parametrize(("text", "main"), [
    ("pick a custom tone for Ravi so I notice when he rings",
     "pick a custom tone for Ravi"),
    ("mute the group chat, because they ping all night", "mute the group chat"),
    ("turn the volume up in case the courier rings", "turn the volume up"),
    ("ask Ravi if he is free", "ask Ravi if he is free"),  # an asked question stays
    ("text Ravi: call me so I know", "text Ravi: call me so I know"),  # a message's words
    ("keep it not so loud", "keep it not so loud"),
    ("Buy the brass lamp and send it to 3 Mill Row. You've got my blessing to buy it.",
     "Buy the brass lamp and send it to 3 Mill Row."),
    ("get me the walnut tray. Buying it is okay", "get me the walnut tray."),
    ("Remove the Yoga alarm. Feel free to delete it.", "Remove the Yoga alarm."),
    ("text Ravi: you have my OK to come", "text Ravi: you have my OK to come"),  # said
    ("You can pay now", "You can pay now"),  # a request of its own
])
def test_the_main_clause_leaves_out_its_purpose(text, main):
    assert main_clause(text) == main


@pytest.mark.slow
def test_what_the_person_owns_is_no_text_to_write(encoder):
    moved = parse_goal("add my Groceries list to the favourites", encoder)
    assert moved.intent is not Intent.EDIT and not moved.slots
    added = parse_goal("add rye flour to my picnic note", encoder)
    assert added.intent is Intent.EDIT and [s.value for s in added.slots] == ["rye flour"]


@pytest.mark.slow
def test_a_request_about_one_item_presses_no_removal_or_stepper(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    decision = planner.decide("pay for the walnut bookend in my basket and post it to 12 Elm "
                              "Road, York", basket(), [])
    assert decision.action not in [Tap(ElementRef(i)) for i in (3, 5, 6)]


@pytest.mark.slow
def test_a_purpose_that_mentions_calls_places_none(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    goal = "pick a custom tone for Ravi Menon so I notice when he rings"
    assert parse_goal(goal, encoder).target.split()[-1] != "rings"
    assert planner.decide(goal, person_card(), []).action != Tap(ElementRef(2))


@pytest.mark.slow
@pytest.mark.parametrize(("text", "field", "value", "who"), [
    ("Mateo moved to a new mail host, it's mateo.r@fastmail.org now", "email",
     "mateo.r@fastmail.org", "Mateo"),
    ("Priya's new number is 555-0188", "phone number", "555-0188", "Priya"),
    ("Priya's surname is Okafor now", "surname", "Okafor", "Priya"),
])
def test_a_statement_of_a_new_value_is_an_edit_of_that_entry(encoder, text, field, value, who):
    goal = parse_goal(text, encoder)
    assert goal.intent is Intent.EDIT and who in goal.entities
    assert [(s.name, s.value) for s in goal.slots] == [(field, value)]


@pytest.mark.slow
def test_a_value_told_by_reference_is_read_before_it_is_used(encoder):
    goal = parse_goal("Nadia messaged me what time the ferry leaves on Sunday, set an alarm "
                      "for that time", encoder)
    assert goal.intent is Intent.CREATE
    assert [(s.name, s.value, s.ref) for s in goal.slots] == [
        ("time", "what time the ferry leaves on Sunday", True)]
    read = parse_goal('Nadia messaged me "7:10 am", set an alarm for that time', encoder)
    assert read.intent is Intent.CREATE and [(s.name, s.value) for s in read.slots] == [
        ("time", "7:10 am")]


@pytest.mark.slow
def test_a_pronoun_stands_for_what_the_told_clause_is_about(encoder):
    goal = parse_goal("the walnut bookend looks cheap, drop it from my basket",
                      encoder)
    assert goal.intent is Intent.DELETE and "bookend" in goal.target


def composer() -> S.Screen:
    """A chat with a draft in its box, and its send button."""
    return S.screen(
        S.el(0, "text", "Ilse", 0),
        S.el(1, "input", "bring the charger", 2000, editable=True, clickable=True,
             bounds=S.Bounds(0, 2000, 900, 2140)),
        S.el(2, "button", "Send", 2000, clickable=True, bounds=S.Bounds(900, 2000, 1080, 2140)),
        app="com.example.chat")


def test_a_request_to_send_may_press_send_though_it_names_no_word_of_the_button(encoder):
    shown = composer()
    send = parse_goal("send off what I wrote", encoder)
    assert send.intent is Intent.SEND and way_on(shown.elements[2], shown, send)
    look = parse_goal("read me what I wrote", encoder)
    assert not way_on(shown.elements[2], shown, look)


def product_page() -> S.Screen:
    return S.screen(
        S.el(0, "button", "", 0, height=120, clickable=True, description="Navigate up"),
        S.el(1, "text", "Copper Kettle", 300),
        S.el(2, "button", "Add to cart", 800, clickable=True),
        S.el(3, "button", "Start return", 1000, clickable=True),
        S.el(4, "button", "Reviews", 1200, clickable=True),
        app="com.example.store",
    )


@pytest.mark.unit
@pytest.mark.parametrize("text", ["use my gift card as the way I pay from now on",
                                  "switch off order updates from the store",
                                  "what do people say about the copper kettle?"])
def test_a_control_that_acts_where_it_is_is_no_way_on_unless_the_request_says_it(text):
    page, goal = product_page(), parse_goal(text)
    assert not way_on(page.elements[2], page, goal)  # Add to cart
    assert not way_on(page.elements[3], page, goal)  # Start return
    assert way_on(page.elements[4], page, goal)  # Reviews
    asked = parse_goal("start a return of the copper kettle")
    assert way_on(page.elements[3], page, asked)


@pytest.mark.unit
def test_a_control_that_starts_a_new_item_is_no_way_to_one_that_exists():
    page = S.screen(S.el(0, "text", "Alarms", 100),
                    S.el(1, "button", "Add alarm", 300, clickable=True),
                    S.el(2, "button", "Bedtime", 500, clickable=True), app="com.example.clock")
    goal = parse_goal("switch my third alarm off for tomorrow")
    assert not way_on(page.elements[1], page, goal)
    assert way_on(page.elements[2], page, goal)
