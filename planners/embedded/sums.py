"""A question that asks what several things come to together ("two lamps plus a rug: what
would the lot add up to?", "how much are three mugs and a teapot in total?") asks for a sum.
One row's price never answers it: each thing's price is a question of its own, read as
`lookup` reads a value, and the answer is each price times the count said before its thing
("two lamps", "a pack of the candles": one), added up, written as the shop writes its prices
(`priced.money`).

The things are the phrases led by a count or an article in the question or in the clauses
that tell its context, joined by "plus", "and" or commas; a question that says no total
("what does the lamp cost?") or names one thing once is no sum.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from devices.actions import Finish, FinishStatus
from planners.embedded.counts import NUMBER_WORDS
from planners.embedded.goal import Goal, Intent
from planners.embedded.memo import memo_of, with_memo
from planners.embedded.priced import money
from planners.planner import Decision, PastStep

_TOTAL = re.compile(r"\b(?:total|altogether|all\s+together|in\s+all|combined|come\s+to|"
                    r"add\s+up|sum|all\s+that|all\s+of\s+(?:that|it|them)|both)\b", re.I)
_NO_AMOUNTS = ("email", "phone", "time", "date", "code", "version", "state", "size")
_NUMBER = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# a count (or an article), a unit of ("a tin of"), then the thing, up to the word that ends it
_THING = re.compile(rf"\b(\d+|an?|{_NUMBER})\s+(?:[a-z]+\s+of\s+)?(?:the\s+)?"
                    r"([A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,3}?)"
                    r"(?=\s*(?:[,.;:?!]|$|\s+(?:plus|and|with|along|as|for|in|on|to|would|will|"
                    r"cost|costs|come|comes|be|is|are|at|from)\b))", re.I)
_JOINED = re.compile(r"\b(?:plus|and|along\s+with|as\s+well\s+as)\b|,", re.I)


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else 1 if word in ("a", "an") else NUMBER_WORDS[word]


def summed(text: str, goal: Goal) -> list[tuple[int, str]]:
    """The things a question asks the sum of, with their counts; [] when it asks no sum."""
    if goal.intent is not Intent.ANSWER or goal.value_type in _NO_AMOUNTS or not _TOTAL.search(
            text):
        return []
    bare = re.sub(r"\([^)]*\)", " ", text)  # an aside: "(one is spare)" counts nothing
    if not _JOINED.search(bare):
        return []
    bare = _TOTAL.sub(",", bare)  # "... a rug altogether": no word of the rug
    things = [(n, _one(m.group(2).strip()) if n > 1 else m.group(2).strip())
              for m in _THING.finditer(bare) if (n := _count(m.group(1)))
              if m.group(2).split()[0].lower() not in ("few", "lot", "bit", "little", "couple")]
    return things if len(things) > 1 else []


def _one(things: str) -> str:
    """The name of one of several things ("teapots" -> "teapot"), as a shop
    lists it."""
    *head, last = things.split()
    one = re.sub(r"(?:(?<=[sxz])|(?<=sh)|(?<=ch))es$|(?<=[^aeiou])ies$|(?<![su])s$",
                 lambda m: "y" if m.group(0) == "ies" else "", last)
    return " ".join([*head, one])


def add_up(things: Sequence[tuple[int, str]], history: Sequence[PastStep],
           answer_of: Callable[[Decision, str], str | None],
           decide: Callable[[str, Sequence[PastStep]], Decision]) -> Decision:
    """A step towards the sum: towards the next price not yet read (each a question answered
    by `decide`; `answer_of` takes the value its decision read), then the total."""
    read = {q: a for p in history for q, a in memo_of(p).read}
    fresh: dict[str, str] = {}
    for _, thing in things:
        asked = f"What does the {thing} cost?"
        if asked in read or asked in fresh:
            continue
        decision = decide(asked, [p for p in history if memo_of(p).lookup == asked])
        value = answer_of(decision, asked)
        if value is None or money(value) is None:
            if isinstance(decision.action, Finish):
                return Decision(Finish(FinishStatus.FAILURE), thought=(
                    f"I could not read what the {thing} costs, so I cannot add it up: "
                    f"{decision.thought}"))
            return with_memo(replace(decision, thought=f"(reading: {asked}) {decision.thought}"),
                             lookup=asked, read=tuple(fresh.items()))
        fresh[asked] = value
    known = {**read, **fresh}
    prices = [(n, thing, money(known[f"What does the {thing} cost?"])) for n, thing in things]
    unit = next(p for _, _, p in prices if p is not None)  # each was read as money above
    total = unit.said(sum((n * p.amount for n, _, p in prices if p is not None), Decimal(0)))
    said = " + ".join(f"{n} x {p.said(p.amount)} ({thing})" for n, thing, p in prices if p)
    return with_memo(Decision(Finish(FinishStatus.SUCCESS, answer=total),
                              thought=f"{said} = {total}."), read=tuple(fresh.items()))
