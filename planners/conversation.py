"""An episode as one append-only conversation with a vision-language model, in its family's
dialect, for either backend.

    system      role, data rule, the actions (a function schema in <tools> for the Qwen
                families, an action list otherwise), the output format (with a language
                line for UI-TARS); or a person's own template (`--prompt-template`)
    user        step 1: the task, app notes, the screenshot, the screen in words
    assistant   the model's reply, verbatim (so its coordinates stay in its own frame)
    user        step 2: what came of the last action, notes of a newly entered app, the
                next screenshot ...
    user        (a verification) the screenshot after the action and the question
    assistant   the verdict, verbatim; the next step then refers to that screenshot

Nothing earlier is ever rewritten, so a server's or our own prefix cache stays valid from
one step to the next, with one exception: only the last `screenshots` images are sent
(the family's number: 5 for UI-TARS); when the oldest drops out, its turn keeps its text
and a note instead of the image, and the prefix changes from there.

Every user turn puts its image first, then its text, for both backends.

A conversation follows the loop's history: when a `decide` comes with a history that is not
the continuation of the conversation (a new episode, another goal, a step the planner did
not answer), a new one starts, and steps taken before it are listed in its first turn, with
their points in the model's frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from devices.actions import Action
from perception.elements import Screen
from planners.grammars import Frame, Grammar
from planners.planner import PastStep
from planners.verify_prompt import verify_question
from planners.vlm import (
    action_space,
    describe_in_frame,
    fill,
    frame_for,
    history_text,
    image_data_url,
    notes_lines,
    output_format,
    screen_image,
    screen_lines,
    system_prompt,
)

IMAGE_GONE = "(an earlier screenshot, no longer shown)"
TEMPLATE_SYSTEM = "You are a helpful assistant."  # beside a template that holds the task


@dataclass(frozen=True)
class Dialect:
    """How a planner talks to its model, beyond the grammar's defaults."""

    screenshots: int | None = None  # most recent screenshots sent; None: the grammar's
    language: str = "English"  # of the thought, for grammars with a language line
    template: str | None = None  # a prompt template text of the person's own (see below)

    @staticmethod
    def with_template_file(path: str | Path | None, **options: Any) -> Dialect:
        text = Path(path).read_text(encoding="utf-8") if path else None
        return Dialect(template=text, **options)


@dataclass(frozen=True)
class Turn:
    role: str  # "user" or "assistant"
    text: str
    image: Image.Image | None = None


@dataclass
class Conversation:
    system: str
    goal: str
    frame: Frame  # where this episode's replies are read (one screen size per episode)
    screenshots: int  # most recent images sent
    turns: list[Turn] = field(default_factory=list)
    replies: int = 0  # replies to `decide` (verdicts not counted)
    apps_noted: set[str] = field(default_factory=set)
    last_screen: Screen | None = None  # the screen the last image showed

    def add(self, role: str, text: str, image: Image.Image | None = None) -> None:
        self.turns.append(Turn(role, text, image))

    def shown(self) -> list[Image.Image | None]:
        """Each turn's image when it is among the last `screenshots`, else None."""
        with_image = [i for i, t in enumerate(self.turns) if t.image is not None]
        kept = set(with_image[-self.screenshots:]) if self.screenshots > 0 else set()
        return [t.image if i in kept else None for i, t in enumerate(self.turns)]

    def images(self) -> list[Image.Image]:
        return [image for image in self.shown() if image is not None]

    def _text(self, turn: Turn, image: Image.Image | None) -> str:
        gone = turn.image is not None and image is None
        return f"{IMAGE_GONE}\n{turn.text}" if gone else turn.text

    def template_messages(self) -> list[dict[str, Any]]:
        """Messages for a transformers chat template; images as placeholder parts, in the
        order of `images()`."""
        messages: list[dict[str, Any]] = [
            {"role": "system", "content": [{"type": "text", "text": self.system}]}]
        for turn, image in zip(self.turns, self.shown(), strict=True):
            parts: list[dict[str, Any]] = [{"type": "image"}] if image is not None else []
            parts.append({"type": "text", "text": self._text(turn, image)})
            messages.append({"role": turn.role, "content": parts})
        return messages

    def openai_messages(self, image_format: str = "png") -> list[dict[str, Any]]:
        """Chat-completions messages; assistant replies as plain strings."""
        messages: list[dict[str, Any]] = [{"role": "system", "content": self.system}]
        for turn, image in zip(self.turns, self.shown(), strict=True):
            if turn.role == "assistant":
                messages.append({"role": "assistant", "content": turn.text})
                continue
            parts: list[dict[str, Any]] = []
            if image is not None:
                url = image_data_url(image, image_format)
                parts.append({"type": "image_url", "image_url": {"url": url}})
            parts.append({"type": "text", "text": self._text(turn, image)})
            messages.append({"role": "user", "content": parts})
        return messages


class Chat:
    """A planner's conversation for its current episode, in the grammar's dialect."""

    def __init__(self, grammar: Grammar, rendering: str, device: str = "phone",
                 dialect: Dialect | None = None) -> None:
        self.grammar, self.rendering, self.device = grammar, rendering, device
        self.dialect = dialect or Dialect()
        self.conversation: Conversation | None = None

    @property
    def screenshots(self) -> int:
        n = self.dialect.screenshots
        return self.grammar.screenshots if n is None else n

    def step(self, goal: str, screen: Screen, history: Sequence[PastStep],
             max_pixels: int | None, app_notes: Callable[[str], str]) -> Conversation:
        """The conversation with this step's user turn appended (a new conversation when
        `history` does not continue the current one)."""
        image = screen_image(screen, self.grammar, self.rendering, max_pixels)
        frame = frame_for(screen, self.grammar, image)
        conv = self.conversation
        if conv is None or conv.goal != goal or conv.replies != len(history) or (
                conv.frame != frame) or not history:
            conv = self._start(goal, frame)
            lines = self._opening(goal, history, frame)
        else:
            lines = _result_lines(history[-1])
        if screen is conv.last_screen:  # a verification showed it already
            image = None
        if screen.app and screen.app not in conv.apps_noted:
            conv.apps_noted.add(screen.app)
            lines += notes_lines(app_notes(screen.app))
        lines += screen_lines(screen, self.rendering, frame, image_shown=image is not None)
        conv.add("user", "\n".join(lines), image)
        if image is not None:
            conv.last_screen = screen
        return conv

    def reply(self, text: str, decision: bool = True) -> None:
        """The model's reply, verbatim; `decision` False for a verdict."""
        if self.conversation is None:
            return
        self.conversation.add("assistant", text)
        self.conversation.replies += decision

    def verification(self, action: Action, before: Screen, after: Screen,
                     max_pixels: int | None) -> Conversation | None:
        """The conversation with a verification question appended (the screenshot after
        `action`), or None when `before` is not the screen the conversation last showed."""
        conv = self.conversation
        if conv is None or conv.last_screen is not before or after.screenshot is None:
            return None
        image = screen_image(after, self.grammar, "screenshot", max_pixels)
        conv.add("user", verify_question(describe_in_frame(action, conv.frame)), image)
        conv.last_screen = after
        return conv

    def _start(self, goal: str, frame: Frame) -> Conversation:
        template = self.dialect.template
        if template is None:
            system = system_prompt(self.grammar, self.device, frame, self.dialect.language)
        elif "{instruction}" in template:  # the template is the first user turn
            system = TEMPLATE_SYSTEM
        else:
            system = fill(template, self._values(goal, frame)).strip()
        self.conversation = Conversation(system, goal, frame, self.screenshots)
        return self.conversation

    def _values(self, goal: str, frame: Frame) -> dict[str, str]:
        return {"instruction": goal, "language": self.dialect.language, "device": self.device,
                "action_space": action_space(self.grammar, frame, self.device),
                "output_format": output_format(self.grammar, self.dialect.language)}

    def _opening(self, goal: str, history: Sequence[PastStep], frame: Frame) -> list[str]:
        template = self.dialect.template
        if template is not None and "{instruction}" in template:
            lines = [fill(template, self._values(goal, frame)).strip(), ""]
        else:
            lines = [f"Task: {goal}", ""]
        if history:  # steps this conversation did not see
            lines += ["Steps so far:", history_text(history, frame=frame), ""]
        return lines


def _result_lines(last: PastStep) -> list[str]:
    """What came of the last action, as the loop saw it."""
    parts = [last.outcome or ("nothing was executed" if last.action is None else "done")]
    if last.error:
        parts.append(f"[error: {last.error}]")
    return [f"Result of the last action: {' '.join(parts)}", ""]
