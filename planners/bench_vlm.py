"""Per-step latency of Qwen2.5-VL architectures with random weights: prefill of one phone
screenshot (1080x2400, within the model's default pixel budget) plus a prompt, then the
decode of exactly 64 tokens.

Sizes are the published ones (the transformers config classes default to a 72B-like text
model, so every value is passed explicitly). On a CPU only the tiny model runs.

    automator bench vlm --sizes 3b 7b      # run_benchmark + format_table
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PIL import Image

from planners.grammars.frames import QWEN_MAX_PIXELS, QWEN_MIN_PIXELS, smart_resize

log = logging.getLogger(__name__)
SCREEN_WH = (1080, 2400)  # px: the screenshot every step sends
DECODE_TOKENS = 64
TEXT_TOKENS = 700  # system prompt, action space, goal, history: a typical step
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


def _inputs(size: str, device: str, max_pixels: int) -> dict[str, Any]:
    import torch
    from transformers.models.qwen2_vl.image_processing_pil_qwen2_vl import (
        Qwen2VLImageProcessorPil,
    )

    processor = Qwen2VLImageProcessorPil(min_pixels=QWEN_MIN_PIXELS, max_pixels=max_pixels)
    image = Image.new("RGB", SCREEN_WH, (240, 240, 240))
    vision = processor(images=[image], return_tensors="pt")
    n_image = int(vision["image_grid_thw"][0].prod()) // 4
    ids = _TINY_IDS if size == "tiny" else _IDS
    text = torch.randint(10, min(ids["image_token_id"] - 10, 150000), (TEXT_TOKENS,))
    image_part = torch.tensor([ids["vision_start_token_id"]] + [ids["image_token_id"]] * n_image
                              + [ids["vision_end_token_id"]])
    input_ids = torch.cat([text[:40], image_part, text[40:]])[None]
    mm = (input_ids == ids["image_token_id"]).long()
    return {"input_ids": input_ids.to(device), "attention_mask": torch.ones_like(input_ids)
            .to(device), "mm_token_type_ids": mm.to(device),
            "pixel_values": vision["pixel_values"].to(device),
            "image_grid_thw": vision["image_grid_thw"].to(device)}


def _sync(device: str) -> None:
    import torch

    if device.startswith("cuda"):
        torch.cuda.synchronize()


def _timed(fn: Any, device: str) -> float:
    _sync(device)
    started = time.perf_counter()
    fn()
    _sync(device)
    return (time.perf_counter() - started) * 1000


def _build(size: str, device: str, layers: int | None = None) -> Any:
    import torch
    from transformers import Qwen2_5_VLForConditionalGeneration

    dtype = torch.bfloat16 if device.startswith("cuda") else torch.float32
    torch.manual_seed(0)
    with torch.device(device):
        model = Qwen2_5_VLForConditionalGeneration._from_config(
            qwen25_vl_config(size, layers), dtype=dtype, attn_implementation="sdpa")
    return model.eval()


def bench_one(size: str, device: str, repeats: int = 3, layers: int | None = None
              ) -> dict[str, Any]:
    """Latency figures of one size on one device (median of `repeats` after a warm-up);
    `layers` as in `qwen25_vl_config`."""
    import torch

    max_pixels = TINY_MAX_PIXELS if size == "tiny" and device == "cpu" else QWEN_MAX_PIXELS
    model = _build(size, device, layers)
    inputs = _inputs(size, device, max_pixels)
    gen = dict(max_new_tokens=DECODE_TOKENS, min_new_tokens=DECODE_TOKENS, do_sample=False,
               eos_token_id=None, pad_token_id=0)
    prefill, total = [], []
    with torch.inference_mode():
        model.generate(**inputs, **dict(gen, max_new_tokens=2, min_new_tokens=2))  # warm-up
        for _ in range(repeats):
            model.model.rope_deltas = None
            prefill.append(_timed(lambda: model(**inputs, use_cache=True, logits_to_keep=1),
                                  device))  # as generate does: logits of the last token only
            model.model.rope_deltas = None
            total.append(_timed(lambda: model.generate(**inputs, **gen), device))
    h, w = smart_resize(SCREEN_WH[1], SCREEN_WH[0], max_pixels=max_pixels)
    params = sum(p.numel() for p in model.parameters()) / 1e9
    row = {"size": size, "device": device, "params_b": params,
           "image": f"{w}x{h}", "prompt_tokens": int(inputs["input_ids"].shape[1]),
           "prefill_ms": sorted(prefill)[len(prefill) // 2],
           "step_ms": sorted(total)[len(total) // 2], "decode_tokens": DECODE_TOKENS}
    row["decode_tok_s"] = DECODE_TOKENS / max((row["step_ms"] - row["prefill_ms"]) / 1000, 1e-9)
    if device.startswith("cuda"):
        row["peak_gib"] = torch.cuda.max_memory_allocated() / 2**30
    return row


def run_benchmark(sizes: list[str], device: str | None = None) -> list[dict[str, Any]]:
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
        rows.append(bench_one(size, device))
        if device.startswith("cuda"):
            torch.cuda.empty_cache()
            torch.cuda.reset_peak_memory_stats()
    return rows


_COLUMNS = ("size", "device", "params_b", "image", "prompt_tokens", "prefill_ms", "step_ms",
            "decode_tok_s", "peak_gib")


def _cell(value: Any) -> str:
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def format_table(rows: list[dict[str, Any]]) -> str:
    """A plain-text table of `run_benchmark` rows."""
    lines = [" | ".join(_COLUMNS)]
    for row in rows:
        if "skipped" in row:
            lines.append(f"{row['size']} | {row['device']} | skipped: {row['skipped']}")
        else:
            lines.append(" | ".join(_cell(row.get(c, "-")) for c in _COLUMNS))
    return "\n".join(lines)
