"""Screenshots loaded when a planner needs them, never all at once."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from automator.offline.episode import FormatError


def image_size(path: Path) -> tuple[int, int]:
    """Width and height from the file's header; FormatError when it is not an image."""
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, UnidentifiedImageError) as e:
        raise FormatError(f"cannot read the screenshot {path}: {e}") from e


def file_loader(path: Path) -> Callable[[], Image.Image]:
    def load() -> Image.Image:
        with Image.open(path) as image:
            return image.convert("RGB")
    return load


def bytes_loader(data: bytes) -> Callable[[], Image.Image]:
    def load() -> Image.Image:
        with Image.open(io.BytesIO(data)) as image:
            return image.convert("RGB")
    return load


def bytes_size(data: bytes, where: str) -> tuple[int, int]:
    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except (OSError, UnidentifiedImageError) as e:
        raise FormatError(f"{where}: the screenshot is not an image: {e}") from e
