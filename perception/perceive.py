"""`perceive`: one observation -> the `Screen` a planner reads."""

from __future__ import annotations

import logging
from dataclasses import replace

from devices.observation import Observation, TreeFormat
from perception.atspi import parse_atspi
from perception.elements import Bounds, Screen, UIElement
from perception.errors import PerceptionError
from perception.ocr import combine, read_text
from perception.roles import is_system_package
from perception.uiautomator import parse_uiautomator
from perception.vision import propose_elements
from perception.web import parse_web

log = logging.getLogger(__name__)

OPAQUE_SHARE = 0.6  # an element covering this much of the app area may be a canvas
_PARSERS = {TreeFormat.UIAUTOMATOR: parse_uiautomator, TreeFormat.ATSPI: parse_atspi,
            TreeFormat.WEB: parse_web}


def perceive(observation: Observation) -> Screen:
    """Elements from the tree; pixels fill in where the tree is empty or opaque."""
    o = observation
    screen = Screen(o.width, o.height, (), app=o.app, screenshot=o.screenshot)
    parser = _PARSERS.get(o.tree_format)
    if parser is not None and o.tree.strip():
        try:
            screen = parser(o.tree, o.width, o.height, o.screenshot, o.app)
        except PerceptionError as e:
            log.warning("unreadable tree, falling back to pixels: %s", e)
    elif o.tree_format != TreeFormat.NONE and o.tree.strip():
        log.warning("no parser for %s trees here; using pixels", o.tree_format)
    if is_opaque(screen) and not o.secure:
        screen = with_vision(screen, app_area(screen))
    return screen


def app_area(screen: Screen) -> Bounds:
    """Where the app draws: the screen less the system bars found in the tree."""
    top, bottom = 0, screen.height
    for e in screen.elements:
        if not is_system_package(e.package) or e.bounds.width < screen.width * 0.9:
            continue
        if e.bounds.bottom <= screen.height * 0.1:
            top = max(top, e.bounds.bottom)
        elif e.bounds.top >= screen.height * 0.85:
            bottom = min(bottom, e.bounds.top)
    return Bounds(0, top, screen.width, bottom)


def is_opaque(screen: Screen) -> bool:
    """True when the app's part of the tree tells nothing to act on or read: no elements, or
    only elements that cover most of the app area."""
    area = app_area(screen).area or 1
    for e in screen.elements:
        if is_system_package(e.package):
            continue
        if e.bounds.area < OPAQUE_SHARE * area:
            return False
    return True


def with_vision(screen: Screen, region: Bounds) -> Screen:
    """The screen with pixel proposals and the text read from pixels appended (those not
    inside a tree element)."""
    if screen.screenshot is None:
        return screen
    image = screen.screenshot
    if image.size != (screen.width, screen.height) and screen.width and screen.height:
        image = image.resize((screen.width, screen.height))
    small = [e for e in screen.elements if e.bounds.area < OPAQUE_SHARE * (region.area or 1)]
    found = combine(propose_elements(image, region), read_text(image, region))
    extra = [p for p in found if not _covered(p, small)]
    start = len(screen.elements)
    added = tuple(replace(p, id=start + i) for i, p in enumerate(extra))
    return replace(screen, elements=screen.elements + added)


def _covered(proposal: UIElement, elements: list[UIElement]) -> bool:
    centre = proposal.bounds.center
    return any(e.bounds.contains(centre) for e in elements)
