"""A verb of starting a program whose whole object is an app's name opens that app; any
other verb, or an object with more than the app's name, asks for something inside it. The
apps and requests are our own."""

import pytest

from planners.embedded.app_object import started_app
from planners.embedded.goal import Intent, parse_goal


@pytest.mark.unit
@pytest.mark.parametrize(("request_", "apps", "intent"), [
    ("play Sudoku", ["Sudoku"], Intent.OPEN),
    ("launch the Tide Charts app", ["Tide Charts"], Intent.OPEN),
    ("play the next song in Tunes", ["Tunes"], None),  # a song inside it
    ("update Sudoku", ["Sudoku"], None),  # no verb of starting
    ("play Sudoku", [], None),  # no app by that name
])
def test_starting_an_app_by_name_opens_it(request_, apps, intent):
    goal = parse_goal(request_)
    read = started_app(goal, apps)
    assert read.intent is (intent or goal.intent)
    if intent is None:
        assert read == goal
