"""The device the request is made on, named as the partner of an action ("with the tablet"),
is nothing to look for, also when the means follows it ("... over the air", "via cable"); a
noun after it makes a compound that names something else ("the phone case")."""

import pytest

from planners.embedded.goal import Intent, Mood, parse_goal

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text", [
    "hook up my Nimbus Pods 2 with this tablet via bluetooth",
    "link the Orbit Tracker with my phone through the companion link",
    "sync Cobalt Watch with the device using NFC",
])
def test_the_device_and_the_means_after_it_are_no_item(text):
    goal = parse_goal(text)
    assert not any(w in e.lower() for e in goal.entities
                   for w in ("tablet", "phone", "device")), goal.entities


def test_a_compound_after_the_device_word_stays():  # guard
    goal = parse_goal("find the receipt for the phone case in my mail")
    assert "case" in goal.target


@pytest.mark.unit
@pytest.mark.parametrize("said", ["Can the phone switch to the night colours?",
                                  "could my tablet turn the keyboard sounds off"])
def test_asking_whether_the_device_can_do_something_asks_it_to(said):
    goal = parse_goal(said)
    assert goal.mood is not Mood.QUESTION and goal.intent is Intent.TOGGLE, goal
