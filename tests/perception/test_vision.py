"""Pixel-only proposals and the fallback that uses them."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from devices.observation import Observation, TreeFormat
from perception import Bounds, perceive, propose_elements

FIXTURES = Path(__file__).parent / "fixtures"
Box = tuple[int, int, int, int]


def scene() -> tuple[Image.Image, list[Box]]:
    """A game-like screen: filled and outlined buttons, round buttons, a card with text."""
    image = Image.new("RGB", (1080, 2400), (250, 250, 250))
    draw = ImageDraw.Draw(image)
    truth: list[Box] = [(100, 300, 500, 420), (580, 300, 980, 420), (100, 1000, 980, 1200)]
    draw.rounded_rectangle(truth[0], 30, fill=(30, 110, 230))
    draw.rounded_rectangle(truth[1], 30, outline=(60, 60, 60), width=4)
    draw.rounded_rectangle(truth[2], 20, fill=(235, 225, 245))
    draw.text((150, 1050), "Play", fill=(0, 0, 0))
    for box, colour in (((440, 1800, 640, 2000), (220, 40, 60)),
                        ((100, 600, 220, 720), (40, 160, 80))):
        draw.ellipse(box, fill=colour)
        truth.append(box)
    return image, truth


def iou(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def best_match(box: Box, found: list[Box]) -> float:
    return max((iou(box, f) for f in found), default=0.0)


@pytest.mark.unit
def test_proposals_find_drawn_buttons_and_circles() -> None:
    image, truth = scene()
    found = [tuple(p.bounds.as_list()) for p in propose_elements(image)]
    for box in truth:
        assert best_match(box, found) >= 0.8, (box, found)
    assert len(found) <= 2 * len(truth)


@pytest.mark.unit
def test_proposals_are_clickable_vision_elements_in_reading_order() -> None:
    image, _ = scene()
    proposals = propose_elements(image)
    assert all(p.source == "vision" and p.clickable for p in proposals)
    assert [p.id for p in proposals] == list(range(len(proposals)))
    tops = [p.bounds.top for p in proposals]
    assert tops == sorted(tops)


@pytest.mark.unit
def test_region_limits_proposals() -> None:
    image, truth = scene()
    region = Bounds(0, 900, 1080, 2400)
    found = propose_elements(image, region)
    assert found and all(p.bounds.top >= 900 for p in found)
    assert best_match(truth[3], [tuple(p.bounds.as_list()) for p in found]) >= 0.8


@pytest.mark.unit
def test_blank_or_tiny_images_give_nothing() -> None:
    assert propose_elements(Image.new("RGB", (1080, 2400), (0, 0, 0))) == []
    assert propose_elements(Image.new("RGB", (4, 4))) == []


def observation(tree: str, fmt: TreeFormat = TreeFormat.UIAUTOMATOR,
                secure: bool = False) -> Observation:
    image, _ = scene()
    return Observation(screenshot=image, tree=tree, tree_format=fmt, width=1080, height=2400,
                       app="com.example.puzzlegame", secure=secure)


@pytest.mark.unit
def test_opaque_tree_gets_vision_proposals_in_the_app_area() -> None:
    tree = (FIXTURES / "opaque_game.xml").read_text(encoding="utf-8")
    screen = perceive(observation(tree))
    tree_part = [e for e in screen.elements if e.source == "tree"]
    vision = [e for e in screen.elements if e.source == "vision"]
    assert len(tree_part) == 8 and screen.elements[: len(tree_part)] == tuple(tree_part)
    assert vision and all(e.bounds.top >= 132 and e.bounds.bottom <= 2274 for e in vision)
    assert [e.id for e in screen.elements] == list(range(len(screen.elements)))
    _, truth = scene()
    for box in truth:
        assert best_match(box, [tuple(e.bounds.as_list()) for e in vision]) >= 0.8


@pytest.mark.unit
def test_a_readable_tree_gets_no_vision() -> None:
    tree = (FIXTURES / "switch_rows.xml").read_text(encoding="utf-8")
    screen = perceive(observation(tree))
    assert screen.elements and all(e.source == "tree" for e in screen.elements)


@pytest.mark.unit
@pytest.mark.parametrize(("tree", "fmt"), [("", TreeFormat.UIAUTOMATOR),
                                           ("", TreeFormat.NONE)])
def test_no_tree_means_pixels(tree: str, fmt: TreeFormat) -> None:
    screen = perceive(observation(tree, fmt))
    assert len(screen.elements) >= 5 and all(e.source == "vision" for e in screen.elements)
    assert screen.app == "com.example.puzzlegame" and screen.width == 1080


@pytest.mark.unit
def test_unreadable_tree_falls_back_to_pixels_and_says_so(
        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="perception.perceive"):
        screen = perceive(observation("<hierarchy><node bounds='[0,0][1,1]'>"))
    assert screen.elements and all(e.source == "vision" for e in screen.elements)
    assert "unreadable tree" in caplog.text


@pytest.mark.unit
def test_secure_screens_are_not_guessed_from_blank_pixels() -> None:
    screen = perceive(observation("", secure=True))
    assert screen.elements == ()
