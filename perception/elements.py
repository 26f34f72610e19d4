"""The perceived screen: a flat, filtered list of elements a planner can refer to by id."""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

from devices.actions import Point


@dataclass(frozen=True)
class Bounds:
    """A rectangle in device pixels; right and bottom are exclusive."""

    left: int
    top: int
    right: int
    bottom: int

    @property
    def width(self) -> int:
        return max(0, self.right - self.left)

    @property
    def height(self) -> int:
        return max(0, self.bottom - self.top)

    @property
    def area(self) -> int:
        return self.width * self.height

    @property
    def center(self) -> Point:
        return Point((self.left + self.right) // 2, (self.top + self.bottom) // 2)

    def contains(self, point: Point) -> bool:
        return self.left <= point.x < self.right and self.top <= point.y < self.bottom

    def intersect(self, other: Bounds) -> Bounds:
        return Bounds(
            max(self.left, other.left),
            max(self.top, other.top),
            min(self.right, other.right),
            min(self.bottom, other.bottom),
        )

    def as_list(self) -> list[int]:
        return [self.left, self.top, self.right, self.bottom]


@dataclass(frozen=True)
class UIElement:
    id: int  # index in Screen.elements; what planners refer to
    role: str  # short role: button, text, input, switch, checkbox, image, list, ...
    bounds: Bounds
    text: str = ""
    description: str = ""  # content-desc / accessible name
    resource_id: str = ""  # package:id/name as the platform gives it
    class_name: str = ""  # platform class, e.g. android.widget.Switch
    package: str = ""
    hint: str = ""  # placeholder of an empty editable field
    clickable: bool = False
    long_clickable: bool = False
    checkable: bool = False
    checked: bool = False
    editable: bool = False
    scrollable: bool = False
    focused: bool = False
    enabled: bool = True
    selected: bool = False
    password: bool = False
    source: str = "tree"  # "tree" or "vision" (proposed from pixels)
    window: int = 0  # which window of the dump holds it (0 = the first dumped); -1 for vision
    container: int = -1  # id of the scrollable element that holds it; -1 for none

    @property
    def label(self) -> str:
        """The best human name: text, else description, else hint, else the resource name."""
        return (
            self.text
            or self.description
            or self.hint
            or self.resource_id.rpartition("/")[2].replace("_", " ")
        )

    @property
    def actionable(self) -> bool:
        return self.clickable or self.long_clickable or self.editable or self.scrollable or (
            self.checkable
        )


@dataclass(frozen=True)
class Window:
    """One window of a dump: its package and root bounds. A dump does not say which window
    is in front: uiautomator2 gathers the window roots in a hash set."""

    package: str
    bounds: Bounds


@dataclass(frozen=True)
class Screen:
    width: int  # px
    height: int  # px
    elements: tuple[UIElement, ...]
    app: str = ""  # foreground package
    screenshot: Image.Image | None = field(default=None, compare=False, repr=False)
    windows: tuple[Window, ...] = ()  # the dump's windows, numbered as `UIElement.window`

    def element(self, element_id: int) -> UIElement:
        """The element with this id; KeyError when there is none."""
        if 0 <= element_id < len(self.elements) and self.elements[element_id].id == element_id:
            return self.elements[element_id]
        for element in self.elements:
            if element.id == element_id:
                return element
        raise KeyError(element_id)
