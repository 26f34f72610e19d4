"""A recorded step -> the `Screen` a planner reads.

A tree (ours, uiautomator XML) goes through `perceive` as on a device. Annotated boxes (AitW's
ui annotations, AITZ's ui_positions) become elements in the dataset's order, so that element
`#i` is box `i`: text boxes carry their OCR text, icon boxes their icon class ("ICON_GOOGLE"
reads as "google"); the dataset does not say what is clickable, so every box is. Elements a
loader decoded itself (AndroidControl's accessibility forests) are taken as they are. A step
with none of these goes through `perceive` with no tree: the pixel proposals of a screen
with no tree.
"""

from __future__ import annotations

from automator.offline.episode import Box, OfflineStep
from devices.observation import Observation, TreeFormat
from perception.elements import Screen, UIElement
from perception.perceive import perceive

ICON_PREFIX = "ICON_"


def _element(i: int, box: Box) -> UIElement:
    if box.kind.startswith(ICON_PREFIX):
        name = box.kind[len(ICON_PREFIX):].replace("_", " ").lower()
        return UIElement(id=i, role="image_button", bounds=box.bounds, text=box.text,
                         description=name, clickable=True, source="vision", window=-1)
    return UIElement(id=i, role="text", bounds=box.bounds, text=box.text, clickable=True,
                     source="vision", window=-1)


def step_screen(step: OfflineStep) -> Screen:
    image = step.image()
    if step.elements:
        return Screen(step.width, step.height, step.elements, screenshot=image)
    if step.boxes:
        elements = tuple(_element(i, b) for i, b in enumerate(step.boxes))
        return Screen(step.width, step.height, elements, screenshot=image)
    observation = Observation(image, step.tree, step.tree_format if step.tree else TreeFormat.NONE,
                              step.width, step.height)
    return perceive(observation)
