"""The `eval` and `compare` commands."""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path
from typing import Any

from automator import console
from automator.cli import EXIT_OK, _error
from automator.errors import ConfigError, TaskError

SCREENS_WORD = "screens"  # `eval screens [DIR]`: real screens instead of a task suite
MINIWOB_WORD = "miniwob"  # `eval miniwob`: the MiniWoB++ pages of the miniwob package
DEFAULT_SCREENS = Path(__file__).resolve().parents[1] / "datasets" / "screens"
DEFAULT_SUITE = Path(__file__).resolve().parents[1] / "datasets" / "tasks" / "virtual-phone"


def cmd_eval(args: argparse.Namespace) -> int:
    from automator.cli_offline import WORDS, cmd_offline

    if args.devices and args.suite in (*WORDS, SCREENS_WORD, MINIWOB_WORD):
        return _error(f"--devices plays a task suite on attached phones: `eval {args.suite}` "
                      "does not take it")
    if args.suite in WORDS:
        return cmd_offline(args)
    if args.suite == SCREENS_WORD:
        return cmd_eval_screens(args)
    if args.suite == MINIWOB_WORD:
        return cmd_eval_miniwob(args)
    if args.dir is not None:
        return _error(f"unexpected argument {args.dir!r} (only `eval screens` takes a folder)")
    from automator.config import PhoneConfig, check_realism
    from automator.evaluate import TaskReport, evaluate
    from automator.runs.planners import PlannerBuilder
    from automator.runs.report import write_report
    from automator.tasks import load_suite

    say = console.line_printer()
    try:
        if not load_suite(args.suite, args.tasks):  # a bad suite is told before exploring
            return _error(f"no task in {args.suite} matches {args.tasks!r}")
        if args.devices:
            check_devices_options(args)
        phones = tuple(PhoneConfig(seed, check_realism(args.realism)) for seed in args.seeds)
        factory = PlannerBuilder(args.planner, args.memory, args.grammar,
                                 not args.no_app_notes, phones, model_options(args))
        factory.prepare(say)  # explored here, once, before any worker starts
    except (ConfigError, TaskError) as e:
        return _error(str(e))
    out = Path(args.out) if args.out else Path("runs") / f"eval-{time.strftime('%Y%m%d-%H%M%S')}"

    played: list[TaskReport] = []

    def on_task(r: TaskReport) -> None:
        played.append(r)
        mark = "PASS" if r.success else "FAIL"
        where = f" on {r.device}" if r.device else ""
        say(f"{mark} {r.id} (seed {r.seed}){where}: {r.outcome} in {r.steps} steps "
            f"({r.seconds:.1f} s) {r.reason}")

    try:
        summary = evaluate(args.suite, factory, out, on_task=on_task, pattern=args.tasks,
                           over_adb=args.over_adb, seeds=args.seeds, realism=args.realism,
                           workers=args.workers, ray=args.ray, meta=run_meta(args.argv),
                           devices=args.devices)
    except (TaskError, ConfigError) as e:
        return _error(str(e))
    if len(played) < len(summary.tasks):
        say(f"resumed: {len(summary.tasks) - len(played)} runs were done before, "
            f"{len(played)} played now")
    say(console.format_summary(summary))
    say(f"summary: {out / 'summary.json'}")
    say(f"report: {write_report(out)}")
    return EXIT_OK


def serials(text: str) -> tuple[str, ...]:
    """`--devices a,b`: the serials, in order."""
    found = tuple(s.strip() for s in text.split(",") if s.strip())
    if not found:
        raise argparse.ArgumentTypeError("name at least one device serial")
    return found


def check_devices_options(args: argparse.Namespace) -> None:
    """ConfigError where `--devices` meets an option it replaces, or a device that cannot
    take part: told before anything is explored or played."""
    from automator.runs.attached import check_devices

    for flag, given in (("--workers", args.workers != 1), ("--over-adb", args.over_adb),
                        ("--ray", args.ray)):
        if given:
            raise ConfigError(f"--devices plays one episode per device at a time: it does "
                              f"not go with {flag}")
    check_devices(args.devices)


def run_meta(argv: list[str]) -> dict[str, Any]:
    """How this run was started, for its report: the command line and the code's version."""
    from automator.runs.report import code_version

    return {"command": " ".join(shlex.quote(a) for a in ["automator", *argv]),
            "code": code_version(), "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
            "python": sys.version.split()[0]}


def cmd_eval_screens(args: argparse.Namespace) -> int:
    """The embedded planner's first decision on real screens, with an empty memory."""
    from automator.screens_eval import ItemResult, evaluate_screens

    if args.planner not in ("default", "embedded"):
        return _error("eval screens measures the embedded planner (--planner default)")
    folder = Path(args.dir) if args.dir else DEFAULT_SCREENS
    out = Path(args.out) if args.out else Path("runs") / f"screens-{time.strftime('%Y%m%d-%H%M%S')}"
    say = console.line_printer()

    def on_item(r: ItemResult) -> None:
        mark = "RIGHT" if r.right else ("FALSE SUCCESS" if r.false_success else "wrong")
        say(f"{mark:13} {r.id}: {r.request!r} -> {r.action} ({r.decide_ms:.0f} ms)")

    try:
        summary = evaluate_screens(folder, on_item=on_item, out=out)
    except TaskError as e:
        return _error(str(e))
    f = summary.figures()
    rows = [("first action right", f"{f['right']}/{f['items']} ({f['right_rate']:.0%})"),
            ("false successes", f["false_successes"]),
            ("right where the label is not English",
             f"{f['non_english_right']}/{f['non_english_items']}"),
            ("median decision (ms)", f["median_decide_ms"]),
            ("slowest decision (ms)", f["max_decide_ms"]),
            *((f"right: {kind}", f"{n}/{total}") for kind, (n, total) in f["by_kind"].items())]
    say(f"{f['items']} requests on {f['screens']} screens of {folder}")
    say(console.table(["figure", "value"], rows))
    say(f"summary: {out / 'summary.json'}")
    return EXIT_OK


def cmd_eval_miniwob(args: argparse.Namespace) -> int:
    """MiniWoB++ in headless Chromium through the agent loop: reward and success per task."""
    from automator.miniwob import EpisodeResult, MiniWoBConfig, run_miniwob, select_tasks
    from devices.errors import DeviceError

    if args.dir is not None:
        return _error(f"unexpected argument {args.dir!r} (only `eval screens` takes a folder)")
    say = console.line_printer()
    out = Path(args.out) if args.out else Path("runs") / f"miniwob-{time.strftime('%Y%m%d-%H%M%S')}"

    def on_episode(r: EpisodeResult, done: int, total: int) -> None:
        mark = "PASS" if r.success else "FAIL"
        say(f"{console.bar(done, total)} {mark} {r.task} #{r.episode}: "
            f"reward {r.reward:+.2f} in {r.steps} steps ({r.seconds:.1f} s) {r.reason}")

    try:
        config = MiniWoBConfig(tuple(select_tasks(args.tasks)), args.episodes, args.seed,
                               args.planner, args.workers, model=model_options(args))
        summary = run_miniwob(config, out, on_episode, meta=run_meta(args.argv))
    except (ConfigError, DeviceError, TaskError) as e:
        return _error(str(e))
    rows = [(task, f["episodes"], f"{f['mean_reward']:+.2f}", f"{f['success_rate']:.0%}")
            for task, f in summary["tasks"].items()]
    o = summary["overall"]
    rows.append(("all", o["episodes"], f"{o['mean_reward']:+.2f}", f"{o['success_rate']:.0%}"))
    say(console.table(["task", "episodes", "mean reward", "success"], rows))
    say(f"summary: {out / 'summary.json'}")
    say(f"report: {out / 'report.html'}")
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    from automator.comparison import SummaryError, compare, load_summary

    try:
        a, b = load_summary(args.a), load_summary(args.b)
    except SummaryError as e:
        return _error(str(e))
    c = compare(a, b)
    say = console.line_printer()
    say(f"A: {a['path']} ({a['planner'] or 'planner unknown'})")
    say(f"B: {b['path']} ({b['planner'] or 'planner unknown'})")
    rows = [(g, n, f"{ra:.0%}", f"{rb:.0%}", f"{(rb - ra) * 100:+.0f}")
            for g, (n, ra, rb) in c.groups.items()]
    total = sum(n for n, _, _ in c.groups.values())
    rows.append(("all", total, f"{c.rate_a:.0%}", f"{c.rate_b:.0%}",
                 f"{(c.rate_b - c.rate_a) * 100:+.0f}"))
    say(console.table(["group", "tasks", "A", "B", "points"], rows))
    for word, ids in (("gained in B", c.gained), ("lost in B", c.lost),
                      ("only in A (not counted)", c.only_a),
                      ("only in B (not counted)", c.only_b)):
        if ids:
            say(f"{word} ({len(ids)}): {', '.join(ids)}")
    say(f"exact McNemar p = {c.p_value:.3g} ({len(c.gained)} gained, {len(c.lost)} lost)")
    say(f"mean steps where both passed: A {c.steps_a:.1f}, B {c.steps_b:.1f}")
    if args.html:
        from automator.runs.report import render_comparison

        try:
            Path(args.html).write_text(render_comparison(a, b, c), encoding="utf-8")
        except OSError as e:
            return _error(f"cannot write {args.html}: {e.strerror or e}")
        say(f"comparison: {args.html}")
    return EXIT_OK


def add_model_options(parser: argparse.ArgumentParser) -> None:
    """`--prompt-template FILE` and `--screenshots N`, as `run` takes them."""
    from automator.cli import TEMPLATE_HELP, count

    parser.add_argument("--prompt-template", metavar="FILE", help=TEMPLATE_HELP)
    parser.add_argument("--screenshots", type=count(1), metavar="N",
                        help="model planner: recent screenshots shown (default: the family's)")


def model_options(args: argparse.Namespace) -> dict[str, Any]:
    """The model planner's options of an eval; ConfigError where the planner is no model
    (it would silently ignore them) or the template file is missing."""
    options = {"prompt_template": args.prompt_template, "screenshots": args.screenshots}
    if all(v is None for v in options.values()):
        return options
    if args.planner.partition(":")[0] not in ("transformers", "openai"):
        raise ConfigError("--prompt-template and --screenshots are for model planners "
                          "(transformers:MODEL, openai:MODEL@URL)")
    if args.prompt_template is not None and not Path(args.prompt_template).is_file():
        raise ConfigError(f"--prompt-template: no such file {args.prompt_template}")
    return options


def cmd_bench_eval(args: argparse.Namespace) -> int:
    """`bench eval [SUITE]`: one evaluation timed with each worker count."""
    from automator.runs.bench import bench_eval

    say = console.line_printer()
    suite = Path(args.dir) if args.dir else DEFAULT_SUITE
    try:
        rows = bench_eval(suite, args.episodes, args.workers, args.planner, say)
    except (ConfigError, TaskError) as e:
        return _error(str(e))
    first = rows[0]
    say(console.table(["workers", "episodes", "wall s", "per min", "succeeded", "speed-up",
                       "load avg"],
                      [(r.workers, r.episodes, f"{r.seconds:.1f}", f"{r.per_minute:.1f}",
                        r.succeeded, f"{first.seconds / r.seconds:.2f}x",
                        f"{r.load[0]:.1f}-{r.load[1]:.1f}") for r in rows]))
    return EXIT_OK
