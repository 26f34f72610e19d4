"""Text entry is data, never shell: any text arrives exactly and no other command runs.

The default run tries 1000 generated strings per path; `AUTOMATOR_TEXT_EXAMPLES=N` changes
that (a quick local run: N=50).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devices.actions import Point, TypeText
from devices.android import AndroidDevice
from devices.textinput import input_text_commands, typable_with_input

pytestmark = pytest.mark.sim

EXAMPLES = int(os.environ.get("AUTOMATOR_TEXT_EXAMPLES", "1000"))
FIELD = Point(500, 350)  # the text field of the tests' SmallPhone
SHELL_SPECIALS = [*";&|$()<>'\"\\*?[]{}~#!`\n%s= ", "%s", "$(id)", "`id`", "${X}", "&&"]
EXOTIC = ["東京", "🔥", "👩‍👩‍👧", "مرحبا", "e\u0301", "\u200f", "Ω", "\U0001f600"]
_printable = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r")
ANY_TEXT = st.lists(st.sampled_from(SHELL_SPECIALS + EXOTIC) | st.text(_printable, max_size=4),
                    max_size=12).map("".join)  # fmt: skip
ASCII_TEXT = st.lists(
    st.sampled_from(SHELL_SPECIALS)
    | st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=4),
    max_size=12,
).map("".join)

# fixed queries the driver may run around typing (none carries the text)
CONSTANT_QUERIES = {
    ("settings", "get", "secure", "default_input_method"),
    ("wm", "size"),
    ("dumpsys", "display"),
}
_SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


@pytest.fixture
def u2_device(small_server):
    with AndroidDevice("small-0", port=small_server.port) as dev:
        yield dev


@pytest.fixture
def adb_device(small_server):
    with AndroidDevice("small-1", port=small_server.port, use_uiautomator2=False) as dev:
        yield dev


@_SETTINGS
@given(text=ANY_TEXT)
def test_any_text_arrives_exactly_over_uiautomator2(u2_device, small_server, text):
    target = small_server.target("small-0")
    before = len(target.commands)
    u2_device.execute(TypeText(text, target=FIELD, clear=True))
    assert target.phone.text == text
    ran = {argv for argv in target.commands[before:]}
    assert ran <= CONSTANT_QUERIES
    assert target.unevaluated == []


@_SETTINGS
@given(text=ANY_TEXT.filter(lambda t: "\n" not in t))
def test_text_after_text_arrives_exactly_over_uiautomator2(u2_device, small_server, text):
    """Into a field with text the driver cannot see the cursor or a selection, so it sends
    key events (`input text`, each argument quoted) where it can, else appends with setText."""
    target = small_server.target("small-0")
    target.phone.text, target.phone.focused = "kept ", True
    before = len(target.commands)
    u2_device.execute(TypeText(text))
    assert target.phone.text == "kept " + text
    ran = [argv for argv in target.commands[before:] if argv not in CONSTANT_QUERIES]
    typed = text and typable_with_input(text)
    assert ran == ([tuple(c) for c in input_text_commands(text)] if typed else [])
    assert target.unevaluated == []


@_SETTINGS
@given(text=ASCII_TEXT)
def test_ascii_text_arrives_exactly_over_input_text(adb_device, small_server, text):
    target = small_server.target("small-1")
    target.phone.text, target.phone.focused = "", True
    before = len(target.commands)
    adb_device.execute(TypeText(text))
    assert target.phone.text == text.replace("\n", "")  # newlines are ENTER presses
    ran = [argv for argv in target.commands[before:] if argv not in CONSTANT_QUERIES]
    assert ran == [tuple(c) for c in input_text_commands(text)]
    assert all(argv[0] == "input" for argv in ran)
    assert target.unevaluated == []


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "commands"),
    [
        ("a b", [["input", "text", "a b"]]),
        ("100%s", [["input", "text", "100%"], ["input", "text", "s"]]),
        ("x\ny", [["input", "text", "x"], ["input", "keyevent", "66"], ["input", "text", "y"]]),
        ("", []),
    ],
)
def test_input_text_commands(text, commands):
    assert input_text_commands(text) == commands


@pytest.mark.unit
def test_input_text_refuses_non_ascii():
    with pytest.raises(ValueError, match="ASCII"):
        input_text_commands("東京")
