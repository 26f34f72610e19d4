"""What a control acts on, as the screen names it: whose call, whose thread, which item.

A "Call" button, a "Send" arrow or a "Delete" in a dialog does not say whom or what it
concerns; the screen around it does. `object_texts` gathers those texts, by layout alone:

- the control's own label ("Call Anna", "Send to 555-0101");
- a dialog's or sheet's texts, when the control floats over the screen in one ("Anna Berg
  will be removed from your contacts.");
- otherwise the page's headings: the plain texts outside any scrolling list (an app bar's
  title: the thread's contact), or, where there are none, the first ones inside it (a
  contact card's name; above the control, when it is in the list too), but never a whole
  list of message bubbles;
- the row the control sits in (the name beside a list row's call icon), or, when that row
  holds nothing else, the nearest item above it in the same list (the alarm whose
  expanded row holds "Delete").

`field_texts` gives apart what the page's text fields hold: the item an edit form is editing,
but also the new values just typed and a message's draft.

Texts are returned as the screen gives them; comparing them with a goal is the caller's.
"""

from __future__ import annotations

from perception.elements import Screen, UIElement
from perception.roles import is_system_package

MAX_WORDS = 12  # longer texts are content (a message, a description), not a name
HEADINGS_IN_LIST = 2  # headings taken from inside a scrolling list when none is outside
MIN_CHARS = 2  # shorter labels (an avatar's "A", a weekday's "S") name nothing


_CONTROL_ROLES = frozenset({"button", "image_button", "image", "switch", "checkbox", "radio",
                            "toggle", "slider", "input", "dropdown", "tab"})


def _plain(element: UIElement) -> bool:
    """Text that is not a control (nor a disabled one): a title, a name, a message."""
    return element.role not in _CONTROL_ROLES and not (
        element.clickable or element.long_clickable or element.checkable
        or element.editable or element.scrollable)


def _named(text: str) -> bool:
    return len(text.strip()) >= MIN_CHARS and len(text.split()) <= MAX_WORDS


def _labels(element: UIElement) -> list[str]:
    return [t for t in (element.text, element.description) if t and _named(t)]


def _window(screen: Screen, element: UIElement) -> list[UIElement]:
    return [e for e in screen.elements
            if e.window == element.window and e is not element
            and not is_system_package(e.package)]


def floats(screen: Screen, window: int) -> bool:
    """The window floats over the screen (a dialog, a popup, a sheet over its lower part)."""
    if not 0 <= window < len(screen.windows):
        return False
    b = screen.windows[window].bounds
    return b.area > 0 and (b.left > 0 or b.right < screen.width or b.top > screen.height // 3)


def _headings(element: UIElement, window: list[UIElement]) -> list[str]:
    plain = sorted((e for e in window if _plain(e) and _labels(e)), key=lambda e: e.bounds.top)
    outside = [e for e in plain if e.container < 0]
    if element.container >= 0:  # in the list: what heads it is above it
        plain = [e for e in plain if e.bounds.top < element.bounds.top]
    chosen = outside or plain[:HEADINGS_IN_LIST]
    return [t for e in chosen for t in _labels(e)]


def _in_row(element: UIElement, other: UIElement) -> bool:
    middle = (other.bounds.top + other.bounds.bottom) // 2
    return element.bounds.top <= middle < element.bounds.bottom and not other.editable and (
        not other.scrollable)


def _above(element: UIElement, window: list[UIElement]) -> list[str]:
    """The nearest named element above `element` in its list, fields and switches (the
    item's settings, not its name) left out."""
    if element.container < 0:
        return []
    above = [e for e in window if e.container == element.container
             and not (e.editable or e.checkable)
             and e.bounds.bottom <= element.bounds.top and _labels(e)]
    nearest = max(above, key=lambda e: e.bounds.bottom, default=None)
    return _labels(nearest) if nearest is not None else []


def object_texts(element: UIElement, screen: Screen) -> tuple[str, ...]:
    """The texts that name what activating `element` concerns (see the module docstring)."""
    window = _window(screen, element)
    texts = [t for t in (element.text, element.description) if t]
    if floats(screen, element.window):
        texts += [t for e in window for t in (e.text, e.description) if t and not e.editable]
        return tuple(dict.fromkeys(texts))
    row = [t for e in window if _in_row(element, e) for t in _labels(e)]
    texts += _headings(element, window) + (row or _above(element, window))
    return tuple(dict.fromkeys(texts))


def field_texts(element: UIElement, screen: Screen) -> tuple[str, ...]:
    """What the text fields of `element`'s window hold."""
    return tuple(e.text for e in _window(screen, element) if e.editable and e.text)
