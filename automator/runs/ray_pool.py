"""Running an evaluation's episodes on a Ray cluster (`eval --ray ADDRESS`, or `local`).

Each Ray actor is one worker with its own virtual phone per episode and its own planner,
built from the setup once (a served model, `openai:MODEL@URL`, is one server every actor
talks to). Episodes are dealt to whichever actor is free; reports come back here, where the
results store is, as they finish.

What the actors get from here: the project's code, shipped with the job (Ray's `py_modules`),
so a cluster's machines need only its dependencies (the same Python and packages), never a
checkout, and run the driver's version of the code rather than a copy installed there (Ray
also puts the driver's working directory on the actors' path: run from a checkout, a
machine with another checkout at that same path would shadow the shipped one); the served
model's key (`OPENAI_API_KEY`), which a worker started by
`ray start` does not otherwise have. The suite and the run's folder are given as absolute
paths: an actor's working directory is wherever its node was started. The suite must be
readable at the same path on every machine, and the episode folders are written where each
actor runs: on one machine (or a shared file system) they land in the run's folder as with
local workers.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from automator.errors import ConfigError

if TYPE_CHECKING:
    from automator.evaluate import TaskReport
    from automator.runs.pool import Episode, EpisodeSetup

PACKAGES = ("devices", "perception", "planners", "automator")  # shipped to every actor
FORWARDED = ("OPENAI_API_KEY",)  # environment variables the actors' planners read


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
    setup = replace(setup, suite_dir=str(Path(setup.suite_dir).resolve()),
                    out_dir=str(Path(setup.out_dir).resolve()))
    pool = ActorPool([actor.remote(setup) for _ in range(min(workers, len(episodes)))])
    yield from pool.map_unordered(lambda a, e: a.run.remote(e), episodes)


def _connect(address: str, workers: int) -> Any:
    """Ray, connected: to the cluster at `address`, or a new local one ("local") sized for
    `workers`; either way with the job's runtime environment (see the module's docstring)."""
    try:
        import ray
    except ImportError as e:
        raise ConfigError("--ray needs the package ray (pip install 'ray>=2.40')") from e
    if ray.is_initialized():
        return ray
    if address == "local":
        ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False,
                 runtime_env=runtime_env())
        return ray
    _reachable(address)
    try:
        ray.init(address=address, log_to_driver=False, runtime_env=runtime_env())
    except ConnectionError as e:  # Ray's own, after its retries
        raise ConfigError(f"no Ray cluster answers at {address} ({e}); one that uses token "
                          "authentication needs RAY_AUTH_MODE=token here too") from e
    return ray


def _reachable(address: str, timeout: float = 5.0) -> None:
    """A HOST:PORT that nothing listens on fails now, in one line: Ray itself would wait
    for it for minutes."""
    host, _, port = address.rpartition(":")
    if "://" in address or not host or not port.isdigit():
        return  # "auto", "ray://...": Ray's own ways of finding the cluster
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as e:
        raise ConfigError(f"no Ray cluster answers at {address} ({e.strerror or e}); start "
                          "one with `ray start --head` there") from e


def runtime_env() -> dict[str, Any]:
    """What every actor of the job starts with: this process's copy of the project's
    packages, and the forwarded variables that are set here."""
    import importlib

    modules = [str(Path(importlib.import_module(name).__file__ or "").parent)
               for name in PACKAGES]
    env = {name: os.environ[name] for name in FORWARDED if name in os.environ}
    return {"py_modules": modules, "env_vars": env}
