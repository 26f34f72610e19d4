"""A slip of the keyboard is read as the word the device shows; known words, short words,
ambiguous slips and quoted text are kept as typed."""

import pytest

from devices.actions import OpenApp
from planners.embedded import EmbeddedPlanner
from planners.embedded.memory import AppMemory, signature_of
from planners.embedded.spelling import corrected, device_words, known_words, slips
from tests.embedded import screens as S

SHOWN = device_words(["Airplane mode", "Notifications", "Screen lock", "Hotspot & tethering",
                      "Wallpaper", "Ringtone", "Ringtones", "Check-in reminders"])


@pytest.mark.unit
@pytest.mark.parametrize(("typed", "meant"), [
    ("turn on airplane mdoe", "turn on airplane mode"),  # short: two letters swapped
    ("open teh timer", "open the timer"),
    ("turn on airplane mde", "turn on airplane mde"),  # short, a letter dropped: kept
    ("open notifcations", "open notifications"),
    ("change the walpaper", "change the wallpaper"),
    ("turn on hotpsot", "turn on hotspot"),
    ("open nootificatinos", "open notifications"),  # a long word: two slips
    ("set the screen locks", "set the screen locks"),  # a known word
    ("write \"walpaper\" in a note", "write \"walpaper\" in a note"),  # quoted: typed as is
    ("change the ringtonez", "change the ringtonez"),  # near two device words
    ("her name is spelt Walpaper", "her name is spelt Walpaper"),  # a name: as written
    ("mute my checkin reminders", "mute my check-in reminders"),  # a compound, no hyphen
    ("mute my Checkin reminders", "mute my check-in reminders"),
])
def test_a_slip_is_read_as_the_device_word(typed, meant):
    assert corrected(typed, SHOWN) == meant


@pytest.mark.unit
def test_slips_count_swaps_as_one():
    assert slips("hotpsot", "hotspot", 1) == 1
    assert slips("wallpaper", "walpaper", 1) == 1
    assert slips("lamp", "lantern", 1) == 2
    assert "notifcations" not in known_words() and "alarm" in known_words()


def _network():
    return S.screen(S.el(0, "text", "Network", 0, resource_id="x:id/title"),
                    S.el(1, "switch", "Personal hotspot", 300, clickable=True, checkable=True),
                    S.el(2, "button", "Data usage", 500, clickable=True), app="com.example.net")


def _home():
    return S.screen(S.el(0, "button", "Network", 400, clickable=True), app="com.example.home")


@pytest.mark.slow
def test_a_request_with_a_slip_is_not_called_impossible(encoder):
    memory = AppMemory()
    page = _network()
    memory.set_app("Network", page.app, signature_of(page))
    memory.add_screen(signature_of(page), page, "Network")
    memory.embed(encoder)
    decision = EmbeddedPlanner(memory, encoder=encoder).decide(
        "turn on the hotpsot pls", _home(), [])
    assert decision.action == OpenApp("Network"), decision.thought
    assert "'hotspot'" in decision.thought  # what it looks for is the word the device shows
