"""TransformersPlanner on tiny random-weight Qwen2-VL / Qwen2.5-VL / Qwen3-VL checkpoints (CPU)."""

from __future__ import annotations

from pathlib import Path

import pytest

from devices.actions import ActionKind
from perception.elements import Screen
from planners.errors import ParseError
from planners.grammars import FrameKind
from planners.planner import Decision, Planner
from planners.vlm import build_prompt
from tests.vlm.tiny_models import build_tiny_model

pytest.importorskip("transformers")

FAMILIES = ("qwen2_vl", "qwen2_5_vl", "qwen3_vl")
GRAMMAR = {"qwen2_vl": "qwen2_mobile", "qwen2_5_vl": "qwen_mobile", "qwen3_vl": "qwen3_mobile"}


@pytest.fixture(scope="session")
def tiny_paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("tiny-vlm")
    return {family: build_tiny_model(root / f"tiny-{family.replace('_', '-')}", family)
            for family in FAMILIES}


@pytest.fixture(scope="session")
def planners(tiny_paths: dict[str, Path]) -> dict[str, object]:
    from planners.transformers_planner import TransformersPlanner

    return {family: TransformersPlanner(str(path), max_new_tokens=12, device="cpu")
            for family, path in tiny_paths.items()}


@pytest.mark.slow
@pytest.mark.parametrize("family", FAMILIES)
def test_processor_really_handles_images(planners: dict, family: str, screen: Screen) -> None:
    planner = planners[family]
    assert planner.grammar.name == GRAMMAR[family]  # inferred from the folder name
    prompt = build_prompt("Turn on Wi-Fi", screen, [], planner.grammar,
                          max_pixels=planner.max_pixels)
    inputs = planner.encode(prompt)
    assert "pixel_values" in inputs and "image_grid_thw" in inputs
    image_id = planner.processor.tokenizer.convert_tokens_to_ids("<|image_pad|>")
    n_image_tokens = int((inputs["input_ids"] == image_id).sum())
    assert n_image_tokens == int(inputs["image_grid_thw"][0].prod()) // 4 > 1
    _, h, w = (int(v) for v in inputs["image_grid_thw"][0])
    if family == "qwen3_vl":  # replies in 0-1000: the model's own resize changes nothing
        assert prompt.frame.kind is FrameKind.NORMALIZED_1000
    else:
        assert (w * 14, h * 14) == prompt.image.size  # the frame the reply is read in


@pytest.mark.slow
@pytest.mark.parametrize("family", FAMILIES)
def test_decide_is_well_formed(planners: dict, family: str, screen: Screen) -> None:
    planner = planners[family]
    assert isinstance(planner, Planner)
    try:
        decision = planner.decide("Turn on Wi-Fi", screen, [])
    except ParseError as e:  # random weights write garbage: it must come back verbatim
        assert isinstance(e.raw, str)
        return
    assert isinstance(decision, Decision) and decision.action.kind in set(ActionKind)
    assert decision.usage["prompt_tokens"] > decision.usage["cached_prefix_tokens"] > 0


@pytest.mark.slow
@pytest.mark.parametrize("family", FAMILIES)
def test_prefix_cache_gives_the_same_tokens(planners: dict, family: str, screen: Screen) -> None:
    planner = planners[family]
    prompt = build_prompt("Turn on Wi-Fi", screen, [], planner.grammar,
                          max_pixels=planner.max_pixels)
    inputs = planner.encode(prompt)
    planner.reuse_prefix_cache = True
    with_cache, usage = planner.generate(prompt, inputs)
    planner.reuse_prefix_cache = False
    without, plain = planner.generate(prompt, inputs)
    planner.reuse_prefix_cache = True
    assert usage["cached_prefix_tokens"] > 0 and plain["cached_prefix_tokens"] == 0
    assert with_cache == without


@pytest.mark.slow
@pytest.mark.parametrize("family", FAMILIES)
def test_prefix_cache_gives_the_same_scores(planners: dict, family: str, screen: Screen) -> None:
    import copy

    import torch

    from planners.transformers_planner import _reset_rope

    planner = planners[family]
    prompt = build_prompt("Turn on Wi-Fi", screen, [], planner.grammar,
                          max_pixels=planner.max_pixels)
    inputs = planner.encode(prompt)
    prefix = planner._cache_for(prompt.system, inputs["input_ids"][0])
    assert prefix is not None
    runs = []
    for cache in (copy.deepcopy(prefix.cache), None):
        _reset_rope(planner.model)
        out = planner.model.generate(**inputs, past_key_values=cache, max_new_tokens=4,
                                     do_sample=False, output_scores=True,
                                     return_dict_in_generate=True)
        runs.append(torch.stack(out.scores))
    assert torch.allclose(runs[0], runs[1], atol=1e-4)


@pytest.mark.gpu
def test_real_size_qwen25_vl_3b_decides_on_cuda(tmp_path: Path, screen: Screen) -> None:
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("needs CUDA")
    from planners.bench_vlm import _build
    from planners.hf_loading import build_image_only_processor
    from planners.transformers_planner import TransformersPlanner
    from tests.vlm.tiny_models import build_tokenizer

    build_tokenizer(tmp_path)
    from transformers.models.qwen2_vl.image_processing_pil_qwen2_vl import (
        Qwen2VLImageProcessorPil,
    )

    Qwen2VLImageProcessorPil(min_pixels=3136, max_pixels=16384 * 28 * 28).save_pretrained(tmp_path)
    processor = build_image_only_processor(str(tmp_path), "qwen2_5_vl")
    model = _build("3b", "cuda")
    # the tiny tokenizer's special ids differ from the checkpoint's: align the config
    ids = processor.tokenizer.convert_tokens_to_ids
    model.config.image_token_id = ids("<|image_pad|>")
    model.config.vision_start_token_id = ids("<|vision_start|>")
    model.config.vision_end_token_id = ids("<|vision_end|>")
    planner = TransformersPlanner("Qwen2.5-VL-3B-random", device="cuda", max_new_tokens=32,
                                  model=model, processor=processor)
    try:
        decision = planner.decide("Turn on Wi-Fi", screen, [])
    except ParseError as e:
        assert isinstance(e.raw, str)
        return
    assert decision.usage["prompt_tokens"] > 3000  # 1092x2408 -> 3354 image tokens


@pytest.mark.slow
@pytest.mark.parametrize("family", FAMILIES)
def test_tiny_models_drive_the_loop_on_the_virtual_phone(planners: dict, family: str,
                                                         tmp_path: Path) -> None:
    """Random weights produce random replies; every step must still be well-formed: an
    executed action inside the screen, or the model's mistake recorded with its raw text."""
    from automator.config import LoopConfig
    from automator.loop import run_episode
    from automator.recording import Recorder, load_trajectory
    from automator.trajectory import Outcome
    from devices.actions import Point, target_of
    from devices.virtual.phone import VirtualPhone

    config = LoopConfig(max_steps=3).for_device("virtual")
    trajectory = run_episode("Turn on Wi-Fi", VirtualPhone(), planners[family], config,
                             recorder=Recorder(tmp_path))
    assert trajectory.outcome in set(Outcome) - {Outcome.INFRASTRUCTURE}
    assert trajectory.steps
    for step in trajectory.steps:
        assert (step.executed is not None) != bool(step.error or step.refusal)
        target = target_of(step.executed) if step.executed is not None else None
        if isinstance(target, Point):
            assert 0 <= target.x < 1080 and 0 <= target.y < 2400
        if step.error:  # the reply that could not be used is kept
            assert step.raw or (step.decision is not None and step.decision.raw)
    assert load_trajectory(tmp_path).to_dict() == trajectory.to_dict()
