"""People by their names: a new item named only by a person's values (a name and a number
or an e-mail) is a contact card, and a row showing part of a full name is someone else.
Sentences and screens are our own."""

import pytest

from devices.actions import ElementRef, Tap, TypeText
from perception.elements import Bounds
from planners.embedded import acts, cards, search
from planners.embedded.goal import Intent, parse_goal
from planners.embedded.memory import AppMemory, signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.slots import Slot
from planners.embedded.view import View
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("request_", "name", "phone"), [
    ("save Oren Talmi's mobile for me, it is 0161 496 0321", "Oren Talmi", "0161 496 0321"),
    ("add Brigitte Fontaine-Roux, 06 12 34 56 78", "Brigitte Fontaine-Roux", "06 12 34 56 78"),
    ("save Wiremu Parata: wiremu.p@example.nz", "Wiremu Parata", None),
])
def test_a_person_given_by_values_alone_is_a_new_contact(encoder, request_, name, phone):
    """No item is named: the values are a person's, so what is made is their card, under
    their name alone (the possessive is no part of it)."""
    goal = parse_goal(request_, encoder)
    assert goal.intent is Intent.CREATE
    assert goal.target == cards.CARD
    assert Slot("name", name) in goal.slots
    if phone is not None:
        assert Slot("phone", phone) in goal.slots


def test_the_collection_a_card_joins_is_no_item_of_its_own():
    person = [Slot("name", "Ida Berg"), Slot("phone", "555-0110")]
    assert cards.kind_made("contacts number", person) == cards.CARD
    assert cards.kind_made("s mobile", person) == cards.CARD


def test_another_kind_of_item_named_keeps_its_kind():
    """Guard: a request that names what it makes ("an event", "a note") is not a card,
    and values that are nobody's (no name) make no card either."""
    person = [Slot("name", "Ida Berg"), Slot("phone", "555-0110")]
    assert cards.kind_made("event", person) == "event"
    assert cards.kind_made("reminder call", person) == "reminder call"
    assert cards.kind_made("number", [Slot("phone", "555-0110")]) == "number"


def test_the_card_is_begun_with_the_lists_create_button(encoder):
    """On the list of people, the button that starts a new card is pressed first."""
    goal = parse_goal("save Oren Talmi's mobile for me, it is 0161 496 0321", encoder)
    shown = screen(el(0, "text", "People", 0, height=120),
                   el(1, "button", "Search", 0, height=120, clickable=True,
                      bounds=Bounds(800, 0, 1080, 120)),
                   el(2, "button", "Ada Quint", 200, clickable=True),
                   el(3, "button", "Bela Ruiz", 360, clickable=True),
                   el(4, "button", "Create contact", 2000, height=150, clickable=True),
                   app="com.example.people")
    view = View(shown, signature_of(shown), GoalMatcher(goal, encoder), [])
    pressed = acts.press_create(goal, view)
    assert pressed is not None and pressed.action == Tap(ElementRef(4))


def _people(*names):
    rows = [el(i + 2, "button", n, 300 + 160 * i, clickable=True) for i, n in enumerate(names)]
    return screen(el(0, "text", "People", 0, height=120),
                  el(1, "field", "", 140, height=120, editable=True, clickable=True,
                     hint="Search people"),
                  *rows, app="com.example.people")


def _memory_of_people(app="com.example.people"):
    """A memory whose app has a form for a person (a name field and a phone field)."""
    form = screen(el(0, "input", "", 200, hint="Name", editable=True, clickable=True),
                  el(1, "input", "", 360, hint="Phone", editable=True, clickable=True),
                  app=app)
    memory = AppMemory()
    memory.add_screen(signature_of(form), form, "People")
    return memory


@pytest.mark.parametrize("shown", [("Tamsin", "Umar Vale"), ("Howe", "Umar Vale")])
def test_a_row_with_part_of_a_full_name_is_someone_else(encoder, shown):
    """"Tamsin" alone is not "Tamsin Howe": the person asked for is looked for (here with
    the list's search) rather than taken to be the shorter name."""
    goal = parse_goal("please ring Tamsin Howe now", encoder)
    page = _people(*shown)
    view = View(page, signature_of(page), GoalMatcher(goal, encoder), [])
    step = search.find_unseen(goal, view, _memory_of_people())
    assert step is not None and step.action == TypeText("Tamsin Howe", target=ElementRef(1),
                                                        clear=True)


def test_a_shorter_name_asked_is_found_in_a_longer_row(encoder):
    """Guard: a request may shorten a name ("Tamsin"); the row "Tamsin Howe" is hers."""
    goal = parse_goal("please ring Tamsin now", encoder)
    page = _people("Tamsin Howe", "Umar Vale")
    view = View(page, signature_of(page), GoalMatcher(goal, encoder), [])
    assert search.find_unseen(goal, view, _memory_of_people()) is None


def test_outside_a_list_of_people_a_part_of_a_title_will_do(encoder):
    """Guard: in an app that keeps no people, a row may show a shorter form of what is
    named; the rule about people's names does not apply there."""
    goal = parse_goal("please ring Tamsin Howe now", encoder)
    page = _people("Tamsin", "Umar Vale")
    view = View(page, signature_of(page), GoalMatcher(goal, encoder), [])
    assert search.find_unseen(goal, view, _memory_of_people("com.example.other")) is None
