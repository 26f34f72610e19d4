"""Reasoning blocks that thinking models write before their answer.

Qwen3 "Thinking" models, QwQ-style and DeepSeek-R1-style models write `<think>...</think>`
and then the answer; their chat templates often open the block in the prompt, so the reply
holds only its end: `...reasoning...</think>` answer. A server with a reasoning parser
(vLLM's `--reasoning-parser`) strips the block itself. The action is read from the answer
only, so an example call inside the reasoning is never taken for the action.
"""

from __future__ import annotations

import re

from planners.errors import ParseError

_CLOSED = re.compile(r"^\s*(?:<(think|thinking)>)?(.*?)</(think|thinking)>", re.DOTALL)
_OPEN = re.compile(r"^\s*<(think|thinking)>", re.DOTALL)


def split_reasoning(reply: str) -> tuple[str, str]:
    """(reasoning, answer). A reply without a reasoning block is all answer; one whose
    block never closes (cut off by the token limit) is a `ParseError`."""
    match = _CLOSED.match(reply)
    if match:
        return match.group(2).strip(), reply[match.end():]
    if _OPEN.match(reply):
        raise ParseError("the reply ends inside its <think> block, before any action", reply)
    return "", reply
