"""`automator do` words -> actions."""

import pytest

from automator.action_words import ActionSyntaxError, parse_action
from devices.actions import (
    Direction,
    Key,
    LongPress,
    OpenApp,
    Point,
    PressKey,
    Scroll,
    Swipe,
    Tap,
    TypeText,
    Wait,
)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("words", "action"),
    [
        (["tap", "540", "1200"], Tap(Point(540, 1200))),
        (["long_press", "10", "20", "1500"], LongPress(Point(10, 20), 1500)),
        (["swipe", "1", "2", "3", "4"], Swipe(Point(1, 2), Point(3, 4))),
        (["swipe", "1", "2", "3", "4", "900"], Swipe(Point(1, 2), Point(3, 4), 900)),
        (["scroll", "down"], Scroll(Direction.DOWN)),
        (["scroll", "UP", "540", "900"], Scroll(Direction.UP, Point(540, 900))),
        (["key", "back"], PressKey(Key.BACK)),
        (["open_app", "Google Maps"], OpenApp("Google Maps")),
        (["wait", "2.5"], Wait(2.5)),
        # the text is one argv word, never split or interpreted
        (["type_text", "héllo; ls $(rm -rf /) 'q'"], TypeText("héllo; ls $(rm -rf /) 'q'")),
        (["type_text", "hi", "100", "200", "--clear", "--submit"],
         TypeText("hi", Point(100, 200), clear=True, submit=True)),
        (['{"kind": "tap", "target": {"x": 1, "y": 2}}'], Tap(Point(1, 2))),
    ],
)
def test_words_parse(words, action):
    assert parse_action(words) == action


@pytest.mark.unit
@pytest.mark.parametrize(
    "words",
    [[], ["fly"], ["tap", "1"], ["tap", "a", "b"], ["key", "jump"], ["scroll"],
     ["type_text"], ["type_text", "x", "--loud"], ["swipe", "1", "2", "3"], ["{bad json"]],
)
def test_bad_words_say_why(words):
    with pytest.raises(ActionSyntaxError):
        parse_action(words)
