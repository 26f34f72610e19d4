"""What an element is called is what a screen reader says: a description in place of a text
too short to be a name."""

import pytest

from devices.actions import ElementRef, Tap
from perception.elements import Bounds
from planners.embedded import EmbeddedPlanner
from planners.embedded.view import spoken_name
from tests.embedded import screens as S

pytestmark = pytest.mark.slow

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


@pytest.mark.parametrize(("text", "description", "spoken"), [
    ("W", "Wednesday", "Wednesday"),
    ("ON", "Night light", "Night light"),
    ("Wi-Fi", "Wireless networks", "Wi-Fi"),  # a name of its own stays
    ("M", "", "M"),
])
def test_a_text_too_short_to_be_a_name_gives_way_to_the_description(text, description,
                                                                      spoken):
    element = S.el(0, "button", text, 0, description=description, clickable=True)
    assert spoken_name(element) == spoken


def reminder_days(on: set[str]):
    chips = [S.el(2 + i, "button", day[0], 0, description=day, clickable=True, checkable=True,
                  checked=day in on, bounds=Bounds(20 + 150 * i, 600, 160 + 150 * i, 720))
             for i, day in enumerate(DAYS)]
    return S.screen(S.el(0, "text", "Stretch break", 200),
                    S.el(1, "text", "Repeats on", 450), *chips, app="com.example.remind")


def test_a_day_named_in_full_is_found_among_initials(planner):
    decision = planner.decide("Have the stretch break reminder repeat on Fridays too",
                              reminder_days({"Monday", "Wednesday"}), [])
    assert decision.action == Tap(ElementRef(2 + DAYS.index("Friday")))
