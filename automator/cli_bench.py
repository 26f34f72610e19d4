"""`automator bench WHAT`: the benchmark commands, each printing its figure.

Each measures one speed the project promises (perception, the loop's overhead, adb, the
virtual phone's capture, a desktop tree, a MiniWoB++ step, the viewer and the exports, an
eval's workers, a model's prefill and generation); none is a test, and none asserts a time.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from automator import console
from automator.cli import EXIT_OK, _error, count
from automator.errors import ConfigError


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    bench = sub.add_parser("bench", help="measure perception, the loop, adb, or a VLM")
    bench.add_argument("what", choices=list(_BENCHES))
    bench.add_argument("dir", nargs="?", help="perception: a folder of uiautomator dumps; "
                       "planner: a transformers model (tokens prefilled per episode step); "
                       "view: an episode to render (default: one recorded for it)")
    bench.add_argument("--screenshots", type=count(1), help="planner: screenshots shown")
    bench.add_argument("--steps", type=count(1),
                       help="step, adb, desktop, miniwob: steps timed (40); "
                            "view: the episode's (50); export: steps exported (1000)")
    bench.add_argument("--sizes", nargs="*", help="vlm: tiny 3b 7b (random weights)")
    bench.add_argument("--torch-device", help="vlm: cuda or cpu (default: cuda when present)")
    bench.add_argument("--max-pixels", type=count(3136),
                       help="vlm: the image budget (default: the published 12845056)")
    bench.add_argument("--episode-steps", type=count(0), default=10,
                       help="vlm: steps of the append-only episode (0: none)")
    bench.add_argument("--batch", type=count(1), default=8,
                       help="vlm: episodes stepped at once (1: no batch)")
    bench.add_argument("--compile", action="store_true",
                       help="vlm: also time the decode step under torch.compile")
    bench.add_argument("--realism", default="off",
                       help="capture: on, off, or features (hints,transitions,...)")
    bench.add_argument("--seed", type=count(0), default=0, help="capture: the phone's seed")
    bench.add_argument("--rounds", type=count(1), default=3, help="capture: tours to time")
    bench.add_argument("--episodes", type=count(1), default=200,
                       help="eval: virtual-phone runs to time (tasks x seeds)")
    bench.add_argument("--workers", type=count(1), nargs="+", default=[1, 4],
                       help="eval: the worker counts to time, in turn")
    bench.add_argument("--planner", default="default", help="eval: the planner")
    bench.set_defaults(func=cmd_bench)


def cmd_bench(args: argparse.Namespace) -> int:
    """Run the benchmark `args.what` and print its figure."""
    return _BENCHES[args.what](args)


def _demos(args: argparse.Namespace) -> int:
    from automator.cli_demos import cmd_bench_demos

    return cmd_bench_demos(args)


def _eval(args: argparse.Namespace) -> int:
    from automator.cli_eval import cmd_bench_eval

    return cmd_bench_eval(args)


def _desktop(args: argparse.Namespace) -> int:
    from automator.bench_desktop import bench_desktop, format_desktop

    try:
        console.line_printer()(format_desktop(bench_desktop(args.steps or 40)))
    except ConfigError as e:
        return _error(str(e))
    return EXIT_OK


def _capture(args: argparse.Namespace) -> int:
    from devices.virtual.bench import bench_capture, format_capture

    try:
        result = bench_capture(args.realism, args.seed, args.rounds)
    except ValueError as e:
        return _error(str(e))
    console.line_printer()(format_capture(result))
    return EXIT_OK


def _step(args: argparse.Namespace) -> int:
    from automator.bench import bench_step

    result = bench_step(args.steps or 40)
    phases = ", ".join(f"{p} {ms:.1f}" for p, ms in result.phases_median_ms.items())
    console.line_printer()(
        f"step overhead over {result.steps} steps: median {result.median_ms:.1f} ms, "
        f"max {result.max_ms:.1f} ms\nphase medians (ms): {phases}"
    )
    return EXIT_OK


def _miniwob(args: argparse.Namespace) -> int:
    from automator.miniwob.bench import bench_miniwob, format_bench

    console.line_printer()(format_bench(bench_miniwob(args.steps or 40)))
    return EXIT_OK


def _planner(args: argparse.Namespace) -> int:
    from automator.bench import bench_planner_episode, format_planner_episode

    if not args.dir:
        return _error("bench planner needs a model: a path or hub id")
    rows = bench_planner_episode(args.dir, args.episode_steps, args.screenshots,
                                 args.torch_device)
    console.line_printer()(format_planner_episode(rows))
    return EXIT_OK


def _vlm(args: argparse.Namespace) -> int:
    from planners.bench_vlm import format_table, run_benchmark

    rows = run_benchmark(args.sizes or ["tiny", "3b", "7b"], args.torch_device,
                         args.max_pixels, args.episode_steps, args.batch, args.compile)
    console.line_printer()(format_table(rows))
    return EXIT_OK


def _adb(args: argparse.Namespace) -> int:
    from devices.adb.bench import measure

    for r in measure(args.steps or 40):
        console.line_printer()(
            f"{r.path:>12}: capture + action median {r.median_ms:.1f} ms (p90 "
            f"{r.p90_ms:.1f}) = capture {r.capture_median_ms:.1f} + action "
            f"{r.action_median_ms:.1f}, n={r.steps}"
        )
    return EXIT_OK


def _perception(args: argparse.Namespace) -> int:
    if not args.dir:
        return _error("bench perception needs a folder of .xml dumps")
    from perception import bench as perception_bench

    paths = sorted(Path(args.dir).glob("*.xml"))
    if not paths:
        return _error(f"no .xml files in {args.dir}")
    result = perception_bench.bench_dumps(paths)
    console.line_printer()(perception_bench.format_table(result))
    return EXIT_OK


_BENCHES = {"perception": _perception, "step": _step, "adb": _adb, "vlm": _vlm,
            "capture": _capture, "planner": _planner, "desktop": _desktop, "view": _demos,
            "export": _demos, "eval": _eval, "miniwob": _miniwob}
