"""The device shell's system commands: `settings`, `getprop` and `wm`, as an Android 14
device prints them (or as the target's `Profile` says its kind of phone does)."""

from __future__ import annotations

from devices.adb.android_cmds import usage
from devices.adb.shell import Context, Output
from devices.adb.target import AdbTarget

NAMESPACES = ("system", "secure", "global")


def settings(ctx: Context, out: Output) -> None:
    args = ctx.argv[1:]
    if len(args) >= 3 and args[0] in ("get", "put", "delete") and args[1] in NAMESPACES:
        _settings_op(ctx.target, args, out)
    else:
        usage(out, "usage:  settings [--user <USER_ID> | current] get namespace key\n", 255)


_PHONE_SETTINGS = {
    ("global", "airplane_mode_on"): "airplane_mode",
    ("global", "wifi_on"): "wifi",
    ("global", "bluetooth_on"): "bluetooth",
}  # settings read from the phone's own system state (writes stay on the adb side)


def _phone_setting(target: AdbTarget, key: tuple[str, str]) -> str | None:
    name = _PHONE_SETTINGS.get(key)
    if name is None:
        return None
    with target.lock:
        system = target.phone.state().get("system", {})
    return None if name not in system else str(int(bool(system[name])))


def _settings_op(target: AdbTarget, args: tuple[str, ...], out: Output) -> None:
    verb, key = args[0], (args[1], args[2])
    if verb == "get":
        value = _phone_setting(target, key) or target.settings.get(key, "null")
        out.out(f"{value}\n")
    elif verb == "put" and len(args) >= 4:
        target.settings[key] = args[3]
    elif verb == "delete":
        target.settings.pop(key, None)
        out.out("Deleted 1 rows\n")


def getprop(ctx: Context, out: Output) -> None:
    props = ctx.target.props
    if len(ctx.argv) > 1:
        out.out(props.get(ctx.argv[1], ctx.argv[2] if len(ctx.argv) > 2 else "") + "\n")
    else:
        out.out("".join(f"[{k}]: [{v}]\n" for k, v in sorted(props.items())))


def wm(ctx: Context, out: Output) -> None:
    phone = ctx.target.phone
    profile = ctx.target.profile
    if ctx.argv[1:2] == ("size",) and profile is not None:
        out.out(profile.wm_size(phone.width, phone.height))
    elif ctx.argv[1:2] == ("size",):
        out.out(f"Physical size: {phone.width}x{phone.height}\n")
    elif ctx.argv[1:2] == ("density",):
        out.out(f"Physical density: {ctx.target.props['ro.sf.lcd_density']}\n")
    else:
        usage(out, "usage: wm size|density\n", 255)
