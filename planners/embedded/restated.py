"""Requests said the way people talk, restated as the plain order they mean, by their shape
alone (never by their words):

- the person and a clock time as the only objects ("wake me at 6:45", "get us up at 7"): the
  request is for something to ring at that time, an alarm, as is the speaker's need to be
  up at a time ("... and need to be up at 5:45"); a remark after it, set apart by
  a comma or a dash ("..., I'm worn out"), says why and asks for nothing more;
- a length of time as the only object, given to the person or counted down ("give me 5
  minutes", "count down 2 minutes for the pasta"): a timer of that length (a purpose after
  "for" names what it is for, not another thing to do);
- a countdown or timer of a length ("run a nine minute countdown for the eggs"): one of
  that length, started (what it is for is no thing to find);
- the person and a new thing ("get me a lamp", "find us some candles"): the thing is to be
  had, which on a phone is an order;
- a bare noun and a clock time, with no verb ("reminder 7:45pm", "meeting at 17:30"): a new item
  of that kind at that time (a note jotted on a list of things to make);
- writing something down ("jot down: eggs and flour", "write this down - call the vet"): a
  new note whose text is what follows, not names of things to look for;
- a light verb whose object is an act ("place an order for X", "make a call to Y"): the
  act's noun is the verb ("order X", "call Y"), unless a time or a day follows it: what is
  "for 7:10" or "for Friday" is a thing made for then ("make an alarm for 7:10");
- a statement of someone's new value ("Kim's new number is 555 0101"), or a field of theirs
  said to be wrong, and a name and number said alone with an order about the person: the
  edit of their entry, or their card to keep (`new_values`).

- a wish that a thing of the person's go by a name ("I'd like my tablet to show up as Den",
  "I want it to go by the name Den from now on"): the thing is to be renamed (when it is to
  be so, "from now on", is no part of the name), an
  edit of its name ("rename my tablet to Den"), never a switch turned on.

- a wish that a thing do something ("I'd like my 7:05 alarm to ring on Sundays too", "I
  want the lamp to turn off at 11"): the order to have it do so ("have my 7:05 alarm ring
  on Sundays too"), never a switch put on; a verb of being ("to be", "to stay", "to remain")
  leaves it the wish of a state ("I want wifi to stay off").

- what a thing goes or sells for ("what's the lamp going for?", "what do lamps sell
  for?"): what it costs ("what's the lamp cost?", "what do lamps cost?").

- a value to look up, then an order about it ("look that up and mail it to Bo"): the order
  ("mail it to Bo"); reading the value is how it is done (`lookup`).

- what the speaker wrote down, and says nowhere where ("we jotted that down"): it is in
  their notes, where a phone keeps what is written ("it's in my notes").

- a thing asked to be done so, with a value ("could my first alarm be labelled 'Gym'?", "can
  the note be renamed to "Rent"?"): the order to do it ("label my first alarm 'Gym'").

- a thing to be got or had so done ("get my earbuds paired", "have it
  fixed"): the order to do it ("pair my earbuds with the phone").

- a turn of phrase for a plain order (`turns`): a thing set working, the device taken out of
  a mode, a question put in a message, an item's time moved by a length.

- a statement closed by a tag that asks if it is true ("wifi is on, isn't it?", "the torch
  is off, right?"): the yes/no question of the statement ("is wifi on?"), never an order.

- a question put as whether the listener knows its answer ("do you know Kim's email?",
  "any idea if the torch is on?", "do you happen to know when it rings?"), or as a wish to
  be reminded of it ("remind me where the spare key is"; "remind me to ..." is a reminder):
  the question itself ("what is Kim's email?", "is the torch on?", "when it rings?"),
  never an order to know something.

- a thing said to be free to go, or bound to ("the old gym alarm can go", "that note has to
  go"): it is to be removed ("delete the old gym alarm").

- a thing made "with X in it" ("a note called Locker with 2231 in it"), or made and then
  given X "in it" ("..., and in it put 2231", "... and type 2231 in it"): it holds X, it is
  "containing X"; "it" is no place to put anything in, and no second order.

- "turn of X", "switch of X": a verb of switching takes no "of", so "of" is "off" with a
  letter dropped ("turn off X"), never a switch turned on.

- keeping someone from a use of a thing ("stop the apps from reading my contacts", "keep
  websites from seeing where I am"): a use of a thing on a phone is allowed by its switch,
  so the order is to switch the thing off ("turn off my contacts"); a verb with a particle
  after it ("keep the screen from going off") names no thing used, and is left as it is.

- a value of the thing just named, given in a clause of its own that points back at it
  ("add Ana Roe to my contacts, her number is 555 0101"; "..., and her email's ana@x.org"):
  the value goes with the thing ("... with the number 555 0101"); the pointing words are
  no thing to look for.

A clause of purpose is left out first (`purpose`): it tells why, and asks for nothing.
"""

from __future__ import annotations

import re

from planners.embedded import fronted, turns
from planners.embedded.asking import request_clause
from planners.embedded.attachment import field_of_naming, naming_clause, without_given_name
from planners.embedded.durations import said_duration
from planners.embedded.new_values import new_value
from planners.embedded.purpose import main_clause
from planners.embedded.slots import is_reference
from planners.embedded.states import verb_of
from planners.embedded.wording import (
    TIME,
    without_courtesy,
)

_PERSON = r"(?:me|us|him|her|them)"
_CLOCK = r"(\d{1,2})(?::(\d{2}))?(?![:\d])\s*((?:[ap])\.?\s?m\b\.?)?"
# when, after the time: the day ("tomorrow") and its part, which says am or pm
_DAY = (r"(?:\s+(?:tomorrow|today|tonight|this))?"
        r"(?:\s+(?:in\s+the\s+)?(morning|afternoon|evening|night))?")
# a remark after the order, set apart by a comma or a dash ("..., need a nap", "... - I'm
# beat"): it says why or how the person is, and asks for nothing more
_REMARK = r"(?:\s*(?:[,;:]|\s[-–—])\s*[^\"“”‘’]*)?"
# an order that the person be woken ("make sure something wakes me", "wake us")
_WOKEN = re.compile(r"\b(?:wakes?|woken|rouses?|gets?\s+(?:me|us)\s+up)\b(?:\s+(?:me|us)\b)?",
                    re.I)
# the speaker's own need to be up at a time ("... and need to be up at 5:45", "we have to get
# up by 6"): something to wake them then
_UP_AT = re.compile(r"\b(?:need|have|must|got|gotta)\s+(?:to\s+)?(?:be\s+(?:up|awake)|"
                    rf"get\s+up|wake(?:\s+up)?)\s+(?:at|by)\s+(?P<at>{_CLOCK})", re.I)
_RING = re.compile(rf"^\s*(\w+)\s+{_PERSON}(?:\s+(?:up|out))?\s+(?:at|by)\s+{_CLOCK}{_DAY}"
                   rf"(?:,?\s+(?:please|thanks))?\s*[.!]?{_REMARK}\s*$", re.I)
_GIVEN = re.compile(rf"^\s*(\w+)\s+(?:{_PERSON}|down)\s+([^,;:]+?)"
                    rf"(?:\s+for\s+(?:the|my|our|a|an)\s+[\w\s-]+)?\s*[.!]?{_REMARK}\s*$",
                    re.I)
# "kick off a nine minute countdown for the rice": one of that length (what it is for aside)
_LENGTH_OF = re.compile(r"^\s*\w+(?:\s+(?:off|up|on))?\s+(?:a|an|one)\s+(.+?)[\s-]+"
                        r"(countdown|timer)(?:\s+for\s+(?:the|my|our|a|an|some)\s+[\w\s-]+)?"
                        r"\s*[.!]?$", re.I)
_HAD = re.compile(rf"^\s*(?:get|find|fetch|grab)\s+{_PERSON}\s+((?:an?|some|\d+|two|three)\s+.+)$",
                  re.I)
_LIGHT = re.compile(r"^\s*(?:place|make|put\s+in|give)\s+(?:an?|the)\s+([a-z]+)\s+(?:for|to|of)"
                    r"\s+(.+)$", re.I)
# an act's complement is who or what it is done to; a time or a day there ("make an alarm
# for 7:10", "create a reminder for tomorrow") says when a thing made is for: no act
_WHEN = re.compile(rf"(?:{TIME.pattern})|(?:tomorrow|tonight|today|noon|midnight|(?:mon|tues|"
                   r"wednes|thurs|fri|satur|sun)day)\b", re.I)
_TERSE = re.compile(r"^\s*([a-z]{3,})\s+(?:at\s+|for\s+)?(\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?"
                    r"|\d{1,2}:\d{2})\s*[.!]?\s*$", re.I)
# "could my first alarm be labelled 'Gym' instead?": a thing asked to be done so, with a value
_DONE_SO = re.compile(r"^\s*(?:could|can|would|will)\s+(?P<thing>(?:my|the|our|your|this|that)\s"
                      r"[^?]+?)\s+be\s+(?P<done>[a-z]+ed)\s+(?P<rest>(?:to\s+|as\s+)?[\"“'‘\d][^?]*)"
                      r"\?\s*$", re.I)
_JOTTED = re.compile(r"^\s*(?:jot|write|scribble|note|take)\s+(?:this\s+|that\s+|it\s+)?down"
                     r"(?:\s+for\s+(?:me|us))?(?:\s+[^:\"“”]{1,40}?:|\s*[:,-]|\s+that)\s*"
                     r"(.+?)\s*$", re.I)  # "jot this down somewhere safe: ..."
# "another item for my packing list: sun cream": no verb, an item of the person's, and
# after the colon the words that go in it
_FOR_ITEM = re.compile(r"^\s*(?:(?:one|another|a|some)\s+(?:more\s+)?(?:thing|item|entry|one)s?\s+|"
                       r"also\s+|and\s+|plus\s+)?(?:for|on|to|in)\s+((?:my|our)\s+[^:\"“”]+?)"
                       r"\s*:\s*(.+?)\s*$", re.I)
# "into the basket with it", "onto my list with the eggs": no verb, a place, and what is put
# there
_PLACE_WITH = re.compile(r"^\s*((?:into|in|onto|on|to)\s+(?:the|my|our)\s+[\w-]+(?:\s+[\w-]+)?)\s+"
                         r"with\s+([^,;?]+?)\s*[.!]?$", re.I)  # no clause after it
_KNOWN_AS = re.compile(
    r"^(?:i(?:'d|\s+would)\s+(?:really\s+)?(?:like|love|prefer)|i\s+(?:really\s+)?(?:want|need))\s+"
    r"(it|(?:my|the|this|our)\s+[a-z-]+(?:\s+[a-z-]+)?)\s+to\s+[a-z]+(?:\s+up)?\s+"
    r"(?:(?:with|under|by)\s+the\s+name|as|named|called)\s+(.+?)(?:\s+(?:from\s+(?:now|today|"
    r"here)(?:\s+on)?|going\s+forward|for\s+good|in\s+future|again))?"
    r"(?:\s+(?:instead\s+of|when|whenever|if)\s+[^,]*)?(?:\s*,.*)?$", re.I)
# "I'd like my lamp to turn off at 11": the thing, then what it is to do
_WISHED_ACT = re.compile(
    r"^(?:i(?:'d|\s+would)\s+(?:really\s+)?(?:like|love|prefer|want)|i\s+(?:really\s+)?"
    r"(?:want|need|wish))\s+((?:it|(?:my|the|this|that|our|these|those|all|every|each)\s+"
    r"[^,;\"“”‘’]+?))\s+to\s+(?!(?:be|stay|remain|keep|get)\b)([a-z]+\b.*)$", re.I)
# "I'd like my late alarm titled Lights out": the thing, to be named so
_WISHED_NAME = re.compile(r"^(?:i(?:'d|\s+would)\s+(?:like|love|prefer)|i\s+(?:want|need))\s+"
                          r"(?P<thing>it|(?:my|the|this|that|our)\s+.+?)\s+"
                          r"(?P<how>named|labell?ed|titled)\s+(?!by\b|after\b)(?P<name>.+?)\s*[.!]?$",
                          re.I)
# "label my late alarm Wind down": a verb of naming, the thing (ending on a word in lower
# case that is no preposition), and the name, unquoted, from its capital to the end
_NAMED_PLAIN = re.compile(r"^\s*(?P<how>(?i:name|label|title))\s+(?P<thing>(?i:it)|(?i:the|my|this|"
                          r"that|our)\s+(?:\S+\s+)*?(?!(?:about|for|from|in|on|of|with|at|by)\s)"
                          r"[a-z][\w-]*)\s+(?P<name>[A-Z][^\"“”‘’]*?)\s*[.!]?$")


def _renamed(field: str, thing: str, name: str) -> str:
    return f"rename {thing} to {name}" if field == "name" else (
        f"change the {field} of {thing} to {name}")
_TAGGED = re.compile(r"^(.+?)(?:'s|\s+(is|are|was|were))\s+(.+?)\s*,\s*(?:(?:is|are|was|were)"
                     r"(?:n't|\s+not)?\s+(?:it|they|there|he|she)|right|correct|yes|no)\s*\?$",
                     re.I)
_KNOWN = re.compile(r"^(?:(?:do|would|might)\s+(?:you|u)\s+(?:happen\s+to\s+)?know|(?:got\s+)?"
                    r"any\s+idea|i\s+wonder|i'?m\s+wondering|"
                    r"remind\s+me(?=\s+(?:what|when|where|which|who|whose|how)\b))"
                    r"\s+(.+?)\s*\??$", re.I)
_EMBEDDED_WH = re.compile(r"^(?:what|which|who|whom|whose|when|where|why|how)\b", re.I)
_EMBEDDED_YES_NO = re.compile(r"^(?:if|whether)\s+(.+?)\s+(is|are|was|were|has|have)\s+(.+)$",
                              re.I)
_OF_FOR_OFF = re.compile(r"\b(turn|switch|shut|flip)\s+of\b", re.I)
# "stop A from V-ing B": A is kept from using B (B a noun phrase, no particle after the verb,
# no pronoun)
_KEPT_FROM = re.compile(r"^\s*(?:stop|keep|prevent|block|bar)\s+(?:[\w'-]+\s+){1,3}?from\s+"
                        r"[a-z]+ing\s+(?!(?:on|off|up|down|out|in|away|over|back)\b)"
                        r"(?!(?:it|them|this|that)\b)((?:(?:my|the|our|your)\s+)?[\w-]+(?:\s+[\w-]+)?)"
                        r"\s*[.!?]?$", re.I)
# "..., her number is 555 0101": a value (digits, an address, a name) of what the order
# before it names; not after a verb of saying, whose clauses are what is said ("text Ana,
# her table is 12")
_ITS_VALUE = re.compile(r"^(?!\s*(?i:please\s+)?(?i:text|message|sms|tell|e-?mail|mail|write|"
                        r"reply|send|let|ask|remind|ping|answer)\b)"
                        r"(.*?\S)\s*[,;]\s*(?i:and\s+)?(?i:his|her|their|its)\s+"
                        r"([a-z]+(?:\s+[a-z]+)?)(?:\s+is|'s)\s+"
                        r"(\+?\d[\d\s().-]*\d|\S*[\d@]\S*|[A-Z]\S*(?:\s+[A-Z]\S*){0,2})"
                        r"\s*[.!]?$")
# "the pottery alarm can go", "that old note has to go": a thing that may or must go is to
# be removed
_LET_GO = re.compile(r"^\s*((?:the|my|our|that|this|those|these)\s+(?:(?!\bas\b)[^,;])+?)"
                     r"(?<!\byou)(?<!\bwe)(?<!\bthey)(?<!\bit)\s+(?:can|could|should|"
                     r"must|may|has\s+to|have\s+to|needs?\s+to|ought\s+to)\s+go"
                     r"(?:\s+(?:now|away|too|as\s+well))?\s*[.!]?$", re.I)
# "a note called Locker with 2231 in it": what the thing holds, not a place to put it in
_HOLDING = re.compile(r"\bwith\s+([^\"“”‘’,;]+?)\s+(?:in|inside|on)\s+it\b(?=\s*[.!?]?\s*$)", re.I)
# "a note called Locker - code 2231" ("called Locker: code 2231"): the name ends at the dash
# or the colon, and what follows is what the new thing holds (not a time or a day it is for:
# "an alarm named Swim - 6:10 on Mondays")
_NAME_THEN_TEXT = re.compile(r"\b((?:an?|another|new)\s.*?\b(?:called|named|titled)\s+[^-–—:\"“]+?)"
                             r"(?:\s+[-–—]|:)\s+(?=[^\W\d])(?!(?:at|for|on|every)\b)", re.I)
# "a new note with the price of the lamp": a new thing made with a value to read holds it
_MADE_WITH = re.compile(r"\b((?:an?|new|another)\s[^,;]*?)\s+with\s+(\S.*?)\s*[.!]?$", re.I)
# "a note called Locker, and in it write 2231" ("and put 2231 in it"): what the new thing
# holds, written as it is made; no second order
_WRITTEN_IN = re.compile(r"(\b(?:an?|another)\s+\S.*?),?\s+and\s+(?:(?:in|into|on)\s+it,?\s+"
                         r"[a-z]+(?:\s+down)?\s+([^\"“”‘’]+?)|[a-z]+(?:\s+down)?\s+"
                         r"([^\"“”‘’]+?)\s+(?:in|into|on)\s+it)\s*[.!]?$", re.I)
# "look that up and mail it to Bo": the looking up is the means of the order after it
_LOOKED_UP = re.compile(r"^(?:look|find|check)\s+(?:it|them|that)\s+up,?\s+and\s+(?:then\s+)?"
                        r"(?P<then>\S.*)$", re.I)
# "get my earbuds linked up", "have all my notes backed up": the thing is to be so done
# (the last participle: "have the note called Gym deleted")
_CAUSED = re.compile(r"^(?:get|have)\s+(?P<thing>it|them|him|her|"
                     r"(?:all\s+)?(?:my|the|our|this|that|these|those)\s+[^,.;!?]+)\s+"
                     r"(?P<done>[a-z]+ed)\b(?P<rest>(?:\s+(?!\w+ed\b)[^,.;!?]*)?[.!?]*)$", re.I)
# "how much is X going for?", "what does X sell for?": what X costs
_SOLD_FOR = re.compile(r"^((?:how\s+much|what)\b.+?)\s+(?:(going|selling|retailing)|go|goes|"
                       r"sell|sells|retails?)\s+for((?:\s+(?:in|at|on)\s+[^?.!]+)?)\s*([?.!]*)$",
                       re.I)
# "what would two of X come to?": what they cost together
_COME_TO = re.compile(r"^((?:how\s+much|what)\b.+?)\s+(?:comes?|came)\s+to\s*([?.!]*)$", re.I)
_NOT_A_VERB = re.compile(r"(?:tion|sion|ment|ance|ence|ing|al|ist|ery)$", re.I)


def _ringing(m: re.Match[str]) -> str:
    hour, minute, meridiem = m.group(2), m.group(3) or "00", m.group(4) or ""
    if not meridiem and m.group(5):
        meridiem = "am" if m.group(5).lower() == "morning" else "pm"
    return f"set an alarm for {hour}:{minute}{' ' + meridiem if meridiem else ''}"


# a question word and "is" written without the apostrophe: "wheres the charger?"
_UNMARKED = re.compile(r"\b(when|where|who|how)(s)\b", re.I)

# what the speaker wrote down, and nowhere said: "we noted that somewhere", "I jotted my
# passport number down": it is in their notes, where a phone keeps what is written
_WRITTEN_DOWN = re.compile(r"\b(?:i|we)\s+(?:wrote|jotted|noted|scribbled)\s+(?:(?P<thing>it|that|"
                           r"them|(?:my|our|the)\s+[^,.;!?]+?)\s+)?(?:down(?:\s+somewhere)?|"
                           r"somewhere)(?=\s*(?:[,.;!?]|$))", re.I)


def _in_notes(m: re.Match[str]) -> str:
    thing = m["thing"] or "it"
    return f"{thing}'s in my notes" if thing.lower() in ("it", "that") else (
        f"{thing} {'are' if thing.lower() == 'them' else 'is'} in my notes")


def where_written(text: str) -> str:
    """`text` with what the speaker wrote down, and nowhere said, said to be in their notes
    ("I noted it down" -> "it's in my notes")."""
    return _WRITTEN_DOWN.sub(_in_notes, text)


def with_time_moved(text: str) -> str:
    """`text` restated where its request moves an item's time by a length (`_SHIFTED`): the
    time it has is then a value read before the order, as the restated words name it ("the
    time of my gym alarm"); `text` itself otherwise."""
    plain = plainly(text)
    moved = re.compile(r"\b(?:after|before) the time of\b", re.I)
    return plain if moved.search(plain) and not moved.search(text) else text


def plainly(text: str) -> str:
    """`text` restated as the plain order it means (itself when it is plain already); where
    sentences that tell something come with it, its request is restated, after them."""
    text = fronted.in_place(where_written(_UNMARKED.sub(r"\1'\2", text)))
    if (plain := _plainly(text)) != text:
        if not re.search(r"[.!?]\s", plain) or text.startswith(plain) or len(plain) >= len(text):
            return plain  # restated whole; a clause cut from between sentences leaves the
        text = plain  # sentences after it to read
    request, told = request_clause(text)
    told = [t if t.rstrip()[-1:] in tuple(".!?;:,") else f"{t}." for t in told]  # each told
    #   clause keeps a stop before the request restated after it
    when = next((m.group(0) for c in told if (m := TIME.search(c))), "")
    if when and _WOKEN.search(request) and not TIME.search(request):  # "I must be up at
        return " ".join([*told, f"set an alarm for {when}"])  # 5:40. Make sure I'm woken"
    if (up := _UP_AT.search(request)) is not None and re.search(r"\b(?:I|we)\b",
                                                                request[:up.start()], re.I):
        return " ".join([*told, f"set an alarm for {up['at'].strip()}"])
    if told and (plain := _plainly(fronted.in_place(request))) != request:
        return " ".join([*told, plain])  # "..., whatever the X is, put it ...": the X
    *before, last = re.split(r"(?<=[.!?])\s+", text)  # the last sentence, restated alone:
    if before and (plain := _plainly(last)) != last:  # "I'll take one. Onto my list with it"
        return " ".join([*before, plain])
    return text


def _plainly(text: str) -> str:
    text = _OF_FOR_OFF.sub(r"\1 off", main_clause(text))
    text = _ITS_VALUE.sub(r"\1 with the \2 \3", text)
    text = _HOLDING.sub(r"containing \1", text)
    text = _NAME_THEN_TEXT.sub(r"\1 containing ", text, count=1)
    if (m := _MADE_WITH.search(text)) is not None and is_reference(m[2]):
        text = f"{text[:m.start()]}{m[1]} containing {m[2]}"  # "a note with the cost of X"
    text = _WRITTEN_IN.sub(lambda m: f"{m[1]} containing {m[2] or m[3]}", text)
    text = _COME_TO.sub(lambda m: f"{m[1]} cost{m[2] or '?'}", text)
    m = _SOLD_FOR.match(text)
    if m:
        dropped = m[2] and m[1].lower().startswith("how")  # "how much is X" says it all
        return f"{m[1]}{'' if dropped else ' cost'}{m[3]}{m[4] or '?'}"
    m = _WISHED_NAME.match(without_courtesy(text)) or _NAMED_PLAIN.match(without_courtesy(text))
    if m:
        return _renamed(field_of_naming(m["how"]), m["thing"], m["name"])
    m = _LOOKED_UP.match(without_courtesy(text))
    if m:
        return m["then"]
    m = _DONE_SO.match(text)
    if m and (verb := verb_of(m["done"])) is not None:
        return f"{verb} {m['thing']} {m['rest']}"
    m = _CAUSED.match(without_courtesy(text))
    if m and (verb := verb_of(m["done"])) is not None:
        return f"{verb} {m['thing']}{m['rest']}"
    if (turned := turns.plain(without_courtesy(text))) is not None:
        return turned
    m = _TAGGED.match(without_courtesy(text))
    if m:
        return f"{(m.group(2) or 'is').lower()} {m.group(1)} {m.group(3)}?"
    m = _KNOWN.match(without_courtesy(text))
    if m:
        return _asked_outright(m.group(1))
    named = without_given_name(text, "alarm").rstrip()  # "rouse me at 6:05 and label it
    m = _RING.match(named)  # Oars": the alarm, named as the request says
    if m:
        return f"{_ringing(m)}{text[len(named):]}".rstrip()
    m = _GIVEN.match(text)
    if m and said_duration(m.group(2)) and said_duration(m.group(2)).group(0) == (
            m.group(2).strip()):
        return f"start a timer for {m.group(2).strip()}"
    m = _LENGTH_OF.match(without_courtesy(text))
    if m and (length := said_duration(m[1])) and length.group(0) == m[1]:
        return f"start a {m[2].lower()} for {m[1]}"
    m = _HAD.match(text)
    if m:
        return f"order {m.group(1)}"
    m = _PLACE_WITH.match(without_courtesy(text))
    if m:
        return f"put {m.group(2)} {m.group(1)[0].lower()}{m.group(1)[1:]}"
    m = _FOR_ITEM.match(without_courtesy(text))
    if m:
        return f'add "{m.group(2).strip(chr(34))}" to {m.group(1)}'
    m = _JOTTED.match(text)
    if m:  # what is jotted, and the note's name given after it ("... . Call it Rent")
        said = without_given_name(m.group(1), "note").strip(" .")
        named = naming_clause(m.group(1), "note")
        return 'add a note "' + said.strip('"\'') + '"' + (f" and {named}" if named else "")
    m = _TERSE.match(text)
    if m:
        return f"add a new {m.group(1)} at {m.group(2)}"
    m = _KNOWN_AS.match(without_courtesy(text))
    if m:
        return f"rename {m.group(1)} to {m.group(2)}"
    m = _WISHED_ACT.match(without_courtesy(text))
    if m and not TIME.search(m.group(2)):  # "... to ring at 6:50": a time the thing is
        #   set to, which the wish's own reading types (`slots`)
        return f"have {m.group(1)} {m.group(2)}"
    m = _KEPT_FROM.match(without_courtesy(text))
    if m:
        return f"turn off {m.group(1)}"
    m = _LET_GO.match(without_courtesy(text))
    if m:
        return f"delete {m.group(1)}"
    m = _LIGHT.match(text)
    if m and not _NOT_A_VERB.search(m.group(1)) and not _WHEN.match(m.group(2)):
        return f"{m.group(1)} {m.group(2)}"
    return new_value(text)


def _asked_outright(asked: str) -> str:
    """What one is asked whether one knows, as the question itself (see the module
    docstring): a question word keeps its clause, "if" or "whether" puts the verb first, and
    a thing named alone is asked what it is."""
    if _EMBEDDED_WH.match(asked):
        return f"{asked}?"
    m = _EMBEDDED_YES_NO.match(asked)
    if m:
        return f"{m.group(2).lower()} {m.group(1)} {m.group(3)}?"
    return f"what is {asked}?"
