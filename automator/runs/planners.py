"""`PlannerBuilder`: the planner of each eval run, built from its spec in whichever process
runs the episode.

A builder is a `PlannerFactory` that pickles as its spec alone, so a worker process (or a Ray
actor on another machine) rebuilds what it needs once, on its first episode: a model is
loaded once per process, the embedded planner's exploration memory is read once per phone and
process. A model served over HTTP (`openai:MODEL@URL`) is built as a client of that one
server in every worker. `prepare` explores in the calling process first, so that workers
only read the memory on disk and never race to write it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from automator.config import PhoneConfig

if TYPE_CHECKING:
    from automator.evaluate import PlannerFactory
    from automator.tasks import Task
    from devices.device import Device
    from planners.planner import Planner

log = logging.getLogger(__name__)
Say = Callable[[str], None]


@dataclass(frozen=True)
class PlannerBuilder:
    spec: str = "default"  # default | embedded | script | scripted:FILE | openai:M@URL | ...
    memory: str | None = None  # exploration memory folder (default: per phone, in the cache)
    grammar: str | None = None  # model planners: constrained output
    app_notes: bool = True  # model planners: the app notes of exploration
    phones: tuple[PhoneConfig, ...] = (PhoneConfig(),)  # the run's phones (seed, realism)
    # model planners: prompt_template (a file) and screenshots (how many recent ones are shown)
    model: dict[str, Any] = field(default_factory=dict)
    _built: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def label(self) -> str:
        """What identifies the planner in a run's settings."""
        options = [f"{k}={v}" for k, v in sorted(self.model.items()) if v is not None]
        return " ".join([self.spec, *options])

    def prepare(self, say: Say | None = None) -> None:
        """Build now: load the model, explore each phone's apps (once, kept on disk)."""
        self._factory(say or log.info)

    def __call__(self, device: Device, task: Task) -> Planner:
        return self._factory(log.info)(device, task)

    def __getstate__(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("spec", "memory", "grammar", "app_notes",
                                              "phones", "model")} | {"_built": {}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)

    def _factory(self, say: Say) -> PlannerFactory:
        if "factory" not in self._built:
            self._built["factory"] = _factory(self, say)
        factory: PlannerFactory = self._built["factory"]
        return factory


def _factory(b: PlannerBuilder, say: Say) -> PlannerFactory:
    """A planner per run's device. The exploration memory (the embedded planner's map, a
    model's app notes) is the one of the run's phone (its seed and realism), explored once
    per phone on a twin and kept."""
    from automator.config import (
        attach_app_notes,
        build_model_planner,
        build_planner,
        load_or_explore,
        memory_dir,
    )
    from automator.evaluate import script_planner

    by_name = {p.serial: p for p in b.phones or (PhoneConfig(),)}
    learned: dict[str, Any] = {}

    def memory_of(name: str) -> Any:
        if name not in learned:
            with by_name.get(name, PhoneConfig()).phone() as twin:
                learned[name] = load_or_explore(twin, memory_dir(twin, b.memory), say)
        return learned[name]

    kind = b.spec.partition(":")[0]
    if kind in ("transformers", "openai"):
        planner = build_model_planner(b.spec, b.grammar, **b.model)

        def with_notes(device: Device, task: Task) -> Planner:
            if b.app_notes:
                attach_app_notes(planner, memory_dir(device, b.memory))
            return planner

        return with_notes
    if kind == "script":
        return script_planner
    if kind not in ("default", "embedded"):
        return lambda device, task: build_planner(b.spec, device, b.memory, on_progress=say)
    from planners.embedded import EmbeddedPlanner

    for name in by_name:  # explored before the first task, not during it
        memory_of(name)
    return lambda device, task: EmbeddedPlanner(memory_of(device.name))
