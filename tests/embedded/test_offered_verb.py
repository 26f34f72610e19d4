"""An item the phone has yet to find (a device in range) is on no remembered page; the page
that a control offering the request's verb for a new item opens is where it appears. The
control's verb may be another word for the same act ("hook up", "Pair new ...")."""

import pytest

from planners.embedded.encoder import default_encoder
from planners.embedded.goal import parse_goal
from planners.embedded.memory import AppMemory, signature_of
from planners.embedded.offered import OFFERED, with_offered
from tests.embedded import screens as S

pytestmark = pytest.mark.unit
APP = "com.example.beacons"
GOAL = "link my Juniper Tag 3 to the hub"


def trackers(*labels: str):
    rows = [S.el(0, "text", "Trackers", 0)]
    rows += [S.el(i + 1, "button", label, 200 + 160 * i, clickable=True)
             for i, label in enumerate(labels)]
    return S.screen(*rows, app=APP)


def memory_with(*labels: str) -> tuple[AppMemory, str, str]:
    memory, home = AppMemory(), trackers(*labels, "Help")
    scan = S.screen(S.el(0, "text", "Looking for tags", 0), app=APP)
    memory.add_screen(signature_of(home), home, "Beacons")
    memory.add_screen(signature_of(scan), scan, "Beacons")
    key = memory.screens[signature_of(home)].elements[1].key
    memory.add_transition(signature_of(home), key, signature_of(scan))
    return memory, signature_of(home), signature_of(scan)


def test_the_page_the_verbs_control_opens_matches_an_unseen_item():
    memory, home, scan = memory_with("Link new tag")
    found = with_offered(memory, parse_goal(GOAL), {home: 0.3, scan: 0.2}, default_encoder())
    assert found[scan] == OFFERED and found[home] == 0.3


@pytest.mark.parametrize("label", ["Linked tags", "Unlink all"])
def test_a_control_that_offers_no_verb_for_a_new_item_changes_nothing(label):
    memory, home, scan = memory_with(label)
    relevance = {home: 0.3, scan: 0.2}
    assert with_offered(memory, parse_goal(GOAL), relevance, default_encoder()) == relevance


def test_a_page_that_shows_the_item_already_leaves_all_as_it_is():
    memory, home, scan = memory_with("Link new tag", "Juniper Tag | Linked")
    relevance = {home: 0.8, scan: 0.2}
    assert with_offered(memory, parse_goal(GOAL), relevance, default_encoder()) == relevance


@pytest.mark.parametrize(("request_", "offered"), [
    ("hook up my Juniper Tag 3 to the hub", True),
    ("sync my Juniper Tag 3 with the hub", True),
    ("buy my Juniper Tag 3 a new strap", False),
    ("call my Juniper Tag 3", False),
])
def test_another_verb_for_the_same_act_is_offered_too(request_, offered):
    memory, home, scan = memory_with("Pair new tag")
    found = with_offered(memory, parse_goal(request_), {home: 0.3, scan: 0.2}, default_encoder())
    assert (found[scan] == OFFERED) is offered
