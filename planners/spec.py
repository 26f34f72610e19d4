"""`--planner` specifications: which VLM backend, which model, which grammar.

    transformers:MODEL_ID_OR_PATH           a local transformers model
    openai:MODEL@BASE_URL                   an OpenAI-compatible server
    ...#GRAMMAR                             optional grammar override (som_json, uitars,
                                            uitars_v1, qwen_mobile, qwen2_mobile,
                                            qwen3_mobile)

Without an override the grammar is inferred from the model's name (`infer_grammar`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from planners.grammars import GRAMMARS, infer_grammar
from planners.planner import Planner

BACKENDS = ("transformers", "openai")
_OPENAI = re.compile(r"^(?P<model>[^@]+)@(?P<url>https?://\S+)$")


class SpecError(ValueError):
    """The planner specification is malformed (a configuration fault)."""


@dataclass(frozen=True)
class PlannerSpec:
    backend: str  # "transformers" or "openai"
    model: str  # hub id, local path, or the server's model name
    grammar: str
    base_url: str | None = None  # openai only


def _split_grammar(text: str, override: str | None) -> tuple[str, str | None]:
    body, sep, suffix = text.rpartition("#")
    if sep and suffix in GRAMMARS:
        return body, override or suffix
    return text, override


def parse_spec(text: str, grammar: str | None = None) -> PlannerSpec:
    """The spec in `text`; `grammar` overrides both the `#GRAMMAR` suffix and inference."""
    backend, sep, rest = text.strip().partition(":")
    if not sep or backend not in BACKENDS or not rest:
        raise SpecError(f"planner spec must be transformers:MODEL or openai:MODEL@URL, "
                        f"got {text!r}")
    rest, override = _split_grammar(rest, grammar)
    if override is not None and override not in GRAMMARS:
        raise SpecError(f"unknown grammar {override!r}; known: {', '.join(GRAMMARS)}")
    if backend == "transformers":
        return PlannerSpec(backend, rest, override or infer_grammar(rest))
    match = _OPENAI.match(rest)
    if not match:
        raise SpecError(f"openai spec must be openai:MODEL@http(s)://HOST/..., got {text!r}")
    model = match["model"]
    return PlannerSpec(backend, model, override or infer_grammar(model), match["url"])


def build_planner(spec: PlannerSpec, **options: Any) -> Planner:
    """The planner a spec names; `options` go to its constructor (rendering, timeout_s, ...)."""
    if spec.backend == "openai":
        from planners.openai_compat import OpenAICompatiblePlanner

        return OpenAICompatiblePlanner(spec.model, spec.base_url or "", grammar=spec.grammar,
                                       **options)
    from planners.transformers_planner import TransformersPlanner

    return TransformersPlanner(spec.model, grammar=spec.grammar, **options)
