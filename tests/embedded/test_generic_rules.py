"""The generic GUI rules added on top of grounding: goal parts, modal dialogs, switches named by
their row, recipients that do not exist, "Key: value" answers, 12-hour time forms."""

from pathlib import Path

import pytest

from devices.actions import ElementRef, Finish, FinishStatus, Tap, TypeText
from perception.elements import Bounds, Window
from planners.embedded import EmbeddedPlanner
from planners.embedded.goal import Intent, Slot, canonical_time, parse_goal, split_goal
from planners.embedded.memo import Mark, Memo
from planners.planner import PastStep, Verdict
from tests.embedded import screens as S
from tests.embedded.screens import el, screen


@pytest.fixture(scope="module")
def planner(encoder) -> EmbeddedPlanner:
    return EmbeddedPlanner(encoder=encoder)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Turn off Bluetooth and turn on Wi-Fi", ["Turn off Bluetooth", "turn on Wi-Fi"]),
        ("Turn on dark theme, then set an alarm for 6:30 AM",
         ["Turn on dark theme", "set an alarm for 6:30 AM"]),
        ("Add Maria Lopez (555-0142) to my contacts, then text her 'Hi!'",
         ["Add Maria Lopez (555-0142) to my contacts", "text Maria Lopez 'Hi!'"]),
        ("Buy a mug and ship it to 12 Oak Street", ["Buy a mug and ship it to 12 Oak Street"]),
    ],
)
def test_goal_parts(text, parts):
    assert split_goal(text) == parts


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("Put the phone in airplane mode", Intent.TOGGLE, ()),
        ("Change Ivan Petrov's phone number to 555-0177", Intent.EDIT,
         (Slot("phone number", "555-0177"),)),
        ("Fix the spelling of Jamal Robinson's first name: it's Jamaal", Intent.EDIT,
         (Slot("first name", "Jamaal"),)),
        ("Add mom@example.com as Mom's email address", Intent.EDIT,
         (Slot("email address", "mom@example.com"),)),
        ("Add oat milk to my grocery list note", Intent.EDIT,
         (Slot("text", "oat milk", append=True),)),
        ("Rename the note 'Car' to 'Car maintenance'", Intent.EDIT,
         (Slot("title", "Car maintenance"),)),
        ("Reply to Mom: see you soon", Intent.SEND,
         (Slot("to", "Mom"), Slot("message", "see you soon"))),
        ("Save Dr. Ito as a new contact: phone 555-0100", Intent.CREATE,
         (Slot("name", "Dr. Ito"), Slot("phone", "555-0100"))),
        ("Save the note as a PDF", Intent.CREATE, ()),
        ("Change the ringtone of my 7 AM alarm to 'Sunrise'", Intent.EDIT,
         (Slot("ringtone", "Sunrise"),)),  # not typed into whatever field there is
    ],
)
def test_edit_and_send_values(text, intent, slots):
    goal = parse_goal(text)
    assert (goal.intent, goal.slots) == (intent, slots)


@pytest.mark.unit
def test_values_quantities_and_times():
    assert parse_goal("Turn the screen brightness all the way up").number == 100
    assert parse_goal("Order two USB-C cables to 4 Elm Road, Portland").quantity == 2
    assert Slot("address", "4 Elm Road, Portland") in parse_goal(
        "Order two USB-C cables to 4 Elm Road, Portland").slots
    assert canonical_time("my 7 AM alarm") == "7:00 AM"
    assert "7:00 AM" in parse_goal("Turn off my 7 AM work alarm").entities


def _alarm_list():
    return screen(
        el(0, "button", "", 200, height=260, description="6:15 AM alarm | Gym", clickable=True),
        el(1, "switch", "OFF", 220, height=100, description="6:15 AM alarm", clickable=True,
           checkable=True, bounds=Bounds(900, 220, 1040, 320)),
        el(2, "button", "", 480, height=260, description="7:00 AM alarm | Work", clickable=True),
        el(3, "switch", "ON", 500, height=100, description="7:00 AM alarm", checked=True,
           clickable=True, checkable=True, bounds=Bounds(900, 500, 1040, 600)),
    )


@pytest.mark.slow
def test_switch_is_named_by_its_row(planner):
    assert planner.decide("Turn off my 7 AM work alarm", _alarm_list(), []).action == Tap(
        ElementRef(3))
    assert planner.decide("Turn on the gym alarm", _alarm_list(), []).action == Tap(
        ElementRef(1))


def _confirm_dialog():
    """As a phone dumps it: the dialog's window only (the one under it takes no input)."""
    return screen(
        el(0, "text", "Delete this contact?", 900, bounds=Bounds(100, 900, 1000, 1000)),
        el(1, "button", "Cancel", 1100, height=120, clickable=True,
           bounds=Bounds(100, 1100, 500, 1220)),
        el(2, "button", "Delete", 1100, height=120, clickable=True,
           bounds=Bounds(600, 1100, 1000, 1220)),
        windows=(Window("com.example.app", Bounds(60, 850, 1020, 1260)),),
    )


@pytest.mark.unit
def test_a_dialog_is_a_window_narrower_than_the_screen():
    from planners.embedded.view import floating_windows

    full = Window("com.example.app", Bounds(0, 0, 1080, 2400))
    keyboard = Window("com.google.android.inputmethod.latin", Bounds(0, 1500, 1080, 2400))
    bars = Window("com.android.systemui", Bounds(0, 0, 1080, 132))
    assert floating_windows(_confirm_dialog()) == {0}
    assert not floating_windows(screen(windows=(full, keyboard, bars)))
    popup = Window("com.example.app", Bounds(540, 150, 1060, 700))
    assert floating_windows(screen(windows=(popup, full))) == {0}  # in any dump order
    chat_head = Window("com.facebook.orca", Bounds(900, 400, 1060, 560))
    assert not floating_windows(screen(windows=(full, chat_head)))


@pytest.mark.unit
def test_a_dump_that_keeps_the_window_under_a_dialog_is_read_from_the_dialog():
    from perception import parse_uiautomator
    from planners.embedded.view import front

    dump = Path(__file__).parents[2] / "datasets" / "dumps" / "delete_dialog.xml"
    shown = parse_uiautomator(dump.read_text(encoding="utf-8"))
    deletes = [e for e in shown.elements if e.label == "Delete"]
    assert len(deletes) == 2  # the toolbar's, under the dialog, and the dialog's
    usable = front(shown)
    assert [e.label for e in usable.elements if e.label == "Delete"] == ["Delete"]
    assert {"Cancel", "Delete 3 files?", "Home"} <= {e.label for e in usable.elements}
    assert "IMG_20240611_183522.jpg" not in {e.label for e in usable.elements}


@pytest.mark.slow
def test_dialog_after_the_goal_action_is_confirmed_on_top(planner):
    pressed = PastStep(Tap(ElementRef(0)), verdict=Verdict.CHANGED, memo=Memo(Mark.GOAL_ACTION))
    assert planner.decide("Delete Bob Stone", _confirm_dialog(), [pressed]).action == Tap(
        ElementRef(2))


def _picker(typed: str):
    return screen(
        el(0, "text", "New conversation", 0),
        el(1, "input", typed, 200, hint="Type name, phone number, or email", editable=True,
           clickable=True, resource_id="x:id/recipient"),
        el(2, "button", "Anna Schmidt | 555-0101", 400, clickable=True) if not typed else
        el(2, "text", "No matches", 400),
    )


@pytest.mark.slow
def test_recipient_typed_then_missing_is_infeasible(planner):
    goal = "Text Gandalf 'hello'"
    assert planner.decide(goal, _picker(""), []).action == TypeText(
        "Gandalf", ElementRef(1), clear=True)
    typed = PastStep(TypeText("Gandalf", ElementRef(1), clear=True), verdict=Verdict.CHANGED)
    action = planner.decide(goal, _picker("Gandalf"), [typed]).action
    assert action == Finish(FinishStatus.INFEASIBLE)


@pytest.mark.slow
def test_key_value_line_answers_the_question(planner):
    note = screen(el(0, "input", "Cabin", 200, editable=True, hint="Title"),
                  el(1, "input", "Network: LakeHouse\nPassword: loon-2024", 400, editable=True,
                     hint="Note"))
    action = planner.decide("What's the Wi-Fi password for the cabin?", note, []).action
    assert action == Finish(FinishStatus.SUCCESS, "loon-2024")
    # perception joins lines with spaces: the value still ends where the next key starts
    joined = screen(el(0, "input", "Cabin", 200, editable=True, hint="Title"),
                    el(1, "input", "Network: LakeHouse Password: loon-2024 Code: 1234", 400,
                       editable=True, hint="Note"))
    for question, value in (("What's the cabin's Wi-Fi password?", "loon-2024"),
                            ("Which network is at the cabin?", "LakeHouse")):
        action = planner.decide(question, joined, []).action
        assert action == Finish(FinishStatus.SUCCESS, value)


@pytest.mark.slow
def test_a_merged_rows_summary_is_the_value_of_its_title(planner):
    about = screen(
        el(0, "text", "About phone", 0),
        el(1, "button", "Device name", 200, height=200, clickable=True,
           description="Virtual Pixel"),  # title and summary of one row, merged
        el(2, "text", "Phone number", 400, height=100),
        el(3, "text", "+1 555-0100", 500, height=100),
        el(4, "text", "Model", 600, height=100),
        el(5, "text", "Pixel 8", 700, height=100),
        app="com.android.settings")
    action = planner.decide("What is this phone's device name?", about, []).action
    assert action == Finish(FinishStatus.SUCCESS, "Virtual Pixel")


@pytest.mark.unit
def test_the_apps_a_goal_names():
    from planners.embedded.memory import AppMemory
    from planners.embedded.scoring import named_apps, without_app_names, words

    memory = AppMemory()
    memory.set_app("Notes", "com.example.notes", "n0")
    memory.set_app("Settings", "com.android.settings", "s0")
    memory.set_app("Play Store", "com.android.vending", "p0")
    assert named_apps(memory, words("What's the cabin's Wi-Fi password? It's in my notes.")) == {
        "Notes": "com.example.notes"}
    assert named_apps(memory, words("Install Signal from the Play Store")) == {
        "Play Store": "com.android.vending"}
    assert not named_apps(memory, words("What's the cabin's Wi-Fi password?"))
    assert not named_apps(memory, words("Open the store"))  # every word of a label
    goal = without_app_names(parse_goal("Show me the weekly high scores in Chatter"), ["Chatter"])
    assert "Chatter" not in goal.target and "Chatter" not in goal.entities
    assert "scores" in goal.target
    assert without_app_names(parse_goal("Open Settings"), ["Settings"]).target == "Settings"


@pytest.mark.slow
def test_a_form_submitted_without_one_of_the_values_is_not_done(planner):
    typed = [PastStep(Tap(ElementRef(9)), verdict=Verdict.CHANGED, memo=Memo(Mark.NEW_ITEM)),
             PastStep(TypeText("5", ElementRef(0), clear=True), verdict=Verdict.CHANGED),
             PastStep(TypeText("45", ElementRef(1), clear=True), verdict=Verdict.CHANGED),
             PastStep(Tap(ElementRef(2)), verdict=Verdict.CHANGED, memo=Memo(Mark.SUBMIT))]
    alarms = screen(el(0, "text", "Alarm", 0),
                    el(1, "button", "5:45 AM", 200, height=200, clickable=True),
                    el(2, "switch", "", 200, height=120, checkable=True, checked=True,
                       bounds=Bounds(900, 240, 1040, 360)),
                    app="com.google.android.deskclock")
    goal = "Set an alarm for 5:45 AM called 'Flight'"
    assert not isinstance(planner.decide(goal, alarms, typed).action, Finish)
    labelled = screen(*alarms.elements, el(3, "text", "Flight", 420, height=100),
                      app="com.google.android.deskclock")
    assert planner.decide(goal, labelled, typed).action == Finish()


@pytest.mark.slow
def test_a_masked_password_of_the_right_length_is_typed_already(planner):
    def form(text: str):
        return screen(el(0, "text", "Office-5G", 0),
                      el(1, "input", text, 300, editable=True, password=True, hint="Password",
                         resource_id="x:id/password"),
                      el(2, "button", "Connect", 600, clickable=True),
                      app="com.android.settings")

    goal = "Join the Office-5G Wi-Fi; the password is corpnet2024"
    first = planner.decide(goal, form(""), []).action
    assert isinstance(first, TypeText) and first.text == "corpnet2024"
    typed = PastStep(first, verdict=Verdict.CHANGED)
    assert planner.decide(goal, form("•" * 11), [typed]).action == Tap(ElementRef(2))


@pytest.mark.slow
def test_a_refused_goal_action_was_not_carried_out(planner):
    refused = PastStep(None, error="refused: nobody was there to confirm it",
                       memo=Memo(Mark.GOAL_ACTION))
    up = PastStep(Tap(ElementRef(0)), verdict=Verdict.CHANGED)
    shop = screen(el(0, "text", "Shop", 0), el(1, "button", "Wireless Earbuds", 200,
                                                clickable=True),
                  el(2, "button", "Bluetooth Speaker", 400, clickable=True), app="com.example.shop")
    action = planner.decide("Take the sunglasses out of my cart", shop, [refused, up]).action
    assert action != Finish()


@pytest.mark.slow
def test_opening_the_item_is_not_all_a_goal_with_more_words_asks(planner):
    opened = PastStep(Tap(ElementRef(1)), verdict=Verdict.CHANGED,
                      memo=Memo(Mark.OPEN_ITEM, item="Anna Schmidt"))
    details = screen(el(0, "text", "Anna Schmidt", 200),
                     el(1, "button", "Call", 500, clickable=True,
                        bounds=Bounds(0, 500, 360, 700)),
                     el(2, "button", "Start chat", 500, clickable=True,
                        bounds=Bounds(360, 500, 720, 700)),
                     app="com.android.contacts")
    action = planner.decide("Start a video call with Anna Schmidt", details, [opened]).action
    assert action != Finish() and action != Tap(ElementRef(2))


@pytest.mark.slow
def test_an_app_is_not_opened_from_its_own_first_page(encoder):
    from dataclasses import replace

    from devices.actions import OpenApp
    from devices.virtual.phone import VirtualPhone
    from perception import perceive, signature
    from planners.embedded.memory import AppMemory

    full = perceive(VirtualPhone(app="shop").capture())  # its products, made untappable
    shop = replace(full, elements=tuple(replace(e, clickable=False, scrollable=False)
                                        for e in full.elements))
    memory = AppMemory()
    memory.set_app("Shop", shop.app, signature(shop))
    memory.add_screen(signature(shop), shop, "Shop")
    planner = EmbeddedPlanner(memory, encoder=encoder)
    history = []
    for _ in range(3):  # the same no-op, again and again, was the planner's best move
        action = planner.decide("Buy a smart watch", shop, history).action
        assert action != OpenApp("Shop")
        history.append(PastStep(action, verdict=Verdict.NO_CHANGE))


def _time_form(hour: str = "7", minute: str = "00", pm: bool = False):
    return screen(
        el(0, "input", hour, 300, description="Hour", editable=True, clickable=True,
           resource_id="x:id/input_hour", bounds=Bounds(100, 300, 400, 500)),
        el(1, "input", minute, 300, description="Minute", editable=True, clickable=True,
           resource_id="x:id/input_minute", bounds=Bounds(450, 300, 750, 500)),
        el(2, "button", "AM", 300, clickable=True, checkable=True, checked=not pm,
           bounds=Bounds(800, 300, 1000, 390)),
        el(3, "button", "PM", 400, clickable=True, checkable=True, checked=pm,
           bounds=Bounds(800, 400, 1000, 490)),
        el(4, "button", "OK", 700, clickable=True, bounds=Bounds(600, 700, 1000, 820)),
    )


@pytest.mark.slow
def test_twelve_hour_form_types_hour_then_meridiem(planner):
    goal = "Set an alarm for 9:15 PM"
    added = [PastStep(Tap(ElementRef(9)), verdict=Verdict.CHANGED, memo=Memo(Mark.NEW_ITEM))]
    assert planner.decide(goal, _time_form(), added).action == TypeText(
        "9", ElementRef(0), clear=True)
    assert planner.decide(goal, _time_form("9", "15"), added).action == Tap(ElementRef(3))
    assert planner.decide(goal, _time_form("9", "15", pm=True), added).action == Tap(
        ElementRef(4))


@pytest.mark.slow
def test_an_existing_items_form_is_not_overwritten_by_a_creation(planner):
    """A time picker reached without pressing "add" holds another alarm's time: a request
    to create an alarm does not type over it."""
    action = planner.decide("Set an alarm for 9:15 PM", _time_form("8", "30"), []).action
    assert not isinstance(action, TypeText)


@pytest.mark.slow
def test_two_parts_run_in_order(planner):
    goal = "Turn off Wi-Fi and turn on Airplane mode"
    first = planner.decide(goal, S.network(True), [])
    assert first.action == Tap(ElementRef(2))
    step = PastStep(first.action, verdict=Verdict.CHANGED, memo=first.memo)
    second = planner.decide(goal, S.network(False), [step])
    assert second.action == Tap(ElementRef(3))
