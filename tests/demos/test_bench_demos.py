"""The viewer's and the export's benchmarks, at small sizes: they measure what they say."""

import re

import pytest
from demo_episodes import need_browser

from automator import bench_demos
from automator.cli import main


@pytest.mark.sim
def test_bench_export_writes_the_steps_asked_over_repeated_episodes(monkeypatch, capsys):
    monkeypatch.setattr(bench_demos, "RECORDED_STEPS", 3)
    result = bench_demos.bench_export(7)
    assert (result.steps, result.episodes) == (7, 3)  # 3 + 3 + 1
    assert result.seconds > 0 and result.bytes > 0
    assert main(["bench", "export", "--steps", "2"]) == 0
    assert "export to Parquet: 2 steps in 1 episodes in" in capsys.readouterr().out


@pytest.mark.browser
def test_bench_view_renders_the_episode_it_recorded(tmp_path, monkeypatch, capsys):
    need_browser()
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main(["bench", "view", "--steps", "3"]) == 0
    said = capsys.readouterr().out
    assert re.search(r"view: 3-step episode written and rendered in headless Chromium in "
                     r"\d+\.\d\d s", said), said
