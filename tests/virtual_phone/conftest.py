"""Fixtures of the virtual phone tests."""

from __future__ import annotations

import pytest

from devices.virtual import VirtualPhone


@pytest.fixture
def phone() -> VirtualPhone:
    return VirtualPhone()


@pytest.fixture
def settings() -> VirtualPhone:
    """Settings on a phone connected to a Wi-Fi network (the default phone has Wi-Fi off)."""
    return VirtualPhone(state={"system": {"wifi": True, "wifi_network": "HomeNet"}}, app="settings")
