"""A value is read on the line of the thing asked about; "there" points back at the place a
told clause names; a noun phrase with a person's relative clause names a value; a word said
before a switch's name makes it one thing of the switch's kind. The requests and screens are
our own."""

import pytest

from devices.actions import ElementRef, Finish, Tap
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from planners.embedded.asking import manner
from planners.embedded.evidence import one_of_its_kind, switch_is_means
from planners.embedded.goal import parse_goal
from planners.embedded.lines import same_line
from planners.embedded.slots import is_reference
from planners.embedded.wording import outside_relative
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.slow


_CITIES = [("Quito", "2:41 PM"), ("Nairobi", "3:41 PM"), ("Perth", "10:41 PM"),
           ("Lima", "6:41 AM")]


def _board():
    """Rows of a label on the left and its value on the right, none of them tappable."""
    cells = []
    for i, (city, time) in enumerate(_CITIES):
        top = 400 + 180 * i
        cells += [el(2 * i, "text", city, bounds=Bounds(30, top, 640, top + 110)),
                  el(2 * i + 1, "text", time, bounds=Bounds(640, top, 1040, top + 110))]
    return screen(*cells, app="com.example.worldclock")


@pytest.mark.parametrize(("city", "time"), _CITIES)
def test_a_value_is_read_on_the_line_of_the_place_asked_about(encoder, city, time):
    decision = EmbeddedPlanner(encoder=encoder).decide(f"What time is it in {city}?", _board(),
                                                       [])
    assert decision.action == Finish(answer=time)


@pytest.mark.unit
def test_boxes_share_a_line_when_they_overlap_by_half_a_height():
    assert same_line(Bounds(0, 100, 50, 200), Bounds(60, 120, 90, 210))
    assert not same_line(Bounds(0, 100, 50, 200), Bounds(60, 180, 90, 280))


@pytest.mark.unit
@pytest.mark.parametrize(("text", "clause"), [
    ("Dad is in Quito this week. what time is it there?", "what time is it in Quito"),
    ("The kayak is at Lakeside. is it still there", "is the kayak still at Lakeside"),
    ("My aunt lives in Perth. Is there a reminder on Friday?", "Is there a reminder on Friday"),
])
def test_there_points_back_at_the_place_told(text, clause):
    assert manner(text).clause.lower() == clause.lower()


@pytest.mark.unit
def test_the_it_of_the_time_points_at_nothing_told():
    assert manner("The kettle is in Perth. what time is it").clause == "what time is it"


@pytest.mark.unit
def test_a_relative_clause_with_a_person_is_no_verb_of_the_phrase():
    found = ["the", "pin", "we", "use", "for", "the", "shed"]
    assert outside_relative(found) == ["the", "pin", "for", "the", "shed"]
    assert is_reference("the email address I have for Ines", said_as_text=True)
    assert is_reference("the code we've got for the shed", said_as_text=True)
    assert not is_reference("the ferry we took got cancelled", said_as_text=True)


@pytest.mark.parametrize(("text", "switch", "kind"), [
    ("hop onto the office Wi-Fi", "Wi-Fi", True),
    ("get my car bluetooth going", "Bluetooth", True),
    ("turn the phone's Wi-Fi on", "Wi-Fi", False),
    ("switch on wifi", "Use Wi-Fi", False),
    ("turn on the Wi-Fi network", "Wi-Fi", False),
])
def test_a_word_before_a_switch_names_one_thing_of_its_kind(encoder, text, switch, kind):
    goal = parse_goal(text, encoder)
    assert one_of_its_kind(goal, switch) is kind
    assert switch_is_means(goal, switch) is kind


def test_a_switch_whose_state_is_said_is_the_end_whatever_words_come_before_it(encoder):
    goal = parse_goal("turn the choir practice alarm on", encoder)
    assert one_of_its_kind(goal, "7:15 PM alarm") and not switch_is_means(goal, "7:15 PM alarm")


def test_a_switch_on_is_no_end_for_one_network_it_lists(encoder):
    shown = screen(el(0, "text", "Internet", 0, resource_id="x:id/title"),
                   el(1, "switch", "Wi-Fi", 200, clickable=True, checkable=True, checked=True),
                   el(2, "button", "Birchwood-5G | Secured", 360, clickable=True),
                   app="com.android.settings")
    planner = EmbeddedPlanner(encoder=encoder)
    decision = planner.decide("hop onto the office Wi-Fi", shown, [])
    assert not (isinstance(decision.action, Finish) and decision.action.status == "success")


def _note_page(title: str, body: str):
    """A note opened: its title and its body are fields, as saved (nothing typed into them)."""
    return screen(el(0, "button", "Navigate up", 0, height=120, clickable=True),
                  el(1, "input", title, 200, editable=True, hint="Title"),
                  el(2, "input", body, 400, height=600, editable=True, hint="Note"),
                  app="com.example.jotter")


@pytest.mark.parametrize(("asked", "answer"), [
    ("which lock number is for the boathouse again?", "4471"),
    ("which lock number is for the garage?", None),  # another place's note
])
def test_a_saved_notes_body_is_read_only_for_what_its_page_shows(encoder, asked, answer):
    shown = _note_page("Boathouse", "Lock number 4471\nOars in the loft")
    decision = EmbeddedPlanner(encoder=encoder).decide(asked, shown, [])
    done = isinstance(decision.action, Finish) and decision.action.status == "success"
    assert (decision.action.answer if done else None) == answer


def test_the_row_of_whom_a_value_is_said_to_be_for_is_opened(encoder):
    rows = []
    for i, name in enumerate(["Ada Lowe", "Ida Moss", "Ola Berg", "Uma Kerr"]):
        rows += [el(2 * i + 2, "text", name[0], 300 + 200 * i, height=40),
                 el(2 * i + 3, "button", name, 340 + 200 * i, clickable=True)]
    people = screen(el(0, "input", "Search contacts", 100, editable=True, clickable=True),
                    el(1, "list", "", 280, height=1800, scrollable=True), *rows,
                    app="com.example.people")
    decision = EmbeddedPlanner(encoder=encoder).decide(
        "what's the phone number we have for Ida Moss?", people, [])
    assert decision.action == Tap(ElementRef(5))
