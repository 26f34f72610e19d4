"""Shared fixtures: one sentence encoder (the model loads once per test session)."""

from __future__ import annotations

import pytest

from planners.embedded.encoder import SentenceEncoder, default_encoder


@pytest.fixture(scope="session")
def encoder() -> SentenceEncoder:
    return default_encoder()
