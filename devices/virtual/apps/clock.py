"""Clock: Alarm, Clock, Timer and Stopwatch tabs; alarms expand in place to edit them.

State (`clock`):
    alarms: list of {id, hour (0-23), minute, label, enabled, days}, sorted by time;
        days: three-letter English day names ("Mon" ... "Sun"); empty: rings once.
    timer: {duration (s), running}
    stopwatch: {running, laps (count)}

Seed 0 holds the alarms below; other seeds draw theirs (`world_data.alarms`). The seed's
`Variant` orders the tabs; the app opens on the first.
"""

from __future__ import annotations

from typing import Any

from devices.virtual import world_data
from devices.virtual.view import (
    BUTTON,
    FRAME,
    LINEAR,
    TEXT,
    App,
    AppContext,
    DialogButton,
    Page,
    Style,
    View,
)
from devices.virtual.widgets import (
    app_bar,
    button,
    fab,
    label,
    scroll_list,
    switch,
    text_field,
)

DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
_DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri"]
_TABS = [("alarm", "Alarm", "alarm"), ("clock", "Clock", "clock"), ("timer", "Timer", "timer"),
         ("stopwatch", "Stopwatch", "stopwatch")]
_CITIES = [("London", 5), ("Paris", 6), ("Tokyo", 13), ("Los Angeles", -3)]


def time_text(hour: int, minute: int) -> str:
    return f"{(hour % 12) or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


def days_text(days: list[str]) -> str:
    if not days:
        return "Not scheduled"
    if len(days) == 7:
        return "Every day"
    if sorted(days, key=DAYS.index) == _WEEKDAYS:
        return "Weekdays"
    if sorted(days, key=DAYS.index) == ["Sun", "Sat"]:
        return "Weekends"
    return ", ".join(sorted(days, key=DAYS.index))


def _seed() -> list[dict[str, Any]]:
    rows = [(6, 15, "Gym", False, ["Mon", "Wed", "Fri"]),
            (7, 0, "Work", True, list(_WEEKDAYS)),
            (8, 30, "", False, ["Sat", "Sun"]),
            (22, 0, "Take medicine", True, list(DAYS))]
    return [{"id": i + 1, "hour": h, "minute": m, "label": lab, "enabled": on, "days": d}
            for i, (h, m, lab, on, d) in enumerate(rows)]


class ClockApp(App):
    key = "clock"
    package = "com.google.android.deskclock"
    label = "Clock"
    icon = "alarm"

    def initial_state(self) -> dict[str, Any]:
        alarms = _seed() if self.world.reference else world_data.alarms(self.world)
        return {"alarms": alarms, "timer": {"duration": 0, "running": False},
                "stopwatch": {"running": False, "laps": 0}}

    def build(self, page: Page, ctx: AppContext) -> View:
        if page.name == "picker":
            return self._picker(page, ctx)
        tab = page.args.get("tab", self.world.variant.clock_tabs[0])
        content = {"alarm": self._alarms, "clock": self._clock, "timer": self._timer,
                   "stopwatch": self._stopwatch}[tab](page, ctx)
        bar = app_bar(dict((k, t) for k, t, _ in _TABS)[tab])
        return View(LINEAR, children=[bar, content,
                                      _tab_bar(page, tab, self.world.variant.clock_tabs)])

    # -- alarms -------------------------------------------------------------------------------

    def _alarms(self, page: Page, ctx: AppContext) -> View:
        cards = [_alarm_card(page, ctx, a) for a in ctx.state["alarms"]]
        if not cards:
            cards.append(label("No alarms", rid="alarms_empty_view", muted=True, height=200))
        return View(FRAME, layout="stack", children=[
            scroll_list(cards, rid="alarm_recycler_view", gap=12),
            fab("add", "Add alarm", lambda: ctx.push("picker", alarm_id=None, hour=7, minute=0),
                rid="fab")])

    def _picker(self, page: Page, ctx: AppContext) -> View:
        args = page.args
        if "hour_text" not in args:
            args.update(hour_text=str((args["hour"] % 12) or 12),
                        minute_text=f"{args['minute']:02d}", pm=args["hour"] >= 12, fresh={})
        hour = _spinner(args, "hour", "hour", 1, 12)
        minute = _spinner(args, "minute", "minute", 0, 59)
        colon = View(TEXT, text=":", width=60, style=Style(size=96, align="center"))
        ampm = View(LINEAR, layout="column", width=220, gap=24, padding=20, children=[
            _toggle("AM", not args["pm"], lambda: args.__setitem__("pm", False), "am_label"),
            _toggle("PM", args["pm"], lambda: args.__setitem__("pm", True), "pm_label")])
        dial = View(LINEAR, layout="row", height=560, gap=16, rid="time_picker",
                    children=[hour, colon, minute, ampm])
        actions = View(LINEAR, layout="row", height=132, gap=36, children=[
            button("Cancel", ctx.pop, rid="cancel_button"),
            button("OK", lambda: _save_time(ctx, page), rid="ok_button")])
        title = "Edit alarm time" if args["alarm_id"] is not None else "Set alarm time"
        return View(LINEAR, children=[
            app_bar(title, on_back=ctx.pop),
            View(LINEAR, layout="column", padding=48, gap=48, children=[
                label("Enter time", rid="header_title", muted=True), dial, actions, View()])])

    # -- other tabs ---------------------------------------------------------------------------

    def _clock(self, page: Page, ctx: AppContext) -> View:
        hour, minute = ctx.now()
        rows = [View(TEXT, text=time_text(hour, minute), rid="digital_clock", height=300,
                     style=Style(size=150, align="center"))]
        for city, offset in _CITIES:
            h = (hour + offset) % 24
            rows.append(View(LINEAR, layout="row", height=180, padding=36, rid="world_clock_item",
                             style=Style(divider=True), children=[
                                 View(TEXT, text=city, rid="city_name", style=Style(size=48)),
                                 View(TEXT, text=time_text(h, minute), rid="digital_clock",
                                      width=360, style=Style(size=48))]))
        return scroll_list(rows, rid="cities")

    def _timer(self, page: Page, ctx: AppContext) -> View:
        timer = ctx.state["timer"]
        if timer["running"]:
            d = timer["duration"]
            return View(LINEAR, padding=48, gap=48, children=[
                View(TEXT, text=f"{d // 3600:02d}:{d // 60 % 60:02d}:{d % 60:02d}",
                     rid="timer_time_text", height=300, style=Style(size=140, align="center")),
                button("Stop", lambda: timer.update(running=False), rid="stop_button",
                       danger=True), View()])
        digits = page.args.get("digits", "")
        padded = digits.rjust(6, "0")
        shown = f"{padded[:2]}h {padded[2:4]}m {padded[4:]}s"
        keys = [View(LINEAR, layout="row", height=170, gap=24, children=[
            _key(page, d) for d in row]) for row in ("123", "456", "789")]
        keys.append(View(LINEAR, layout="row", height=170, gap=24, children=[
            View(), _key(page, "0"), button("⌫", (lambda: page.args.__setitem__(
                "digits", digits[:-1])) if digits else None, rid="delete")]))
        keys[-1].children[2].desc = "Delete"
        start = button("Start", (lambda: _start_timer(ctx, digits)) if digits.strip("0")
                       else None, rid="fab")
        return View(LINEAR, padding=48, gap=24, children=[
            View(TEXT, text=shown, rid="timer_setup_time", height=220,
                 style=Style(size=110, align="center")), *keys, start, View()])

    def _stopwatch(self, page: Page, ctx: AppContext) -> View:
        sw = ctx.state["stopwatch"]
        running = sw["running"]
        laps = [label(f"Lap {i + 1}", rid="lap_number") for i in range(sw["laps"])]
        controls = View(LINEAR, layout="row", height=150, gap=36, children=[
            button("Lap" if running else "Reset",
                   (lambda: sw.update(laps=sw["laps"] + 1)) if running
                   else (lambda: sw.update(laps=0)), rid="left_button"),
            button("Pause" if running else "Start",
                   lambda: sw.update(running=not running), rid="fab")])
        return View(LINEAR, padding=48, gap=24, children=[
            View(TEXT, text="00:00.00", rid="stopwatch_time_text", height=300,
                 style=Style(size=140, align="center")),
            controls, scroll_list(laps, rid="laps_list")])


def _tab_bar(page: Page, current: str, order: tuple[str, ...]) -> View:
    tabs = []
    for key, title, icon in sorted(_TABS, key=lambda t: order.index(t[0])):
        tab = View(LINEAR, layout="column", rid=f"tab_{key}", clickable=True, focusable=True,
                   selected=key == current, desc=title,
                   on_click=lambda k=key: page.args.update(tab=k, expanded=None),
                   children=[View(height=90, style=Style(icon=icon, align="center")),
                             View(TEXT, text=title, height=60, style=Style(
                                 size=34, align="center", bold=key == current,
                                 fg="primary" if key == current else "muted"))])
        tabs.append(tab)
    return View(LINEAR, layout="row", height=200, padding=12, rid="bottom_navigation",
                children=tabs, style=Style(bg="surface"))


def _alarm_card(page: Page, ctx: AppContext, alarm: dict[str, Any]) -> View:
    expanded = page.args.get("expanded") == alarm["id"]
    when = time_text(alarm["hour"], alarm["minute"])
    summary = " · ".join(p for p in (alarm["label"], days_text(alarm["days"])) if p)
    clock = View(TEXT, text=when, rid="digital_clock", width=420, clickable=True,
                 on_click=lambda: ctx.push("picker", alarm_id=alarm["id"], hour=alarm["hour"],
                                           minute=alarm["minute"]),
                 style=Style(size=80, fg="text" if alarm["enabled"] else "muted"))
    top = View(LINEAR, layout="row", height=200, children=[
        View(LINEAR, layout="column", children=[
            View(LINEAR, layout="row", height=130, children=[clock, View()]),
            View(TEXT, text=summary, rid="days_of_week", style=Style(size=36, fg="muted"))]),
        switch(alarm["enabled"], lambda: alarm.update(enabled=not alarm["enabled"]),
               rid="onoff", desc=f"{when} alarm")])
    children = [top]
    if expanded:
        children += _alarm_details(ctx, alarm)

    def toggle() -> None:
        page.args["expanded"] = None if expanded else alarm["id"]

    return View(LINEAR, layout="column", height=260 + (480 if expanded else 0), padding=30,
                gap=20, rid="alarm_item", clickable=True, focusable=True, on_click=toggle,
                desc=f"{when} alarm, {'expanded' if expanded else 'collapsed'}",
                children=children, style=Style(bg="surface", radius=36))


def _alarm_details(ctx: AppContext, alarm: dict[str, Any]) -> list[View]:
    def toggle_day(day: str) -> None:
        days = [d for d in DAYS if (d in alarm["days"]) != (d == day)]
        alarm["days"] = days

    days = View(LINEAR, layout="row", height=120, gap=12, rid="repeat_days", children=[
        View(BUTTON, text=name[0], desc=name, rid=f"day_button_{i}", checkable=True,
             checked=DAYS[i] in alarm["days"], clickable=True, focusable=True,
             on_click=lambda d=DAYS[i]: toggle_day(d),
             style=Style(bg="primary" if DAYS[i] in alarm["days"] else "field", align="center",
                         fg="on_primary" if DAYS[i] in alarm["days"] else "text", radius=60))
        for i, name in enumerate(_DAY_NAMES)])
    edit = text_field(alarm["label"], lambda t: alarm.update(label=t), hint="Add label",
                      rid="edit_label", height=130)
    delete = button("Delete", lambda: _confirm_delete(ctx, alarm), rid="delete", height=120)
    return [days, edit, View(LINEAR, layout="row", height=120, children=[delete, View()])]


def _confirm_delete(ctx: AppContext, alarm: dict[str, Any]) -> None:
    def delete() -> None:
        ctx.state["alarms"] = [a for a in ctx.state["alarms"] if a["id"] != alarm["id"]]
        ctx.toast("Alarm deleted")

    when = time_text(alarm["hour"], alarm["minute"])
    ctx.dialog("Delete alarm?", f"The {when} alarm will be deleted.",
               [DialogButton("Cancel"), DialogButton("Delete", delete)])


def _toggle(text: str, on: bool, on_click: Any, rid: str) -> View:
    return View(BUTTON, text=text, rid=rid, checkable=True, checked=on, selected=on,
                clickable=True, focusable=True, on_click=on_click,
                style=Style(bg="primary" if on else "field", fg="on_primary" if on else "text",
                            align="center", radius=24, bold=True))


def _spinner(args: dict[str, Any], field: str, noun: str, lo: int, hi: int) -> View:
    """A field with +/- buttons. A freshly shown value is replaced by what is typed into it."""
    key = f"{field}_text"

    def typed(new: str) -> None:
        old = args[key]
        if args["fresh"].get(field, True) and new.startswith(old) and len(new) > len(old):
            new = new[len(old):]
        args["fresh"][field] = False
        args[key] = "".join(ch for ch in new if ch.isdigit())[:2]

    def step(delta: int) -> None:
        value = int(args[key]) if args[key].isdigit() else lo
        value = lo + (value - lo + delta) % (hi - lo + 1)
        args[key] = f"{value:02d}" if field == "minute" else str(value)
        args["fresh"][field] = True

    edit = text_field(args[key], typed, hint=noun, rid=f"input_{field}", height=200)
    edit.style = Style(bg="field", size=96, align="center", radius=24)
    edit.desc = noun.capitalize()
    return View(LINEAR, layout="column", gap=16, children=[
        _step_button("+", f"Increase {noun}", lambda: step(1)), edit,
        _step_button("−", f"Decrease {noun}", lambda: step(-1))])


def _step_button(text: str, desc: str, on_click: Any) -> View:
    return View(BUTTON, text=text, desc=desc, clickable=True, focusable=True, height=150,
                on_click=on_click, style=Style(size=72, align="center", fg="primary"))


def _save_time(ctx: AppContext, page: Page) -> None:
    args = page.args
    hour_t, minute_t = args["hour_text"], args["minute_text"]
    if not (hour_t.isdigit() and minute_t.isdigit() and 1 <= int(hour_t) <= 12
            and 0 <= int(minute_t) <= 59):
        ctx.toast("Enter a valid time")
        return
    hour = int(hour_t) % 12 + (12 if args["pm"] else 0)
    minute = int(minute_t)
    alarms = ctx.state["alarms"]
    alarm = next((a for a in alarms if a["id"] == args["alarm_id"]), None)
    if alarm is None:
        alarm = {"id": max((a["id"] for a in alarms), default=0) + 1, "label": "", "days": []}
        alarms.append(alarm)
    alarm.update(hour=hour, minute=minute, enabled=True)
    alarms.sort(key=lambda a: (a["hour"], a["minute"], a["id"]))
    ctx.pop()
    now_h, now_m = ctx.now()
    delta = (hour * 60 + minute - now_h * 60 - now_m) % (24 * 60) or 24 * 60
    ctx.toast(f"Alarm set for {delta // 60} hours and {delta % 60} minutes from now")


def _key(page: Page, digit: str) -> View:
    digits = page.args.get("digits", "")

    def press() -> None:
        if len(digits) < 6 and (digits or digit != "0"):
            page.args["digits"] = digits + digit

    return button(digit, press, rid=f"timer_setup_digit_{digit}")


def _start_timer(ctx: AppContext, digits: str) -> None:
    padded = digits.rjust(6, "0")
    seconds = int(padded[:2]) * 3600 + int(padded[2:4]) * 60 + int(padded[4:])
    ctx.state["timer"].update(duration=seconds, running=True)
