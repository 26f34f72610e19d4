"""A fast greedy step for Qwen2-VL-family models: what `generate` does, without its overhead.

One `Episodes` object holds a batch of conversations that grow in lockstep, append-only
(system prompt, then per step: the user's turn with a screenshot, the model's reply). Each
step prefills only the tokens the cache has not seen, images included, and decodes greedily:

- the key/value cache is a `StaticCache` sized once, so its tensors never move;
- the multimodal RoPE positions of the new tokens are computed over the whole conversation
  (`get_rope_index`) and only the new slice is fed, with the new images' pixels only;
- one decode step (text model + head + argmax) is captured in a CUDA graph per batch size
  and replayed per token, which removes the per-layer Python and kernel-launch cost that
  dominates a 64-token reply; on a CPU the same step runs eagerly. `compile=True` hands the
  step to `torch.compile` instead (fused kernels, and a graph on CUDA), at a compile cost of
  about a minute per model and batch size.

`group_vision_windows` makes the vision tower's windowed attention one SDPA call per window
size instead of one per window (about 200 windows per layer for a 1080x2400 screenshot); the
arithmetic is the same.

The tokens are those of `generate` with greedy decoding (a test checks it on a tiny model).
Rows of a batch must have the same length (the same screen size and prompt layout); padding
is not supported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Turn:
    """The tokens a batch appends (B, L), and the pixels of the images among them."""

    input_ids: Any
    pixel_values: Any = None
    image_grid_thw: Any = None  # one row per image, in order, row 0's images first


class Episodes:
    """Conversations of one batch on one model. `max_len` bounds each conversation."""

    def __init__(self, model: Any, batch: int, max_len: int, cuda_graph: bool | None = None,
                 compile: bool = False) -> None:
        import torch
        from transformers import StaticCache

        self.model = model
        self.device = next(model.parameters()).device
        self.batch = batch
        self.max_len = max_len
        config = model.config
        self.cache = StaticCache(config=config, max_cache_len=max_len)
        self.ids = torch.empty(batch, 0, dtype=torch.long, device=self.device)
        self.grids = torch.empty(0, 3, dtype=torch.long, device=self.device)
        self.delta = torch.zeros(batch, 1, dtype=torch.long, device=self.device)
        self.image_token_id = config.image_token_id
        self.cuda_graph = self.device.type == "cuda" if cuda_graph is None else cuda_graph
        self._graph: Any = None
        self._pending: Any = None  # the reply's last token, fed at the start of the next turn
        self._step_fn = self._step
        if compile:  # inductor fuses the small kernels; on CUDA it also replays a graph
            self.cuda_graph = False
            self._step_fn = torch.compile(self._step, mode="reduce-overhead", fullgraph=True)
        if self.cuda_graph:
            self._capture()

    def reset(self) -> None:
        """Start new conversations in the same cache (a captured graph stays valid)."""
        import torch

        with torch.inference_mode():
            self.cache.reset()
        self.ids = self.ids[:, :0]
        self.grids = self.grids[:0]
        self._pending = None

    @property
    def length(self) -> int:
        return int(self.ids.shape[1])

    def _positions(self, ids: Any, grids: Any) -> tuple[Any, Any]:
        """3-D RoPE positions of every token of `ids`, and each row's offset for later text."""
        import torch

        mm = (ids == self.image_token_id).int()
        if not bool(mm.any()):
            pos = torch.arange(ids.shape[1], device=self.device).view(1, 1, -1)
            return pos.expand(3, ids.shape[0], -1), torch.zeros_like(self.delta)
        return self.model.model.get_rope_index(ids, mm_token_type_ids=mm, image_grid_thw=grids)

    def prefill(self, turn: Turn) -> Any:
        """Feed `turn`'s tokens; returns the greedy next token of each row (B, 1)."""
        import torch

        new = turn.input_ids.to(self.device)
        if new.shape[0] != self.batch:
            raise ValueError(f"a turn of {new.shape[0]} rows for a batch of {self.batch}")
        full = torch.cat([self.ids, new], dim=1)
        if full.shape[1] > self.max_len:
            raise ValueError(f"the conversation needs {full.shape[1]} tokens; "
                             f"the cache holds {self.max_len}")
        grids = self.grids
        if turn.image_grid_thw is not None:
            grids = torch.cat([grids, turn.image_grid_thw.to(self.device)])
        positions, self.delta = self._positions(full, grids)
        kwargs: dict[str, Any] = {}
        if turn.pixel_values is not None:
            kwargs = {"pixel_values": turn.pixel_values.to(self.device),
                      "image_grid_thw": turn.image_grid_thw.to(self.device)}
        with torch.inference_mode():
            out = self.model(input_ids=new, position_ids=positions[:, :, self.length:],
                             cache=self.cache, use_cache=True, logits_to_keep=1, **kwargs)
        self.ids, self.grids = full, grids
        return out.logits[:, -1].argmax(-1, keepdim=True)

    def _step(self, token: Any, position: Any) -> Any:
        hidden = self.model.model.language_model(
            input_ids=token, position_ids=position, cache=self.cache, use_cache=True
        ).last_hidden_state
        return self.model.lm_head(hidden[:, -1]).argmax(-1, keepdim=True)

    def _capture(self) -> None:
        """Record one decode step in a CUDA graph; the warm-up's cache writes are undone."""
        import torch

        token = torch.zeros(self.batch, 1, dtype=torch.long, device=self.device)
        position = torch.zeros(3, self.batch, 1, dtype=torch.long, device=self.device)
        layers = self.cache.layers
        stream = torch.cuda.Stream()
        stream.wait_stream(torch.cuda.current_stream())
        with torch.inference_mode(), torch.cuda.stream(stream):
            for _ in range(2):
                self._step(token, position)
        torch.cuda.current_stream().wait_stream(stream)
        graph = torch.cuda.CUDAGraph()
        with torch.inference_mode(), torch.cuda.graph(graph):
            out = self._step(token, position)
        with torch.inference_mode():
            for layer in layers:
                layer.cumulative_length.sub_(2)  # the two warm-up steps; capture runs none
        self._graph = (graph, token, position, out)

    def decode(self, first: Any, new_tokens: int, stop: frozenset[int] = frozenset()) -> Any:
        """`new_tokens` greedy tokens (B, n) starting with `first` (from `prefill`); they
        are appended to the conversation. With `stop` (a batch of one), decoding ends at the
        first of those tokens, which is returned last; without it callers cut the reply."""
        import torch

        if self.length + new_tokens > self.max_len:
            raise ValueError(f"{new_tokens} more tokens overflow the cache of {self.max_len}")
        out = torch.empty(self.batch, new_tokens, dtype=torch.long, device=self.device)
        out[:, :1] = first
        base = self.length + self.delta  # (B, 1): RoPE position of the token after the prompt
        if stop and self.batch != 1:
            raise ValueError("stop tokens need a batch of one")
        n = new_tokens
        with torch.inference_mode():
            for i in range(1, new_tokens):
                if stop and int(out[0, i - 1]) in stop:
                    n = i
                    break
                position = (base + (i - 1)).view(1, self.batch, 1).expand(3, -1, -1)
                if self._graph is None:
                    out[:, i:i + 1] = self._step_fn(out[:, i - 1:i], position)
                    continue
                graph, token_in, position_in, token_out = self._graph
                token_in.copy_(out[:, i - 1:i])
                position_in.copy_(position)
                graph.replay()
                out[:, i:i + 1] = token_out
        out = out[:, :n]
        # the last token was not fed: the next turn feeds it first
        self.ids = torch.cat([self.ids, out[:, :-1]], dim=1)
        self._pending = out[:, -1:]
        return out

    def step(self, turn: Turn, new_tokens: int, stop: frozenset[int] = frozenset()) -> Any:
        """One step of every row: the reply's last token (not yet fed) goes in front of
        `turn`, then prefill and decode. Returns the reply tokens (B, new_tokens or fewer
        with `stop`)."""
        import torch

        if self._pending is not None:
            turn = Turn(torch.cat([self._pending, turn.input_ids.to(self.device)], dim=1),
                        turn.pixel_values, turn.image_grid_thw)
            self._pending = None
        return self.decode(self.prefill(turn), new_tokens, stop)


def group_vision_windows(model: Any) -> None:
    """Give each attention module of `model`'s vision tower a forward that batches windows of
    equal length into one SDPA call (flash attention already packs them: left alone)."""
    from types import MethodType

    visual = model.model.visual
    if "flash" in str(visual.config._attn_implementation):
        return
    for block in visual.blocks:
        block.attn.forward = MethodType(_grouped_window_attention, block.attn)


def _grouped_window_attention(self: Any, hidden_states: Any, cu_seqlens: Any,
                              position_embeddings: Any = None, **_: Any) -> Any:
    import torch
    from torch.nn.functional import scaled_dot_product_attention as sdpa
    from transformers.models.qwen2_5_vl.modeling_qwen2_5_vl import apply_rotary_pos_emb_vision

    n = hidden_states.shape[0]
    q, k, v = self.qkv(hidden_states).reshape(n, 3, self.num_heads, -1).permute(1, 0, 2, 3)
    q, k = apply_rotary_pos_emb_vision(q, k, *position_embeddings)  # (n, heads, dim)
    out = torch.empty_like(v)
    starts, lengths = cu_seqlens[:-1], cu_seqlens[1:] - cu_seqlens[:-1]
    for length in sorted(set(lengths.tolist())):
        if length == 0:
            continue
        index = starts[lengths == length, None] + torch.arange(length, device=q.device)
        parts = [t[index].transpose(1, 2) for t in (q, k, v)]  # (windows, heads, length, dim)
        out[index] = sdpa(*parts, scale=self.scaling).transpose(1, 2)
    return self.proj(out.reshape(n, -1))
