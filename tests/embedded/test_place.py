"""The place a request ends on ("... in my basket") names the app that shows that place,
when only one app does; a place no app shows, or two apps show, names none."""

import pytest

from planners.embedded.memory import AppMemory, signature_of
from planners.embedded.scoring import holder_of_place
from tests.embedded.screens import el, screen


def _memory() -> AppMemory:
    memory = AppMemory()
    pages = (("Grocer", screen(el(0, "button", "Basket, 2 items", 0, clickable=True),
                               el(1, "text", "Batteries", 200), app="com.example.grocer")),
             ("Device", screen(el(0, "button", "Batteries", 0, clickable=True),
                               el(1, "button", "Wishlist sync", 200, clickable=True),
                               app="com.example.device")),
             ("Gifts", screen(el(0, "button", "Wishlist", 0, clickable=True),
                              app="com.example.gifts")))
    for label, page in pages:
        memory.set_app(label, page.app, signature_of(page))
        memory.add_screen(signature_of(page), page, label)
    return memory


@pytest.mark.unit
@pytest.mark.parametrize(("said", "app"), [
    ("pop two packs of batteries in my basket", "com.example.grocer"),
    ("put the batteries into the basket.", "com.example.grocer"),
    ("put the lamp in my wishlist", None),  # two apps show it
    ("put the lamp in my drawer", None),  # no app shows it
    ("send the batteries to my basket", None),  # "to" may name a person: no place
])
def test_the_place_a_request_ends_on_names_the_app_that_alone_shows_it(said, app):
    assert holder_of_place(_memory(), said) == (frozenset({app}) if app else frozenset())
