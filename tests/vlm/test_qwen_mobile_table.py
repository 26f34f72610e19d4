"""The Qwen2.5-VL / Qwen3-VL function-call grammar against a table of real-looking replies."""

from __future__ import annotations

import pytest

from planners.grammars import qwen_mobile
from planners.grammars.frames import Frame, FrameKind
from tests.vlm.vlm_fixtures import check_reply, load_table, phone_screen

GRAMMAR, ROWS = load_table("qwen_mobile.yaml")


def _frame(row: dict) -> Frame:
    device = tuple(row.get("device", (1080, 2400)))
    if row.get("frame") == "normalized_1000":  # Qwen3-VL
        return Frame(FrameKind.NORMALIZED_1000, device)
    return Frame(FrameKind.RESIZED, device, tuple(row.get("image", (1092, 2408))))


@pytest.mark.unit
def test_table_is_big_enough() -> None:
    assert GRAMMAR == "qwen_mobile"
    assert len(ROWS) >= 60
    assert len({row["name"] for row in ROWS}) == len(ROWS)


@pytest.mark.unit
@pytest.mark.parametrize("row", ROWS, ids=[row["name"] for row in ROWS])
def test_reply(row: dict) -> None:
    frame = _frame(row)
    screen = phone_screen(*frame.device_wh, with_image=False)
    check_reply(qwen_mobile.parse, row, screen, frame)


@pytest.mark.unit
def test_action_space_spells_mobile_use() -> None:
    space = qwen_mobile.render_action_space()
    assert '"action": "click", "coordinate": [x, y]' in space
    assert '"button": "Back|Home|Enter"' in space
