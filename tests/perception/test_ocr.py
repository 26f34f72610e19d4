"""Text read from pixels: drawn words, the virtual phone's game, the fallback without OCR."""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from devices.actions import Tap
from devices.observation import Observation, TreeFormat
from devices.virtual.phone import VirtualPhone
from perception import Bounds, UIElement, ocr, perceive

FONTS = Path(__file__).parents[2] / "devices" / "virtual" / "fonts"
FIXTURES = Path(__file__).parent / "fixtures"
perceive_module = importlib.import_module("perception.perceive")
needs_ocr = pytest.mark.skipif(importlib.util.find_spec("rapidocr_onnxruntime") is None,
                               reason="rapidocr_onnxruntime is not installed")

# (word, left, top, font size px, ink, paper): dark on light, light on dark, small and large.
WORDS = [
    ("Settings", 80, 200, 64, (20, 20, 20), None),
    ("Continue", 600, 520, 44, (255, 255, 255), (30, 110, 230)),
    ("Level 12", 120, 900, 36, (90, 90, 90), None),
    ("Inventory", 300, 1500, 96, (250, 220, 80), (13, 27, 42)),
    ("Quit", 820, 2200, 40, (200, 30, 30), None),
]


def drawn_words() -> tuple[Image.Image, dict[str, Bounds]]:
    image = Image.new("RGB", (1080, 2400), (248, 248, 248))
    draw = ImageDraw.Draw(image)
    truth: dict[str, Bounds] = {}
    for word, x, y, size, ink, paper in WORDS:
        face = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), size)
        box = draw.textbbox((x, y), word, font=face)
        if paper is not None:
            draw.rectangle((box[0] - 40, box[1] - 30, box[2] + 40, box[3] + 30), fill=paper)
        draw.text((x, y), word, fill=ink, font=face)
        truth[word] = Bounds(*box)
    return image, truth


def near(found: Bounds, ink: Bounds) -> bool:
    """The line box covers the ink, with no more margin than a line's height allows (the
    detector boxes whole lines, descender space included)."""
    slack = ink.height
    return (found.intersect(ink).area >= 0.9 * ink.area
            and abs(found.left - ink.left) <= slack and abs(found.right - ink.right) <= slack
            and abs(found.top - ink.top) <= slack and abs(found.bottom - ink.bottom) <= slack)


def found_word(elements: list[UIElement], word: str) -> UIElement:
    matches = [e for e in elements if word in e.text]
    assert len(matches) == 1, (word, [e.text for e in elements])
    return matches[0]


@pytest.mark.slow
@needs_ocr
def test_drawn_words_are_read_with_bounds_near_the_ink() -> None:
    image, truth = drawn_words()
    elements = ocr.read_text(image)
    for word, box in truth.items():
        e = found_word(elements, word)
        assert near(e.bounds, box), (word, e.bounds, box)
    assert len(elements) == len(truth)
    assert all(e.role == "text" and e.source == "vision" and e.window == -1 for e in elements)
    assert not any(e.clickable for e in elements)
    assert [e.id for e in elements] == list(range(len(elements)))
    assert [e.bounds.top for e in elements] == sorted(e.bounds.top for e in elements)


@pytest.mark.slow
@needs_ocr
def test_a_region_limits_reading_and_bounds_stay_in_screen_pixels() -> None:
    image, truth = drawn_words()
    elements = ocr.read_text(image, Bounds(0, 800, 1080, 2000))
    assert sorted(e.text for e in elements) == ["Inventory", "Level 12"]
    for e in elements:
        assert near(e.bounds, truth[e.text]), (e.bounds, truth[e.text])


@pytest.mark.slow
@needs_ocr
def test_blank_and_tiny_images_give_no_text() -> None:
    assert ocr.read_text(Image.new("RGB", (1080, 2400), (0, 0, 0))) == []
    assert ocr.read_text(Image.new("RGB", (4, 4))) == []


def score_element(screen_elements: tuple[UIElement, ...]) -> UIElement:
    scores = [e for e in screen_elements if e.role == "text" and "Score" in e.text]
    assert len(scores) == 1, [e.text for e in screen_elements]
    return scores[0]


@pytest.mark.slow
@needs_ocr
def test_the_game_score_is_read_and_follows_a_popped_bubble() -> None:
    with VirtualPhone(app="game") as phone:
        screen = perceive(phone.capture())
        score = score_element(screen.elements)
        assert score.text.replace(" ", "") == "Score:0"
        assert score.source == "vision" and score.window == -1
        assert screen.element(score.id) == score
        bubbles = [e for e in screen.elements if e.source == "vision" and e.role != "text"
                   and e.bounds.top > score.bounds.bottom]
        phone.execute(Tap(bubbles[0].bounds.center))
        assert phone.state()["game"]["score"] == 1
        assert score_element(perceive(phone.capture()).elements).text.replace(" ", "") == (
            "Score:1")


@pytest.mark.unit
def test_a_readable_tree_is_not_read_from_pixels(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_ocr(*_: object) -> list[UIElement]:
        raise AssertionError("OCR ran on a screen whose tree is readable")

    monkeypatch.setattr(perceive_module, "read_text", no_ocr)
    with VirtualPhone(app="settings") as phone:
        screen = perceive(phone.capture())
    assert screen.elements and all(e.source == "tree" for e in screen.elements)
    tree = (FIXTURES / "switch_rows.xml").read_text(encoding="utf-8")
    image, _ = drawn_words()
    obs = Observation(screenshot=image, tree=tree, tree_format=TreeFormat.UIAUTOMATOR,
                      width=1080, height=2400, app="com.example")
    assert all(e.source == "tree" for e in perceive(obs).elements)


@pytest.mark.unit
def test_a_proposal_that_is_a_text_line_becomes_that_line() -> None:
    line = UIElement(id=0, role="text", bounds=Bounds(100, 100, 400, 160), text="Play",
                     source="vision", window=-1)
    same = UIElement(id=0, role="view", bounds=Bounds(95, 98, 405, 165), clickable=True,
                     source="vision", window=-1)
    card = UIElement(id=1, role="view", bounds=Bounds(50, 50, 1000, 600), clickable=True,
                     source="vision", window=-1)
    below = UIElement(id=2, role="view", bounds=Bounds(0, 900, 200, 1000), clickable=True,
                      source="vision", window=-1)
    merged = ocr.combine([same, card, below], [line])
    assert [e.role for e in merged] == ["view", "text", "view"]
    assert merged[0] == card and merged[2] == below
    assert merged[1].text == "Play" and merged[1].clickable and merged[1].bounds == line.bounds


@pytest.fixture
def without_ocr_package(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
    ocr._engine.cache_clear()
    yield
    ocr._engine.cache_clear()


@pytest.mark.unit
@pytest.mark.usefixtures("without_ocr_package")
def test_without_the_package_perception_says_so_once_and_works_as_before(
        caplog: pytest.LogCaptureFixture) -> None:
    image, _ = drawn_words()
    obs = Observation(screenshot=image, tree="", tree_format=TreeFormat.NONE,
                      width=1080, height=2400, app="com.example")
    with caplog.at_level(logging.WARNING, logger="perception.ocr"):
        first, second = perceive(obs), perceive(obs)
    assert not ocr.available() and ocr.read_text(image) == []
    assert first.elements and all(e.role != "text" for e in first.elements + second.elements)
    assert caplog.text.count("OCR unavailable") == 1
