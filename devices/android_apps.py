"""Which apps a phone has and what the launcher calls them, from what its shell prints.

The launcher lists the activities that answer MAIN + LAUNCHER; the shell asks the same
question with `cmd package query-activities -a android.intent.action.MAIN -c
android.intent.category.LAUNCHER` (Android 7+). Its full form dumps each match as a
ResolveInfo (AOSP PackageManagerShellCommand.runQueryIntentActivities):

      Activity #0:
        priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false
        ActivityInfo:
          name=com.android.settings.Settings
          packageName=com.android.settings
          labelRes=0x7f1203a1 nonLocalizedLabel=null icon=0x7f080212 banner=0x0
          ...

`--components` (Android 8+) prints one `package/.Activity` per line instead. The shell never
resolves a label resource: a label is printed only when the app declares it as a literal
string (`nonLocalizedLabel=Notes`). For the others the launcher's name comes from a table of
common apps whose package names say something else (Gmail, Messages, Clock …), else from the
package's last word; `OpenApp` still finds any label on the home screen as a person would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from devices.device import AppInfo

LAUNCHER_QUERY = [
    "cmd", "package", "query-activities",
    "-a", "android.intent.action.MAIN", "-c", "android.intent.category.LAUNCHER",
]  # fmt: skip
_BLOCK = re.compile(r"^\s*Activity #\d+:\s*$", re.M)
_PACKAGE = re.compile(r"^\s*packageName=(\S+)", re.M)
_NAME = re.compile(r"^\s*name=(\S+)", re.M)
# The label runs to the next field: ` icon=0x…` on every Android that prints it.
_LABEL = re.compile(r"nonLocalizedLabel=(.*?) icon=0x", re.M)
_COMPONENT = re.compile(r"^([A-Za-z][\w.]*)/(\S+)\s*$", re.M)


@dataclass(frozen=True)
class LauncherActivity:
    package: str  # com.android.settings
    activity: str  # com.android.settings.Settings, or .Settings from `--components`
    label: str | None  # the literal label the app declares; None when it is a resource


def parse_launcher_activities(text: str) -> list[LauncherActivity]:
    """The activities of `query-activities` output, in either of its forms (or the one
    ResolveInfo of `resolve-activity`); [] for "No
    activities found", an error, or an unknown format. Within an entry the first literal
    label counts: the intent filter's, then the activity's, then the application's — the
    order in which Android resolves what a launcher shows."""
    text = text.replace("\r\n", "\n")
    starts = [m.end() for m in _BLOCK.finditer(text)]
    if not starts and "ActivityInfo:" in text:  # one ResolveInfo: `resolve-activity`
        starts = [0]
    if not starts:
        return [LauncherActivity(p, a, None) for p, a in _COMPONENT.findall(text)]
    found = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        block = text[start:end]
        package, name = _PACKAGE.search(block), _NAME.search(block)
        if package is None:
            continue
        labels = [v.strip() for v in _LABEL.findall(block) if v.strip() not in ("", "null")]
        activity = name.group(1) if name else ""
        found.append(LauncherActivity(package.group(1), activity, labels[0] if labels else None))
    return found


def launcher_apps(activities: list[LauncherActivity]) -> list[AppInfo]:
    """One AppInfo per package, sorted by package; the label from the phone when it printed
    one, else the best guess (`label_guess`)."""
    labels: dict[str, str | None] = {}
    for a in activities:
        labels[a.package] = labels.get(a.package) or a.label
    return [AppInfo(p, labels[p] or label_guess(p)) for p in sorted(labels)]


# Labels of common apps whose package names say something else (their labels are resources,
# which the shell does not resolve; these are what their launchers show).
KNOWN_LABELS = {
    "com.google.android.gm": "Gmail",
    "com.google.android.apps.messaging": "Messages",
    "com.samsung.android.messaging": "Messages",
    "com.google.android.deskclock": "Clock",
    "com.android.deskclock": "Clock",
    "com.sec.android.app.clockpackage": "Clock",
    "com.google.android.dialer": "Phone",
    "com.android.dialer": "Phone",
    "com.samsung.android.dialer": "Phone",
    "com.android.vending": "Play Store",
    "com.google.android.apps.maps": "Maps",
    "com.google.android.apps.photos": "Photos",
    "com.google.android.youtube": "YouTube",
    "com.android.chrome": "Chrome",
    "com.google.android.calendar": "Calendar",
    "com.google.android.contacts": "Contacts",
    "com.google.android.GoogleCamera": "Camera",
    "com.sec.android.app.camera": "Camera",
    "com.sec.android.gallery3d": "Gallery",
    "com.miui.gallery": "Gallery",
    "com.android.settings": "Settings",
}


def label_guess(package: str) -> str:
    """A readable name from a package when the phone does not print the label."""
    return KNOWN_LABELS.get(package) or package_word(package)


def package_word(package: str) -> str:
    last = package.rsplit(".", 1)[-1]
    return last[:1].upper() + last[1:]
