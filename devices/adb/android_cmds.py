"""Android commands of the device shell (`input`, `am`, `uiautomator`, `dumpsys`, `pm`, …).

Each prints what an Android 14 device prints, as far as adb clients parse it (see
/work/shared/reference/adb-protocol.md §4), or what the target's `Profile` says its kind of
phone prints. They drive the phone through `PhoneBackend`.
"""

from __future__ import annotations

import base64
import io
import logging
import zlib

from devices.adb.profile import MULTI_DISPLAY_WARNING
from devices.adb.shell import Command, Context, Output
from devices.adb.target import AdbTarget
from devices.errors import ActionRejected

logger = logging.getLogger(__name__)

DUMP_LINE = "UI hierchary dumped to: {}"  # AOSP's spelling, matched literally by clients
U2_MAIN = "com.wetest.uia2.Main"
U2_IME = "com.github.uiautomator/.AdbKeyboard"
ADB_KEYBOARD_IME = "com.android.adbkeyboard/.AdbIME"
KEYCODES = {
    "HOME": 3, "BACK": 4, "CALL": 5, "ENDCALL": 6, "DPAD_UP": 19, "DPAD_DOWN": 20,
    "DPAD_LEFT": 21, "DPAD_RIGHT": 22, "DPAD_CENTER": 23, "VOLUME_UP": 24, "VOLUME_DOWN": 25,
    "POWER": 26, "CAMERA": 27, "TAB": 61, "SPACE": 62, "ENTER": 66, "DEL": 67, "MENU": 82,
    "SEARCH": 84, "ESCAPE": 111, "FORWARD_DEL": 112, "MOVE_HOME": 122, "MOVE_END": 123,
    "VOLUME_MUTE": 164, "APP_SWITCH": 187, "SLEEP": 223, "WAKEUP": 224,
}  # fmt: skip
_CODE_NAMES = {v: k for k, v in KEYCODES.items()}
_TYPABLE = {chr(c) for c in range(0x20, 0x7F)} | {"\n", "\t"}


def token(text: str) -> str:
    """A stable 7-hex-digit identity for window and activity records."""
    return f"{zlib.crc32(text.encode()) & 0xFFFFFFF:07x}"


def pid_of(name: str) -> int:
    return 2000 + zlib.crc32(name.encode()) % 20000


def png_bytes(target: AdbTarget) -> bytes:
    with target.lock:
        image = target.phone.screenshot()
    buf = io.BytesIO()
    image.convert("RGB").save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


def foreground(target: AdbTarget) -> tuple[str, str]:
    with target.lock:
        package, activity = target.phone.foreground()
    return package, activity


def long_activity(package: str, activity: str) -> str:
    return package + activity if activity.startswith(".") else activity


def short_activity(package: str, activity: str) -> str:
    full = long_activity(package, activity)
    return full[len(package) :] if full.startswith(package + ".") else full


def rotation(target: AdbTarget) -> int:
    return int(getattr(target.phone, "rotation", 0) or 0) % 4


def usage(out: Output, text: str, status: int = 1) -> None:
    out.err(text)
    out.status = status


# --- input -------------------------------------------------------------------------------


def _keycode(name: str) -> int | None:
    if name.isdigit():
        return int(name)
    key = name.upper().removeprefix("KEYCODE_")
    return KEYCODES.get(key)


def press(target: AdbTarget, code: int) -> None:
    """Send one key to the phone; keys it does not model are ignored, as a phone ignores
    keys no app listens to."""
    name = "KEYCODE_" + _CODE_NAMES.get(code, str(code))
    with target.lock:
        try:
            target.phone.press_key(code if code in (3, 4, 66, 67, 187) else name)
        except (ActionRejected, ValueError, KeyError):
            logger.debug("%s: key %s not modelled", target.serial, name)


def type_ascii(target: AdbTarget, text: str) -> None:
    """`input text` semantics: `%s` is a space; newlines are ENTER key presses."""
    text = text.replace("%s", " ")
    for i, part in enumerate(text.split("\n")):
        if i:
            press(target, KEYCODES["ENTER"])
        if part:
            with target.lock:
                target.phone.input_text(part)


def _input(ctx: Context, out: Output) -> None:
    args = list(ctx.argv[1:])
    if args and args[0] in ("touchscreen", "keyboard", "mouse", "touchpad", "dpad"):
        args = args[1:]
    if args[:1] == ["-d"]:
        args = args[2:]
    if not args:
        return usage(out, "Usage: input [<source>] [-d DISPLAY_ID] <command> [<arg>...]\n")
    verb, rest = args[0], args[1:]
    handler = _INPUT_VERBS.get(verb)
    if handler is None:
        return usage(out, f"Error: Unknown command: {verb}\n")
    if ctx.target.input_refused:
        return _refuse(ctx.target, verb, out)
    try:
        handler(ctx.target, rest, out)
    except ValueError:
        usage(out, f"Error: Invalid arguments for command: {verb}\n")
    return None


def _refuse(target: AdbTarget, verb: str, out: Output) -> None:
    """The INJECT_EVENTS SecurityException; Android 11+ runs `input` as a shell command of
    the input service, which prefixes the failing command and exits with -1."""
    assert target.profile is not None
    if target.profile.android >= 11:
        out.err(f"Exception occurred while executing '{verb}':\n{target.profile.refusal()}")
        out.status = 255
    else:
        out.err(target.profile.refusal())


def _ints(values: list[str], counts: tuple[int, ...]) -> list[int]:
    if len(values) not in counts:
        raise ValueError("argument count")
    return [int(float(v)) for v in values]


def _tap(target: AdbTarget, args: list[str], out: Output) -> None:
    x, y = _ints(args, (2,))
    with target.lock:
        target.phone.tap(x, y)


def _swipe(target: AdbTarget, args: list[str], out: Output) -> None:
    v = _ints(args, (4, 5))
    duration = v[4] if len(v) == 5 else 300
    with target.lock:
        if (v[0], v[1]) == (v[2], v[3]) and duration >= 400:
            target.phone.long_press(v[0], v[1], duration)
        else:
            target.phone.swipe(v[0], v[1], v[2], v[3], duration)


def _text(target: AdbTarget, args: list[str], out: Output) -> None:
    if len(args) != 1:
        raise ValueError("text takes exactly one argument")
    if any(c not in _TYPABLE for c in args[0]):
        out.err(
            "Exception occurred while executing 'text':\n"
            "java.lang.NullPointerException: Attempt to get length of null array\n"
            "\tat com.android.server.input.InputShellCommand.sendText(InputShellCommand.java:319)\n"
        )
        out.status = 255
        return
    type_ascii(target, args[0])


def _keyevent(target: AdbTarget, args: list[str], out: Output) -> None:
    names = [a for a in args if a not in ("--longpress", "--doubletap", "--delay")]
    if not names:
        raise ValueError("no key")
    for name in names:
        code = _keycode(name)
        if code is not None:
            press(target, code)


_INPUT_VERBS = {"tap": _tap, "swipe": _swipe, "text": _text, "keyevent": _keyevent}


# --- am / monkey ---------------------------------------------------------------------------


def _option(args: tuple[str, ...], flag: str) -> str | None:
    return args[args.index(flag) + 1] if flag in args[:-1] else None


def _start(target: AdbTarget, app: str) -> bool:
    with target.lock:
        try:
            target.phone.start_app(app)
        except ActionRejected:
            return False
    return True


def _am(ctx: Context, out: Output) -> None:
    args = ctx.argv[1:]
    verb = args[0] if args else ""
    if verb in ("start", "start-activity"):
        _am_start(ctx.target, args, out)
    elif verb == "force-stop" and len(args) >= 2:
        with ctx.target.lock:
            ctx.target.phone.force_stop(args[-1])
    elif verb == "broadcast":
        _am_broadcast(ctx.target, args, out)
    else:
        usage(out, f"Unknown command: {verb}\n", 255)


def _am_start(target: AdbTarget, args: tuple[str, ...], out: Output) -> None:
    component = _option(args, "-n")
    action, data = _option(args, "-a"), _option(args, "-d")
    if component:
        out.out(f"Starting: Intent {{ cmp={component} }}\n")
        if not _start(target, component.split("/", 1)[0]):
            out.err(f"Error type 3\nError: Activity class {{{component}}} does not exist.\n")
            out.status = 1
        return
    parts = [f"act={action}"] if action else []
    parts += [f"dat={data}"] if data else []
    out.out(f"Starting: Intent {{ {' '.join(parts)} }}\n")
    opener = getattr(target.phone, "open_url", None)
    if data and opener is not None:
        with target.lock:
            opener(data)


def _am_broadcast(target: AdbTarget, args: tuple[str, ...], out: Output) -> None:
    action = _option(args, "-a") or ""
    out.out(f"Broadcasting: Intent {{ act={action} flg=0x400000 (has extras) }}\n")
    ime = target.settings.get(("secure", "default_input_method"), "")
    if ime not in (U2_IME, ADB_KEYBOARD_IME) or ime not in target.enabled_imes:
        out.out("Broadcast completed: result=0\n")
        return
    handled = _ime_broadcast(target, action, args)
    out.out('Broadcast completed: result=-1 data="success"\n' if handled else "")
    if not handled:
        out.out("Broadcast completed: result=0\n")


def _ime_broadcast(target: AdbTarget, action: str, args: tuple[str, ...]) -> bool:
    """The IME broadcasts of uiautomator2's AdbKeyboard and of ADBKeyBoard."""
    if action in ("ADB_KEYBOARD_INPUT_TEXT", "ADB_INPUT_B64"):
        payload = _option(args, "text") or _option(args, "msg") or ""
        text = base64.b64decode(payload).decode("utf-8")
        if text:
            with target.lock:
                target.phone.input_text(text)
        return True
    if action == "ADB_INPUT_TEXT":
        with target.lock:
            target.phone.input_text(_option(args, "msg") or "")
        return True
    if action in ("ADB_KEYBOARD_HIDE", "ADB_KEYBOARD_SMART_ENTER", "ADB_KEYBOARD_EDITOR_CODE"):
        if action != "ADB_KEYBOARD_HIDE":
            press(target, KEYCODES["ENTER"])
        return True
    return action == "ADB_KEYBOARD_CLEAR_TEXT" and _clear_focused(target)


def _clear_focused(target: AdbTarget) -> bool:
    clear = getattr(target.phone, "clear_text", None)
    if clear is None:
        return False
    with target.lock:
        clear()
    return True


def _monkey(ctx: Context, out: Output) -> None:
    package = _option(ctx.argv, "-p")
    if not package or not _start(ctx.target, package):
        out.err("** No activities found to run, monkey aborted.\n")
        out.status = 252
        return
    args = ctx.argv[1:]
    out.out("".join(f"  bash arg: {a}\n" for a in args))
    out.out(f"args: [{', '.join(args)}]\n" + "".join(f' arg: "{a}"\n' for a in args))
    out.out("Events injected: 1\n")
    out.out("## Network stats: elapsed time=8ms (0ms mobile, 0ms wifi, 8ms not connected)\n")


# --- uiautomator / screencap -------------------------------------------------------------


def _uiautomator(ctx: Context, out: Output) -> None:
    args = [a for a in ctx.argv[1:] if a != "--compressed"]
    if not args or args[0] != "dump":
        return usage(out, "Usage: uiautomator <subcommand> [options]\n")
    path = args[1] if len(args) > 1 else "/sdcard/window_dump.xml"
    profile, phone = ctx.target.profile, ctx.target.phone
    with ctx.target.lock:
        xml = phone.dump_hierarchy(style=profile.dump_style()) if profile else (
            phone.dump_hierarchy())
    if path == "/dev/tty":
        out.out(xml + DUMP_LINE.format(path) + "\n")
        return None
    ctx.target.fs.write(path, xml.encode("utf-8"))
    out.out(DUMP_LINE.format(ctx.target.fs.resolve(path)) + "\n")
    return None


def _screencap(ctx: Context, out: Output) -> None:
    args = [a for a in ctx.argv[1:] if a != "-p"]
    display = args[1] if args[:1] == ["-d"] and len(args) > 1 else None
    if args[:1] == ["-d"]:
        args = args[2:]
    data = png_bytes(ctx.target)
    profile = ctx.target.profile
    if profile is not None and profile.multi_display and display is None:
        out.err(MULTI_DISPLAY_WARNING)  # stderr: a shell (v1) or exec-out merges it in front
    if args:
        ctx.target.fs.write(args[0], data)
    else:
        out.out(data)


def _app_process(ctx: Context, out: Output) -> None:
    classpath = dict(ctx.env).get("CLASSPATH", "")
    if U2_MAIN not in ctx.argv or ctx.target.fs.stat(classpath or "/nonexistent") is None:
        out.err(f"Error: Could not find or load main class {ctx.argv[-1]}\n")
        out.status = 1
        return
    out.out("[server] INFO: [UiAutomator2Server] Starting Server\n")
    out.hold_open = True


def android_commands() -> dict[str, Command]:
    from devices.adb.dumpsys import cmd, dumpsys, pm
    from devices.adb.getevent_cmd import getevent
    from devices.adb.ime import ime
    from devices.adb.system_cmds import getprop, settings, wm

    return {
        "input": _input,
        "am": _am,
        "monkey": _monkey,
        "uiautomator": _uiautomator,
        "screencap": _screencap,
        "app_process": _app_process,
        "ime": ime,
        "settings": settings,
        "getprop": getprop,
        "wm": wm,
        "dumpsys": dumpsys,
        "pm": pm,
        "cmd": cmd,
        "getevent": getevent,
    }
