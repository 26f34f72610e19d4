"""Text typed into a password field never reaches the disk or the terminal in plain text.

The device receives the real text and the step keeps it in memory (the planner's history
needs it), but wherever a step is written or shown (`Step.to_dict` for steps.jsonl,
`Step.headline` for the log and the console) every secret typed so far in the episode is
replaced by `REDACTED`: in the executed action, the planner's action, thought and raw reply,
errors and notes, and later steps' thoughts that quote it. The placeholder is fixed, so the
secret's length is not kept either.

A typed text is a secret when the field it goes into is one the platform marks as a
password (`UIElement.password` on the screen the step was decided on): the action's target,
or the focused field when the action names none. The goal is left as the person wrote it: a
secret written into the goal is stored with the goal.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from devices.actions import Action, TypeText
from perception.elements import Screen, UIElement
from perception.sensitive import target_element

REDACTED = "[redacted]"  # what a stored or printed step shows instead of a secret

T = TypeVar("T")


def _field(action: TypeText, screen: Screen) -> UIElement | None:
    """The field the text goes into: the target, else the focused editable element."""
    if action.target is not None:
        return target_element(action, screen)
    return next((e for e in screen.elements if e.focused and e.editable), None)


def typed_secret(action: Action, screen: Screen) -> str | None:
    """The text `action` types into a password field of `screen`, or None."""
    if not isinstance(action, TypeText) or not action.text:
        return None
    field = _field(action, screen)
    return action.text if field is not None and field.password else None


def mask(value: T, secrets: Iterable[str]) -> T:
    """`value` (a string, or JSON-like lists and dicts of them) with every occurrence of
    every secret replaced by `REDACTED`; the longest first, so none leaves a part behind."""
    ordered = sorted({s for s in secrets if s}, key=len, reverse=True)
    return _mask(value, ordered) if ordered else value


def _mask(value: Any, secrets: list[str]) -> Any:
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, REDACTED)
        return value
    if isinstance(value, dict):
        return {k: _mask(v, secrets) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_mask(v, secrets) for v in value]
    return value
