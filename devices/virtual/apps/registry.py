"""Every app of the virtual phone, in launcher order."""

from __future__ import annotations

from devices.virtual.apps.clock import ClockApp
from devices.virtual.apps.contacts import ContactsApp
from devices.virtual.apps.game import GameApp
from devices.virtual.apps.launcher import LauncherApp
from devices.virtual.apps.messages import MessagesApp
from devices.virtual.apps.notes import NotesApp
from devices.virtual.apps.settings import SettingsApp
from devices.virtual.apps.shop import ShopApp
from devices.virtual.view import App
from devices.virtual.world import World


def app_classes() -> list[type[App]]:
    """The App subclasses besides the launcher, in launcher order."""
    return [ContactsApp, MessagesApp, ClockApp, NotesApp, ShopApp, GameApp, SettingsApp]


def create_apps(world: World | None = None) -> list[App]:
    """Fresh instances of every app for the phone `world` describes, the launcher first."""
    world = world or World()
    apps = [cls(world) for cls in app_classes()]
    for app in apps:
        if isinstance(app, SettingsApp):
            app.installed = tuple((a.label, a.package) for a in apps)
    return [LauncherApp(apps, world), *apps]
