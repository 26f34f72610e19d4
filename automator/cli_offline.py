"""`eval offline DATASET --format F` and `eval grounding DATA`: recorded steps, scored by each
benchmark's own rules (automator.offline)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from automator import console
from automator.cli import EXIT_OK, _error
from automator.errors import ConfigError

OFFLINE_WORD = "offline"  # `eval offline DATASET --format F`
GROUNDING_WORD = "grounding"  # `eval grounding DATA`
WORDS = (OFFLINE_WORD, GROUNDING_WORD)
FORMAT_NAMES = ("aitw", "aitz", "androidcontrol", "gui-odyssey", "ours")


def add_options(ev: argparse.ArgumentParser) -> None:
    """The options of `eval offline` and `eval grounding` on the `eval` parser."""
    ev.add_argument("--format", choices=FORMAT_NAMES,
                    help="offline: the dataset's format")
    ev.add_argument("--limit", type=int, metavar="N",
                    help="offline: the first N episodes only; grounding: the first N items")
    ev.add_argument("--instruction", choices=("high", "step"), default="high",
                    help="offline: the planner is given the goal (high) or the step's own "
                         "instruction (step; androidcontrol and gui-odyssey)")


def _out(args: argparse.Namespace, word: str) -> Path:
    return Path(args.out) if args.out else Path("runs") / f"{word}-{time.strftime('%Y%m%d-%H%M%S')}"


def _planner_spec(args: argparse.Namespace) -> str:
    return "default" if args.planner in ("default", "embedded") else args.planner


def cmd_offline(args: argparse.Namespace) -> int:
    if args.suite == GROUNDING_WORD:
        return cmd_grounding(args)
    from automator.offline.episode import FormatError
    from automator.offline.oracle import planner_factory
    from automator.offline.run import StepResult, evaluate_offline, formats

    if args.dir is None or args.format is None:
        return _error("eval offline needs a dataset and its format: "
                      "eval offline DATASET --format aitw|aitz|androidcontrol|gui-odyssey|ours")
    fmt, say = formats()[args.format], console.line_printer()
    try:
        episodes = fmt.load(Path(args.dir))[: args.limit]
        factory = planner_factory(_planner_spec(args), args.grammar)
    except (FormatError, ConfigError) as e:
        return _error(str(e))
    out = _out(args, "offline")
    total = sum(len(e.steps) for e in episodes)
    done = 0

    def on_step(r: StepResult) -> None:
        nonlocal done
        done += 1
        marks = " ".join(f"{v}={'ok' if ok else 'MISS'}" for v, ok in r.exact.items())
        say(f"{console.bar(done, total)} {r.episode}#{r.index} {r.kind}: {r.action} "
            f"({r.predicted}) {marks}{' ' + r.error if r.error else ''}")

    try:
        summary = evaluate_offline(fmt, episodes, factory, args.instruction, out, on_step,
                                   {"planner": args.planner, "dataset": str(args.dir)})
    except FormatError as e:
        return _error(str(e))
    say(console.table(["rules", "steps", "type acc", "step acc", "episodes", "episode success"],
                      _rows(summary)))
    say(f"summary: {out / 'summary.json'}")
    return EXIT_OK


def _rows(summary: dict[str, Any]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for name in summary["variants"]:
        f = summary[name]
        rows.append((name, f["steps"], f"{f['type_accuracy']:.1%}", f"{f['step_accuracy']:.1%}",
                     f["episodes"], f"{f['episode_success']:.1%}"))
        if "category_mean" in f:
            c = f["category_mean"]
            rows.append((f"{name}, mean of {c['categories']} categories", "", "",
                         f"{c['step_accuracy']:.1%}", "", f"{c['episode_success']:.1%}"))
    return rows


def cmd_grounding(args: argparse.Namespace) -> int:
    from automator.offline.episode import FormatError
    from automator.offline.grounding import evaluate_grounding, load_items

    if args.dir is None:
        return _error("eval grounding needs a folder or a ScreenSpot JSON file")
    say = console.line_printer()
    try:
        items = load_items(Path(args.dir))[: args.limit]
        from automator.offline.grounding import grounding_planner

        planner = grounding_planner(_planner_spec(args), args.grammar)
    except (FormatError, ConfigError) as e:
        return _error(str(e))
    out = _out(args, "grounding")
    summary = evaluate_grounding(items, planner, out,
                                 on_item=lambda r: say(f"{'hit ' if r.hit else 'MISS'} "
                                                       f"{r.platform}/{r.kind} {r.instruction!r}"
                                                       f" -> {r.action}"))
    rows = [(group, f["items"], f"{f['accuracy']:.1%}") for group, f in summary["groups"].items()]
    say(console.table(["group", "items", "accuracy"], rows))
    say(f"summary: {out / 'summary.json'}")
    return EXIT_OK
