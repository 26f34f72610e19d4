"""A minimal app host for testing apps without the phone: one app, its back stack, dialogs."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from devices.virtual.apps.clock import ClockApp
from devices.virtual.apps.contacts import ContactsApp
from devices.virtual.apps.game import GameApp
from devices.virtual.apps.messages import MessagesApp
from devices.virtual.apps.notes import NotesApp
from devices.virtual.apps.shop import ShopApp
from devices.virtual.view import App, DialogButton, Page, View, layout

APPS: list[type[App]] = [ContactsApp, MessagesApp, ClockApp, NotesApp, ShopApp, GameApp]
AREA = (0, 84, 1080, 2274)


@dataclass
class Host:
    """Plays the phone's part of the `AppContext` for one app at a time."""

    app: App
    states: dict[str, dict[str, Any]]
    stack: list[Page] = field(default_factory=list)
    toasts: list[str] = field(default_factory=list)
    dialog_box: tuple[str, str, list[DialogButton]] | None = None
    opened: list[str] = field(default_factory=list)
    clock: tuple[int, int] = (9, 41)

    # AppContext
    @property
    def state(self) -> dict[str, Any]:
        return self.states[self.app.key]

    @property
    def system(self) -> dict[str, Any]:
        return self.states.setdefault("system", {})

    @property
    def page(self) -> Page:
        return self.stack[-1]

    def push(self, name: str, **args: Any) -> None:
        self.stack.append(Page(name, dict(args)))

    def pop(self) -> None:
        self.stack.pop()

    def toast(self, message: str) -> None:
        self.toasts.append(message)

    def dialog(self, title: str, message: str, buttons: list[DialogButton]) -> None:
        self.dialog_box = (title, message, buttons)

    def app_state(self, key: str) -> dict[str, Any]:
        return self.states[key]

    def open_app(self, key: str) -> None:
        self.opened.append(key)

    def now(self) -> tuple[int, int]:
        return self.clock

    # driving
    def screen(self) -> View:
        root = self.app.build(self.page, self)
        layout(root, AREA)
        return root

    def views(self) -> Iterator[View]:
        yield from self.screen().walk()

    def find(self, text: str = "", rid: str = "", desc: str = "", root: View | None = None
             ) -> View:
        for v in (root or self.screen()).walk():
            if (text and v.text == text) or (rid and v.rid == rid) or (desc and v.desc == desc):
                return v
        raise LookupError(f"no view text={text!r} rid={rid!r} desc={desc!r}")

    def find_all(self, rid: str) -> list[View]:
        return [v for v in self.views() if v.rid == rid]

    def texts(self) -> list[str]:
        return [v.text for v in self.views() if v.text]

    def tap(self, text: str = "", rid: str = "", desc: str = "") -> None:
        root = self.screen()
        view = self.find(text, rid, desc, root)
        target = view if view.on_click else _clickable_ancestor(root, view)
        assert target is not None and target.on_click is not None, f"{view} is not clickable"
        target.on_click()

    def type(self, text: str, rid: str = "", hint: str = "") -> None:
        """Replace a field's text, as `uiautomator2.send_keys` does."""
        view = next(v for v in self.views() if v.editable and (v.rid == rid or v.hint == hint))
        assert view.on_text is not None
        view.on_text(text)

    def answer(self, label: str) -> None:
        assert self.dialog_box is not None, "no dialog is open"
        button = next(b for b in self.dialog_box[2] if b.label == label)
        self.dialog_box = None
        if button.action:
            button.action()


def _clickable_ancestor(root: View, target: View) -> View | None:
    def path(node: View) -> list[View] | None:
        if node is target:
            return [node]
        for child in node.children:
            found = path(child)
            if found:
                return [node, *found]
        return None

    chain = path(root) or []
    return next((v for v in reversed(chain) if v.on_click), None)


def all_initial_states() -> dict[str, dict[str, Any]]:
    return {cls.key: copy.deepcopy(cls().initial_state()) for cls in APPS}
