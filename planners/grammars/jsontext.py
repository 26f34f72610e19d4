"""Finding JSON objects inside a model's reply: `json` module only, never eval."""

from __future__ import annotations

import json
import re
from typing import Any

_DECODER = json.JSONDecoder()
_FENCE = re.compile(r"```[a-zA-Z0-9_-]*\s*\n?(.*?)```", re.DOTALL)


def strict_object(text: str) -> dict[str, Any] | None:
    """The reply parsed as one JSON object when it is exactly that, else None."""
    try:
        value = json.loads(text.strip())
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def embedded_objects(text: str) -> list[dict[str, Any]]:
    """Every top-level JSON object found in free text (prose, code fences), in order."""
    found: list[dict[str, Any]] = []
    i = 0
    while (start := text.find("{", i)) != -1:
        try:
            value, end = _DECODER.raw_decode(text, start)
        except ValueError:
            i = start + 1
            continue
        if isinstance(value, dict):
            found.append(value)
        i = end
    return found


def unfenced(text: str) -> str:
    """The inside of the code fences when the reply has any, else the reply."""
    blocks = _FENCE.findall(text)
    return "\n".join(blocks) if blocks else text
