"""Verification by a model: did the action do what it meant to? Before/after screenshots in,
one strict verdict out: worked, wrong_page or no_change.

Parsing: strict first (the reply is exactly `{"verdict": ..., "reason": ...}`); the one
fallback: exactly one such object inside other text (code fence, prose). Anything else,
an unknown verdict included, raises `ParseError` with the raw reply.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from PIL import Image

from devices.actions import Action, describe
from perception import downscale
from perception.elements import Screen
from planners.errors import ParseError, PlannerError
from planners.grammars.jsontext import embedded_objects, strict_object, unfenced
from planners.vlm import image_data_url, load_template

MAX_SIDE = 1024  # px: longer side of each screenshot sent for verification


class Verdict(StrEnum):
    WORKED = "worked"
    WRONG_PAGE = "wrong_page"
    NO_CHANGE = "no_change"


@dataclass(frozen=True)
class Verification:
    verdict: Verdict
    reason: str = ""
    raw: str = ""


@runtime_checkable
class ModelVerifier(Protocol):
    """A planner that can also judge, from before/after screenshots, whether an action
    worked. The loop asks only when its own tree and pixel checks could not confirm it."""

    def verify(self, goal: str, action: Action, before: Screen, after: Screen
               ) -> Verification: ...


@dataclass(frozen=True)
class VerifyPrompt:
    system: str
    user: str
    before: Image.Image
    after: Image.Image


def _image(screen: Screen, which: str) -> Image.Image:
    if screen.screenshot is None:
        raise PlannerError(f"verification needs the {which} screenshot")
    return downscale(screen.screenshot.convert("RGB"), MAX_SIDE)


def build_verify_prompt(goal: str, action: Action, before: Screen, after: Screen,
                        device: str = "phone") -> VerifyPrompt:
    system = load_template("verify.md").replace("{device}", device)
    system = system.replace("{verdicts}", load_template("verdicts.md").strip()).strip()
    user = (f"Task: {goal}\nAction taken: {describe(action)}\n"
            "The first image is BEFORE the action, the second AFTER it. Your verdict?")
    return VerifyPrompt(system, user, _image(before, "before"), _image(after, "after"))


def verify_question(action_text: str) -> str:
    """The verification asked inside an episode's conversation, about `action_text` (the
    action as the model wrote it, in its own frame)."""
    text = load_template("verify_turn.md").replace("{action}", action_text)
    return text.replace("{verdicts}", load_template("verdicts.md").strip()).strip()


def verify_messages(prompt: VerifyPrompt, image_format: str = "png") -> list[dict[str, Any]]:
    """Chat-completions messages for the verification request."""
    parts: list[dict[str, Any]] = [{"type": "text", "text": prompt.user}]
    for image in (prompt.before, prompt.after):
        parts.append({"type": "image_url",
                      "image_url": {"url": image_data_url(image, image_format)}})
    return [{"role": "system", "content": prompt.system}, {"role": "user", "content": parts}]


def verify_template_messages(prompt: VerifyPrompt) -> list[dict[str, Any]]:
    """Messages for a transformers chat template: two image placeholders, BEFORE then AFTER
    (the processor gets the two images in that order), then the question."""
    content: list[dict[str, Any]] = [{"type": "image"}, {"type": "image"},
                                     {"type": "text", "text": prompt.user}]
    return [{"role": "system", "content": [{"type": "text", "text": prompt.system}]},
            {"role": "user", "content": content}]


def _verdict_object(reply: str) -> dict[str, Any]:
    strict = strict_object(reply)
    if strict is not None:
        return strict
    found = [o for o in embedded_objects(unfenced(reply)) if "verdict" in o]
    if len(found) != 1:
        raise ParseError("no verdict object" if not found else "more than one verdict", reply)
    return found[0]


def parse_verdict(reply: str) -> Verification:
    """The verdict in a verification reply; `ParseError` when there is not exactly one."""
    obj = _verdict_object(reply)
    value = obj.get("verdict")
    if value not in {v.value for v in Verdict}:
        raise ParseError(f"verdict must be one of {[v.value for v in Verdict]}, got {value!r}",
                         reply)
    reason = obj.get("reason", "")
    return Verification(Verdict(value), reason if isinstance(reason, str) else "", reply)
