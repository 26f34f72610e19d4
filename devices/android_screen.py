"""Pure helpers of the Android driver: reading what the phone prints."""

from __future__ import annotations

import html
import re
from xml.etree import ElementTree

from PIL import Image

from devices.actions import Point

# One constant command line (no data in it) for the foreground app, the rotation, and which
# display has focus (phones with a cover screen or a rear display print one block per display).
# The window list's headers and flags (` fl=`) tell whether the focused window is secure.
FOCUS_COMMAND = (
    "dumpsys window | grep -E "
    "'mCurrentFocus|mFocusedApp|mCurrentRotation|mTopFocusedDisplayId|Display: mDisplayId"
    "|Window #| fl='"
)

# Whether the soft keyboard shows, and where, over plain adb: a real `uiautomator dump` holds
# only the active window, so the keyboard's own window is not in it.
KEYBOARD_COMMAND = (
    "dumpsys input_method | grep -E 'mInputShown=|mIsInputViewShown='; "
    "dumpsys window InputMethod | grep -E 'mViewVisibility=|touchable region=|mGivenContentInsets='"
)

_COMPONENT = r"(?P<package>[A-Za-z][\w.]*)/(?P<activity>[^\s},]+)"
_FOCUS = re.compile(r"mCurrentFocus=Window\{[^}]*?\s" + _COMPONENT)
_FOCUSED_APP = re.compile(r"mFocusedApp=.*?ActivityRecord\{[^}]*?\s" + _COMPONENT)
_ROTATION = re.compile(r"mCurrentRotation=(?:ROTATION_)?(\d+)")
_DISPLAY = re.compile(r"^\s*Display: mDisplayId=(\d+)", re.M)
_TOP_DISPLAY = re.compile(r"mTopFocusedDisplayId=(\d+)")
_BOUNDS = re.compile(r'bounds="\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]"')
_NODE = re.compile(r"<node [^>]*>")
_WM_SIZE = re.compile(r"^(Physical|Override) size:\s*(\d+)x(\d+)", re.M)
_SF_DISPLAY = re.compile(r"^Display (\d+) \(HWC display (\d+)\)", re.M)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JPEG_SIGNATURE = b"\xff\xd8\xff"
# The first words of the warning screencap prints on phones with several displays when no
# display is named (AOSP cmds/screencap).
MULTI_DISPLAY_WARNING = b"Multiple displays were found"


def parse_focus(text: str) -> tuple[str, str, int]:
    """(package, activity, quarter turns) from `dumpsys window` lines; "" when unknown.

    On a phone with several displays the lines of the focused display count
    (`mTopFocusedDisplayId`), else those of the first display that names an app. The
    window in focus wins over the focused app, unless it is a system window without a
    component (StatusBar, NotificationShade). The activity is in its full form (`.Main`
    is expanded with the package), without the `,` or `}` some formats glue to it."""
    section = _focused_display_section(text)
    m = _FOCUS.search(section) or _FOCUSED_APP.search(section)
    package, activity = (m.group("package"), m.group("activity")) if m else ("", "")
    if activity.startswith("."):
        activity = package + activity
    r = _ROTATION.search(text)
    degrees = int(r.group(1)) if r else 0
    return package, activity, (degrees // 90 if degrees >= 4 else degrees) % 4


_FOCUS_TOKEN = re.compile(r"mCurrentFocus=Window\{(\w+) ")
_WINDOW_HEADER = re.compile(r"^\s*Window #\d+ Window\{(\w+) ")
_FLAGS = re.compile(r"\sfl=(#[0-9a-fA-F]+|[A-Z_ ]+)")
FLAG_SECURE = 0x2000  # WindowManager.LayoutParams.FLAG_SECURE


def window_secure(text: str) -> bool:
    """Does the focused window carry FLAG_SECURE (`dumpsys window`)? Its screenshots are
    blanked, whatever the phone draws around them. The window list names each window
    (`Window #3 Window{703780b u0 …}:`) before its flags: by name since Android 10
    (`fl=LAYOUT_IN_SCREEN … SECURE …`), as a hex mask before (`fl=#81812100`)."""
    focus = _FOCUS_TOKEN.search(_focused_display_section(text))
    if focus is None:
        return False
    current = None
    for line in text.splitlines():
        header = _WINDOW_HEADER.match(line)
        if header:
            current = header.group(1)
            continue
        flags = _FLAGS.search(line) if current == focus.group(1) else None
        if flags:
            value = flags.group(1)
            if value.startswith("#"):
                return bool(int(value[1:], 16) & FLAG_SECURE)
            return "SECURE" in value.split()
    return False


def _focused_display_section(text: str) -> str:
    """The part of `text` that belongs to the focused display (all of it when the phone
    prints one display, or does not say which has focus)."""
    top = _TOP_DISPLAY.search(text)
    starts = list(_DISPLAY.finditer(text))
    if top is None or not starts:
        return text
    for i, start in enumerate(starts):
        if start.group(1) == top.group(1):
            end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
            return text[start.start() : end]
    return text


def parse_wm_size(text: str) -> tuple[int, int] | None:
    """(width, height) in px from `wm size`: the override when the user set one."""
    sizes = {kind: (int(w), int(h)) for kind, w, h in _WM_SIZE.findall(text)}
    return sizes.get("Override") or sizes.get("Physical")


def split_image(data: bytes) -> tuple[bytes, bytes]:
    """(text printed before the image, the image) of `screencap -p` output. Phones with
    several displays print a warning first, some builds a linker warning; a PTY shell
    turns every LF into CRLF, which is undone when the PNG signature shows it."""
    for signature in (PNG_SIGNATURE, PNG_SIGNATURE.replace(b"\n", b"\r\n"), _JPEG_SIGNATURE):
        at = data.find(signature)
        if at >= 0:
            image = data[at:]
            if signature != PNG_SIGNATURE and signature != _JPEG_SIGNATURE:
                image = image.replace(b"\r\n", b"\n")
            return data[:at], image
    return data, b""


def parse_display_ids(text: str) -> list[str]:
    """Physical display ids from `dumpsys SurfaceFlinger --display-id`, the built-in
    (HWC display 0) first: what `screencap -d` takes."""
    found = sorted(_SF_DISPLAY.findall(text), key=lambda m: int(m[1]))
    return [display for display, _ in found]


def app_area_black(image: Image.Image) -> bool:
    """Is everything between the status bar and the navigation bar black? A secure
    window (FLAG_SECURE) captures black while the system bars are still drawn."""
    w, h = image.size
    return image.crop((0, h * 8 // 100, w, h * 92 // 100)).getbbox() is None


def input_permission_denied(text: str) -> bool:
    """Does this output say that the phone refuses injected input? Xiaomi, Redmi, POCO and
    Honor phones do until "USB debugging (Security settings)" is on. The SecurityException
    and its permission name are the only signal `input`, monkey and uiautomator2 give."""
    return "SecurityException" in text and "INJECT_EVENTS" in text


def ime_package(setting: str) -> str:
    """The package of an input method id (`settings get secure default_input_method`)."""
    value = setting.strip()
    return value.split("/", 1)[0] if "/" in value else ""


def cut_hierarchy(text: str) -> str | None:
    """The XML of a dump, up to and including `</hierarchy>` (a dump to /dev/tty has the
    status line glued to it); None when it is not a complete hierarchy."""
    start = text.find("<?xml")
    end = text.rfind("</hierarchy>")
    if start < 0:
        return None
    if end < 0:
        return text[start:].rstrip() if re.search(r"<hierarchy[^>]*/>\s*$", text) else None
    return text[start : end + len("</hierarchy>")]


def keyboard_bounds(tree: str, ime: str = "") -> tuple[int, int, int, int] | None:
    """The union of the bounds of the keyboard's nodes, if the keyboard shows: nodes of the
    default input method's package `ime` (Samsung Keyboard, SwiftKey, Baidu …), or of a
    package named like an input method."""
    boxes = []
    for node in _NODE.findall(tree):
        package = _attribute(node, "package")
        if not (package and (package == ime or "inputmethod" in package)):
            continue
        m = _BOUNDS.search(node)
        if m:
            boxes.append(tuple(int(g) for g in m.groups()))
    boxes = [b for b in boxes if b[2] > b[0] and b[3] > b[1]]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))  # fmt: skip


def focused_field_text(tree: str) -> str:
    """The text typed in the focused node: "" when it only shows its hint. Real phones
    report an empty EditText's hint as its text (Android 7–9 and 14 alike); dumps since
    Android 8 carry the hint beside it."""
    for node in _NODE.findall(tree):
        if _attribute(node, "focused") != "true":
            continue
        text, hint = _attribute(node, "text"), _attribute(node, "hint")
        return "" if hint and text == hint else html.unescape(text)
    return ""


def _attribute(node: str, name: str) -> str:
    m = re.search(rf'\s{re.escape(name)}="([^"]*)"', node)
    return m.group(1) if m else ""


def labelled_node_center(tree: str, label: str) -> Point | None:
    """The centre of the node whose text or content-desc is `label` (case-insensitive), as a
    launcher shows an app's icon; clickable nodes first. None when there is none."""
    body = cut_hierarchy(tree)
    if body is None:
        return None
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        return None
    wanted = label.strip().casefold()
    found = [
        n
        for n in root.iter()
        if wanted
        in (n.get("text", "").strip().casefold(), n.get("content-desc", "").strip().casefold())
    ]
    found.sort(key=lambda n: n.get("clickable") != "true")
    for node in found:
        numbers = [int(v) for v in re.findall(r"-?\d+", node.get("bounds", ""))]
        if len(numbers) == 4 and numbers[2] > numbers[0] and numbers[3] > numbers[1]:
            return Point((numbers[0] + numbers[2]) // 2, (numbers[1] + numbers[3]) // 2)
    return None


_SHOWN = re.compile(r"\bmInputShown=(true|false)")
_VIEW_SHOWN = re.compile(r"\bmIsInputViewShown=(true|false)")
_VISIBILITY = re.compile(r"\bmViewVisibility=0x([0-9a-f]+)")
_TOUCHABLE = re.compile(r"touchable region=SkRegion\(\((-?\d+),(-?\d+),(-?\d+),(-?\d+)\)")
_CONTENT_INSETS = re.compile(r"mGivenContentInsets=\[\d+,(\d+)\]")
KEYBOARD_SHARE = 0.4  # of the screen's height, where a shown keyboard's frame is not printed


def parse_keyboard(text: str, screen: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """The soft keyboard's box from KEYBOARD_COMMAND's output, or None when it is hidden.
    Where it is: the keyboard window's touchable region, else the top of its content insets,
    else the lower 40 % of `screen` (width, height)."""
    if not keyboard_shown(text):
        return None
    width, height = screen
    m = _TOUCHABLE.search(text)
    if m:
        left, top, right, bottom = (int(g) for g in m.groups())
        if right > left and bottom > top:
            return left, top, right, bottom
    insets = _CONTENT_INSETS.search(text)
    top = int(insets.group(1)) if insets else 0
    if not 0 < top < height:
        top = round(height * (1 - KEYBOARD_SHARE))
    return 0, top, width, height


def keyboard_shown(text: str) -> bool:
    """Does the input method manager say the keyboard shows (`mInputShown`)? Where a build
    does not print it, the keyboard window's `mViewVisibility` tells (0x0 visible, 0x8 gone).
    `mIsInputViewShown` is the keyboard app's own view state, true on some phones while the
    keyboard is hidden: it counts only when nothing else is printed."""
    for pattern, means_shown in ((_SHOWN, "true"), (_VISIBILITY, "0"), (_VIEW_SHOWN, "true")):
        m = pattern.search(text)
        if m:
            return m.group(1) == means_shown
    return False
