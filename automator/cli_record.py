"""`automator record "GOAL" --device android[:SERIAL]|desktop[:APP] [--out DIR]`: a person's
demonstration.

The person does the task on the device; every touch and key becomes a step of an episode in
the agent's own format (automator.recording; `author: "human"`). At the terminal the person
ends it with `done`, `answer TEXT` or `infeasible REASON`; Ctrl-C stops it (aborted, every
step kept). Exit status: 0 done, 3 infeasible, 1 stopped or failed, 2 bad input.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from automator import console
from automator.errors import ConfigError

PROMPT = "ready: act on the device; type done | answer TEXT | infeasible REASON to end"


def register(sub: Any) -> None:
    """Add the `record` command to the command line's subparsers."""
    record = sub.add_parser("record", help="record a person doing a task on a device")
    record.add_argument("goal", help="what the person is about to do")
    record.add_argument("--device", default="android",
                        help="android[:SERIAL] (a phone over adb) | desktop[:APP] (X11)")
    record.add_argument("--out", help="episode folder (default ./runs/<time>-<goal>)")
    record.add_argument("--settle", type=float, default=0.5, metavar="S",
                        help="seconds to let the screen settle after an action (default 0.5)")
    record.add_argument("--typing-idle", type=float, default=1.0, metavar="S",
                        help="seconds without a key that end a typed text (default 1.0)")
    record.set_defaults(func=cmd_record)


def cmd_record(args: argparse.Namespace, stdin: TextIO | None = None) -> int:
    from automator.cli import EXIT_FAILED, EXIT_INFEASIBLE, EXIT_OK, _default_out, _error
    from automator.trajectory import Outcome

    kind = args.device.partition(":")[0]
    if kind not in ("android", "desktop"):
        return _error(f"cannot record on {args.device!r}: record a person on android[:SERIAL] "
                      "(the virtual phone too, served with `automator virtual-phone serve`) "
                      "or desktop[:APP]")
    out = Path(args.out) if args.out else _default_out(args.goal)
    try:
        trajectory = _record(args, out, stdin or sys.stdin)
    except ConfigError as e:
        return _error(str(e))
    console.print_outcome(trajectory, str(out), sys.stdout)
    if trajectory.outcome == Outcome.SUCCESS:
        return EXIT_OK
    return EXIT_INFEASIBLE if trajectory.outcome == Outcome.INFEASIBLE else EXIT_FAILED


def _record(args: argparse.Namespace, out: Path, stdin: TextIO) -> Any:
    from automator.config import build_device
    from automator.demonstrate import Demonstration, RecordConfig
    from automator.recording import Recorder
    from devices.errors import DeviceError

    say = console.line_printer()
    config = RecordConfig(settle_s=max(0.0, args.settle), typing_idle_s=max(0.1, args.typing_idle))
    with build_device(args.device) as device:
        try:
            watch = _watch(args.device, device)
        except DeviceError as e:
            raise ConfigError(f"cannot watch {device.name}: {e}") from e
        say(f"goal: {args.goal}\ndevice: {device.name}, reading: {watch.input_name}")
        demo = Demonstration(args.goal, device, watch, Recorder(out), config,
                             on_step=console.StepPrinter(), on_ready=lambda: say(PROMPT))
        _listen(stdin, demo.finish, say)
        return demo.run()


def _watch(spec: str, device: Any) -> Any:
    """What reads the person's input: the phone's getevent, or the X server's RECORD."""
    if spec.partition(":")[0] == "desktop":
        from devices.desktop.input_watch import DesktopInputWatch

        return DesktopInputWatch(os.environ.get("DISPLAY"))
    from devices.android_input import AndroidInputWatch

    first = device.capture()
    return AndroidInputWatch(device, (first.width, first.height), first.rotation)


def _listen(stdin: TextIO, finish: Callable[[Any], None], say: Callable[[str], None]) -> None:
    """Read the person's closing word from the terminal, beside the recording."""
    from automator.demo_actions import parse_ending

    def read() -> None:
        for line in stdin:
            if not line.strip():
                continue
            try:
                finish(parse_ending(line))
                return
            except ValueError as e:
                say(str(e))

    threading.Thread(target=read, daemon=True, name="record-stdin").start()
