"""Goal understanding: a request becomes a typed `Goal` (what to do, to what, with which
values, under which constraints, what to answer).

It is read in three passes, none of which knows an app or a task's words:
1. the manner (`wording`): courtesy is set aside ("could you please ... ?"), and the
   request is an order, a question ("is nfc on?") or the state wanted ("wifi should
   be off", "I'd like silent mode");
2. the meaning (`operations`): the sentence model compares the verb phrase and the clause
   with short descriptions of each kind of operation, and superlatives with descriptions of
   orders ("the priciest" is the highest price), so unlisted verbs need no entry;
3. the values (`slots`, `wording`): quoted text, times, e-mails, phone numbers, addresses,
   names, possessives, counts, and the field each value is for.
`split_goal` cuts a request ("do X, then Y") into parts done in order (where: `parts`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from planners.embedded import amounts, cards, objects, owned, restated, spoken_times
from planners.embedded import days as weekdays
from planners.embedded import parts as parts_of
from planners.embedded import slots as values
from planners.embedded.appositive_values import named_pairs
from planners.embedded.asked import ValueKinds, asked_state, owner_asked
from planners.embedded.asking import Manner, Mood, caps_count, keeps, manner
from planners.embedded.counts import changes_count
from planners.embedded.encoder import TextEncoder, default_encoder
from planners.embedded.field_values import field_value
from planners.embedded.goal_types import Goal, Intent, Scope
from planners.embedded.operations import Operation, Rank, RankReader, Reading, operation_reader
from planners.embedded.reported import ReportedSpeech
from planners.embedded.slots import Slot, each_addressee
from planners.embedded.spoken_times import canonical_time
from planners.embedded.states import LEVELS, level_after_object, split_state, verb_of
from planners.embedded.wording import (
    closed_class,
    heads_only,
    object_article,
    particle_state,
    quoted,
    strip_quotes,
    verb_phrase,
    without_courtesy,
)

__all__ = ["Goal", "GoalReader", "Intent", "Mood", "Rank", "Scope", "Slot", "canonical_time",
           "parse_goal", "split_goal"]


_TOGGLES = {Operation.TURN_ON: True, Operation.TURN_OFF: False}
_INTENTS = {Operation.TURN_ON: Intent.TOGGLE, Operation.TURN_OFF: Intent.TOGGLE,
            **{op: Intent(op.value) for op in Operation if op not in _TOGGLES}}
_SETTINGS = (Operation.TURN_ON, Operation.TURN_OFF, Operation.SET_VALUE, Operation.EDIT,
             Operation.DO, Operation.OPEN)  # kinds whose "on"/"off" particle is the state
_BRINGS_ABOUT = (*_SETTINGS, Operation.CREATE)  # kinds that an indefinite object makes new
_PLACING = (Operation.DELETE, Operation.DO)  # kinds whose verb may still put a thing somewhere
_ON_OWN = re.compile(r"\s(?:on|onto|in|into)\s+(?:my|our)\s+[a-z][a-z -]*$", re.I)  # theirs
_TAKEN_FROM = re.compile(r"\s(?:from|out\s+of|off)\s", re.I)
_INDEFINITE = closed_class("a an new another some one two three four five")
_NEW_ONE = re.compile(r"\b(?:another|(?:a|an)\s+(?:new|second|fresh|extra))\b", re.I)
_NEW_NAMED = re.compile(rf"{_NEW_ONE.pattern}\s+[\w-]+\s+(?:called|named|titled)\b", re.I)  # made
_DEFINITE = closed_class("the my this that our your his her their")
DO_BELOW = 0.3  # a request matching no operation better than this is the item's own verb
# what a mode is like, and how like it a phrase must be: a theme is also named by how it
# looks ("the black style")
_MODES = (("a mode or theme of the phone, such as silent mode", 0.3),
          ("a light or dark colour theme", 0.45))
_CONTAINER = ("a shopping cart or basket of products to buy", "a note or list of text")
_COMPLEMENT = re.compile(r"\b(?:to|as|for|into|at)\b", re.I)  # what a value is set to
_ALL = re.compile(r"\b(?<!after\s)(?<!at\s)(?:all|every|each|everything|everyone)\b"
                  r"(?!\s+(?:the\s+way|right)\b)", re.I)  # "all" in an idiom is no quantity
_TYPING = frozenset({Intent.EDIT, Intent.SEND, Intent.CREATE})  # intents that type values
_SCHEDULED = frozenset({Intent.CREATE, Intent.EDIT, Intent.DO, Intent.SET_VALUE})  # kinds that
#   may set the days an item repeats on
# a thing, what is done to it, and where it goes: "the list copied to Bo"
_DONE_TO = re.compile(r"^(.+?)\s+([a-z]{3,}ed)\s+((?:in|on|into|onto|to|as)\s.+)$", re.I)
# "add the mug to the cart", "save the note as a PDF": a definite item put somewhere, or
# made into something new, is still a creation
_PLACED = re.compile(r"\b(?:(?:to|in|into|onto)\s+(?:the|my|a|an|your|our)|as\s+(?:a|an))\b",
                     re.I)


def _told(op: Operation, reading: Reading) -> bool:
    """A verb of telling ("tell", "let X know") takes a person and what is said, maybe a value
    to look up: a place after it ("in the store") is where that value is, no container."""
    return Operation.SEND in (op, reading.verb_says)


class GoalReader:
    """Parses requests with one encoder (the descriptions are embedded once)."""

    def __init__(self, encoder: TextEncoder) -> None:
        self.encoder = encoder
        self.operations = operation_reader(encoder)
        self.ranks = RankReader(encoder)
        self.kinds = ValueKinds(encoder)
        self.reported = ReportedSpeech(encoder, self.operations)

    def _similar(self, text: str, description: str) -> float:
        a, b = self.encoder.encode([text, description])
        return float(a @ b)

    def _is_mode(self, phrase: str, kinds: Sequence[tuple[str, float]] = _MODES) -> bool:
        return any(self._similar(phrase, d) >= at_least for d, at_least in kinds)

    def is_container(self, phrase: str) -> bool:
        """A cart to buy into, not an item edited, as its head noun says ("my shopping list")."""
        bare = re.sub(r"^(?:my|our|your|the|a|an)\s+", "", phrase, flags=re.I)
        head = heads_only(f"the {bare}")  # the words before the head say what it is for
        return self._similar(head, _CONTAINER[0]) >= self._similar(head, _CONTAINER[1]) + 0.15

    def _state_on(self, state: str) -> bool | None:
        """'on' / 'enabled' / 'active' -> True; 'off' / 'disabled' -> False; else None."""
        last = state.split()[-1].lower() if state else ""
        if last in ("on", "off"):
            return last == "on"
        if not state or re.search(r"\b(?:\w{3,}er|more\s+\w+|less\s+\w+)$", state, re.I):
            return None  # "quieter", "more muted": a level to change, no switch's state
        on = self._similar(f"it is {state}", "it is turned on, enabled")
        off = self._similar(f"it is {state}", "it is turned off, disabled")
        return on > off if abs(on - off) > 0.05 else None

    def _emptied(self, clause: str) -> bool:
        """A removal whose object is a container ("empty my cart") removes all it holds; a
        thing taken out of or from a place ("pull X out of my basket") is one of its items."""
        return not _TAKEN_FROM.search(clause) and self.is_container(objects.object_of(clause))

    # the operation -------------------------------------------------------------------------

    def _wanted(self, how: Manner) -> tuple[Intent, bool | None, str]:
        """The operation of a wanted state ("wifi off", "silent mode", "a 12 minute countdown")."""
        thing, state = how.thing or split_state(how.clause)[0], how.state
        if re.match(r"^(?:an?|\d+|one|two|three|some|another|new)\b", how.clause, re.I):
            return Intent.CREATE, None, f"add {how.clause}"  # "an alarm at 6:10": a new one
        if re.match(r"^(?:at|to)\s+\d", state) or amounts.number(how.clause)[0] is not None:
            return Intent.SET_VALUE, None, f"set {thing} {state}".strip()  # "as faint as it can be"
        on = self._state_on(state)
        if on is not None:
            return Intent.TOGGLE, on, f"turn {'on' if on else 'off'} {thing}"
        if not state and how.clause.split()[-1].lower() in LEVELS:  # "the screen brighter"
            return Intent.SET_VALUE, None, f"make {how.clause}"
        if state.startswith("in ") and self._is_mode(state[3:]):
            return Intent.TOGGLE, True, f"turn on {state[3:]}"  # "... be in silent mode"
        if (verb := verb_of(state)) is not None:  # "my tray emptied": the act that does it
            at = how.clause.find(thing)  # the thing with its article ("my tray")
            order = f"{verb} {how.clause[:at + len(thing)] if at >= 0 else thing}"
            return (*self._commanded(order), order)
        if state:  # "the screen should be darker": a level or a value, nothing switched on
            return Intent.SET_VALUE, None, f"make {thing} {state}"
        done = _DONE_TO.match(how.clause)  # "I want the list copied to Bo": the act that
        if done and (verb := verb_of(done[2])) is not None:  # puts it there
            order = f"{verb} {done[1]} {done[3]}"
            return (*self._commanded(order), order)
        if re.search(r"\s(?:on|in|onto|into)\s+(?:my|the|our|your)\s", how.clause, re.I):
            order = f"put {how.clause}"  # "I'd like tape on my list": put there
            return (*self._commanded(order), order)
        return Intent.TOGGLE, True, f"turn on {thing}"

    def _named_state(self, how: Manner) -> Manner:
        """An order puts its object between its verb and particle ("switch it off") or after
        them ("turn off the torch"); a few bare content words and "on" or "off" ("wifi off",
        "night light on") name a thing and the state wanted: no word of theirs is a verb."""
        m = re.fullmatch(r"((?:[\w-]+\s+){1,3})(on|off)", how.clause, re.I)
        if how.mood is not Mood.COMMAND or m is None or set(m.group(1).lower().split()) & (
                objects.FILLER) or self.operations.read(verb_phrase(how.clause), how.clause).exact:
            return how
        return Manner(Mood.STATE, how.clause, m.group(1).strip(), m.group(2).lower(), how.context)

    def _commanded(self, clause: str) -> tuple[Intent, bool | None]:
        if caps_count(clause):
            return Intent.DO, None  # "I just need two of those in my bag": none added
        reading = self.operations.read(verb_phrase(clause), clause)
        op = reading.kind(DO_BELOW, taken_from=_TAKEN_FROM.search(clause) is not None)
        number = amounts.number(clause)[0]
        particle = particle_state(clause)
        if op in _TOGGLES and not reading.exact and particle is None:
            op = self._head_reading(clause)  # "email the Bluetooth manual" is about a manual
        if number is None and particle is None and level_after_object(clause):
            return Intent.SET_VALUE, None  # "make the type bigger": its level, nothing else
        if op is Operation.DO and _NEW_NAMED.search(clause):
            return Intent.CREATE, None  # "open a fresh memo named Rota": a new thing named
        if op is Operation.DELETE and reading.verb_says not in (None, Operation.DELETE):
            op = Operation.DO  # what cannot be undone is what the verb itself says: "keep
            #   the photos" sits near "delete the photos" in meaning, its verb does not
        if particle is not None and number is None and op in _SETTINGS:
            return Intent.TOGGLE, particle
        into = re.match(r"^\S+\s+.+?\s+(?:in|into|to|on)\s+([a-z][a-z -]*)$", strip_quotes(clause),
                        re.I)  # ("put the phone on Focus Mode")
        placed = into and re.match(r"(?:my|the|your|our)\s", into.group(1)) and not re.search(
            r"\b(?:to|down|up|out|off|from)\b", into.group(1))  # a place, no particle after
        if placed and not _told(op, reading) and self.is_container(into.group(1)) and (
                Operation.DELETE not in (op, reading.verb_says)
                or self.operations.puts_in(verb_phrase(clause))):
            return Intent.CREATE, None  # "toss the lamp in my basket": added to it; "ditch
            #   the lamp in my basket" says where the removed thing is
        place = objects.place(into.group(1)) if into else ""
        if place and op in _SETTINGS and (self._is_mode(place) or objects.puts_device(clause)):
            return Intent.TOGGLE, True  # "put the phone in airplane mode"
        if placed and op in _PLACING and _ON_OWN.search(clause) and not changes_count(
                clause) and self.operations.puts_in(verb_phrase(clause)):
            return Intent.CREATE, None  # "stick tape on my list": written on it (`slots`)
        if op in (Operation.SET_VALUE, Operation.DO) and number is None and not _COMPLEMENT.search(
                clause) and len(clause.split()) > 1 and self._is_mode(
                    re.sub(r"^with\s+", "", objects.object_of(clause), flags=re.I), _MODES[1:]):
            return Intent.TOGGLE, True  # "use the dark theme", "go with the dark theme": a
            #   theme named alone is put on
        if op in _TOGGLES and number is None:
            return Intent.TOGGLE, _TOGGLES[op]
        if op in (*_TOGGLES, Operation.SET_VALUE) and number is not None:
            return Intent.SET_VALUE, None
        article = object_article(clause)
        if article in _INDEFINITE and not reading.exact and (
                op in _BRINGS_ABOUT or reading.verb_says is Operation.CREATE):
            return Intent.CREATE, None  # "set an alarm", "make a new note": a new item
        if op is Operation.OPEN and _NEW_ONE.search(clause):
            return Intent.CREATE, None  # "open another tab": no page already open is it
        if op is Operation.CREATE and article in _DEFINITE and quoted(clause):
            return Intent.EDIT, None  # "label my 7 AM alarm 'Brunch'": an item that exists
        if op is Operation.CREATE and article in _DEFINITE and not _PLACED.search(clause):
            return Intent.DO, None  # "make the 6 AM alarm ring on Sundays": it exists already
        return _INTENTS[op], None

    def _head_reading(self, clause: str) -> Operation:
        """The operation of the clause read with only the heads of its noun phrases: a
        setting's name that only modifies another noun ("the Wi-Fi password", "my Bluetooth
        note") must not make the request a switch."""
        heads = heads_only(owned.kinds_only(objects.without_means(clause)))  # "my ... note":
        #   words of its name; "link the watch up via NFC": the watch, not NFC
        reading = self.operations.read(verb_phrase(heads), heads)
        return reading.operation if reading.score >= DO_BELOW else Operation.DO

    def value_type(self, how: Manner, names: Sequence[str] = ()) -> str | None:
        """The kind of value a question asks for (`asked`)."""
        return self.kinds.read(how.clause, names, how.context)

    # the whole request --------------------------------------------------------------------

    def parse(self, text: str) -> Goal:
        text = restated.plainly(spoken_times.in_digits(" ".join(text.split())))
        how = self._named_state(self.reported.read(manner(text)))
        desired: bool | None = None
        clause = how.clause or text
        if how.mood is Mood.QUESTION:
            intent = Intent.ANSWER
            clause, desired = asked_state(clause, self._state_on)
        elif how.mood is Mood.STATE:
            intent, desired, clause = self._wanted(how)
        else:
            intent, desired = self._commanded(clause)
        number, percent = amounts.number(clause) if intent is Intent.SET_VALUE else (None, False)
        op = Operation.DO if intent is Intent.TOGGLE else Operation(intent.value)
        op, slots, extra = values.slots_for(clause, op, self.is_container)
        if intent is not Intent.ANSWER and (filled := field_value(clause)) is not None:
            op, slots = Operation.EDIT, [filled]  # "type X in the search box": typed there
        if intent is not Intent.TOGGLE or op is Operation.EDIT:  # "switch the sound of X to
            intent = _INTENTS[op]  # 'Harp'": a field gets a value, nothing is switched
        if intent is Intent.SET_VALUE and slots:
            intent = Intent.EDIT
        if clause.split()[0].lower() in parts_of.TOUCH_VERBS and intent in _TYPING:
            intent, slots = Intent.DO, []  # "click the "Next" button" types nothing
        said = quoted(clause)
        typed = ("address", "message") if intent is Intent.SEND else ("address",)
        to = {s.value for s in slots if s.name == "to"}
        entities = extra + [e for e in objects.entities(clause, said, slots)  # not what to find
                            if e in to or not any(e in s.value for s in slots if s.name in typed)]
        if intent is Intent.EDIT:  # an edit's new value is not there yet: typed, never sought
            new = [s.value for s in slots if not s.ref]  # (an old name said apart stays)
            entities = [e for e in entities if not _said(e, " ".join(new))
                        or _said(e, _without(clause, new))]
        if intent in (Intent.DELETE, Intent.DO, Intent.OPEN, Intent.TOGGLE):
            named = [values.Slot(f, v) for f, v in named_pairs(clause)]  # "the username "x"":
            #   typed, whatever the verb
            slots = [s for s in slots if s.name in ("password", "address") or s in named
                     or s.ref]  # a value to read first ("as long as the manual says")
        rank = self.ranks.read(clause)
        if rank is not None:  # an order over a list, not words of the thing looked for
            clause = re.sub(rf"\b{re.escape(rank.phrase)}\b", " ", clause, flags=re.I)
            entities = [e for e in entities if e.casefold() not in rank.phrase.casefold()]
        repeat = weekdays.read(text) if intent in _SCHEDULED else None
        if repeat is not None:  # days are values set on the item, not names to look for
            repeat, clause, entities, slots = weekdays.set_apart(repeat, clause, entities,
                                                                 slots, said)
        said_target = objects.target(amounts.without_extremes(clause) if number is not None
                                     else clause, slots, creation=intent is Intent.CREATE)
        if intent is Intent.CREATE:  # an item named only by a person's values is their card
            said_target = cards.kind_made(said_target, slots)
        owned = owner_asked(clause, how.context) if intent is Intent.ANSWER else None
        if owned is not None:  # "whose number is ...?": a person, whose entry is a contact
            entities, said_target = [owned], f"contact {owned}"  # found by the value
        told = () if intent in (Intent.CREATE, Intent.OPEN) or owned or (  # a new item is
            intent is Intent.TOGGLE and said_target) else how.context  # nowhere; what is
        target = " ".join(dict.fromkeys(" ".join((  # opened, a switch, an owner: where asked
            said_target, *objects.told_where(told, " ".join([said_target, *to])))).split()))
        return Goal(
            text=text, intent=intent,
            target=target or " ".join([*entities, *(  # an edit of the device's own field
                s.name for s in slots if intent is Intent.EDIT)]) or clause,  # seeks the field
            desired=desired, number=number, percent=percent, slots=tuple(slots),
            entities=tuple(dict.fromkeys(entities)),
            value_type=("state" if desired is not None else self.value_type(how, entities))
            if intent is Intent.ANSWER and owned is None else None,
            verb="" if not clause or _STATED.match(clause) else re.sub(
                r"[^a-z]", "", clause.split()[0].lower()),
            quantity=amounts.quantity(clause, slots) if intent is not Intent.ANSWER else None,
            mood=how.mood, scope=Scope.ALL if _ALL.search(clause) or (  # a cart is emptied,
                intent is Intent.DELETE and self._emptied(clause)) else Scope.ONE,
            rank=rank, days=repeat)

    def split(self, text: str) -> list[str]:
        """The parts of a request done one after the other ("X, then Y"; "X and VERB Y"; a
        message to each person it is addressed to);
        pronouns in later parts ("text her") are replaced by the first part's name."""
        text = parts_of.learned_then_used(text, lambda v: values.is_reference(v, said_as_text=True))
        cut = parts_of.cut(" ".join(text.split()), self.operations,
                           lambda part: self.parse(part).intent is Intent.TOGGLE)
        parts = [p.strip(" ,.;") for p in cut if p.strip(" ,.;")]
        kept = [p for p in parts if len(parts) > 1 and keeps(p)]  # "..., then leave it
        parts = [p for p in parts if p not in kept]  # there": no part of its own
        if len(parts) == 1:  # "I want the fan on and the lamp dimmer": a wish for each
            parts = parts_of.each_wished(parts[0])
        if len(parts) == 1 and (kind := self.parse(parts[0]).intent) in parts_of.EACH:
            parts = parts_of.each_thing(parts[0], kind)  # "turn on X and Y", "add A and B"
        if len(parts) == 1 and self.parse(parts[0]).intent is Intent.SEND:
            said = self.reported.read(manner(parts[0])).clause  # "let A and B know ..." as
            parts = each_addressee(parts[0]) if len(each_addressee(parts[0])) > 1 else (
                each_addressee(said))  # "text A and B: ...": to each person addressed
        if len(parts) < 2:
            return parts if kept else [text]
        first = self.parse(parts[0])
        first_clause = self.reported.read(manner(parts[0])).clause
        if first.intent is Intent.TOGGLE:  # "switch it to ..." after it: the thing switched
            parts = parts_of.object_carried(parts, first_clause)
        parts = parts_of.count_carried(parts, first_clause)  # "... and clear two of them"
        name = next((s.value for s in first.slots if s.name in ("name", "to")), "")
        return self._one_message_each(parts_of.name_carried(parts, name or next(
            (e for e in first.entities if " " in e), "")))

    def _one_message_each(self, parts: list[str]) -> list[str]:
        """Parts in a row that each give words to the same person ("tell Ana I'm home and
        ask her to ring me") are one message to them, not one text each."""
        out: list[tuple[str, str, str]] = []  # (part, person, words)
        for part in parts:
            slots = {s.name: s for s in self.parse(part).slots}
            to, said = slots.get("to"), slots.get("message")
            person, words = (to.value, said.value) if to and said and not said.ref else ("", "")
            if out and person and out[-1][1] == person and '"' not in words + out[-1][2]:
                joined = f"{out[-1][2].rstrip(' .!')}. {words[:1].upper()}{words[1:]}"
                out[-1] = (f'text {person} "{joined}"', person, joined)
            else:
                out.append((part, person, words))
        return [part for part, _, _ in out]


# a clause whose second word is "has", "is", "got"...: its first word is its subject (a
# statement, "Lina has a new number"), not the verb of an order
_STATED = re.compile(r"^\S+\s+(?:has|have|had|is|are|was|were|got|gets)\b", re.I)


def _said(phrase: str, text: str) -> bool:
    return re.search(rf"\b{re.escape(phrase)}\b", text) is not None


def _without(text: str, values: Sequence[str]) -> str:
    for value in values:
        text = text.replace(value, " ")
    return text


@lru_cache(maxsize=4)
def _reader(encoder: TextEncoder) -> GoalReader:
    return GoalReader(encoder)


@lru_cache(maxsize=512)
def _parse_default(text: str) -> Goal:
    return _reader(default_encoder()).parse(text)


def parse_goal(text: str, encoder: TextEncoder | None = None) -> Goal:
    """Read a request into a `Goal`; never fails (nothing recognised -> Intent.DO)."""
    if encoder is None or encoder is default_encoder():
        return _parse_default(text)
    return _reader(encoder).parse(text)


def split_goal(text: str, encoder: TextEncoder | None = None) -> list[str]:
    return _reader(encoder or default_encoder()).split(without_courtesy(text) or text)
