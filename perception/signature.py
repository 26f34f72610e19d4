"""`signature`: a stable id of which page a screen shows.

Made of what identifies a page and not what changes on it: the app, and for each element
outside scrollable lists (system bars and the keyboard aside) and for each tab its role,
resource id and label,
digits masked (clocks, counters), field values ignored (only their hint), checked and focused
states ignored; a list counts by its identity only, never by the items scrolled into view. A
selected tab counts: it tells which page of a tabbed screen is shown.
"""

from __future__ import annotations

import hashlib

from perception.elements import Screen, UIElement
from perception.roles import is_system_package

_DIGITS = str.maketrans("0123456789", "##########")
MAX_LABEL = 60  # characters of a label that count; long bodies of text vary in their tail


def _token(e: UIElement) -> str:
    name = e.resource_id.rpartition("/")[2]
    if e.editable:
        label = e.hint or e.description
    elif e.scrollable and e.role == "list":
        label = ""
    else:
        label = e.text or e.description
    label = label[:MAX_LABEL].translate(_DIGITS)
    return f"{e.role}|{name}|{label}|{'s' if e.selected and e.role == 'tab' else ''}"


def _counts(e: UIElement, windows: set[int]) -> bool:
    if e.source != "tree" or e.window in windows or is_system_package(e.package):
        return False
    return e.container == -1 or e.role == "tab"  # tabs name the page, even in a tab strip


def element_token(e: UIElement) -> str:
    """What an element adds to its page's signature (when it counts)."""
    return _token(e)


def page_tokens(screen: Screen) -> list[str]:
    """The distinct tokens the signature is made of, in screen order."""
    # Windows with nothing to act on are toasts and overlays, not the page.
    app_windows = {e.window for e in screen.elements if not is_system_package(e.package)}
    passive = app_windows - {e.window for e in screen.elements if e.actionable}
    if passive == app_windows:
        passive = set()
    return list(dict.fromkeys(_token(e) for e in screen.elements if _counts(e, passive)))


def signature(screen: Screen) -> str:
    """Same for the same page whatever its states, typed text, clock or scroll positions."""
    digest = hashlib.sha1(screen.app.encode(), usedforsecurity=False)
    for token in page_tokens(screen):
        digest.update(token.encode())
        digest.update(b"\n")
    return digest.hexdigest()[:16]
