"""Text read from pixels (OCR), for screens whose tree is empty or opaque: games, canvases,
some WebViews. Each line of text found becomes a `text` element with `source="vision"`.

The models are PP-OCRv4 detection (DB) and recognition (CTC), as ONNX files shipped inside the
optional `rapidocr_onnxruntime` wheel, run on the CPU by onnxruntime; nothing is downloaded at
run time. Without the package, `read_text` logs once and returns nothing, and perception works
as it does without OCR.

Detection sees a downscaled copy of the region (at most DET_SIDE on its longer side, which is
where most of the time goes); recognition reads crops of the full-resolution image, so small
text keeps its detail. The last few results are kept, keyed by the pixels, because the same
screen is often perceived twice (after an action, then before the next one).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import threading
from collections import OrderedDict
from dataclasses import replace
from typing import Any

import cv2
import numpy as np
from PIL import Image

from perception.elements import Bounds, UIElement

log = logging.getLogger(__name__)

DET_SIDE = 960  # px: the longer side of the image the text detector sees, at most
MIN_SCORE = 0.5  # recognition confidence (0-1) below which a reading is dropped
MIN_SIDE = 8  # px: regions smaller than this on either side are not read
SAME_IOU = 0.5  # a pixel proposal overlapping a text line this much is that text line
CACHE_SIZE = 8  # screens whose readings are kept

Quad = np.ndarray  # float32 (4, 2): corners clockwise from top-left, in the region's pixels

_cache: OrderedDict[tuple[bytes, Bounds], tuple[UIElement, ...]] = OrderedDict()
_cache_lock = threading.Lock()


@functools.cache
def _engine() -> Any | None:
    """The process-wide OCR engine, built on first use; None when the package is missing."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except (ImportError, OSError) as e:
        log.warning("OCR unavailable, text drawn only in pixels will not be read: %s", e)
        return None
    engine = RapidOCR()
    # The detector would upscale images whose shorter side is below its limit; the image is
    # sized here (DET_SIDE), so only its rounding to multiples of 32 should remain. These
    # attributes, like text_det / get_crop_img_list / text_rec used below, are those of
    # rapidocr_onnxruntime 1.4.4, the version setup.sh pins.
    if not hasattr(engine, "text_det") or not hasattr(engine, "text_rec"):
        log.warning("OCR unavailable: unexpected rapidocr_onnxruntime version")
        return None
    engine.text_det.limit_type = "min"
    engine.text_det.limit_side_len = 32
    return engine


def available() -> bool:
    """True when OCR can run here (the optional package and its models are installed)."""
    return _engine() is not None


def read_text(image: Image.Image, region: Bounds | None = None) -> list[UIElement]:
    """Lines of text drawn in `region` (default: the whole image), in reading order, as
    non-clickable `text` elements with `source="vision"` and `window=-1`; ids count from 0.
    Empty when OCR is unavailable or the region is too small to hold text."""
    full = Bounds(0, 0, image.width, image.height)
    region = full if region is None else region.intersect(full)
    if region.width < MIN_SIDE or region.height < MIN_SIDE:
        return []
    engine = _engine()
    if engine is None:
        return []
    bgr = _bgr(image, region)
    key = (hashlib.blake2b(bgr.tobytes(), digest_size=16).digest(), region)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return list(_cache[key])
    found = tuple(_read(engine, bgr, region))
    with _cache_lock:
        _cache[key] = found
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return list(found)


def combine(proposals: list[UIElement], texts: list[UIElement]) -> list[UIElement]:
    """Pixel proposals and text lines as one list in reading order. A proposal that is
    little more than a text line's box is that line: it is dropped and the line made
    clickable, as the proposal was. Ids are left for the caller to assign."""
    kept: list[UIElement] = []
    lines = list(texts)
    for p in proposals:
        same = [i for i, t in enumerate(lines) if _iou(p.bounds, t.bounds) >= SAME_IOU]
        if not same:
            kept.append(p)
        for i in same:
            lines[i] = replace(lines[i], clickable=lines[i].clickable or p.clickable)
    return sorted(kept + lines, key=lambda e: (e.bounds.top // 8, e.bounds.left))


def _bgr(image: Image.Image, region: Bounds) -> np.ndarray:
    """The region as a contiguous BGR array, the channel order the models were trained on."""
    crop = image.convert("RGB").crop((region.left, region.top, region.right, region.bottom))
    return np.ascontiguousarray(np.asarray(crop)[:, :, ::-1])


def _read(engine: Any, bgr: np.ndarray, region: Bounds) -> list[UIElement]:
    quads = _detect(engine, bgr)
    if not quads:
        return []
    readings, _ = engine.text_rec(engine.get_crop_img_list(bgr, quads))
    found = []
    for quad, reading in zip(quads, readings, strict=True):
        text, score = str(reading[0]).strip(), float(reading[1])
        if text and score >= MIN_SCORE:
            found.append(_element(text, quad, region))
    found.sort(key=lambda e: (e.bounds.top // 8, e.bounds.left))
    return [replace(e, id=i) for i, e in enumerate(found)]


def _detect(engine: Any, bgr: np.ndarray) -> list[Quad]:
    """Text line quadrilaterals in `bgr`'s pixels, found on a copy at most DET_SIDE large."""
    h, w = bgr.shape[:2]
    scale = min(1.0, DET_SIDE / max(h, w))
    small = bgr
    if scale < 1.0:
        size = (max(32, round(w * scale)), max(32, round(h * scale)))
        small = cv2.resize(bgr, size, interpolation=cv2.INTER_AREA)
    quads, _ = engine.text_det(small)
    if quads is None or len(quads) == 0:
        return []
    sx, sy = w / small.shape[1], h / small.shape[0]
    out = np.asarray(quads, dtype=np.float32) * np.array([sx, sy], dtype=np.float32)
    out[..., 0] = out[..., 0].clip(0, w - 1)
    out[..., 1] = out[..., 1].clip(0, h - 1)
    return list(out)


def _element(text: str, quad: Quad, region: Bounds) -> UIElement:
    x1, y1 = np.floor(quad.min(axis=0)).astype(int)
    x2, y2 = np.ceil(quad.max(axis=0)).astype(int)
    bounds = Bounds(region.left + int(x1), region.top + int(y1),
                    min(region.right, region.left + int(x2) + 1),
                    min(region.bottom, region.top + int(y2) + 1))
    return UIElement(id=0, role="text", bounds=bounds, text=text, source="vision", window=-1)


def _iou(a: Bounds, b: Bounds) -> float:
    inter = a.intersect(b).area
    union = a.area + b.area - inter
    return inter / union if union else 0.0
