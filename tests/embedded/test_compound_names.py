"""A name written with a hyphen is the same name written apart ("follow-up" and "Follow up"):
people write titles either way. Numbers and codes with hyphens stay whole."""

import pytest

from devices.actions import ElementRef, Tap
from planners.embedded import EmbeddedPlanner
from planners.embedded.scoring import words
from tests.embedded import screens as S


@pytest.mark.unit
def test_a_compound_of_letters_is_its_parts():
    assert words("my follow-up note") == {"follow", "up", "note"}
    assert words("follow-up") <= words("Follow up")
    assert words("call 555-0133 or mail kim-lee@example.org") == {
        "call", "555-0133", "mail", "kim-lee@example.org"}


@pytest.mark.slow
def test_a_hyphenated_title_finds_the_row_written_apart(encoder):
    notes = S.screen(
        S.el(0, "input", "", 0, 140, editable=True, clickable=True, hint="Search notes"),
        S.el(1, "button", "Garden | Plant tulips in October", 200, clickable=True),
        S.el(2, "button", "Follow up | Call the plumber back", 380, clickable=True),
        S.el(3, "button", "Reading list | Dune, Emma", 560, clickable=True),
        S.el(4, "image_button", "", 2000, 160, clickable=True, description="New note"),
        app="com.example.jotter")
    planner = EmbeddedPlanner(encoder=encoder)
    decision = planner.decide("tack 'buy stamps' onto my follow-up note", notes, [])
    assert decision.action == Tap(ElementRef(2))
