"""Screenshots as data URIs, so that a report is one file that opens anywhere.

A screenshot of up to `EMBED_BYTES` is embedded as recorded: a phone's flat interface
(1080 x 2400) makes a PNG of ~100 KB, and leaving it as it is costs no decoding here (the
browser decodes it, in parallel, when it paints) and loses nothing. A larger one (photos,
video, a 4K desktop) is shrunk to a JPEG ~400 px wide, sharp enough to read a row's text.
Pillow decodes and encodes outside the GIL, so a few threads share that work.
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

EMBED_BYTES = 256 * 1024  # screenshots up to this size are embedded as they are
EMBEDDED = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
WIDTH = 400  # px: a shrunk image's width is the nearest whole fraction of the original's
QUALITY = 72  # JPEG quality of shrunk images, 1-95


@dataclass(frozen=True)
class Thumbnail:
    uri: str  # data:image/...;base64,...
    width: int  # px of the original screenshot: the frame the action's points are in
    height: int


def thumbnail(path: Path) -> Thumbnail | None:
    """The screenshot at `path` as a data URI; None (logged) when it cannot be read."""
    try:
        data = path.read_bytes()
        with Image.open(io.BytesIO(data)) as image:
            size, kind = image.size, EMBEDDED.get(image.format or "")
            if kind is None or len(data) > EMBED_BYTES:
                kind, data = "image/jpeg", _shrunk(image)
    except (OSError, UnidentifiedImageError) as e:
        log.warning("unreadable screenshot %s: %s", path, e)
        return None
    return Thumbnail(f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}", *size)


def _shrunk(image: Image.Image) -> bytes:
    small = image.reduce(max(1, round(image.width / WIDTH))).convert("RGB")
    buffer = io.BytesIO()
    small.save(buffer, format="JPEG", quality=QUALITY)
    return buffer.getvalue()


def thumbnails(paths: Sequence[Path | None]) -> list[Thumbnail | None]:
    """`thumbnail` of each path (None stays None), in order; a screenshot that several
    steps share (a planner's mistake leaves the screen as it was) is read once."""
    unique = list(dict.fromkeys(p for p in paths if p is not None))
    workers = max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(workers, thread_name_prefix="thumbnails") as pool:
        done = dict(zip(unique, pool.map(thumbnail, unique), strict=True))
    return [done[p] if p is not None else None for p in paths]
