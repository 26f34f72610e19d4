"""Action grammars: how a model family writes one action, and how its reply is read back.

Each grammar module holds both halves: `render_action_space()` (generated from the action
types) and `parse(reply, screen, frame) -> Decision` (pure; raises `ParseError` with the raw
text). `Grammar` bundles one with the coordinate frame its model speaks.

    som_json      element ids of a set-of-mark screenshot, JSON           no coordinates
    uitars        UI-TARS-1.5 `click(start_box=...)`                      resized pixels
    uitars_v1     UI-TARS (v1) `click(start_box=...)`                     0-1000
    qwen_mobile   Qwen2.5-VL `mobile_use` / `computer_use` tool calls     resized pixels
    qwen3_mobile  Qwen3-VL, the same tool calls                           0-1000
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

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


GRAMMARS: dict[str, Grammar] = {
    "som_json": Grammar("som_json", FrameKind.PIXELS, "som_json.md", "som",
                        som_json.render_action_space, som_json.parse),
    "uitars": Grammar("uitars", FrameKind.RESIZED, "uitars.md", "screenshot",
                      uitars.render_action_space, uitars.parse),
    "uitars_v1": Grammar("uitars_v1", FrameKind.NORMALIZED_1000, "uitars.md", "screenshot",
                         uitars.render_action_space, uitars.parse),
    "qwen_mobile": Grammar("qwen_mobile", FrameKind.RESIZED, "qwen_mobile.md", "screenshot",
                           qwen_mobile.render_action_space, qwen_mobile.parse),
    "qwen3_mobile": Grammar("qwen3_mobile", FrameKind.NORMALIZED_1000, "qwen_mobile.md",
                            "screenshot", qwen_mobile.render_action_space, qwen_mobile.parse),
}


def infer_grammar(model: str) -> str:
    """The grammar a model family speaks, from its name or path: UI-TARS-1.5 -> uitars,
    UI-TARS (v1) -> uitars_v1, Qwen2-VL / Qwen2.5-VL -> qwen_mobile, Qwen3-VL ->
    qwen3_mobile, anything else -> som_json."""
    name = model.lower().replace("_", "-")
    if "ui-tars" in name or "uitars" in name:
        return "uitars" if re.search(r"1[.-]5|-2[.-]|qwen2[.-]5", name) else "uitars_v1"
    if re.search(r"qwen3(\.\d)?-vl", name):
        return "qwen3_mobile"
    if re.search(r"qwen2(\.5)?-vl|qwen2[.-]5-vl", name):
        return "qwen_mobile"
    return "som_json"


def get_grammar(name: str) -> Grammar:
    """The grammar called `name`; ValueError naming the known ones otherwise."""
    try:
        return GRAMMARS[name]
    except KeyError:
        raise ValueError(f"unknown grammar {name!r}; known: {', '.join(GRAMMARS)}") from None


__all__ = ["GRAMMARS", "Frame", "FrameKind", "Grammar", "get_grammar", "infer_grammar"]
