import pytest

from planners.embedded.goal import Intent, Slot, parse_goal

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "intent", "target", "desired"),
    [
        ("Turn on Wi-Fi", Intent.TOGGLE, "Wi-Fi", True),
        ("Turn off Bluetooth", Intent.TOGGLE, "Bluetooth", False),
        ("Turn Wi-Fi off", Intent.TOGGLE, "Wi-Fi", False),
        ("Enable dark theme", Intent.TOGGLE, "dark theme", True),
        ("Disable airplane mode", Intent.TOGGLE, "airplane mode", False),
        ("Turn on 5G mmWave", Intent.TOGGLE, "5G mmWave", True),
        ("Set brightness to 30%", Intent.SET_VALUE, "brightness", None),
        ("Delete the note about groceries", Intent.DELETE, "note groceries", None),
        ("What is Bob's email address?", Intent.ANSWER, "Bob email address", None),
        ("Open the battery settings", Intent.OPEN, "battery settings", None),
    ],
)
def test_intent_target_and_state(text: str, intent: Intent, target: str, desired: bool | None):
    goal = parse_goal(text)
    assert (goal.intent, goal.target, goal.desired) == (intent, target, desired)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Add a contact named Maria Lopez with phone 555-0142",
         (Slot("name", "Maria Lopez"), Slot("phone", "555-0142"))),
        ("Text Anna 'running late'", (Slot("to", "Anna"), Slot("message", "running late"))),
        ('Send a message to Anna saying "see you at 5"',
         (Slot("to", "Anna"), Slot("message", "see you at 5"))),
        ("Set an alarm for 6:30 AM", (Slot("time", "6:30 AM"),)),
        ('Create a note titled Shopping with text "milk and eggs"',
         (Slot("title", "Shopping"), Slot("text", "milk and eggs"))),
        ("Delete the contact named Bob", ()),
    ],
)
def test_slots_to_type(text: str, slots: tuple[Slot, ...]):
    assert parse_goal(text).slots == slots


def test_percent_value():
    goal = parse_goal("Set brightness to 30%")
    assert (goal.number, goal.percent) == (30.0, True)


@pytest.mark.parametrize(
    ("text", "value_type"),
    [
        ("What is Bob's email address?", "email"),
        ("What Android version is this phone running?", "version"),
        ("What is Anna's phone number?", "phone"),
        ("How many contacts are saved?", "count"),
        ("How much does the blue mug cost?", "price"),
        ("When is the next alarm?", "time"),
    ],
)
def test_question_value_types(text: str, value_type: str):
    goal = parse_goal(text)
    assert goal.intent is Intent.ANSWER
    assert goal.value_type == value_type


def test_entities_name_what_to_find():
    assert "Bob" in parse_goal("What is Bob's email address?").entities
    assert "groceries" in parse_goal("Delete the note about groceries").entities
    assert parse_goal("Set an alarm for 6:30 AM").entities == ()


def test_unknown_phrasing_is_generic_do():
    assert parse_goal("Add the blue mug to the cart").intent is Intent.CREATE
    assert parse_goal("Play the next song").intent is Intent.DO
