"""Ready-made views in the look of a stock Android app. Heights are px on a 1080-wide screen."""

from __future__ import annotations

from collections.abc import Callable

from devices.virtual.view import (
    BUTTON,
    CHECKBOX,
    EDIT,
    IMAGE_BUTTON,
    LINEAR,
    RECYCLER,
    SEEKBAR,
    SWITCH,
    TEXT,
    Style,
    View,
)

Callback = Callable[[], None] | None


def app_bar(title: str, on_back: Callback = None, actions: list[View] | None = None) -> View:
    """A top bar with an optional back arrow, the title and action icons on the right."""
    children: list[View] = []
    if on_back is not None:
        children.append(icon_button("back", "Navigate up", on_back, rid="navigate_up"))
    children.append(
        View(TEXT, text=title, rid="title", style=Style(size=56, bold=True))
    )
    children.extend(actions or [])
    return View(LINEAR, layout="row", height=168, padding=24, gap=12, children=children,
                rid="toolbar", style=Style(bg="surface", divider=True))


def icon_button(icon: str, desc: str, on_click: Callback, rid: str = "") -> View:
    return View(IMAGE_BUTTON, desc=desc, rid=rid, clickable=on_click is not None,
                focusable=True, width=120, on_click=on_click, style=Style(icon=icon))


def label(text: str, size: int = 42, height: int = 84, rid: str = "", muted: bool = False,
          bold: bool = False) -> View:
    return View(TEXT, text=text, rid=rid, height=height,
                style=Style(size=size, fg="muted" if muted else "text", bold=bold))


def button(text: str, on_click: Callback, rid: str = "", height: int = 132, danger: bool = False,
           width: int = 0) -> View:
    return View(BUTTON, text=text, rid=rid, clickable=on_click is not None, focusable=True,
                enabled=on_click is not None, height=height, width=width, on_click=on_click,
                style=Style(bg="danger" if danger else "primary", fg="on_primary", bold=True,
                            align="center", radius=24))


def list_item(title: str, subtitle: str = "", on_click: Callback = None,
              on_long_click: Callback = None, rid: str = "", icon: str | None = None,
              trailing: View | None = None, height: int = 0) -> View:
    """A clickable row: optional icon, a title over a muted subtitle, an optional trailing view."""
    texts = [View(TEXT, text=title, rid="title", height=0, style=Style(size=46))]
    if subtitle:
        texts.append(View(TEXT, text=subtitle, rid="summary", height=0,
                          style=Style(size=36, fg="muted")))
    children: list[View] = []
    if icon:
        children.append(View(desc="", width=96, style=Style(icon=icon)))
    children.append(View(LINEAR, layout="column", children=texts))
    if trailing is not None:
        children.append(trailing)
    return View(LINEAR, layout="row", rid=rid, height=height or (200 if subtitle else 160),
                padding=30, gap=24, clickable=on_click is not None or on_long_click is not None,
                long_clickable=on_long_click is not None, focusable=on_click is not None,
                on_click=on_click, on_long_click=on_long_click, children=children,
                style=Style(divider=True))


def switch(checked: bool, on_toggle: Callback, rid: str = "switch_widget", desc: str = "") -> View:
    return View(SWITCH, text="ON" if checked else "OFF", desc=desc, rid=rid, checkable=True,
                checked=checked, clickable=on_toggle is not None, focusable=True, width=180,
                on_click=on_toggle)


def switch_row(title: str, checked: bool, on_toggle: Callable[[], None], subtitle: str = "",
               rid: str = "") -> View:
    """A settings row whose whole surface toggles the switch at its end (as in Android)."""
    row = list_item(title, subtitle, on_click=on_toggle, rid=rid,
                    trailing=switch(checked, None))
    row.checkable, row.checked = True, checked
    return row


def checkbox(text: str, checked: bool, on_toggle: Callback, rid: str = "") -> View:
    return View(CHECKBOX, text=text, rid=rid, checkable=True, checked=checked, height=132,
                clickable=on_toggle is not None, focusable=True, on_click=on_toggle)


def text_field(value: str, on_text: Callable[[str], None], hint: str = "", rid: str = "",
               password: bool = False, height: int = 150) -> View:
    return View(EDIT, text=value, hint=hint, rid=rid, clickable=True, focusable=True,
                long_clickable=True, password=password, height=height, on_text=on_text,
                style=Style(bg="field", radius=12))


def slider(value: float, on_progress: Callable[[float], None], desc: str, rid: str = "") -> View:
    return View(SEEKBAR, desc=desc, rid=rid, progress=value, focusable=True, scrollable=False,
                clickable=True, height=120, on_progress=on_progress)


def scroll_list(children: list[View], rid: str = "list", gap: int = 0) -> View:
    """A vertically scrolling list that fills the remaining height of a column."""
    return View(RECYCLER, rid=rid, scrollable=True, focusable=True, gap=gap, children=children)


def fab(icon: str, desc: str, on_click: Callable[[], None], rid: str = "fab") -> View:
    """A floating action button in the bottom-right corner of its (stack) parent's box."""
    return View(IMAGE_BUTTON, desc=desc, rid=rid, clickable=True, focusable=True,
                on_click=on_click, rect=(-264, -240, -72, -48),
                style=Style(bg="primary", fg="on_primary", icon=icon, radius=96))
