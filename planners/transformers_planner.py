"""A planner running any image-text-to-text model locally through transformers.

CUDA when present (bf16, flash_attention_2 when flash_attn is installed, else sdpa), CPU
otherwise. The screenshot is sized by the family's own rule before the processor sees it, so
the coordinate frame is exact; it is then read back from the processor's `image_grid_thw`.

Conversation: one per episode, append-only, in the grammar's dialect (`planners.conversation`).

Episode cache (greedy decoding, Qwen2-VL / Qwen2.5-VL / Qwen3-VL): the planner keeps the
key/value cache of the whole conversation so far in a `vl_engine.Episodes` (a static cache,
multimodal RoPE positions computed over the whole conversation). Each step it renders the
conversation with the chat template; when the text the cache holds is a prefix of it, only
the rest (the last action's result, the new screenshot, the question) is prefilled, with the
new images only; else (the oldest screenshot left the window, another episode) it starts
again. The reply's own tokens stay in the cache as generated. `usage` reports
`prefilled_tokens` and `cached_prefix_tokens` per step. The tokens are those of `generate`
on the whole conversation (tests check it on tiny models), up to the retokenisation of
earlier replies.

Otherwise (sampling, other model types, `reuse_prefix_cache=False` for the first): each step
is one `generate` call over the whole conversation, with the system prompt's cache copied in
when `reuse_prefix_cache`.

Verification (`verify`, the `ModelVerifier` protocol): inside the conversation when the
action was decided there (the screenshot after it and the question are one more user turn,
the verdict one more reply); else the before and after screenshots go into a request of its
own, as two image placeholders in that order.
"""

from __future__ import annotations

import copy
import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from devices.actions import Action
from perception.elements import Screen
from planners.conversation import Chat, Conversation, Dialect
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
from planners.vlm import Prompt, no_app_notes, template_messages

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


_VISION_TOKENS = re.compile(r"<\|(?:image_pad|video_pad|vision_start|vision_end)\|>")
EPISODE_MODEL_TYPES = ("qwen2_vl", "qwen2_5_vl", "qwen3_vl")  # what `Episodes` serves


@dataclass
class _EpisodeCache:
    engine: Any  # a vl_engine.Episodes of one row
    text: str = ""  # the conversation text its cache holds (the pending token included)
    images: int = 0  # images among it


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
        dialect: Dialect | None = None,  # screenshots kept, language, a template of one's own
        context_tokens: int = 32768,  # the episode cache's length, tokens
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
        self.chat = Chat(self.grammar, self.rendering, device_kind, dialect)
        self.context_tokens = context_tokens
        self._episode: _EpisodeCache | None = None
        self.last_usage: dict[str, float] = {}
        self.stop_ids = _stop_ids(self.model, self.processor)

    @property
    def max_pixels(self) -> int | None:
        size = getattr(self.processor.image_processor, "size", None) or {}
        return size.get("longest_edge") or size.get("max_pixels")

    def decide(self, goal: str, screen: Screen, history: Sequence[PastStep]) -> Decision:
        """The next action, the conversation of the episode so far as the prompt."""
        conv = self.chat.step(goal, screen, history, self.max_pixels, self.app_notes)
        reply, usage, grid = self.converse(conv, self.sampling)
        self.chat.reply(reply)
        self.last_usage = usage  # kept when the reply does not parse
        decision = self.grammar.parse(reply, screen, self._frame(conv.frame, grid))
        return Decision(decision.action, decision.thought, reply, decision.confidence, usage)

    def converse(self, conv: Conversation, sampling: Sampling
                 ) -> tuple[str, dict[str, float], Any]:
        """The model's reply to `conv`, its usage, and the grid of its last image."""
        text = self.processor.apply_chat_template(conv.template_messages(),
                                                  add_generation_prompt=True, tokenize=False)
        images = conv.images()
        if self._episode_cache_fits(sampling):
            return self._continue_episode(text, images, sampling.max_new_tokens)
        inputs = self._encode_text(text, images)
        prompt = Prompt(conv.system, "", None, conv.frame)
        reply, usage = self._generate(inputs, sampling.generate_kwargs(),
                                      self._cache_for(prompt.system, inputs["input_ids"][0]),
                                      verbatim=True)
        usage["prefilled_tokens"] = usage["prompt_tokens"] - usage["cached_prefix_tokens"]
        return reply, usage, _last_grid(inputs)

    def _episode_cache_fits(self, sampling: Sampling) -> bool:
        return (self.reuse_prefix_cache and not sampling.do_sample
                and self.model.config.model_type in EPISODE_MODEL_TYPES)

    def _continue_episode(self, text: str, images: list[Any], max_new_tokens: int
                          ) -> tuple[str, dict[str, float], Any]:
        """Prefill what the episode cache has not seen, then decode greedily."""
        import torch

        from planners.vl_engine import Episodes, Turn

        cache = self._episode
        if cache is None:
            cache = self._episode = _EpisodeCache(Episodes(self.model, 1, self.context_tokens))
        elif not text.startswith(cache.text) or cache.images > len(images):
            cache.engine.reset()
            cache.text, cache.images = "", 0
        inputs = self._encode_text(text[len(cache.text):], images[cache.images:])
        fed = int(inputs["input_ids"].shape[1]) + (cache.engine.length > 0)
        started = time.perf_counter()
        with torch.inference_mode():
            tokens = cache.engine.step(Turn(inputs["input_ids"], inputs.get("pixel_values"),
                                            inputs.get("image_grid_thw")),
                                       max_new_tokens, self.stop_ids)[0]
        elapsed_ms = (time.perf_counter() - started) * 1000
        decode = self.processor.tokenizer.decode
        cache.text, cache.images = text + decode(tokens), len(images)
        reply = self.reply_text(tokens)
        prompt_tokens = cache.engine.length + 1 - len(tokens)
        usage = {"prompt_tokens": float(prompt_tokens), "prefilled_tokens": float(fed),
                 "cached_prefix_tokens": float(prompt_tokens - fed),
                 "completion_tokens": float(len(tokens)), "generate_ms": elapsed_ms,
                 "tokens_per_s": len(tokens) / max(elapsed_ms / 1000, 1e-9)}
        return reply, usage, _last_grid(inputs)

    def reply_text(self, tokens: Any) -> str:
        """The reply as the model wrote it, up to its end-of-sequence token, special tokens
        (UI-TARS' box markers) kept, image placeholders taken out (the processor would
        read them as images when the conversation is prefilled again)."""
        ids = [int(t) for t in tokens]
        cut = next((i for i, t in enumerate(ids) if t in self.stop_ids), len(ids))
        text = self.processor.tokenizer.decode(ids[:cut], skip_special_tokens=False)
        return _VISION_TOKENS.sub("", text)

    def verify(self, goal: str, action: Action, before: Screen, after: Screen) -> Verification:
        """Ask the model whether `action` worked, from the before/after screenshots (inside
        the episode's conversation when `before` is its last screen). `ParseError` (with
        the raw reply) when the reply holds no single valid verdict."""
        conv = self.chat.verification(action, before, after, self.max_pixels)
        if conv is not None:
            reply, usage, _ = self.converse(conv, VERIFY_SAMPLING)
            self.chat.reply(reply, decision=False)
            log.debug("verification: %d tokens prefilled", usage["prefilled_tokens"])
            return parse_verdict(reply)
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
        return self._encode_text(text, images)

    def _encode_text(self, text: str, images: list[Any]) -> Any:
        inputs = self.processor(text=[text], images=images or None, return_tensors="pt")
        if images and "pixel_values" not in inputs:
            raise PlannerError("the processor dropped the images (no pixel_values)")
        grid = inputs.get("image_grid_thw")
        if images and grid is not None and len(grid) != len(images):
            raise PlannerError(f"the processor made {len(grid)} image grids "
                               f"for {len(images)} images")
        return inputs.to(self.device)

    def _frame(self, frame: Frame, grid: Any) -> Frame:
        """The resized frame as the processor really made it (from a row of
        image_grid_thw); `frame` when there is none (no new image this step)."""
        if frame.kind is not FrameKind.RESIZED or grid is None:
            return frame
        patch = getattr(self.processor.image_processor, "patch_size", 14)
        _, h, w = (int(v) for v in grid)
        return Frame(FrameKind.RESIZED, frame.device_wh, (w * patch, h * patch))

    def generate(self, prompt: Prompt, inputs: Any) -> tuple[str, dict[str, float]]:
        cached = self._cache_for(prompt.system, inputs["input_ids"][0])
        return self._generate(inputs, self.sampling.generate_kwargs(), cached)

    def _generate(self, inputs: Any, sampling: dict[str, Any], cached: _PrefixCache | None,
                  verbatim: bool = False) -> tuple[str, dict[str, float]]:
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
        reply = (self.reply_text(new) if verbatim
                 else self.processor.tokenizer.decode(new, skip_special_tokens=True))
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


def _last_grid(inputs: Any) -> Any:
    grid = inputs.get("image_grid_thw")
    return grid[-1] if grid is not None and len(grid) else None


def _stop_ids(model: Any, processor: Any) -> frozenset[int]:
    """The tokens that end a reply: the generation config's end-of-sequence ids."""
    eos = getattr(getattr(model, "generation_config", None), "eos_token_id", None)
    if eos is None:
        eos = getattr(getattr(processor, "tokenizer", None), "eos_token_id", None)
    return frozenset([eos] if isinstance(eos, int) else eos or [])


def _reset_rope(model: Any) -> None:
    """Forget the RoPE offsets of the last call (Qwen2-VL keeps them between generates)."""
    inner = getattr(model, "model", None)
    if inner is not None and hasattr(inner, "rope_deltas"):
        inner.rope_deltas = None
