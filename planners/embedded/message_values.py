"""What a message is and whom it goes to: the recipient ("text Anna", "send ... to Anna"),
the words (quoted, after a colon, "saying ..."), or a value named to read and send ("text
Lea the gate code"), and when it is to go out."""

from __future__ import annotations

import re

from planners.embedded.references import Slot, is_reference
from planners.embedded.wording import NAME_START, NAME_WORD, NAMES, PHONE, quoted, strip_quotes

# a recipient written in lower case, known as one by the colon after it ("text noor: late")
_LOWER_RECIPIENT = re.compile(r"^\s*[\w-]+(?:\s+to)?\s+([a-z][\w'-]*)\s*:")


def send_slots(text: str) -> list[Slot]:
    """Recipient ("text Anna", "send ... to Anna"; "text Ana Li Bo Ek's code": Bo Ek's), message."""
    bare = strip_quotes(text)
    slots: list[Slot] = []
    owner = rf"\s+(?:{NAME_START}[\w.-]*\s+)?{NAME_START}[\w.-]*['’]s\s"  # one or two names
    name = rf"({NAME_WORD}(?:\s+{NAME_WORD})?(?={owner})|{NAMES}|{PHONE.pattern})"
    m = (re.search(r"\bto\s+" + name, bare) or re.match(r"^\s*[\w-]+(?:\s+to)?\s+" + name, bare)
         or _LOWER_RECIPIENT.match(bare))
    if m:
        slots.append(Slot("to", m.group(1).strip()))
    said = quoted(text)
    if said:
        slots.append(Slot("message", said[0]))
    elif m is not None and ":" in (named := _named_message(bare, m)):
        slots.append(Slot("message", named, ref=True))  # "what the Cookbook: Soups costs":
        #   a colon within a name a value is read by
    elif (colon := re.search(r":\s*(.+?)\s*$", text)) is not None:
        slots.append(Slot("message", colon.group(1)))
    elif (saying := _SAYING.search(bare)) is not None and not _WH_CLAUSE.match(saying.group(1)):
        slots.append(Slot("message", saying.group(1).strip(" .!")))
    elif m is not None and (named := _named_message(bare, m)):
        slots.append(Slot("message", named, ref=True))
    said_at = bare.find(":")  # what follows a colon is the message, not when to send it
    if (when := WHEN.search(bare if said_at < 0 else bare[:said_at])) is not None:
        slots.append(Slot("when", when.group(0)))
    return slots


# the words of a message, introduced as such: "a text to Noor saying see you soon"
_SAYING = re.compile(r"\b(?:saying|that\s+says|which\s+says|to\s+say|telling\s+(?:him|her|them))"
                     r"\s+(?:that\s+)?(.+)$", re.I)


# "saying where she is": a clause that names what the words were, not the words; nothing
# in it is to be typed
_WH_CLAUSE = re.compile(r"^(?:who|what|where|when|why|how|which|whether|if)\b", re.I)


# when a message is to go out, if not now: "at 5 pm", "for 9 on Friday", "tonight", "in an hour"
_DAY_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
WHEN = re.compile(
    r"\b(?:(?:at|for)\s+\d{1,2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?(?:\s+(?:tomorrow|tonight|today))?"
    rf"{_DAY_PART}|tomorrow{_DAY_PART}|tonight|later\s+today|"
    r"in\s+(?:an?|\d+)\s+(?:minutes?|hours?|days?)|next\s+(?:week|month|\w+day))\b", re.I)


# what carries the message, said after it ("by text", "in a message", "over SMS")
_BY_MEANS = re.compile(r"\s+(?:by|via|over|in|as)\s+(?:an?\s+)?(?:text|message|sms|chat)\w*\s*$",
                       re.I)


def _named_message(bare: str, recipient: re.Match[str]) -> str:
    """An unquoted message that names a value to read elsewhere: "text Lea the gate code",
    "send Omar's address to Lea by text". The words between the verb and the recipient, or
    after the recipient, when they are a reference; "" otherwise."""
    before = bare[: recipient.start()].split(None, 1)[1:] if recipient.start() else []
    after = bare[recipient.end():]
    phrase = (before[0] if before and before[0].strip() else after).strip(" ,.;!?")
    if phrase != after.strip(" ,.;!?"):  # "send it across to Lea": the verb's particle
        phrase = re.sub(r"\s+(?:over|across|along|back)$", "", phrase)
    phrase = _BY_MEANS.sub("", WHEN.sub(" ", phrase)).strip(" ,.;!?")
    phrase = " ".join(phrase.split())
    return phrase if phrase and is_reference(phrase, said_as_text=True) else ""
