"""A phone number is a number of its own: digits glued to letters or dots ("QX2B.771203.019")
are a build or a serial number, never the answer to "what's my number"."""

import pytest

from devices.actions import Finish
from planners.embedded import EmbeddedPlanner
from tests.embedded import screens as S

pytestmark = pytest.mark.slow


def _device_info():
    return S.screen(
        S.el(0, "text", "Device info", 0, resource_id="x:id/title"),
        S.el(1, "text", "My number", 200, height=80),
        S.el(2, "text", "+44 7700 900123", 280, height=80),
        S.el(3, "text", "Firmware", 400, height=80),
        S.el(4, "text", "QX2B.771203.019", 480, height=80),
        S.el(5, "text", "Serial", 600, height=80),
        S.el(6, "text", "R58N.40217.33", 680, height=80),
        app="com.example.settings")


def test_the_number_asked_for_is_not_a_build_number(encoder):
    action = EmbeddedPlanner(encoder=encoder).decide(
        "what's my own mobile number? I never remember it", _device_info(), []).action
    assert isinstance(action, Finish) and action.answer == "+44 7700 900123", action
