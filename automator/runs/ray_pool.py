"""Running an evaluation's episodes on a Ray cluster (`eval --ray ADDRESS`, or `local`).

Each Ray actor is one worker with its own virtual phone per episode and its own planner,
built from the setup once (a served model, `openai:MODEL@URL`, is one server every actor
talks to). Episodes are dealt to whichever actor is free; reports come back here, where the
results store is, as they finish. The code must be importable on the cluster's machines (the
project installed there, or reachable on PYTHONPATH, as `local` arranges).

The episode folders are written where each actor runs: on one machine (or a shared file
system) they land in the run's folder as with local workers.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from automator.errors import ConfigError

if TYPE_CHECKING:
    from automator.evaluate import TaskReport
    from automator.runs.pool import Episode, EpisodeSetup

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def run_episodes_ray(setup: EpisodeSetup, episodes: Iterable[Episode], address: str,
                     workers: int = 1) -> Iterator[TaskReport]:
    """Each episode's report as it finishes, from `workers` Ray actors."""
    ray = _connect(address, workers)
    from ray.util import ActorPool

    from automator.runs.pool import EpisodeRunner

    actor = ray.remote(num_cpus=1)(EpisodeRunner)
    episodes = list(episodes)
    if not episodes:
        return
    pool = ActorPool([actor.remote(setup) for _ in range(min(workers, len(episodes)))])
    yield from pool.map_unordered(lambda a, e: a.run.remote(e), episodes)


def _connect(address: str, workers: int) -> Any:
    """Ray, connected: to the cluster at `address`, or a new local one ("local") sized for
    `workers`. The project's code travels on PYTHONPATH to the workers of a local one."""
    try:
        import ray
    except ImportError as e:
        raise ConfigError("--ray needs the package ray (pip install 'ray>=2.40')") from e
    if ray.is_initialized():
        return ray
    if address != "local":
        ray.init(address=address, log_to_driver=False)
        return ray
    path = os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")]))
    ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"PYTHONPATH": path}})
    return ray
