"""Screenshots as small JPEG data URIs, so that a report is one file that opens anywhere.

A phone screenshot (1080 x 2400 PNG, ~100 KB) becomes a ~360 px wide JPEG of ~25 KB: small
enough for pages of hundreds of steps, sharp enough to read a row's text. Pillow decodes
and encodes outside the GIL, so a few threads share the work.
"""

from __future__ import annotations

import base64
import io
import logging
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

log = logging.getLogger(__name__)

WIDTH = 400  # px: the thumbnail's width is the nearest whole fraction of the original's
QUALITY = 72  # JPEG quality, 1-95


@dataclass(frozen=True)
class Thumbnail:
    uri: str  # data:image/jpeg;base64,...
    width: int  # px of the original screenshot: the frame the action's points are in
    height: int


def thumbnail(path: Path) -> Thumbnail | None:
    """The screenshot at `path` as a data URI; None (logged) when it cannot be read."""
    try:
        with Image.open(path) as image:
            size = image.size
            small = image.reduce(max(1, round(size[0] / WIDTH))).convert("RGB")
    except (OSError, UnidentifiedImageError) as e:
        log.warning("unreadable screenshot %s: %s", path, e)
        return None
    buffer = io.BytesIO()
    small.save(buffer, format="JPEG", quality=QUALITY)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return Thumbnail(f"data:image/jpeg;base64,{data}", *size)


def thumbnails(paths: Sequence[Path | None]) -> list[Thumbnail | None]:
    """`thumbnail` of each path (None stays None), in order."""
    workers = max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(workers, thread_name_prefix="thumbnails") as pool:
        return list(pool.map(lambda p: thumbnail(p) if p else None, paths))
