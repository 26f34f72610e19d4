"""Element proposals from pixels alone (OpenCV), for screens whose tree says nothing: games,
canvases, some WebViews, a blank or missing dump.

Two cues, unioned: closed shapes in the edge map (outlined and filled buttons, cards, icons),
and blobs of colour that differ from the screen's background. Boxes too small to tap, too
large to be one control, or repeating one another are left out.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from perception.elements import Bounds, UIElement

WORK_SIDE = 720  # px: images are analysed at most this large, then boxes scaled back
MIN_SIDE = 0.02  # of the region's shorter side: smaller boxes cannot be tapped reliably
MAX_SHARE = 0.35  # of the region's area: larger boxes are panels, not controls
SAME_IOU = 0.6  # boxes overlapping more than this are one proposal
MAX_PROPOSALS = 80

Box = tuple[int, int, int, int]  # x1, y1, x2, y2


def _work_image(image: Image.Image, region: Bounds) -> tuple[np.ndarray, float]:
    crop = image.convert("RGB").crop((region.left, region.top, region.right, region.bottom))
    scale = min(1.0, WORK_SIDE / max(crop.size))
    if scale < 1.0:
        crop = crop.resize((max(1, round(crop.width * scale)), max(1, round(crop.height * scale))),
                           Image.Resampling.BILINEAR)
    return np.asarray(crop), scale


def _edge_boxes(rgb: np.ndarray) -> list[Box]:
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    edges = cv2.Canny(gray, 30, 100)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8), iterations=1)
    contours, _ = cv2.findContours(edges, cv2.RETR_TREE, cv2.CHAIN_APPROX_SIMPLE)
    return [_box(cv2.boundingRect(c)) for c in contours]


def _background(rgb: np.ndarray) -> np.ndarray:
    """The commonest colour, quantised: what the screen is painted with."""
    quant = (rgb[::4, ::4] // 16).reshape(-1, 3)
    values, counts = np.unique(quant, axis=0, return_counts=True)
    return values[counts.argmax()].astype(np.int16) * 16 + 8


def _blob_boxes(rgb: np.ndarray) -> list[Box]:
    diff = np.abs(rgb.astype(np.int16) - _background(rgb)).max(axis=2)
    mask = (diff > 40).astype(np.uint8) * 255
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return [_box(tuple(stats[i, :4])) for i in range(1, count)]


def _box(rect: tuple[int, ...]) -> Box:
    x, y, w, h = (int(v) for v in rect)
    return (x, y, x + w, y + h)


def _iou(a: Box, b: Box) -> float:
    iw = min(a[2], b[2]) - max(a[0], b[0])
    ih = min(a[3], b[3]) - max(a[1], b[1])
    if iw <= 0 or ih <= 0:
        return 0.0
    inter = iw * ih
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def _plausible(boxes: list[Box], width: int, height: int) -> list[Box]:
    least = max(4, MIN_SIDE * min(width, height))
    most = MAX_SHARE * width * height
    return [b for b in boxes
            if b[2] - b[0] >= least and b[3] - b[1] >= least
            and (b[2] - b[0]) * (b[3] - b[1]) <= most]


def _suppress(boxes: list[Box]) -> list[Box]:
    """Largest first; a box overlapping a kept one by more than SAME_IOU is the same one."""
    kept: list[Box] = []
    for b in sorted(set(boxes), key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), reverse=True):
        if all(_iou(b, k) <= SAME_IOU for k in kept):
            kept.append(b)
    return kept


def propose_elements(image: Image.Image, region: Bounds | None = None) -> list[UIElement]:
    """Candidate tappable regions in `region` (default: the whole image), in reading order,
    as clickable elements with `source="vision"`; ids count from 0."""
    full = Bounds(0, 0, image.width, image.height)
    region = full if region is None else region.intersect(full)
    if region.width < 8 or region.height < 8:
        return []
    rgb, scale = _work_image(image, region)
    h, w = rgb.shape[:2]
    boxes = _suppress(_plausible(_edge_boxes(rgb) + _blob_boxes(rgb), w, h))[:MAX_PROPOSALS]
    boxes.sort(key=lambda b: (b[1] // 8, b[0]))
    return [_element(i, b, scale, region) for i, b in enumerate(boxes)]


def _element(i: int, b: Box, scale: float, region: Bounds) -> UIElement:
    x1, y1, x2, y2 = (round(v / scale) for v in b)
    bounds = Bounds(region.left + x1, region.top + y1,
                    min(region.right, region.left + x2), min(region.bottom, region.top + y2))
    return UIElement(id=i, role="view", bounds=bounds, clickable=True, source="vision",
                     window=-1)
