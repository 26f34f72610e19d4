"""What exploration may tap, and what a page and a tap's outcome look like to it.

What may be tapped is decided by structure, in any language (`navigable`): entries of
lists, tabs (but the selected one), toolbar and floating icons that carry a label. Never a
field, switch, checkbox or slider, never a text button (Add to cart, Start, OK, Save: an
app's commands are its buttons), never a control without a label, never a phone number,
e-mail or web address (tapping one calls, writes or browses), nothing while a dialog is up,
and on a form page (fields that are not a search box) nothing but its list entries. Of a
list whose entries share a layout (people, threads, products) only the last two are
opened: they show the page the others open too, and the first entries are the newest,
those a visit would mark as read. Entries with one resource id share a layout; entries
without ids that look alike are probed by the last two, and the others are opened only when
those two led to pages of different kinds (a menu, not a collection).

The word rule of the safety gate (and a wider list of verbs here) stays as a last guard on
what structure allows, because an icon button may act at once (a bin that deletes with an
"undo" bar) and evidence comes only after the tap.
"""

from __future__ import annotations

import re

from devices.actions import Tap
from perception.elements import Bounds, Screen, UIElement
from perception.roles import is_button_class
from perception.sensitive import sensitive_category
from perception.signature import element_token, page_tokens
from planners.embedded.memory import MemElement, element_context, is_chrome
from planners.embedded.view import floating_windows

_ALIKE_OPENED = 2  # entries opened of a list whose entries share a layout
_ALIKE_MIN = 3  # entries with one layout that make a list a collection
# Wider than the safety gate's rules on purpose: exploring must not even send, save, call or
# sign out, which a person asking for them may well want. Only a last guard (see above).
_SENSITIVE = re.compile(
    r"\b(pay|buy|purchase|order|checkout|check out|delete|remove|uninstall|erase|reset|wipe|"
    r"format|allow|confirm|send|post|publish|submit|save|sign out|log ?out|clear|discard|"
    r"transfer|call|dial|share|install|grant|accept|agree|factory)\b",
    re.I,
)
# A datum a tap acts on: a phone number (5+ digits), an e-mail or a web address.
_DIGITS = str.maketrans("0123456789", "##########")
_DATUM = re.compile(r"^\+?[\d\s().\-/]*\d{2}[\d\s().\-/]{3,}$|^\S+@\S+\.\S+$|^(https?://|www\.)\S+$")

def sensitive(element: UIElement, screen: Screen) -> bool:
    """Never tap this while exploring: it may spend, delete, send or grant something."""
    if _SENSITIVE.search(f"{element.text} {element.description}"):
        return True
    return sensitive_category(Tap(element.bounds.center), screen) is not None


def explorable(element: UIElement) -> bool:
    """A control a tap can use (not a field, switch, slider, list container or system bar)."""
    if is_chrome(element):
        return False
    if not element.clickable or element.editable or element.checkable:
        return False
    if not element.enabled or "seekbar" in element.class_name.lower():
        return False
    return element.role not in ("slider", "input", "switch", "checkbox", "radio", "toggle",
                                "dropdown")


def is_datum(element: UIElement) -> bool:
    """Labelled by a phone number, an e-mail or a web address: a tap calls, writes, browses."""
    return bool(_DATUM.match((element.text or element.description).strip()))


def is_form(screen: Screen) -> bool:
    """A page with fields to fill in: any field but a lone search box above a list."""
    fields = [e for e in screen.elements if e.editable and not is_chrome(e)]
    if len(fields) != 1:
        return len(fields) > 1
    lists = [e for e in screen.elements if e.scrollable and not is_chrome(e)]
    return not any(fields[0].bounds.bottom <= e.bounds.top + 40 for e in lists)


def navigable(element: UIElement, screen: Screen, form: bool) -> bool:
    """Whether exploring may tap this element of `screen` (`form`: the page is a form)."""
    if not explorable(element) or element.selected or floating_windows(screen):
        return False  # a selected tab is the page itself; a dialog is answered with back
    if not (element.text.strip() or element.description.strip()
            or element_context(screen, element)):
        return False  # unlabelled: nothing says what it does
    if is_button_class(element.class_name) or is_datum(element):
        return False
    if form and element.container == -1:
        return False
    return not sensitive(element, screen)


def alike(package: str, role: str, resource_id: str, label: str) -> tuple[str, str, str]:
    """What makes two controls alike: the same layout (resource id), else the same label."""
    rid = resource_id.rpartition("/")[2]
    return (package, role, rid) if rid else (package, role, f"label:{label.strip().lower()}")


def thin_collections(keys: list[str], elements: dict[str, MemElement],
                      in_list: set[str]) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """Of list entries that share a layout (3 or more), keep the last `_ALIKE_OPENED`.

    Entries with one resource id share a layout. Entries without ids that look alike (class,
    column, a subtitle or none) may be a collection or a menu (a settings list): the last
    `_ALIKE_OPENED` are tried first as probes and the others moved to the end, returned with
    the probes that decide whether they are opened (`open_rest`)."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for key in keys:
        e = elements[key]
        if key not in in_list:
            continue
        left, _, right, _ = e.bounds
        shape = (e.role, e.class_name, str(left), str(right), str(bool(e.context)))
        groups.setdefault((e.role, e.resource_id) if e.resource_id else shape, []).append(key)
    alike = [g for g in groups.values() if len(g) >= _ALIKE_MIN]
    dropped = {k for g in alike if elements[g[0]].resource_id for k in g[:-_ALIKE_OPENED]}
    rest_of = {k: tuple(g[-_ALIKE_OPENED:]) for g in alike if not elements[g[0]].resource_id
               for k in g[:-_ALIKE_OPENED]}
    kept = [k for k in keys if k not in dropped and k not in rest_of]
    return kept + [k for k in keys if k in rest_of], rest_of


def open_rest(kinds: list[frozenset[str] | None]) -> bool:
    """Open the rest of a list when its probes led to pages of different kinds (a menu's);
    not when they led to pages laid out alike (a collection's), nor when one did not lead
    to a page or was not tried."""
    return len(kinds) == _ALIKE_OPENED and None not in kinds and len(set(kinds)) == len(kinds)


def kind_of(screen: Screen, opened: UIElement) -> frozenset[str]:
    """What a page reached from a list entry offers, its data aside: the roles and labels
    of its controls (a field's role only, a phone number's or address's role only)."""
    tokens = set()
    for e in screen.elements:
        if is_chrome(e) or not e.actionable or e.label == opened.label:
            continue
        plain = e.editable or is_datum(e)
        tokens.add(e.role if plain else f"{e.role}|{e.label.translate(_DIGITS)}")
    return frozenset(tokens)


def same_page(before: Screen, after: Screen, element: UIElement) -> bool:
    """`after` is `before` where only the tapped element itself or counters changed."""
    own = {element_token(element)} | {element_token(e) for e in after.elements
                                       if e.bounds == element.bounds}
    changed = (set(page_tokens(before)) ^ set(page_tokens(after))) - own
    return all("#" in token for token in changed)


def drawn(screen: Screen) -> tuple[tuple[str, str, Bounds], ...]:
    """What the app draws (the clock aside): equal for two frames of one drawing."""
    return tuple((e.role, e.label, e.bounds) for e in screen.elements if not is_chrome(e))


def unfinished(screen: Screen) -> bool:
    """The frame is another app's than the one in front, a spinner is shown or a list is
    empty: the page is still being drawn (a list that is empty for good only costs the
    settling waits)."""
    drawn_by = {e.package for e in screen.elements if not is_chrome(e) and e.package}
    if screen.app and drawn_by and screen.app not in drawn_by:
        return True
    if any("progressbar" in e.class_name.lower() for e in screen.elements):
        return True
    held = {e.container for e in screen.elements}
    return any(e.scrollable and e.role == "list" and e.id not in held and not is_chrome(e)
               for e in screen.elements)


def texts(screen: Screen) -> set[str]:
    """The app's texts on screen, digits masked (clocks and counters change by themselves)."""
    return {e.text.translate(_DIGITS) for e in screen.elements if e.text and not is_chrome(e)}
