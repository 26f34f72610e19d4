"""Who a question asks for, read off conversations.

A question that asks who ("who wrote to me about the boat?", "someone messaged about the
keys, who was it?") asks for a person, never for what was said. Read from conversations it
is the sender of the message that matches what the question is about:

- in a conversation with one person, the person it is with: the page's title, above its
  messages, when the message is theirs (the speaker's own stand against the right edge).
  A title that lists several people names no one sender, so it is no answer;
- in a list of conversations, the name on the row whose preview matches. A preview of the
  speaker's own message ("You: ...") was sent by no one else, and a row whose title
  names the topic is an item about it (a note, an event), not a person: neither answers.

Words that name a person in general ("someone", "the person") say nothing about the
message, and a question about order ("the last one to text me") is about the list, not a
message: without other words, nothing here answers it.
"""

from __future__ import annotations

import re

from perception.elements import UIElement
from perception.merge import SEPARATOR
from planners.embedded.acts import finish
from planners.embedded.answer_shape import asks_who, is_sentence, names_a_day
from planners.embedded.goal import Goal
from planners.embedded.persons import (
    about_stems,
    about_words,
    best_line,
    in_conversation,
    stem,
)
from planners.embedded.scoring import words
from planners.embedded.view import View
from planners.planner import Decision

_ANYONE = {"someone", "somebody", "anyone", "anybody", "person", "people", "one"}
_SEVERAL = re.compile(r",|&|\band\b", re.I)  # a title of a group: "Ana, Bo & Kai"
_OWN = re.compile(r"^\s*(?:you|me)\s*:", re.I)  # the speaker's own last message
NAME_WORDS = 5  # a person's name, or a number or an address, is a few words at most
OWN_LEFT = 0.15  # of the screen's width: a bubble that starts further in is the speaker's


def sender(goal: Goal, view: View) -> Decision | None:
    """Finish with who sent the message the who-question is about, when this page shows
    it (see the module docstring); None otherwise."""
    if not asks_who(goal.text) or goal.rank is not None or not about_words(goal):
        return None
    about = about_stems(goal, set()) - _ANYONE
    if not about:
        return None
    if in_conversation(view):
        line = best_line(view, about, set(), keep=lambda e: not _own(e, view))
        name = _title(view, line) if line is not None else None
        where = "The conversation about it is with"
    else:
        name, where = _row_name(view, about), "The message about it is from"
    if name is None:
        return None
    return finish(f"{where} {name!r}.", answer=name)


def _own(line: UIElement, view: View) -> bool:
    """A message of the speaker's own: a bubble set against the right edge, away from the
    left one (another's stand on the left)."""
    width = view.screen.width
    return line.bounds.left > width * OWN_LEFT and line.bounds.right > width * (1 - OWN_LEFT)


def _is_name(text: str) -> bool:
    return 0 < len(text.split()) <= NAME_WORDS and not is_sentence(text) and not (
        _SEVERAL.search(text) or names_a_day(text))


def _title(view: View, line: UIElement) -> str | None:
    """The conversation's title: the top-most text above its messages (not a button's
    name), when it names one person (a day over the messages is a divider, no title)."""
    above = [s.element for s in view.content() if s.element.text and not s.element.actionable
             and not s.element.editable and s.element.bounds.bottom <= line.bounds.top]
    if not above:
        return None
    title = min(above, key=lambda e: (e.bounds.top, e.bounds.left)).text.strip()
    return title if _is_name(title) else None


def _row_name(view: View, about: set[str]) -> str | None:
    """The name on the one row whose preview shares the most of `about`; None when no row's
    does, or several share the most."""
    scored: list[tuple[int, str]] = []
    for s in view.content():
        e = s.element
        preview = e.description.split(SEPARATOR)[0] if e.description != e.text else ""
        if not e.clickable or not e.text or not preview or _OWN.match(preview) or (
                about & {stem(w) for w in words(e.text)}):
            continue  # a row titled by the topic is an item about it, not a person
        scored.append((len(about & {stem(w) for w in words(preview)}), e.text.strip()))
    scored.sort(reverse=True)
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1] if _is_name(scored[0][1]) else None
