"""TransformersPlanner.verify on tiny random-weight Qwen2-VL / Qwen2.5-VL checkpoints (CPU):
two screenshots in one message, a short greedy reply, the verdict read by `parse_verdict`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from devices.actions import ElementRef, Tap, describe
from perception.elements import Screen
from planners.errors import ParseError, PlannerError
from planners.verify_prompt import ModelVerifier, Verdict, Verification, build_verify_prompt
from tests.vlm.tiny_models import build_tiny_model

pytest.importorskip("transformers")

FAMILIES = ("qwen2_vl", "qwen2_5_vl")
GOAL = "Turn on Wi-Fi"
ACTION = Tap(ElementRef(2))


@pytest.fixture(scope="session")
def verify_tiny_paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("tiny-vlm-verify")
    return {family: build_tiny_model(root / f"tiny-{family.replace('_', '-')}", family)
            for family in FAMILIES}


@pytest.fixture(scope="session")
def verifiers(verify_tiny_paths: dict[str, Path]) -> dict[str, Any]:
    from planners.transformers_planner import TransformersPlanner

    return {family: TransformersPlanner(str(path), max_new_tokens=12, device="cpu")
            for family, path in verify_tiny_paths.items()}


@pytest.fixture(scope="session")
def after(screen: Screen) -> Screen:
    """The same screen with the Wi-Fi row highlighted: a different second image."""
    assert screen.screenshot is not None
    image = screen.screenshot.copy()
    image.paste((40, 120, 220), screen.elements[2].bounds.as_list())
    return replace(screen, screenshot=image)


class ProcessorSpy:
    """Delegates to the real processor and keeps what each call received."""

    def __init__(self, processor: Any) -> None:
        self._processor = processor
        self.calls: list[dict[str, Any]] = []

    def __call__(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        return self._processor(**kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._processor, name)


@pytest.mark.unit
def test_transformers_planner_is_a_model_verifier() -> None:
    from planners.transformers_planner import TransformersPlanner

    planner = TransformersPlanner("Qwen2.5-VL-3B-Instruct", device="cpu", model=object(),
                                  processor=object())  # nothing loaded
    assert isinstance(planner, ModelVerifier)


@pytest.mark.slow
@pytest.mark.parametrize("family", FAMILIES)
def test_verify_returns_a_verdict_or_the_raw_reply(verifiers: dict[str, Any], family: str,
                                                    screen: Screen, after: Screen,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    planner = verifiers[family]
    spy = ProcessorSpy(planner.processor)
    monkeypatch.setattr(planner, "processor", spy)
    cached_before = set(planner._prefix)
    try:
        result = planner.verify(GOAL, ACTION, screen, after)
    except ParseError as e:  # random weights write garbage: it must come back verbatim
        assert isinstance(e.raw, str)
    else:
        assert isinstance(result, Verification) and result.verdict in set(Verdict)
    assert set(planner._prefix) == cached_before  # the planner's prefix cache is left alone
    (call,) = spy.calls
    assert len(call["images"]) == 2 and all(isinstance(i, Image.Image) for i in call["images"])
    (text,) = call["text"]
    assert GOAL in text and describe(ACTION) in text
    assert text.count("<|vision_start|><|image_pad|><|vision_end|>") == 2
    assert text.index("<|image_pad|>") < text.index(GOAL)  # the images, then the question


@pytest.mark.slow
@pytest.mark.parametrize("family", FAMILIES)
def test_both_screenshots_reach_the_model(verifiers: dict[str, Any], family: str,
                                          screen: Screen, after: Screen) -> None:
    planner = verifiers[family]
    prompt = build_verify_prompt(GOAL, ACTION, screen, after)
    inputs = planner.encode_verify(prompt)
    grid = inputs["image_grid_thw"]
    assert grid.shape[0] == 2
    assert inputs["pixel_values"].shape[0] == int(grid.prod(dim=1).sum())  # patches of both
    image_id = planner.processor.tokenizer.convert_tokens_to_ids("<|image_pad|>")
    n_image_tokens = int((inputs["input_ids"] == image_id).sum())
    assert n_image_tokens == int(grid.prod(dim=1).sum()) // 4
    before_px, after_px = inputs["pixel_values"].split(grid.prod(dim=1).tolist())
    assert not bool((before_px == after_px).all())  # two different screenshots, not one twice


@pytest.mark.slow
@pytest.mark.parametrize(("reply", "verdict"), [
    ('{"verdict": "worked", "reason": "Wi-Fi is on"}', Verdict.WORKED),
    ('```json\n{"verdict": "wrong_page", "reason": "an ad opened"}\n```', Verdict.WRONG_PAGE),
    ('{"verdict": "no_change", "reason": "same screen"}', Verdict.NO_CHANGE),
])
def test_verify_reads_the_models_reply(verifiers: dict[str, Any], screen: Screen,
                                       after: Screen, monkeypatch: pytest.MonkeyPatch,
                                       reply: str, verdict: Verdict) -> None:
    planner = verifiers["qwen2_5_vl"]
    seen: list[dict[str, Any]] = []

    def scripted(inputs: Any, sampling: dict[str, Any], cached: Any) -> tuple[str, dict]:
        seen.append({"sampling": sampling, "cached": cached})
        return reply, {"prompt_tokens": 1.0, "generate_ms": 1.0}

    monkeypatch.setattr(planner, "_generate", scripted)
    result = planner.verify(GOAL, ACTION, screen, after)
    assert result.verdict is verdict and result.reason and result.raw == reply
    (call,) = seen
    assert call["cached"] is None  # no prefix cache: the system prompt is the verifier's
    assert call["sampling"]["do_sample"] is False and call["sampling"]["max_new_tokens"] <= 128


@pytest.mark.slow
@pytest.mark.parametrize("reply", ["tap the row", '{"verdict": "maybe"}', ""])
def test_an_unreadable_verdict_raises_with_the_raw_text(verifiers: dict[str, Any],
                                                        screen: Screen, after: Screen,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        reply: str) -> None:
    planner = verifiers["qwen2_vl"]
    monkeypatch.setattr(planner, "_generate", lambda *a, **k: (reply, {"prompt_tokens": 1.0,
                                                                 "generate_ms": 1.0}))
    with pytest.raises(ParseError) as info:
        planner.verify(GOAL, ACTION, screen, after)
    assert info.value.raw == reply


@pytest.mark.slow
def test_verify_needs_both_screenshots(verifiers: dict[str, Any], screen: Screen) -> None:
    blind = replace(screen, screenshot=None)
    with pytest.raises(PlannerError, match="after screenshot"):
        verifiers["qwen2_vl"].verify(GOAL, ACTION, screen, blind)


@pytest.mark.slow
def test_the_loop_asks_the_tiny_model_for_a_second_opinion(verifiers: dict[str, Any],
                                                           tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """A tap on an empty corner changes nothing: the loop's own checks cannot confirm it,
    so it asks the planner's `verify`, which runs the real model on both screenshots."""
    from automator.config import LoopConfig
    from automator.loop import run_episode
    from automator.recording import Recorder
    from devices.actions import Point
    from devices.virtual.phone import VirtualPhone
    from planners.planner import Decision

    planner = verifiers["qwen2_5_vl"]
    monkeypatch.setattr(planner, "decide", lambda *a: Decision(Tap(Point(1070, 5)), "corner"))
    asked: list[tuple[str, Any]] = []
    real_verify = planner.verify

    def spy(goal: str, action: Any, before: Screen, after: Screen) -> Verification:
        asked.append((goal, action))
        return real_verify(goal, action, before, after)

    monkeypatch.setattr(planner, "verify", spy)
    config = LoopConfig(max_steps=1).for_device("virtual")
    trajectory = run_episode(GOAL, VirtualPhone(), planner, config, recorder=Recorder(tmp_path))
    assert asked and asked[0][0] == GOAL
    (step,) = trajectory.steps
    assert step.executed is not None and step.verification is not None
