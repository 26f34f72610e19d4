"""Every app of the virtual phone, in launcher order.

Each module named in `APP_MODULES` defines one `App` subclass. A module that is not there yet
is skipped with a log line, so the phone works while its apps are being written.
"""

from __future__ import annotations

import importlib
import logging
from types import ModuleType

from devices.virtual.apps.launcher import LauncherApp
from devices.virtual.apps.settings import SettingsApp
from devices.virtual.view import App

log = logging.getLogger(__name__)

APP_MODULES = ("contacts", "messages", "clock", "notes", "shop", "game")


def _import(name: str) -> ModuleType | None:
    full = f"{__package__}.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as e:
        if e.name != full:
            raise  # the module exists but something it imports does not: a real bug
        log.info("virtual app module %s is not there yet", full)
        return None


def _app_class(module: ModuleType) -> type[App]:
    found = [obj for obj in vars(module).values()
             if isinstance(obj, type) and issubclass(obj, App) and obj is not App
             and obj.__module__ == module.__name__]
    if len(found) != 1:
        raise TypeError(f"{module.__name__} must define exactly one App subclass, not {found}")
    return found[0]


def app_classes() -> list[type[App]]:
    """The App subclasses besides the launcher, in launcher order."""
    classes = [_app_class(m) for m in map(_import, APP_MODULES) if m is not None]
    return [*classes, SettingsApp]


def create_apps() -> list[App]:
    """Fresh instances of every app, the launcher first."""
    apps = [cls() for cls in app_classes()]
    for app in apps:
        if isinstance(app, SettingsApp):
            app.installed = tuple((a.label, a.package) for a in apps)
    return [LauncherApp(apps), *apps]
