"""Edits of an existing item's field said with a "re-FIELD" verb, and new values that end
where their clause ends."""

import pytest

from devices.actions import ElementRef, Tap, TypeText
from perception.elements import Bounds, Screen
from planners.embedded import EmbeddedPlanner
from planners.embedded.goal import Intent, parse_goal
from planners.embedded.memo import Mark, Memo
from planners.embedded.renaming import clause_value, re_field
from planners.embedded.search import sought
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S

FIELDS = {"name", "title", "label"}


@pytest.mark.parametrize(("text", "want"), [
    ("relabel the 9:15 timer to Swim practice", ("label", "Swim practice", "9:15 timer")),
    ("Retitle my Budget sheet as Budget v2.1", ("title", "Budget v2.1", "Budget sheet")),
    ("rename this tablet to Blue Box. The old name is dull.", ("name", "Blue Box", "tablet")),
    ("rename the Oslo folder to Trip to Oslo", ("name", "Trip to Oslo", "Oslo folder")),
])
def test_a_re_field_verb_names_the_field_the_item_and_the_value(text, want):
    assert re_field(text, FIELDS) == want


@pytest.mark.parametrize("text", [
    "remove my 9:15 timer", "reset the counter to zero", "repeat the song to the end",
    "return the drill to Ana",
])
def test_other_verbs_in_re_name_no_field(text):
    assert re_field(text, FIELDS) is None


@pytest.mark.parametrize(("value", "want"), [
    ("Q3 plan, but leave the text alone", "Q3 plan"),
    ("Blue Box? The old name is dull.", "Blue Box"),
    ("Budget v2.1", "Budget v2.1"),
    ("J. Okafor", "J. Okafor"),
    ("Harbour walk; keep the rest", "Harbour walk"),
])
def test_a_new_value_runs_to_the_end_of_its_clause(value, want):
    assert clause_value(value) == want


def test_a_relabel_is_an_edit_that_seeks_the_item_not_the_new_value(encoder):
    goal = parse_goal("Relabel my 9:15 timer to Swim practice", encoder)
    assert goal.intent is Intent.EDIT
    assert [(s.name, s.value) for s in goal.slots] == [("label", "Swim practice")]
    assert sought(goal) == ""  # "Swim" is a word of the new value, not an item's name


def test_the_field_of_an_item_gets_only_the_value_not_what_is_said_after_it(encoder):
    goal = parse_goal("Set the title of my Budget sheet to Q3 plan, yet leave the text "
                      "alone", encoder)
    assert [(s.name, s.value) for s in goal.slots] == [("title", "Q3 plan")]


def test_a_courteous_rename_with_a_second_sentence_types_only_the_new_name(encoder):
    goal = parse_goal("Please would you rename this tablet to Nia's Slate? The old name bores "
                      "me.", encoder)
    assert goal.intent is Intent.EDIT
    assert [(s.name, s.value) for s in goal.slots] == [("name", "Nia's Slate")]


@pytest.mark.slow
def test_a_relabel_goes_into_the_items_single_text_field(encoder):
    """An open timer card: its one editable field holds the old label; the new one replaces
    it, and the Delete button beside it is never the way to an edit."""
    card = S.screen(
        S.el(0, "button", "9:15 timer, expanded | Laps", 200, clickable=True),
        S.el(1, "switch", "ON", 380, clickable=True, checkable=True, checked=True,
             description="9:15 timer"),
        S.el(2, "input", "Laps", 560, editable=True, clickable=True,
             resource_id="com.example.pool:id/edit_label"),
        S.el(3, "button", "Delete", 740, clickable=True),
        app="com.example.pool",
    )
    opened = PastStep(Tap(ElementRef(5)), verdict=Verdict.CHANGED, screen_signature="list",
                      memo=Memo(mark=Mark.OPEN_ITEM, item="9:15 timer"))
    planner = EmbeddedPlanner(encoder=encoder)
    decision = planner.decide("Relabel my 9:15 timer to Swim practice", card, [opened])
    assert decision.action == TypeText("Swim practice", ElementRef(2), clear=True)


def _sheet(delete_label: str = "Delete sheet") -> Screen:
    """An open item's page whose fields have no name of their own (no hint, no id)."""
    return S.screen(
        S.el(0, "image_button", "", 0, height=120, clickable=True, description="Navigate up"),
        S.el(1, "image_button", "", 0, clickable=True, description=delete_label,
             bounds=Bounds(800, 0, 920, 120)),
        S.el(2, "image_button", "", 0, clickable=True, description="Done",
             bounds=Bounds(930, 0, 1060, 120)),
        S.el(3, "input", "Budget", 200, editable=True, clickable=True),
        S.el(4, "input", "Rent 900, food 300, bus pass 40", 400, height=400, editable=True,
             clickable=True),
        app="com.example.ledger",
    )


@pytest.mark.slow
def test_a_retitle_finds_the_field_showing_the_name_said_with_its_kind(encoder):
    opened = PastStep(Tap(ElementRef(7)), verdict=Verdict.CHANGED, screen_signature="list",
                      memo=Memo(mark=Mark.OPEN_ITEM, item="Budget"))
    planner = EmbeddedPlanner(encoder=encoder)
    decision = planner.decide("Set the title of my Budget sheet to Q3 plan, yet leave the "
                              "text alone", _sheet(), [opened])
    assert decision.action == TypeText("Q3 plan", ElementRef(3), clear=True)


@pytest.mark.slow
def test_a_removal_is_never_opened_as_the_item_an_edit_names(encoder):
    """With no field to fill (a page whose fields show other words), "Delete sheet" still
    says the item's kind: it is a removal, not the item."""
    page = S.screen(*(e for e in _sheet().elements if not e.editable),
                    S.el(5, "text", "Budget", 200), app="com.example.ledger")
    opened = PastStep(Tap(ElementRef(7)), verdict=Verdict.CHANGED, screen_signature="list",
                      memo=Memo(mark=Mark.OPEN_ITEM, item="Budget"))
    planner = EmbeddedPlanner(encoder=encoder)
    decision = planner.decide("Change the title of my Budget sheet to Q3 plan", page, [opened])
    assert decision.action != Tap(ElementRef(1))


@pytest.mark.slow
def test_a_new_name_opens_the_row_that_shows_the_current_name(encoder):
    """A settings page lists the tablet's name as a row ("Device name | moss-7"); no field is
    on screen: the row whose label ends in the field's word opens its editor."""
    about = S.screen(
        S.el(0, "image_button", "", 0, height=120, clickable=True, description="Navigate up"),
        S.el(1, "text", "About tablet", 0, resource_id="x:id/title"),
        S.el(2, "button", "Device name", 200, clickable=True, description="moss-7"),
        S.el(3, "button", "Tablet status | Battery, network, uptime", 400, clickable=True),
        S.el(4, "button", "Legal information", 600, clickable=True),
        S.el(5, "text", "Software version", 800),
        S.el(6, "text", "5.2", 870),
        app="com.android.settings",
    )
    came = PastStep(Tap(ElementRef(9)), verdict=Verdict.CHANGED, screen_signature="main")
    planner = EmbeddedPlanner(encoder=encoder)
    decision = planner.decide("Please rename this tablet to Nia's Slate.", about, [came])
    assert decision.action == Tap(ElementRef(2))



@pytest.mark.unit
@pytest.mark.parametrize(("request_", "field", "value"), [
    ("change Ilse's mobile to 555 0190 1234", "phone number", "555 0190 1234"),
    ("update Marit Oyelaran's cell to 555-0163", "phone number", "555-0163"),
    ("change Bram's address to bram@corvid.io", "email", "bram@corvid.io"),
    ("change Bram's nickname to Corvid", "nickname", "Corvid"),  # no shape: the word said
])
def test_a_field_named_by_an_unknown_word_is_the_field_of_its_values_shape(request_, field,
                                                                           value):
    assert [(s.name, s.value) for s in parse_goal(request_).slots] == [(field, value)]
