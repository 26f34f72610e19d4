"""The `replay` command: an episode folder carried out again on a device, and checked.

    automator replay EPISODE [--device D] [--out DIR] [--allow C ...] [--seed N] [--realism R]

Without `--device`, the episode's own virtual phone (its seed and realism, read from the
device name in its header) or, for an episode of another device, the plain virtual phone.
Exit status: 0 every step replayed and every screen matched; 1 the replay diverged (the
report says where) or the device failed; 2 bad input.

Text typed into password fields is not in the recording. Its value comes from the environment,
`AUTOMATOR_SECRET_<N>` for recorded step N or `AUTOMATOR_SECRET` for every such step, else it
is asked on the terminal without echo; without either the replay stops at that step, saying
so. There is no command-line option for it: command lines are kept in shell histories and
shown to every user by `ps`.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from automator import console
from automator.cli import EXIT_FAILED, EXIT_OK, _add_phone_options, _error, _slug
from automator.errors import ConfigError

if TYPE_CHECKING:
    from automator.config import PhoneConfig
    from automator.replay import SecretSource

SECRET_ENV = "AUTOMATOR_SECRET"  # the value for every masked step; _<N> for recorded step N


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rp = sub.add_parser("replay", help="carry out a recorded episode again, checking each screen")
    rp.add_argument("episode", help="an episode folder (as `run` writes)")
    rp.add_argument("--device", help="virtual | android[:SERIAL] | desktop[:APP] "
                    "(default: the episode's own virtual phone)")
    rp.add_argument("--out", help="folder of the replay episode (default ./runs/<time>-replay-"
                    "<episode>)")
    rp.add_argument("--allow", nargs="*", metavar="CATEGORY",
                    help="pre-approve sensitive categories, as for `run`")
    _add_phone_options(rp)
    rp.epilog = (f"Text typed into password fields is not recorded: it is read from "
                 f"{SECRET_ENV}_<STEP> or {SECRET_ENV}, else asked on the terminal.")
    rp.set_defaults(func=cmd_replay, seed=None, realism=None)


def _phone(args: argparse.Namespace, recorded_device: str) -> tuple[str, PhoneConfig]:
    """The device spec and virtual phone config: given, else the episode's own phone."""
    from automator.config import PhoneConfig, check_realism

    own = PhoneConfig.from_serial(recorded_device) or PhoneConfig()
    seed = own.seed if args.seed is None else args.seed
    realism = own.realism if args.realism is None else check_realism(args.realism)
    return args.device or "virtual", PhoneConfig(seed, realism)


def secret_source(environ: Mapping[str, str] | None = None,
                  ask: bool | None = None) -> SecretSource:
    """Secrets from the environment, else (on a terminal) asked without echo."""
    env = os.environ if environ is None else environ
    ask = sys.stdin.isatty() if ask is None else ask

    def secret(step: int, field: str) -> str | None:
        value = env.get(f"{SECRET_ENV}_{step}") or env.get(SECRET_ENV)
        if value or not ask:
            return value or None
        where = f" into {field!r}" if field else ""
        return getpass.getpass(f"step {step} typed a secret{where}; its value (not shown): ")

    return secret


def cmd_replay(args: argparse.Namespace) -> int:
    from automator.config import LoopConfig, build_device
    from automator.recording import load_trajectory
    from automator.replay import replay
    from automator.safety import check_categories

    say = console.line_printer()
    try:
        recorded = load_trajectory(args.episode)
        allow = check_categories(args.allow or [])
        spec, phone = _phone(args, recorded.device)
        device = build_device(spec, phone)
    except (ConfigError, ValueError) as e:
        return _error(str(e))
    out = Path(args.out) if args.out else Path("runs") / (
        f"{time.strftime('%Y%m%d-%H%M%S')}-replay-{_slug(Path(args.episode).name)}")
    config = LoopConfig(allow=allow).for_device(spec, transitions=phone.transitions)
    say(f"replaying {args.episode} ({len(recorded.steps)} steps: {recorded.goal})\n"
        f"device: {device.name}")
    if not recorded.complete:
        say("the recording was cut short: its finished steps are replayed")
    with device:
        try:
            result = replay(args.episode, device, out, config, confirm=console.tty_confirm(),
                            on_step=console.StepPrinter(), secret=secret_source())
        except ValueError as e:
            return _error(f"cannot replay {args.episode}: {e}")
    if result.divergence is not None:
        sys.stdout.write(result.divergence.report() + "\n")
        if result.divergence.needs_secret:
            say(f"  give it in {SECRET_ENV}_{result.divergence.step} (or {SECRET_ENV} for "
                "every password step), or replay on a terminal to be asked")
    lowest = min(result.similarities, default=1.0)
    say(f"{'replayed' if result.ok else 'stopped'}: {result.replayed}/{result.total} steps; "
        f"lowest screen similarity {lowest:.2f}; {result.trajectory.reason}\nreplay: {out}")
    return EXIT_OK if result.ok else EXIT_FAILED
