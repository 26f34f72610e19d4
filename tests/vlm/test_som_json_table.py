"""The set-of-mark JSON grammar against a table of real-looking model replies."""

from __future__ import annotations

import pytest

from planners.grammars import som_json
from planners.grammars.frames import Frame, FrameKind
from tests.vlm.vlm_fixtures import check_reply, load_table, phone_screen

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
    check_reply(som_json.parse, row, SCREEN, FRAME)


@pytest.mark.unit
def test_action_space_lists_every_offered_kind() -> None:
    from devices.actions import ActionKind

    space = som_json.render_action_space()
    for kind in ActionKind:
        assert (f'"kind": "{kind}"' in space) == (kind not in som_json.UNSUPPORTED)
