"""The set-of-mark JSON grammar against a table of real-looking model replies."""

from __future__ import annotations

import pytest

from devices.actions import action_to_dict
from planners.errors import ParseError
from planners.grammars import som_json
from planners.grammars.frames import Frame, FrameKind
from tests.vlm.vlm_fixtures import load_table, phone_screen

GRAMMAR, ROWS = load_table("som_json.yaml")
SCREEN = phone_screen(with_image=False)
FRAME = Frame(FrameKind.PIXELS, (SCREEN.width, SCREEN.height))


@pytest.mark.unit
def test_table_is_big_enough() -> None:
    assert GRAMMAR == "som_json"
    assert len(ROWS) >= 60
    assert len({row["name"] for row in ROWS}) == len(ROWS)
    assert sum("error" in row for row in ROWS) >= 15


@pytest.mark.unit
@pytest.mark.parametrize("row", ROWS, ids=[row["name"] for row in ROWS])
def test_reply(row: dict) -> None:
    if "error" in row:
        with pytest.raises(ParseError) as info:
            som_json.parse(row["reply"], SCREEN, FRAME)
        assert info.value.raw == row["reply"]
        assert (row["error"] or "") in str(info.value)
        return
    decision = som_json.parse(row["reply"], SCREEN, FRAME)
    assert action_to_dict(decision.action) == row["expect"]
    assert decision.raw == row["reply"]
    if "thought" in row:
        assert decision.thought == row["thought"]


@pytest.mark.unit
def test_action_space_lists_every_offered_kind() -> None:
    from devices.actions import ActionKind

    space = som_json.render_action_space()
    for kind in ActionKind:
        assert (f'"kind": "{kind}"' in space) == (kind not in som_json.UNSUPPORTED)
