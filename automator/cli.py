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
import json
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
    from devices.adb.profile import Profile
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


# -- perceive -------------------------------------------------------------------------------

def _write_output(data: str | bytes, out: str | None) -> None:
    if out:
        Path(out).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        sys.stdout.write(data if data.endswith("\n") else data + "\n")


def cmd_perceive(args: argparse.Namespace) -> int:
    import io

    from PIL import Image, UnidentifiedImageError

    from perception import render_html, render_json, render_som, render_text
    from perception.errors import PerceptionError
    from perception.uiautomator import parse_uiautomator

    if args.format == "som" and not args.screenshot:
        return _error("--format som needs --screenshot")
    try:
        xml = Path(args.file).read_text(encoding="utf-8")
        image = Image.open(args.screenshot).convert("RGB") if args.screenshot else None
        size = (image.width, image.height) if image else (None, None)
        screen = parse_uiautomator(xml, size[0], size[1], screenshot=image)
    except (OSError, UnicodeDecodeError, UnidentifiedImageError, PerceptionError) as e:
        return _error(f"cannot read {args.file}: {e}")
    if args.format == "som":
        buffer = io.BytesIO()
        render_som(screen, image).save(buffer, format="PNG")
        _write_output(buffer.getvalue(), args.out)
    elif args.format == "json":
        _write_output(json.dumps(render_json(screen), indent=2, ensure_ascii=False), args.out)
    else:
        _write_output((render_html if args.format == "html" else render_text)(screen), args.out)
    return EXIT_OK


# -- explore, bench ---------------------------------------------------------------------

def cmd_explore(args: argparse.Namespace) -> int:
    from automator.config import build_device, memory_dir
    from planners.embedded import AppMemory, explore
    from planners.embedded.memory import MemoryFormatError

    if args.device.partition(":")[0] != "virtual" and not args.app:
        return _error("on a real phone, name the apps to explore: --app PACKAGE [PACKAGE ...] "
                      "(`adb shell pm list packages` lists them)")
    try:
        device = build_device(args.device, _phone_config(args))
    except ConfigError as e:
        return _error(str(e))
    bar = console.ExploreBar()
    with device:
        folder = memory_dir(device, args.memory)
        memory = AppMemory()
        if AppMemory.exists(folder):
            try:
                memory = AppMemory.load(folder)
            except MemoryFormatError as e:
                bar.say(f"the saved memory cannot be read ({e}): starting a new one")
        memory = explore(device, memory, apps=args.app or None, budget=args.budget,
                         on_progress=bar.say, time_limit_s=args.minutes * 60,
                         on_status=bar.status)
        memory.save(folder)
    bar.say(f"memory saved to {folder}")
    return EXIT_OK


# -- devices ----------------------------------------------------------------------------------

def cmd_devices(args: argparse.Namespace) -> int:
    from devices.android import list_devices
    from devices.errors import DeviceError

    try:
        found = list_devices()
    except DeviceError as e:
        return _error(f"cannot reach the adb server: {e}")
    say = console.line_printer()
    if not found:
        say("no devices attached (is USB debugging on? see `adb devices`)")
    for d in found:
        size = f"{d.size[0]}x{d.size[1]}" if d.size else "-"
        say(f"{d.serial:<24} {d.state:<13} {d.model or '-':<20} {size}")
    return EXIT_OK


def cmd_do(args: argparse.Namespace) -> int:
    from automator.action_words import ActionSyntaxError, parse_action
    from automator.config import build_device
    from devices.actions import describe
    from devices.errors import ActionRejected, DeviceError

    try:
        action = parse_action(args.action)
        device = build_device(args.device)
    except (ActionSyntaxError, ConfigError) as e:
        return _error(str(e))
    with device:
        try:
            executed = device.execute(action)
        except ActionRejected as e:
            return _error(f"rejected: {e}")
        except DeviceError as e:
            sys.stderr.write(f"automator: device failed: {e}\n")
            return EXIT_FAILED
    console.line_printer()(f"executed: {describe(executed)}")
    return EXIT_OK


def _profile(args: argparse.Namespace) -> Profile | None:
    """The kind of real phone to speak like: none unless --android or --vendor is given."""
    from devices.adb.profile import Profile

    if args.android is None and args.vendor is None and not args.input_security:
        return None
    return Profile(args.android or 14, args.vendor or "pixel", args.input_security)


def cmd_serve(args: argparse.Namespace) -> int:
    from devices.adb.server import AdbServer, run_forever

    say = console.line_printer()

    def announce(server: AdbServer) -> None:
        say(f"adb server listening on {server.host}:{server.port}")
        for serial in server.serials:
            say(f"{serial}\tdevice")
        say(f"export ANDROID_ADB_SERVER_PORT={server.port}")

    try:
        phone = _phone_config(args)
    except ConfigError as e:
        return _error(str(e))
    phones = {p.name: p for p in (phone.phone(index=i) for i in range(args.devices))}
    run_forever(args.port, args.devices, on_ready=announce, phones=phones,
                profile=_profile(args), state_channel=not args.no_state_channel)
    return EXIT_OK


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
    from automator.cli_demos import add_commands
    from automator.cli_eval import add_model_options, cmd_compare, cmd_eval, serials
    from automator.cli_offline import add_options as add_offline_options
    from automator.cli_record import register as register_record
    from devices.adb.profile import ANDROID_VERSIONS, VENDORS

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

    perceive = sub.add_parser("perceive", help="show what perception reads from a dump")
    perceive.add_argument("file")
    perceive.add_argument("--screenshot")
    perceive.add_argument("--format", choices=["text", "html", "json", "som"], default="text")
    perceive.add_argument("--out")
    perceive.set_defaults(func=cmd_perceive)

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

    ex = sub.add_parser("explore", help="explore a device's apps into the planner's memory")
    ex.add_argument("--device", default="virtual")
    ex.add_argument("--app", nargs="*", help="labels or packages (required on a real phone)")
    ex.add_argument("--budget", type=count(1), default=150, help="actions at most, per app")
    ex.add_argument("--minutes", type=minutes, default=10.0, help="time limit, in all")
    ex.add_argument("--memory")
    _add_phone_options(ex)
    ex.set_defaults(func=cmd_explore)

    from automator.cli_bench import add_parser as add_bench

    add_bench(sub)

    sub.add_parser("devices", help="list attached Android devices").set_defaults(func=cmd_devices)

    do = sub.add_parser("do", help="perform one action on a device and print what ran")
    do.add_argument("--device", default="android",
                    help="android[:SERIAL] | virtual | desktop[:APP]")
    do.add_argument("action", nargs=argparse.REMAINDER,
                    help="e.g. tap 540 1200 | key back | type_text 'héllo; ls' | scroll down")
    do.set_defaults(func=cmd_do)
    from automator.cli_replay import add_parser as add_replay

    add_replay(sub)

    register_record(sub)

    phone = sub.add_parser("virtual-phone", help="the virtual phone as an adb device")
    phone_sub = phone.add_subparsers(dest="phone_command", required=True)
    serve = phone_sub.add_parser("serve", help="serve virtual phones over the adb protocol")
    serve.add_argument("--port", type=int, default=5037, help="adb server port (default 5037)")
    serve.add_argument("--devices", type=count(1), default=1, help="how many phones")
    serve.add_argument("--android", type=int, choices=ANDROID_VERSIONS,
                       help="speak like this Android version's phones (default: its own way)")
    serve.add_argument("--vendor", choices=VENDORS, help="speak like this vendor's phones")
    serve.add_argument("--input-security", action="store_true",
                       help="xiaomi: 'USB debugging (Security settings)' is on (else `input` "
                            "is refused)")
    serve.add_argument("--no-state-channel", action="store_true",
                       help="do not answer `cmd automator state|reset` (as a real phone: "
                            "`eval --devices` cannot set up or check tasks on it)")
    _add_phone_options(serve)
    serve.set_defaults(func=cmd_serve)
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
