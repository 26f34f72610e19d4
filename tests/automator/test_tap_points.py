"""A tap on an element lands on the point nearest its centre that no smaller control inside
it covers: the centre of an opened row may be one of its own day buttons or switches, and
a tap meant for the row must not press them."""

import pytest

from automator.resolve import resolve_target
from devices.actions import ElementRef, Point
from perception.elements import Bounds, Screen, UIElement


def _row(*inner: UIElement) -> Screen:
    row = UIElement(id=0, role="button", bounds=Bounds(0, 1000, 1080, 1700), clickable=True,
                    description="Reading lamp timer, expanded")
    return Screen(1080, 2400, (row, *inner))


def _chip(i: int, left: int) -> UIElement:
    return UIElement(id=i, role="button", bounds=Bounds(left, 1300, left + 140, 1420),
                     clickable=True, checkable=True, text="MTWTFSS"[i - 1])


@pytest.mark.unit
def test_a_row_whose_centre_is_a_control_is_tapped_beside_it():
    screen = _row(*(_chip(i, 30 + 150 * (i - 1)) for i in range(1, 8)))
    point = resolve_target(ElementRef(0), screen)
    assert Bounds(0, 1000, 1080, 1700).contains(point)
    assert not any(e.bounds.contains(point) for e in screen.elements[1:]), point


@pytest.mark.unit
def test_a_row_with_nothing_over_its_centre_is_tapped_at_its_centre():
    switch = UIElement(id=1, role="switch", bounds=Bounds(900, 1020, 1060, 1180), clickable=True,
                       checkable=True)
    assert resolve_target(ElementRef(0), _row(switch)) == Point(540, 1350)


@pytest.mark.unit
def test_a_control_itself_is_tapped_at_its_centre():
    screen = _row(_chip(4, 480))
    assert resolve_target(ElementRef(4), screen) == Point(550, 1360)
