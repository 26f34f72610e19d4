"""Values read in one place and used in another ("text Anna the gate code from my journal",
"write what the rug costs in a memo").

A value the request names by reference (`Slot.ref`) is a sub-goal: a question, answered from
a screen as any question is (`reading`), after navigating to where the exploration memory
says such a value is shown. The answer is kept in the step's memo (`Memo.lookup` for the
steps that look, `Memo.read` on the step that read it); the main operation is then the
request with the value in place of the words that named it, so the same parser reads it as
a request that gave the value itself. A question of what several things come to reads each
one's price so, and adds them up (`sums`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from devices.actions import Finish, FinishStatus
from planners.embedded.asking import manner
from planners.embedded.context import came_by_message, says_where, sent_phrase, teller
from planners.embedded.goal import Goal, Intent
from planners.embedded.memo import memo_of, with_memo
from planners.embedded.offsets import Shift, moved, shift_of
from planners.embedded.purpose import main_clause
from planners.embedded.reading import shaped_part
from planners.embedded.references import HOW_LONG
from planners.embedded.sources import kept_from_source, read_in
from planners.embedded.sums import add_up, summed
from planners.planner import Decision, PastStep

_WH = re.compile(r"^(?:what|which|when|where|who|how)\b", re.I)
# a clause that says where the value named is kept: "it's in my journal", "it is on the fridge
# list", "you'll find it in Notes", "it's jotted down on the back of my planner"
_TOLD_PLACE = re.compile(r"\b(?:it's|it\s+is|it\s+was|that's|you'll\s+find\s+it|it\s+should\s+be)"
                         r"\s+(?:[a-z]+\s+){0,3}?(?:in|on)\s+"
                         r"((?:(?:my|the|our)\s+)?[\w-]+(?:\s+[\w-]+)?)\s*[.!]?$", re.I)


def question(phrase: str, text: str = "") -> str:
    """The question whose answer a reference names: "what time my alarm goes off" asks
    itself; "Bob's email", "the code from my journal" are asked with "What is". What a
    person told in the request `text` ("Ada texted me what day ...") is asked of the
    message from them; what came in a message from someone not named, of the messages."""
    who = teller(text, phrase)
    told = _TOLD_PLACE.search(text)  # "..., it's in my journal": where it is kept
    place = f" in the message from {who}" if who else (
        " in my messages" if came_by_message(text, phrase) else
        f" in {told.group(1)}" if told and not says_where(phrase) else "")
    phrase = re.sub(rf"^{HOW_LONG}\b", "how long", phrase.strip(" ,.;:!?"), flags=re.I) + place
    return f"{phrase}?" if _WH.match(phrase) else f"What is {phrase}?"


@dataclass(frozen=True)
class Resolution:
    """Where a request stands with the values it names by reference."""

    text: str  # the request, with each value read so far in place of its reference
    asking: str | None  # the question to answer now; None when every value is read
    steps: list[PastStep]  # the steps of what is under way: the question's, or the main goal's
    unusable: str = ""  # why a value read cannot be used as the request needs it


def read_so_far(history: Sequence[PastStep]) -> dict[str, str]:
    """The answers read on the steps so far, by question."""
    return {q: a for p in history for q, a in memo_of(p).read}


def own_shift(text: str, goal: Goal) -> Shift | None:
    """The time the request gives as a length from another one (`offsets`), unless those
    words are part of the text to type ("text Bo: I'll come ten minutes after the film")."""
    shift = shift_of(main_clause(text))  # "... ahead of it, so I am not late": not the why
    typed = [s.value for s in goal.slots if s.name != "time" and not s.ref]
    if shift is None or any(shift.anchor in value for value in typed):
        return None
    return shift


_TIME_WORDS = re.compile(r"\b(?:time|hour|when|o'clock)\b", re.I)


def _timed(anchor: str) -> str:
    """What a time is counted from, asked as a time: "my appointment" is asked "what time my
    appointment is" (a time word already asks it: "my check-in time")."""
    return anchor if _TIME_WORDS.search(anchor) else f"what time {anchor} is"


def questions(text: str, goal: Goal) -> list[str]:
    """The questions whose answers the request names, in the order they are read."""
    shift = own_shift(text, goal)
    anchor = [question(_timed(shift.anchor), text)] if shift is not None else []
    return anchor + [question(s.value, text) for s in goal.slots
                     if s.ref and (shift is None or s.value not in shift.phrase)]


def _asking(text: str, asked: str, history: Sequence[PastStep]) -> Resolution:
    return Resolution(text, asked, [p for p in history if memo_of(p).lookup == asked])


def resolve(text: str, goal: Goal, history: Sequence[PastStep],
            fresh: Mapping[str, str] | None = None) -> Resolution:
    """The request with the values read so far (and the `fresh` ones, read on this step) in
    place, and the next question to answer."""
    answers = {**read_so_far(history), **(fresh or {})}
    shift = own_shift(text, goal)
    if shift is not None:
        asked = question(_timed(shift.anchor), text)
        if asked not in answers:
            return _asking(text, asked, history)
        time = moved(answers[asked], shift.minutes)
        if time is None:
            why = f"{answers[asked]!r}, read for {shift.anchor!r}, is no clock time to count from"
            return Resolution(text, None, [], unusable=why)
        text = text.replace(shift.phrase, f"{shift.lead} {time}", 1)  # a clock time: no reference
        text = text.replace(shift.told, "", 1).strip() if shift.told else text  # it has told
    told = manner(text).context
    for slot in (s for s in goal.slots
                 if s.ref and (shift is None or s.value not in shift.phrase)):
        asked = question(slot.value, text)
        if asked not in answers:
            return _asking(text, asked, history)
        said = next((p[0] for c in told if (p := sent_phrase(c)) and p[1] == slot.value),
                    slot.value)  # "Ana texted me the time, ...": read, it stands there
        if said not in text and said in (order := manner(text).clause):
            text, told = order, ()  # pointed back at ("the code is in my notes, text it to
            #   Bo"): it stands in the order, read with what its pointers mean
        text = text.replace(said, _in_place(answers[asked], said, told), 1)
    if any(s.ref for s in goal.slots):  # where the value was kept is no part of its use
        text = _TOLD_PLACE.sub("", text).rstrip(" ,;")
    if fresh:
        return Resolution(text, None, [])
    last = max((i for i, p in enumerate(history) if memo_of(p).read), default=0)
    return Resolution(text, None, list(history[last:]))


def quote(value: str) -> str:
    """The value as quoted text (quoted text is typed as it is, never read as a reference)."""
    bare = re.sub(r"[\"“”]", "", value).strip()
    return f'"{bare}"'


def _in_place(value: str, phrase: str, told: Sequence[str]) -> str:
    """The value as it stands in the request in place of `phrase`: quoted (quoted text is
    typed as it is), but a clock time in the order itself as it is (it names nothing to look
    up, and is read as a time where it stands). In a clause of context (`told`) it stays
    quoted: the order's pointer ("that time") takes it from there (`context`)."""
    if any(phrase in clause for clause in told):
        return quote(value)
    return moved(value, 0) or quote(value)


def answer_of(decision: Decision, asked: Goal) -> str | None:
    """The value a question's decision read, when it finished with one: of the shape the
    question asks for ("6:15 AM", not the whole row "6:15 AM alarm, Gym") where it has one."""
    action = decision.action
    if isinstance(action, Finish) and action.status is FinishStatus.SUCCESS and action.answer:
        return shaped_part(action.answer.strip(), asked.value_type) or None
    return None


def with_lookups(text: str, history: Sequence[PastStep], goal_of: Callable[[str], Goal],
                 decide: Callable[[str, Sequence[PastStep]], Decision], here: str = "",
                 names_here: Callable[[str], bool] = lambda text: True) -> Decision:
    """A step of a request: towards the next value it names by reference (each a question
    answered from a screen, by `decide`), then, with every value read, towards the request
    with the values in place. `goal_of` parses a request; `here` is the app in front, and
    `names_here(request)` says whether the request names it as its place (`sources`)."""
    goal = goal_of(text)
    if goal.intent is Intent.ANSWER and (things := summed(text, goal)):
        return add_up(things, history, lambda d, asked: answer_of(d, goal_of(asked)), decide)
    fresh: dict[str, str] = {}
    while (res := resolve(text, goal, history, fresh)).asking is not None:
        asked = res.asking
        decision = decide(asked, res.steps)
        value = answer_of(decision, goal_of(asked))
        if value is None:
            if isinstance(decision.action, Finish):  # nowhere to read it: said plainly
                reason = f"I could not read what the request names ({asked}): {decision.thought}"
                decision = Decision(Finish(FinishStatus.FAILURE), thought=reason)
            return with_memo(replace(decision, thought=f"(reading: {asked}) {decision.thought}"),
                             lookup=asked)
        fresh[asked] = value
    if res.unusable:
        return Decision(Finish(FinishStatus.FAILURE), thought=f"I cannot do this: {res.unusable}.")
    filled = goal_of(res.text)
    own = filled.intent is Intent.EDIT and any(  # "move my alarm 20 minutes later": the time
        e.casefold() in q.casefold() for e in filled.entities for q in questions(text, goal))
    main = kept_from_source(decide(res.text, res.steps), read_in(history, bool(fresh), here),
                            here, names_here(res.text) or own)  # read is the edited item's
    if any(s.ref for s in filled.slots):
        reason = "A value the request names could not be put in its place."
        main = Decision(Finish(FinishStatus.FAILURE), thought=reason)
    elif filled.intent is not goal.intent:  # the value read is the request's means, never
        reason = (f"With the value read in place the request reads as another kind of "  # its end
                  f"request ({filled.intent.value}, not {goal.intent.value}).")
        main = Decision(Finish(FinishStatus.FAILURE), thought=reason)
    if not fresh:
        return main
    read = ", ".join(f"{q} {a!r}" for q, a in fresh.items())
    return with_memo(replace(main, thought=f"(read: {read}) {main.thought}"),
                     read=tuple(fresh.items()))
