"""A wanted state said with a word of repetition ("again", "once more", "back") is the same
state: the word tells that the thing was so before, not which way to switch it."""
import pytest

from planners.embedded.goal import Intent, parse_goal

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "target", "desired"),
    [
        ("Film's done, I'd like airplane mode off again", "airplane mode", False),
        ("I'd like the hotspot off once more", "hotspot", False),
        ("I'd prefer the night light back off", "night light", False),
        ("I'd like the torch back on", "torch", True),
    ],
)
def test_repetition_keeps_the_state(text: str, target: str, desired: bool):
    goal = parse_goal(text)
    assert (goal.intent, goal.target, goal.desired) == (Intent.TOGGLE, target, desired)
