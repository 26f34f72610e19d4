"""Per-step latency of Qwen2.5-VL architectures with random weights: prefill of one phone
screenshot (1080x2400, within the model's default pixel budget) plus a prompt, then the
decode of exactly 64 tokens.

Sizes are the published ones (the transformers config classes default to a 72B-like text
model, so every value is passed explicitly). On a CPU only the tiny model runs.

    automator bench vlm --sizes 3b 7b      # run_benchmark + format_table
"""

from __future__ import annotations

import importlib.util
import logging
import time
from typing import Any

from PIL import Image

from planners.grammars.frames import QWEN_MAX_PIXELS, QWEN_MIN_PIXELS, smart_resize
from planners.vl_engine import Episodes, Turn, group_vision_windows

log = logging.getLogger(__name__)
SCREEN_WH = (1080, 2400)  # px: the screenshot every step sends
DECODE_TOKENS = 64
TEXT_TOKENS = 700  # system prompt, action space, goal, history: a typical step
SYSTEM_TOKENS = 500  # of which the system prompt (role, action space, output format)
STEP_TOKENS = (30, 70)  # an episode's later turn: text before and after the new screenshot
_TEXT = {  # published Qwen2.5-VL text sizes
    "3b": dict(hidden_size=2048, intermediate_size=11008, num_hidden_layers=36,
               num_attention_heads=16, num_key_value_heads=2, vocab_size=151936,
               tie_word_embeddings=True),
    "7b": dict(hidden_size=3584, intermediate_size=18944, num_hidden_layers=28,
               num_attention_heads=28, num_key_value_heads=4, vocab_size=152064,
               tie_word_embeddings=False),
    "tiny": dict(hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                 num_attention_heads=4, num_key_value_heads=2, vocab_size=1024,
                 tie_word_embeddings=True),
}
_VISION = {  # the published vision tower is the same for 3B and 7B, out size aside
    "full": dict(depth=32, hidden_size=1280, intermediate_size=3420, num_heads=16,
                 window_size=112, fullatt_block_indexes=[7, 15, 23, 31]),
    "tiny": dict(depth=2, hidden_size=32, intermediate_size=64, num_heads=2, window_size=56,
                 fullatt_block_indexes=[1]),
}
_IDS = dict(image_token_id=151655, video_token_id=151656, vision_start_token_id=151652,
            vision_end_token_id=151653)
_TINY_IDS = dict(image_token_id=1000, video_token_id=1001, vision_start_token_id=1002,
                 vision_end_token_id=1003)
TINY_MAX_PIXELS = 28 * 28 * 256  # the tiny model's budget on a CPU


def qwen25_vl_config(size: str, layers: int | None = None) -> Any:
    """A Qwen2.5-VL config of the published `size` ("3b", "7b") or "tiny". `layers` keeps
    only that many text layers and vision blocks (the last one with full attention): the
    same shapes everywhere else, for checking the full-size path on a CPU."""
    from transformers import Qwen2_5_VLConfig

    text = dict(_TEXT[size], max_position_embeddings=128000, rope_theta=1000000.0,
                rope_scaling={"type": "mrope", "mrope_section": [16, 24, 24]})
    if size == "tiny":
        text.update(rope_scaling={"type": "mrope", "mrope_section": [2, 3, 3]},
                    bos_token_id=None, eos_token_id=None, pad_token_id=0)
    vision = dict(_VISION["tiny" if size == "tiny" else "full"],
                  out_hidden_size=text["hidden_size"])
    if layers is not None:
        text["num_hidden_layers"] = layers
        vision.update(depth=layers, fullatt_block_indexes=[layers - 1])
    ids = _TINY_IDS if size == "tiny" else _IDS
    return Qwen2_5_VLConfig(text_config=text, vision_config=vision, **ids)


def _ids(size: str) -> dict[str, int]:
    return _TINY_IDS if size == "tiny" else _IDS


def _image(size: str, max_pixels: int, count: int = 1, seed: int = 0) -> dict[str, Any]:
    """Processor tensors of `count` screenshots, and the processing time of one."""
    import torch
    from transformers.models.qwen2_vl.image_processing_pil_qwen2_vl import (
        Qwen2VLImageProcessorPil,
    )

    processor = Qwen2VLImageProcessorPil(min_pixels=QWEN_MIN_PIXELS, max_pixels=max_pixels)
    generator = torch.Generator().manual_seed(seed)
    noise = torch.randint(0, 256, (SCREEN_WH[1], SCREEN_WH[0], 3), generator=generator)
    image = Image.fromarray(noise.to(torch.uint8).numpy())  # a busy screen, not a flat one
    started = time.perf_counter()
    one = processor(images=[image], return_tensors="pt")
    ms = (time.perf_counter() - started) * 1000
    return {"pixel_values": one["pixel_values"].repeat(count, 1),
            "image_grid_thw": one["image_grid_thw"].repeat(count, 1), "preprocess_ms": ms}


def _turn_ids(size: str, grid: Any, before: int, after: int, rows: int = 1, seed: int = 0
              ) -> Any:
    """Token ids (rows, n): `before` text tokens, one image of `grid`, `after` text tokens."""
    import torch

    ids = _ids(size)
    n_image = int(grid.prod()) // 4
    generator = torch.Generator().manual_seed(seed)
    text = torch.randint(10, min(ids["image_token_id"] - 10, 150000), (before + after,),
                         generator=generator)
    image = torch.tensor([ids["vision_start_token_id"]] + [ids["image_token_id"]] * n_image
                         + [ids["vision_end_token_id"]])
    return torch.cat([text[:before], image, text[before:]])[None].repeat(rows, 1)


def _inputs(size: str, device: str, max_pixels: int) -> dict[str, Any]:
    """A first step as `generate` takes it: system prompt, screenshot, goal and history."""
    vision = _image(size, max_pixels)
    input_ids = _turn_ids(size, vision["image_grid_thw"][0], SYSTEM_TOKENS,
                          TEXT_TOKENS - SYSTEM_TOKENS)
    mm = (input_ids == _ids(size)["image_token_id"]).long()
    return {"input_ids": input_ids.to(device), "attention_mask": (mm * 0 + 1).to(device),
            "mm_token_type_ids": mm.to(device),
            "pixel_values": vision["pixel_values"].to(device),
            "image_grid_thw": vision["image_grid_thw"].to(device)}


def _sync(device: str) -> None:
    import torch

    if device.startswith("cuda"):
        torch.cuda.synchronize()


def _run(fn: Any, device: str) -> tuple[Any, float]:
    """`fn()`'s value and its wall time in ms, the GPU's queue drained before and after."""
    _sync(device)
    started = time.perf_counter()
    value = fn()
    _sync(device)
    return value, (time.perf_counter() - started) * 1000


def _timed(fn: Any, device: str) -> float:
    return _run(fn, device)[1]


def _build(size: str, device: str, layers: int | None = None) -> Any:
    import torch
    from transformers import Qwen2_5_VLForConditionalGeneration

    dtype = torch.bfloat16 if device.startswith("cuda") else torch.float32
    torch.manual_seed(0)
    with torch.device(device):
        model = Qwen2_5_VLForConditionalGeneration._from_config(
            qwen25_vl_config(size, layers), dtype=dtype, attn_implementation="sdpa")
    return model.eval()


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def _peak_gib(device: str) -> float | None:
    import torch

    if not device.startswith("cuda"):
        return None
    peak = torch.cuda.max_memory_allocated() / 2**30
    torch.cuda.reset_peak_memory_stats()
    return peak


def bench_generate(model: Any, inputs: dict[str, Any], device: str, repeats: int
                   ) -> dict[str, Any]:
    """transformers' `generate` as the planner calls it: time to first token, the whole
    64-token step, and the step with the system prompt's cache reused (copied in)."""
    import copy

    import torch

    gen = dict(max_new_tokens=DECODE_TOKENS, min_new_tokens=DECODE_TOKENS, do_sample=False,
               eos_token_id=None, pad_token_id=0)
    system = inputs["input_ids"][:, :SYSTEM_TOKENS]
    ttft, total, cached = [], [], []
    with torch.inference_mode():
        model.generate(**inputs, **dict(gen, max_new_tokens=2, min_new_tokens=2))  # warm-up
        model.model.rope_deltas = None
        prefix = model(input_ids=system, use_cache=True).cache
        for _ in range(repeats):
            model.model.rope_deltas = None
            ttft.append(_timed(lambda: model(**inputs, use_cache=True, logits_to_keep=1),
                               device))  # as generate does: logits of the last token only
            model.model.rope_deltas = None
            total.append(_timed(lambda: model.generate(**inputs, **gen), device))
            model.model.rope_deltas = None
            cache = copy.deepcopy(prefix)
            cached.append(_timed(lambda c=cache: model.generate(**inputs, **gen, cache=c),
                                        device))
    step = _median(total)
    return {"generate_ttft_ms": _median(ttft), "generate_step_ms": step,
            "generate_tok_s": DECODE_TOKENS / max((step - _median(ttft)) / 1000, 1e-9),
            "generate_system_cache_step_ms": _median(cached), "generate_peak_gib":
            _peak_gib(device)}


def bench_vision(model: Any, inputs: dict[str, Any], device: str, repeats: int
                 ) -> dict[str, Any]:
    """The vision tower alone, one SDPA call per window and then grouped by window size
    (the model keeps the grouped attention afterwards)."""
    import torch

    def encode() -> None:
        model.model.get_image_features(inputs["pixel_values"], inputs["image_grid_thw"])

    row = {}
    with torch.inference_mode():
        for key in ("vision_ms", "vision_grouped_ms"):
            if key == "vision_grouped_ms":
                group_vision_windows(model)
            encode()  # warm-up
            row[key] = _median([_timed(encode, device) for _ in range(repeats)])
    return row


def _first_turn(size: str, vision: dict[str, Any], rows: int) -> Turn:
    ids = _turn_ids(size, vision["image_grid_thw"][0], SYSTEM_TOKENS,
                    TEXT_TOKENS - SYSTEM_TOKENS, rows)
    return Turn(ids, vision["pixel_values"], vision["image_grid_thw"])


def _gpu_preprocess_ms(max_pixels: int, device: str, repeats: int) -> float | None:
    """The torchvision image processor on the GPU (what `AutoProcessor` picks where
    torchvision is installed), or None without it."""
    if not device.startswith("cuda") or importlib.util.find_spec("torchvision") is None:
        return None
    from transformers.models.qwen2_vl.image_processing_qwen2_vl import Qwen2VLImageProcessor

    processor = Qwen2VLImageProcessor(min_pixels=QWEN_MIN_PIXELS, max_pixels=max_pixels)
    image = Image.new("RGB", SCREEN_WH, (200, 120, 40))
    run = lambda: processor(images=[image], return_tensors="pt", device=device)  # noqa: E731
    run()
    return _median([_timed(run, device) for _ in range(repeats)])


def bench_engine(model: Any, size: str, device: str, max_pixels: int, repeats: int,
                 batch: int = 1, cuda_graph: bool | None = None, compile: bool = False
                 ) -> dict[str, Any]:
    """One first step of `batch` conversations through `Episodes`: time to first token
    (prefill, images included) and the whole step."""
    vision = _image(size, max_pixels, batch)
    turn = _first_turn(size, vision, batch)
    episodes = Episodes(model, batch, turn.input_ids.shape[1] + DECODE_TOKENS, cuda_graph,
                        compile)
    ttft, total = [], []
    for i in range(repeats + 1):  # the first is a warm-up (and captures the graph)
        episodes.reset()
        ttft_ms = _timed(lambda: episodes.prefill(turn), device)
        episodes.reset()
        step_ms = _timed(lambda: episodes.step(turn, DECODE_TOKENS), device)
        if i:
            ttft.append(ttft_ms)
            total.append(step_ms)
    step = _median(total)
    return {"ttft_ms": _median(ttft), "step_ms": step,
            "tok_s": DECODE_TOKENS / max((step - _median(ttft)) / 1000, 1e-9),
            "preprocess_ms": vision["preprocess_ms"], "peak_gib": _peak_gib(device)}


def bench_episode(model: Any, size: str, device: str, max_pixels: int, steps: int,
                  reuse: bool) -> dict[str, Any]:
    """A `steps`-step episode whose conversation only grows (the model's replies stay in
    it, each step adds a screenshot). `reuse`: one cache for the episode, each step
    prefills only its new turn; else each step prefills the whole conversation."""
    import torch

    vision = _image(size, max_pixels)
    first = _first_turn(size, vision, 1)
    later = [_turn_ids(size, vision["image_grid_thw"][0], *STEP_TOKENS, seed=k)
             for k in range(1, steps)]
    longest = first.input_ids.shape[1] + sum(t.shape[1] for t in later) + steps * DECODE_TOKENS
    turns = [first] + [Turn(t, vision["pixel_values"], vision["image_grid_thw"])
                       for t in later]
    times = []
    episodes = Episodes(model, 1, longest + 8)
    conversation = Turn(first.input_ids[:, :0], None, None)
    for turn in turns:
        if reuse:
            times.append(_timed(lambda t=turn: episodes.step(t, DECODE_TOKENS), device))
            continue
        grown = [conversation.input_ids, turn.input_ids]
        pixels = [p for p in (conversation.pixel_values, turn.pixel_values) if p is not None]
        grids = [g for g in (conversation.image_grid_thw, turn.image_grid_thw) if g is not None]
        conversation = Turn(torch.cat(grown, 1), torch.cat(pixels), torch.cat(grids))
        episodes.reset()
        reply, ms = _run(lambda c=conversation: episodes.step(c, DECODE_TOKENS), device)
        times.append(ms)
        conversation = Turn(torch.cat([conversation.input_ids, reply.cpu()], 1),
                            conversation.pixel_values, conversation.image_grid_thw)
    key = "episode_reuse" if reuse else "episode_reprefill"
    return {f"{key}_mean_ms": sum(times) / len(times), f"{key}_last_ms": times[-1],
            "episode_tokens": longest}


def bench_size(size: str, device: str, max_pixels: int | None = None, repeats: int = 3,
               layers: int | None = None, episode_steps: int = 10, batch: int = 8,
               compile: bool = False) -> dict[str, Any]:
    """Every figure of one size: `generate` as today, then the engine (grouped vision
    windows, static cache, CUDA graph) for one step, an episode and a batch."""
    import torch

    if max_pixels is None:
        max_pixels = TINY_MAX_PIXELS if size == "tiny" and device == "cpu" else QWEN_MAX_PIXELS
    model = _build(size, device, layers)
    inputs = _inputs(size, device, max_pixels)
    h, w = smart_resize(SCREEN_WH[1], SCREEN_WH[0], max_pixels=max_pixels)
    row: dict[str, Any] = {
        "size": size, "device": device, "params_b": sum(p.numel() for p in model.parameters())
        / 1e9, "image": f"{w}x{h}", "max_pixels": max_pixels,
        "prompt_tokens": int(inputs["input_ids"].shape[1]), "decode_tokens": DECODE_TOKENS,
        "flash_attn": importlib.util.find_spec("flash_attn") is not None}
    _peak_gib(device)
    row |= bench_generate(model, inputs, device, repeats)
    row |= bench_vision(model, inputs, device, repeats)
    eager = bench_engine(model, size, device, max_pixels, repeats, cuda_graph=False)
    row |= {"engine_eager_step_ms": eager["step_ms"], "engine_eager_tok_s": eager["tok_s"]}
    one = bench_engine(model, size, device, max_pixels, repeats)
    row |= {f"engine_{k}": v for k, v in one.items()}
    row["whole_step_ms"] = one["preprocess_ms"] + one["step_ms"]
    gpu_ms = _gpu_preprocess_ms(max_pixels, device, repeats)
    if gpu_ms is not None:
        row |= {"gpu_preprocess_ms": gpu_ms, "whole_step_gpu_preprocess_ms":
                gpu_ms + one["step_ms"]}
    if compile:
        compiled = bench_engine(model, size, device, max_pixels, repeats, compile=True)
        row |= {"compiled_step_ms": compiled["step_ms"], "compiled_tok_s": compiled["tok_s"]}
    if episode_steps:
        for reuse in (True, False):
            row |= bench_episode(model, size, device, max_pixels, episode_steps, reuse)
    if batch > 1:
        many = bench_engine(model, size, device, max_pixels, repeats, batch=batch)
        row |= {"batch": batch, "batch_step_ms": many["step_ms"],
                "batch_peak_gib": many["peak_gib"],
                "batch_speedup": batch * one["step_ms"] / many["step_ms"]}
    del model
    if device.startswith("cuda"):
        torch.cuda.empty_cache()
    return row


def run_benchmark(sizes: list[str], device: str | None = None, max_pixels: int | None = None,
                  episode_steps: int = 10, batch: int = 8, compile: bool = False
                  ) -> list[dict[str, Any]]:
    """One row per size; on a CPU the full sizes are skipped (a row says so)."""
    import torch

    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    rows = []
    for size in sizes:
        if size not in _TEXT:
            raise ValueError(f"unknown size {size!r}; known: {', '.join(_TEXT)}")
        if device == "cpu" and size != "tiny":
            rows.append({"size": size, "device": device, "skipped": "needs a GPU"})
            continue
        log.info("benchmarking Qwen2.5-VL %s on %s", size, device)
        rows.append(bench_size(size, device, max_pixels, episode_steps=episode_steps,
                               batch=batch, compile=compile))
    return rows


_FIGURES = (  # (key, label) in the order printed
    ("params_b", "parameters (billions)"), ("image", "image sent (px)"),
    ("prompt_tokens", "prompt tokens"), ("decode_tokens", "tokens decoded"),
    ("generate_ttft_ms", "generate: time to first token (ms)"),
    ("generate_tok_s", "generate: decode (tokens/s)"),
    ("generate_step_ms", "generate: step (ms)"),
    ("generate_system_cache_step_ms", "generate, system prompt cached: step (ms)"),
    ("generate_peak_gib", "generate: peak memory (GiB)"),
    ("vision_ms", "vision tower, a call per window (ms)"),
    ("vision_grouped_ms", "vision tower, windows grouped (ms)"),
    ("engine_eager_step_ms", "engine, no graph: step (ms)"),
    ("engine_ttft_ms", "engine: time to first token (ms)"),
    ("engine_tok_s", "engine: decode (tokens/s)"),
    ("engine_step_ms", "engine: step (ms)"),
    ("engine_preprocess_ms", "screenshot preprocessing, CPU (ms)"),
    ("whole_step_ms", "whole step: screenshot to reply (ms)"),
    ("gpu_preprocess_ms", "screenshot preprocessing, torchvision on the GPU (ms)"),
    ("whole_step_gpu_preprocess_ms", "whole step, GPU preprocessing (ms)"),
    ("compiled_tok_s", "engine, torch.compile: decode (tokens/s)"),
    ("compiled_step_ms", "engine, torch.compile: step (ms)"),
    ("engine_peak_gib", "engine: peak memory (GiB)"),
    ("episode_reuse_mean_ms", "episode, cache kept: mean step (ms)"),
    ("episode_reuse_last_ms", "episode, cache kept: last step (ms)"),
    ("episode_reprefill_mean_ms", "episode, all prefilled: mean step (ms)"),
    ("episode_reprefill_last_ms", "episode, all prefilled: last step (ms)"),
    ("batch_step_ms", "batch: one step of every episode (ms)"),
    ("batch_speedup", "batch: steps/s over one episode's"),
    ("batch_peak_gib", "batch: peak memory (GiB)"),
    ("flash_attn", "flash_attn installed"),
)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def format_table(rows: list[dict[str, Any]]) -> str:
    """The figures of `run_benchmark` rows, one column per size."""
    measured = [r for r in rows if "skipped" not in r]
    lines = [" | ".join(["figure", *(f"{r['size']} {r['device']}" for r in measured)])]
    for key, label in _FIGURES:
        if any(key in r for r in measured):
            lines.append(" | ".join([label, *(_cell(r.get(key)) for r in measured)]))
    lines += [f"{r['size']} | {r['device']} | skipped: {r['skipped']}"
              for r in rows if "skipped" in r]
    return "\n".join(lines)
