"""Where what a question asks about a person is kept, and when that person is not there.

- What someone said, wants, asked, suggested or proposed ("what time is Ola free?",
  "what did Piet say about the rent?") is in the conversation with them: the app to look
  in is the one whose pages hold conversations, known by the field a message is written
  in ("Text message", "Message"). Their contact card shows their name, never their words.
- A person's details ("Ola's number", "Piet's email address") are in the app that keeps
  people: the one with a form for a person (a field for a name and one for a phone).

Either question, like an order whose object is a person's full name ("ring Ola Berg"),
names someone the exploration may never have seen (people are added every day), so it is
not ruled out at the first step for want of a match: the person is looked
up in that app, and only when its search shows no one of that
name is it infeasible (otherwise an honest failure).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from devices.actions import Finish, FinishStatus
from perception.elements import UIElement
from planners.embedded.answer_shape import asks_who
from planners.embedded.asking import request_clause
from planners.embedded.goal import Goal, Intent
from planners.embedded.memory import AppMemory
from planners.embedded.scoring import words
from planners.embedded.told_of import person_told
from planners.embedded.view import View
from planners.embedded.wording import NAMES
from planners.planner import Decision

# a verb of saying or wishing, in any tense: what follows is the person's words
_SAID = re.compile(
    r"\b(?:say|says|said|want|wants|wanted|ask|asks|asked|suggest(?:s|ed)?|propose[sd]?|"
    r"tell|tells|told|mention(?:s|ed)?|wrote|write|writes|repl(?:y|ies|ied)|text(?:s|ed)?|"
    r"invite[sd]?|plan(?:s|ned)?|prefer(?:s|red)?|according\s+to)\b", re.I)
# a name with a capital, then what of theirs is asked: "Ola's number", "Piet Kaan's email"
_DETAIL = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+(?:(?:phone|mobile|cell|home|"
                     r"work|e-?mail)\s+)?(?:number|e-?mail|address|birthday)\b")
_TEXTED = re.compile(r"\b(?:texted|messaged|sent|wrote)\s+(?:to\s+)?me\b|"
                     r"\b(?:text|message|sms)\s+from\b", re.I)
_MESSAGE_FIELD = re.compile(r"\bmessage\b", re.I)
_NAME_FIELD = re.compile(r"\bname\b", re.I)
_PHONE_FIELD = re.compile(r"^(?:phone|mobile)\b", re.I)
FIELD_WORDS = 3  # a field's hint names it in a few words; more is text written in it


def _named_person(goal: Goal) -> bool:
    return any(e[:1].isupper() for e in goal.entities)


def about_words(goal: Goal) -> bool:
    """The goal asks what a person said or wants, or who said it: a question that names
    someone (a name written with a capital) or asks who, with a verb of saying or wishing,
    or one about what was texted to the speaker ("the code the bank texted me", "in the
    text from the garage")."""
    asked, told = request_clause(goal.text)  # the context's verbs only where it names a
    told = [c for c in told if person_told(c) or re.search(r"(?<=\s)[A-Z][\w'-]", c)]  # person
    said = [asked, *told]  # ("Ana said ...", "according to Ana"), not "the form wants ..."
    return goal.intent is Intent.ANSWER and (
        ((_named_person(goal) or asks_who(goal.text) or bool(told))
         and any(_SAID.search(c) for c in said)) or bool(_TEXTED.search(goal.text)))


def about_details(goal: Goal) -> bool:
    """The goal asks for a detail of a named person: their number, e-mail or address."""
    return goal.intent is Intent.ANSWER and _named_person(goal) and bool(
        _DETAIL.search(goal.text))


def acts_on_a_person(goal: Goal) -> bool:
    """An order's whole object is someone's full name ("ring Ola Berg for me"): a person,
    whom the exploration may never have seen."""
    return goal.intent is not Intent.ANSWER and goal.target in goal.entities and " " in (
        goal.target) and re.fullmatch(NAMES, goal.target) is not None


def about_person(goal: Goal) -> bool:
    return about_words(goal) or about_details(goal) or acts_on_a_person(goal)


def _fields(memory: AppMemory) -> dict[str, list[list[str]]]:
    """The short field names of each remembered page, by app."""
    out: dict[str, list[list[str]]] = {}
    for r in memory.screens.values():
        names = [e.label for e in r.elements
                 if e.editable and e.label and len(e.label.split()) <= FIELD_WORDS]
        out.setdefault(r.app, []).append(names)
    return out


def conversation_apps(memory: AppMemory) -> frozenset[str]:
    """The apps with a page where a message is written."""
    return frozenset(app for app, pages in _fields(memory).items()
                     if any(_MESSAGE_FIELD.search(n) for page in pages for n in page))


def people_apps(memory: AppMemory) -> frozenset[str]:
    """The apps with a form for a person: a name field and a phone field on one page."""
    return frozenset(app for app, pages in _fields(memory).items() if any(
        any(_NAME_FIELD.search(n) for n in page) and any(_PHONE_FIELD.search(n) for n in page)
        for page in pages))


def kept_in(memory: AppMemory, goal: Goal) -> frozenset[str]:
    """The apps where what the goal asks about a person is kept; none for other goals."""
    if about_words(goal):
        return conversation_apps(memory)
    if about_details(goal):
        return people_apps(memory)
    return frozenset()


def nobody_by_that_name(goal: Goal, view: View, memory: AppMemory) -> Decision | None:
    """Where the person asked about is kept, the app's own search for them shows no one by
    that name (no row shows any of the names): there is no such person here, so nothing
    of theirs can be read (infeasible). Elsewhere a search without them proves nothing; a
    list scrolled to its end is no proof either (the rows scrolled past are not on the
    screen any more)."""
    if view.screen.app not in kept_in(memory, goal):
        return None
    names = [words(e) for e in goal.entities if e[:1].isupper() and words(e)]
    shown = [words(s.element.label) for s in view.content() if not s.element.editable]
    if not names or any(n & w for n in names for w in shown):
        return None  # a sender named by a common noun ("the bank") is not looked up by name
    if not any(s.element.editable and any(n & words(s.element.text) for n in names)
               for s in view.scored):
        return None  # the search here does not hold the name: nothing was searched here
    reason = f"No one called {goal.entities[0]!r} is here: there is nothing of theirs to read."
    return Decision(Finish(FinishStatus.INFEASIBLE, reason), thought=reason, confidence=0.6)


_ASKING = re.compile(r"^(?:what|when|where|which|who|how|why)$", re.I)
LINE_WORDS = 3  # a message says something in a few words at least; fewer is a name or a time


def stem(word: str) -> str:
    """A word without its ending, so "meeting" and "meet" are one word."""
    for end in ("ing", "ed", "es", "s"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)]
    return word


def in_conversation(view: View) -> bool:
    """The page is a conversation: it has a field to write a message in."""
    return any(s.element.editable and _MESSAGE_FIELD.search(s.element.label)
               for s in view.scored)


def about_stems(goal: Goal, names: set[str]) -> set[str]:
    """What the question is about, as word stems: its target without the person's `names`,
    the verb of saying and the asking word."""
    return {stem(w) for w in words(goal.target) - names
            if not _SAID.fullmatch(w) and not _ASKING.match(w)}


def best_line(view: View, about: set[str], names: set[str],
              keep: Callable[[UIElement], bool] = lambda e: True) -> UIElement | None:
    """The message of this conversation (of those `keep` keeps) that shares the most of
    `about`; of equals, the latest. Lines too short to say something, and the `names`
    alone, are no message."""
    best, most = None, 0
    for s in sorted(view.content(), key=lambda s: s.element.bounds.top):
        e = s.element
        shown = words(e.label)
        if e.editable or e.clickable or len(e.label.split()) < LINE_WORDS or shown <= names or (
                not keep(e)):
            continue
        n = len(about & {stem(w) for w in shown})
        if n and n >= most:
            best, most = e, n
    return best


def said_line(goal: Goal, view: View) -> str | None:
    """In a conversation (a page with a field to write a message in), the line that answers
    a question about what the person said: the message that shares the most of what the
    question is about, the person's name and the verb of saying aside ("the picnic" of
    "where did Ola say the picnic is?" is in "Picnic at 14 Elm Row"); of equals, the
    latest. The conversation's title, the person's name, is no answer: it only says whose
    words these are. None when no message shares any of it, and for a question that asks
    who said it (a person, never what was said: see `senders`)."""
    if not about_words(goal) or asks_who(goal.text) or not in_conversation(view):
        return None
    names = set().union(*(words(e) for e in goal.entities if e[:1].isupper()))
    if names and not any(names & words(s.element.label) for s in view.content()
                         if not s.element.editable):
        return None  # a conversation with someone else
    line = best_line(view, about_stems(goal, names), names)
    return line.label if line is not None else None
