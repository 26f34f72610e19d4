"""Fixtures of the VLM planner tests."""

from __future__ import annotations

import pytest

from perception.elements import Screen
from tests.vlm.vlm_fixtures import phone_screen


@pytest.fixture(scope="session")
def screen() -> Screen:
    return phone_screen()
