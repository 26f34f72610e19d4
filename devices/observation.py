"""What a driver captures at one instant."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from time import time

from PIL import Image


class TreeFormat(StrEnum):
    UIAUTOMATOR = "uiautomator"  # `uiautomator dump` XML (also Appium page source)
    ATSPI = "atspi"  # desktop accessibility tree, serialised by the desktop driver
    DOM = "dom"  # a browser's DOM snapshot
    WEB = "web"  # a page's accessibility tree with layout boxes (devices.browser.page_tree)
    NONE = "none"  # no tree: pixels only


@dataclass(frozen=True)
class Observation:
    screenshot: Image.Image  # RGB, device pixels, current orientation
    tree: str  # the raw accessibility tree exactly as the platform gave it
    tree_format: TreeFormat
    width: int  # px, current orientation
    height: int  # px, current orientation
    app: str = ""  # foreground package (or window class on a desktop)
    activity: str = ""  # foreground activity, when the platform tells it
    rotation: int = 0  # 0-3, quarter turns
    secure: bool = False  # the screenshot is blanked by the app (FLAG_SECURE); trust the tree
    timestamp: float = field(default_factory=time)  # seconds since the epoch
