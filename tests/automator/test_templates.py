"""Placeholders name the phone's data by role; a wrong one is an error, never a blank."""

import pytest

from automator.errors import TaskError
from automator.templates import fill

STATE = {
    "system": {"device_name": "Pixel of Ana"},
    "contacts": {"contacts": [{"name": "Ana Lima", "first_name": "Ana"},
                              {"name": "Bo Chen", "first_name": "Bo"}]},
    "clock": {"alarms": [{"hour": 6, "minute": 5, "label": "Run"},
                         {"hour": 22, "minute": 30, "label": "Sleep"}]},
    "shop": {"products": [{"name": "Mug", "price": 12}, {"name": "Lamp", "price": 40},
                          {"name": "Pen", "price": 2}]},
}

pytestmark = pytest.mark.unit


def test_text_placeholders_are_filled_with_format_specs():
    goal = "Call {contact.1.first_name} at {alarm.0.hour}:{alarm.0.minute:02d}"
    assert fill(goal, STATE) == "Call Bo at 6:05"


def test_a_lone_placeholder_keeps_the_type_of_its_value():
    condition = {"path": "clock.alarms", "length": "{alarm.count}"}
    assert fill(condition, STATE) == {"path": "clock.alarms", "length": 2}


def test_negative_indices_sorting_and_nesting():
    data = {"goal": "Buy the {product.by_price.-1.name}",
            "answer": ["{product.by_price.0.name}", "{state.system.device_name}"]}
    assert fill(data, STATE) == {"goal": "Buy the Lamp", "answer": ["Pen", "Pixel of Ana"]}


def test_double_braces_are_literal_braces():
    assert fill("a {{b}} {contact.0.first_name}", STATE) == "a {b} Ana"


@pytest.mark.parametrize("bad", ["{contacts.0.name}", "{contact.5.name}", "{contact.0.age}",
                                 "{note.0.title}", "{alarm.by_price.0.label}",
                                 "{alarm.0.label:d}"])
def test_a_placeholder_that_names_nothing_is_an_error(bad):
    with pytest.raises(TaskError):
        fill({"goal": bad}, STATE)


def test_filling_does_not_touch_the_state():
    before = repr(STATE)
    fill({"goal": "{product.by_price.0.name}"}, STATE)
    assert repr(STATE) == before


def test_an_alarm_offers_its_time_as_the_clock_shows_it():
    assert fill("{alarm.0.time} and {alarm.-1.time}", STATE) == "6:05 AM and 10:30 PM"
    assert "time" not in STATE["clock"]["alarms"][0]
