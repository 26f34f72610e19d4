"""The values a request asks to type, and the numbers it sets or counts.

Values are found by their shape (`wording`: quotes, times, e-mails, phones, addresses) and
by the word that introduces them: a participle naming the item ("named", "called",
"titled", "saying"), a field noun before the value ("with phone 555-0100", "email x@y"),
"the FIELD is VALUE", "X's FIELD to VALUE", "the FIELD of X to VALUE". Which of them count
depends on the operation: a message and its recipient for sending, fields and their new
values for editing, the item's values for creating.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from planners.embedded.addressees import each_addressee as each_addressee  # re-exported
from planners.embedded.appositive_values import named_pairs
from planners.embedded.attachment import given_name, kept_value
from planners.embedded.message_values import send_slots
from planners.embedded.new_times import new_time
from planners.embedded.operations import Operation
from planners.embedded.owned import named_by_topic
from planners.embedded.references import HOW_LONG, Slot, is_reference, referenced
from planners.embedded.renaming import clause_value, re_field
from planners.embedded.streets import street_address
from planners.embedded.wording import (
    EMAIL,
    NAME_START,
    NAMES,
    PHONE,
    PRONOUNS,
    QUOTE,
    TIME,
    is_name_word,
    quoted,
    strip_quotes,
)

# "what day the party is", "when the party starts" (not "when I wake up": the speaker's own
# doings are shown nowhere)
_WH_VALUE = re.compile(rf"^(?:(?:what|which)\s+\w+|when(?!\s+(?:I|we)\b)|{HOW_LONG})\s+\w+.*$",
                       re.I)

# the word that introduces a value, and the field the value is for
_SLOT_WORDS = {
    "named": "name", "called": "name", "titled": "title", "labelled": "label",
    "labeled": "label", "saying": "message", "that says": "message", "says": "message",
    "containing": "text", "listing": "text", "with the text": "message", "with text": "message",
    "with body": "message", "with phone number": "phone", "with phone": "phone",
    "with number": "phone", "phone number": "phone", "phone": "phone",
    "with email address": "email", "with email": "email", "email address": "email",
    "email": "email", "with label": "label", "with note": "note", "with title": "title",
    "with address": "address", "with password": "password", "at": "time", "for": "time",
}
_FIELDS = frozenset(_SLOT_WORDS.values())
_SAID = ("message", "text")  # words said, to the end: no later slot word cuts them short
_SLOT_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _SLOT_WORDS), key=len, reverse=True))
                      + r")\s+", re.I)
# "the password is corpnet2024": a field noun, "is", one token of value
_FIELD_IS = re.compile(r"\bthe\s+([a-z]+(?:\s+[a-z]+)?)\s+is\s+([^\s,;.!?]+)\s*[.!]?$", re.I)
# "Lena's phone number to 555-0123", "Omar's last name: it's Haddad"
_FIELD_CHANGE = re.compile(
    r"'s\s+((?:[a-z]+\s+){0,2}[a-z]+?)\s*(?:\bto\b|:\s*it's|:\s*it is|\bis\b|\bshould be\b)\s+"
    r"(.+?)\s*[.!]?$", re.I)
# "the ringtone of my 7 AM alarm to 'Sunrise'": the field, its owner, the new value
_FIELD_OF = re.compile(r"^\w+\s+the\s+((?:[a-z]+\s+){0,2}[a-z]+?)\s+of\s+(.+?)\s+to\s+(.+?)"
                       r"\s*[.!]?$", re.I)
# "Keep Rosa Lind as a contact": a capitalised name, no digits, before "as"
_NAME_AS = re.compile(rf"^\w+\s+({NAME_START}[^\d,:;()]*?)\s+"
                      r"(?i:as\s+(?:an?\s+)?(?:new\s+)?[a-z]+)\b")
# "Add x@y.com as Dad's work email": the value, the owner, the field
_VALUE_AS_FIELD = re.compile(r"^\w+\s+(\S+)\s+as\s+(.+?)'s\s+([a-z ]+?)\s*[.!]?$", re.I)
# quoted words put on or in an item the person has ("jot 'call the vet' on my chores note"):
# they go into it; no field is named (an item named by a time is an alarm, set apart)
_QUOTE_INTO = re.compile(r"^\w+\s+[\"“'‘][^\"“”'‘’]+[\"”'’]\s+(?:on|onto|in|into|to)\s+"
                         r"(?:my|our)\s+(?!.*\d)(.+?)\s*[.!]?$", re.I)
# "add rye flour to my picnic note", "put eggs on my list too": the value, the item
_ADD_TO = re.compile(r"^\w+(?:\s+(?:down|up|in))?\s+(.+?)\s+(?:to|in|into|onto|at\s+the\s+(?:end|"
                     r"bottom|top|start)\s+of|on(?=\s+(?:my|our)\s))\s+(?:my\s+|our\s+|the\s+)?(.+?)"
                     r"(?:\s+(?:too|also|as\s+well))?\s*$", re.I)
_MADE_ON = re.compile(r"\s+on\s", re.I)
_NEW = re.compile(r"(?:an?|new|another)\s", re.I)
# "my packing list", "our trip": what the person has (an item, or a value kept elsewhere),
# never words to type: written into an item it would put the request's own words there
_OWNED = re.compile(r"^(?:my|our)\s", re.I)


def _valid(name: str, value: str) -> bool:
    shapes = {"phone": PHONE, "email": EMAIL, "time": TIME}
    return bool(shapes[name].fullmatch(value.strip())) if name in shapes else bool(value)


def keyword_slots(text: str) -> list[Slot]:
    """Values introduced by a slot word, each running up to the next slot word that
    introduces one; words said ("saying ...") run on past one that introduces none."""
    bare = strip_quotes(text)
    matches = [m for m in _SLOT_RE.finditer(bare)  # "Rosa's phone": a noun, not a slot word
               if not bare[: m.start()].rstrip().endswith("'s")]
    slots: list[Slot] = []
    end = len(bare)
    for i, m in reversed(list(enumerate(matches))):  # from the last ("stored at the garage")
        value = bare[m.end(): end].strip(" ,.;:!?")
        value = re.sub(r"^(to|is)\s+", "", value, flags=re.I)
        value = re.sub(r"\s+(and|to|in|on)$", "", value, flags=re.I).strip()
        name = _SLOT_WORDS[m.group(1).lower()]
        if name == "time" and (at := TIME.match(value)) is not None:
            value = at.group(0)  # "at 7 am every Monday": the time, not what follows it
        if _valid(name, value) or _WH_VALUE.match(value):  # "for what time the match
            slots.insert(0, Slot(name, value))  # starts": a value to read, then type
            end = m.start()
        elif i and _SLOT_WORDS[matches[i - 1].group(1).lower()] not in _SAID:
            end = m.start()
    if (m := _FIELD_IS.search(bare)) is not None:
        slots.append(Slot(m.group(1).lower(), m.group(2)))
    return slots + [Slot(*named) for named in [given_name(bare)] if named]


def shaped_values(text: str, have: list[Slot]) -> list[Slot]:
    """E-mails, phone numbers and addresses written anywhere in the request."""
    names = {s.name for s in have}
    bare = strip_quotes(text)
    out = []
    if "email" not in names and (m := EMAIL.search(bare)):
        out.append(Slot("email", m.group(0)))
    if "phone" not in names and (m := PHONE.search(bare)):
        out.append(Slot("phone", m.group(0)))
    if "address" not in names and (found := street_address(TIME.sub(" ", bare))):
        out.append(Slot("address", found))
    return out


def field_changes(text: str) -> tuple[list[Slot], list[str]]:
    """EDIT requests: (slots with the new values, the item's names). A field named by a
    word of no kind we know ("her cell", "his mobile"), or an "address", with a phone
    number or an e-mail for its value is the field of that shape."""
    slots, names = _field_changes(text)
    return [_by_shape(s) for s in slots], names


def _by_shape(slot: Slot) -> Slot:
    if slot.name in _FIELDS - {"address"}:  # an address may be a street's or an e-mail's
        return slot
    shapes = (("phone number", PHONE), ("email", EMAIL))
    return next((replace(slot, name=name) for name, shape in shapes
                 if shape.fullmatch(slot.value)), slot)


def _field_changes(text: str) -> tuple[list[Slot], list[str]]:
    said = quoted(text)
    m = re.search(r"^\w+\b.*?[\"“'‘](.+?)[\"”'’]\s+(?:to|as)\s+[\"“'‘](.+?)[\"”'’]", text)
    if m:
        return [Slot("title", m.group(2))], [m.group(1)]
    if (renamed := re_field(text, _FIELDS)) is not None:
        return [Slot(renamed[0], renamed[1])], [renamed[2]]  # "relabel my alarm to Run"
    if (m := _VALUE_AS_FIELD.match(text)) is not None:
        return [Slot(m.group(3).strip(), m.group(1))], [m.group(2)]
    if (m := _FIELD_CHANGE.search(text)) is not None:
        value = m.group(2).strip(" '\"“”‘’")
        owner = text[: m.start()].split()
        names = [w for w in owner if is_name_word(w)][1:] or owner[-1:]
        return [Slot(m.group(1).strip(), value)], [" ".join(names)]
    if (m := _FIELD_OF.match(text)) is not None:
        owner = re.sub(r"^(?:my|the|this|that)\s+", "", m.group(2), flags=re.I)
        return [Slot(m.group(1).strip(), clause_value(m.group(3)))], [owner]
    if len(said) == 1 and (m := _QUOTE_INTO.match(text)) is not None:
        return [Slot("text", said[0], append=True)], [m.group(1)]
    if said:
        return [Slot("label", said[-1])], []
    return [], []


# a verb made of "re" and the field it sets ("rename", "retitle"), the item, its new value
def _names_field_value(text: str, op: Operation) -> bool:
    """"VERB the FIELD of ITEM to VALUE" with a value that is words, not a level ("to 40%"):
    a field of an item gets a new value, whatever the verb says."""
    m = _FIELD_OF.match(text)
    return op in (Operation.SET_VALUE, Operation.DO) and m is not None and (
        bool(quoted(text)) or not re.search(r"\d", m.group(3)))


def slot_words() -> re.Pattern[str]:
    return _SLOT_RE


def _create_slots(text: str, slots: list[Slot], is_container: Callable[[str], bool]
                  ) -> tuple[Operation, list[Slot], list[str]]:
    """CREATE: the item's values; "add X to an existing item" is an edit that appends."""
    said = quoted(text)
    if not said and (kept := kept_value(text, is_container)) is not None:  # read elsewhere
        return Operation.CREATE, [*slots, Slot(*kept, ref=True)], []
    m = _ADD_TO.match(strip_quotes(text))
    if m is not None and _MADE_ON.match(text[m.end(1):]) and _NEW.match(m.group(1)):
        m = None  # "set an alarm on my birthday": a new item made for a day, written nowhere
    if m is not None and any(_SLOT_WORDS[w.group(1).lower()] in _SAID
                             for w in _SLOT_RE.finditer(m.group(1))):
        m = None  # "a note saying the saw is in the shed": the place is among the words
    # "put the gate code in a note": what a new item says is its text, a value to read
    new = m is not None and _NEW.match(m.group(2)) is not None
    if m is not None and not said and is_reference(m.group(1), said_as_text=new):
        slot = Slot("text", m.group(1), append=not new, ref=True)
        titled = [s for s in slots if s.name in ("name", "title")]
        return (Operation.CREATE, [*titled, slot], []) if new else (
            Operation.EDIT, [slot], [named_by_topic(m.group(2))])
    if said and len(said) == 1:  # "add 'eggs' to my list": the quoted words are what is added
        m = _ADD_TO.match(QUOTE.sub(lambda q: q.group(1), text))
        m = m if m is not None and m.group(1).strip() == said[0] else None
    if m is not None and not re.match(r"(?:an?|new|another)\s", m.group(2), re.I):
        values = shaped_values(m.group(1), [])
        if values:
            name = re.sub(r"\(.*?\)|" + "|".join(re.escape(v.value) for v in values), " ",
                          m.group(1))
            return Operation.CREATE, [Slot("name", " ".join(name.split())), *values], []
        values = [v for v in shaped_values(m.group(2), []) if v.name in _PERSONAL]
        if values and re.fullmatch(NAMES, m.group(1)):  # "add Ola Berg to my contacts with
            #   the number X": the values belong to the person added, not to the place
            return Operation.CREATE, [Slot("name", m.group(1)), *values], []
        if _OWNED.match(m.group(1)) or m.group(1).lower() in PRONOUNS:  # "pin my X to the
            return Operation.DO, [], []  # top", "use it on my basket": a thing of the
            #   person's is moved or used; its name is no text to write into another
        if not TIME.search(m.group(1)) and not is_container(m.group(2)):
            return Operation.EDIT, [Slot("text", m.group(1), append=True)], [
                named_by_topic(m.group(2))]  # "the list for the party": the party list
    if (v := _VALUE_AS_FIELD.match(text)) is not None:
        return Operation.EDIT, [Slot(v.group(3).strip(), v.group(1))], [v.group(2)]
    if not any(s.name == "name" for s in slots) and (m := _NAME_AS.match(strip_quotes(text))):
        slots.insert(0, Slot("name", m.group(1)))
    if not any(s.name in ("name", "title") for s in slots) and any(
            s.name in _PERSONAL for s in [*slots, *shaped_values(text, slots)]):
        person = _person(text, slots)
        if person:
            slots.insert(0, Slot("name", person))
    named = {s.value for s in slots}
    rest = [q for q in said if q not in named]
    if rest and not any(s.name in ("title", "name") for s in slots) and len(said) > 1:
        slots.insert(0, Slot("title", rest.pop(0)))
    if rest and not any(s.name in ("message", "text") for s in slots):
        slots.append(Slot("text", rest[0]))
    elif rest and not any(s.name == "title" for s in slots):
        slots.insert(0, Slot("title", rest[0]))
    return Operation.CREATE, slots, []


_PERSONAL = ("phone", "email")  # values that belong to a person


def _person(text: str, slots: Sequence[Slot]) -> str:
    """The name of a new record given a phone number or an e-mail (it is someone's): the
    longest run of name words after the verb that is no part of a value ("Save a new
    contact: Ines Duarte, 555-0133" -> "Ines Duarte")."""
    bare = strip_quotes(text)
    for slot in slots:
        bare = bare.replace(slot.value, " ")
    for v in shaped_values(bare, []):
        bare = bare.replace(v.value, " ")
    rest = bare.split(None, 1)[1] if len(bare.split()) > 1 else ""
    found = [re.sub(r"['’]s$", "", m.group(0)) for m in re.finditer(NAMES, rest)]
    return max(found, key=len, default="")  # "Lea Marn's mobile": the owner's name alone


def slots_for(text: str, op: Operation, is_container: Callable[[str], bool]
              ) -> tuple[Operation, list[Slot], list[str]]:
    """(the operation, as the values may refine it; the values to type; item names that
    the values' wording adds). `is_container(phrase)`: "add X to PHRASE" puts X in a place
    (a cart) rather than appending it to an item's text."""
    slots = keyword_slots(text) if op is not Operation.ANSWER else []
    extra: list[str] = []
    if (timed := new_time(strip_quotes(text), op, is_container)) is not None:
        return Operation.EDIT, [Slot("time", timed[1])], [timed[0]]
    if op is Operation.SEND:
        slots = send_slots(text) + [
            s for s in slots if s.name not in ("message", "phone", "time", "text")]
    elif op is Operation.EDIT or _names_field_value(text, op) or re_field(text, _FIELDS):
        changes, extra = field_changes(text)  # "set the snooze of my alarm to 'Ten'": an
        slots = changes or slots  # edit of the item's field, whatever the verb
        op = Operation.EDIT
    elif op is Operation.CREATE:
        op, slots, extra = _create_slots(text, slots, is_container)
        if extra:
            return op, [referenced(s, quoted(text)) for s in slots], extra
    if op in (Operation.CREATE, Operation.EDIT, Operation.DO, Operation.DELETE):
        typed = {s.value for s in slots}
        slots += [v for v in shaped_values(text, slots) if v.value not in typed]
    named = [Slot(field, value) for field, value in named_pairs(text)]  # `appositive_values`
    if named and not any(s.name == "to" for s in slots):  # what goes where, as the words say
        values = {n.value for n in named}
        slots = [*named, *(s for s in slots if s.value not in values)]
    said = quoted(text)
    return op, list(dict.fromkeys(referenced(s, said) for s in slots)), extra
