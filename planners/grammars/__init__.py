"""Action grammars: how a model family writes one action, and how its reply is read back.

Each grammar module holds both halves: `render_action_space()` (generated from the action
types) and `parse(reply, screen, frame) -> Decision` (pure; raises `ParseError` with the raw
text). `Grammar` bundles one with the coordinate frame its model speaks.

    som_json      element ids of a set-of-mark screenshot, JSON           no coordinates
    uitars        UI-TARS-1.5 `click(start_box=...)`                      resized pixels
    uitars_v1     UI-TARS (v1), its own phone actions                     0-1000
    qwen_mobile   Qwen2.5-VL `mobile_use` / `computer_use` tool calls     resized pixels
    qwen2_mobile  Qwen2-VL, the same tool calls                           0-1000
    qwen3_mobile  Qwen3-VL, the same tool calls                           0-1000

Besides reading and writing one action, a grammar says how its family holds a conversation:
how many recent screenshots it is shown (`screenshots`), whether its action list goes into
the system prompt as a function schema inside `<tools>` (`tools`), and whether its prompt
names the language of the thought (`language_line`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from perception.elements import Screen
from planners.grammars import qwen_mobile, som_json, uitars
from planners.grammars.frames import QWEN_MAX_PIXELS, QWEN_MIN_PIXELS, Frame, FrameKind
from planners.planner import Decision


@dataclass(frozen=True)
class Grammar:
    name: str
    frame: FrameKind  # the frame the model's coordinates are in
    prompt: str  # name of the output-format template in planners/prompts/
    default_rendering: str  # "som", "text" or "screenshot"
    render_action_space: Callable[[], str]
    parse: Callable[[str, Screen, Frame], Decision]
    min_pixels: int = QWEN_MIN_PIXELS  # the family's image budget (resized frames)
    max_pixels: int = QWEN_MAX_PIXELS
    screenshots: int = 1  # most recent screenshots the conversation shows
    # (width, height of the model's frame, device word) -> the function schema for <tools>
    tools: Callable[[int, int, str], dict[str, Any]] | None = None
    language_line: bool = False  # the output format names the thought's language


def _qwen_tools(width: int, height: int, device: str) -> dict[str, Any]:
    function = "mobile_use" if device == "phone" else "computer_use"
    return qwen_mobile.tool_schema(width, height, function, device)


def _qwen(name: str, frame: FrameKind) -> Grammar:
    return Grammar(name, frame, "qwen_mobile.md", "screenshot", qwen_mobile.render_action_space,
                   qwen_mobile.parse, screenshots=3, tools=_qwen_tools)


GRAMMARS: dict[str, Grammar] = {
    "som_json": Grammar("som_json", FrameKind.PIXELS, "som_json.md", "som",
                        som_json.render_action_space, som_json.parse),
    # UI-TARS' own agents keep the last five screenshots
    "uitars": Grammar("uitars", FrameKind.RESIZED, "uitars.md", "screenshot",
                      uitars.render_action_space, uitars.parse, screenshots=5,
                      language_line=True),
    "uitars_v1": Grammar("uitars_v1", FrameKind.NORMALIZED_1000, "uitars.md", "screenshot",
                         uitars.render_action_space_v1, uitars.parse, screenshots=5,
                         language_line=True),
    "qwen_mobile": _qwen("qwen_mobile", FrameKind.RESIZED),
    "qwen2_mobile": _qwen("qwen2_mobile", FrameKind.NORMALIZED_1000),
    "qwen3_mobile": _qwen("qwen3_mobile", FrameKind.NORMALIZED_1000),
}


def infer_grammar(model: str) -> str:
    """The grammar a model family speaks, from its name or path: UI-TARS-1.5 -> uitars,
    UI-TARS (v1) -> uitars_v1, Qwen2.5-VL -> qwen_mobile, Qwen2-VL -> qwen2_mobile,
    Qwen3-VL -> qwen3_mobile, anything else -> som_json."""
    name = model.lower().replace("_", "-")
    if "ui-tars" in name or "uitars" in name:
        return "uitars" if re.search(r"1[.-]5|-2[.-]|qwen2[.-]5", name) else "uitars_v1"
    if re.search(r"qwen3(\.\d)?-vl", name):
        return "qwen3_mobile"
    if re.search(r"qwen2[.-]5-vl", name):
        return "qwen_mobile"
    if re.search(r"qwen2-vl", name):
        return "qwen2_mobile"
    return "som_json"


def get_grammar(name: str) -> Grammar:
    """The grammar called `name`; ValueError naming the known ones otherwise."""
    try:
        return GRAMMARS[name]
    except KeyError:
        raise ValueError(f"unknown grammar {name!r}; known: {', '.join(GRAMMARS)}") from None


__all__ = ["GRAMMARS", "Frame", "FrameKind", "Grammar", "get_grammar", "infer_grammar"]
