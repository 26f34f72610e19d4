"""Coordinate frames: named conversions on real-looking model outputs."""

from __future__ import annotations

import pytest

from devices.actions import Point
from planners.grammars.frames import (
    Frame,
    FrameKind,
    OffScreen,
    from_aitw_yx,
    from_fraction,
    from_normalized_1000,
    from_resized_pixels,
    smart_resize,
)


@pytest.mark.unit
@pytest.mark.parametrize(("hw", "expected"), [
    ((1920, 1080), (1932, 1092)),  # the figure the ui-tars package documents for 1080x1920
    ((2400, 1080), (2408, 1092)),
    ((1080, 1920), (1092, 1932)),
    ((800, 1280), (812, 1288)),
])
def test_smart_resize_default_budget(hw: tuple[int, int], expected: tuple[int, int]) -> None:
    assert smart_resize(*hw) == expected


@pytest.mark.unit
def test_smart_resize_matches_the_image_processor() -> None:
    from transformers.models.qwen2_vl.image_processing_pil_qwen2_vl import (
        smart_resize as reference,
    )

    for h, w in [(2400, 1080), (3200, 1440), (1080, 1920), (2340, 1080), (50, 60), (28, 5000),
                 (7000, 7000), (1, 100)]:
        for budget in (28 * 28 * 1280, 16384 * 28 * 28, 28 * 28 * 64):
            assert smart_resize(h, w, max_pixels=budget) == reference(
                h, w, factor=28, min_pixels=3136, max_pixels=budget), (h, w, budget)


@pytest.mark.unit
def test_smart_resize_rejects_extreme_aspect() -> None:
    with pytest.raises(ValueError):
        smart_resize(10, 5000)


@pytest.mark.unit
def test_named_conversions() -> None:
    assert from_normalized_1000(500, 500, 1080, 2400) == Point(540, 1200)
    assert from_normalized_1000(235, 512, 1080, 2400) == Point(254, 1229)
    assert from_resized_pixels(546, 1300, (1092, 2408), (1080, 2400)) == Point(540, 1296)
    assert from_resized_pixels(966, 546, (1932, 1092), (1920, 1080)) == Point(960, 540)
    assert from_fraction(0.25, 0.5, 1080, 2400) == Point(270, 1200)
    # AitW stores (y, x): the touch at 10 % from the top, 80 % from the left
    assert from_aitw_yx(0.1, 0.8, 1080, 2400) == Point(864, 240)


@pytest.mark.unit
def test_far_edge_is_kept_and_beyond_is_rejected() -> None:
    assert from_normalized_1000(1000, 1000, 1080, 2400) == Point(1079, 2399)
    with pytest.raises(OffScreen):
        from_normalized_1000(1001, 10, 1080, 2400)
    with pytest.raises(OffScreen):  # device pixels given to a 0-1 frame
        from_fraction(540, 1200, 1080, 2400)
    with pytest.raises(OffScreen):
        from_resized_pixels(-1, 10, (1092, 2408), (1080, 2400))
    with pytest.raises(OffScreen):
        from_resized_pixels(float("nan"), 10, (1092, 2408), (1080, 2400))


@pytest.mark.unit
def test_frame_dispatch_and_description() -> None:
    resized = Frame(FrameKind.RESIZED, (1080, 2400), (1092, 2408))
    assert resized.to_device(546, 1300) == Point(540, 1296)
    assert "1092x2408" in resized.describe()
    assert Frame(FrameKind.PIXELS, (1080, 2400)).to_device(10, 20) == Point(10, 20)
    assert "0-1000" in Frame(FrameKind.NORMALIZED_1000, (1080, 2400)).describe()
