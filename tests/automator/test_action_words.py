"""`automator do` words -> actions."""

import pytest

from automator.action_words import ActionSyntaxError, parse_action
from devices.actions import (
    Direction,
    Hotkey,
    Key,
    LongPress,
    Modifier,
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
        (["key", "menu"], PressKey(Key.MENU)),
        (["hotkey", "ctrl+a"], Hotkey((Modifier.CTRL,), "a")),
        (["hotkey", "Ctrl+Shift+PageDown"], Hotkey((Modifier.CTRL, Modifier.SHIFT), "page_down")),
        (['{"kind": "hotkey", "modifiers": ["alt"], "key": "tab"}'],
         Hotkey((Modifier.ALT,), "tab")),
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


@pytest.mark.unit
@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["hotkey", "a+b"], "not a modifier"),
        (["hotkey", "ctrl+volume_up"], "a Key value or one character"),
        (["hotkey", "ctrl"], "unknown key 'ctrl'"),
        (['{"kind": "hotkey", "modifiers": [], "key": "a"}'], "needs a modifier"),
    ],
)
def test_bad_hotkeys_are_refused_with_the_reason(words: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_action(words)
