"""What a control acts on, by layout: a dialog's texts, a page's headings, its row, the item
above it in a list; never a list of message bubbles."""

import pytest

from perception.action_object import field_texts, object_texts
from perception.elements import Bounds, Screen, UIElement, Window


def _el(i, role, text, top, left=0, right=1080, height=120, **kw):
    return UIElement(i, role, Bounds(left, top, right, top + height), text=text, **kw)


@pytest.mark.unit
def test_a_dialog_is_its_own_context():
    windows = (Window("app", Bounds(0, 0, 1080, 2400)), Window("app", Bounds(80, 900, 1000, 1500)))
    delete = _el(3, "button", "Delete", 1300, 600, 900, clickable=True, window=1)
    screen = Screen(1080, 2400, (
        _el(0, "text", "Notes", 100),
        _el(1, "text", "Remove note?", 950, 80, 1000, window=1),
        _el(2, "text", "“Rent receipts” will be removed.", 1050, 80, 1000, window=1),
        delete,
    ), app="app", windows=windows)
    assert object_texts(delete, screen) == (
        "Delete", "Remove note?", "“Rent receipts” will be removed.")


@pytest.mark.unit
def test_a_page_title_outside_the_list_names_it_not_the_bubbles():
    send = _el(4, "image_button", "", 2108, 916, 1056, description="Send", clickable=True)
    screen = Screen(1080, 2400, (
        _el(0, "text", "Ines Duarte", 108),
        _el(1, "list", "", 252, height=1800, scrollable=True),
        _el(2, "text", "Ask Teo about Friday", 300, container=1),
        _el(3, "input", "Running late", 2108, 24, 896, editable=True, clickable=True),
        send,
    ))
    texts = object_texts(send, screen)
    assert "Ines Duarte" in texts and "Ask Teo about Friday" not in texts
    assert "Running late" not in texts  # a draft is content
    assert field_texts(send, screen) == ("Running late",)


@pytest.mark.unit
def test_a_card_without_a_title_bar_is_named_by_its_first_texts_and_a_row_by_its_neighbours():
    call = _el(4, "button", "Call", 666, 24, 528, clickable=True, container=1)
    icon = _el(7, "image_button", "", 1500, 900, 1060, description="Call", clickable=True,
               container=1)
    screen = Screen(1080, 2400, (
        _el(0, "image_button", "", 108, 24, 144, description="Navigate up", clickable=True),
        _el(1, "list", "", 252, height=1800, scrollable=True),
        _el(2, "text", "O", 300, container=1),
        _el(3, "text", "Oren Katz", 512, container=1),
        call,
        _el(5, "button", "Message", 666, 552, 1056, clickable=True, container=1),
        _el(6, "text", "Recent: Dalia Levi", 1500, 0, 880, container=1),
        icon,
    ))
    assert object_texts(call, screen) == ("Call", "Oren Katz", "Message")
    assert "Dalia Levi" in " ".join(object_texts(icon, screen))


@pytest.mark.unit
def test_a_control_alone_on_its_row_takes_the_item_above_it():
    delete = _el(5, "button", "Delete", 900, 24, 300, clickable=True, container=1)
    screen = Screen(1080, 2400, (
        _el(0, "text", "Alarms", 108),
        _el(1, "list", "", 252, height=1800, scrollable=True),
        _el(2, "text", "7:05 AM", 300, container=1),
        _el(3, "checkbox", "M", 600, 0, 100, description="Monday", checkable=True, container=1),
        _el(4, "input", "Yoga", 750, editable=True, container=1),
        delete,
    ))
    assert object_texts(delete, screen) == ("Delete", "Alarms", "7:05 AM")
