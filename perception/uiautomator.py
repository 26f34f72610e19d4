"""`parse_uiautomator`: uiautomator XML (and Appium page source) -> `Screen`."""

from __future__ import annotations

import logging
from collections import Counter

from PIL import Image

from perception.elements import Bounds, Screen, UIElement, Window
from perception.merge import build_elements
from perception.roles import is_system_package
from perception.tree import TreeReader, read_tree

log = logging.getLogger(__name__)


def _int(value: str | None) -> int:
    try:
        return int(value) if value else 0
    except ValueError:
        return 0


def screen_size(reader: TreeReader, width: int | None, height: int | None) -> tuple[int, int]:
    """The screen in the dump's (rotated) frame: as given, else from the dump itself."""
    dumped_w, dumped_h = _int(reader.root.get("width")), _int(reader.root.get("height"))
    right = max((b[2] for _, b in reader.windows), default=0)
    bottom = max((b[3] for _, b in reader.windows), default=0)
    w = width or max(dumped_w, right)
    h = height or max(dumped_h, bottom)
    rotation = _int(reader.root.get("rotation"))
    if width and height and rotation in (1, 3) and w < h and right > w and bottom <= w:
        log.debug("portrait size %dx%d given for a landscape dump; swapped", w, h)
        w, h = h, w
    return w, h


def foreground_app(reader: TreeReader) -> str:
    """The package that owns most windows' area, system chrome aside."""
    area: Counter[str] = Counter()
    for package, (x1, y1, x2, y2) in reader.windows:
        if package and not is_system_package(package):
            area[package] += max(0, x2 - x1) * max(0, y2 - y1)
    return area.most_common(1)[0][0] if area else ""


def parse_uiautomator(xml: str, width: int | None = None, height: int | None = None,
                      screenshot: Image.Image | None = None, app: str = "") -> Screen:
    """The screen a uiautomator dump describes. `width`/`height` default to the dump's root
    bounds; raises PerceptionError (one-line message) when the XML cannot be read."""
    reader = read_tree(xml)
    w, h = screen_size(reader, width, height)
    elements: tuple[UIElement, ...] = ()
    if w > 0 and h > 0:
        reader.read(w, h)
        elements = build_elements(reader, w, h)
    windows = tuple(Window(package, Bounds(*bounds)) for package, bounds in reader.windows)
    return Screen(width=w, height=h, elements=elements, app=app or foreground_app(reader),
                  screenshot=screenshot, windows=windows)
