"""Fixtures of the automator's tests."""

import pytest

from automator.config import LoopConfig


@pytest.fixture
def config() -> LoopConfig:
    return LoopConfig(max_steps=12).for_device("virtual")
