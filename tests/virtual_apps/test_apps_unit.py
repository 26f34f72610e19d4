"""Apps driven through their view trees and callbacks, without the phone."""

from __future__ import annotations

import json

import pytest
from app_host import APPS, Host, all_initial_states
from PIL import Image, ImageDraw

from devices.virtual.apps.clock import ClockApp
from devices.virtual.apps.contacts import ContactsApp
from devices.virtual.apps.game import GameApp, draw_game, hit
from devices.virtual.apps.messages import MessagesApp
from devices.virtual.apps.notes import NotesApp
from devices.virtual.apps.shop import ShopApp
from devices.virtual.view import content_height

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("cls", APPS, ids=lambda c: c.key)
def test_app_identity_and_json_state(cls) -> None:
    app = cls()
    assert app.key and app.package.count(".") >= 2 and app.label
    assert json.loads(json.dumps(app.initial_state())) == app.initial_state()


def test_contacts_list_is_sorted_longer_than_screen_and_diverse(host_for) -> None:
    host: Host = host_for(ContactsApp)
    names = [v.text for v in host.find_all("title") if v.text]
    assert len(names) >= 25
    assert names.index("Anna Schmidt") < names.index("Bob Carter") < names.index("Zoë Williams")
    assert names[-1] == "李伟" and "José García" in names
    assert content_height(host.find(rid="contact_list")) > 2274 - 84


def test_contacts_search_create_edit_delete(host_for) -> None:
    host: Host = host_for(ContactsApp)
    host.type("jos", rid="search_bar")
    assert [v.text for v in host.find_all("title")] == ["José García"]
    host.type("", rid="search_bar")
    host.tap(desc="Create contact")
    host.type("Maria", hint="First name")
    host.type("Lopez", hint="Last name")
    host.type("555-0142", hint="Phone")
    host.tap(text="Save")
    maria = next(c for c in host.state["contacts"] if c["name"] == "Maria Lopez")
    assert maria["phone"] == "555-0142" and host.page.name == "details"
    host.tap(desc="Edit contact")
    host.type("maria@example.com", hint="Email")
    host.tap(text="Save")
    assert maria["email"] == "maria@example.com" and host.page.name == "details"
    host.tap(desc="Delete")
    host.answer("Delete")
    assert all(c["name"] != "Maria Lopez" for c in host.state["contacts"])
    assert host.page.name == "main"


def test_contacts_call_logs_the_call(host_for) -> None:
    host: Host = host_for(ContactsApp)
    host.tap(text="Mom")
    assert "555-0117" in host.texts()
    host.tap(text="Call")
    assert host.state["call_log"] == [{"name": "Mom", "phone": "555-0117"}]
    host.tap(text="End call")
    assert host.page.name == "details"


def test_messages_send_enables_only_with_text_and_moves_thread_first(host_for) -> None:
    host: Host = host_for(MessagesApp)
    host.tap(text="Bob Carter")
    assert not host.find(desc="Send SMS").enabled
    host.type("running late", hint="Text message")
    assert host.find(desc="Send SMS").enabled
    host.tap(desc="Send SMS")
    thread = host.state["threads"][0]
    assert thread["contact"] == "Bob Carter"
    assert thread["messages"][-1] == {"sender": "me", "text": "running late", "time": "9:41 AM"}
    assert host.state["sent"] == [{"to": "Bob Carter", "phone": "555-0102",
                                   "text": "running late"}]
    assert host.find(rid="compose_message_text").text == ""


def test_messages_start_chat_with_contact_without_thread(host_for) -> None:
    host: Host = host_for(MessagesApp)
    host.tap(desc="Start chat")
    host.type("zo", rid="recipient_text_view")
    host.tap(text="Zoë Williams")
    assert host.page.name == "conversation"
    host.type("Hi Zoë!", hint="Text message")
    host.tap(desc="Send SMS")
    assert host.state["threads"][0]["contact"] == "Zoë Williams"
    assert [p.name for p in host.stack] == ["main", "conversation"]


def test_clock_add_alarm_typing_and_pm(host_for) -> None:
    host: Host = host_for(ClockApp)
    host.tap(desc="Add alarm")
    host.type("76", rid="input_hour")  # appended to the selected "7": replaces it
    host.type("0030", rid="input_minute")
    host.tap(text="PM")
    host.tap(text="OK")
    alarm = next(a for a in host.state["alarms"] if (a["hour"], a["minute"]) == (18, 30))
    assert alarm["enabled"] and alarm["days"] == [] and alarm["label"] == ""
    assert host.toasts[-1].startswith("Alarm set for 8 hours and 49 minutes")


def test_clock_steppers_wrap_and_cancel_discards(host_for) -> None:
    host: Host = host_for(ClockApp)
    before = len(host.state["alarms"])
    host.tap(desc="Add alarm")
    for _ in range(6):
        host.tap(desc="Increase hour")
    assert host.find(rid="input_hour").text == "1"
    host.tap(desc="Decrease minute")
    assert host.find(rid="input_minute").text == "59"
    host.tap(text="Cancel")
    assert len(host.state["alarms"]) == before


def test_clock_expand_edit_label_days_toggle_and_delete(host_for) -> None:
    host: Host = host_for(ClockApp)
    host.tap(desc="8:30 AM alarm, collapsed")
    host.type("Brunch", rid="edit_label")
    host.tap(desc="Monday")
    host.tap(desc="Sunday")
    alarm = next(a for a in host.state["alarms"] if a["hour"] == 8)
    assert alarm["label"] == "Brunch" and alarm["days"] == ["Mon", "Sat"]
    host.tap(desc="8:30 AM alarm")
    assert alarm["enabled"]
    host.tap(text="Delete")
    assert host.dialog_box is not None and host.dialog_box[0] == "Delete alarm?"
    host.answer("Cancel")
    assert alarm in host.state["alarms"]
    host.tap(text="Delete")
    host.answer("Delete")
    assert all(a["hour"] != 8 for a in host.state["alarms"])


def test_clock_timer_and_stopwatch_tabs(host_for) -> None:
    host: Host = host_for(ClockApp)
    host.tap(desc="Timer")
    for digit in "500":
        host.tap(rid=f"timer_setup_digit_{digit}")
    assert host.find(rid="timer_setup_time").text == "00h 05m 00s"
    host.tap(text="Start")
    assert host.state["timer"] == {"duration": 300, "running": True}
    host.tap(desc="Stopwatch")
    host.tap(text="Start")
    assert host.state["stopwatch"]["running"]


def test_notes_autosave_new_note_and_discard_empty(host_for) -> None:
    host: Host = host_for(NotesApp)
    count = len(host.state["notes"])
    host.tap(desc="New note")
    host.type("Call plumber", hint="Title")
    host.type("Tuesday 10 am", hint="Note")
    assert host.state["notes"][0] == {"id": count + 1, "title": "Call plumber",
                                      "body": "Tuesday 10 am"}
    host.tap(desc="Done")
    assert host.find_all("title")[0].text == "Call plumber"
    host.tap(desc="New note")
    host.type("x", hint="Title")
    host.type("", rid="editable_title")
    assert len(host.state["notes"]) == count + 1


def test_notes_delete_needs_confirmation(host_for) -> None:
    host: Host = host_for(NotesApp)
    host.tap(text="Groceries")
    host.tap(desc="Delete note")
    host.answer("Cancel")
    assert any(n["title"] == "Groceries" for n in host.state["notes"])
    host.tap(desc="Delete note")
    host.answer("Delete")
    assert all(n["title"] != "Groceries" for n in host.state["notes"])
    assert host.page.name == "main"


def test_shop_add_change_quantity_checkout_pay(host_for) -> None:
    host: Host = host_for(ShopApp)
    host.tap(text="Coffee Mug")
    host.tap(text="Add to cart")
    host.tap(text="Add to cart")
    assert host.find(rid="cart_badge").text == "2"
    host.tap(desc="Cart, 2 items")
    host.tap(desc="Decrease quantity of Coffee Mug")
    assert host.state["cart"] == [{"product": "Coffee Mug", "qty": 1}]
    assert host.find(rid="cart_total").text == "Total: $9.50"
    host.tap(text="Checkout")
    assert not host.find(text="Pay $9.50").enabled
    host.type("12 Oak Street, Springfield", rid="shipping_address")
    host.tap(text="Pay $9.50")
    assert host.state["orders"] == [{"id": "#1001", "total": 9.5,
                                     "address": "12 Oak Street, Springfield",
                                     "items": [{"product": "Coffee Mug", "qty": 1,
                                                "price": 9.5}]}]
    assert host.state["cart"] == [] and "Order placed" in host.texts()
    assert [p.name for p in host.stack] == ["main", "product", "confirmation"]


def test_game_is_one_opaque_node_and_scores_on_hits_only(host_for) -> None:
    host: Host = host_for(GameApp)
    root = host.screen()
    assert list(root.walk()) == [root] and not root.text and not root.desc
    assert root.bounds == (0, 84, 1080, 2274)
    target = host.state["targets"][0]
    x = int(root.bounds[0] + target["x"] * 1080)
    y = int(root.bounds[1] + target["y"] * (2274 - 84))
    root.on_touch(x, y)
    assert host.state["score"] == 1 and (target["x"], target["y"]) != (x, y)
    root.on_touch(5, 90)
    assert host.state["misses"] == 1 and host.state["score"] == 1
    assert hit(host.state, root.bounds, 5, 90) is None


def test_game_pixels_change_with_score() -> None:
    state = GameApp().initial_state()
    images = []
    for score in (0, 7):
        state["score"] = score
        image = Image.new("RGB", (540, 1095))
        draw_game(ImageDraw.Draw(image), (0, 0, 540, 1095), state)
        images.append(image)
    assert images[0].tobytes() != images[1].tobytes()
    assert images[0].getpixel((5, 500)) == (0x0D, 0x1B, 0x2A)


def test_states_are_independent_copies() -> None:
    a, b = all_initial_states(), all_initial_states()
    a["contacts"]["contacts"].clear()
    assert b["contacts"]["contacts"]


def test_messages_delete_conversation_from_its_toolbar(host_for) -> None:
    host: Host = host_for(MessagesApp)
    host.tap(text="72345")
    host.tap(desc="Delete conversation")
    host.answer("Delete")
    assert all(t["contact"] != "72345" for t in host.state["threads"])
    assert host.page.name == "main" and len(host.state["threads"]) == 6
