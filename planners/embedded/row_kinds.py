"""Which rows an order is taken over: the kind the superlative names ("the cheapest kettle",
"my earliest memo") narrows the list before the order is read.

The kind is the noun phrase after the superlative, and its head (its last word) is what
each row must be: a row is of the kind when its title has that word and not only in front
of another noun ("Travel Mug" is a mug; "Mug Warmer" is a warmer). A general noun ("the
cheapest thing", "the newest item") names no kind, and neither does the word a page uses
for its own items ("Search your notes", "New alarm"): rows seldom repeat it, and every row
of that list is of it. In a question put with "do" ("when does my first alarm ring?")
the subject's noun phrase is followed by the bare verb: the last word before the phrase ends
is that verb, not the head.
"""

from __future__ import annotations

import re

from planners.embedded import kinds
from planners.embedded.goal import Goal
from planners.embedded.persons import stem
from planners.embedded.scoring import words
from planners.embedded.view import Scored, View
from planners.embedded.wording import AUXILIARIES, PARTICLES, PRONOUNS, SUBJECTS, closed_class

_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
# words that end the noun phrase after the superlative ("kettle they stock", "tent in the shop")
_ENDS = AUXILIARIES | SUBJECTS | PARTICLES | PRONOUNS | closed_class(
    "and or but to as for with at by from of into among than you've i've we've they've "
    "you'd i'd i'm you're can got find sell sold buy called named titled listed saved set left "
    "that which who whose where")
_VERB_PARTICLES = closed_class("off up out down away back")  # never "on", "in": places too
GENERAL = closed_class("thing things item items product products one ones stuff option options "
                       "article articles entry entries row rows piece pieces anything something")


def kind(goal: Goal) -> str:
    """The head noun of the phrase after the goal's superlative ("the cheapest phone case
    you sell" -> "case"), or the word after the question's "which" ("which memo did I
    write last" -> "memo"); "" when it names no kind."""
    rank = goal.rank
    if _WHO.match(goal.text):  # the rows are people; the noun is what they did
        return ""
    m = re.search(rf"\b{re.escape(rank.phrase)}\b", goal.text, re.I) if rank else None
    verb_after = m is not None and _DO_SUPPORT.match(goal.text[:m.start()]) is not None
    head = _head(goal.text[m.end():], 4 if verb_after else 3, verb_after) if m else ""
    which = _WHICH.match(goal.text)
    return head or (_head(goal.text[which.end():], 1) if which is not None else "")


_WHICH = re.compile(r"^\s*(?:which|what)\s+", re.I)
_WHO = re.compile(r"^\s*(?:who|whom|whose)\b", re.I)
_DO_SUPPORT = re.compile(r"^.*\b(?:do|does|did)\s+(?:[\w']+\s+)?$", re.I)  # "... does my"


def described(goal: Goal) -> str:
    """The word that makes a general noun after the superlative a kind ("gardening" of "the
    cheapest gardening item"): what each row must show, in its title or its summary line
    (a category); "" when the noun is no general one or nothing describes it."""
    m = re.search(rf"\b{re.escape(goal.rank.phrase)}\b", goal.text, re.I) if goal.rank else None
    run = _phrase(goal.text[m.end():]) if m is not None else []
    return run[-2] if len(run) > 1 and run[-1] in GENERAL else ""


def shows(word: str, text: str) -> bool:
    """`text` has `word`, whatever its ending ("Garden" for "gardening")."""
    return stem(word) in {stem(w) for w in words(text)}


def _head(text: str, most: int = 3, verb_after: bool = False) -> str:
    """The last word of the noun phrase `text` starts with, of its first `most` words (""
    when it starts none or a general one); `verb_after`: the phrase's last word is the
    verb that follows it, when something ends it within `most` words."""
    run = _phrase(text, most, verb_after)
    return run[-1] if run and run[-1] not in GENERAL else ""


def _phrase(text: str, most: int = 3, verb_after: bool = False) -> list[str]:
    """The words of the noun phrase `text` starts with, of its first `most` words."""
    run: list[str] = []
    ended = True
    text = re.split(r"(?<!\w)[\"“'‘]|[,;:.!?(]", text)[0]  # a quotation or a stop ends it
    for token in _TOKEN.findall(text)[:most]:
        if token.lower() in _ENDS or token.isdigit():
            if token.lower() in _VERB_PARTICLES and len(run) > 1:
                run.pop()  # "my last timer runs out": a verb and its particle end it
            break
        run.append(token.lower())
    else:
        ended = len(_TOKEN.findall(text)) <= most
    if verb_after and ended and len(run) > 1:
        run.pop()
    return run


def listed_here(goal: Goal, view: View) -> bool:
    """The page names its own items by the kind the order is over ("New memo" for "my
    latest memo"): it is that kind's list."""
    noun = kind(goal)
    return bool(noun) and words(noun) <= kinds.kind_words(view)


def _title(row: Scored) -> str:
    return re.split(r"[|\n]", row.element.text or row.element.label)[0]


def is_of(noun: str, row: Scored) -> bool:
    """The row's title has the noun (or its plural) as a head: the word after it, if any,
    is no other noun it only describes ("Travel Mug", "Mug, blue" and "6:15 alarm, daily"
    are of it; "Mug Warmer" is not)."""
    title = _title(row)
    for m in _TOKEN.finditer(title):
        if words(m.group(0)) != words(noun):
            continue
        after = re.match(r"\s+([^\W\d_][\w'-]*)", title[m.end():])
        if after is None or after.group(1).lower() in _ENDS:
            return True
    return False


def of_kind(goal: Goal, view: View, found: list[Scored]) -> list[Scored]:
    """The rows of `found` of the kind the order names (see the module docstring): all of
    them when it names none, or the page names its own items so."""
    noun = kind(goal)
    if not noun and (word := described(goal)):
        return [s for s in found if shows(word, " ".join((s.element.label, s.element.description,
                                                           s.context)))]
    if not noun or words(noun) <= kinds.kind_words(view):
        return found
    return [s for s in found if is_of(noun, s)]
