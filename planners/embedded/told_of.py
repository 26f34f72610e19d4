"""Whom and what a told clause is about: the person it starts with or says the speaker deals
with ("Noor wrote about the ladder", "I owe Noor a tenner"), and the noun phrase before a
statement's verb ("the boiler is fixed"). A pronoun later in the request points back at
them (`context.refer_back`)."""

from __future__ import annotations

import re

from planners.embedded.states import past_form
from planners.embedded.wording import (
    AUXILIARIES,
    IRREGULAR_PAST,
    NAMES,
    PERSONAL,
    PRONOUNS,
    SUBJECTS,
    closed_class,
)

_NOT_NAMES = closed_class("the a an my our your his her their its this that these those there "
                          "it i we you they he she")
_PERSON_FIRST = re.compile(rf"({NAMES})\s+[a-z]")
# the speaker, a verb, and a name after it with no article, no digits ("I owe Noor a tenner",
# "I'm on a train and must get hold of Noor": the verb phrase after "and" as well)
_PERSON_AFTER = re.compile(rf"^(?:I|We)(?:'\w+)?\s+(?:[^,;]*?\band\s+)?"
                           r"(?:(?!(?:the|a|an|my|our|this)\s)[a-z']+\s+)"
                           rf"{{1,4}}?(?!I\b)({NAMES})\b(?<!\d)(?=\W|$)")


# a past verb, its subject (the speaker) left out, and a name after it: "Bumped into Noor"
_PERSON_AFTER_VERB = re.compile(rf"^\S+\s+(?:[a-z']+\s+){{0,3}}?({NAMES})\b")
# "his name's Tomas Berg": who "his" and "him" are, said
_NAMED_AS = re.compile(rf"^(?i:her|his|their)\s+name(?:['’]s|\s+is)\s+({NAMES})")
# someone a thing is for or from ("the florist wants a number for Noor")
_PERSON_FOR = re.compile(rf"\b(?:for|from|with|about)\s+({NAMES})(?=\W*$)")

# a bare word, then its verb: "noor is minding the dog", "noor texted"
_LOWER_SUBJECT = re.compile(rf"^([a-z][a-z-]{{2,}})(?:\s+(?:{'|'.join(sorted(AUXILIARIES))}|"
                            r"[a-z]+(?:[^s]s|ed))\b|['’]s\s+[a-z]+ing\b)")  # "noor's asking"


def person_told(clause: str) -> str:
    """The person a told clause starts with ("Noor" of "Noor wrote about the ladder", of
    "Noor's bus is late"), else the one the speaker says they deal with ("Noor" of "I owe
    Noor a tenner"); "" when it names nobody. Written all in lower case, a subject with no
    article before its verb is a name ("noor is minding the dog")."""
    m = _PERSON_FIRST.match(clause)
    if m is not None and (m[1].split()[0].lower() in IRREGULAR_PAST or past_form(m[1].split()[0])):
        m = _PERSON_AFTER_VERB.match(clause)  # "Ran into Noor": the speaker did, Noor is met
    if m is None or re.sub(r"['’]\w+$", "", m.group(1).split()[0].lower()) in _NOT_NAMES:
        m = _PERSON_AFTER.match(clause) or _NAMED_AS.match(clause) or _PERSON_FOR.search(clause)
    if m is None and clause == clause.lower():
        m = _LOWER_SUBJECT.match(clause)
        return m.group(1).capitalize() if m and m.group(1) not in (
            _NOT_NAMES | SUBJECTS | PRONOUNS) else ""
    return re.sub(r"['’]s$", "", m.group(1)) if m else ""


def subject(clause: str) -> str:
    """The noun phrase before a statement's verb ("the boiler is fixed" -> "the
    boiler"); "" when the clause does not start with one."""
    words = clause.split()
    verb = next((i for i, w in enumerate(words[1:6], 1) if w.lower() in AUXILIARIES), None)
    if not words or (words[0].lower() in PRONOUNS | PERSONAL and verb in (1, None)):
        return ""  # "that is ...": a pronoun; "that 6:20 alarm is ...": a thing
    if verb is not None:  # "the plumber's visit is ...": the "'s" before it is whose
        return " ".join(words[:verb])
    shortened = next((i for i, w in enumerate(words[1:6], 1) if w.lower().endswith("'s")), None)
    if shortened is None or any(past_form(w) for w in words[1:shortened]):
        return ""  # "Bo asked me for Ana's email": a verb before it, so no subject's "'s"
    return " ".join([*words[:shortened], words[shortened][:-2]])
