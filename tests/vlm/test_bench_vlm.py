"""The latency benchmark: the tiny model on CPU, the published sizes on a GPU."""

from __future__ import annotations

import pytest

from planners.bench_vlm import format_table, qwen25_vl_config, run_benchmark


@pytest.mark.unit
def test_published_sizes_are_passed_explicitly() -> None:
    import torch
    from transformers import Qwen2_5_VLForConditionalGeneration

    for size, billions in (("3b", 3.75), ("7b", 8.29)):
        with torch.device("meta"):
            model = Qwen2_5_VLForConditionalGeneration._from_config(qwen25_vl_config(size))
        params = sum(p.numel() for p in model.parameters()) / 1e9
        assert abs(params - billions) < 0.05, (size, params)


@pytest.mark.slow
def test_cpu_runs_the_tiny_model_only() -> None:
    rows = run_benchmark(["tiny", "7b"], "cpu", episode_steps=2, batch=2)
    assert rows[1] == {"size": "7b", "device": "cpu", "skipped": "needs a GPU"}
    tiny = rows[0]
    figures = [k for k, v in tiny.items() if k.endswith("_ms") and v > 0]
    for kind in ("generate", "vision", "engine", "episode_reuse", "episode_reprefill", "batch"):
        assert any(k.startswith(kind) for k in figures), kind
    assert tiny["decode_tokens"] == 64 and tiny["batch"] == 2
    table = format_table(rows).splitlines()
    assert table[0] == "figure | tiny cpu" and "7b | cpu | skipped: needs a GPU" in table


@pytest.mark.gpu
def test_gpu_latency_of_published_sizes() -> None:
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("needs CUDA")
    rows = run_benchmark(["3b"], "cuda", episode_steps=2, batch=2)
    row = rows[0]
    assert row["image"] == "1092x2408" and row["engine_step_ms"] > row["engine_ttft_ms"] > 0
    assert row["batch_speedup"] > 1  # two episodes a step cost less than twice one


@pytest.mark.slow
def test_bench_vlm_command_prints_the_tiny_row_and_skips_full_sizes_on_cpu(capsys):
    from automator.cli import main

    assert main(["bench", "vlm", "--sizes", "tiny", "7b", "--torch-device", "cpu",
                 "--episode-steps", "0", "--batch", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "figure | tiny cpu" and "7b | cpu | skipped: needs a GPU" in lines
    assert any(line.startswith("engine: step (ms) | ") for line in lines)
    assert not any(line.startswith(("episode", "batch")) for line in lines)


@pytest.mark.slow
def test_full_size_path_runs_on_cpu_with_one_layer_of_each() -> None:
    """The 3B's real widths, vocabulary, token ids and pixel budget, one layer deep: the
    inputs the GPU benchmark builds fit the model it builds."""
    from planners.bench_vlm import QWEN_MAX_PIXELS, _build, _first_turn, _image
    from planners.vl_engine import Episodes, group_vision_windows

    model = _build("3b", "cpu", layers=1)
    group_vision_windows(model)
    turn = _first_turn("3b", _image("3b", QWEN_MAX_PIXELS), 1)
    assert turn.input_ids.shape[1] == 700 + 2 + (1092 // 28) * (2408 // 28)
    reply = Episodes(model, 1, turn.input_ids.shape[1] + 2).step(turn, 2)
    assert reply.shape == (1, 2)
