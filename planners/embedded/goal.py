"""Goal parsing with generic intent rules: what to do, to what, with which values.

Nothing here knows any app: the rules read English task phrasing (verbs, quoted text,
"named X", "with phone X", "X's email to Y", "to 30%", question words) and produce a `Goal`
that the planner grounds on whatever screens exist. `split_goal` cuts a task with several
parts ("do X, then Y", "do X and turn on Y") into sub-goals done in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


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


@dataclass(frozen=True)
class Slot:
    """A value the goal asks to type, and what it is (used to pick the field)."""

    name: str  # e.g. "name", "phone", "message", "time"
    value: str
    append: bool = False  # add to what the field holds instead of replacing it


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
    value_type: str | None = None  # ANSWER: email | phone | version | time | date | price | count
    verb: str = ""  # the goal's leading verb, lower case ("delete", "call", "start")
    quantity: int | None = None  # how many of the item ("two cables", "3 yoga mats")

    @property
    def phrases(self) -> tuple[str, ...]:
        """Texts to embed and compare with element labels, most specific first."""
        out = [p for p in (self.target, self.text, *self.entities) if p]
        return tuple(dict.fromkeys(out))


_QUOTE = re.compile(r"(?<!\w)[\"“”'‘’]([^\"“”‘’]+?)[\"“”'‘’](?=\s|$|[.,!?;:)])")
_TIME = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b\.?|\b(\d{1,2}):(\d{2})\b", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w-])\+?\d[\d-]{3,}\d(?![\w-])")
_CAPS = r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*"
_ADDRESS = re.compile(rf"\b\d+\s+{_CAPS}(?:,\s*{_CAPS})*")  # "12 Oak Street, Springfield"
_NUMBER = re.compile(r"(-?\d+(?:\.\d+)?)\s*(%|percent\b)?", re.I)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}
_EXTREMES = (
    (re.compile(r"\b(all the way up|to (the )?max(imum)?|maximum|to full|fully up|highest)\b",
                re.I), 100.0),
    (re.compile(r"\b(all the way down|to (the )?min(imum)?|minimum|lowest)\b", re.I), 0.0),
)
_QUESTION_START = re.compile(
    r"^(what|what's|which|how|when|who|whom|whose|where|why|is|are|does|do|did|can|has|have|"
    r"tell me|find out|check (?:what|which|whether|if|how))\b",
    re.I,
)
_TOGGLE_ON = re.compile(
    r"^(?:turn|switch|toggle|set)\s+on\b|^(?:enable|activate|start using)\b", re.I
)
_TOGGLE_OFF = re.compile(
    r"^(?:turn|switch|toggle|set)\s+off\b|^(?:disable|deactivate|stop using)\b", re.I
)
_TRAILING_STATE = re.compile(r"\b(on|off)\s*[.!]?$", re.I)
# "put the phone in airplane mode", "switch the phone to dark theme": a mode is turned on
_INTO_MODE = re.compile(r"^(?:put|switch|set|change)\b.*\b(?:in|into|to)\s+(.+?\b(?:mode|theme))"
                        r"\s*[.!]?$", re.I)
_VERB_INTENTS: tuple[tuple[re.Pattern[str], Intent], ...] = (
    (re.compile(r"^(delete|remove|erase|clear|discard|uninstall|take)\b", re.I), Intent.DELETE),
    (re.compile(r"^(send|text|message|reply|email|tell|write to)\b", re.I), Intent.SEND),
    (re.compile(r"^(rename|edit|update|fix|correct|label|change)\b", re.I), Intent.EDIT),
    (re.compile(r"^(add|create|new|make|save|schedule|set up|compose|write|note|i need|"
                r"i want|i'd like)\b", re.I),
     Intent.CREATE),
    (re.compile(r"^(set|adjust|increase|decrease|raise|lower|turn)\b", re.I), Intent.SET_VALUE),
    (re.compile(r"^(open|launch|go to|show|view|display|navigate to)\b", re.I), Intent.OPEN),
)
# "named X", "with phone X", "saying X", "titled X": the value runs to the next keyword.
_SLOT_WORDS = {
    "named": "name",
    "called": "name",
    "titled": "title",
    "saying": "message",
    "that says": "message",
    "says": "message",
    "containing": "text",
    "with the text": "message",
    "with text": "message",
    "with body": "message",
    "with phone number": "phone",
    "with phone": "phone",
    "with number": "phone",
    "phone number": "phone",
    "phone": "phone",
    "with email address": "email",
    "with email": "email",
    "email address": "email",
    "email": "email",
    "with label": "label",
    "labelled": "label",
    "labeled": "label",
    "with note": "note",
    "with title": "title",
    "with address": "address",
    "ship it to": "address",
    "ship to": "address",
    "deliver it to": "address",
    "deliver to": "address",
    "password is": "password",
    "with password": "password",
    "at": "time",
    "for": "time",
}
_SLOT_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in _SLOT_WORDS), key=len, reverse=True)) + r")\s+",
    re.I,
)
# "Ivan's phone number to 555-0177", "Jamal's first name: it's Jamaal", "X as Mom's email"
_FIELD_CHANGE = re.compile(
    r"'s\s+((?:[a-z]+\s+){0,2}[a-z]+?)\s*(?:\bto\b|:\s*it's|:\s*it is|\bis\b|\bshould be\b)\s+"
    r"(.+?)\s*[.!]?$", re.I)
# "Change the ringtone of my 7 AM alarm to 'Sunrise'": the field, its owner, the new value
_FIELD_OF = re.compile(r"^(?:change|set|update|make)\s+the\s+((?:[a-z]+\s+){0,2}[a-z]+?)\s+of\s+"
                       r"(.+?)\s+to\s+(.+?)\s*[.!]?$", re.I)
# "Save Yuki Sato as a new contact", "Add Dr. Ito as a contact": a capitalised name, no digits
_SAVE_AS = re.compile(r"^(?i:save|add|store|create)\s+([A-Z][^\d,:;()]*?)\s+"
                      r"(?i:as\s+(?:an?\s+)?(?:new\s+)?(?:contact|person|entry))\b")
_VALUE_AS_FIELD = re.compile(r"^\w+\s+(\S+)\s+as\s+(.+?)'s\s+([a-z ]+?)\s*[.!]?$", re.I)
_FILLER_WORDS = (
    "a an the my this that these those to for of on in at with and please me it its is are "
    "be all any some many much phone's device's app's your i i'll i'm i've it's then her him "
    "them too just not"
)
_FILLER = frozenset(_FILLER_WORDS.split())
_VALUE_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"\be-?mail\b", re.I)),
    ("version", re.compile(r"\bversion\b", re.I)),
    ("count", re.compile(r"\bhow many\b", re.I)),
    ("percent", re.compile(r"\b(battery|percent|percentage|level)\b", re.I)),
    ("price", re.compile(r"\b(price|cost|how much|total)\b", re.I)),
    ("time", re.compile(r"\b(what time|when)\b", re.I)),
    ("code", re.compile(r"\b(order number|code|password|pin|reference)\b", re.I)),
    ("phone", re.compile(r"\b(phone number|number|mobile|call)\b", re.I)),
    ("date", re.compile(r"\b(date|day|birthday)\b", re.I)),
)
_TIME_WORDS = frozenset(("am", "pm", "a.m.", "p.m."))
_VERB_TEXT = (
    "turn switch toggle enable disable activate deactivate set change adjust increase decrease "
    "raise lower delete remove erase clear discard add create new make save schedule send text "
    "message reply tell open launch go show view display navigate find what which how when who "
    "whom whose where why does do did can has have up off on put take rename edit fix label "
    "what's it's i'll i'm"
)
_VERB_WORDS = frozenset(_VERB_TEXT.split())
_NOT_ENTITIES = frozenset(
    ("what", "what's", "which", "how", "when", "who", "where", "why", "i", "i'll", "it", "it's",
     "is", "the", "a", "my", "this", "that")
)
_SPLIT = re.compile(
    r",?\s+then\s+|,?\s+and then\s+|,?\s+and\s+(?=(?:turn|switch|set|enable|disable|open|"
    r"text|send|call|add|create|delete|remove|start|stop|make|pop|tap|press|play)\b)",
    re.I,
)
_PRONOUN = re.compile(r"\b(her|him|them|it)\b", re.I)


def split_goal(text: str) -> list[str]:
    """The parts of a task done one after the other ("X, then Y"); pronouns in later parts
    ("text her") are replaced by the first part's name."""
    parts = [p.strip(" ,.;") for p in _SPLIT.split(" ".join(text.split())) if p.strip(" ,.;")]
    if len(parts) < 2:
        return [text]
    first = parse_goal(parts[0])
    name = next((s.value for s in first.slots if s.name in ("name", "to")), "")
    name = name or next((e for e in first.entities if " " in e), "")
    if name:
        parts = [parts[0], *(_PRONOUN.sub(name, p, count=1) for p in parts[1:])]
    return parts


def canonical_time(text: str) -> str | None:
    """'7 AM' -> '7:00 AM', '9:15 pm' -> '9:15 PM', '8:30' -> '8:30'; None when no time."""
    m = _TIME.search(text)
    if not m:
        return None
    if m.group(1):
        ampm = m.group(3).upper() + "M"
        return f"{int(m.group(1))}:{m.group(2) or '00'} {ampm}"
    return f"{int(m.group(4))}:{m.group(5)}"


def _quoted(text: str) -> list[str]:
    return [m.group(1).strip() for m in _QUOTE.finditer(text)]


def _strip_quotes(text: str) -> str:
    return _QUOTE.sub(" ", text)


def _valid(name: str, value: str) -> bool:
    if name == "phone":
        return bool(_PHONE.fullmatch(value.strip()))
    if name == "email":
        return bool(_EMAIL.fullmatch(value.strip()))
    if name == "time":
        return bool(_TIME.fullmatch(value.strip()))
    return bool(value)


def _slots(text: str) -> list[Slot]:
    """Values introduced by a slot keyword, each running up to the next keyword."""
    bare = _strip_quotes(text)
    matches = list(_SLOT_RE.finditer(bare))
    slots: list[Slot] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(bare)
        value = bare[m.end() : end].strip(" ,.;:!?")
        value = re.sub(r"^(to|is)\s+", "", value, flags=re.I)
        value = re.sub(r"\s+(and|to|in|on)$", "", value, flags=re.I).strip()
        name = _SLOT_WORDS[m.group(1).lower()]
        if _valid(name, value) and (name != "text" or value):
            slots.append(Slot(name, value))
    return slots


def _typed_values(text: str, slots: list[Slot]) -> list[Slot]:
    """Emails and phone numbers written anywhere in the goal are values to type."""
    have = {s.name for s in slots}
    bare = _strip_quotes(text)
    out = []
    if "email" not in have and (m := _EMAIL.search(bare)):
        out.append(Slot("email", m.group(0)))
    if "phone" not in have and (m := _PHONE.search(bare)):
        out.append(Slot("phone", m.group(0)))
    if "address" not in have and (m := _ADDRESS.search(_TIME.sub(" ", bare))):
        out.append(Slot("address", m.group(0)))
    return out


def _send_slots(text: str, quoted: list[str]) -> list[Slot]:
    """Recipient ("text Anna", "send ... to Anna", "reply to Mom: ...") and message."""
    bare = _strip_quotes(text)
    slots: list[Slot] = []
    name = r"([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*|\+?\d[\d-]{3,}\d)"
    m = re.search(r"\bto\s+" + name, bare) or re.match(
        r"^\s*(?i:text|message|email|tell|reply to|write to|send)\s+" + name, bare)
    if m:
        slots.append(Slot("to", m.group(1).strip()))
    if quoted:
        slots.append(Slot("message", quoted[0]))
    elif (colon := re.search(r":\s*(.+?)\s*$", text)) is not None:
        slots.append(Slot("message", colon.group(1)))
    return slots


def _field_changes(text: str, quoted: list[str]) -> tuple[list[Slot], list[str]]:
    """EDIT goals: (slots with the new values, the item's names)."""
    m = re.search(r"\b(?:rename|change|label)\b.*?[\"“'‘](.+?)[\"”'’]\s+(?:to|as)\s+[\"“'‘](.+?)"
                  r"[\"”'’]", text, re.I)
    if m:
        return [Slot("title", m.group(2))], [m.group(1)]
    if (m := _VALUE_AS_FIELD.match(text)) is not None:
        return [Slot(m.group(3).strip(), m.group(1))], [m.group(2)]
    if (m := _FIELD_CHANGE.search(text)) is not None:
        value = m.group(2).strip(" '\"“”‘’")
        owner = text[: m.start()].split()
        names = [w for w in owner if w[:1].isupper()][1:] or owner[-1:]
        return [Slot(m.group(1).strip(), value)], [" ".join(names)]
    if (m := _FIELD_OF.match(text)) is not None:
        owner = re.sub(r"^(?:my|the|this|that)\s+", "", m.group(2), flags=re.I)
        return [Slot(m.group(1).strip(), m.group(3).strip(" '\"“”‘’"))], [owner]
    if quoted:
        return [Slot("label", quoted[-1])], []
    return [], []


def _value_type(text: str) -> str | None:
    for name, pattern in _VALUE_TYPES:
        if pattern.search(text):
            return name
    return None


def _intent(text: str) -> tuple[Intent, bool | None]:
    t = text.strip()
    if _QUESTION_START.match(t) or t.endswith("?"):
        return Intent.ANSWER, None
    if _TOGGLE_ON.match(t) or _INTO_MODE.match(t):
        return Intent.TOGGLE, True
    if _TOGGLE_OFF.match(t):
        return Intent.TOGGLE, False
    trailing = _TRAILING_STATE.search(t)
    if trailing and re.match(r"^(turn|switch|toggle|set|put)\b", t, re.I):
        return Intent.TOGGLE, trailing.group(1).lower() == "on"
    for pattern, intent in _VERB_INTENTS:
        if pattern.match(t):
            return intent, None
    return Intent.DO, None


def _number(text: str) -> tuple[float | None, bool]:
    for pattern, value in _EXTREMES:
        if pattern.search(text):
            return value, True
    m = re.search(r"\bto\s+" + _NUMBER.pattern, text, re.I)
    if not m:
        return None, False
    return float(m.group(1)), bool(m.group(2))


def _quantity(text: str, slots: list[Slot]) -> int | None:
    """How many items: a count word before a noun ("two cables", "3 yoga mats"), not a time,
    a duration, part of a name ("Flip 5") or a typed value."""
    bare = _strip_quotes(text)
    for slot in slots:
        bare = bare.replace(slot.value, " ")
    bare = _TIME.sub(" ", bare)
    for m in re.finditer(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                         r"(?!(?:am|pm|minutes?|hours?|seconds?|points?)\b)[a-z-]+", bare, re.I):
        word = m.group(1).lower()
        value = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        before = bare[: m.start()].split()
        named = len(before) > 1 and before[-1][:1].isupper()
        if value < 100 and not named:
            return value
    return None


def _entities(text: str, quoted: list[str], slots: list[Slot]) -> list[str]:
    """Names and topics to find in lists: capitalised words, "about X", "(the X)", times."""
    bare = _strip_quotes(text)
    found: list[str] = []
    for m in re.finditer(r"\b(?:about|regarding|from|conversation with|chat with)\s+"
                         r"(?:the\s+|my\s+)?([\w' -]+?)(?:[.?!,(]|\s+(?:from|to|in|by)\b|$)",
                         bare, re.I):
        found.append(m.group(1).strip())
    for m in re.finditer(r"\((?:the\s+)?([^)]+)\)", bare):
        found.append(m.group(1).strip())
    for m in re.finditer(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w'-]*)*)'s\b", bare):
        found.append(m.group(1))
    for m in re.finditer(r"(?<!^)\b([A-Z][\w'ë-]*(?:\s+[A-Z][\w'ë-]*)+)", bare):
        found.append(m.group(1))
    words = bare.split()
    for i, word in enumerate(words):
        clean = re.sub(r"'s$", "", word.strip(".,!?;:'\"()"))
        capital = i > 0 and clean[:1].isupper()
        if (capital and clean.lower() not in _VERB_WORDS | _TIME_WORDS) or re.fullmatch(
                r"\d{4,}", clean):
            found.append(clean)
    time = canonical_time(bare)
    if time is not None and not any(s.name == "time" for s in slots):
        found.append(time)
    found.extend(s.value for s in slots if s.name in ("name", "to", "title"))
    found.extend(quoted)
    found = [re.sub(r"'s$", "", f) for f in found]
    return list(dict.fromkeys(
        f for f in found if f and f.lower() not in _NOT_ENTITIES
        and f.split()[0].lower() not in _VERB_WORDS))


def _target(text: str, slots: list[Slot], quoted: list[str]) -> str:
    """The goal without its leading verb, slot clauses, values and filler words."""
    bare = _strip_quotes(text)
    for slot in slots:
        bare = bare.replace(slot.value, " ")
    if slots:
        bare = _SLOT_RE.sub(" ", bare)
    bare = re.sub(r"\b\d+(?:[.:]\d+)?\s*(%|percent\b|[ap]\.?m\b\.?)?(?!\w)", " ", bare, flags=re.I)
    words = [w.strip(".,!?;:'\"()") for w in bare.split()]
    words = [re.sub(r"'s$", "", w) for w in words if w]
    kept = [w for w in words if w and w.lower() not in _FILLER and w.lower() not in _VERB_WORDS]
    return " ".join(kept)


def _intent_slots(text: str, intent: Intent, quoted: list[str]
                  ) -> tuple[Intent, list[Slot], list[str]]:
    """The values to type for this intent, and names the intent itself adds."""
    slots = _slots(text) if intent is not Intent.ANSWER else []
    extra: list[str] = []
    if intent is Intent.SEND:
        slots = _send_slots(text, quoted) + [
            s for s in slots if s.name not in ("message", "phone", "time", "text")]
    elif intent is Intent.EDIT:
        changes, extra = _field_changes(text, quoted)
        slots = changes or slots
    elif intent is Intent.CREATE and (m := re.match(r"^add\s+(.+?)\s+to\s+(?:my\s+|the\s+)?"
                                                    r"(.+?)\s*$", _strip_quotes(text), re.I)):
        values = _typed_values(m.group(1), [])
        if values:
            name = re.sub(r"\(.*?\)|" + "|".join(re.escape(v.value) for v in values), " ",
                          m.group(1))
            return Intent.CREATE, [Slot("name", " ".join(name.split())), *values], []
        if not re.search(r"\b(cart|basket|bag)\b", m.group(2)):
            return Intent.EDIT, [Slot("text", m.group(1), append=True)], [m.group(2)]
        if (v := _VALUE_AS_FIELD.match(text)) is not None:
            return Intent.EDIT, [Slot(v.group(3).strip(), v.group(1))], [v.group(2)]
    elif (v := _VALUE_AS_FIELD.match(text)) is not None and intent is Intent.CREATE:
        return Intent.EDIT, [Slot(v.group(3).strip(), v.group(1))], [v.group(2)]
    if (intent is Intent.CREATE and not any(s.name == "name" for s in slots)
            and (m := _SAVE_AS.match(_strip_quotes(text)))):
        slots.insert(0, Slot("name", m.group(1)))  # "Save Yuki Sato as a new contact: ..."
    if intent is Intent.CREATE and quoted:
        named = {s.value for s in slots}
        rest = [q for q in quoted if q not in named]
        if rest and not any(s.name in ("title", "name") for s in slots) and len(quoted) > 1:
            slots.insert(0, Slot("title", rest.pop(0)))
        if rest and not any(s.name in ("message", "text") for s in slots):
            slots.append(Slot("text", rest[0]))
        elif rest and not any(s.name == "title" for s in slots):
            slots.insert(0, Slot("title", rest[0]))
    if intent in (Intent.CREATE, Intent.EDIT, Intent.DO, Intent.DELETE):
        typed = {s.value for s in slots}
        slots += [v for v in _typed_values(text, slots) if v.value not in typed]
    return intent, slots, extra


@lru_cache(maxsize=256)
def parse_goal(text: str) -> Goal:
    """Read a task sentence into a `Goal`; never fails (unknown phrasing -> Intent.DO)."""
    text = " ".join(text.split())
    intent, desired = _intent(text)
    quoted = _quoted(text)
    number, percent = (None, False)
    if intent is Intent.SET_VALUE:
        number, percent = _number(text)
        if number is None:
            intent = Intent.CREATE if re.match(r"^(set|schedule)\b", text, re.I) else Intent.DO
    intent, slots, extra = _intent_slots(text, intent, quoted)
    if intent is Intent.SET_VALUE and slots:
        intent = Intent.EDIT
    slots = list(dict.fromkeys(slots))
    entities = extra + [e for e in _entities(text, quoted, slots)
                        if not any(e in s.value for s in slots if s.name == "address")]
    if intent in (Intent.DELETE, Intent.DO, Intent.OPEN, Intent.TOGGLE):
        slots = [s for s in slots if s.name in ("password", "address")]
    verb = re.sub(r"[^a-z]", "", text.split()[0].lower()) if text else ""
    return Goal(
        text=text,
        intent=intent,
        target=_target(text, slots, quoted) or " ".join(entities) or text,
        desired=desired,
        number=number,
        percent=percent,
        slots=tuple(slots),
        entities=tuple(dict.fromkeys(entities)),
        value_type=_value_type(text) if intent is Intent.ANSWER else None,
        verb=verb,
        quantity=_quantity(text, slots) if intent not in (Intent.ANSWER,) else None,
    )
