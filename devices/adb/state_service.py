"""`cmd automator`: the state channel of a served virtual phone.

An evaluation that does not own the phone it plays on sets each task up and checks its end
through the device itself, as benchmarks on emulators do through adb. A served virtual
phone answers, as Android answers `cmd SERVICE ...` for its system services:

    cmd automator state
        the phone's state snapshot (the JSON a task's checks read), on stdout
    cmd automator reset [--seed N] [--realism off|on|FEATURES] [--setup SETUP]
        the phone as it starts: that seed's data and layouts, that realism, and SETUP, a
        JSON object {"state": {...merged into the seed's state}, "app": "where it starts"}
        given as base64 (what clients send: no quoting to get wrong) or as plain JSON
    cmd automator help

Exit status 0 on success; 255 with a message on stderr for bad arguments (as Android's
shell commands end), 1 when the phone cannot do it. A real phone has no such service:
`cmd` answers "Can't find service: automator" with status 20, and so does a served phone
started without the channel (`AdbTarget.state_channel`).

Only the adb shell reaches it: text typed on the phone is data for its apps and never runs
as a command.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from devices.adb.shell import Context, Output

SERVICE = "automator"
USAGE = """\
automator (served virtual phone) commands:
  state
    Print the phone's state snapshot as JSON.
  reset [--seed N] [--realism off|on|FEATURES] [--setup SETUP]
    Start the phone afresh: seed N's data and layouts (default 0), the given realism
    (default off), and SETUP, a JSON object {"state": {...}, "app": "..."} in base64 or
    plain JSON: state merged into the seed's, and the app it starts in.
  help
    Print this help.
"""
_OPTIONS = ("--seed", "--realism", "--setup")


class _BadArguments(ValueError):
    pass


def automator_service(ctx: Context, out: Output) -> None:
    """`cmd automator ARGS...` (ctx.argv starts after `cmd`)."""
    args = ctx.argv[1:]
    verb = args[0] if args else "help"
    try:
        if verb == "state":
            _state(ctx, args[1:], out)
        elif verb == "reset":
            _reset(ctx, args[1:], out)
        elif verb in ("help", "-h", "--help"):
            out.out(USAGE)
        else:
            raise _BadArguments(f"Unknown command: {verb}")
    except _BadArguments as e:
        out.err(f"Error: {e}\n{USAGE}")
        out.status = 255


def _state(ctx: Context, args: tuple[str, ...], out: Output) -> None:
    if args:
        raise _BadArguments(f"state takes no arguments, got {' '.join(args)}")
    with ctx.target.lock:
        state = ctx.target.phone.state()
    out.out(json.dumps(state, ensure_ascii=False, sort_keys=True) + "\n")


def _reset(ctx: Context, args: tuple[str, ...], out: Output) -> None:
    options = _options(args)
    seed = _seed(options.get("--seed", "0"))
    realism = options.get("--realism", "off")
    setup = parse_setup(options["--setup"]) if "--setup" in options else {}
    target = ctx.target
    phone = getattr(target.phone, "inner", target.phone)
    if not callable(getattr(phone, "reset", None)):
        out.err("Error: this phone cannot be reset\n")
        out.status = 1
        return
    with target.lock:
        try:
            phone.reset(state=setup.get("state"), app=setup.get("app"), seed=seed,
                        realism=realism)
        except ValueError as e:  # unknown realism words, an app it does not have
            raise _BadArguments(str(e)) from e
        target.clipboard = None  # a fresh phone has copied nothing
        target.touch_down = None


def _options(args: tuple[str, ...]) -> dict[str, str]:
    options: dict[str, str] = {}
    words = list(args)
    while words:
        name = words.pop(0)
        if name not in _OPTIONS:
            raise _BadArguments(f"unknown option {name!r}")
        if not words:
            raise _BadArguments(f"{name} needs a value")
        options[name] = words.pop(0)
    return options


def _seed(text: str) -> int:
    if not text.isdigit():
        raise _BadArguments(f"--seed takes a number >= 0, got {text!r}")
    return int(text)


def parse_setup(text: str) -> dict[str, Any]:
    """A reset's SETUP: a JSON object, plain or in base64 (standard or URL-safe; the base64
    of an object is never JSON itself)."""
    raw = text.strip()
    try:
        setup = json.loads(raw)
    except ValueError:
        padded = raw.replace("-", "+").replace("_", "/") + "=" * (-len(raw) % 4)
        try:
            setup = json.loads(base64.b64decode(padded, validate=True).decode("utf-8"))
        except (binascii.Error, UnicodeDecodeError, ValueError) as e:
            raise _BadArguments(f"--setup is neither JSON nor base64 of JSON ({e})") from e
    if not isinstance(setup, dict) or set(setup) - {"state", "app"}:
        raise _BadArguments('--setup must be an object with "state" and/or "app"')
    if not isinstance(setup.get("state") or {}, dict):
        raise _BadArguments('--setup: "state" must be an object')
    if setup.get("app") is not None and not isinstance(setup["app"], str):
        raise _BadArguments('--setup: "app" must be a string')
    return setup
