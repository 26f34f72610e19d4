"""Commands that work on one device, or on what it shows: `perceive`, `explore`, `devices`,
`do` and `virtual-phone serve` (usage in `automator.cli`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from automator import console
from automator.cli import (
    EXIT_FAILED,
    EXIT_OK,
    _add_phone_options,
    _error,
    _phone_config,
    count,
    minutes,
)
from automator.errors import ConfigError

if TYPE_CHECKING:
    from devices.adb.profile import Profile


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from devices.adb.profile import ANDROID_VERSIONS, VENDORS

    perceive = sub.add_parser("perceive", help="show what perception reads from a dump")
    perceive.add_argument("file")
    perceive.add_argument("--screenshot")
    perceive.add_argument("--format", choices=["text", "html", "json", "som"], default="text")
    perceive.add_argument("--out")
    perceive.set_defaults(func=cmd_perceive)

    ex = sub.add_parser("explore", help="explore a device's apps into the planner's memory")
    ex.add_argument("--device", default="virtual")
    ex.add_argument("--app", nargs="*", help="labels or packages (required on a real phone)")
    ex.add_argument("--budget", type=count(1), default=150, help="actions at most, per app")
    ex.add_argument("--minutes", type=minutes, default=10.0, help="time limit, in all")
    ex.add_argument("--memory")
    _add_phone_options(ex)
    ex.set_defaults(func=cmd_explore)

    sub.add_parser("devices", help="list attached Android devices").set_defaults(func=cmd_devices)

    do = sub.add_parser("do", help="perform one action on a device and print what ran")
    do.add_argument("--device", default="android",
                    help="android[:SERIAL] | virtual | desktop[:APP]")
    do.add_argument("action", nargs=argparse.REMAINDER,
                    help="e.g. tap 540 1200 | key back | type_text 'héllo; ls' | scroll down")
    do.set_defaults(func=cmd_do)

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


# -- explore ---------------------------------------------------------------------------

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
