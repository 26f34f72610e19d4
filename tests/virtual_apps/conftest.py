"""Fixtures of the virtual apps' tests."""

from __future__ import annotations

import pytest
from app_host import Host, all_initial_states

from devices.virtual.view import App


@pytest.fixture

def host_for():
    def make(cls: type[App]) -> Host:
        app = cls()
        host = Host(app, all_initial_states())
        host.push(app.root)
        return host

    return make
