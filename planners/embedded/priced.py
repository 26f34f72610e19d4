"""A price asked for a count of an item ("what would four oven gloves cost?", "how much are
two rye loaves going to be?"): the answer is the item's own price times the count, read
where the item's price is shown, with the currency and the decimals it is shown with.

The question's verb of paying ("cost", "come to", "set me back", "add up to") and the count
are no words of the item: the item is looked for (and searched for) by its own words. A
price question that states no count, or a count of one, is an ordinary reading of that item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from devices.actions import Finish, FinishStatus
from planners.embedded import amounts
from planners.embedded.asking import manner
from planners.embedded.counts import NUMBER_WORDS
from planners.embedded.goal import Goal, Intent
from planners.planner import Decision

_ASKS_AMOUNT = re.compile(r"^\W*(?:how\s+much|what)\b", re.I)
_PAYING = re.compile(r"\b(?:costs?|cost\s+me|come\s+to|comes?\s+to|set\s+(?:me|us)\s+back|"
                     r"add\s+up\s+to|run\s+(?:me|us)|price[sd]?|total)\b", re.I)
_MONEY = re.compile(r"([$€£¥]?\s?)(\d[\d,]*(?:\.\d+)?)(\s?[$€£¥]?)")
_NOT_ITEM = frozenset({"cost", "costs", "come", "comes", "price", "priced", "total", "set",
                       "back", "add", "up", "run", "me", "us"})


def asked(goal: Goal) -> Goal:
    """`goal`, or, for a price asked, the goal that reads the item's price by the item's
    words, keeping the count to multiply it by when two or more are asked for."""
    clause = manner(goal.text).clause  # the question, with what it points back at in place
    if goal.intent is not Intent.ANSWER or not _ASKS_AMOUNT.search(clause) or not (
            _PAYING.search(clause) or goal.value_type == "price"):
        return goal
    count = amounts.quantity(_ASKS_AMOUNT.sub(" ", clause), [])
    several = count is not None and count >= 2
    target = [w for w in goal.target.split() if w.lower() not in _NOT_ITEM and not (
        several and (w.isdigit() or w.lower() in NUMBER_WORDS))]
    return replace(goal, target=" ".join(target) or goal.target, value_type="price",
                   quantity=count if several else goal.quantity)


def times(goal: Goal, decision: Decision | None) -> Decision | None:
    """A price read for a question about several of an item, multiplied by their count;
    a reading that is no single amount of money is no answer to it."""
    if decision is None or goal.intent is not Intent.ANSWER or goal.value_type != "price" or (
            not goal.quantity):
        return decision
    action = decision.action
    if not isinstance(action, Finish) or action.status is not FinishStatus.SUCCESS:
        return decision
    unit = money(action.answer or "")
    if unit is None:
        return None  # not a price shown as one: nothing to multiply
    total = unit.said(unit.amount * goal.quantity)
    return replace(decision, action=Finish(answer=total),
                   thought=f"{decision.thought} {goal.quantity} × {unit.said(unit.amount)} "
                   f"= {total}.")


@dataclass(frozen=True)
class Money:
    """An amount of money as a screen shows it: its currency sign before or after it, and
    its decimals."""

    amount: Decimal
    before: str = ""
    after: str = ""
    places: int = 0

    def said(self, amount: Decimal) -> str:
        """`amount` written as this one is ("$", two decimals, thousands with commas)."""
        return f"{self.before}{amount:,.{self.places}f}{self.after}"


def money(text: str) -> Money | None:
    """`text` read as one amount of money with its currency sign ("$34.50", "12,00 €");
    None when it is no such amount."""
    m = _MONEY.fullmatch(text.strip())
    if m is None or not (m.group(1).strip() or m.group(3).strip()):
        return None
    try:
        amount = Decimal(m.group(2).replace(",", ""))
    except InvalidOperation:
        return None
    places = len(m.group(2).split(".")[1]) if "." in m.group(2) else 0
    return Money(amount, m.group(1), m.group(3), places)
