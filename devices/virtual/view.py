"""The virtual phone's view tree: what apps build, what gets laid out, drawn and dumped.

Apps are pure functions of their state: `App.build(page, ctx)` returns a fresh `View` tree
every time the screen is captured or an event is dispatched. Behaviour lives in callbacks
(`on_click`, `on_long_click`, `on_text`) that mutate `ctx.state` or navigate through `ctx`.

Layout (`layout()`), in the parent's content box (its bounds minus `padding`):
- "column": children stacked top to bottom, `gap` px apart. A child's `height` is its height
  in px; children with height 0 share what is left equally. Width fills the column.
- "row": the same, left to right, with `width`.
- "stack": every child fills the whole content box (overlays).
- A child with `rect=(x1, y1, x2, y2)` is placed there, relative to the parent's content box
  origin, whatever the parent's layout; negative values count from the box's right or bottom
  edge (`(-264, -240, -72, -48)` sits in the bottom-right corner).
A scrollable view lays its children out as a column of their natural heights, shifted up by
its scroll offset (kept by the phone per page and `rid`); children are clipped to its bounds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from devices.virtual.world import World

Rect = tuple[int, int, int, int]  # left, top, right, bottom in screen px; right/bottom exclusive

# Android class names, as uiautomator writes them.
FRAME = "android.widget.FrameLayout"
LINEAR = "android.widget.LinearLayout"
TEXT = "android.widget.TextView"
BUTTON = "android.widget.Button"
IMAGE_BUTTON = "android.widget.ImageButton"
IMAGE = "android.widget.ImageView"
EDIT = "android.widget.EditText"
SWITCH = "android.widget.Switch"
CHECKBOX = "android.widget.CheckBox"
SEEKBAR = "android.widget.SeekBar"
RECYCLER = "androidx.recyclerview.widget.RecyclerView"
SCROLL = "android.widget.ScrollView"
VIEW = "android.view.View"


@dataclass(frozen=True)
class Style:
    """How a view is drawn. Colours are theme tokens, resolved for light or dark mode."""

    bg: str | None = None  # surface | primary | accent | danger | muted | field | None (clear)
    fg: str = "text"  # text | muted | on_primary | primary | danger
    size: int = 42  # font size, px
    bold: bool = False
    align: Literal["left", "center"] = "left"
    icon: str | None = None  # a glyph name the renderer knows (back, search, add, wifi, ...)
    radius: int = 0  # corner radius, px
    divider: bool = False  # a thin line under the view


@dataclass(eq=False)
class View:
    cls: str = FRAME
    text: str = ""
    desc: str = ""  # content-desc
    rid: str = ""  # resource id name; dumped as "<package>:id/<rid>"
    hint: str = ""  # placeholder of an empty EditText
    clickable: bool = False
    long_clickable: bool = False
    checkable: bool = False
    checked: bool = False
    focusable: bool = False
    focused: bool = False
    scrollable: bool = False
    enabled: bool = True
    selected: bool = False
    password: bool = False
    multiline: bool = False  # editable: Enter inserts a newline (textMultiLine), not on_submit
    progress: float | None = None  # SeekBar position, 0-1
    # layout
    layout: Literal["column", "row", "stack"] = "column"
    height: int = 0  # px in a column parent; 0 = share the rest
    width: int = 0  # px in a row parent; 0 = share the rest
    rect: Rect | None = None  # explicit placement relative to the parent's content box
    padding: int = 0  # px on every side of the content box
    gap: int = 0  # px between children
    style: Style = field(default_factory=Style)
    children: list[View] = field(default_factory=list)
    # behaviour
    on_click: Callable[[], None] | None = None
    on_long_click: Callable[[], None] | None = None
    on_text: Callable[[str], None] | None = None  # editable: receives the field's new full text
    on_progress: Callable[[float], None] | None = None  # SeekBar: receives the new 0-1 value
    on_submit: Callable[[], None] | None = None  # editable, single-line: the enter key
    # custom-drawn views (games, canvases): draw into (ImageDraw, box in that image's pixels)
    paint: Callable[[Any, Rect], None] | None = None
    on_touch: Callable[[int, int], None] | None = None  # a tap at screen px (x, y)
    # filled by layout()
    bounds: Rect = (0, 0, 0, 0)

    @property
    def editable(self) -> bool:
        return self.on_text is not None

    def walk(self) -> Iterator[View]:
        """This view and all its descendants, depth first, in drawing order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, rid: str) -> View | None:
        return next((v for v in self.walk() if v.rid == rid), None)


@dataclass
class Page:
    """One entry of an app's back stack. `args` persists while the page is on the stack,
    so forms keep their drafts there."""

    name: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DialogButton:
    label: str
    action: Callable[[], None] | None = None  # None: just close the dialog


class AppContext(Protocol):
    """What an app may do, handed to `App.build` and usable from its callbacks."""

    state: dict[str, Any]  # this app's state: mutable, JSON-able, checked by tasks
    system: dict[str, Any]  # phone-wide settings (wifi, bluetooth, dark_mode, brightness, ...)
    page: Page  # the page being built

    def push(self, name: str, **args: Any) -> None: ...  # open a page on this app's stack

    def pop(self) -> None: ...  # close the top page (at the root: leave the app)

    def toast(self, message: str) -> None: ...

    def dialog(self, title: str, message: str, buttons: list[DialogButton]) -> None: ...

    def app_state(self, key: str) -> dict[str, Any]: ...  # another app's state, read-only use

    def open_app(self, key: str) -> None: ...

    def now(self) -> tuple[int, int]: ...  # virtual clock: hour, minute


class App:
    """Base of every virtual app. Subclasses set the class attributes and implement build."""

    key: str = ""  # short name used in the phone's state dict and in tasks, e.g. "settings"
    package: str = ""  # e.g. com.android.settings
    label: str = ""  # launcher label, e.g. Settings
    icon: str = "app"  # glyph name for the launcher
    root: str = "main"  # name of the first page

    def __init__(self, world: World | None = None) -> None:
        self.world = world or World()  # the seed and realism the app draws its data from

    def initial_state(self) -> dict[str, Any]:
        return {}

    def initial_system(self) -> dict[str, Any]:
        """Phone-wide settings this app's world starts with, over the phone's defaults."""
        return {}

    def build(self, page: Page, ctx: AppContext) -> View:
        raise NotImplementedError


def _share(total: int, sizes: list[int], gap: int) -> list[int]:
    fixed = sum(sizes) + gap * max(0, len(sizes) - 1)
    flexible = sum(1 for s in sizes if s == 0)
    rest = max(0, total - fixed) // flexible if flexible else 0
    return [s or rest for s in sizes]


def layout(view: View, bounds: Rect, scroll: Callable[[View], int] = lambda v: 0) -> None:
    """Assign `bounds` to `view` and its subtree. `scroll(v)` gives a scrollable's offset."""
    view.bounds = bounds
    x1, y1, x2, y2 = bounds
    x1, y1, x2, y2 = x1 + view.padding, y1 + view.padding, x2 - view.padding, y2 - view.padding
    flow = [c for c in view.children if c.rect is None]
    for child in view.children:
        if child.rect is not None:
            cx1, cy1, cx2, cy2 = child.rect
            xs = [x1 + v if v >= 0 else x2 + v for v in (cx1, cx2)]
            ys = [y1 + v if v >= 0 else y2 + v for v in (cy1, cy2)]
            layout(child, (xs[0], ys[0], xs[1], ys[1]), scroll)
    if view.scrollable:
        y = y1 - scroll(view)
        for child in flow:
            layout(child, (x1, y, x2, y + child.height), scroll)
            y += child.height + view.gap
    elif view.layout == "stack":
        for child in flow:
            layout(child, (x1, y1, x2, y2), scroll)
    elif view.layout == "column":
        y = y1
        for child, h in zip(flow, _share(y2 - y1, [c.height for c in flow], view.gap), strict=True):
            layout(child, (x1, y, x2, y + h), scroll)
            y += h + view.gap
    else:
        x = x1
        for child, w in zip(flow, _share(x2 - x1, [c.width for c in flow], view.gap), strict=True):
            layout(child, (x, y1, x + w, y2), scroll)
            x += w + view.gap


def content_height(view: View) -> int:
    """Natural height of a scrollable's content: its flow children stacked with gaps."""
    flow = [c for c in view.children if c.rect is None]
    return sum(c.height for c in flow) + view.gap * max(0, len(flow) - 1) + 2 * view.padding
