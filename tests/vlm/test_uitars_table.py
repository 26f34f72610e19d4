"""The UI-TARS grammar against a table of real-looking replies, in both coordinate frames."""

from __future__ import annotations

import pytest

from devices.actions import ActionKind
from planners.grammars import uitars
from planners.grammars.frames import Frame, FrameKind
from tests.vlm.vlm_fixtures import check_reply, load_table, phone_screen

GRAMMAR, ROWS = load_table("uitars.yaml")


def _frame(row: dict) -> Frame:
    device = tuple(row.get("device", (1080, 2400)))
    if row["frame"] == "v1":
        return Frame(FrameKind.NORMALIZED_1000, device)
    return Frame(FrameKind.RESIZED, device, tuple(row.get("image", (1092, 2408))))


@pytest.mark.unit
def test_table_is_big_enough() -> None:
    assert GRAMMAR == "uitars"
    assert len(ROWS) >= 60
    assert len({row["name"] for row in ROWS}) == len(ROWS)


@pytest.mark.unit
@pytest.mark.parametrize("row", ROWS, ids=[row["name"] for row in ROWS])
def test_reply(row: dict) -> None:
    frame = _frame(row)
    screen = phone_screen(*frame.device_wh, with_image=False)
    check_reply(uitars.parse, row, screen, frame)


@pytest.mark.unit
def test_action_space_covers_every_kind() -> None:
    space = uitars.render_action_space()
    assert "click(start_box=" in space and "call_user()" in space
    assert space.count("\n") + 1 >= len(ActionKind)
