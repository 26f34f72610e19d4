"""The fast step says what `generate` says: same greedy tokens, one step or an episode,
alone or in a batch; its vision windows compute what the per-window attention computes; its
decode step has no host synchronisation (so a CUDA graph can hold it)."""

from __future__ import annotations

from typing import Any

import pytest

torch = pytest.importorskip("torch")

from planners.bench_vlm import TINY_MAX_PIXELS, _build, _image, _turn_ids  # noqa: E402
from planners.vl_engine import Episodes, Turn, group_vision_windows  # noqa: E402

N = 12  # tokens decoded per step


@pytest.fixture(scope="module")
def model() -> Any:
    model = _build("tiny", "cpu")
    with torch.no_grad():  # spread the random weights so that greedy replies vary
        for p in model.parameters():
            if p.dim() > 1:
                p.normal_(0, 0.3, generator=torch.Generator().manual_seed(p.numel()))
    return model


def _screenshot(seed: int) -> dict[str, Any]:
    return _image("tiny", TINY_MAX_PIXELS, seed=seed)


def _generate(model: Any, ids: Any, pixels: Any, grids: Any) -> Any:
    model.model.rope_deltas = None
    mm = (ids == model.config.image_token_id).int()
    with torch.inference_mode():
        out = model.generate(input_ids=ids, attention_mask=torch.ones_like(ids),
                             mm_token_type_ids=mm, pixel_values=pixels, image_grid_thw=grids,
                             max_new_tokens=N, min_new_tokens=N, do_sample=False,
                             eos_token_id=None, pad_token_id=0)
    return out[:, ids.shape[1]:]


@pytest.mark.slow
def test_an_episode_says_what_generate_says_on_the_whole_conversation(model: Any) -> None:
    first, second = _screenshot(1), _screenshot(2)
    ids1 = _turn_ids("tiny", first["image_grid_thw"][0], 30, 20)
    ids2 = _turn_ids("tiny", second["image_grid_thw"][0], 5, 10, seed=2)
    episodes = Episodes(model, 1, 2048)
    reply1 = episodes.step(Turn(ids1, first["pixel_values"], first["image_grid_thw"]), N)
    assert torch.equal(reply1, _generate(model, ids1, first["pixel_values"],
                                         first["image_grid_thw"]))
    assert len(set(reply1[0].tolist())) > 3  # a reply that varies, so equality means much
    reply2 = episodes.step(Turn(ids2, second["pixel_values"], second["image_grid_thw"]), N)
    whole = torch.cat([ids1, reply1, ids2], dim=1)
    expected = _generate(model, whole, torch.cat([first["pixel_values"],
                                                  second["pixel_values"]]),
                         torch.cat([first["image_grid_thw"], second["image_grid_thw"]]))
    assert torch.equal(reply2, expected)
    assert episodes.length == whole.shape[1] + N - 1  # the last token waits for the next turn


@pytest.mark.slow
def test_each_row_of_a_batch_says_what_it_says_alone(model: Any) -> None:
    shots = [_screenshot(3), _screenshot(4)]
    ids = _turn_ids("tiny", shots[0]["image_grid_thw"][0], 30, 20, rows=2)
    batch = Episodes(model, 2, 1024).step(
        Turn(ids, torch.cat([s["pixel_values"] for s in shots]),
             torch.cat([s["image_grid_thw"] for s in shots])), N)
    for row, shot in enumerate(shots):
        alone = _generate(model, ids[:1], shot["pixel_values"], shot["image_grid_thw"])
        assert torch.equal(batch[row:row + 1], alone)
    assert not torch.equal(batch[0], batch[1])


@pytest.mark.slow
def test_grouped_vision_windows_compute_the_same_features(model: Any) -> None:
    shot = _screenshot(5)
    grid = shot["image_grid_thw"]
    window = model.config.vision_config.window_size // 28  # merged patches per window side
    assert (grid[0, 1] // 2) % window or (grid[0, 2] // 2) % window  # some windows are smaller

    def features() -> Any:
        with torch.inference_mode():
            out = model.model.get_image_features(shot["pixel_values"], grid, return_dict=True)
        return torch.cat(out.pooler_output)

    plain = features()
    grouped_model = _build("tiny", "cpu")
    grouped_model.load_state_dict(model.state_dict())
    group_vision_windows(grouped_model)
    model_before, model.model.visual = model.model.visual, grouped_model.model.visual
    try:
        grouped = features()
    finally:
        model.model.visual = model_before
    assert torch.allclose(plain, grouped, atol=1e-5)


@pytest.mark.slow
def test_the_decode_step_traces_as_one_graph(model: Any) -> None:
    """No `.item()`, no tensor-valued branch: what a CUDA graph needs."""
    shot = _screenshot(6)
    ids = _turn_ids("tiny", shot["image_grid_thw"][0], 10, 10)
    episodes = Episodes(model, 1, 1024)
    first = episodes.prefill(Turn(ids, shot["pixel_values"], shot["image_grid_thw"]))
    position = (episodes.length + episodes.delta).view(1, 1, 1).expand(3, -1, -1)
    step = torch.compile(episodes._step, backend="eager", fullgraph=True)
    with torch.inference_mode():
        assert step(first, position).shape == (1, 1)


@pytest.mark.unit
def test_overflow_and_wrong_batch_are_clear_errors(model: Any) -> None:
    shot = _screenshot(7)
    ids = _turn_ids("tiny", shot["image_grid_thw"][0], 10, 10)
    turn = Turn(ids, shot["pixel_values"], shot["image_grid_thw"])
    with pytest.raises(ValueError, match="cache holds 64"):
        Episodes(model, 1, 64).prefill(turn)
    with pytest.raises(ValueError, match="1 rows for a batch of 2"):
        Episodes(model, 2, 1024).prefill(turn)
    with pytest.raises(ValueError, match="overflow the cache"):
        small = Episodes(model, 1, ids.shape[1] + 4)
        small.decode(small.prefill(turn), 8)


@pytest.mark.gpu
def test_cuda_graph_decode_gives_the_eager_tokens_on_real_widths() -> None:
    if not torch.cuda.is_available():
        pytest.skip("needs CUDA")
    from planners.grammars.frames import QWEN_MAX_PIXELS

    model = _build("3b", "cuda", layers=2)
    shot = _image("3b", QWEN_MAX_PIXELS)
    ids = _turn_ids("3b", shot["image_grid_thw"][0], 500, 200)
    turn = Turn(ids, shot["pixel_values"], shot["image_grid_thw"])
    replies = [Episodes(model, 1, ids.shape[1] + 64, cuda_graph=graph).step(turn, 64)
               for graph in (False, True)]
    assert torch.equal(replies[0], replies[1])
