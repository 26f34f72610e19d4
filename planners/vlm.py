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
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

from PIL import Image

from devices.actions import Action, Point, Swipe, describe, target_of, with_target
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


def tools_block(grammar: Grammar, frame: Frame, device: str = "phone") -> str:
    """The grammar's function schema as JSON inside <tools></tools>, the resolution of the
    model's own frame written into it (how the Qwen agents present `mobile_use`)."""
    if grammar.tools is None:
        raise ValueError(f"grammar {grammar.name} has no function schema")
    schema = grammar.tools(*frame.extent(), device)
    return ("You may call the function whose signature is given as JSON inside "
            f"<tools></tools>:\n<tools>\n{json.dumps(schema, ensure_ascii=False)}\n</tools>")


def action_space(grammar: Grammar, frame: Frame | None, device: str = "phone") -> str:
    """The actions as the family expects them: its function schema in <tools> when it has
    one and the frame is known, else the generated action list."""
    if grammar.tools is not None and frame is not None:
        return tools_block(grammar, frame, device)
    return grammar.render_action_space()


def output_format(grammar: Grammar, language: str = "English") -> str:
    text = load_template(grammar.prompt).strip()
    if grammar.language_line:
        text += f"\nWrite the Thought in {language}."
    return text


def fill(template: str, values: dict[str, str]) -> str:
    """`template` with each `{name}` of `values` replaced (other braces are left alone)."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def system_prompt(grammar: Grammar, device: str = "phone", frame: Frame | None = None,
                  language: str = "English") -> str:
    """The unchanging part of the prompt: role, data rule, actions, output format."""
    values = {"device": device, "action_space": action_space(grammar, frame, device),
              "output_format": output_format(grammar, language)}
    return fill(load_template("system.md"), values).strip()


def quote_screen(text: str) -> str:
    """Screen text inside the data markers, with any marker look-alikes defused."""
    safe = text.replace("<screen_content", "‹screen_content").replace(
        "</screen_content", "‹/screen_content")
    return f"{_OPEN}\n{safe}\n{_CLOSE}"


def describe_in_frame(action: Action, frame: Frame | None) -> str:
    """`describe(action)` with its points written in the model's own `frame`."""
    if frame is None or frame.kind is FrameKind.PIXELS:
        return describe(action)

    def moved(p: Point) -> Point:
        x, y = frame.from_device(p)
        return Point(int(x), int(y)) if frame.kind is not FrameKind.FRACTION else p

    if isinstance(action, Swipe):
        action = replace(action, start=moved(action.start), end=moved(action.end))
    elif isinstance(target_of(action), Point):
        action = with_target(action, moved(target_of(action)))  # type: ignore[arg-type]
    return describe(action)


def history_text(history: Sequence[PastStep], limit: int = HISTORY_LIMIT,
                 frame: Frame | None = None) -> str:
    """The recent steps, one line each: action (its points in `frame` when given), outcome,
    the mistake fed back."""
    if not history:
        return "(none yet)"
    shown = list(history)[-limit:]
    first = len(history) - len(shown) + 1
    lines = [] if first == 1 else [f"({first - 1} earlier steps not shown)"]
    for number, step in enumerate(shown, start=first):
        what = (describe_in_frame(step.action, frame) if step.action is not None
                else "(nothing executed)")
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


def notes_lines(app_notes: str) -> list[str]:
    if not app_notes:
        return []
    return ["This app's screens and where things are, from exploring it earlier:",
            quote_screen(app_notes), ""]


def user_prompt(goal: str, screen: Screen, history: Sequence[PastStep], rendering: str,
                frame: Frame, app_notes: str = "") -> str:
    lines = [f"Task: {goal}", "", "Steps so far:", history_text(history, frame=frame), ""]
    lines += notes_lines(app_notes)
    lines += screen_lines(screen, rendering, frame)
    return "\n".join(lines)


def screen_lines(screen: Screen, rendering: str, frame: Frame, image_shown: bool = True
                 ) -> list[str]:
    """The current screen in words: app, size, the frame of the screenshot, and for element
    renderings the element list; then the question."""
    app = f" of app {screen.app}" if screen.app else ""
    lines = [f"Current screen{app}, {screen.width}x{screen.height} px."]
    where = "attached" if image_shown else "the last one shown above"
    if rendering == "screenshot":
        lines.append(f"The screenshot is {where}; {frame.describe()}.")
    else:
        if rendering == "som":
            lines.append(f"The screenshot with numbered elements is {where}.")
        lines += ["Elements (id role label states):", quote_screen(render_text(screen))]
    lines += ["", "What is the next action?"]
    return lines


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
    return Prompt(system_prompt(grammar, device, frame), user, image, frame)


def image_data_url(image: Image.Image, fmt: str = "png") -> str:
    """The image as a base64 data URL (PNG, or JPEG at quality 90)."""
    buffer = io.BytesIO()
    if fmt == "jpeg":
        image.convert("RGB").save(buffer, format="JPEG", quality=90)
    else:
        image.save(buffer, format="PNG")
    return f"data:image/{fmt};base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def openai_messages(prompt: Prompt, image_format: str = "png") -> list[dict[str, Any]]:
    """Chat-completions messages: system text, then the user's image and text parts (the
    image first, as in `template_messages`)."""
    content: list[dict[str, Any]] = []
    if prompt.image is not None:
        url = image_data_url(prompt.image, image_format)
        content.append({"type": "image_url", "image_url": {"url": url}})
    content.append({"type": "text", "text": prompt.user})
    return [{"role": "system", "content": prompt.system}, {"role": "user", "content": content}]


def template_messages(prompt: Prompt) -> list[dict[str, Any]]:
    """Messages for a transformers chat template; the image goes in as a placeholder part."""
    content: list[dict[str, Any]] = []
    if prompt.image is not None:
        content.append({"type": "image"})
    content.append({"type": "text", "text": prompt.user})
    return [{"role": "system", "content": [{"type": "text", "text": prompt.system}]},
            {"role": "user", "content": content}]
