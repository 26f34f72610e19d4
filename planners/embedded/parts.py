"""Where a request with several parts is cut into parts done one after the other: always at
"then"; at "and" only when an order follows it ("type hi and tap Send", "buy a lamp and
share the page"), never inside a list of things ("salt and pepper") nor before a verb that
carries on with the same item ("buy a mug and ship it")."""

from __future__ import annotations

import re
from collections.abc import Callable

from planners.embedded import objects
from planners.embedded.asked import HEAD_KINDS
from planners.embedded.asking import WISH
from planners.embedded.attachment import given_name
from planners.embedded.operations import OperationReader
from planners.embedded.restated import plainly
from planners.embedded.wording import (
    NUMBER_WORDS,
    PARTICLES,
    closed_class,
    verb_phrase,
    without_courtesy,
)
from planners.embedded.wording import quoted as quoted_text

_OBJECT_STARTS = closed_class("a an the my your his her our their this that these those "
                              "some all every each another one two three me him us up down "
                              "on off out")
# Verbs of touching a control: after "and" they start a step of their own ("type hi and tap
# Send", "enter the code and press OK"), whatever their object is called.
TOUCH_VERBS = closed_class("tap press click hit touch")
_SET_AGAIN = re.compile(r"^[a-z]+\s+(?:it|them)\s+(?:to|on|off|into|in|from)\b")
# an app or a game opened, then something done in it: "launch the game and hit them"
_OPENED = re.compile(r"(?:^|[.!?]\s+)(?:open|launch|start|load)\s", re.I)
_ON_IT = re.compile(r"^[a-z]+\s+(?:(?:it|them)\b(?!\s+(?:up|down|out)\b)|(?:exactly|just|only)\s)")
_REPLY = re.compile(r"\bback$", re.I)  # "write back", "text her back": an answer
_SAY = re.compile(r"^(?:say|tell\s+(?:him|her|them))\b", re.I)
# "text Ana and ask her if ...": the question is what the message says
_WRITTEN = re.compile(r"^(?:text|message|msg|sms|ping|write\s+to)\s", re.I)
_ASKED_IN = re.compile(r"^ask\s+(?:(?:him|her|them)\s+)?(?:if|whether)\s", re.I)
ORDER_AT_LEAST = 0.45  # how well a piece after "and" must read as an operation to be one


def cut(text: str, operations: OperationReader,
        switches: Callable[[str], bool] = lambda part: False) -> list[str]:
    """`text` cut at "then" always and at "and" when an order follows (see the module
    docstring); the pieces keep their words. After a part that `switches` a setting, "VERB
    it to/on/off ..." is an order of its own: "it" is the device, set a second way ("set
    the tablet to silent and turn it to night mode") or the thing switched ("turn on the
    hotspot and set it to 5 GHz"): the first part's object, which `object_carried` puts in."""
    out: list[str] = []
    for part in re.split(r",?\s+(?:and\s+)?then\s+", text):
        pieces = re.split(r",?\s+and\s+", part)
        current = pieces[0]
        for piece in pieces[1:]:
            again = (_SET_AGAIN.match(piece) is not None and switches(current)) or (
                _OPENED.search(current) is not None and _ON_IT.match(piece) is not None)
            if (_REPLY.search(current) and _SAY.match(piece)) or (
                    _WRITTEN.match(current) and _ASKED_IN.match(piece)):
                current = f"{current} and {piece}"  # "text her back and say ...": the words
                continue  # of the answer, or of the question put
            if (again or starts_order(piece, operations)) and len(current.split()) > 1 and (
                    given_name(f"{plainly(current)} and {piece}") is None):  # "rouse me
                #   at 6:05 and name the alarm Oars" names the alarm the order before makes
                out.append(current)
                current = piece
            else:
                current = f"{current} and {piece}"
        out.append(current)
    return out


# "look up what the rug costs", "find out the gate code", "check Bo's address": an order to
# learn a value, and what it names (a reference, `slots.is_reference`)
_LEARN = re.compile(r"^(?:look\s+up|find\s+out|find|check|see|get|work\s+out|figure\s+out)\s+"
                    r"(?P<value>.+?),?\s+(?:and\s+then|and|then)\s+(?P<use>[a-z]+\s.*)$", re.I)
# the value to learn pointed at ("check that", "find it out"), and a value a told sentence
# asks about ("was asking what the rug costs")
_LEARN_IT = re.compile(r"^(?:look\s+(?:it|that)\s+up|check\s+(?:it|that)|find\s+(?:it|that)\s+"
                       r"out),?\s+(?:and\s+then|and|then)\s+(?P<use>[a-z]+\s.*)$", re.I)
_ASKED_WH = re.compile(r"\b(?:what|how\s+much|how\s+many|when|where)\s[^.!?]+", re.I)
# what points back at the value: "it", "that", or the name of its kind ("the code")
_POINTER = re.compile(rf"\b(?:it|that|this|the\s+(?:{'|'.join(HEAD_KINDS)}))\b", re.I)
_WHERE_SHOWN = re.compile(r"\s+(?:in|on)\s+((?:the|my|our)(?:\s+[\w-]+){1,2})$", re.I)


def learned_then_used(text: str, names_value: Callable[[str], bool]) -> str:
    """"Check what the rug costs on the store page, then jot that on my list" is "jot what
    the rug costs from the store page on my list": the value learned is what the next
    order's pointer ("it", "that") stands for, and where it is shown is where it is read
    from. `text` as it is when it is no such pair, or the value is no reference
    (`names_value`). The pair may follow sentences that tell its context ("Bo asks what
    phone I have. Find the model in settings and text it to him")."""
    text = text.strip()
    starts = [0, *(m.end() for m in re.finditer(r"[.!?]\s+", text))]
    for start in starts:
        said = without_courtesy(text[start:])  # ("could you check ...")
        asked = list(_ASKED_WH.finditer(text[:start]))
        if (it := _LEARN_IT.match(said)) is not None and asked:
            value, use = asked[-1][0], it["use"]  # "Bo asked what the rug costs. Check that
            #   and text him the price": what was asked is the value to learn
        elif (m := _LEARN.match(said)) is not None:
            value, use = m["value"], m["use"]
        else:
            continue
        if (pointer := _POINTER.search(use, len(use.split()[0]))) is None:
            continue
        value = _WHERE_SHOWN.sub(r" from \1", value.strip())
        if not names_value(value):
            continue
        rest = use[pointer.end():]
        if (particle := re.match(r"\s+(down|up|out|back)\b", rest, re.I)) is not None:
            value, rest = f"{particle[1]} {value}", rest[particle.end():]  # "jot it down"
        return f"{text[:start]}{use[:pointer.start()]}{value}{rest}"
    return text


# a verb that agrees with a subject told of ("wants", "needs", "goes"): an order's verb never does
_AGREES = re.compile(r"^[a-z]{2,}(?<![sui])s$")


def starts_order(piece: str, operations: OperationReader) -> bool:
    """A piece after "and" starts an order: a lower-case word that an article, a pronoun, a
    number or a particle follows (a noun is not followed by one: "salt and pepper"), a verb
    of touching a control, or a word that reads as an operation; not "VERB it" (the same
    item, carried on)."""
    words = piece.split()
    if len(words) < 2 or not words[0].isalpha() or not words[0].islower():
        return False
    after = words[1].lower()
    if after in ("it", "them", "i", "you", "we") or words[0] in objects.FILLER or (
            _AGREES.search(words[0])):  # "... and wants me to": the verb of someone told of
        return False
    if after in _OBJECT_STARTS or after[:1].isdigit() or after in NUMBER_WORDS or (
            words[0] in TOUCH_VERBS):
        return True
    return operations.read(verb_phrase(piece), piece).score >= ORDER_AT_LEAST


def name_carried(parts: list[str], name: str) -> list[str]:
    """Later parts with their first pronoun ("text her") replaced by the first part's
    name, so that each part can be read alone."""
    if not name:
        return parts
    return [parts[0], *(re.sub(r"\b(her|him|them|it)\b", name, p, count=1, flags=re.I)
                        for p in parts[1:])]


def _object(first: str) -> str:
    """The first part's object: its words after the verb and its particles, up to where the
    state or place begins ("set the tablet to silent" -> "the tablet")."""
    words = first.split()[1:]
    while words and words[0].lower() in PARTICLES:
        words = words[1:]
    return re.split(r"\s+(?:on|off|to|in|into|at|for|from|with)\b", " ".join(words))[0]


def object_carried(parts: list[str], first: str) -> list[str]:
    """Later parts that set again what the first part switched ("VERB it to ...") with "it"
    replaced by the first part's object (`_object`)."""
    thing = _object(first)
    if not thing:
        return parts
    return [parts[0], *(re.sub(r"\b(?:it|them)\b", thing, p, count=1) if _SET_AGAIN.match(p)
                        else p for p in parts[1:])]


def count_carried(parts: list[str], first: str) -> list[str]:
    """Later parts that count "N of them" with "them" replaced by the first part's object
    ("open the marble game and clear three of them" -> "clear three of the marble game")."""
    thing = _object(first)
    if not thing:
        return parts
    return [parts[0], *(re.sub(r"\b(\w+\s+of\s+)them\b", rf"\1{thing}", p, count=1)
                        for p in parts[1:])]


_SWITCHES = re.compile(r"(?P<verb>[a-z]+(?:\s+(?:on|off))?)\s+(?:both\s+)?(?P<things>.+?\s+and\s+"
                       r"[^,]+?)(?P<state>\s+(?:on|off))?", re.I)


def each_switch(clause: str) -> list[str]:
    """A switch has one name, so an order to switch several things ("turn on both the fan
    and the heater", "switch the radio, the lamp and the fan off") is one order per thing;
    [clause] itself when it names one thing."""
    m = _SWITCHES.fullmatch(clause.strip())
    if m is None:
        return [clause]
    things = [t for t in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m["things"]) if t]
    if len(things) < 2 or any(len(t.split()) > 3 for t in things):
        return [clause]
    return [f"{m['verb']} {thing}{m['state'] or ''}" for thing in things]


# a thing wished for in a state: "the lamp dimmer", "hotspot off", "the tablet on mute"
_WISHED_STATE = re.compile(r"(?:the|my|our|your)(?:\s+[\w-]+){2,4}|(?:[\w-]+\s+){1,4}(?:on|off)|"
                           r"(?:the|my|our|your)\s+[\w-]+\s+(?:on|in|into|to)(?:\s+[\w-]+){1,4}",
                           re.I)
# where a wish says why, to its end: it goes with the last thing wished
_WHY_WISHED = re.compile(r"\s+(?:so|because|since|till|until|as)\s.*$", re.I)


def each_wished(clause: str) -> list[str]:
    """A wish of the state of several things ("I'd like the fan on and the lamp dimmer",
    "I want wifi off, and the phone on silent") is one wish per thing, each in its own state
    (what is told before it goes with the first, why it is wished with the last); [clause]
    itself when it wishes one."""
    wish = re.search(rf"(?:^|(?<=[.!?;])\s+){WISH.pattern.removeprefix('^')}", clause, re.I)
    if wish is None:
        return [clause]
    states = re.split(r",?\s+and\s+(?=(?:the|my|our|your)\s)|(?:(?<=\son)|(?<=\soff)),?\s+and\s+",
                      clause[wish.end():])
    named = [*states[:-1], _WHY_WISHED.sub("", states[-1])]
    if len(states) < 2 or not all(_WISHED_STATE.fullmatch(s.strip(" .!")) for s in named):
        return [clause]
    return [f"{clause[:wish.end()].rstrip()} {states[0]}",
            *(f"{wish.group(0).strip()} {s}" for s in states[1:])]


EACH = frozenset({"toggle", "create", "delete"})  # the kinds of order done to each thing named
_DETERMINER = (r"(?:a|an|the|my|your|our|this|that|one|two|three|four|five|six|some|another|"
               r"\d{1,3})")
_PLACE = r"(?:in|into|to|onto|from|out\s+of|off)"
_ITEMS = re.compile(rf"(?P<verb>.+?)\s+(?P<a>{_DETERMINER}\s+.+?),?\s+(?:and|&)\s+"
                    rf"(?P<b>{_DETERMINER}\s+.+?)(?P<place>\s+{_PLACE}\s+.+)?", re.I)
MAX_ITEM_WORDS = 5  # words of one thing named, its determiner included


def each_item(clause: str) -> list[str]:
    """An order to add or remove two things, each with its own determiner ("put a lamp and
    two mugs in my basket", "delete the Bike note and the Gym note"), is one order per
    thing, with the verb and the place said for both; [clause] itself when it names one
    thing, or when what is joined is words to write (quoted) or longer than a thing's
    name."""
    m = _ITEMS.fullmatch(clause.strip())
    if m is None or quoted_text(clause) or re.search(rf"\b{_DETERMINER}\b", m["verb"], re.I):
        return [clause]  # a determiner before the first thing: it is the verb's own object
    things = [m["a"], m["b"]]
    if any(len(t.split()) > MAX_ITEM_WORDS or re.search(r"[,:;]", t) or re.search(
            rf"\s(?:{_DETERMINER}|{_PLACE}|with|for|of|at|on|by)\b", t, re.I) for t in things):
        return [clause]  # a thing with a phrase of its own ("a note with a list") is one
    return [f"{m['verb']} {thing}{m['place'] or ''}" for thing in things]


def each_thing(clause: str, kind: str) -> list[str]:
    """Switches, or things added or removed: one order for each thing named."""
    return each_switch(clause) if kind == "toggle" else each_item(clause)
