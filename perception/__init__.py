"""Trees and pixels -> `Screen` and its renderings. Imports devices (types) only."""

from perception.elements import Bounds, Screen, UIElement

__all__ = ["Bounds", "Screen", "UIElement"]
