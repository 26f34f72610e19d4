"""A request as data: what to do (`Intent`), to what, with which values and constraints,
and what to answer (`Goal`); `goal` reads requests into it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planners.embedded import days as weekdays
from planners.embedded.asking import Mood
from planners.embedded.operations import Rank
from planners.embedded.slots import Slot


class Intent(StrEnum):
    TOGGLE = "toggle"  # switch something on or off
    SET_VALUE = "set_value"  # move a slider / set a number
    ANSWER = "answer"  # a question: finish with the answer
    DELETE = "delete"  # remove an item
    CREATE = "create"  # add / create an item, usually through a form
    EDIT = "edit"  # change fields of an existing item (find it, edit, fill, save)
    SEND = "send"  # send a message to someone
    OPEN = "open"  # open / show something
    DO = "do"  # anything else: find the item, then press the goal's verb


class Scope(StrEnum):
    ONE = "one"  # the item the goal names
    ALL = "all"  # every item that fits ("all the timers", "every note about X")


@dataclass(frozen=True)
class Goal:
    text: str
    intent: Intent
    target: str  # the object phrase: the goal without verbs, slot values and filler
    desired: bool | None = None  # TOGGLE: True on, False off
    number: float | None = None  # SET_VALUE: the value asked for
    percent: bool = False  # the number is a percentage
    slots: tuple[Slot, ...] = ()
    entities: tuple[str, ...] = ()  # names / phrases to find in lists ("Bob", "groceries")
    value_type: str | None = None  # ANSWER: email | phone | version | time | date | price |
    #   count | percent | code | state (a yes/no question about a switch)
    verb: str = ""  # the request's own verb, lower case ("delete", "call", "start")
    quantity: int | None = None  # how many of the item ("two cables", "3 yoga mats")
    mood: Mood = Mood.COMMAND  # how it was put: an order, a question, the state wanted
    scope: Scope = Scope.ONE
    rank: Rank | None = None  # an order over a list: "the priciest", "my oldest thread"
    days: weekdays.Days | None = None  # the days it repeats on ("on weekdays", "Sundays as well")

    @property
    def phrases(self) -> tuple[str, ...]:
        """Texts to embed and compare with element labels, most specific first."""
        out = [p for p in (self.target, self.text, *self.entities) if p]
        return tuple(dict.fromkeys(out))
