"""`dumpsys`, `pm` and `cmd` of the device shell: the parts adb clients parse.
"""

from __future__ import annotations

from devices.adb.android_cmds import (
    foreground,
    long_activity,
    pid_of,
    rotation,
    short_activity,
    token,
)
from devices.adb.ime import ime
from devices.adb.input_method_dump import input_method, input_method_window
from devices.adb.profile import ONE_DISPLAY
from devices.adb.shell import Context, Output
from devices.adb.state_service import SERVICE, automator_service
from devices.adb.target import AdbTarget

_SYSTEM_PREFIXES = ("android", "com.android.", "com.google.android.")


def _focus_lines(target: AdbTarget, package: str = "", activity: str = "") -> list[str]:
    """`mCurrentFocus` and `mFocusedApp` in the target's format (Android 10+'s without a
    profile): before Android 10 the app is an `AppWindowToken` around its ActivityRecord
    (tests/adb/real_outputs/focus/gms_minutemaid_pre10.txt)."""
    if not package:
        package, activity = foreground(target)
    full = f"{package}/{long_activity(package, activity)}"
    short = f"{package}/{short_activity(package, activity)}"
    record = f"ActivityRecord{{{token(short)} u0 {short} t{pid_of(package) % 97}}}"
    if target.profile is not None and target.profile.focus_format == "pre10":
        record = f"AppWindowToken{{{token(full)} token=Token{{{token(package)} {record}}}}}"
    return [f"  mCurrentFocus=Window{{{token(full)} u0 {full}}}", f"  mFocusedApp={record}"]


def _attributes(target: AdbTarget, package: str) -> list[str]:
    """The app window's layout parameters: flags as a hex mask before Android 10
    (tests/adb/real_outputs/secure/lastanr_pre10.txt), by name since (kodi_tv_android11);
    FLAG_SECURE (0x2000, `SECURE`) for the packages the target marks secure."""
    secure = package in target.secure_packages
    if target.profile is not None and target.profile.focus_format == "pre10":
        mask = 0x81810100 | (0x2000 if secure else 0)
        return [f"    mAttrs=WM.LayoutParams{{(0,0)(fillxfill) sim=#120 ty=1 fl=#{mask:x} wanim=0x10302f6 needsMenuKey=2}}"]  # noqa: E501
    names = "LAYOUT_IN_SCREEN LAYOUT_INSET_DECOR" + (" SECURE" if secure else "")
    return [
        "    mAttrs={(0,0)(fillxfill) sim={adjust=resize} ty=BASE_APPLICATION fmt=TRANSLUCENT wanim=0x1030001",  # noqa: E501
        f"      fl={names} SPLIT_TOUCH HARDWARE_ACCELERATED DRAWS_SYSTEM_BAR_BACKGROUNDS",
        "      pfl=FORCE_DRAW_STATUS_BAR_BACKGROUND FIT_INSETS_CONTROLLED}",
    ]


def _window(target: AdbTarget, section: str) -> str:
    package, activity = foreground(target)
    full = f"{package}/{long_activity(package, activity)}"
    lines = ["WINDOW MANAGER WINDOWS (dumpsys window windows)"]
    lines += [
        f"  Window #0 Window{{{token(full)} u0 {full}}}:",
        "    mDisplayId=0 rootTaskId=1 mSession=Session{1a2b3c4 1234:u0a10086} mClient=android.os.BinderProxy@5e6f7a8",  # noqa: E501
        f"    mOwnerUid=10086 showForAllUsers=false package={package} appop=NONE",
        *_attributes(target, package),
        "  Window #1 Window{3c4d5e6 u0 StatusBar}:",
        "    mDisplayId=0 rootTaskId=1 mOwnerUid=10100 package=com.android.systemui",
        "",
    ]
    if target.profile is not None and target.profile.focus_format == "14+":
        lines.append("  mTopFocusedDisplayId=0")
    lines += _focus_lines(target)
    if section in ("", "displays"):
        lines += ["", "WINDOW MANAGER DISPLAY CONTENTS (dumpsys window displays)"]
        lines += _displays(target) if target.profile is not None else _plain_display(target)
    return "\n".join(lines) + "\n"


def _plain_display(target: AdbTarget) -> list[str]:
    w, h = target.phone.width, target.phone.height
    return [
        "  Display: mDisplayId=0 rootTasks=2",
        f"    init={w}x{h} 420dpi base={w}x{h} 420dpi cur={w}x{h} app={w}x{h}",
        f"    mCurrentRotation=ROTATION_{rotation(target) * 90}",
    ]


# The cover display of a multi-display profile: its own launcher has focus there (the
# phone's focus is on display 0, `mTopFocusedDisplayId=0`).
COVER = ("com.miui.subscreencenter", "com.miui.subscreencenter.SubScreenLauncher")


def _displays(target: AdbTarget) -> list[str]:
    """Per-display blocks in the profile's format (tests/adb/real_outputs/focus:
    android12_displays.txt for 10-13, android14_multidisplay_focused1.txt and
    maa_android14_two_displays.txt for 14+, where a second display may come first)."""
    assert target.profile is not None
    w, h = target.phone.width, target.phone.height
    rotated = f"    mCurrentRotation=ROTATION_{rotation(target) * 90}"
    if target.profile.focus_format != "14+":
        size = f"    init={w}x{h} 420dpi cur={w}x{h} app={w}x{h - 126} rng={w}x{w - 72}-{h - 126}x{h - 210}"  # noqa: E501
        return ["  Display: mDisplayId=0 rootTasks=3", size, rotated, "", *_focus_lines(target)]
    lines: list[str] = []
    if target.profile.multi_display:
        lines += [
            "  Display: mDisplayId=1 (organized)",
            "    init=720x748 302dpi mMinSizeOfResizeableTaskDp=220 base=720x748 302dpi cur=720x748 app=720x748 rng=720x672-748x700",  # noqa: E501
            "    deferred=false mLayoutNeeded=false mTouchExcludeRegion=SkRegion((0,0,720,748))",
            *_focus_lines(target, *COVER),
            "",
        ]
    return [
        *lines,
        "  Display: mDisplayId=0 (organized)",
        f"    init={w}x{h} 420dpi mMinSizeOfResizeableTaskDp=220 base={w}x{h} 420dpi cur={w}x{h} app={w}x{h - 126} rng={w}x{w - 72}-{h - 126}x{h - 210}",  # noqa: E501
        f"    deferred=false mLayoutNeeded=false mTouchExcludeRegion=SkRegion((0,0,{w},{h}))",
        rotated,
        *_focus_lines(target),
    ]


def _display(target: AdbTarget) -> str:
    w, h, r = target.phone.width, target.phone.height, rotation(target)
    cw, ch = (h, w) if r % 2 else (w, h)
    return (
        "DISPLAY MANAGER (dumpsys display)\n"
        "  mOnlyCode=false\n"
        "  mSafeMode=false\n"
        "  mViewports=[DisplayViewport{type=INTERNAL, valid=true, isActive=true, displayId=0, "
        f"uniqueId='local:4619827259835644672', physicalPort=0, orientation={r}, "
        f"logicalFrame=Rect(0, 0 - {cw}, {ch}), physicalFrame=Rect(0, 0 - {cw}, {ch}), "
        f"deviceWidth={cw}, deviceHeight={ch}}}]\n"
        "Display Devices: size=1\n"
        f'  DisplayDeviceInfo{{"Built-in Screen": uniqueId="local:4619827259835644672", {w} x {h}, '
        f"modeId 1, renderFrameRate 60.0, density 420, 420.0 x 420.0 dpi, rotation {r}, "
        "type INTERNAL, state ON, FLAG_DEFAULT_DISPLAY}\n"
    )


def _activity(target: AdbTarget, section: str) -> str:
    package, activity = foreground(target)
    short = f"{package}/{short_activity(package, activity)}"
    record = f"ActivityRecord{{{token(short)} u0 {short} t{pid_of(package) % 97}}}"
    if section == "top":
        return (
            f"TASK {package} id={pid_of(package) % 97} userId=0\n"
            f"  ACTIVITY {short} {token(short)} pid={pid_of(package)}\n"
        )
    return (
        "ACTIVITY MANAGER ACTIVITIES (dumpsys activity activities)\n"
        "Display #0 (activities from top to bottom):\n"
        f"  * Task{{{token(package)} #{pid_of(package) % 97} type=standard A={package}}}\n"
        f"    mResumedActivity: {record}\n"
        f"  ResumedActivity: {record}\n"
    )


def _package(target: AdbTarget, package: str) -> str | None:
    if package not in {a.package for a in target.phone.apps()}:
        return None
    return (
        f"Packages:\n  Package [{package}] ({token(package)}):\n"
        f"    userId=10086\n    pkg=Package{{{token(package)} {package}}}\n"
        f"    codePath=/data/app/{package}-1\n    versionCode=1 minSdk=26 targetSdk=34\n"
        "    versionName=1.0\n    pkgFlags=[ HAS_CODE ALLOW_CLEAR_USER_DATA ]\n"
        "    firstInstallTime=2024-01-01 00:00:00\n    lastUpdateTime=2024-01-01 00:00:00\n"
    )


def dumpsys(ctx: Context, out: Output) -> None:
    service = ctx.argv[1] if len(ctx.argv) > 1 else ""
    section = ctx.argv[2] if len(ctx.argv) > 2 else ""
    target = ctx.target
    if service == "window" and section == "InputMethod":
        text = input_method_window(target)
    elif service == "input_method":
        text = input_method(target)
    elif service == "window":
        text = _window(target, section)
        if section == "windows":
            text = text.split("\nWINDOW MANAGER DISPLAY")[0]
    elif service == "SurfaceFlinger" and section == "--display-id":
        text = target.profile.display_ids() if target.profile else ONE_DISPLAY
    elif service == "display":
        text = _display(target)
    elif service == "activity":
        text = _activity(target, section)
    elif service == "package" and section:
        text = _package(target, section) or f"Unable to find package: {section}\n"
    elif service == "input":
        w, h = target.phone.width, target.phone.height
        text = f"INPUT MANAGER (dumpsys input)\n  Viewport INTERNAL: displayId=0, orientation={rotation(target)}, logicalFrame=[0, 0, {w}, {h}], physicalFrame=[0, 0, {w}, {h}]\n"  # noqa: E501
    elif service == "power":
        text = "POWER MANAGER (dumpsys power)\n  mWakefulness=Awake\n  mHoldingDisplaySuspendBlocker=true\n"  # noqa: E501
    else:
        text = f"Can't find service: {service}\n"
    out.out(text)


def _is_system(package: str) -> bool:
    return package.startswith(_SYSTEM_PREFIXES) or package == "android"


def pm(ctx: Context, out: Output) -> None:
    args = ctx.argv[1:]
    packages = sorted(a.package for a in ctx.target.phone.apps())
    if args[:2] == ("list", "packages"):
        flags = [a for a in args[2:] if a.startswith("-")]
        words = [a for a in args[2:] if not a.startswith("-")]
        if "-3" in flags:
            packages = [p for p in packages if not _is_system(p)]
        if "-s" in flags:
            packages = [p for p in packages if _is_system(p)]
        packages = [p for p in packages if not words or words[0] in p]
        out.out("".join(f"package:{p}\n" for p in packages))
    elif args[:1] == ("path",) and len(args) == 2:
        if args[1] in packages:
            out.out(f"package:/data/app/~~{token(args[1])}==/{args[1]}-1/base.apk\n")
        else:
            out.status = 1
    elif args[:1] == ("clear",) and len(args) == 2:
        out.out("Success\n")
    elif args[:1] == ("query-activities",):
        out.out(_launcher_activities(ctx.target, "--components" in args))
    else:
        out.err("Error: unknown command or arguments\n")
        out.status = 1


def _launcher_activities(target: AdbTarget, components: bool) -> str:
    """`query-activities` for the launcher intent: every served app has a launcher activity.
    The full form is a ResolveInfo dump per activity (tests/adb/real_outputs/apps); system
    apps name their label by resource (`nonLocalizedLabel=null`), the served phone's own apps
    declare theirs as literal strings, as an app may."""
    apps = sorted(target.phone.apps(), key=lambda a: a.package)
    if components:
        return "".join(f"{a.package}/.MainActivity\n" for a in apps)
    lines = [f"{len(apps)} activities found:"]
    for i, app in enumerate(apps):
        label = "null" if _is_system(app.package) else app.label
        res = f"0x7f{pid_of(app.package) % 0xFFFFFF:06x}" if label == "null" else "0x0"
        lines += [
            f"  Activity #{i}:",
            "    priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false",
            "    ActivityInfo:",
            f"      name={app.package}.MainActivity",
            f"      packageName={app.package}",
            f"      labelRes={res} nonLocalizedLabel={label} icon=0x7f0d0000 banner=0x0",
            "      enabled=true exported=true directBootAware=false",
            f"      taskAffinity={app.package} targetActivity=null persistableMode=PERSIST_ROOT_ONLY",  # noqa: E501
            "      launchMode=0 flags=0x3 privateFlags=0x0 theme=0x7f140236",
            "      screenOrientation=-1 configChanges=0x0 softInputMode=0x0",
            "      lockTaskLaunchMode=LOCK_TASK_LAUNCH_MODE_DEFAULT",
            "      resizeMode=RESIZE_MODE_RESIZEABLE",
            "      ApplicationInfo:",
            f"        name={app.package}.App",
            f"        packageName={app.package}",
            f"        labelRes={res} nonLocalizedLabel={label} icon=0x7f0d0000 banner=0x0",
            f"        className={app.package}.App",
            f"        processName={app.package}",
            "        taskAffinity=null",
            f"        uid={10000 + pid_of(app.package) % 5000} flags=0x38c8be44 privateFlags=0x24001000 theme=0x7f140236",  # noqa: E501
        ]
    return "\n".join(lines) + "\n"


def cmd(ctx: Context, out: Output) -> None:
    args = ctx.argv[1:]
    if args[:1] == ("package",):
        pm(Context(ctx.target, ("pm", *args[1:]), ctx.stdin, ctx.env), out)
    elif args[:2] == ("input_method", "ime"):
        ime(Context(ctx.target, args[1:], ctx.stdin, ctx.env), out)
    elif args[:1] == (SERVICE,) and ctx.target.state_channel:
        automator_service(Context(ctx.target, args, ctx.stdin, ctx.env), out)
    else:
        out.err(f"cmd: Can't find service: {args[0] if args else ''}\n")
        out.status = 20
