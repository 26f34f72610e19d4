"""The Qwen2.5-VL / Qwen3-VL function-call grammar against a table of real-looking replies."""

from __future__ import annotations

import json

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
    examples = [json.loads(line[2:].split("  — ")[0]) for line in space.splitlines()]
    assert {"action": "click", "coordinate": [540, 1200]} in examples
    assert {"action": "answer", "text": "the answer the task asks for"} in examples
    assert {e["action"] for e in examples} >= {"key", "system_button", "terminate"}


@pytest.mark.unit
def test_tool_schema_is_json_with_the_resolution_and_every_offered_action() -> None:
    schema = json.loads(json.dumps(qwen_mobile.tool_schema(1092, 2408)))
    function = schema["function"]
    assert function["name"] == "mobile_use" and "1092x2408" in function["description"]
    props = function["parameters"]["properties"]
    assert set(props["action"]["enum"]) == {s.action for s in qwen_mobile.SPELLINGS}
    assert props["button"]["enum"] == ["Back", "Home", "Enter"]  # Menu is not offered
    for spelling in qwen_mobile.SPELLINGS:  # every example parses back to its kind
        args = {"action": spelling.action} | spelling.example
        reply = "<tool_call>" + json.dumps({"name": "mobile_use", "arguments": args})
        frame = Frame(FrameKind.PIXELS, (1080, 2400))
        decision = qwen_mobile.parse(reply + "</tool_call>", phone_screen(with_image=False),
                                     frame)
        assert decision.action.kind is spelling.kind
