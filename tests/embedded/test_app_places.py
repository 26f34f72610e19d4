"""An app named after an item's name ("the X in my notes") says where the item is kept: it
is no word of the item's name."""

import pytest

from planners.embedded.goal import parse_goal
from planners.embedded.scoring import without_app_names


@pytest.mark.slow
@pytest.mark.parametrize(("request_text", "apps", "item"), [
    ("add figs to the camping inventory in my notes", ["Notes"], "camping inventory"),
    ("add oat bran to the pantry memo in the Jotter app", ["Jotter"], "pantry memo"),
])
def test_the_app_after_an_items_name_is_where_it_is(request_text, apps, item):
    goal = without_app_names(parse_goal(request_text), apps)
    assert item in goal.entities
    assert not any(a.lower() in e.lower() for e in goal.entities for a in apps)


@pytest.mark.slow
def test_a_place_that_is_no_app_stays_in_the_name():  # a guard
    goal = without_app_names(parse_goal("add figs to the list in my kitchen note"), ["Notes"])
    assert any("kitchen" in e for e in goal.entities)
