"""The name of an item the person owns is all the words between "my" and the item's kind.

"my Sunday at the lake note" is a note; "at the lake" is part of its name, and so is any word
of it that also names a setting or an operation ("the Wi-Fi at the lake note" too). Read for
its operation, such a phrase is its possessive and its kind alone ("my note"): the words of a
name never make the request a switch or a deletion. The kind is the phrase's last word, a
noun of a kind of item kept in an app (a note, a list, a file: a closed class), after at
least one word of the name, with the phrase ended there (by a preposition, a comma, the end
of the request, or one last word that says what the item is made: "make my lake note
yellow"). A name holds no other owner and no indefinite thing ("a folder" starts a phrase of
its own).
"""

from __future__ import annotations

import re

from planners.embedded.wording import closed_class

_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|[,;:]")
_POSSESSIVE = frozenset(("my", "our", "your", "the"))  # "the ... note": a name said before
#   its kind is a name whoever owns the item
_ENDS = frozenset(("into", "to", "onto", "in", "on", "from", "as", "with", "for", "and",
                   "then", "under", "inside", "called", "named", ",", ";", ":"))
# words that start another phrase: a name holds no other owner, no indefinite thing
_BREAKS = frozenset(("a", "an", "my", "our", "your", "called", "named", ",", ";", ":"))
# the nouns for kinds of items that apps keep and people name
KINDS = closed_class("note notes memo list checklist document doc file draft reminder alarm "
                     "timer playlist album photo picture video event appointment contact "
                     "message chat thread entry page folder board card recipe")
LONGEST_NAME = 8  # words between the possessive and the kind, at most


def _end_of_name(tokens: list[str], at: int) -> int | None:
    """Where the owned phrase that starts after tokens[at] ends (the index of its kind
    word), the longest such phrase first; None when it names no kind of item."""
    last = min(len(tokens), at + 1 + LONGEST_NAME + 1)
    last = next((k for k in range(at + 1, last) if tokens[k].lower() in _BREAKS), last)
    for k in range(last - 1, at + 1, -1):
        after = tokens[k + 1].lower() if k + 1 < len(tokens) else None
        complement = k + 2 == len(tokens)  # "make my ... note yellow": what it is made
        if (after is None or after in _ENDS or complement) and tokens[k].lower() in KINDS:
            return k
    return None


def kinds_only(clause: str) -> str:
    """The clause with each owned item's name left out, its kind kept ("move my Sunday at
    the lake note to the bin" -> "move my note to the bin")."""
    tokens = _TOKEN.findall(clause)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        out.append(tokens[i])
        end = _end_of_name(tokens, i) if tokens[i].lower() in _POSSESSIVE else None
        i = end if end is not None else i + 1
    return " ".join(out)


# "the note I made for the fete", "my list about the garage": an item of a kind named by
# what it is for or about (a clause of who made it is no part of the name)
_FOR_TOPIC = re.compile(rf"^(?:(?:the|my|our|that)\s+)?({'|'.join(sorted(KINDS))})"
                        r"(?:\s+(?:that\s+|which\s+)?(?:i|we)\s+(?:\w+\s+){1,2}?)?\s*"
                        r"(?:for|about|on)\s+(?:the\s+|my\s+|our\s+)?(.+)$", re.I)


def named_by_topic(phrase: str) -> str:
    """The item a phrase names by its topic, as its name and kind ("the note I made for
    the fete" -> "fete note"); `phrase` itself when it is no such."""
    m = _FOR_TOPIC.match(phrase.strip())
    return f"{m.group(2)} {m.group(1)}" if m else phrase
