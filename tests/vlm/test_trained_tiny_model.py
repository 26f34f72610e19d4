"""A tiny Qwen2.5-VL or Qwen3-VL model trained for a few seconds to emit one reply: a click
in the frame the family speaks (pixels of the resized image, or 0-1000). Through the loop
the reply is generated, parsed, mapped back to device pixels and tapped, and the phone
shows the result: screenshot -> generate -> parse -> act."""

from __future__ import annotations

from pathlib import Path

import pytest

from perception import perceive
from tests.vlm.tiny_models import build_tiny_model

pytest.importorskip("transformers")

GOAL = "Open Settings"
TRAIN_STEPS = 400  # at most; training stops once the reply is learnt


def _teach(planner: object, conv: object, reply: str) -> float:
    """Fine-tune `planner.model` so that greedy decoding of the conversation `conv` gives
    `reply`; the final loss."""
    import torch

    model, tokenizer = planner.model, planner.processor.tokenizer
    inputs = planner._encode(conv.template_messages(), conv.images())
    target = tokenizer(reply + tokenizer.eos_token, return_tensors="pt",
                       add_special_tokens=False)["input_ids"]
    prompt_ids = inputs["input_ids"]
    batch = dict(inputs)
    batch["input_ids"] = torch.cat([prompt_ids, target], dim=1)
    batch["attention_mask"] = torch.ones_like(batch["input_ids"])
    if "mm_token_type_ids" in batch:
        batch["mm_token_type_ids"] = torch.cat(
            [batch["mm_token_type_ids"], torch.zeros_like(target)], dim=1)
    labels = torch.full_like(batch["input_ids"], -100)
    labels[:, prompt_ids.shape[1]:] = target
    torch.manual_seed(0)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    model.train()
    loss = float("inf")
    for _ in range(TRAIN_STEPS):
        model.model.rope_deltas = None
        out = model(**batch, labels=labels)
        optimizer.zero_grad()
        out.loss.backward()
        optimizer.step()
        loss = out.loss.item()
        if loss < 0.01:
            break
    model.eval()
    return loss


def _extent(frame: object) -> tuple[int, int]:
    """The width and height of the space the model's coordinates live in."""
    from planners.grammars import FrameKind

    return frame.image_wh if frame.kind is FrameKind.RESIZED else (1000, 1000)


@pytest.mark.slow
@pytest.mark.parametrize("family", ["qwen2_5_vl", "qwen3_vl"])
def test_trained_model_taps_the_point_it_names_and_the_phone_responds(tmp_path: Path,
                                                                      family: str) -> None:
    from automator.config import LoopConfig
    from automator.loop import run_episode
    from devices.actions import Tap
    from devices.virtual.phone import VirtualPhone
    from planners.conversation import Chat
    from planners.transformers_planner import TransformersPlanner

    path = build_tiny_model(tmp_path / f"tiny-{family.replace('_', '-')}", family, seed=1)
    planner = TransformersPlanner(str(path), device="cpu", max_new_tokens=64)
    assert planner.grammar.name == {"qwen2_5_vl": "qwen_mobile", "qwen3_vl": "qwen3_mobile"}[
        family]

    screen = perceive(VirtualPhone().capture())
    icon = next(e for e in screen.elements if e.label == "Settings")
    conv = Chat(planner.grammar, planner.rendering).step(GOAL, screen, [], planner.max_pixels,
                                                         lambda app: "")
    cx, cy = icon.bounds.center.x, icon.bounds.center.y
    (dw, dh), (fw, fh) = conv.frame.device_wh, _extent(conv.frame)
    x, y = round(cx * fw / dw), round(cy * fh / dh)  # the icon's centre as the model says it
    assert (x, y) != (cx, cy)  # the model does not speak device pixels
    reply = ('<tool_call>\n{"name": "mobile_use", "arguments": '
             f'{{"action": "click", "coordinate": [{x}, {y}]}}}}\n</tool_call>')
    assert _teach(planner, conv, reply) < 0.05

    phone = VirtualPhone()
    trajectory = run_episode(GOAL, phone, planner, LoopConfig(max_steps=1).for_device("virtual"))
    step = trajectory.steps[0]
    assert step.decision is not None and step.decision.raw.strip() == reply
    assert isinstance(step.executed, Tap)
    tapped = step.executed.target
    assert icon.bounds.contains(tapped)  # mapped back to device pixels
    assert abs(tapped.x - cx) <= dw / fw and abs(tapped.y - cy) <= dh / fh  # one unit
    assert phone.capture().app == "com.android.settings"
    usage = step.decision.usage
    assert usage["completion_tokens"] > 10
    assert usage["prefilled_tokens"] == usage["prompt_tokens"]  # an episode's first step
