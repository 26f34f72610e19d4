"""The command line's view of exploration: one line per app with actions, pages, time left."""

from __future__ import annotations

import io

import pytest

from automator.console import ExploreBar, explore_line
from planners.embedded.explore import ExploreStatus

pytestmark = pytest.mark.unit


def _status(actions: int, limit: float | None = 600.0) -> ExploreStatus:
    return ExploreStatus("Settings", 2, 3, actions, 150, 7, 107.5, limit)


def test_line_shows_app_actions_pages_and_time_left():
    line = explore_line(_status(75), width=10)
    assert line == "Settings [2/3] [#####.....] 75/150 actions, 7 pages, 8:12 left"
    assert explore_line(_status(75, None)).endswith("75/150 actions, 7 pages")


def test_off_a_terminal_the_bar_writes_a_line_every_few_actions_and_messages_apart():
    out = io.StringIO()
    bar = ExploreBar(out, every=25)
    for actions in range(1, 51):
        bar.status(_status(actions))
    bar.say("Settings: done")
    lines = out.getvalue().splitlines()
    assert [line.split("]")[2].split()[0] for line in lines[:2]] == ["25/150", "50/150"]
    assert lines[2] == "Settings: done"
