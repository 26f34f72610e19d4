"""Requests put as reported speech: a question asked as an order ("tell me when my next alarm
rings", "check whether location is on") is that question, and words told to a person ("let
Noor know I'm on my way", "ask Lee whether he's coming", "tell Noor cool see you then") are a
message to them, never a question: whatever follows the person is the words, unless it
is a thing given, a topic, an errand or only a time.

The grammar finds the shape (a verb, maybe a person, then a clause); the sentence model
says whether the verb is one of telling or asking, so that "call me when the timer ends" and
"call Noor when you're done" stay orders: a call takes no clause to say.
"""

from __future__ import annotations

import re

from planners.embedded.asking import Manner, Mood
from planners.embedded.attachment import given_name
from planners.embedded.encoder import TextEncoder
from planners.embedded.message_values import WHEN as _WHEN
from planners.embedded.operations import Operation, OperationReader
from planners.embedded.parts import starts_order
from planners.embedded.slots import is_reference
from planners.embedded.wording import (
    AUXILIARIES,
    NAME_WORD,
    PARTICLES,
    PRONOUNS,
    QUESTION_WORDS,
    QUOTE,
    SUBJECTS,
    closed_class,
    without_courtesy,
)

_NAME = rf"(?!I\b|I')(?:{NAME_WORD})(?:\s+(?!I\b|I'){NAME_WORD})*"
_WHO = rf"(?:{_NAME}|\+?\d[\d().-]{{5,}}\d)"  # a person by name or by number ("555-0163")
_PERSON = rf"({_WHO}(?:(?:,\s*|,?\s+and\s+){_WHO})*)"  # "Noor", "Noor and Ana"
_EACH = r"(?:(?i:both|all\s+of|each\s+of|all)\s+)?"  # "let both Noor and Ana know"
_BACK = r"(?:\s+back)?"  # "text Noor back", "write back to Noor": an answer to them
_TOLD = re.compile(rf"^(\S+){_BACK}(?:\s+to)?\s+{_EACH}{_PERSON}{_BACK}"
                   r"(\s+an?\s+(?:line|note|text|message))?"
                   r"(\s+know(?:\s+(?:by|over|via)\s+(?:text|message|sms|e-?mail))?)?:?\s+"
                   r"(?:(that|if|whether|saying|and\s+(?:say|tell\s+(?:him|her|them))"
                   r"(?:\s+that)?)\s+)?(.+)$")  # "reply to Noor and say ...": the words
# a person written in lower case, in a hurry ("text noor running late"): one word that is
# no pronoun, article or other closed-class word
_LOWER_PERSON = re.compile(r"^(\S+)\s+([a-z][a-z'-]+)(\s+know)?:?\s+"
                           r"(?:(that|if|whether|saying)\s+)?(.+)$")
_NOT_A_PERSON = (SUBJECTS | PRONOUNS | PARTICLES | AUXILIARIES | QUESTION_WORDS
                 | closed_class("me us everyone everybody all both each our their his to back"))
# verbs that put a request to a person: "ask Noor to ...", "tell Noor to ..."
_PUT_TO = closed_class("ask tell")
# what follows the person when it is no words to say: a thing given ("a photo", "a call"),
# what the words are about ("about dinner"), what to do ("to call back"), or only when
_NOT_SAID = re.compile(r"^(?:(?:an?|some|about|regarding|re|to)\s.*|back|up|off|out|now|today|"
                       r"tonight|tomorrow|later|soon)$", re.I)

_FINITE = re.compile(r"\b(?:" + "|".join(sorted(AUXILIARIES)) + r"|will|won't|can't)\b"
                     r"|\w'(?:m|re|s|ll|ve|d)\b", re.I)
_INDIRECT = re.compile(r"^(\S+(?:\s+(?:me|us))?(?:\s+(?:out|up))?|let\s+me\s+know)\s+"
                       r"((?:what|what's|which|when|where|who|whom|whose|why|how|whether|if)"
                       r"\b.+)$", re.I)
_YES_NO = re.compile(r"^(?:whether|if)\s+(.+?)\s+(is|are|was|were|has|have|does|do|did|can)"
                     r"\s+(.+)$", re.I)
# what one does to a person: say something to them, or something else
_SAYING = ("send them a message", "tell them something in writing")
_DOING_TO = ("call them on the phone", "show them", "pay them", "visit them", "meet them")
SAYING_AT_LEAST = 0.55  # cosine of "VERB them" ("let them know") with the nearest of `_SAYING`
SAYING_MARGIN = 0.06  # by which it may trail the nearest of `_DOING_TO`
SENDS_AT_LEAST = 0.45  # score of a verb alone as a sending, for a person in lower case


def told(clause: str) -> tuple[str, str, str] | None:
    """A clause that tells a person something ("tell Noor I'm late", "let Ana know that the
    door code changed", "ask Lee whether he's coming", "tell Noor cool see you then"): its
    verb phrase with "them" for the person ("let them know"), the person, and what to say to
    them, a question when asked with if / whether. Whatever follows the person is the words
    to say, unless it is a thing given ("send Noor a photo") or what the words are about
    ("about dinner"); a definite phrase ("tell Noor the gate code") names a value to send.
    Several people may be named ("both Noor and Ana"); one lower-case word counts as a
    person where it is no closed-class word ("text noor running late")."""
    m = _TOLD.match(clause) or _LOWER_PERSON.match(clause)
    if m is None:
        return None
    if m.re is _TOLD:
        verb, person, thing, know, joiner, said = m.groups()
    else:
        (verb, person, know, joiner, said), thing = m.groups(), None
        if person in _NOT_A_PERSON:
            return None
    if re.search(r"['’]s?$", person):
        return None  # "send Omar's address to Lin": an owner, not the person told
    errand = re.match(r"to\s+([a-z]+\s+\S.*)$", said.strip(" .!"))
    if errand and not (know or joiner) and verb.lower() in _PUT_TO:  # "ask Noor to grab me
        said = f"could you {errand.group(1)}?"  # a coffee": the request put to them
    if not (know or joiner or _FINITE.search(said)) and (
            _NOT_SAID.match(said) or _WHEN.fullmatch(said.strip(" .!"))
            or (QUOTE.search(said) and not QUOTE.fullmatch(said.strip(" .!")))
            or re.fullmatch(rf"{NAME_WORD}(?:\s+{NAME_WORD})*", said.strip(" .!"))):
        return None  # quoted words with more (a time) say themselves, and a quote alone is
        #   the words ("tell Noor "ok""); name words alone go on naming the person
    said = said.strip(" .!")
    form = f"{verb.lower()} them{thing or ''}{know or ''}"
    return form, person, f"{said}?" if joiner in ("if", "whether") else said


# "a note with how much the lamp is, she asked": what a message carries, up to a clause of
# its own
_WITH = re.compile(r"^(?:with|containing)\s+(.+?)(?:,\s*(?:i|you|we|they|he|she)\s.*)?$", re.I)


# where the value just named is kept, said after it: "..., it's probably on my list" (the
# request keeps it: the value is read there, a place of one or two words as `lookup` reads it)
_KEPT_IN = re.compile(r",\s*(?:it's|it\s+is|they're|they\s+are)\s+(?:[a-z]+\s+){0,3}?(?:in|on)\s+"
                      r"(?:my|the|our)\s+[\w-]+(?:\s+[\w-]+)?\s*[.!]?$", re.I)


# an order on the thing named before it ("Ship it to ..."), not a statement ("it is ...")
_ON_IT = re.compile(r"^\w+\s+(?:it|them)\b(?!\s+(?:is|was|'s)\b)")
# a second verb sending what a wh-clause named to a street address: "what's in it, and post
# it to 3 Elm Close" (goods; a value texted to a person is still read first)
_ACTED_ON = re.compile(r"(?:,|\s+and)\s+(?:then\s+)?(?:have\s+)?[a-z]+\s+(?:it|them)\b"
                       r"(?:\s+[a-z]+)?\s+to\s+\d", re.I)


# an order to tell a person with nothing after the person: "Would you let Noor know?"
_TOLD_ALONE = re.compile(rf"^(\S+)(?:\s+to)?\s+{_EACH}{_PERSON}(\s+know)?$")


def _told_before(how: Manner) -> tuple[str, str, str] | None:
    """"The bus broke down. Let Noor know": what is said is what the speaker told
    before the order, the clauses that do not name the person (those are about them)."""
    m = _TOLD_ALONE.match(how.clause.strip(" .!?"))
    if m is None or re.search(r"['’]s?$", m.group(2)):
        return None
    person = m.group(2)
    said = [c for c in how.context if not re.search(rf"\b{re.escape(person)}\b", c)]
    if not said:
        return None
    return f"{m.group(1).lower()} them{m.group(3) or ''}", person, ", ".join(said)


def _carried(said: str) -> str:
    """What a message given "with" a value carries ("a text with the gate code", "a note with
    what the lamp costs"): the value, where the words after "with" name one; "" otherwise."""
    m = _WITH.match(said)
    return m.group(1) if m is not None and is_reference(m.group(1), said_as_text=True) else ""


def indirect_question(clause: str) -> tuple[str, str] | None:
    """A clause whose object is a question ("find out when the shop opens", "check if wifi
    is on"): its verb phrase, and the question put directly ("is wifi on")."""
    m = _INDIRECT.match(clause)
    if m is None:
        return None
    asked = m.group(2)
    yes_no = _YES_NO.match(asked)
    if yes_no is not None:
        asked = f"{yes_no.group(2)} {yes_no.group(1)} {yes_no.group(3)}"
    elif asked.split()[0].lower() in ("whether", "if"):
        return None
    return m.group(1), asked


class ReportedSpeech:
    """Reads orders that report speech, with the goal reader's encoder and operations."""

    def __init__(self, encoder: TextEncoder, operations: OperationReader) -> None:
        self.encoder = encoder
        self.operations = operations
        self._saying = encoder.encode(list(_SAYING))
        self._doing = encoder.encode(list(_DOING_TO))

    def read(self, how: Manner) -> Manner:
        """The request as what it asks: a question, a message, or the order as it was."""
        if how.mood is not Mood.COMMAND:
            return how
        return self._asked_indirectly(how) or self._said_to(how) or self._continued(how) or how

    def _asked_indirectly(self, how: Manner) -> Manner | None:
        found = indirect_question(how.clause)
        if found is None:
            return None
        verb, asked = found
        if self.operations.read(verb, verb).verb_says not in (Operation.ANSWER, Operation.OPEN):
            return None  # "call me when the timer ends"
        if _ACTED_ON.search(asked):  # "check out what I picked and post it to ...": what
            return None  # it names is a thing an order acts on, no answer
        return Manner(Mood.QUESTION, asked, context=how.context)

    def _continued(self, how: Manner) -> Manner | None:
        """"Order all in my basket. Ship it to X": an order on "it" after the one told clause,
        itself an order, goes on with that order's thing: one request in two sentences."""
        if len(how.context) != 1 or not _ON_IT.match(how.clause):
            return None
        before = without_courtesy(how.context[0])
        joined = f"{before} and {how.clause[:1].lower()}{how.clause[1:]}"
        if given_name(joined) is not None or not starts_order(
                before[:1].lower() + before[1:], self.operations):
            return None  # "Set a timer. Call it Eggs": a name given, read as such
        return Manner(Mood.COMMAND, joined)

    def _sends(self, verb: str) -> bool:
        """The verb on its own means sending a message ("text", "txt", "sms")."""
        reading = self.operations.read(verb, verb)
        return reading.operation is Operation.SEND and reading.score >= SENDS_AT_LEAST

    def _said_to(self, how: Manner) -> Manner | None:
        found = _told_before(how) or told(how.clause)
        if found is None:
            return None
        form, person, said = found
        said_to = self.encoder.encode([form])[0]
        saying, other = (float((vecs @ said_to).max()) for vecs in (self._saying, self._doing))
        if saying < SAYING_AT_LEAST or saying < other - SAYING_MARGIN:
            return None
        if person[:1].islower() and not self._sends(form.split()[0]):
            return None  # "write note buy milk": a lower-case word after a verb that does
            #   not itself send is more likely a thing than a person
        kept = _KEPT_IN.sub("", said)  # "the PIN, it's on my list": where it is read
        carried = _carried(kept) or (kept if kept != said and is_reference(kept, True) else "")
        if carried or is_reference(said, said_as_text=True):  # "tell Noor the gate code": a value
            if self._sends(form.split()[0]) and not carried:
                return None  # "email Noor the report": the order already says it
            return Manner(Mood.COMMAND, f"text {person} {carried or said}", context=how.context)
        if how.then and not QUOTE.search(said):  # "tell him soup, I'm cooking tonight":
            said = ", ".join([said, *how.then])  # the words go on until the sentence stops
        context = tuple(c for c in how.context if c not in how.then)
        return Manner(Mood.COMMAND, f"text {person}: {said}", context=context)
