"""Which planner an offline run asks, by name, including the oracle.

`oracle` replays the ground truth in our vocabulary (the proof that the scoring can be
passed: it scores 100% on every rule set that measures what it means to, and shows where an
official script departs from that). `default` / `embedded` is the embedded planner with an
empty memory (it never explored the recorded phones); `scripted:FILE` plays a script;
`transformers:...` and `openai:...` are model planners, loaded once for the run.
"""

from __future__ import annotations

from collections.abc import Callable

from automator.errors import ConfigError
from automator.offline.episode import Episode
from planners.errors import ParseError
from planners.planner import Planner
from planners.scripted import Item, ScriptedPlanner

ORACLE = "oracle"
PlannerFactory = Callable[[Episode], Planner]


def oracle(episode: Episode) -> Planner:
    """A planner that answers each step with its ground truth (a step whose truth has no
    action of ours answers with a reply that cannot be read)."""
    items: list[Item] = [s.truth_action or ParseError("no action of ours fits the truth")
                         for s in episode.steps]
    planner = ScriptedPlanner(items)
    planner.name = ORACLE  # type: ignore[misc]
    return planner


def planner_factory(spec: str, grammar: str | None = None) -> PlannerFactory:
    """A fresh planner per episode (a model is loaded once); ConfigError for a bad spec."""
    kind, _, arg = spec.partition(":")
    if spec == ORACLE:
        return oracle
    if kind in ("default", "embedded"):
        from planners.embedded import AppMemory, EmbeddedPlanner

        return lambda episode: EmbeddedPlanner(AppMemory())
    if kind == "scripted":
        if not arg:
            raise ConfigError("scripted needs a file: scripted:ACTIONS.json")
        try:
            ScriptedPlanner.from_file(arg)
        except (OSError, ValueError) as e:
            raise ConfigError(f"cannot read the script {arg}: {e}") from e
        return lambda episode: ScriptedPlanner.from_file(arg)
    if kind in ("transformers", "openai"):
        from automator.config import build_model_planner

        model = build_model_planner(spec, grammar)
        return lambda episode: model
    raise ConfigError(f"unknown planner {spec!r}: oracle | default | scripted:FILE | "
                      "transformers:MODEL | openai:MODEL@URL")
