"""What a request names: its object phrase (the words to match against the screen and the
memory) and the names and topics to find in lists. Grammar only: the verb phrase, values,
filler words and the device itself ("with the phone") are left out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from planners.embedded import slots as values
from planners.embedded.attachment import without_given_name
from planners.embedded.slots import Slot
from planners.embedded.spoken_times import canonical_time
from planners.embedded.wording import (
    AUXILIARIES,
    DEVICE_NOUNS,
    NAME_START,
    closed_class,
    is_name_word,
    is_question,
    strip_quotes,
    verb_phrase,
)

_ENTITY_CUE = re.compile(r"\b(?:about|regarding|from|with)\s+(?:the\s+|my\s+)?([\w' -]+?)"
                         r"(?:[.?!,(]|\s+(?:from|to|in|by|on)\b|$)", re.I)
# a question with its auxiliary before the subject: its main verb comes last
_INVERTED = re.compile(r"^(?:what|how\s+much|how\s+many|when|where)\s+(?:would|will|does|do|did|"
                       r"should|could|might)\b", re.I)
FILLER = closed_class(
    "a an the my this that these those to for of on in at with and please me it its is are "
    "be all any some many much phone's device's app's your i i'll i'm i've it's then her him "
    "them too just not every each you we us can could about as got gotten again instead "
    "actually really") | AUXILIARIES
# ("got": the participle of "have got", which only means "have"; "again": a thing asked or
# wanted once more ("what's the code again?") is the same thing)
QUESTION_WORDS = closed_class("what what's which how when who whom whose where why does do did "
                            "can has have i'll i'm it's")
_NOT_ENTITIES = closed_class("what what's which how when who where why i i'll i've i'm i'd it "
                          "it's is the a my this that")
_TIME_WORDS = frozenset(("am", "pm", "a.m.", "p.m."))

_WORD = NAME_START + r"[\w'-]*"  # a name's word, without the full stop that may end it


def entities(text: str, said: list[str], slots: Sequence[Slot]) -> list[str]:
    """Names and topics to find in lists: capitalised words, "about X", "(the X)", times."""
    bare = _THE_DEVICE.sub(" ", strip_quotes(text))
    found = [m.group(1).strip() for m in _ENTITY_CUE.finditer(bare)]
    if _INVERTED.match(bare):  # "what would the one from the shop cost?": the main verb
        found = [" ".join(f.split()[:-1]) if re.search(rf"\b{re.escape(f)}\W*$", bare) else f
                 for f in found]  # ends the question, no name's last word
    found += [m.group(1).strip() for m in re.finditer(r"\((?:the\s+)?([^)]+)\)", bare)]
    found += [m.group(1) for m in re.finditer(rf"\b({_WORD}(?:\s+{_WORD})*)'s\b", bare)]
    found += [m.group(1) for m in re.finditer(rf"(?<!^)\b({_WORD}(?:\s+{_WORD})+)",
                                              bare)]
    words = bare.split()
    for i, word in enumerate(words):
        clean = re.sub(r"'s$", "", word.strip(".,!?;:'\"()"))
        capital = i > 0 and is_name_word(clean)
        if (capital and clean.lower() not in QUESTION_WORDS | _TIME_WORDS) or re.fullmatch(
                r"\d{4,}", clean):
            found.append(clean)
    time = canonical_time(bare)
    if time is not None and not any(  # a time in a message's words is no item to find
            s.name == "time" or (s.name == "message" and canonical_time(s.value) == time)
            for s in slots):
        found.append(time)
    found.extend(s.value for s in slots if s.name in ("name", "to", "title"))
    found.extend(said)
    found = [re.sub(r"'s$", "", f) for f in found]
    first = text.split()[0].lower() if text.split() else ""
    return list(dict.fromkeys(
        f for f in found if f and f.lower().replace("’", "'") not in _NOT_ENTITIES
        and f.split()[0].lower() not in QUESTION_WORDS and f.split()[0].lower() != first))


# the device the request is made on, named as a place or a partner ("pair X with the phone",
# "on my tablet"): it is everywhere, so it is nothing to look for ("my phone plan" stays: a
# noun after it makes a compound; a preposition after it starts the means, "over the air")
_THE_DEVICE = re.compile(r"\b(?:on|with|to|from|in|of)\s+(?:the|my|this)\s+"
                         rf"(?:{'|'.join(sorted(DEVICE_NOUNS))})\b(?!\s+(?!(?:over|via|through|"
                         r"using|by|with|from|to|in|on|at|for)\b)[a-z])", re.I)


# a question that asks what something is (not whether it is so) says of the moment and of
# the thing's being set what is true of every value it could read: "how bright is the
# torch set at present?" asks for the torch's brightness, its words "set" and "at present"
# name no part of it ("is the alarm set?" asks for that state: kept)
_WH = re.compile(r"^\s*(?:what|what's|whats|which|how|where|where's|who|whose)\b", re.I)
_NOW = re.compile(r"\b(?:at\s+the\s+moment|right\s+now|at\s+present|currently)\b", re.I)
_SET = re.compile(r"\bset\b(?=\s+(?:to|at|for)\b|\s*[?.!]*\s*$)", re.I)


def target(text: str, slots: Sequence[Slot], creation: bool = False) -> str:
    """The request without its verb phrase, slot clauses, values and filler words (and, for
    a creation, "new": it says what the operation does, not what the item is)."""
    if _WH.match(text):
        text = _SET.sub(" ", _NOW.sub(" ", text))
    verb = verb_phrase(text).split()
    bare = without_given_name(strip_quotes(text))
    if verb:  # the verb, and its particle where it follows the verb
        particle = "|".join(map(re.escape, verb[1:]))
        head = rf"^\S+(?:\s+(?:{particle})\b)?" if particle else r"^\S+"
        bare = re.sub(head, "", bare.lstrip()) + " "
    for slot in slots:
        bare = bare.replace(slot.value, " ")
    if slots:
        bare = values.slot_words().sub(" ", bare)
    bare = _THE_DEVICE.sub(" ", bare)
    bare = re.sub(r"\b\d+(?:[.:]\d+)?\s*(%|percent\b|[ap]\.?m\b\.?)?(?!\w)", " ", bare, flags=re.I)
    words = [w.strip(".,!?;:'\"()") for w in bare.split()]
    words = [re.sub(r"'s$", "", w) for w in words if w]
    said = [*verb[1:], "on", "off", "up", "down", *(["new"] if creation else [])]
    kept = [w for w in words if w and w.lower() not in FILLER | QUESTION_WORDS
            and w.lower() not in said]
    return " ".join(kept)


def told(context: str) -> str:
    """The content words of a clause that tells the context ("It's on the shared calendar"):
    not the phone it is said on ("on the phone with the bank"), nor when ("right now")."""
    return target(_NOW.sub(" ", _THE_DEVICE.sub(" ", context)), [])


_OWNERS = closed_class("his their our")


# what the speaker is doing ("Sitting in the library now", "I'm filling in a form"; not a
# participle that is a preposition: "according to Noor"), needs ("only want the date": what
# to answer), or does not, naming no thing ("we never use it"): no place of a thing
_SPEAKER_DOES = re.compile(r"^(?:i'?m|i\s+am|we're|we\s+are)\s+(?:(?:just|still)\s+)?"
                           r"(?:at|in|on|outside|near|by)\s|"  # where the speaker is
                           r"^(?:(?:i'm|i\s+am|we're|we\s+are)\s+)?(?:(?:just|still)\s+)?"
                           r"(?:(?!(?:according|regarding|concerning|"
                           r"including|following|considering)\b)[a-z]+ing\b|"
                           r"(?:(?:i|we)\s+)?(?:just\s+|only\s+)?(?:need|want)\b(?!\s+to\b)|(?:i|we)\s+"
                           r"(?:don't|do\s+not|didn't|never|no\s+longer)\b"
                           r"(?!.*\b(?:the|that|this|these|those|my|our)\s))", re.I)


# what the phone itself does or says ("the tablet is overheating again"): a symptom, no place
_DEVICE_DOES = re.compile(r"^(?:the|my|this)\s+(?:phone|device|tablet)\s+(?:keeps|is|has|says|"
                          r"won't|can't|just|'s)\b", re.I)


def told_where(context: Sequence[str], said: str) -> list[str]:
    """The content words of each told clause that says where the thing named by `said` is
    ("it's on the shared calendar"). A told clause about that thing itself ("second thoughts
    about the rug, bin it") gave the order its referent; the rest of it is a reason, no
    words to look for; nor does one of what the speaker is doing ("sitting in the
    library") or does not do ("we don't use it these days"), nor a question of the
    speaker's own ("did I leave one on by mistake?"): it asks, it tells no place; nor words
    that set the scene before a colon ("One thing before I leave: ...")."""
    named = set(said.lower().split()) - _OWNERS  # "their address": no thing of theirs
    return [w for c in context if not _SPEAKER_DOES.match(c) and not c.endswith(":")
            and not _DEVICE_DOES.match(c)
            and not is_question(c, c.endswith("?"))
            and not named & set((w := told(c)).lower().split())
            and not named & set(re.findall(r"[\w'-]+", c.lower()))]  # (a person named in it)


_MEANS = re.compile(r"\s+(?:over|via|through|using|with|by|from)\s+", re.I)
_DEVICE = re.compile(r"(?:the|my|this|your)\s+(?:phone|device|tablet)", re.I)
# the means an act is done by, said last ("... over Bluetooth", "via NFC"): not what is done
_BY_MEANS = re.compile(r"\s+(?:over|via|through|using)\s+\S+(?:\s+\S+)?$", re.I)


def without_means(clause: str) -> str:
    """The clause without the means said last ("link the watch up via NFC" -> "link the
    watch up")."""
    return _BY_MEANS.sub("", clause)


_DEVICE_PUT = re.compile(rf"^\S+\s+{_DEVICE.pattern}\s+(?:on|in|into)\s+\w", re.I)


def puts_device(clause: str) -> bool:
    """The order puts the phone itself on or in something ("set my tablet in power saving"):
    nothing holds a phone but a mode of its own."""
    return _DEVICE_PUT.match(clause) is not None


def place(phrase: str) -> str:
    """Where a thing is put, up to the next preposition ("my laptop" of "to my laptop by
    cable": how it is joined is no place); the phone itself is no mode of the phone."""
    where = _MEANS.split(phrase, maxsplit=1)[0]
    return "" if _DEVICE.fullmatch(where) else where


def object_of(clause: str) -> str:
    """The clause's object, without its verb and where it is ("take the mug out of ...")."""
    head = re.split(r"\s+(?:from|in|out\s+of|of|on|off)\s+", clause, maxsplit=1)[0]
    return head.split(None, 1)[1] if len(head.split()) > 1 else head
