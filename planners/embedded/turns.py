"""Turns of phrase for plain orders, restated as the order they mean (`restated` asks here):

- a thing set working ("get the hotspot running", "have NFC working"): it is switched on
  (a word before its name makes it one thing of its kind: "get my car bluetooth going"
  connects to the car, and is left as it is);
- the device taken out of what it is in ("bring the tablet out of silent mode"): that is
  switched off;
- a message written to someone and a question put to them in it ("text Ana and ask if it's
  free"): the question asked of them ("ask Ana if it's free"); one reached at a number ("the
  seller at 555 0199") is that number;
- a call given to someone ("give Ana a ring"): they are called;
- an item's time moved by a length ("shift my gym alarm 15 minutes earlier", "push the
  7:00 alarm back half an hour"): it is set to that length after (or before) the time it
  has, which is read first ("set my gym alarm for 15 minutes before the time of my gym
  alarm").
"""

from __future__ import annotations

import re

from planners.embedded.wording import PHONE

_SET_GOING = re.compile(r"^(?:get|have|keep)\s+(?P<thing>(?:(?:my|the|our|your)\s+)?"
                        r"(?!(?:it|them|me|us)\b)[\w-]+)\s+"
                        r"(?:going|running|started|working)\b(?P<rest>[^,.;!?]*[.!?]*)$", re.I)
_OUT_OF = re.compile(r"^(?:take|get|bring|switch|put)\s+(?:(?:the|my|this)\s+(?:phone|device|"
                     r"tablet|handset))\s+out\s+of\s+(?P<mode>[^,.;!?]+?)(?P<rest>[.!?]*)$",
                     re.I)
_WRITE_AND_ASK = re.compile(r"^(?:text|message|msg|sms|ping|write\s+to)\s+(?P<who>[^,.;!?]+?),?\s+"
                            r"and\s+(?P<verb>ask|tell)\s+(?:(?:him|her|them)\s+)?"
                            r"(?P<what>(?:if|whether)\s.+)$", re.I)
# "give Ana a ring", "give the vet a quick buzz": a call made to them
_GIVE_A_CALL = re.compile(r"^give\s+(?P<who>.+?)\s+an?\s+(?:quick\s+)?(?:ring|call|bell|buzz)"
                          r"\b(?P<rest>.*)$", re.I)
LENGTH = r"(?:\d+|an?|half\s+an|[a-z]+)\s+(?:minutes?|mins?|hours?|hrs?)"
_SHIFTED = re.compile(
    rf"^(?:move|push|shift|set|make|put|bump|change)\s+(?P<item>(?:my|the|our|this|that)\s+"
    rf"[^,;]+?)\s+(?:(?P<len>{LENGTH})\s+(?P<side>later|earlier)|(?P<way>back|forward|ahead)\s+"
    rf"(?:by\s+)?(?P<by>{LENGTH}))(?:\s+than\s+(?:it\s+is|it's|it\s+was|before|now)(?:\s+now)?)?"
    r"\s*(?P<stop>[.!]?)$", re.I)


def plain(order: str) -> str | None:
    """The plain order a turn of phrase means (see the module docstring); None for any other
    `order` (said without courtesy)."""
    if m := _SHIFTED.match(order):
        later = (m["side"] or "").lower() == "later" or (m["way"] or "").lower() == "back"
        return (f"set {m['item']} for {m['len'] or m['by']} {'after' if later else 'before'} "
                f"the time of {m['item']}{m['stop']}")
    if m := _WRITE_AND_ASK.match(order):
        who = number[0] if (number := PHONE.search(m["who"])) else m["who"]
        return f"{m['verb']} {who} {m['what']}"
    if m := _GIVE_A_CALL.match(order):
        return f"call {m['who']}{m['rest']}"
    if m := _SET_GOING.match(order):
        return f"turn on {m['thing']}{m['rest']}"
    if m := _OUT_OF.match(order):
        return f"turn off {m['mode']}{m['rest']}"
    return None
