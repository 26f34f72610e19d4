"""Exploration only navigates: what it may tap (structure, in any language), what the evidence
of a tap says, and that exploring every app of the virtual phone changes nothing in it."""

from __future__ import annotations

import copy

import pytest

from devices.virtual import VirtualPhone
from perception.elements import Bounds, Window
from planners.embedded import AppMemory, explore
from planners.embedded.explore import ExploreStatus
from planners.embedded.explore_rules import (
    is_datum,
    is_form,
    kind_of,
    navigable,
    open_rest,
    thin_collections,
    unfinished,
)
from planners.embedded.memory import MemElement
from tests.embedded.screens import HEIGHT, WIDTH, el, screen

IGNORED = ("foreground", "toast")  # and system.datetime: the clock runs while exploring


def _lasting(state: dict) -> dict:
    out = {k: v for k, v in copy.deepcopy(state).items() if k not in IGNORED}
    out["system"].pop("datetime")
    return out


# structure ------------------------------------------------------------------------------------

ROW = {"clickable": True, "class_name": "android.widget.LinearLayout", "container": 9}


@pytest.mark.unit
@pytest.mark.parametrize("label", ["Display", "Anna Schmidt", "Einstellungen", "表示", "Wi-Fi"])
def test_list_entries_are_navigation_in_any_language(label):
    page = screen(el(9, "list", "", 150, height=2000, scrollable=True),
                  el(1, "button", label, 200, **ROW))
    assert navigable(page.elements[1], page, form=False)


@pytest.mark.unit
@pytest.mark.parametrize("label", ["Add to cart", "Start", "OK", "Hinzufügen", "開始", "Lap"])
def test_text_buttons_are_commands_in_any_language(label):
    page = screen(el(1, "button", label, 2000, clickable=True,
                     class_name="android.widget.Button"))
    assert not navigable(page.elements[0], page, form=False)


@pytest.mark.unit
@pytest.mark.parametrize("label", ["555-0101", "+49 30 1234567", "anna@example.com",
                                   "https://example.com/x"])
def test_phone_numbers_addresses_and_links_are_not_tapped(label):
    row = el(1, "button", label, 200, **ROW)
    assert is_datum(row)
    assert not navigable(row, screen(row), form=False)


@pytest.mark.unit
def test_unlabelled_checkable_selected_and_dialog_controls_are_not_tapped():
    dialog = Window("com.example.app", Bounds(80, 900, 1000, 1500))
    page = screen(
        el(0, "image_button", "", 0, height=120, clickable=True),  # no text, no description
        el(1, "button", "Wi-Fi", 200, checkable=True, **ROW),
        el(2, "button", "Alarm", 2200, clickable=True, selected=True, description="Alarm"),
        el(3, "button", "Later", 1300, clickable=True, window=1,
           bounds=Bounds(600, 1300, 900, 1400)),
        el(4, "image_button", "", 0, height=120, clickable=True, description="Cart"),
        windows=(Window("com.example.app", Bounds(0, 0, WIDTH, HEIGHT)), dialog),
    )
    assert [navigable(e, page, form=False) for e in page.elements] == [False] * 5
    assert navigable(page.elements[4], screen(page.elements[4]), form=False)


@pytest.mark.unit
def test_a_search_box_above_a_list_is_not_a_form_but_fields_are():
    search = screen(el(0, "input", "", 100, editable=True, hint="Search"),
                    el(1, "list", "", 300, height=2000, scrollable=True))
    editor = screen(el(0, "input", "", 100, editable=True, hint="Title"),
                    el(1, "input", "", 300, editable=True, hint="Note"))
    compose = screen(el(1, "list", "", 150, height=1800, scrollable=True),
                     el(0, "input", "", 2000, editable=True, hint="Text message"))
    assert (is_form(search), is_form(editor), is_form(compose)) == (False, True, True)
    done = el(5, "image_button", "", 0, height=120, clickable=True, description="Done")
    assert not navigable(done, editor, form=True)


def _rows(rid: str) -> dict[str, MemElement]:
    rows = [MemElement(f"Row {n}", "button", rid, "android.widget.LinearLayout", clickable=True,
                       bounds=(0, 200 * n, WIDTH, 200 * n + 200), context="sub") for n in range(5)]
    return {r.key: r for r in rows}


@pytest.mark.unit
def test_rows_sharing_an_id_are_thinned_to_the_last_two():
    rows = _rows("x:id/row")
    kept, rest = thin_collections(list(rows), rows, set(rows))
    assert kept == list(rows)[-2:] and not rest


@pytest.mark.unit
def test_rows_alike_without_ids_are_probed_by_the_last_two_first():
    rows = _rows("")
    keys = list(rows)
    kept, rest = thin_collections(keys, rows, set(rows))
    assert kept == keys[-2:] + keys[:-2]
    assert rest == {k: tuple(keys[-2:]) for k in keys[:-2]}


@pytest.mark.unit
def test_the_rest_is_opened_only_when_the_probes_led_to_pages_of_different_kinds():
    thread = screen(el(0, "text", "Anna", 100),
                    el(1, "input", "Text message", 2000, editable=True, clickable=True))
    other = screen(el(0, "text", "Bob", 100),
                   el(1, "input", "Hello", 2000, editable=True, clickable=True))
    display = screen(el(0, "switch", "Dark theme", 300, clickable=True, checkable=True))
    sound = screen(el(0, "button", "Ringtone", 300, clickable=True))
    row = el(9, "button", "Anna", 300, clickable=True)
    assert kind_of(thread, row) == kind_of(other, row)
    assert not open_rest([kind_of(thread, row), kind_of(other, row)])
    assert open_rest([kind_of(display, row), kind_of(sound, row)])
    assert not open_rest([kind_of(display, row), None])


@pytest.mark.unit
def test_a_frame_of_another_app_or_with_an_empty_list_is_not_yet_drawn():
    page = screen(el(0, "text", "Contacts", 0, package="com.example.app"),
                  el(1, "list", "", 200, height=2000, scrollable=True, package="com.example.app"),
                  el(2, "button", "Anna", 200, clickable=True, container=1,
                     package="com.example.app"))
    empty = screen(*page.elements[:2])
    stale = screen(*page.elements, app="com.example.other")
    assert [unfinished(s) for s in (page, empty, stale)] == [False, True, True]


# the whole phone ------------------------------------------------------------------------------

# The pages the planner needs: settings, list -> detail, editors. Settings' titles and the
# people differ per seed: each phone is checked against its own.
NEEDED = {"Cart", "Create contact", "Edit contact", "Set alarm time", "Edit alarm time",
          "Stopwatch", "Timer", "New conversation"}
SETTINGS_NEEDED = ("network", "display", "sound", "about")


def _needed(phone: VirtualPhone) -> set[str]:
    variant = phone.world.variant
    return NEEDED | {variant.settings_title(k) for k in SETTINGS_NEEDED}


@pytest.mark.sim
@pytest.mark.slow
@pytest.mark.parametrize("realism", ["off", "on"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_exploring_every_app_changes_nothing(encoder, seed, realism):
    phone = VirtualPhone(seed=seed, realism=realism)
    before = _lasting(phone.state())
    people = {c["name"] for c in phone.state()["contacts"]["contacts"]}
    statuses: list[ExploreStatus] = []
    memory = explore(phone, AppMemory(), encoder=encoder, on_status=statuses.append)
    assert _lasting(phone.state()) == before
    titles = {r.title.partition(" / ")[0] for r in memory.screens.values()}
    if realism == "off":
        assert titles >= _needed(phone)
    assert titles & people  # a person's page, reached from a list
    assert statuses and statuses[0].budget == 150 and max(s.pages for s in statuses) > 1
    assert statuses[-1].app_number == statuses[-1].apps


@pytest.mark.sim
def test_a_time_limit_stops_exploring_and_says_so(encoder):
    said: list[str] = []
    memory = explore(VirtualPhone(), AppMemory(), encoder=encoder, time_limit_s=0.0,
                     on_progress=said.append)
    assert not memory.apps
    assert any("time is up" in s for s in said)


@pytest.mark.sim
def test_a_form_that_saves_a_draft_when_left_is_reported_and_not_opened_again(
        encoder, monkeypatch):
    phone = VirtualPhone()
    session = phone._session
    pop = session.pop

    def pop_saving_a_draft(key: str) -> None:  # an editor that saves on back, as some do
        if key == "notes" and session.stack(key)[-1].page.name == "editor":
            notes = session.state["notes"]["notes"]
            notes.insert(0, {"id": 100 + len(notes), "title": "Draft", "body": ""})
        pop(key)

    monkeypatch.setattr(session, "pop", pop_saving_a_draft)
    said: list[str] = []
    explore(phone, AppMemory(), apps=["Notes"], encoder=encoder, on_progress=said.append)
    assert any("draft saved?" in s for s in said)
    drafts = [n for n in phone.state()["notes"]["notes"] if n["title"] == "Draft"]
    assert 1 <= len(drafts) <= 2  # one per kind of form (a note's, a new note's), not more
