"""The safety gate: sensitive actions run only with the person's consent.

Before an action is executed the gate classifies it (`perception.sensitive`). A sensitive
action whose category is not pre-approved (`allow`) needs `confirm(category, description)`
to return True; without a `confirm` callback (non-interactive runs) it is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass

from devices.actions import Action, ElementRef, describe
from perception.elements import Screen
from perception.sensitive import CATEGORIES, Sensitivity, classify_action

log = logging.getLogger(__name__)

Confirm = Callable[[str, str], bool]  # (category, description) -> the person agrees


@dataclass(frozen=True)
class GateResult:
    allowed: bool
    category: str = ""  # "" when the action is not sensitive
    description: str = ""  # what was asked, for people and the trajectory
    asked: bool = False  # a person was asked (False: refused for want of anyone to ask)


def check_categories(names: Collection[str]) -> frozenset[str]:
    """Validate category names (from the command line or a task file)."""
    unknown = sorted(set(names) - set(CATEGORIES))
    if unknown:
        raise ValueError(f"unknown categories {unknown}; known: {', '.join(CATEGORIES)}")
    return frozenset(names)


def classify(action: Action, screen: Screen, original: Action | None = None) -> Sensitivity | None:
    """The sensitive category of an action on `screen`, or None. `original` is the action as
    the planner gave it (it may name the element by id); `action` the resolved one."""
    if original is not None and isinstance(getattr(original, "target", None), ElementRef):
        return classify_action(original, screen)
    return classify_action(action, screen)


def gate(
    action: Action,
    screen: Screen,
    allow: Collection[str] = (),
    confirm: Confirm | None = None,
    original: Action | None = None,
) -> GateResult:
    """Whether to execute `action`; asks `confirm` for sensitive, non-pre-approved ones."""
    found = classify(action, screen, original)
    if found is None:
        return GateResult(True)
    description = f"{describe(original or action)}: {found.reason}"
    if found.category in allow:
        log.info("pre-approved %s action: %s", found.category, description)
        return GateResult(True, found.category, description)
    agreed = bool(confirm(found.category, description)) if confirm is not None else False
    log.info("%s action %s: %s", found.category, "approved" if agreed else "refused", description)
    return GateResult(agreed, found.category, description, asked=confirm is not None)
