"""The home screen: the date, then a grid of app icons (one per app but itself)."""

from __future__ import annotations

from datetime import datetime

from devices.virtual import view as v
from devices.virtual.view import App, AppContext, Page, Style, View
from devices.virtual.world import World

COLUMNS = 4
TILE_H = 300  # px
GRID_TOP = 320  # px below the top of the app area


class LauncherApp(App):
    key = "launcher"
    package = "com.google.android.apps.nexuslauncher"
    label = "Home"
    icon = "home"
    activity = "com.google.android.apps.nexuslauncher.NexusLauncherActivity"

    def __init__(self, apps: list[App], world: World | None = None) -> None:
        super().__init__(world)
        self.apps = [a for a in apps if a.key != self.key]

    def build(self, page: Page, ctx: AppContext) -> View:
        return View(v.FRAME, rid="launcher", children=[self._glance(ctx), self._grid(ctx)])

    def _glance(self, ctx: AppContext) -> View:
        date = _date_text(ctx.system.get("datetime", ""))
        return View(v.TEXT, text=date, rid="date", rect=(72, 90, -72, 230),
                    style=Style(size=58))

    def _grid(self, ctx: AppContext) -> View:
        tiles = []
        for i, app in enumerate(self.apps):
            row, col = divmod(i, COLUMNS)
            x = col * 1080 // COLUMNS
            y = row * TILE_H
            tiles.append(View(v.TEXT, text=app.label, desc=app.label, clickable=True,
                              focusable=True, long_clickable=False,
                              rect=(x + 10, y, x + 1080 // COLUMNS - 10, y + TILE_H),
                              on_click=lambda key=app.key: ctx.open_app(key),
                              style=Style(icon=app.icon, align="center", size=38)))
        return View(v.FRAME, rid="workspace", rect=(0, GRID_TOP, 1080, -160), children=tiles)


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _date_text(iso: str) -> str:
    try:
        d = datetime.fromisoformat(iso)
    except ValueError:
        return ""
    return f"{_DAYS[d.weekday()]}, {_MONTHS[d.month - 1]} {d.day}"
