"""`dumpsys input_method` and `dumpsys window InputMethod` of the served phone: whether the
soft keyboard shows and where, in the lines real phones print (tests/adb/real_outputs/
keyboard): the manager's `mInputShown`, the keyboard app's `mIsInputViewShown`, and the
InputMethod window's block with `mViewVisibility` and its touchable region (the keys).

The keyboard is read from the served phone's full frame (every window, as uiautomator2 sees
it): the nodes of its keyboard package.
"""

from __future__ import annotations

import re

from devices.adb.android_cmds import token
from devices.adb.target import AdbTarget

_KEYBOARD_NODE = re.compile(
    r'<node [^>]*package="([^"]+)"[^>]*bounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"'
)


def keyboard_box(target: AdbTarget) -> tuple[int, int, int, int] | None:
    """The keyboard window's box on the served phone, or None while it is hidden."""
    from devices.virtual.window import KEYBOARD_PACKAGE

    boxes = [
        tuple(int(v) for v in m.groups()[1:])
        for m in _KEYBOARD_NODE.finditer(target.phone.dump_hierarchy())
        if m.group(1) == KEYBOARD_PACKAGE
    ]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))  # fmt: skip


def _ime(target: AdbTarget) -> str:
    return target.settings.get(("secure", "default_input_method"), target.keyboard_ime)


def input_method(target: AdbTarget) -> str:
    shown = "true" if keyboard_box(target) is not None else "false"
    ime = _ime(target)
    return (
        "Current Input Method Manager state:\n"
        f"  mCurMethodId={ime}\n"
        f"  mCurFocusedWindow=Window{{{token('focus')} u0 {'/'.join(target.phone.foreground())}}}\n"
        f"  mInputShown={shown} mShowRequested={shown} mShowExplicitlyRequested=false "
        "mShowForced=false\n"
        "Input method service state:\n"
        f"  mIsInputViewShown={shown}\n"
    )


def input_method_window(target: AdbTarget) -> str:
    """The InputMethod window's block (the window exists while the keyboard is hidden, gone)."""
    w, h = target.phone.width, target.phone.height
    box = keyboard_box(target)
    left, top, right, bottom = box if box is not None else (0, h * 3 // 5, w, h)
    package = _ime(target).split("/", 1)[0]
    visibility = "0x8" if box is None else "0x0"  # View.GONE or VISIBLE
    return "\n".join(
        [
            "WINDOW MANAGER WINDOWS (dumpsys window windows)",
            f"  Window #0 Window{{{token('InputMethod')} u0 InputMethod}}:",
            f"    mDisplayId=0 rootTaskId=0 mSession=Session{{{token(package)} 2768:u0a10126}} mClient=android.os.BinderProxy@c5e5537",  # noqa: E501
            f"    mOwnerUid=10126 showForAllUsers=false package={package} appop=NONE",
            "    mAttrs={(0,0)(fillxfill) gr=BOTTOM CENTER_VERTICAL sim={adjust=pan} ty=INPUT_METHOD fmt=TRANSPARENT wanim=0x1030056",  # noqa: E501
            "      fl=NOT_FOCUSABLE LAYOUT_IN_SCREEN SPLIT_TOUCH HARDWARE_ACCELERATED DRAWS_SYSTEM_BAR_BACKGROUNDS}",  # noqa: E501
            f"    Requested w={w} h={h} mLayoutSeq=1677",
            f"    mViewVisibility={visibility} mHaveFrame=true mObscured=false",
            f"    mGivenContentInsets=[0,{top}][0,0] mGivenVisibleInsets=[0,{top}][0,0]",
            "    mTouchableInsets=3 mGivenInsetsPending=false",
            f"    touchable region=SkRegion(({left},{top},{right},{bottom}))",
            "",
        ]
    )
