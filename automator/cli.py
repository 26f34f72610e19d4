"""The `automator` command: thin shells over library functions.

    automator run "GOAL" [--device D] [--planner P] [--max-steps N] [--out DIR] [--allow C ...]
                   [--seed N] [--realism on|off]
    automator perceive FILE.xml [--screenshot PNG] [--format text|html|json|som] [--out FILE]
    automator eval SUITE_DIR [--planner P] [--out DIR] [--tasks GLOB] [--seeds N ...]
                   [--prompt-template FILE] [--screenshots N]   (model planners)
                   [--realism on|off] [--workers N] [--ray ADDRESS|local]
                   [--devices SERIAL[,SERIAL...]]   (attached served virtual phones)
    automator eval screens [DIR] [--out DIR]        (first decision on real dumps, no memory)
    automator eval miniwob [--tasks LIST|all] [--episodes N] [--seed S] [--planner P]
                   [--workers N] [--out DIR]      (MiniWoB++ pages in headless Chromium)
    automator eval offline DATASET --format aitw|aitz|androidcontrol|gui-odyssey|ours
                   [--planner P|oracle] [--limit N] [--instruction high|step] [--out DIR]
    automator eval grounding DATA [--planner P] [--limit N] [--out DIR]   (ScreenSpot)
    automator compare EVAL_A EVAL_B [--html FILE]   (two eval folders or summary.json files)
    automator explore [--device D] [--app APP ...] [--budget N] [--minutes M] [--memory DIR]
                   [--seed N] [--realism on|off]
    automator bench perception DIR | automator bench step|adb [--steps N]
    automator bench planner MODEL [--episode-steps 10] [--screenshots N]
    automator bench desktop [--steps N]   (capture + perceive of a 250-node desktop tree)
    automator bench vlm [--sizes tiny 3b 7b] [--torch-device cuda] [--max-pixels N]
                        [--episode-steps N] [--batch N] [--compile]
    automator bench capture [--realism on] [--seed N] [--rounds R]
    automator bench view [EPISODE] [--steps 50] | automator bench export [--steps 1000]
    automator view EPISODE|DIR [--out FILE] [--no-open]    (an HTML report)
    automator export DIR --format androidcontrol|aitw|gui-odyssey|jsonl|parquet [--out PATH]
    automator record "GOAL" [--device android[:SERIAL]|desktop[:APP]] [--out DIR]
                                                      (a person demonstrates)
    automator bench eval [SUITE_DIR] [--episodes 200] [--workers 1 4] [--planner P]
    automator bench miniwob [--steps N]         (a MiniWoB++ step in Chromium, model excluded)
    automator devices
    automator do [--device D] ACTION WORDS...      (e.g. tap 540 1200, type_text "héllo; ls")
    automator replay EPISODE [--device D] [--out DIR] [--allow C ...]  (checked re-execution)
    automator virtual-phone serve [--port PORT] [--devices N] [--seed N] [--realism on|off]
                                  [--android 9|11|14|16] [--vendor pixel|samsung|xiaomi]
                                  [--input-security]

`--seed` and `--realism` pick the virtual phone (its data and layouts; how much it behaves
like a real phone); each (seed, realism) has its own exploration memory. `--android` and
`--vendor` make the served phone print what that kind of real phone prints (see
devices.adb.profile); `--input-security` is a Xiaomi's "USB debugging (Security settings)".

Exit status of `run`: 0 the task succeeded, 3 the agent found it infeasible, 1 any other end
(failure, step or time budget, device failure, interrupted); 2 bad input (unknown device or
planner, unreadable file), for every command. Other commands: 0 done, 1 failed.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from automator import console
from automator.errors import ConfigError

if TYPE_CHECKING:
    from automator.config import PhoneConfig
    from devices.device import Device
    from planners.planner import Planner

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INFEASIBLE = 3  # apart from 2, which argparse and bad input use
DEFAULT_SUITE_PLANNER = "default"
PLANNER_HELP = "default | transformers:MODEL_ID_OR_PATH | openai:MODEL@BASE_URL"
NOTES_HELP = "do not tell a model planner what the exploration memory knows of each app"
REALISM_HELP = ("virtual phone: on | off | features (hints,unlabelled,opaque_ids,"
                "system_windows,transitions,interruptions); default off")
TEMPLATE_HELP = ("model planner: a prompt template file of your own (an official one); "
                 "{instruction} {action_space} {output_format} {language} {device} are "
                 "filled in; with {instruction} it is the first user turn, else the system "
                 "prompt")
GRAMMAR_HELP = ("action grammar of a model planner: som_json | uitars | uitars_v1 | "
                "qwen_mobile | qwen2_mobile | qwen3_mobile (default: inferred from the "
                "model's name)")


def _slug(text: str, limit: int = 40) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:limit] or "episode"


def _default_out(goal: str) -> Path:
    return Path("runs") / f"{time.strftime('%Y%m%d-%H%M%S')}-{_slug(goal)}"


def _error(message: str) -> int:
    sys.stderr.write(f"automator: {' '.join(message.split())}\n")
    return EXIT_USAGE


# -- run ------------------------------------------------------------------------------------

def cmd_run(args: argparse.Namespace) -> int:
    from automator.config import LoopConfig, build_device
    from automator.loop import run_episode
    from automator.recording import Recorder
    from automator.safety import check_categories
    from automator.trajectory import Outcome

    say = console.line_printer()
    try:
        allow = check_categories(args.allow or [])
        phone = _phone_config(args)
        device = build_device(args.device, phone)
    except (ConfigError, ValueError) as e:
        return _error(str(e))
    with device:
        try:
            planner = _planner_for_run(args, device, say)
        except ConfigError as e:
            return _error(str(e))
        out = Path(args.out) if args.out else _default_out(args.goal)
        config = LoopConfig(max_steps=args.max_steps, allow=allow).for_device(
            args.device, transitions=phone.transitions)
        say(f"goal: {args.goal}\ndevice: {device.name}, planner: {planner.name}")
        trajectory = run_episode(args.goal, device, planner, config, recorder=Recorder(out),
                                 confirm=console.tty_confirm(), on_step=console.StepPrinter())
    console.print_outcome(trajectory, str(out), sys.stdout)
    if trajectory.outcome == Outcome.SUCCESS:
        return EXIT_OK
    return EXIT_INFEASIBLE if trajectory.outcome == Outcome.INFEASIBLE else EXIT_FAILED


def _planner_for_run(args: argparse.Namespace, device: Device, say: Callable[[str], None]
                     ) -> Planner:
    """The planner; a virtual phone is explored (when needed) on a twin, so that the run
    starts from the phone's own initial state; a real phone never is (see `needs_map`)."""
    from automator.config import build_device, build_planner

    options = {"on_progress": say, "grammar": args.grammar, "app_notes": not args.no_app_notes,
               "prompt_template": args.prompt_template, "screenshots": args.screenshots}
    kind = args.device.partition(":")[0]
    if kind == "browser" and args.planner in ("default", "embedded") and not args.memory:
        from planners.embedded import EmbeddedPlanner

        return EmbeddedPlanner()  # a web page has no map of apps: it grounds on the page
    if kind != "virtual":  # a real phone is explored only when asked
        return build_planner(args.planner, device, args.memory, may_explore=False, **options)
    with build_device(args.device, _phone_config(args)) as twin:
        return build_planner(args.planner, twin, args.memory, **options)


def _phone_config(args: argparse.Namespace) -> PhoneConfig:
    from automator.config import PhoneConfig, check_realism

    return PhoneConfig(args.seed, check_realism(args.realism))


MAX_GOAL = 2000  # characters: longer is not a request a person types


def goal_text(text: str) -> str:
    """A goal as typed: not blank, not absurdly long; its spacing kept."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the goal is empty: say what to do")
    if len(text) > MAX_GOAL:
        raise argparse.ArgumentTypeError(
            f"the goal is {len(text)} characters long; at most {MAX_GOAL} are taken")
    return text


def minutes(text: str) -> float:
    """An argparse type: a positive, finite number of minutes."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text} minutes is not a time limit")
    return value


def count(least: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least `least`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < least:
            raise argparse.ArgumentTypeError(f"{value} is less than {least}")
        return value

    return parse


class _Parser(argparse.ArgumentParser):
    """Bad command lines get one line (`automator run: argument ...: ...`) and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see --help)\n")


def _add_phone_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=count(0), default=0,
                        help="virtual phone: the seed of its data and layouts (default 0)")
    parser.add_argument("--realism", default="off", help=REALISM_HELP)


# -- parser -----------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    from automator.cli_bench import add_parser as add_bench
    from automator.cli_demos import add_commands
    from automator.cli_device import add_parsers as add_device_commands
    from automator.cli_eval import add_model_options, cmd_compare, cmd_eval, serials
    from automator.cli_offline import add_options as add_offline_options
    from automator.cli_record import register as register_record
    from automator.cli_replay import add_parser as add_replay

    parser = _Parser(prog="automator", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log more (-vv: debug)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    run = sub.add_parser("run", help="carry out a goal on a device")
    run.add_argument("goal", type=goal_text)
    run.add_argument("--device", default="virtual",
                     help="virtual | android[:SERIAL] | desktop[:APP] | browser:URL")
    run.add_argument("--planner", default="default", help=PLANNER_HELP)
    run.add_argument("--grammar", help=GRAMMAR_HELP)
    run.add_argument("--prompt-template", metavar="FILE", help=TEMPLATE_HELP)
    run.add_argument("--screenshots", type=count(1), metavar="N",
                     help="model planner: recent screenshots shown (default: the family's)")
    run.add_argument("--no-app-notes", action="store_true", help=NOTES_HELP)
    run.add_argument("--max-steps", type=count(1), default=30)
    run.add_argument("--out", help="episode folder (default ./runs/<time>-<goal>)")
    run.add_argument("--allow", nargs="*", metavar="CATEGORY",
                     help="pre-approve sensitive categories: payment send_money deletion "
                          "uninstall install permission call send overwrite")
    run.add_argument("--memory", help="exploration memory folder")
    _add_phone_options(run)
    run.set_defaults(func=cmd_run)

    ev = sub.add_parser("eval", help="evaluate a planner on a task suite (virtual phone)")
    ev.add_argument("suite", help="a task suite folder, or the word `screens` for the embedded "
                    "planner's first decision on real screens (DIR, default datasets/screens)")
    ev.add_argument("dir", nargs="?", help="with `screens`: the folder of screens")
    ev.add_argument("--planner", default=DEFAULT_SUITE_PLANNER,
                    help=f"{PLANNER_HELP} | script (each task's own script: the proof that "
                         "the suite can be done)")
    ev.add_argument("--grammar", help=GRAMMAR_HELP)
    ev.add_argument("--no-app-notes", action="store_true", help=NOTES_HELP)
    add_model_options(ev)
    ev.add_argument("--out")
    ev.add_argument("--tasks", default="*", help="glob over task ids (miniwob: names and "
                    "globs separated by commas, or all)")
    ev.add_argument("--memory", help="exploration memory folder")
    ev.add_argument("--over-adb", action="store_true",
                    help="drive each phone through the adb protocol (AndroidDevice)")
    ev.add_argument("--seeds", type=count(0), nargs="+", default=[0], metavar="N",
                    help="run every task on a phone of each seed (default: 0)")
    ev.add_argument("--realism", default="off", help=REALISM_HELP)
    ev.add_argument("--episodes", type=count(1), default=3, help="miniwob: episodes per task")
    ev.add_argument("--seed", type=count(0), default=0,
                    help="miniwob: seeds episode i of every task with SEED-i (default 0)")
    ev.add_argument("--workers", type=count(1), default=1,
                    help="episodes run side by side: processes with a phone and a planner "
                         "each (miniwob: Chromium pages)")
    ev.add_argument("--ray", metavar="ADDRESS",
                    help="spread the episodes over a Ray cluster (or `local`), --workers actors")
    ev.add_argument("--devices", type=serials, default=(), metavar="SERIAL[,SERIAL...]",
                    help="play on these attached adb devices, one episode per device at a "
                         "time (served virtual phones: they answer `cmd automator`)")
    add_offline_options(ev)
    ev.set_defaults(func=cmd_eval)

    cmp = sub.add_parser("compare", help="compare two eval runs of one suite, task by task")
    cmp.add_argument("a", help="eval output folder or summary.json (the baseline)")
    cmp.add_argument("b", help="eval output folder or summary.json (the change)")
    cmp.add_argument("--html", metavar="FILE", help="also write the comparison as a web page")
    cmp.set_defaults(func=cmd_compare)

    add_bench(sub)
    add_device_commands(sub)
    add_replay(sub)
    register_record(sub)
    add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)  # as typed, for eval's records
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
