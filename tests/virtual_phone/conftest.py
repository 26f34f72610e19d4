"""Fixtures of the virtual phone tests."""

from __future__ import annotations

import pytest

from devices.virtual import VirtualPhone


@pytest.fixture
def phone() -> VirtualPhone:
    return VirtualPhone()


@pytest.fixture
def settings() -> VirtualPhone:
    return VirtualPhone(app="settings")
