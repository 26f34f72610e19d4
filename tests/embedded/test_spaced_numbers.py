"""A phone number written in groups with spaces ("555 0134") is a recipient, as one
written with hyphens is. The numbers and requests are our own."""

import pytest

from planners.embedded.goal import parse_goal


@pytest.mark.unit
@pytest.mark.parametrize(("request_", "to"), [
    ("text 555 0134 saying the gate is open", "555 0134"),
    ("text 0161 496 0722 saying running late", "0161 496 0722"),
    ("text 555-0150 saying see you", "555-0150"),
])
def test_a_number_in_spaced_groups_is_the_recipient(request_, to):
    slots = {s.name: s.value for s in parse_goal(request_).slots}
    assert slots.get("to") == to
