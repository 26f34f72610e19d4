"""A planner running any image-text-to-text model locally through transformers.

CUDA when present (bf16, flash_attention_2 when flash_attn is installed, else sdpa), CPU
otherwise. The screenshot is sized by the family's own rule before the processor sees it, so
the coordinate frame is exact; it is then read back from the processor's `image_grid_thw`.

Prefix cache: the system prompt (role, data rule, action space, output format) is the same
at every step. Its key/value cache is computed once and a copy is handed to `generate` at
each step, so only the goal, history and image are prefilled. Qwen2-VL's multimodal RoPE
handles this in transformers 5 (positions of the new image tokens are computed over the
whole sequence); the equivalence is checked by a test with greedy decoding. Set
`reuse_prefix_cache=False` to turn it off.

Verification (`verify`, the `ModelVerifier` protocol): the before and after screenshots go
into one user message as two image placeholders, the processor gets both images in that
order; the reply is short and greedy and read by `parse_verdict`. The verifier's system
prompt differs from the planner's, so the prefix cache is not used for it.
"""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from devices.actions import Action
from perception.elements import Screen
from planners.errors import PlannerError
from planners.grammars import Frame, FrameKind, Grammar, get_grammar, infer_grammar
from planners.hf_loading import load_model, load_processor, pick_device, pick_dtype
from planners.planner import Decision, PastStep
from planners.verify_prompt import (
    Verification,
    VerifyPrompt,
    build_verify_prompt,
    parse_verdict,
    verify_template_messages,
)
from planners.vlm import Prompt, build_prompt, no_app_notes, template_messages

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sampling:
    max_new_tokens: int = 256
    do_sample: bool = False  # greedy by default
    temperature: float = 0.7  # only when sampling
    top_p: float = 0.9  # only when sampling

    def generate_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"max_new_tokens": self.max_new_tokens,
                                  "do_sample": self.do_sample}
        if self.do_sample:
            kwargs.update(temperature=self.temperature, top_p=self.top_p)
        else:
            kwargs.update(temperature=None, top_p=None, top_k=None)
        return kwargs


VERIFY_SAMPLING = Sampling(max_new_tokens=128)  # one JSON verdict with a one-sentence reason


@dataclass
class _PrefixCache:
    ids: Any  # 1-D tensor of the system prefix's token ids
    cache: Any  # its past_key_values


class TransformersPlanner:
    """Loads `model_id_or_path` once; each `decide` is one generate call."""

    def __init__(
        self,
        model_id_or_path: str,
        grammar: str | Grammar | None = None,  # None: inferred from the model's name
        device: str | None = None,  # "cuda", "cpu", "cuda:1"; None: CUDA when present
        dtype: str | None = None,  # "bfloat16", "float32"; None: bf16 on CUDA, fp32 on CPU
        max_new_tokens: int = 256,
        rendering: str | None = None,
        sampling: Sampling | None = None,
        reuse_prefix_cache: bool = True,
        device_kind: str = "phone",  # the word the prompt uses for the device
        model: Any = None,  # an already loaded model and processor (skips loading)
        processor: Any = None,
    ) -> None:
        self.app_notes: Callable[[str], str] = no_app_notes  # package -> notes
        grammar = grammar or infer_grammar(model_id_or_path)
        self.grammar = get_grammar(grammar) if isinstance(grammar, str) else grammar
        self.rendering = rendering or self.grammar.default_rendering
        self.sampling = sampling or Sampling(max_new_tokens=max_new_tokens)
        self.device = pick_device(device)
        self.device_kind = device_kind
        self.reuse_prefix_cache = reuse_prefix_cache
        self.name = f"transformers:{model_id_or_path}"
        started = time.perf_counter()
        self.model = model if model is not None else load_model(
            model_id_or_path, self.device, pick_dtype(self.device, dtype))
        self.processor = processor if processor is not None else load_processor(
            model_id_or_path, self.model.config.model_type)
        self.load_ms = (time.perf_counter() - started) * 1000
        self._prefix: dict[str, _PrefixCache] = {}

    @property
    def max_pixels(self) -> int | None:
        size = getattr(self.processor.image_processor, "size", None) or {}
        return size.get("longest_edge") or size.get("max_pixels")

    def decide(self, goal: str, screen: Screen, history: Sequence[PastStep]) -> Decision:
        prompt = build_prompt(goal, screen, history, self.grammar, self.rendering,
                              self.device_kind, self.max_pixels,
                              app_notes=self.app_notes(screen.app))
        inputs = self.encode(prompt)
        frame = self._frame(prompt.frame, inputs)
        reply, usage = self.generate(prompt, inputs)
        decision = self.grammar.parse(reply, screen, frame)
        return Decision(decision.action, decision.thought, reply, decision.confidence, usage)

    def verify(self, goal: str, action: Action, before: Screen, after: Screen) -> Verification:
        """Ask the model whether `action` worked, from the before/after screenshots.
        `ParseError` (with the raw reply) when the reply holds no single valid verdict."""
        prompt = build_verify_prompt(goal, action, before, after, self.device_kind)
        inputs = self.encode_verify(prompt)
        reply, usage = self._generate(inputs, VERIFY_SAMPLING.generate_kwargs(), cached=None)
        log.debug("verification: %d prompt tokens, %.0f ms", usage["prompt_tokens"],
                  usage["generate_ms"])
        return parse_verdict(reply)

    def encode(self, prompt: Prompt) -> Any:
        """The processor's tensors for this prompt, on the model's device."""
        images = [prompt.image] if prompt.image is not None else []
        return self._encode(template_messages(prompt), images)

    def encode_verify(self, prompt: VerifyPrompt) -> Any:
        """The processor's tensors for a verification: BEFORE then AFTER, two images."""
        return self._encode(verify_template_messages(prompt), [prompt.before, prompt.after])

    def _encode(self, messages: list[dict[str, Any]], images: list[Any]) -> Any:
        text = self.processor.apply_chat_template(messages, add_generation_prompt=True,
                                                  tokenize=False)
        inputs = self.processor(text=[text], images=images or None, return_tensors="pt")
        if images and "pixel_values" not in inputs:
            raise PlannerError("the processor dropped the images (no pixel_values)")
        grid = inputs.get("image_grid_thw")
        if images and grid is not None and len(grid) != len(images):
            raise PlannerError(f"the processor made {len(grid)} image grids "
                               f"for {len(images)} images")
        return inputs.to(self.device)

    def _frame(self, frame: Frame, inputs: Any) -> Frame:
        """The resized frame as the processor really made it (from image_grid_thw)."""
        grid = inputs.get("image_grid_thw")
        if frame.kind is not FrameKind.RESIZED or grid is None:
            return frame
        patch = getattr(self.processor.image_processor, "patch_size", 14)
        _, h, w = (int(v) for v in grid[0])
        return Frame(FrameKind.RESIZED, frame.device_wh, (w * patch, h * patch))

    def generate(self, prompt: Prompt, inputs: Any) -> tuple[str, dict[str, float]]:
        cached = self._cache_for(prompt.system, inputs["input_ids"][0])
        return self._generate(inputs, self.sampling.generate_kwargs(), cached)

    def _generate(self, inputs: Any, sampling: dict[str, Any], cached: _PrefixCache | None
                  ) -> tuple[str, dict[str, float]]:
        """One generate call; `cached` is a prefix of `inputs` whose cache is copied in."""
        import torch

        kwargs = dict(inputs) | sampling
        if cached is not None:
            kwargs["past_key_values"] = copy.deepcopy(cached.cache)
        _reset_rope(self.model)
        started = time.perf_counter()
        with torch.inference_mode():
            output = self.model.generate(**kwargs)
        elapsed_ms = (time.perf_counter() - started) * 1000
        prompt_tokens = inputs["input_ids"].shape[1]
        new = output[0, prompt_tokens:]
        reply = self.processor.tokenizer.decode(new, skip_special_tokens=True)
        usage = {"prompt_tokens": float(prompt_tokens), "completion_tokens": float(len(new)),
                 "cached_prefix_tokens": float(len(cached.ids) if cached else 0),
                 "generate_ms": elapsed_ms,
                 "tokens_per_s": len(new) / max(elapsed_ms / 1000, 1e-9)}
        return reply, usage

    def _cache_for(self, system: str, input_ids: Any) -> _PrefixCache | None:
        if not self.reuse_prefix_cache:
            return None
        if system not in self._prefix:
            self._prefix[system] = self._compute_prefix(system)
        prefix = self._prefix[system]
        n = len(prefix.ids)
        if n >= len(input_ids) or not bool((input_ids[:n] == prefix.ids).all()):
            log.info("prompt does not start with the cached prefix; prefilling it all")
            return None
        return prefix

    def _compute_prefix(self, system: str) -> _PrefixCache:
        import torch

        messages = [{"role": "system", "content": [{"type": "text", "text": system}]}]
        text = self.processor.apply_chat_template(messages, tokenize=False)
        ids = self.processor.tokenizer(text, return_tensors="pt", add_special_tokens=False)
        ids = ids["input_ids"].to(self.device)
        _reset_rope(self.model)
        with torch.inference_mode():
            out = self.model(input_ids=ids, use_cache=True)
        return _PrefixCache(ids=ids[0], cache=out.past_key_values)


def _reset_rope(model: Any) -> None:
    """Forget the RoPE offsets of the last call (Qwen2-VL keeps them between generates)."""
    inner = getattr(model, "model", None)
    if inner is not None and hasattr(inner, "rope_deltas"):
        inner.rope_deltas = None
