"""Each app driven on the virtual phone the way a script drives a real one: nodes of the
dump found by text, description or resource id, tapped at their centre, fields filled as
uiautomator2's `send_keys` does; what an app keeps is read from the phone's state."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from phone_driver import Driver
from PIL import Image, ImageDraw

from devices.virtual.apps.game import GameApp, draw_game, hit
from devices.virtual.apps.registry import app_classes
from devices.virtual.phone import VirtualPhone
from devices.virtual.window import APP_AREA

pytestmark = pytest.mark.sim


def on(app: str) -> Driver:
    return Driver(VirtualPhone(app=app))


def titles(d: Driver) -> list[str]:
    """Every row title of the list, scrolling to its end."""
    seen: list[str] = []
    for _ in range(12):
        new = [n.text for n in d.find_all("title") if n.text and n.text not in seen]
        if not new:
            return seen
        seen += new
        d.scroll_down()
    return seen


@pytest.mark.unit
@pytest.mark.parametrize("cls", app_classes(), ids=lambda c: c.key)
def test_app_identity_and_json_state(cls) -> None:
    app = cls()
    assert app.key and app.package.count(".") >= 2 and app.label
    assert json.loads(json.dumps(app.initial_state())) == app.initial_state()


def test_contacts_list_is_sorted_longer_than_screen_and_diverse() -> None:
    d = on("contacts")
    first_screen = [n.text for n in d.find_all("title")]
    names = titles(d)
    assert len(names) >= 25 and len(first_screen) < len(names)  # it has to scroll
    assert names.index("Anna Schmidt") < names.index("Bob Carter") < names.index("Zoë Williams")
    assert names[-1] == "李伟" and "José García" in names


def test_contacts_search_create_edit_delete() -> None:
    d = on("contacts")
    d.replace_text("jos", rid="search_bar")
    assert [n.text for n in d.find_all("title")] == ["José García"]
    d.replace_text("", rid="search_bar")
    d.tap(desc="Create contact")
    d.replace_text("Maria", rid="editor_first_name")
    d.replace_text("Lopez", rid="editor_last_name")
    d.replace_text("555-0142", rid="editor_phone")
    d.tap(text="Save")
    maria = next(c for c in d.state("contacts")["contacts"] if c["name"] == "Maria Lopez")
    assert maria["phone"] == "555-0142" and d.find(desc="Edit contact")  # on her details
    d.tap(desc="Edit contact")
    d.replace_text("maria@example.com", rid="editor_email")
    d.tap(text="Save")
    maria = next(c for c in d.state("contacts")["contacts"] if c["name"] == "Maria Lopez")
    assert maria["email"] == "maria@example.com" and d.find(desc="Edit contact")
    d.tap(desc="Delete")
    d.tap(text="Delete")  # the dialog's button
    assert all(c["name"] != "Maria Lopez" for c in d.state("contacts")["contacts"])
    assert d.find(rid="search_bar") is not None  # back on the list


def test_contacts_call_logs_the_call() -> None:
    d = on("contacts")
    d.tap(text="Mom")
    assert "555-0117" in d.texts()
    d.tap(text="Call")
    assert d.state("contacts")["call_log"] == [{"name": "Mom", "phone": "555-0117"}]
    d.tap(text="End call")
    assert d.find(desc="Edit contact") is not None  # back on Mom's details


def test_messages_send_enables_only_with_text_and_moves_thread_first() -> None:
    d = on("messages")
    d.tap(text="Bob Carter")
    assert not d.find(desc="Send SMS").enabled
    d.replace_text("running late", rid="compose_message_text")
    assert d.find(desc="Send SMS").enabled
    d.tap(desc="Send SMS")
    messages = d.state("messages")
    thread = messages["threads"][0]
    assert thread["contact"] == "Bob Carter"
    assert thread["messages"][-1] == {"sender": "me", "text": "running late", "time": "9:41 AM"}
    assert messages["sent"] == [{"to": "Bob Carter", "phone": "555-0102",
                                 "text": "running late"}]
    assert d.find(rid="compose_message_text").text == ""


def test_messages_start_chat_with_contact_without_thread() -> None:
    d = on("messages")
    d.tap(desc="Start chat")
    d.replace_text("zo", rid="recipient_text_view")
    d.tap(text="Zoë Williams")
    d.replace_text("Hi Zoë!", rid="compose_message_text")
    d.tap(desc="Send SMS")
    assert d.state("messages")["threads"][0]["contact"] == "Zoë Williams"
    d.phone.press_key("back")  # closes the keyboard
    d.phone.press_key("back")  # the picker is not on the back stack: back to the list
    assert d.find(desc="Start chat") is not None


def test_clock_add_alarm_typing_and_pm() -> None:
    d = on("clock")
    d.tap(desc="Add alarm")
    d.type_into("6", rid="input_hour")  # typed into the fresh "7": replaces it
    d.type_into("30", rid="input_minute")
    d.tap(text="PM")
    d.tap(text="OK")
    alarm = next(a for a in d.state("clock")["alarms"] if (a["hour"], a["minute"]) == (18, 30))
    assert alarm["enabled"] and alarm["days"] == [] and alarm["label"] == ""
    assert d.state("toast").startswith("Alarm set for 8 hours and 49 minutes")


def test_clock_steppers_wrap_and_cancel_discards() -> None:
    d = on("clock")
    before = len(d.state("clock")["alarms"])
    d.tap(desc="Add alarm")
    for _ in range(6):
        d.tap(desc="Increase hour")
    assert d.find(rid="input_hour").text == "1"
    d.tap(desc="Decrease minute")
    assert d.find(rid="input_minute").text == "59"
    d.tap(text="Cancel")
    assert len(d.state("clock")["alarms"]) == before


def test_clock_expand_edit_label_days_toggle_and_delete() -> None:
    d = on("clock")

    def brunch() -> dict | None:
        return next((a for a in d.state("clock")["alarms"] if a["hour"] == 8), None)

    d.tap(desc="8:30 AM alarm, collapsed")
    d.replace_text("Brunch", rid="edit_label")
    d.tap(desc="Monday")
    d.tap(desc="Sunday")
    assert brunch()["label"] == "Brunch" and brunch()["days"] == ["Mon", "Sat"]
    d.tap(desc="8:30 AM alarm")
    assert brunch()["enabled"]
    d.tap(text="Delete")
    assert d.find(rid="alertTitle").text == "Delete alarm?"
    d.tap(text="Cancel")
    assert brunch() is not None
    d.tap(text="Delete")
    d.tap(text="Delete")  # the dialog's button
    assert brunch() is None


def test_clock_timer_and_stopwatch_tabs() -> None:
    d = on("clock")
    d.tap(desc="Timer")
    for digit in "500":
        d.tap(rid=f"timer_setup_digit_{digit}")
    assert d.find(rid="timer_setup_time").text == "00h 05m 00s"
    d.tap(text="Start")
    assert d.state("clock")["timer"] == {"duration": 300, "running": True}
    d.tap(desc="Stopwatch")
    d.tap(text="Start")
    assert d.state("clock")["stopwatch"]["running"]


def test_notes_autosave_new_note_and_discard_empty() -> None:
    d = on("notes")
    count = len(d.state("notes")["notes"])
    d.tap(desc="New note")
    d.replace_text("Call plumber", rid="editable_title")
    d.replace_text("Tuesday 10 am", rid="edit_note_text")
    assert d.state("notes")["notes"][0] == {"id": count + 1, "title": "Call plumber",
                                            "body": "Tuesday 10 am"}
    d.tap(desc="Done")
    assert d.find_all("title")[0].text == "Call plumber"
    d.tap(desc="New note")
    d.replace_text("x", rid="editable_title")
    d.replace_text("", rid="editable_title")
    assert len(d.state("notes")["notes"]) == count + 1


def test_notes_enter_starts_a_new_line_in_the_body_only() -> None:
    d = on("notes")
    d.tap(desc="New note")
    d.type_into("Plan", rid="editable_title")
    d.phone.press_key("enter")  # the title is one line: Enter adds nothing
    d.type_into("first", rid="edit_note_text")
    d.phone.press_key("KEYCODE_ENTER")
    d.tap(desc="Enter")  # the soft keyboard's Enter key does the same
    d.phone.input_text("second")
    assert d.state("notes")["notes"][0] == {"id": 11, "title": "Plan", "body": "first\n\nsecond"}
    assert d.find(rid="edit_note_text").text == "first\n\nsecond"
    assert d.find(rid="editable_title").text == "Plan"
    x1, y1, x2, y2 = d.find(rid="edit_note_text").bounds
    ink = d.phone.screenshot().convert("L").crop((x1, y1, x2, y2 - 10)).point(
        lambda v: 255 if v < 100 else 0)
    _, top, _, bottom = ink.getbbox()
    assert bottom - top > 2 * 55  # three lines of 44 px text are drawn, not one


def test_notes_blank_bodies_are_content() -> None:
    d = Driver(VirtualPhone(state={"notes": {"notes": [
        {"id": 1, "title": "Spaces", "body": "   "},
        {"id": 2, "title": "Lines", "body": "\n\n"}]}}, app="notes"))
    assert [n.text for n in d.find_all("summary")] == ["   ", "\n\n"]  # not collapsed away
    d.tap(text="Spaces")
    assert d.find(rid="edit_note_text").text == "   "
    d.tap(desc="Done")
    d.tap(desc="New note")
    d.tap(rid="edit_note_text")
    for key in (" ", "x"):  # typed key by key, as a keyboard does
        d.phone.input_text(key)
    d.phone.press_key("enter")
    assert d.state("notes")["notes"][0]["body"] == " x\n"
    assert d.find(rid="edit_note_text").text == " x\n"


def test_notes_delete_needs_confirmation() -> None:
    d = on("notes")
    d.tap(text="Groceries")
    d.tap(desc="Delete note")
    d.tap(text="Cancel")
    assert any(n["title"] == "Groceries" for n in d.state("notes")["notes"])
    d.tap(desc="Delete note")
    d.tap(text="Delete")
    assert all(n["title"] != "Groceries" for n in d.state("notes")["notes"])
    assert d.find(desc="New note") is not None  # back on the list


def test_shop_add_change_quantity_checkout_pay() -> None:
    d = on("shop")
    d.tap(text="Coffee Mug")
    d.tap(text="Add to cart")
    d.tap(text="Add to cart")
    assert d.find(rid="cart_badge").text == "2"
    d.tap(desc="Cart, 2 items")
    d.tap(desc="Decrease quantity of Coffee Mug")
    assert d.state("shop")["cart"] == [{"product": "Coffee Mug", "qty": 1}]
    assert d.find(rid="cart_total").text == "Total: $9.50"
    d.tap(text="Checkout")
    assert not d.find(text="Pay $9.50").enabled
    d.replace_text("12 Oak Street, Springfield", rid="shipping_address")
    d.tap(text="Pay $9.50")
    shop = d.state("shop")
    assert shop["orders"] == [{"id": "#1001", "total": 9.5,
                               "address": "12 Oak Street, Springfield",
                               "items": [{"product": "Coffee Mug", "qty": 1, "price": 9.5}]}]
    assert shop["cart"] == [] and "Order placed" in d.texts()
    d.phone.press_key("back")  # the confirmation replaced the cart and checkout pages
    assert d.find(text="Add to cart") is not None
    d.phone.press_key("back")
    assert d.find(rid="search_src_text") is not None


def test_game_is_one_opaque_node_and_scores_on_hits_only() -> None:
    d = on("game")
    dump = ET.fromstring(d.phone.dump_hierarchy())
    window = next(w for w in dump.findall("node") if w.get("package") == GameApp.package)
    below_root = list(window.iter("node"))[1:]
    assert len(below_root) == 1  # the whole game is one node, with nothing to read
    game = below_root[0]
    assert not game.get("text") and not game.get("content-desc")
    assert game.get("bounds") == "[{},{}][{},{}]".format(*APP_AREA)
    state = d.state("game")
    target = state["targets"][0]
    x = int(APP_AREA[0] + target["x"] * (APP_AREA[2] - APP_AREA[0]))
    y = int(APP_AREA[1] + target["y"] * (APP_AREA[3] - APP_AREA[1]))
    d.phone.tap(x, y)
    state = d.state("game")
    assert state["score"] == 1 and (state["targets"][0]["x"], state["targets"][0]["y"]) != (
        target["x"], target["y"])
    d.phone.tap(5, 90)
    state = d.state("game")
    assert state["misses"] == 1 and state["score"] == 1
    assert hit(state, APP_AREA, 5, 90) is None


@pytest.mark.unit
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


@pytest.mark.unit
@pytest.mark.parametrize("cls", app_classes(), ids=lambda c: c.key)
def test_initial_states_are_fresh_copies(cls) -> None:
    pristine = json.dumps(cls().initial_state(), sort_keys=True)
    for value in cls().initial_state().values():  # a phone changing its state in place
        if isinstance(value, list | dict):
            value.clear()
    assert json.dumps(cls().initial_state(), sort_keys=True) == pristine


def test_messages_delete_conversation_from_its_toolbar() -> None:
    d = on("messages")
    d.tap(text="72345")
    d.tap(desc="Delete conversation")
    d.tap(text="Delete")
    threads = d.state("messages")["threads"]
    assert all(t["contact"] != "72345" for t in threads) and len(threads) == 6
    assert d.find(desc="Start chat") is not None  # back on the list
