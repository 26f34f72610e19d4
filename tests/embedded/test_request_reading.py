"""Requests read by laws of language, in sentences of our own: a remark after a request asks
for nothing; a time after "for" is no act's object; a part of the day after a time says am
or pm; a theme is named by how it looks; a percentage is a level wherever it stands; a
question put as whether one knows is the question; a question of whose a value is asks for a
person, found by the value; another language is told by its small words; a shorthand is the
initials of a name the device shows."""

import pytest

from perception.elements import Bounds, Screen
from planners.embedded import owners, shorthand
from planners.embedded.goal import Intent, parse_goal
from planners.embedded.legibility import unreadable
from planners.embedded.memory import signature_of
from planners.embedded.scoring import GoalMatcher
from planners.embedded.view import View
from tests.embedded.screens import el, screen

pytestmark = pytest.mark.unit


def _times(goal):
    return [s.value.lower() for s in goal.slots if s.name == "time"]


@pytest.mark.parametrize(("said", "time"), [
    ("rouse me at 5:50 this evening, I'm wiped out", "5:50 pm"),
    ("get us up at 7 - the ferry leaves early", "7:00"),
    ("rouse me at 6:25, got a long drive", "6:25"),
    ("get me up at 6:35 please", "6:35"),  # the minutes are the time's, no remark after ":"
])
def test_a_remark_after_a_wake_up_request_asks_for_nothing_more(said, time):
    goal = parse_goal(said)
    assert goal.intent is Intent.CREATE and "alarm" in goal.target
    assert _times(goal) == [time]


@pytest.mark.parametrize(("said", "time"), [
    ("make an alarm for 8:25 pm", "8:25 pm"),
    ("create an alarm at 10 tomorrow morning", "10 am"),
    ("could you make an alarm at 9 tomorrow evening", "9 pm"),
])
def test_a_time_after_the_noun_says_when_a_thing_made_is_for(said, time):
    goal = parse_goal(said)
    assert goal.intent is Intent.CREATE and "alarm" in goal.target
    assert _times(goal) == [time]


def test_guard_a_light_verb_with_a_person_is_still_the_act():
    assert parse_goal("make a call to Ottilie").verb == "call"


@pytest.mark.parametrize("said", ["use the black style", "go with the evening appearance",
                                  "put the handset in the evening appearance"])
def test_a_theme_named_by_how_it_looks_is_switched_on(said):
    goal = parse_goal(said)
    assert goal.intent is Intent.TOGGLE and goal.desired is True


@pytest.mark.parametrize(("said", "level"), [
    ("the ring volume should be at 35%", 35.0),
    ("set the media volume 55 percent", 55.0),
    ("I'd like the screen brightness at 65%", 65.0),
])
def test_a_percentage_is_the_level_wherever_it_stands(said, level):
    goal = parse_goal(said)
    assert goal.intent is Intent.SET_VALUE and goal.number == level and goal.percent


@pytest.mark.parametrize(("said", "kind", "name"), [
    ("do you happen to know Priscilla's email?", "email", "Priscilla"),
    ("Do you know Osvaldo's mobile number?", "phone", "Osvaldo"),
])
def test_asking_whether_one_knows_a_value_asks_for_it(said, kind, name):
    goal = parse_goal(said)
    assert goal.intent is Intent.ANSWER and goal.value_type == kind
    assert "know" not in goal.target and name in goal.entities


@pytest.mark.parametrize(("said", "target"), [
    ("remind me where the spare bike key is kept", "spare bike key kept"),
    ("could you remind me what the loft hatch code is?", "loft hatch code"),
    ("what was the PIN for the bike shed again?", "PIN bike shed"),
])
def test_asking_to_be_reminded_of_a_value_asks_for_it(said, target):
    goal = parse_goal(said)
    assert goal.intent is Intent.ANSWER and goal.target == target


def test_a_reminder_to_do_something_is_still_made():
    assert parse_goal("remind me to water the ferns at 6pm").intent is not Intent.ANSWER


def test_asking_whether_one_knows_a_state_asks_for_the_state():
    goal = parse_goal("any idea whether the hotspot is on?")
    assert goal.intent is Intent.ANSWER and goal.value_type == "state" and goal.desired


@pytest.mark.parametrize(("said", "value"), [
    ("whose phone number is 555-0177?", "555-0177"),
    ("who has the address quill.poet@example.net?", "quill.poet@example.net"),
])
def test_whose_value_asks_for_a_person_found_by_the_value(said, value):
    goal = parse_goal(said)
    assert goal.intent is Intent.ANSWER and goal.value_type is None
    assert goal.entities == (value,)


def _list_screen(typed: str, rows: list[str]) -> Screen:
    found = [el(2 + i, "row", row, 300 + 160 * i, clickable=True) for i, row in enumerate(rows)]
    return screen(
        el(0, "input", typed, 100, height=140, clickable=True, editable=True,
           resource_id="a:id/query"),
        el(1, "list", "", 260, height=1140, scrollable=True), *found,
        el(9, "button", "", bounds=Bounds(820, 1150, 1000, 1330), description="New entry",
           clickable=True))


def _view(goal, shown, encoder):
    return View(shown, signature_of(shown), GoalMatcher(goal, encoder), [])


def test_the_one_entry_a_search_by_the_value_leaves_is_its_owner(encoder):
    goal = parse_goal("whose phone number is 555-0177?")
    shown = _list_screen("555 0177", ["Ilse Brandt"])
    decision = owners.owner_found(goal, _view(goal, shown, encoder))
    assert decision is not None and decision.action.answer == "Ilse Brandt"


@pytest.mark.parametrize(("typed", "rows"), [("555 0177", ["Ilse Brandt", "Ugo Fenn"]),
                                              ("", ["Ilse Brandt"]), ("555 0177", [])])
def test_no_owner_is_named_unless_the_search_leaves_exactly_one(typed, rows, encoder):
    goal = parse_goal("whose phone number is 555-0177?")
    assert owners.owner_found(goal, _view(goal, _list_screen(typed, rows), encoder)) is None


@pytest.mark.parametrize("said", ["Lampe aus, bitte", "zet het geluid uit",
                                  "apaga la linterna por favor", "Ton leiser bitte",
                                  "mets le son plus fort s'il te plaît"])
def test_a_request_in_another_language_is_told_by_its_small_words(said):
    assert unreadable(said) == "its language is not supported (this planner reads English)"


@pytest.mark.parametrize("said", ["call Jan de Boer", "text Ida von Stein that I'm late",
                                  "wake-up alarm at 8 pm est", "an alarm at 6 please"])
def test_guard_names_with_particles_and_english_small_words_stay_english(said):
    assert unreadable(said) is None


LABELS = ["Bluetooth", "Do Not Disturb", "Show passwords", "Battery Saver",
          "Bluetooth Speaker", "Keyboard", "Screen timeout"]


@pytest.mark.parametrize(("said", "read"), [
    ("bt off pls", "bluetooth off pls"), ("is DND on?", "is do not disturb on?"),
    ("where do I see my pw", "where do I see my passwords"),
])
def test_a_shorthand_is_the_initials_of_one_name_shown(said, read):
    assert shorthand.expanded(said, LABELS) == read


@pytest.mark.parametrize("said", ["turn bs on", "add a 30 cm shelf", 'type "bt" here',
                                  "thx", "ask Mr Lee"])
def test_guard_shared_initials_units_quotes_and_titles_stay_as_typed(said):
    assert shorthand.expanded(said, LABELS) == said


def test_a_switch_is_named_where_it_is_asked_for_not_by_the_reason_around_it():
    goal = parse_goal("my head is pounding, please turn on the blue light filter")
    assert goal.intent is Intent.TOGGLE and goal.target == "blue light filter"
