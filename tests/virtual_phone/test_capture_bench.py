"""The capture benchmark times the same tour on the tidy and the realistic phone."""

from __future__ import annotations

import pytest

from devices.virtual.bench import bench_capture, format_capture

pytestmark = pytest.mark.sim


def test_bench_capture_times_every_stop_of_the_tour() -> None:
    tidy = bench_capture("off", seed=0, rounds=1)
    real = bench_capture("on", seed=0, rounds=1)
    assert tidy.captures == real.captures > 10
    assert 0 < tidy.median_ms <= tidy.p90_ms
    assert 0 < real.median_ms <= real.p90_ms
    assert format_capture(real).startswith("capture (realism on, seed 0): median ")
