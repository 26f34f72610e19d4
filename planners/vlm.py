"""Prompt building shared by the vision-language planners, whatever the backend.

One `Prompt` holds a system text that never changes within an episode (role, the rule
that screen content is data, the action space generated from the action types, the
grammar's output format), a user text (goal, history, screen rendering), at most one
image, and the coordinate `Frame` in which the reply will be read.

Renderings: "som" (numbered boxes on the screenshot plus the element list), "text" (the
element list only, no image), "screenshot" (the plain screenshot; coordinates grammars).
For grammars that speak resized-image pixels the screenshot is resized here with the
family's own `smart_resize` rule, so a server's processor leaves it as is and the frame is
known exactly.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from PIL import Image

from devices.actions import describe
from perception import downscale, render_som, render_text
from perception.elements import Screen
from planners.errors import PlannerError
from planners.grammars import Grammar
from planners.grammars.frames import Frame, FrameKind, smart_resize
from planners.planner import PastStep

RENDERINGS = ("som", "text", "screenshot")
SOM_MAX_SIDE = 1344  # px: longer side of the set-of-mark image for element grammars
HISTORY_LIMIT = 10  # most recent steps shown
_OPEN, _CLOSE = "<screen_content>", "</screen_content>"


@dataclass(frozen=True)
class Prompt:
    system: str  # identical for every step with the same grammar and device kind
    user: str
    image: Image.Image | None
    frame: Frame


def load_template(name: str) -> str:
    """A prompt template shipped in planners/prompts/."""
    return resources.files("planners.prompts").joinpath(name).read_text(encoding="utf-8")


def system_prompt(grammar: Grammar, device: str = "phone") -> str:
    """The unchanging part of the prompt: role, data rule, actions, output format."""
    text = load_template("system.md")
    for key, value in (("{device}", device), ("{action_space}", grammar.render_action_space()),
                       ("{output_format}", load_template(grammar.prompt).strip())):
        text = text.replace(key, value)
    return text.strip()


def quote_screen(text: str) -> str:
    """Screen text inside the data markers, with any marker look-alikes defused."""
    safe = text.replace("<screen_content", "‹screen_content").replace(
        "</screen_content", "‹/screen_content")
    return f"{_OPEN}\n{safe}\n{_CLOSE}"


def history_text(history: Sequence[PastStep], limit: int = HISTORY_LIMIT) -> str:
    """The recent steps, one line each: action, outcome, the mistake fed back."""
    if not history:
        return "(none yet)"
    shown = list(history)[-limit:]
    first = len(history) - len(shown) + 1
    lines = [] if first == 1 else [f"({first - 1} earlier steps not shown)"]
    for number, step in enumerate(shown, start=first):
        what = describe(step.action) if step.action is not None else "(nothing executed)"
        parts = [f"{number}. {what}"]
        if step.outcome:
            parts.append(f"-> {step.outcome}")
        if step.error:
            parts.append(f"[error: {step.error}]")
        lines.append(" ".join(parts))
    return "\n".join(lines)


def _screenshot(screen: Screen) -> Image.Image:
    if screen.screenshot is None:
        raise PlannerError("this rendering needs a screenshot, and the screen has none")
    return screen.screenshot.convert("RGB")


def _resized(image: Image.Image, grammar: Grammar, max_pixels: int | None) -> Image.Image:
    budget = min(max_pixels or grammar.max_pixels, grammar.max_pixels)
    h, w = smart_resize(image.height, image.width, min_pixels=grammar.min_pixels,
                        max_pixels=budget)
    return image if (w, h) == image.size else image.resize((w, h), Image.Resampling.BICUBIC)


def screen_image(screen: Screen, grammar: Grammar, rendering: str,
                 max_pixels: int | None = None) -> Image.Image | None:
    """The image shown to the model for this rendering, already sized for its family."""
    if rendering == "text":
        return None
    base = render_som(screen, screen.screenshot) if rendering == "som" else _screenshot(screen)
    if grammar.frame in (FrameKind.RESIZED, FrameKind.NORMALIZED_1000):
        return _resized(base, grammar, max_pixels)
    return downscale(base, SOM_MAX_SIDE)


def frame_for(screen: Screen, grammar: Grammar, image: Image.Image | None) -> Frame:
    device = (screen.width, screen.height)
    if grammar.frame is FrameKind.RESIZED:
        if image is None:
            raise PlannerError(f"grammar {grammar.name} needs an image rendering")
        return Frame(FrameKind.RESIZED, device, image.size)
    return Frame(grammar.frame, device)


def user_prompt(goal: str, screen: Screen, history: Sequence[PastStep], rendering: str,
                frame: Frame, app_notes: str = "") -> str:
    lines = [f"Task: {goal}", "", "Steps so far:", history_text(history), ""]
    if app_notes:
        lines += ["This app's screens and where things are, from exploring it earlier:",
                  quote_screen(app_notes), ""]
    app = f" of app {screen.app}" if screen.app else ""
    lines.append(f"Current screen{app}, {screen.width}x{screen.height} px.")
    if rendering == "screenshot":
        lines.append(f"The screenshot is attached; {frame.describe()}.")
    else:
        if rendering == "som":
            lines.append("The screenshot with numbered elements is attached.")
        lines += ["Elements (id role label states):", quote_screen(render_text(screen))]
    lines += ["", "What is the next action?"]
    return "\n".join(lines)


def no_app_notes(package: str) -> str:
    """The default source of app notes: none. A planner's `app_notes` is replaced by an
    exploration memory's `describe` when one exists for the device."""
    return ""


def build_prompt(goal: str, screen: Screen, history: Sequence[PastStep], grammar: Grammar,
                 rendering: str | None = None, device: str = "phone",
                 max_pixels: int | None = None, app_notes: str = "") -> Prompt:
    """Everything a backend sends for one step; `app_notes` describes the current app from
    an exploration memory (quoted like screen content: data, never instructions)."""
    rendering = rendering or grammar.default_rendering
    if rendering not in RENDERINGS:
        raise ValueError(f"rendering must be one of {RENDERINGS}, got {rendering!r}")
    image = screen_image(screen, grammar, rendering, max_pixels)
    frame = frame_for(screen, grammar, image)
    user = user_prompt(goal, screen, history, rendering, frame, app_notes)
    return Prompt(system_prompt(grammar, device), user, image, frame)


def image_data_url(image: Image.Image, fmt: str = "png") -> str:
    """The image as a base64 data URL (PNG, or JPEG at quality 90)."""
    buffer = io.BytesIO()
    if fmt == "jpeg":
        image.convert("RGB").save(buffer, format="JPEG", quality=90)
    else:
        image.save(buffer, format="PNG")
    return f"data:image/{fmt};base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def openai_messages(prompt: Prompt, image_format: str = "png") -> list[dict[str, Any]]:
    """Chat-completions messages: system text, then the user's text and image parts."""
    content: list[dict[str, Any]] = [{"type": "text", "text": prompt.user}]
    if prompt.image is not None:
        url = image_data_url(prompt.image, image_format)
        content.append({"type": "image_url", "image_url": {"url": url}})
    return [{"role": "system", "content": prompt.system}, {"role": "user", "content": content}]


def template_messages(prompt: Prompt) -> list[dict[str, Any]]:
    """Messages for a transformers chat template; the image goes in as a placeholder part."""
    content: list[dict[str, Any]] = []
    if prompt.image is not None:
        content.append({"type": "image"})
    content.append({"type": "text", "text": prompt.user})
    return [{"role": "system", "content": [{"type": "text", "text": prompt.system}]},
            {"role": "user", "content": content}]
