"""`ime` of the device shell (also `cmd input_method ime`): list, enable, disable and select
input methods, printing what Android 14's InputMethodManagerService shell command prints.

- `ime list [-a] [-s]`: the enabled input methods (`-a`: all installed ones); `-s` prints one
  id per line, otherwise each id is followed by its `InputMethodInfo.dump` (`mId=…`,
  `Service:`, `ServiceInfo:` …).
- `ime enable|disable [--user N] ID`: `Input method ID: now enabled for user #0` (or
  `already …`); enabling an id that is not installed fails on stderr, status 255.
- `ime set [--user N] ID`: `Input method ID selected for user #0`; only an enabled input
  method can be selected (otherwise `Unknown input method ID cannot be selected …`).
- `ime` / `ime help`: the help text. Ids are exact: the short component form that
  `ime list -s` prints (`com.android.inputmethod.latin/.LatinIME`).
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.adb.android_cmds import ADB_KEYBOARD_IME, U2_IME
from devices.adb.shell import Context, Output
from devices.adb.target import LATIN_IME, AdbTarget

_SETTING = ("secure", "default_input_method")
_FAILURE = 255  # ShellCommandResult.FAILURE (-1) as an exit status
HELP = """\
ime <command>:
  list [-a] [-s]
    prints all enabled input methods.
      -a: see all input methods
      -s: only a single summary line of each
  enable [--user <USER_ID>] <ID>
    allows the given input method ID to be used.
      --user <USER_ID>: Specify which user to enable. Assumes the current user if not specified.
  disable [--user <USER_ID>] <ID>
    disallows the given input method ID to be used.
      --user <USER_ID>: Specify which user to disable. Assumes the current user if not specified.
  set [--user <USER_ID>] <ID>
    switches to the given input method ID.
      --user <USER_ID>: Specify which user to enable. Assumes the current user if not specified.
  reset [--user <USER_ID>]
    reset currently selected/enabled IMEs to the default ones as if the device is initially booted with the current locale.
      --user <USER_ID>: Specify which user to reset. Assumes the current user if not specified.
"""  # noqa: E501


@dataclass(frozen=True)
class InputMethod:
    """What `ime list` tells of one input method."""

    id: str  # the short component name, e.g. com.android.inputmethod.latin/.LatinIME
    settings_activity: str | None  # the IME's settings activity, or None
    uid: int  # the package's Linux uid

    @property
    def package(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def service(self) -> str:
        cls = self.id.split("/", 1)[1]
        return self.package + cls if cls.startswith(".") else cls


KNOWN = (
    InputMethod(LATIN_IME, "com.android.inputmethod.latin.settings.SettingsActivity", 10089),
    InputMethod(U2_IME, None, 10154),
    InputMethod(ADB_KEYBOARD_IME, None, 10155),
)


def installed(target: AdbTarget) -> list[InputMethod]:
    """The input methods on the phone: the system keyboard (the vendor's, with a profile),
    and the IME apps it has."""
    packages = {app.package for app in target.phone.apps()}
    system = next((m for m in KNOWN if m.id == target.keyboard_ime),
                  InputMethod(target.keyboard_ime, None, 10089))  # fmt: skip
    return [system, *(m for m in KNOWN if m.id != LATIN_IME and m.package in packages)]


def dump(method: InputMethod) -> str:
    """`InputMethodInfo.dump` under its id, as `ime list` prints it (the service's
    ApplicationInfo abbreviated to its first lines)."""
    return "\n".join([
        f"{method.id}:",
        f"  mId={method.id} mSettingsActivityName={method.settings_activity} mIsVrOnly=false "
        "mSupportsSwitchingToNextInputMethod=false mInlineSuggestionsEnabled=false "
        "mSupportsInlineSuggestionsWithTouchExploration=false mSuppressesSpellChecker=false "
        "mShowInInputMethodPicker=true mSupportsStylusHandwriting=false "
        "mStylusHandwritingSettingsActivityAttr=null",
        "  mIsDefaultResId=0x0",
        "  Service:",
        "    priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false",
        "    ServiceInfo:",
        f"      name={method.service}",
        f"      packageName={method.package}",
        "      enabled=true exported=true directBootAware=false",
        "      permission=android.permission.BIND_INPUT_METHOD",
        "      flags=0x0",
        "      ApplicationInfo:",
        f"        packageName={method.package}",
        f"        processName={method.package}",
        f"        taskAffinity={method.package}",
        f"        uid={method.uid} flags=0x30c8be44 privateFlags=0x0 theme=0x0",
        f"        dataDir=/data/user/0/{method.package}",
        "        enabled=true minSdkVersion=26 targetSdkVersion=34 versionCode=1",
    ]) + "\n"  # fmt: skip


def ime(ctx: Context, out: Output) -> None:
    args = list(ctx.argv[1:])
    verb = args.pop(0) if args else ""
    if verb in ("", "-h", "help"):
        out.out(HELP)
    elif verb == "list":
        _list(ctx.target, args, out)
    elif verb in ("enable", "disable", "set"):
        _change(ctx.target, verb, args, out)
    elif verb == "reset":
        _reset(ctx.target, out)
    else:
        out.out(f"Unknown command: {verb}\n")
        out.status = _FAILURE


def _options(args: list[str]) -> tuple[set[str], list[str]]:
    """ShellCommand.getNextOption: leading `-x` words (and a `--user N` pair), then the rest."""
    options: set[str] = set()
    while args and args[0].startswith("-"):
        option = args.pop(0)
        if option == "--":
            break
        if option in ("-u", "--user") and args:
            args.pop(0)
        options.add(option)
    return options, args


def _list(target: AdbTarget, args: list[str], out: Output) -> None:
    options, _ = _options(args)
    methods = installed(target)
    if "-a" not in options:
        methods = [m for m in methods if m.id in target.enabled_imes]
    for method in methods:
        out.out(f"{method.id}\n" if "-s" in options else dump(method))


def _change(target: AdbTarget, verb: str, args: list[str], out: Output) -> None:
    _, rest = _options(args)
    if not rest:
        out.err(
            "\nException occurred while executing 'ime':\n"
            f'java.lang.IllegalArgumentException: Argument expected after "{verb}"\n'
        )
        out.status = _FAILURE
        return
    known = {m.id for m in installed(target)}
    if verb == "set":
        _select(target, rest[0], known, out)
    else:
        _enable(target, rest[0], verb == "enable", known, out)


def _enable(target: AdbTarget, ime_id: str, enable: bool, known: set[str], out: Output) -> None:
    if enable and ime_id not in known:
        out.err(f"Unknown input method {ime_id} cannot be enabled for user #0\n")
        out.status = _FAILURE
        return
    before = ime_id in target.enabled_imes
    if enable:
        target.enabled_imes.add(ime_id)
    else:
        target.enabled_imes.discard(ime_id)
        _reselect(target, ime_id)
    state = "already" if before == enable else "now"
    out.out(f"Input method {ime_id}: {state} {'enabled' if enable else 'disabled'} for user #0\n")


def _reselect(target: AdbTarget, disabled: str) -> None:
    """Disabling the selected input method selects another enabled one (or none)."""
    if target.settings.get(_SETTING) != disabled:
        return
    enabled = [m.id for m in installed(target) if m.id in target.enabled_imes]
    target.settings[_SETTING] = enabled[0] if enabled else ""


def _select(target: AdbTarget, ime_id: str, known: set[str], out: Output) -> None:
    if ime_id not in known or ime_id not in target.enabled_imes:
        out.err(f"Unknown input method {ime_id} cannot be selected for user #0\n")
        out.status = _FAILURE
        return
    target.settings[_SETTING] = ime_id
    out.out(f"Input method {ime_id} selected for user #0\n")


def _reset(target: AdbTarget, out: Output) -> None:
    ime = target.keyboard_ime
    target.enabled_imes.clear()
    target.enabled_imes.add(ime)
    target.settings[_SETTING] = ime
    out.out(f"Reset current and enabled IMEs for user #0\n  Selected: {ime}\n"
            f"   Enabled: {ime}\n")  # fmt: skip
