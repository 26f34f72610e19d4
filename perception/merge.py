"""From the `RawNode`s of a tree to the screen's elements: clip, drop what nobody can see,
merge labels and switch states into the control they describe, borrow a label for an
unlabeled control, fold duplicates.

Nothing a person could act on is ever dropped: a merge only removes plain nodes (labels,
non-clickable switches) whose text and state move onto the absorber that acts for them, and a
fold of two nodes with the same bounds keeps the union of their abilities.
"""

from __future__ import annotations

from typing import Protocol

from perception.elements import Bounds, UIElement
from perception.roles import is_checkable_role, role_of
from perception.tree import RawNode

MAX_LABELS = 8  # an absorber taking more labels than this is a panel, not a control
LARGE_SHARE = 0.5  # of the screen: a clickable this large takes at most two labels
_BORROWERS = frozenset({"switch", "checkbox", "radio", "toggle", "input", "slider", "dropdown"})
SEPARATOR = " | "  # joins the labels merged into one control


class Draft:
    """A mutable element before ids are given."""

    __slots__ = (
        "bounds", "checkable", "checked", "class_name", "clickable", "description", "editable",
        "enabled", "focused", "hint", "long_clickable", "node", "package", "password",
        "resource_id", "role", "scrollable", "selected", "text",
    )

    def __init__(self, n: RawNode, bounds: tuple[int, int, int, int]) -> None:
        self.node, self.bounds = n, bounds
        self.text, self.description, self.hint = n.text, n.description, n.hint
        self.resource_id, self.class_name, self.package = n.resource_id, n.class_name, n.package
        self.clickable, self.long_clickable = n.clickable, n.long_clickable
        self.checkable, self.checked, self.editable = n.checkable, n.checked, n.editable
        self.scrollable, self.focused, self.enabled = n.scrollable, n.focused, n.enabled
        self.selected, self.password = n.selected, n.password
        self.role = role_of(n.class_name, n.clickable or n.long_clickable, n.checkable,
                            n.editable, n.scrollable)
        if self.role == "view" and n.kind == "plain" and not n.checkable:
            self.role = "text"  # a generic view that only says something is read as text

    @property
    def has_label(self) -> bool:
        return bool(self.text or self.description or self.hint)

    @property
    def actionable(self) -> bool:
        return (self.clickable or self.long_clickable or self.checkable or self.editable
                or self.scrollable)

    def fold(self, other: Draft) -> None:
        """Take the abilities of `other`, a duplicate of this one."""
        self.clickable |= other.clickable
        self.long_clickable |= other.long_clickable
        self.checked = self.checked if self.checkable else other.checked
        self.checkable |= other.checkable
        self.editable |= other.editable
        self.scrollable |= other.scrollable
        self.focused |= other.focused
        self.selected |= other.selected
        self.enabled |= other.enabled

    def take_content(self, other: Draft) -> None:
        """Become `other` (labelled) while keeping this draft's place and abilities."""
        for name in ("text", "description", "hint", "resource_id", "class_name", "role",
                     "password"):
            setattr(self, name, getattr(other, name))
        self.fold(other)

    def element(self, element_id: int, container: int) -> UIElement:
        return UIElement(
            id=element_id, role=self.role, bounds=Bounds(*self.bounds), text=self.text,
            description=self.description, resource_id=self.resource_id,
            class_name=self.class_name, package=self.package, hint=self.hint,
            clickable=self.clickable, long_clickable=self.long_clickable,
            checkable=self.checkable, checked=self.checked, editable=self.editable,
            scrollable=self.scrollable, focused=self.focused, enabled=self.enabled,
            selected=self.selected, password=self.password, window=self.node.window,
            container=container,
        )


def _inside(inner: tuple[int, int, int, int], outer: tuple[int, int, int, int]) -> bool:
    """Whether the centre of `inner` lies in `outer`."""
    cx, cy = (inner[0] + inner[2]) // 2, (inner[1] + inner[3]) // 2
    return outer[0] <= cx < outer[2] and outer[1] <= cy < outer[3]


def _decide_merges(nodes: list[RawNode], screen_area: int) -> None:
    """Which absorbers take their labels: those not too large, not holding a whole panel.
    A label drawn outside its absorber stays on its own, where it can still be tapped."""
    for n in nodes:
        if not n.absorbed or n.bounds is None:
            continue
        seen = []
        for a in n.absorbed:
            if a.bounds is None:
                continue
            if _inside(a.bounds, n.bounds):
                seen.append(a)
            else:
                a.owner = None
        x1, y1, x2, y2 = n.bounds
        large = (x2 - x1) * (y2 - y1) > LARGE_SHARE * screen_area
        if len(seen) <= MAX_LABELS and not (large and len(seen) > 2):
            n.merge = seen


def _unique_parts(text: str, parts: list[str]) -> str:
    kept: list[str] = []
    for part in parts:
        if part and part != text and not any(part in k for k in kept):
            kept.append(part)
    return SEPARATOR.join(kept)


def _apply_merge(d: Draft, merged: list[RawNode]) -> None:
    """Labels and switch states of the plain nodes under an absorber move onto it. The
    absorber's own text or description stays its name; the others describe it."""
    texts = [a.text for a in merged if a.text]
    if not d.editable and not d.text and not d.description and texts:
        d.text = texts[0]
    parts = [d.description]
    for a in merged:
        parts.extend((a.text, a.description))
        if a.checkable and not d.checkable:
            d.checkable, d.checked = True, a.checked
            role = role_of(a.class_name, False, True, False, False)
            if not is_checkable_role(d.role) and d.role != "tab":
                d.role = role
    d.description = _unique_parts(d.text, parts)


def _drafts(nodes: list[RawNode]) -> list[Draft]:
    drafts = []
    for n in nodes:
        if n.bounds is None or (n.owner is not None and n.owner.merge is not None):
            continue
        d = Draft(n, n.bounds)
        if n.merge:
            _apply_merge(d, n.merge)
        drafts.append(d)
    return drafts


def _fold_wrappers(drafts: list[Draft]) -> list[Draft]:
    """A clickable with nothing to say around exactly one labelled control (a message bubble
    around its long-clickable text) is that control: one element, both abilities."""
    inner: dict[int, list[Draft]] = {}
    for d in drafts:
        if d.node.outer is not None and d.node.kind == "target":
            inner.setdefault(d.node.outer.index, []).append(d)
    dropped: set[int] = set()
    for d in drafts:
        kids = inner.get(d.node.index)
        if d.node.kind != "target" or d.has_label or not kids or len(kids) != 1:
            continue
        if kids[0].has_label and _inside(kids[0].bounds, d.bounds):
            d.take_content(kids[0])
            dropped.add(id(kids[0]))
    return [d for d in drafts if id(d) not in dropped] if dropped else drafts


def _borrow_labels(drafts: list[Draft]) -> list[Draft]:
    """An unlabeled switch or field takes the label of the row around it or of a text beside
    it; a text so taken is dropped, the control now says it."""
    by_node = {d.node.index: d for d in drafts}
    used: set[int] = set()
    for d in drafts:
        if d.has_label or d.role not in _BORROWERS:
            continue
        outer = by_node.get(d.node.outer.index) if d.node.outer is not None else None
        if outer is not None and outer.text and not outer.scrollable:
            _give_label(d, outer.text)
            continue
        sibling = _sibling_text(d, drafts)
        if sibling is not None:
            _give_label(d, sibling.text)
            if not sibling.actionable:
                used.add(id(sibling))
    return [d for d in drafts if id(d) not in used] if used else drafts


def _give_label(d: Draft, label: str) -> None:
    if d.editable:
        d.description = label
    else:
        d.text = label


def _only_text(d: Draft) -> bool:
    """Says nothing beyond its text: nothing is lost when a control takes that text."""
    return d.description in ("", d.text)


def _sibling_text(d: Draft, drafts: list[Draft]) -> Draft | None:
    """The nearest static text beside the control (before it, else after it); failing that,
    for a switch, a labelled clickable beside it (a settings row whose switch has its own
    click). A field never takes a button's label: the button beside a field acts on it
    ("Search", "Submit"), it does not name it."""
    parent = d.node.parent
    text: Draft | None = None
    clickable: Draft | None = None
    for other in drafts:
        if other is d or other.node.parent != parent or not other.text:
            continue
        if other.role == "text" and not other.actionable and _only_text(other):
            if other.node.index < d.node.index or text is None:
                text = other
        elif (other.clickable and not other.checkable and not other.editable
              and not d.editable and clickable is None):
            clickable = other
    return text or clickable


def _dedupe(drafts: list[Draft]) -> tuple[list[Draft], dict[int, Draft]]:
    """Fold drafts with equal bounds that say the same thing, or where one says nothing."""
    kept: list[Draft] = []
    first: dict[tuple[int, int, int, int], Draft] = {}
    alias: dict[int, Draft] = {}
    for d in drafts:
        other = first.get(d.bounds)
        if other is None:
            first[d.bounds] = d
            kept.append(d)
            continue
        same = (other.role, other.text, other.description) == (d.role, d.text, d.description)
        if same or (not d.has_label and d.actionable):
            other.fold(d)
        elif not other.has_label and other.actionable:
            other.take_content(d)
        else:
            kept.append(d)
            continue
        alias[d.node.index] = other
    return kept, alias


class NodeSource(Protocol):
    """A tree read into `RawNode`s (uiautomator's `TreeReader`, the AT-SPI reader)."""

    nodes: list[RawNode]


def build_elements(reader: NodeSource, width: int, height: int) -> tuple[UIElement, ...]:
    """The elements of a tree read for a `width` x `height` screen, in document order."""
    nodes = reader.nodes
    _decide_merges(nodes, width * height)
    drafts, alias = _dedupe(_borrow_labels(_fold_wrappers(_drafts(nodes))))
    ids = {id(d): i for i, d in enumerate(drafts)}
    by_node = {d.node.index: d for d in drafts} | alias
    out = []
    for i, d in enumerate(drafts):
        c = d.node.container
        while c is not None and c.index not in by_node:
            c = c.container
        container = -1 if c is None else ids.get(id(by_node[c.index]), -1)
        out.append(d.element(i, container))
    return tuple(out)
