"""Episodes spread over a Ray cluster: a local instance of two actors plays two runs, and the
summary is the one the same runs give in this process."""

from pathlib import Path

import pytest

from automator.evaluate import evaluate, script_planner

SUITE = Path(__file__).resolve().parents[2] / "datasets" / "tasks" / "virtual-phone" / "dev"
TASKS = "clock-alarm-[69]*"  # two tasks


@pytest.mark.sim
def test_ray_actors_play_the_runs_this_process_would(tmp_path):
    ray = pytest.importorskip("ray", reason="the Ray pool needs ray (pyproject dependency)")
    here = evaluate(SUITE, script_planner, tmp_path / "here", pattern=TASKS)
    try:
        spread = evaluate(SUITE, script_planner, tmp_path / "ray", pattern=TASKS,
                          ray="local", workers=2)
    finally:
        ray.shutdown()
    assert len(spread.tasks) == 2
    assert [(t.id, t.success, t.steps, t.outcome) for t in spread.tasks] == [
        (t.id, t.success, t.steps, t.outcome) for t in here.tasks]
    assert all((tmp_path / "ray" / t.id / "seed-0" / "episode.json").exists()
               for t in spread.tasks)


@pytest.mark.unit
def test_an_address_where_nothing_listens_fails_at_once(tmp_path):
    pytest.importorskip("ray", reason="the Ray pool needs ray (pyproject dependency)")
    import socket

    from automator.errors import ConfigError
    from automator.runs.ray_pool import _reachable

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ConfigError, match="no Ray cluster answers"):
        _reachable(f"127.0.0.1:{port}", timeout=2)
    _reachable("auto")  # Ray's own ways of finding a cluster are left to Ray
