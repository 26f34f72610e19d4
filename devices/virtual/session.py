"""What the virtual phone remembers: state, per-app back stacks, dialog, toast, clock.

`Session` is the phone's model, free of pixels and input; `Context` is the `AppContext`
that apps receive in `build` and use from their callbacks.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from devices.virtual import system_ui
from devices.virtual.view import App, DialogButton, Page, View

log = logging.getLogger(__name__)

TOAST_INPUTS = 2  # a toast stays up through this many further inputs (taps, keys, ...) ...
TOAST_SECONDS = 3.5  # ... and at most this long on the virtual clock; looking never hides it
RECENTS_ACTIVITY = "com.android.quickstep.RecentsActivity"


def default_system() -> dict[str, Any]:
    return {
        "wifi": False, "wifi_network": "", "bluetooth": False, "airplane_mode": False,
        "dark_mode": False, "brightness": 60, "location": True, "battery": 78,
        "battery_saver": False, "do_not_disturb": False, "media_volume": 60,
        "ring_volume": 80, "device_name": "Virtual Pixel", "model": "Virtual Pixel",
        "android_version": "14", "build_number": "AP1A.240405.002",
        "phone_number": "+1 555-0100", "language": "English (United States)",
        "datetime": "2024-05-14T09:41:00",
    }


def deep_merge(base: dict[str, Any], over: dict[str, Any]) -> None:
    """Merge `over` into `base` in place: dicts recursively, anything else replaced, except
    that a list under "KEY+" is appended to the list at KEY and one under "+KEY" put in
    front of it (`{"notes": {"+notes": [...]}}` adds the newest notes to the seed's own)."""
    for key, value in over.items():
        if key.endswith("+") and isinstance(value, list):
            base.setdefault(key[:-1], []).extend(value)
        elif key.startswith("+") and isinstance(value, list):
            base[key[1:]] = [*value, *base.get(key[1:], [])]
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            deep_merge(base[key], value)
        else:
            base[key] = value


def _camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.replace("-", "_").split("_"))


def activity_of(app: App, page: Page) -> str:
    fixed = getattr(app, "activity", "")
    return fixed or f"{app.package}.{_camel(page.name)}Activity"


@dataclass(eq=False)
class Entry:
    """One page on a back stack, with what the phone keeps for it."""

    page: Page
    scroll: dict[str, int] = field(default_factory=dict)  # scrollable key -> offset px
    focus: str | None = None  # key of the focused editable


@dataclass(frozen=True)
class Dialog:
    owner: str  # app key
    title: str
    message: str
    buttons: list[DialogButton]


@dataclass
class Toast:
    message: str
    until: datetime
    inputs_left: int = TOAST_INPUTS


class Session:
    def __init__(self, apps: list[App], state: dict[str, Any]) -> None:
        self.apps = {a.key: a for a in apps}
        self.launcher = self.apps["launcher"]
        self.state: dict[str, Any] = {"system": default_system()}
        for key, app in self.apps.items():
            self.state[key] = app.initial_state()
            deep_merge(self.system, app.initial_system())
        deep_merge(self.state, {k: v for k, v in state.items()
                                if k not in ("foreground", "toast")})
        self.last_toast: str | None = state.get("toast")
        self.stacks: dict[str, list[Entry]] = {}
        self.current = self.launcher.key
        self.recents_open = False
        self.recents_entry = Entry(Page("recents"))
        self.recent: list[str] = []  # app keys, most recent first
        self.dialog: Dialog | None = None
        self.toast: Toast | None = None
        self.ime = False  # the keyboard is wanted (shown while a field has focus)

    @property
    def system(self) -> dict[str, Any]:
        return self.state["system"]

    # --- clock ------------------------------------------------------------------------

    def now(self) -> datetime:
        return datetime.fromisoformat(self.system["datetime"])

    def advance(self, delta: timedelta) -> None:
        self.system["datetime"] = (self.now() + delta).isoformat(timespec="seconds")

    def clock_text(self) -> str:
        now = self.now()
        return f"{now.hour}:{now.minute:02d}"

    # --- stacks and navigation --------------------------------------------------------

    def stack(self, key: str) -> list[Entry]:
        if key not in self.stacks:
            self.stacks[key] = [Entry(Page(self.apps[key].root))]
        return self.stacks[key]

    def top(self) -> Entry:
        return self.recents_entry if self.recents_open else self.stack(self.current)[-1]

    def find_app(self, name: str) -> App | None:
        wanted = name.strip().casefold()
        for app in self.apps.values():
            if wanted in (app.key.casefold(), app.label.casefold(), app.package.casefold()):
                return app
        return None

    def _leave_screen(self) -> None:
        self.dialog = None
        self.ime = False
        self.recents_open = False

    def switch(self, key: str) -> None:
        app = self.find_app(key)
        if app is None:
            log.warning("no app %r to open", key)
            return
        self._leave_screen()
        self.current = app.key
        self.stack(app.key)
        if app.key != self.launcher.key:
            self.recent = [app.key, *[k for k in self.recent if k != app.key]]

    def home(self) -> None:
        self._leave_screen()
        self.current = self.launcher.key
        self.stacks[self.launcher.key] = [Entry(Page(self.launcher.root))]

    def push(self, key: str, page: Page) -> None:
        self.ime = False
        self.stack(key).append(Entry(page))

    def pop(self, key: str) -> None:
        self.ime = False
        stack = self.stack(key)
        if len(stack) > 1:
            stack.pop()
        elif key != self.launcher.key:
            del self.stacks[key]
            if self.current == key:
                self.home()

    def back(self) -> None:
        if self.recents_open:
            self.recents_open = False
        else:
            self.pop(self.current)

    def toggle_recents(self) -> None:
        opened = not self.recents_open
        self._leave_screen()
        self.recents_open = opened
        self.recents_entry = Entry(Page("recents"))

    def clear_recents(self) -> None:
        self.stacks = {k: v for k, v in self.stacks.items() if k == self.launcher.key}
        self.recent = []
        self.home()

    def force_stop(self, package: str) -> None:
        app = self.find_app(package)
        if app is None or app.key == self.launcher.key:
            return
        self.stacks.pop(app.key, None)
        self.recent = [k for k in self.recent if k != app.key]
        if self.current == app.key:
            self.home()

    def foreground(self) -> tuple[str, str]:
        if self.recents_open:
            return self.launcher.package, RECENTS_ACTIVITY
        app = self.apps[self.current]
        return app.package, activity_of(app, self.stack(self.current)[-1].page)

    # --- building ---------------------------------------------------------------------

    def build_foreground(self) -> tuple[Entry, str, View]:
        if self.recents_open:
            cards = [(k, self.apps[k].label, self.apps[k].icon) for k in self.recent]
            tree = system_ui.recents_view(cards, self.switch, self.clear_recents)
            return self.recents_entry, self.launcher.package, tree
        app = self.apps[self.current]
        entry = self.stack(app.key)[-1]
        return entry, app.package, app.build(entry.page, Context(self, app, entry))

    # --- dialogs and toasts -----------------------------------------------------------

    def show_dialog(self, owner: str, title: str, message: str,
                    buttons: list[DialogButton]) -> None:
        self.ime = False
        self.dialog = Dialog(owner, title, message, list(buttons))

    def dismiss_dialog(self) -> None:
        self.dialog = None

    def show_toast(self, message: str) -> None:
        self.toast = Toast(message, self.now() + timedelta(seconds=TOAST_SECONDS))
        self.last_toast = message

    def toast_visible(self) -> bool:
        t = self.toast
        return t is not None and t.inputs_left > 0 and self.now() < t.until

    def age_toast(self) -> None:
        """One more input happened: a toast shown before it gets closer to going away."""
        if self.toast is not None:
            self.toast.inputs_left -= 1

    def snapshot(self) -> dict[str, Any]:
        out: dict[str, Any] = {"foreground": self.foreground()[0], "system": self.system,
                               "toast": self.last_toast}
        out.update({k: v for k, v in self.state.items() if k != "system"})
        return out


class Context:
    """The `AppContext` an app gets for one page of its stack."""

    def __init__(self, session: Session, app: App, entry: Entry) -> None:
        self._session, self._app = session, app
        self.state: dict[str, Any] = session.state[app.key]
        self.system: dict[str, Any] = session.system
        self.page: Page = entry.page

    def push(self, name: str, **args: Any) -> None:
        self._session.push(self._app.key, Page(name, dict(args)))

    def pop(self) -> None:
        self._session.pop(self._app.key)

    def toast(self, message: str) -> None:
        self._session.show_toast(message)

    def dialog(self, title: str, message: str, buttons: list[DialogButton]) -> None:
        self._session.show_dialog(self._app.key, title, message, buttons)

    def app_state(self, key: str) -> dict[str, Any]:
        return self._session.state.get(key, {})

    def open_app(self, key: str) -> None:
        self._session.switch(key)

    def now(self) -> tuple[int, int]:
        now = self._session.now()
        return now.hour, now.minute
