"""Side effects: what changed in the phone's state, and which changes a task allows.

`diff(before, after)` lists every change between two states as a `Change`: a concrete path,
a kind (added, removed, changed) and the values. Paths are dotted names with item
selectors:

- a list of dicts that all carry an `id` is matched by id: `contacts.contacts[id=7].phone`;
- a list with a natural key in `NATURAL_KEYS` is matched by it: a cart line is its
  product (`shop.cart[product='Mug'].qty`), so a quantity that changes is that line
  changing, not a line removed and another added;
- a list in `POSITIONAL` is matched by position: the game's bubbles are slots that move
  when popped (`game.targets[2].x`), never added or removed;
- any other list is a multiset (order ignored): an item that is not in the other state
  is added or removed whole (`messages.sent[+] added {...}`).

A task allows changes with short strings (`changes:` in its file):

    system.wifi                   this value (and anything below it) may change any way
    contacts.contacts[*].phone    that field of any existing item may change
    clock.alarms[+1]              at most one item may be added to the list
    notes.notes[-1]               at most one item may be removed
    messages.threads[*].messages[+1]   one message added, to any thread (counted in total)

`[*]` (or `*` as a whole name) stands for any one item or key. An allowance to add does not
allow changing an existing item (an add that overwrote something still fails), and `[-1]`
does not allow removing two. `DEFAULT_ALLOWED` is allowed for every task: what moves when a
person only looks (the app in front, a toast, the clock, unread marks).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from automator.errors import TaskError

# Lists matched on a field that names an item although it is not an `id`.
NATURAL_KEYS: dict[str, str] = {"shop.cart": "product"}
# Lists whose items are slots, matched by position.
POSITIONAL: frozenset[str] = frozenset({"game.targets"})
DEFAULT_ALLOWED: tuple[str, ...] = (
    "foreground",  # the app in front
    "toast",  # a passing message
    "system.datetime",  # the clock
    "messages.threads[*].unread",  # reading a thread marks it read
)
_ANY = "[*]"
_SELECTOR = re.compile(r"\[[^\]]*\]")
_NAME = re.compile(r"[\w-]+|\*")
_ALLOWANCE = re.compile(r"^(?P<path>.+?)(?:\[(?P<sign>[+-])(?P<count>\d+)\])?$")


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class Change:
    path: str  # concrete: the field, or the item added or removed
    kind: ChangeKind
    before: Any = None
    after: Any = None

    def describe(self) -> str:
        if self.kind == ChangeKind.CHANGED:
            return f"{self.path} changed {_short(self.before)} -> {_short(self.after)}"
        value = self.after if self.kind == ChangeKind.ADDED else self.before
        return f"{self.path} {self.kind} {_short(value)}"


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


# -- the diff ------------------------------------------------------------------------------

def diff(before: Any, after: Any, path: str = "") -> list[Change]:
    """Every change from `before` to `after`, in a stable order."""
    if isinstance(before, dict) and isinstance(after, dict):
        return list(_diff_dicts(before, after, path))
    if isinstance(before, list) and isinstance(after, list):
        return list(_diff_lists(before, after, path))
    if before != after or type(before) is not type(after):
        return [Change(path, ChangeKind.CHANGED, before, after)]
    return []


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _diff_dicts(before: dict[str, Any], after: dict[str, Any], path: str) -> Iterator[Change]:
    for key in before:
        if key not in after:
            yield Change(_join(path, key), ChangeKind.REMOVED, before[key], None)
        else:
            yield from diff(before[key], after[key], _join(path, key))
    for key in after:
        if key not in before:
            yield Change(_join(path, key), ChangeKind.ADDED, None, after[key])


def _key_field(items: list[Any], path: str) -> str | None:
    """The field that matches items across states: `id` when every item has one, the
    list's natural key, or None (a multiset)."""
    if not items or not all(isinstance(i, dict) for i in items):
        return None
    if all("id" in i for i in items):
        return "id"
    key = NATURAL_KEYS.get(pattern_of(path))
    return key if key and all(key in i for i in items) else None


def _diff_slots(before: list[Any], after: list[Any], path: str) -> Iterator[Change]:
    for i in range(max(len(before), len(after))):
        where = f"{path}[{i}]"
        if i >= len(after):
            yield Change(where, ChangeKind.REMOVED, before[i], None)
        elif i >= len(before):
            yield Change(where, ChangeKind.ADDED, None, after[i])
        else:
            yield from diff(before[i], after[i], where)


def _diff_lists(before: list[Any], after: list[Any], path: str) -> Iterator[Change]:
    if pattern_of(path) in POSITIONAL:
        yield from _diff_slots(before, after, path)
        return
    key = _key_field(before + after, path)
    if key is None:
        yield from _diff_multisets(before, after, path)
        return
    old = {i[key]: i for i in before}
    new = {i[key]: i for i in after}
    for k, item in old.items():
        where = f"{path}[{key}={k!r}]"
        if k in new:
            yield from diff(item, new[k], where)
        else:
            yield Change(where, ChangeKind.REMOVED, item, None)
    for k, item in new.items():
        if k not in old:
            yield Change(f"{path}[{key}={k!r}]", ChangeKind.ADDED, None, item)


def _diff_multisets(before: list[Any], after: list[Any], path: str) -> Iterator[Change]:
    old = Counter(_hashable(i) for i in before)
    new = Counter(_hashable(i) for i in after)
    for item in before:
        h = _hashable(item)
        if old[h] > new[h]:
            old[h] -= 1
            yield Change(f"{path}[-]", ChangeKind.REMOVED, item, None)
    old = Counter(_hashable(i) for i in before)
    for item in after:
        h = _hashable(item)
        if new[h] > old[h]:
            new[h] -= 1
            yield Change(f"{path}[+]", ChangeKind.ADDED, None, item)


def _hashable(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    return value


# -- allowances ------------------------------------------------------------------------------

def pattern_of(path: str) -> str:
    """A concrete path with every item selector replaced by `[*]`."""
    return _SELECTOR.sub(_ANY, path)


def _tokens(pattern: str) -> tuple[str, ...]:
    spaced = pattern.replace("[", ".[")
    return tuple("[*]" if t == "*" else t for t in spaced.split(".") if t)


@dataclass(frozen=True)
class Allowance:
    text: str  # as written in the task
    tokens: tuple[str, ...]  # the path it names, `[*]` for any item or key
    kind: ChangeKind | None = None  # ADDED / REMOVED with a count; None: anything below
    count: int = 0

    def covers(self, change: Change) -> bool:
        tokens = _tokens(pattern_of(change.path))
        if self.kind is None:
            return _prefix(self.tokens, tokens)
        if change.kind != self.kind:
            return False
        return tokens[-1] == _ANY and _same(self.tokens, tokens[:-1])


def _same(pattern: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    return len(pattern) == len(tokens) and _prefix(pattern, tokens)


def _prefix(pattern: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    if len(pattern) > len(tokens):
        return False
    return all(p in (t, _ANY) for p, t in zip(pattern, tokens, strict=False))


def parse_allowance(text: str) -> Allowance:
    """`a.b`, `a[*].b`, `a.b[+N]` or `a.b[-N]`; raises TaskError otherwise."""
    match = _ALLOWANCE.match(str(text).strip())
    if not match or not _valid(match["path"]):
        raise TaskError(f"changes: cannot read {text!r} (a.b, a[*].b, a.b[+N], a.b[-N])")
    tokens = _tokens(match["path"])
    if not match["sign"]:
        return Allowance(str(text), tokens)
    kind = ChangeKind.ADDED if match["sign"] == "+" else ChangeKind.REMOVED
    return Allowance(str(text), tokens, kind, int(match["count"]))


def _valid(path: str) -> bool:
    names = _SELECTOR.sub("", path).split(".")
    return all(_NAME.fullmatch(n) for n in names) and names[0] != "*" and all(
        s == _ANY for s in _SELECTOR.findall(path))


def unallowed(changes: list[Change], allowances: tuple[Allowance, ...]) -> list[Change]:
    """The changes that no allowance covers; counted allowances are used up in order."""
    left = {a.text: a.count for a in allowances if a.kind is not None}
    rejected = []
    for change in changes:
        if not _take(change, allowances, left):
            rejected.append(change)
    return rejected


def _take(change: Change, allowances: tuple[Allowance, ...], left: dict[str, int]) -> bool:
    for allowance in allowances:
        if not allowance.covers(change):
            continue
        if allowance.kind is None:
            return True
        if left[allowance.text] > 0:
            left[allowance.text] -= 1
            return True
    return False


DEFAULTS = tuple(parse_allowance(a) for a in DEFAULT_ALLOWED)


def side_effects(before: dict[str, Any], after: dict[str, Any],
                 allowed: tuple[Allowance, ...]) -> list[str]:
    """What changed that neither the task nor the defaults allow, for people."""
    return [f"side effect: {c.describe()}"
            for c in unallowed(diff(before, after), DEFAULTS + allowed)]
