"""Running an evaluation's episodes: in this process, or side by side in worker processes.

Processes, not threads: the embedded planner and the virtual phone are CPU-bound Python, so
threads would take turns on one core. Each worker is started fresh (`spawn`: nothing of the
parent's threads or loaded models is inherited half-way), loads the suite once, and builds
its planner once (see `automator.runs.planners`); an episode is sent to it as a small
`Episode` and comes back as a `TaskReport`, in the order they finish.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from automator.config import LoopConfig, PhoneConfig
from automator.errors import ConfigError

if TYPE_CHECKING:
    from automator.evaluate import PlannerFactory, TaskReport
    from automator.tasks import Task

log = logging.getLogger(__name__)
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


@dataclass(frozen=True)
class Episode:
    """One run to do: a task on the phone of one seed."""

    task_id: str
    seed: int

    @property
    def key(self) -> str:
        return f"{self.task_id}@{self.seed}"


@dataclass(frozen=True)
class EpisodeSetup:
    """Everything a worker needs to play any episode of the run (it pickles)."""

    suite_dir: str
    pattern: str
    planner_factory: PlannerFactory  # pickles where workers are processes
    out_dir: str
    config: LoopConfig
    over_adb: bool = False
    realism: str = "off"
    devices: tuple[str, ...] = ()  # attached devices to play on (automator.runs.attached)
    adb_port: int | None = None  # their adb server's port (None: the environment's)


class EpisodeRunner:
    """Plays episodes of one setup, on phones of its own or on the attached device
    `serial`; the suite is read once."""

    def __init__(self, setup: EpisodeSetup, serial: str | None = None) -> None:
        from automator.tasks import load_suite

        self.setup = setup
        self.serial = serial
        self.tasks: dict[str, Task] = {t.id: t for t in load_suite(setup.suite_dir,
                                                                  setup.pattern)}

    def run(self, episode: Episode) -> TaskReport:
        """The episode's report; a crash of the harness is reported as an `error` run."""
        from automator.evaluate import crashed, run_task

        s = self.setup
        task = self.tasks[episode.task_id]
        phone = PhoneConfig(episode.seed, s.realism)
        try:
            if self.serial is not None:
                from automator.runs.attached import run_task_on_device

                return run_task_on_device(task, s.planner_factory, Path(s.out_dir), s.config,
                                          self.serial, phone, s.adb_port)
            return run_task(task, s.planner_factory, Path(s.out_dir), s.config, s.over_adb,
                            phone)
        except Exception as e:  # the harness goes on past one run's crash; logged in full
            log.exception("task %s (seed %d) crashed", task.id, episode.seed)
            return replace(crashed(task, episode.seed, e), device=self.serial or "")


def run_episodes(setup: EpisodeSetup, episodes: Iterable[Episode],
                 workers: int = 1) -> Iterator[TaskReport]:
    """Each episode's report as it finishes, from `workers` processes (1: this process); with
    attached devices, from one process per device."""
    episodes = list(episodes)
    serials = list(setup.devices)
    workers = len(serials) or workers
    if workers <= 1 or len(episodes) <= 1:
        runner = EpisodeRunner(setup, serials[0] if serials else None)
        for episode in episodes:
            yield runner.run(episode)
        return
    _check_pickles(setup)
    yield from _in_processes(setup, episodes, min(workers, len(episodes)))


def _check_pickles(setup: EpisodeSetup) -> None:
    """Workers get the setup pickled: say so plainly when its planner factory cannot be."""
    try:
        pickle.dumps(setup)
    except (pickle.PicklingError, AttributeError, TypeError) as e:
        raise ConfigError(f"workers cannot receive the planner factory {setup.planner_factory!r}"
                          f" ({e}): pass a PlannerBuilder or a module-level function") from e


def _in_processes(setup: EpisodeSetup, episodes: list[Episode],
                  workers: int) -> Iterator[TaskReport]:
    context = multiprocessing.get_context("spawn")
    threads = max(1, (os.cpu_count() or 1) // workers)
    serials = context.Queue()  # each worker takes one device for good
    for serial in setup.devices:
        serials.put(serial)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(setup, threads, serials)) as pool:
        pending: set[Future[TaskReport]] = {pool.submit(_run, e) for e in episodes}
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        finally:  # stopped early (Ctrl-C, an error): drop what has not started
            for future in pending:
                future.cancel()


_runner: EpisodeRunner | None = None  # the worker process's own


def _start_worker(setup: EpisodeSetup, threads: int, serials: Any) -> None:
    """In a new worker: share the cores with the other workers rather than each numeric
    library taking all of them, take a device of its own (if the run plays on attached
    ones), then read the suite."""
    global _runner
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, str(threads))
    threading.Thread(target=_exit_with_parent, name="parent-watch", daemon=True).start()
    serial = serials.get(timeout=10) if setup.devices else None
    _runner = EpisodeRunner(setup, serial)


def _exit_with_parent() -> None:
    """A killed evaluation (SIGKILL, a crash) leaves no worker behind: the pool's queue
    would keep an orphan waiting forever, so each worker ends when its parent does. The
    episode it was playing is not in the results, and is played again on resume."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)


def _run(episode: Episode) -> TaskReport:
    assert _runner is not None, "the worker was not started by _start_worker"
    return _runner.run(episode)
