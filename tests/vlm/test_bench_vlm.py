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
    rows = run_benchmark(["tiny", "7b"], "cpu")
    assert rows[1] == {"size": "7b", "device": "cpu", "skipped": "needs a GPU"}
    tiny = rows[0]
    assert tiny["step_ms"] > tiny["prefill_ms"] > 0 and tiny["decode_tokens"] == 64
    table = format_table(rows)
    assert "tiny | cpu" in table and "skipped: needs a GPU" in table


@pytest.mark.gpu
def test_gpu_latency_of_published_sizes() -> None:
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("needs CUDA")
    rows = run_benchmark(["3b"], "cuda")
    assert rows[0]["image"] == "1092x2408" and rows[0]["step_ms"] > 0


@pytest.mark.slow
def test_bench_vlm_command_prints_the_tiny_row_and_skips_full_sizes_on_cpu(capsys):
    from automator.cli import main

    assert main(["bench", "vlm", "--sizes", "tiny", "7b", "--torch-device", "cpu"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("size | device")
    assert any(line.startswith("tiny | cpu |") and "skipped" not in line
               for line in out.splitlines())
    assert "7b | cpu | skipped" in out


@pytest.mark.slow
def test_full_size_path_runs_on_cpu_with_one_layer_of_each() -> None:
    """The 3B's real widths, vocabulary, token ids and pixel budget, one layer deep: the
    inputs the GPU benchmark builds fit the model it builds."""
    from planners.bench_vlm import bench_one

    row = bench_one("3b", "cpu", repeats=1, layers=1)
    assert row["image"] == "1092x2408"  # 1080x2400 within the default budget
    assert row["prompt_tokens"] == 700 + 2 + (1092 // 28) * (2408 // 28)
    assert row["step_ms"] > row["prefill_ms"] > 0
