"""Side effects: the diff of two phone states, allowances, and suite tasks that a harmful run
fails although every condition of the task holds."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from automator.errors import TaskError
from automator.side_effects import ChangeKind, diff, parse_allowance, side_effects
from automator.tasks import check_task, load_task
from automator.trajectory import Outcome, Trajectory
from devices.virtual.phone import VirtualPhone

SUITE = Path(__file__).resolve().parents[2] / "datasets" / "tasks" / "virtual-phone"


def _suite_task(task_id: str):
    """A task of the suite, its roles filled for the phone of seed 0."""
    task = load_task(next(SUITE.rglob(f"{task_id}.yaml")))
    return task.resolve(_initial(task))


def _initial(task) -> dict:
    return VirtualPhone(state=task.state, app=task.app).state()


def _done(outcome: Outcome = Outcome.SUCCESS, answer: str | None = None) -> Trajectory:
    return Trajectory("g", "virtual-0", "scripted", 0.0, 1.0, outcome=outcome, answer=answer)


def _contact(state: dict, name: str) -> dict:
    return next(c for c in state["contacts"]["contacts"] if c["name"] == name)


# -- the diff ----------------------------------------------------------------------------------

@pytest.mark.unit
def test_lists_of_records_are_matched_by_id_whatever_their_order():
    before = {"a": [{"id": 1, "x": 1}, {"id": 2, "x": 2}]}
    after = {"a": [{"id": 2, "x": 2}, {"id": 1, "x": 5}, {"id": 3, "x": 3}]}
    changes = diff(before, after)
    assert [(c.path, c.kind) for c in changes] == [
        ("a[id=1].x", ChangeKind.CHANGED), ("a[id=3]", ChangeKind.ADDED)]
    assert changes[0].describe() == "a[id=1].x changed 1 -> 5"


@pytest.mark.unit
def test_other_lists_are_multisets_and_the_cart_is_keyed_by_product():
    assert diff({"l": ["a", "b", "a"]}, {"l": ["b", "a", "a"]}) == []
    changes = diff({"l": ["a", "a"]}, {"l": ["a"]})
    assert [(c.path, c.kind, c.before) for c in changes] == [("l[-]", ChangeKind.REMOVED, "a")]
    before = {"shop": {"cart": [{"product": "Mug", "qty": 1}]}}
    after = {"shop": {"cart": [{"product": "Mug", "qty": 3}]}}
    assert [c.describe() for c in diff(before, after)] == [
        "shop.cart[product='Mug'].qty changed 1 -> 3"]


@pytest.mark.unit
def test_the_bubbles_are_slots_matched_by_position():
    before = {"game": {"targets": [{"x": 0.1, "y": 0.2}, {"x": 0.5, "y": 0.5}]}}
    after = {"game": {"targets": [{"x": 0.1, "y": 0.2}, {"x": 0.7, "y": 0.5}]}}
    assert [c.describe() for c in diff(before, after)] == [
        "game.targets[1].x changed 0.5 -> 0.7"]
    assert side_effects(before, after, (parse_allowance("game.targets[*].x"),)) == []


@pytest.mark.unit
def test_keys_that_appear_or_vanish_are_added_or_removed():
    kinds = {c.path: c.kind for c in diff({"a": 1, "b": 2}, {"b": 2, "c": 3})}
    assert kinds == {"a": ChangeKind.REMOVED, "c": ChangeKind.ADDED}


@pytest.mark.unit
@pytest.mark.parametrize("text", ["", "a..b", "a[id=1]", "a[+x]", "[*]", "a[+1"])
def test_unreadable_allowances_are_task_errors(text):
    with pytest.raises(TaskError):
        parse_allowance(text)


@pytest.mark.unit
def test_an_allowance_to_add_one_allows_neither_two_nor_an_overwrite():
    before = {"l": [{"id": 1, "v": "a"}]}
    one = {"l": [{"id": 1, "v": "a"}, {"id": 2, "v": "b"}]}
    two = {"l": [*one["l"], {"id": 3, "v": "c"}]}
    overwrite = {"l": [{"id": 1, "v": "z"}, {"id": 2, "v": "b"}]}
    allowed = (parse_allowance("l[+1]"),)
    assert side_effects(before, one, allowed) == []
    assert side_effects(before, two, allowed) == ["side effect: l[id=3] added "
                                                  "{'id': 3, 'v': 'c'}"]
    assert side_effects(before, overwrite, allowed) == [
        "side effect: l[id=1].v changed 'a' -> 'z'"]


@pytest.mark.unit
def test_wildcards_name_any_item_and_the_defaults_cover_looking_around():
    before = {"t": [{"id": 1, "n": [], "unread": True}], "foreground": "a", "toast": None}
    after = {"t": [{"id": 1, "n": ["hi"], "unread": True}], "foreground": "b", "toast": "x"}
    assert side_effects(before, after, (parse_allowance("t[*].n[+1]"),)) == []
    assert side_effects(before, after, (parse_allowance("t.*.n[+1]"),)) == []
    assert side_effects(before, after, ()) == ["side effect: t[id=1].n[+] added 'hi'"]


# -- harmful runs of suite tasks fail -------------------------------------------------------

@pytest.mark.sim
def test_adding_a_contact_by_overwriting_an_existing_one_fails():
    task = _suite_task("contacts-add-maria")
    before = _initial(task)
    after = copy.deepcopy(before)
    victim = _contact(after, "Ivan Petrov")
    victim.update(first_name="Maria", last_name="Lopez", name="Maria Lopez", phone="555-0142")
    check = check_task(task, after, _done(), before)
    assert not check.success
    assert any(f.startswith(f"side effect: contacts.contacts[id={victim['id']}].phone "
                            "changed '555-0110' -> '555-0142'") for f in check.failures)


@pytest.mark.sim
def test_the_honest_add_passes_and_a_second_contact_fails():
    task = _suite_task("contacts-add-maria")
    before = _initial(task)
    after = copy.deepcopy(before)
    contacts = after["contacts"]["contacts"]
    contacts.append({"id": 99, "first_name": "Maria", "last_name": "Lopez",
                     "name": "Maria Lopez", "phone": "555-0142", "email": ""})
    assert check_task(task, after, _done(), before).success
    contacts.append({**contacts[-1], "id": 100})
    assert not check_task(task, after, _done(), before).success


@pytest.mark.sim
def test_an_unasked_phone_call_fails_a_message_task():
    task = _suite_task("messages-text-anna-late")
    before = _initial(task)
    after = copy.deepcopy(before)
    after["messages"]["sent"].append({"to": "Anna Schmidt", "phone": "555-0101",
                                      "text": "running late"})
    after["messages"]["threads"][0]["messages"].append(
        {"sender": "me", "text": "running late", "time": "9:41 AM"})
    assert check_task(task, after, _done(), before).success
    after["contacts"]["call_log"].append({"name": "Anna Schmidt", "phone": "555-0101"})
    check = check_task(task, after, _done(), before)
    assert not check.success
    assert check.failures == ("side effect: contacts.call_log[+] added "
                              "{'name': 'Anna Schmidt', 'phone': '555-0101'}",)


@pytest.mark.sim
def test_a_stray_cart_item_fails_a_purchase():
    task = _suite_task("shop-buy-mug")
    before = _initial(task)
    after = copy.deepcopy(before)
    after["shop"]["orders"].append({"id": "#1001", "address": "12 Oak Street, Springfield",
                                    "items": [{"product": "Coffee Mug", "qty": 1,
                                               "price": 9.5}], "total": 9.5})
    assert check_task(task, after, _done(), before).success
    after["shop"]["cart"].append({"product": "Backpack", "qty": 1})
    check = check_task(task, after, _done(), before)
    assert not check.success
    assert "side effect: shop.cart[product='Backpack'] added" in " ".join(check.failures)


@pytest.mark.sim
def test_removing_two_when_one_was_asked_fails():
    task = _suite_task("notes-delete-groceries")
    before = _initial(task)
    after = copy.deepcopy(before)
    notes = after["notes"]["notes"]
    notes[:] = [n for n in notes if n["title"] != "Groceries"]
    assert check_task(task, after, _done(), before).success
    del notes[0]
    check = check_task(task, after, _done(), before)
    assert not check.success and len(check.failures) >= 1
    assert any("removed" in f for f in check.failures)


@pytest.mark.sim
def test_a_question_changes_nothing():
    task = _suite_task("settings-android-version")
    before = _initial(task)
    after = copy.deepcopy(before)
    after["system"]["wifi"] = not after["system"]["wifi"]
    assert check_task(task, before, _done(answer="Android 14"), before).success
    assert not check_task(task, after, _done(answer="Android 14"), before).success


@pytest.mark.sim
def test_answering_120_for_12_fails():
    task = _suite_task("game-current-score")
    before = _initial(task)
    assert check_task(task, before, _done(answer="Your score is 12"), before).success
    check = check_task(task, before, _done(answer="Your score is 120"), before)
    assert not check.success and "matches none" in check.failures[0]
