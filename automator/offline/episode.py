"""One recorded step as the offline evaluator sees it, whatever format it came from.

A loader turns its format into `Episode`s. Each `OfflineStep` keeps its ground truth in the
format's own terms (`truth`, a small frozen record defined by the format's metric module), so
that the metric compares like with like, plus what a planner is shown: the screenshot, the
annotated boxes or the accessibility tree, the goal and, where the format has one, the step
instruction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from devices.actions import Action
from devices.observation import TreeFormat
from perception.elements import Bounds, UIElement


class FormatError(ValueError):
    """A dataset file that does not hold what its format says (the message names the file)."""


@dataclass(frozen=True)
class Box:
    """An annotated region of the screenshot (AitW's ui annotations, AITZ's ui_positions), in
    pixels of the image the planner is shown."""

    bounds: Bounds
    text: str = ""  # the OCR text the dataset gives, "" for icons
    kind: str = ""  # the dataset's ui type: TEXT, ICON_GOOGLE, ...


@dataclass(frozen=True)
class OfflineStep:
    episode: str  # the episode's id
    index: int  # 0-based step number in the episode
    image: Callable[[], Image.Image]  # loads the screenshot when needed (RGB)
    width: int  # px of that image
    height: int  # px
    truth: Any  # the ground-truth action in the format's own terms (see metrics/)
    truth_action: Action | None  # the same in our vocabulary, for the oracle; None: none fits
    instruction: str = ""  # the step's own instruction where the format has one
    boxes: tuple[Box, ...] = ()  # annotated regions, when the format gives them
    tree: str = ""  # the raw accessibility tree, when the format gives one
    tree_format: TreeFormat = TreeFormat.NONE
    elements: tuple[UIElement, ...] = ()  # elements decoded from a tree we have no parser for
    extra: dict[str, Any] = field(default_factory=dict)  # format facts a metric reads


@dataclass(frozen=True)
class Episode:
    id: str
    goal: str  # the high-level goal
    steps: tuple[OfflineStep, ...]
    category: str = ""  # where the format groups episodes (GUI-Odyssey's task category)
    length: int = 0  # the episode length the dataset states (0: len(steps))

    @property
    def complete(self) -> bool:
        """Every step the dataset says the episode has is here."""
        return not self.length or self.length == len(self.steps)
