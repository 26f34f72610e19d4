"""The words between "my" and an item's kind are the item's name: a setting's name among
them never makes the request a switch."""

import pytest

from planners.embedded.goal import Intent, parse_goal
from planners.embedded.owned import kinds_only


@pytest.mark.unit
@pytest.mark.parametrize(("clause", "read"), [
    ("shift my Bluetooth by the lake memo into a folder named Trips",
     "shift my memo into a folder named Trips"),
    ("star my Airplane mode at the airport checklist", "star my checklist"),
    ("copy my notes to a folder", "copy my notes to a folder"),  # no name before the kind
    ("put my dog's note in a folder", "put my note in a folder"),
    ("send my list to a friend called Note", "send my list to a friend called Note"),
])
def test_an_owned_items_name_is_left_out_for_its_kind(clause, read):
    assert kinds_only(clause) == read


@pytest.mark.slow
@pytest.mark.parametrize("request_text", [
    "shift my Bluetooth by the lake memo into a folder named Trips",
    "star my Airplane mode at the airport checklist",
])
def test_a_settings_name_inside_an_owned_items_name_is_no_switch(request_text):
    assert parse_goal(request_text).intent is not Intent.TOGGLE


@pytest.mark.slow
@pytest.mark.parametrize("request_text", [
    "turn on my wifi at the cabin", "switch my Bluetooth off",
])
def test_a_switch_named_so_is_still_switched(request_text):  # a guard
    assert parse_goal(request_text).intent is Intent.TOGGLE
