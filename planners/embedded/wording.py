"""Small general parsers for the shape of a request, before any meaning is read.

What is found here is grammar, not phrasings: values with a shape of their own (quoted
text, times, e-mail addresses, phone numbers, street addresses, numbers), the manner of the
request (an order, a question, a wish, the state the person wants), the words of courtesy
around it, and its verb phrase (the verb and its particle: "shut off", "jot down"). The word
sets are closed classes of English (question words, auxiliaries, particles, pronouns); which
operation a verb means is read by the sentence model (`operations`), never listed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from planners.embedded.context import needed, refer_back
from planners.embedded.counts import NUMBER_WORDS as NUMBER_WORDS  # said here before
from planners.embedded.counts import refusal_only
from planners.embedded.states import bare, split_state

QUOTE = re.compile(r"(?<!\w)[\"“”'‘’]([^\"“”‘’]+?)[\"“”'‘’](?=\s|$|[.,!?;:)])")
TIME = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b\.?|\b(\d{1,2}):(\d{2})\b", re.I)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# digits and hyphens, or seven digits or more in groups ("07700 900123", "(555) 010 0199")
PHONE = re.compile(r"(?<![\w-])(?:\+?\(?\d(?:(?:[-.]|\)?\s|\))?\d){6,}|\+?\d[\d-]{3,}\d)(?![\w-])")


def _letters(categories: frozenset[str]) -> str:
    """A regex class of the letters (of the Basic Multilingual Plane) in `categories`."""
    spans: list[str] = []
    start = None
    for cp in range(0x10001):
        inside = cp < 0x10000 and unicodedata.category(chr(cp)) in categories
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            spans.append(re.escape(chr(start)) + (f"-{re.escape(chr(cp - 1))}" if cp - 1 > start
                                                  else ""))
            start = None
    return "[" + "".join(spans) + "]"


# A letter that can begin a name: a capital of a cased alphabet ("Åsa", "Łukasz", "Ömer") or
# any letter of a script without case (黄丽, 서연, سارا, אורי): names are written in every script.
NAME_START = _letters(frozenset({"Lu", "Lt", "Lo"}))
NAME_WORD = NAME_START + r"[\w.'-]*"
NAMES = rf"{NAME_WORD}(?:\s+{NAME_WORD})*"  # "Åsa Lindqvist": name words in a row
_CAPS = rf"{NAME_START}[\w.]*(?:\s+{NAME_START}[\w.]*)*"
ADDRESS = re.compile(rf"\b\d+\s+{_CAPS}(?:,\s*{_CAPS})*")  # "12 Oak Street, Springfield"
NUMBER = re.compile(r"(-?\d+(?:\.\d+)?)\s*(%|percent\b)?", re.I)



_NEGATED_WISH = re.compile(r"^(?:i|we)\s+(?:don'?t|do\s+not|no\s+longer)\s+(?:want|need)\s+"
                           r"(?!to\b)([^,;]+?)(?:\s+(?:right\s+now|any\s?more|for\s+now|at\s+the"
                           r"\s+moment|today|tonight))?[\s.!]*$", re.I)


def wished_away(clause: str) -> str:
    """What a clause wishes away ("we no longer need the torch" -> "the torch"), or ""."""
    wish = _NEGATED_WISH.match(without_courtesy(clause).rstrip(" ,;"))
    return wish.group(1) if wish is not None else ""


def ends_something(verb: str) -> bool:
    """The verb asks for something to stop: an aspectual verb of ending ("stop syncing",
    "quit using"). (Prefixes are no guide: "uncheck", but "display", "understand".)"""
    return verb.lower().strip() in _ENDING


def is_name_word(word: str) -> bool:
    """The word can be (part of) a name: it begins as `NAME_START` says."""
    return re.match(NAME_START, word) is not None


def closed_class(words: str) -> frozenset[str]:
    """A closed class of English words, written as one space-separated string."""
    return frozenset(words.split())


# closed classes of English words
QUESTION_WORDS = closed_class("what what's whats which how when who whom whose where why")
AUXILIARIES = closed_class("is are was were am does do did can could has have had will would "
                        "should shall may might must isn't aren't doesn't don't didn't "
                        "hasn't haven't")
SUBJECTS = closed_class("i you we it he she they there this that these those my the a an your "
                     "any anything something someone")
_NOUN_PHRASE_STARTS = closed_class("the my your our his her their this that any")  # no verb
_PERSONAL = closed_class("i you we they he she")
DEVICE_NOUNS = closed_class("phone device tablet mobile handset")  # the one the request is made on
_NEVER_ORDERS = closed_class("is are was were does did isn't aren't doesn't didn't")
# a past verb: "Kai texted me", "Decided against the rug, ..." (no subject)
_TOLD = re.compile(rf"^(?:{NAMES}\s+)?[a-z]{{2,}}[^e\s]ed\b|^[A-Z][a-z]+[^e\s]ed\s+[a-z]")
_ENDING = closed_class("stop quit cease discontinue")  # aspectual verbs that end an activity
PARTICLES = closed_class("up down off on out away over back in rid")
PRONOUNS = closed_class("it them her him this that those these one")
# words that end a noun phrase rather than extend it
_PHRASE_ENDS = (AUXILIARIES | SUBJECTS | PARTICLES | PRONOUNS
                | closed_class("and or but then so to as for with at by from of into onto "
                               "if when while please now too again"))
_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def _is_content(token: str | None) -> bool:
    return token is not None and token.lower() not in _PHRASE_ENDS and not token.isdigit()


def outside_relative(found: list[str]) -> list[str]:
    """A noun phrase's words (lower case) less a relative clause whose subject is a person:
    in "the code we use at the gate", "we use" says which code; it is no verb of the phrase."""
    for i in range(2, len(found)):
        if re.sub(r"'(?:ve|d|ll)$", "", found[i]) in _PERSONAL:
            end = i + 2 + (i + 1 < len(found) and found[i + 1] in AUXILIARIES)  # "we have kept"
            return found[:i] + found[end:]
    return found


def heads_only(clause: str) -> str:
    """The clause with the modifiers of its nouns left out: a content word directly before
    another is dropped ("email the Bluetooth manual" -> "email the manual"). The verb,
    the first word, stays."""
    tokens = _TOKEN.findall(clause)
    return " ".join(t for i, t in enumerate(tokens)
                    if i == 0 or not (_is_content(t) and i + 1 < len(tokens)
                                      and _is_content(tokens[i + 1])))


def modifiers_of(name: str, text: str) -> set[str]:
    """The content words that `text` says directly before a word of `name` and that `name`
    lacks ("lab" in "onto the lab Wi-Fi", for "Wi-Fi"); hyphens and "'s" do not count."""
    def bare(t: str) -> str:
        return re.sub(r"['’]s$", "", t.lower().replace("-", ""))
    own = {bare(t) for t in _TOKEN.findall(name)}
    said = [bare(t) for t in _TOKEN.findall(text)]
    return {said[i - 1] for i in range(1, len(said)) if said[i] in own
            and said[i - 1] not in own and _is_content(said[i - 1])}


def only_modifies(name: str, text: str) -> bool:
    """Whether `name` occurs in `text` only as a modifier: each time it is followed by a
    content word, which is then the head of the phrase ("the Wi-Fi note" is a note, "the
    alarm sound" a sound). False when it does not occur."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    named = [t.lower() for t in _TOKEN.findall(name)]
    ends = [i + len(named) for i in range(len(tokens) - len(named) + 1)
            if named and tokens[i:i + len(named)] == named]
    return bool(ends) and all(i < len(tokens) and _is_content(tokens[i]) for i in ends)


# courtesy around a request: openers that ask for the request, and words that soften it
_OPENER = re.compile(
    r"^(?:(?:please|pls|kindly|just|ok(?:ay)?|hey|hi|hello|so|now|also|oh|um|well|"
    r"would\s+you\s+mind|(?:would|could)\s+you\s+be\s+so\s+kind\s+as\s+to|be\s+able\s+to|"
    r"(?:are|were)\s+(?:you|u)\s+able\s+to|is\s+it\s+possible\s+(?:for\s+(?:you|u)\s+)?to|"
    r"(?:(?:can|could|would|will)\s+(?:you|u|(?:the|my|this)\s+(?:phone|device|tablet|handset))"
    r"(?:\s+please)?(?:\s+(?:just|quickly|go\s+and))?)|"  # the listener, or the device itself
    r"(?:i\s+)?(?:need|want)\s+you\s+to|i'?d\s+like\s+you\s+to|go\s+ahead\s+and|let'?s|"
    r"help\s+me|actually|(?:yes|yeah|yep|sure|alright|right|no|nope)(?=\s*,))"  # a reply's
    r"\b[\s,]*)+", re.I)  # word, said before the request with a comma, asks for nothing
_CLOSER = re.compile(r"[\s,]*\b(?:please|pls|for\s+me|thanks|thank\s+you|thx|(?:for\s+)?now|asap|"
                     r"for\s+(?:the\s+time\s+being|a\s+while)|"
                     r"right\s+now|real\s+quick|if\s+you\s+can|if\s+possible)"
                     r"\s*[.!?]*\s*$", re.I)
_THANKS = re.compile(r"\b(?:thanks|thank\s+you|thx)\W*$", re.I)
_ONLY_ADDRESSED = re.compile(rf"[a-z]+(?:\s+(?:back|to))*\s+{NAMES}")  # "reply to Ann"
_WISH = re.compile(r"^(?:i(?:'d|\s+would)\s+(?:like|love|prefer)|i\s+(?:want|need|wish|prefer)|"
                   r"i(?:'m|\s+am)\s+after)\b\s*", re.I)
_STATE = re.compile(r"^(.+?)\s+(?:should|needs?\s+to|must|has\s+to|have\s+to|ought\s+to|"
                    r"shall)\s+(?:be|stay|remain)\s+(.+?)$", re.I)
_MAKE_SURE = re.compile(r"^(?:make\s+sure|ensure|see\s+to\s+it)(?:\s+that)?\s+(.+?)\s+"
                        r"(?:is|are|stays?|gets?)\s+(.+?)$", re.I)
# a clause after the request that gives it a value: "his mobile is 0171 555 0122"
_GIVEN = re.compile(r"^(?:the|my|your|our|his|her|their|its)\s[\w\s-]{1,30}?(?:\s(?:is|are)|'s)"
                    r"\s+\S*[\d@\"“'‘]", re.I)


class Mood(StrEnum):
    COMMAND = "command"  # "turn off wifi", "could you turn off wifi"
    QUESTION = "question"  # "is nfc on?", "what's Bob's email?"
    STATE = "state"  # the state wanted: "wifi should be off", "I'd like wifi off"


@dataclass(frozen=True)
class Manner:
    """How a request is put: its mood, the clause that carries it (courtesy removed), for a
    wanted state the thing and the state ("wifi", "off"), and the clauses around it that tell
    the context ("the boiler is fixed, ...")."""

    mood: Mood
    clause: str
    thing: str = ""
    state: str = ""
    context: tuple[str, ...] = ()


def quoted(text: str) -> list[str]:
    return [m.group(1).strip() for m in QUOTE.finditer(text)]


def strip_quotes(text: str) -> str:
    return QUOTE.sub(" ", text)


def without_courtesy(text: str) -> str:
    """The request without the words that ask for it politely ("could you please ... for
    me?") and without the closing punctuation a statement does not need. A question mark
    stays: "is it on right now?" is still a question once "right now" is set aside."""
    text = " ".join(text.split())
    asked = text.endswith("?")
    previous = None
    while previous != text:
        previous = text
        text = _OPENER.sub("", text).strip()
        closed = _CLOSER.sub("", text).strip()
        if not (_ONLY_ADDRESSED.fullmatch(closed) and _THANKS.search(text)):
            text = closed  # "text Ann thank you": the thanks is the words to send
    plain = text.rstrip(" .!") or previous.rstrip(" .!")
    return f"{plain}?" if asked and not plain.endswith("?") else plain


def _first_word(text: str) -> str:
    return text.split()[0].lower().strip(",.?!") if text.split() else ""


def is_question(clause: str, asked: bool) -> bool:
    """A question: a question word first, or an auxiliary before its subject ("is wifi on",
    "do you have") or any "is", "does" ... (no order opens so); `asked`: the person ended it
    with a question mark. Without it "have"/"do" before a thing is an order ("do a backup")."""
    words = clause.lower().split()
    if not words:
        return False
    first = words[0].strip(",")
    if first in QUESTION_WORDS or (first.endswith("'s") and first[:-2] in QUESTION_WORDS):
        return True
    if asked and (first in _NOUN_PHRASE_STARTS or re.fullmatch(r"[a-z]{3,}est|most|least", first)):
        return True  # "priciest lamp you stock?", "my next alarm?": a thing asked about
    if first in AUXILIARIES and len(words) > 1:
        if first in ("have", "do") and not asked:  # "have the alarm ring at 7", "do the
            return words[1] in _PERSONAL  # update": orders, unless a person is its subject
        return asked or words[1] in SUBJECTS or first in _NEVER_ORDERS
    return False


def manner(text: str) -> Manner:
    """Read how the request is put (see `Manner`)."""
    raw, context = request_clause(" ".join(text.split()))
    how = _manner(raw.rstrip(",;"))
    if not context:
        return how
    told = tuple(c.rstrip(" ,;.!") for c in context)
    clause = refer_back(how.clause, told, lambda c: subject(c) or wished_away(c) or needed(c),
                        person_told)
    return Manner(how.mood, clause, how.thing, how.state, told)


def _manner(raw: str) -> Manner:
    asked = raw.rstrip().endswith("?")
    clause = without_courtesy(raw).rstrip("?").strip()
    wish = _WISH.match(clause)
    if wish is not None:
        rest = clause[wish.end():]
        if re.match(r"^to\s+\w", rest, re.I):  # "I'd like to turn off wifi": an order
            return Manner(Mood.COMMAND, rest[3:].strip())
        thing, state = split_state(rest)
        return Manner(Mood.STATE, rest, thing, state)
    if is_question(clause, asked):
        return Manner(Mood.QUESTION, clause)
    for pattern in (_STATE, _MAKE_SURE):
        m = pattern.match(clause)
        if m is not None:
            return Manner(Mood.STATE, clause, bare(m.group(1)), m.group(2).strip())
    return Manner(Mood.COMMAND, clause)


def verb_phrase(clause: str) -> str:
    """The clause's verb and the particles that belong to it: "shut off", "get rid of", and
    a particle after the object when it ends the clause or comes before "of" ("turn Wi-Fi
    off" -> "turn off", "take the mug out of the cart" -> "take out")."""
    words = [w.lower().strip(",.:;!?") for w in strip_quotes(clause).split()]
    if not words:
        return ""
    out = [words[0]]
    for w in words[1:3]:
        if w not in PARTICLES and not (w == "of" and out[-1] == "rid"):
            break
        out.append(w)
    if len(out) == 1:
        later = [i for i, w in enumerate(words[2:], 2) if w in PARTICLES and (
            i == len(words) - 1 or words[i + 1] == "of")]
        if later:
            out.append(words[later[0]])
    return " ".join(out)


def object_article(clause: str) -> str:
    """The first word of the verb's object, lower case ("set me an alarm" -> "an")."""
    words = [w.lower() for w in strip_quotes(clause).split()]
    rest = words[len(verb_phrase(clause).split()):]
    while rest and rest[0] in ("me", "us", "him", "her", "them") and len(rest) > 1:
        rest = rest[1:]
    return rest[0] if rest else ""


def clauses(text: str) -> list[str]:
    """The sentences and comma-separated clauses of a request; a quotation's stops and commas
    are the words quoted ("text Jo 'hi, up?'"), not the request's."""
    hide = str.maketrans(".?!;,", "\ue000\ue001\ue002\ue003\ue004")
    masked = QUOTE.sub(lambda m: m.group(0).translate(hide), text)
    return [c.strip().translate({v: k for k, v in hide.items()})
            for c in re.split(r"(?<=[.?!;,])\s+", masked) if c.strip(" .,;!?")]


def request_clause(text: str) -> tuple[str, list[str]]:
    """(the clause that asks, the clauses around it that tell the context). The one that
    asks opens with words of courtesy or a question, with the clauses after it that give it a
    value; when none does, or a clause is a value with no word (", 0161 496 0000": the
    request's own), the whole text asks."""
    parts = [p for p in clauses(text) if without_courtesy(p).strip(" ,;.!?")
             and not refusal_only(p)]  # ", not just two" tells which count, asks nothing
    if len(parts) < 2 or not all(re.search(r"[^\W\d_]", p) for p in parts):  # a clause of
        return (parts[0] if len(parts) == 1 else text), []  # courtesy alone asks nothing
    for i, part in enumerate(parts):
        plain = without_courtesy(part).rstrip(" ,;")
        if plain != part.rstrip(" .!,;") or is_question(plain, part.endswith("?")):
            given = [p for p in parts[i + 1:] if _GIVEN.match(p)]
            return " ".join([part, *given]), [p for p in parts if p != part and p not in given]
    if len(parts) == 2 and wished_away(parts[0]):  # "I don't need X any more, bin it"
        return parts[1], parts[:1]
    told = [_states(p) for p in parts]
    if told.count(False) == 1:  # an order starts with its verb: "the meeting is off, ..."
        i = told.index(False)
        return parts[i], parts[:i] + parts[i + 1:]
    sentences, ends = [], [i + 1 for i, p in enumerate(parts) if p[-1] in ".?!"]
    for start, end in zip([0, *ends], [*ends, len(parts)], strict=True):
        if start < end:
            sentences.append(parts[start:end])
    # "Noor wrote about the ladder. Text her back: sure, it's free.": a sentence that only
    # tells is context, and the one sentence with an order asks, whole
    asking = [s for s in sentences if not all(map(_states, s))]
    if len(asking) == 1 and len(sentences) > 1:
        return " ".join(asking[0]), [p for s in sentences if s is not asking[0] for p in s]
    return text, []


def _states(clause: str) -> bool:
    """The clause starts with its subject, as a statement does ("my battery's dying", "the
    flight got delayed"); an order starts with its verb. A statement that gives a value
    ("the password is gull-7781") is part of the request, not its context; what someone did
    ("Kai texted me "6:45"", subject left out or a name) is told, with its values."""
    first = clause.split()[0].lower().strip(",.;!?") if clause.split() else ""
    gives = re.search(r"\d|(?<!\w)[\"“'‘]\w", clause)
    return bool(_TOLD.match(clause)) or (not gives and (  # what was said is told, values too
        first in SUBJECTS | _PERSONAL or bool(re.search(r"\w'(?:s|re|m|ve)$", first))))


_NOT_NAMES = closed_class("the a an my our your his her their its this that these those there "
                          "it i we you they he she")
_PERSON_FIRST = re.compile(rf"({NAMES})\s+[a-z]")


def person_told(clause: str) -> str:
    """The person a told clause starts with ("Noor" of "Noor wrote about the ladder", of
    "Noor's bus is late"); "" when it starts with no name."""
    m = _PERSON_FIRST.match(clause)
    if m is None or m.group(1).split()[0].lower() in _NOT_NAMES:
        return ""
    return re.sub(r"['’]s$", "", m.group(1))


def subject(clause: str) -> str:
    """The noun phrase before a statement's verb ("the boiler is fixed" -> "the
    boiler"); "" when the clause does not start with one."""
    words = clause.split()
    verb = next((i for i, w in enumerate(words[1:6], 1) if w.lower() in AUXILIARIES), None)
    if not words or (words[0].lower() in PRONOUNS | _PERSONAL and verb in (1, None)):
        return ""  # "that is ...": a pronoun; "that 4:47 alarm is ...": a thing
    if verb is not None:  # "the courier's slot is ...": the "'s" before it is whose
        return " ".join(words[:verb])
    shortened = next((i for i, w in enumerate(words[1:6], 1) if w.lower().endswith("'s")), None)
    return " ".join([*words[:shortened], words[shortened][:-2]]) if shortened else ""


def particle_state(clause: str) -> bool | None:
    """On or off when the verb's particle or the clause's last word says it ("turn wifi
    off", "flip on bluetooth"); None otherwise. A quotation is a word of the clause: in
    "jot 'milk' on my list" the "on" is no particle."""
    words = [w.lower().strip(",.!?") for w in QUOTE.sub(" \"\" ", clause).split()]
    if len(words) < 2:
        return None
    for w in (words[1], words[-1]):
        if w in ("on", "off"):
            return w == "on"
    return None
