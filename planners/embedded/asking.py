"""Which clause of a request asks, and how it is put: the order, question or wish among the
clauses that only tell its context ("Rice just went on. Set off a ten minute countdown"), its
mood, and what the context lends the words that point back at it (`context`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from planners.embedded.context import got, needed, refer_back, sent_phrase
from planners.embedded.counts import refusal_only
from planners.embedded.owned import KINDS
from planners.embedded.states import bare, split_state
from planners.embedded.told_of import person_told, subject
from planners.embedded.wording import (
    AUXILIARIES,
    INTERJECTIONS,
    IRREGULAR_PAST,
    NAME_WORD,
    NAMES,
    NUMBER_WORDS,
    PARTICLES,
    PERSONAL,
    QUESTION_WORDS,
    QUOTE,
    SAYS_VALUE,
    SUBJECTS,
    closed_class,
    courteous,
    is_question,
    wished_away,
    without_courtesy,
)

# a past verb: "Kai texted me", "Decided against the rug, ..." (no subject)
_TOLD = re.compile(rf"^(?:{NAMES}\s+)?[a-z]{{2,}}[^e\s]ed\b|^[A-Z][a-z]+[^e\s]ed\s+[a-z]|"
                   r"^[a-z][a-z'-]+\s+[a-z]+[^e\s]ed\s+(?:me|us)\b")  # "jo emailed me"
WISH = re.compile(r"^(?:i(?:'d|\s+would)\s+(?:like|love|prefer)|i\s+(?:(?:only|just|really)\s+)?"
                  r"(?:want|need|wish|prefer)|i(?:'m|\s+am)\s+after)\b\s*", re.I)
# words before a colon that set the scene for what follows it (no time, no quote)
_PREFACE = re.compile(r"^([^:\"“'‘\d]{3,80}):\s+(\S.*)$")
# leave given for what the order does ("go ahead and book it", "feel free to"): no order
_CONSENTS = re.compile(r"^(?:go\s+ahead|feel\s+free|you\s+(?:can|may)\s+(?:go\s+ahead|just))\b",
                       re.I)
# a thing said to be a value: "the gate code is 4411", "combo's 12-34-56" (digits in it)
_STATES_VALUE = re.compile(r"(?:(?:the|my|our|his|her|their)\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}"
                           r"(?:\s+(?:is|are)|'s)\s+\S*\d\S*", re.I)
# a wish that caps a count ("I just need 2 of those"): fewer than there are, none added
_CAPS = re.compile(rf"^i\s+(?:only|just)\s+(?:want|need)\s+(?:\d+|{'|'.join(NUMBER_WORDS)})\b",
                   re.I)
# a count and what it counts: "five lamps in my bag"
_COUNTED = re.compile(rf"\b(?:\d+|{'|'.join(NUMBER_WORDS)})\s+([^,;.!?]+)", re.I)
_STATE = re.compile(r"^(.+?)\s+(?:should|needs?\s+to|must|has\s+to|have\s+to|ought\s+to|"
                    r"shall)\s+(?:be|stay|remain)\s+(.+?)$", re.I)
_ENSURE = r"(?:make\s+sure|ensure|see\s+to\s+it)"  # an order whose object is a clause
_MAKE_SURE = re.compile(rf"^{_ENSURE}(?:\s+that)?\s+(.+?)\s+"
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
    then: tuple[str, ...] = ()  # the told clauses after it in its own sentence ("tell him
    #   soup, I'm cooking tonight": words a message may run on to)


def manner(text: str) -> Manner:
    """Read how the request is put (see `Manner`)."""
    raw, context = request_clause(" ".join(text.split()))
    how = _manner(raw.rstrip(",;"))
    if not context:
        return how
    told = tuple(c.rstrip(" ,;.!") for c in context)
    stated = next((c for c in told if _STATES_VALUE.fullmatch(c)), "")
    if stated and (m := re.match(r"^\S+\s+(it|that)\b", how.clause, re.I)):  # "the code is
        how = replace(how, clause=f'{how.clause[:m.start(1)]}"{stated}"{how.clause[m.end(1):]}')
        #   4411, jot that down": the words that say the value, kept as they were said
    clause = refer_back(how.clause, told, lambda c: needed(c) or subject(c) or wished_away(c)
                        or ordered(c) or _exclaimed(c, context, how.clause), person_told)
    topic = next((m[1] for c in told if (m := _FOR_TOPIC.search(c))), "")
    if topic and (kind := _KIND_UNNAMED.search(clause)):  # "for the trip: ... onto the note":
        clause = (f"{clause[:kind.start()]}my {kind[1]} for {topic}"  # the trip's list, the
                  f"{clause[kind.end():]}")  # speaker's own
    capped = _CAPS.match(clause)
    counted = next((m.group(1) for c in told if (m := _COUNTED.search(c))), "")
    if capped and capped.end() == len(clause) and counted:  # "five lamps in my bag? I just
        clause = f"{clause} of the {counted}"  # need two": two of what was counted
    return Manner(how.mood, clause, how.thing, how.state, told, _same_sentence(text, raw, told))


# a thing named alone, a few words and no verb: "napkins!!", "Rye bread."
_NAMED_ALONE = re.compile(r"(?:(?:some|more|an?|the|\d+)\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}",
                          re.I)


# what the scene set before a colon is for ("and for the picnic:"), and a kind of
# thing the order names by "the" alone ("onto the note")
_FOR_TOPIC = re.compile(r"\bfor\s+((?:the|my|our)\s+[^:,]+?):$", re.I)
_KIND_UNNAMED = re.compile(rf"\b(?:the|my|our)\s+({'|'.join(sorted(KINDS))})\b(?!\s+for\b)",
                           re.I)


def _exclaimed(told: str, context: Sequence[str], clause: str) -> str:
    """The things a told sentence only names (`told` as `context` has it, with its stop: a
    sentence of its own), which "them" or "it" in the order `clause` then stands for
    ("napkins!! add them to my list": a plural for a plural; "it" for one thing named just
    before the order); "" for anything else."""
    said = next((c for c in context if c.rstrip(" .!") == told), "")
    plural = re.search(r"[^s]s$", told) is not None
    if not said.rstrip().endswith((".", "!")) or not _NAMED_ALONE.fullmatch(told) or not (
            re.search(r"\bthem\b", clause, re.I) if plural else said == context[-1]
            and re.search(r"\bit\b", clause, re.I)) or (
            told.lower() in INTERJECTIONS or opens_order(told) or _states(told)
            or _WHEN_ONLY.fullmatch(told.lower())):
        return ""
    return told


def _same_sentence(text: str, raw: str, told: tuple[str, ...]) -> tuple[str, ...]:
    """The told clauses that follow the asking one with no stop between them."""
    at = text.find(raw)
    if at < 0 or raw.rstrip()[-1:] in tuple(".?!"):
        return ()
    rest = clauses(re.split(r"(?<=[.?!])\s", text[at + len(raw):], maxsplit=1)[0])
    return tuple(c.rstrip(" ,;.!") for c in rest if c.rstrip(" ,;.!") in told)


# a kind of thing a phone keeps, alone or after an article or number and what describes it
# ("alarm", "a fresh memo", "5 min timer"), then what it is for: no verb, a thing asked for
_THING_ASKED = re.compile(rf"(?:(?:an?|another|one|new|\d\S*)\s+(?:[\w-]+\s+){{0,4}}?)?"
                          rf"(?:{'|'.join(sorted(KINDS))})s?(?:\s+(?:for|at|called|named)\s.*)?",
                          re.I)


def _manner(raw: str) -> Manner:
    asked = raw.rstrip().endswith("?")
    clause = without_courtesy(raw).rstrip("?").strip()
    wish = WISH.match(clause)
    if wish is not None and not caps_count(clause):
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
    if _THING_ASKED.fullmatch(clause):  # "alarm please", "a memo": a new thing wished
        one = clause if re.match(r"(?:an?|another|one)\s|\d", clause, re.I) else f"a {clause}"
        return Manner(Mood.STATE, one, *split_state(one))  # for, never a switch
    return Manner(Mood.COMMAND, clause)


def clauses(text: str) -> list[str]:
    """The sentences and comma-separated clauses of a request; a quotation's stops and commas
    are the words quoted ("text Jo 'hi, up?'"), not the request's."""
    hide = str.maketrans(".?!;,", "\ue000\ue001\ue002\ue003\ue004")
    masked = QUOTE.sub(lambda m: m.group(0).translate(hide), text)
    return [c.strip().translate({v: k for k, v in hide.items()})
            for c in re.split(r"(?<=[.?!;,])\s+", masked) if c.strip(" .,;!?")]


def _aside(clause: str, before: str, last: bool) -> bool:
    """A word said on its own before or after a comma, before the request goes on ("stuck in
    traffic, ugh. Let ...", "hm, ..."): a sigh or an afterthought that tells nothing and asks
    nothing."""
    word = re.fullmatch(r"([A-Za-z][a-z]*)[.!,]?", clause)
    return not last and (before.endswith(",") or clause.endswith(",")) and word is not None and (
        clause[0].islower() or word.group(1).lower() in INTERJECTIONS)


def caps_count(clause: str) -> bool:
    """The clause wishes for fewer than there are ("I just need 2 of those"): nothing is added."""
    return _CAPS.match(clause) is not None


def _complains(clause: str) -> bool:
    """A question for a reason ("why is the screen so dim?") is no question a phone
    answers: said with a request, it tells what is wrong."""
    return re.match(r"(?:why|how\s+come)\b", clause, re.I) is not None


def _first(clause: str) -> str:
    return clause.split()[0].lower() if clause.split() else ""


# a question whether a thing can be done at all: "is it possible to ...", "any way to ..."
_CAN_IT_BE = re.compile(r"(?:is|isn't)\s+(?:there\s+(?:a|any|some)\s+way|it\s+possible)\b",
                        re.I)


def request_clause(text: str) -> tuple[str, list[str]]:
    """(the clause that asks, the clauses around it that tell the context). The one that
    asks opens with words of courtesy or a question, with the clauses after it that give it a
    value (courtesy on a verbless fragment leaves it to a later clause that opens as an order;
    what the speaker did never asks); else the one clause that does not tell, or, where every
    clause tells, the one wish; else the one sentence with an order, or of several the one
    with a clause that opens as orders do (`opens_order`), and within it that clause. When
    none does, or a clause is a value with no word (", 0161 496 0000": the request's own),
    the whole text asks. Words that set the scene before a colon, a question for a reason
    ("why ...?") and leave given ("go ahead and book it") only tell."""
    preface = _PREFACE.match(text)
    if preface and not opens_order(preface[1]) and not re.search(r"\s(?!I\b)[A-Z]", preface[1]):
        #   "Quick one before I go: is X on?" (a name before the colon says whom: "Reply to
        #   Mom: ...", "Save Ana Roe as a contact: ...")
        clause, told = request_clause(preface[2])
        return clause, [f"{preface[1]}:", *told]
    parts = [p for p in clauses(text) if without_courtesy(p).strip(" ,;.!?")
             and not refusal_only(p)]  # ", not just two" tells which count, asks nothing
    if len(parts) < 2 or not all(re.search(r"[^\W\d_]", p) for p in parts):  # a clause of
        told = 0  # courtesy alone asks nothing; a value alone is the request's own, and so
        while told < len(parts) - 1 and (_states(parts[told]) or got(parts[told]) or _TOLD.match(
                parts[told])) and not WISH.match(parts[told]):
            told += 1  # is all from the clause that asks on, after those that tell ("I met
        if 0 < told < len(parts) and (courteous(parts[told]) or opens_order(parts[told])):
            return " ".join(parts[told:]), parts[:told]  # Bo today, could you save him? Bo
        return (parts[0] if len(parts) == 1 else text), []  # Ek, 555 0100")
    for i, part in enumerate(parts):
        plain = without_courtesy(part).rstrip(" ,;")
        if _complains(plain) or _CONSENTS.match(part):
            continue
        asked = is_question(plain, part.endswith("?"))
        if (courteous(part) or asked) and not (
                got(plain) or _TOLD.match(plain)):  # "just got my bike back, ...", "Kai
            #   texted me ...": what the speaker or someone did asks nothing
            if not (asked or opens_order(plain) or WISH.match(plain)):
                # "four of those, please. Put them in my basket": courtesy on a fragment; the
                # order is the clause after it that opens as orders do
                i = next((j for j, p in enumerate(parts)
                          if j > i and opens_order(p) and not _states(p)), i)
                part = parts[i]
            if asked and _CAN_IT_BE.match(part) and (order := next(
                    (j for j, p in enumerate(parts) if j > i and parts[j - 1][-1] in ".?!"
                     and opens_order(p)), None)) is not None:  # "is it possible to X?
                return parts[order], parts[:order] + parts[order + 1:]  # arrange it": the
                #   order asks; the question only says what for
            if asked and _first(plain) in AUXILIARIES:  # "did I set one too late? when does
                i = next((j for j, p in enumerate(parts)  # the latest one ring?": the worry,
                          if j > i and p.endswith("?") and _first(p) in QUESTION_WORDS), i)
                part = parts[i]  # then the question whose answer settles it
            given = [p for p in parts[i + 1:] if _GIVEN.match(p) or (asked and re.match(
                r"or\s", p, re.I))]  # "..., or is it off?": the other answer it offers
            return " ".join([part, *given]), [p for p in parts if p != part and p not in given]
    if len(parts) == 2 and wished_away(parts[0]):  # "the old rota can go, bin it"
        return parts[1], parts[:1]
    told = [_states(p) or _complains(p) or bool(_CONSENTS.match(p))
            or _aside(p, parts[i - 1] if i else "", p is parts[-1]) for i, p in enumerate(parts)]
    wishes = [i for i, p in enumerate(parts) if WISH.match(without_courtesy(p))]
    if told.count(False) == 1 or (not told.count(False) and len(wishes) == 1):
        i = told.index(False) if False in told else wishes[0]  # an order starts with its
        if len(wishes) == 1 and not opens_order(parts[i]) and not is_question(
                parts[i], parts[i].endswith("?")):  # "Battery's at 9%. I want the saver
            i = wishes[0]  # on": a statement with a value, and the wish that asks
        return parts[i], parts[:i] + parts[i + 1:]  # verb ("the meeting is off, ..."); where
        #   every clause tells, the one wish asks ("it's too loud. I want it quieter")
    sentences, ends = [], [i + 1 for i, p in enumerate(parts) if p[-1] in ".?!"]
    for start, end in zip([0, *ends], [*ends, len(parts)], strict=True):
        if start < end:
            sentences.append(parts[start:end])
    # "Noor wrote about the ladder. Text her back: sure, it's free.": a sentence that only
    # tells is context, and the one sentence with an order asks, whole
    asking = [s for s in sentences if not all(t for p, t in zip(parts, told, strict=True)
                                              if p in s)]
    if len(asking) > 1:  # "Rice just went on. Set off a ten minute countdown.": of the
        #   sentences none says is told, the one with a clause that opens as orders do, where
        #   no other says what a value is ("Her number is 555 0100": the request's own)
        ordering = [s for s in asking if any(map(opens_order, s))] or [
            s for s in asking if len(s) == 1 and _THING_ASKED.fullmatch(  # "... timer
                without_courtesy(s[0]).strip(" .!"))]  # please": a thing asked for
        gives = any(SAYS_VALUE.search(p) for s in asking if s not in ordering for p in s)
        asking = ordering if len(ordering) == 1 and not gives else asking
    if len(asking) == 1 and len(sentences) > 1:
        if opens_order(asking[0][0]):
            return " ".join(asking[0]), [p for s in sentences if s is not asking[0] for p in s]
        clause, told = request_clause(" ".join(asking[0]))  # "I won't use X, turn it
        return clause, [p for p in parts if p not in asking[0] or p in told]  # off": in it,
        #   the clause that asks
    return text, []


# what follows an order's verb: the first word of its object, or its particle ("count down")
_OBJECT_OPENS = closed_class("a an the my your our his her their this that these those some "
                             "all every each another it them me him us") | PARTICLES
# a bare plural object, then a phrase that says which ("Mute alerts from that chat"); after a
# subject, a verb ("Kai keeps pinging me") is followed by no such phrase
_PLURAL_OBJECT = re.compile(r"^\S+\s+[a-z]{3,}s\s+(?:from|of|about|for|in|on|with|by)\s", re.I)
# a participle: a syllable before its "-ing" ("sitting"; a verb ending so has none: "bring")
_PARTICIPLE = re.compile(r"[aeiouy]\w*(?<!th)ing$")  # not "nothing"
# words that open a phrase or name someone or something, never an order
_NEVER_VERBS = closed_class("into onto in on at to from with for by about after before under over "
                            "through without whatever whichever whoever however everything "
                            "nothing everyone nobody")


# a clause that keeps things as they are: "leave those alone", "let the rest be"
_KEEPS = re.compile(r"^(?:(?:leave|let)\s+.+?\s+(?:alone|be|untouched|there|as\s+(?:is|"
                    r"(?:it|they)\s+(?:is|are)))|stop(?:\s+(?:there|then|after\s+that))?)\W*$",
                    re.I)  # ("..., then stop": nothing more is done)
# only a time: "tomorrow", "this weekend", "on friday"
_WHEN_ONLY = re.compile(r"(?:on\s+|this\s+|next\s+)?(?:today|tonight|tomorrow|week|weekend|"
                        r"month|[a-z]+day)(?:\s+(?:morning|afternoon|evening|night))?")


def keeps(clause: str) -> bool:
    """The clause keeps things as they are ("leave it there", "let the rest be"): no order."""
    return _KEEPS.match(clause.strip()) is not None


# verbs that have someone do a thing: "Let Mia know ...", "Have Mia call me"
_CAUSATIVE = closed_class("let have make help")


def opens_order(clause: str) -> bool:
    """The clause opens as an order does: a verb, then its object or its particle ("Pop it
    in the bin", "Set off a ten minute countdown", "Mute alerts from that chat"), or a word
    written in lower case, then a name ("ping Mia ..."; "Ana Ruiz texted" is a name) or
    quoted words ("text 'on my way' to Mia"). A statement's subject is followed by its verb
    ("Rice just boiled", "Battery's low"); a participle ("Sitting on a bus") opens no
    order."""
    written = without_courtesy(clause).split()
    words = [w.lower().strip(",.;:!?") for w in written]
    if len(words) < 2 or not words[0].isalpha():
        return False
    first, after = words[:2]
    if _KEEPS.match(clause) or (after in PARTICLES and _WHEN_ONLY.fullmatch(
            " ".join(words[2:]))):  # "Week off soon!!": a particle with no object, then
        return False  # only when: a noun, no verb; "leave those be" changes nothing
    if first in SUBJECTS | PERSONAL | QUESTION_WORDS | AUXILIARIES | _NEVER_VERBS or (
            _PARTICIPLE.search(first)) or re.search(r"\w['’](?:s|re|ve|ll|d)$", first):
        return False  # "Battery's down to 9%": a subject and its verb, shortened
    named = re.fullmatch(rf"(?!I\b){NAME_WORD}", written[1].strip(",.;:!?")) is not None and (
        written[0].islower() or first in _CAUSATIVE or (len(words) > 2 and (
            words[2] in SUBJECTS | _OBJECT_OPENS | {"that", "to"} or words[2].startswith(
                "i'"))))  # "tell Mia ...": a word in lower
    #   case, then a name; or any word, a name, then what is said or given ("Tell Mia I'll
    #   be late", "Ask Mia to wait"; "Mia Lind texted" is a name)
    quoted = QUOTE.match(" ".join(written[1:])) is not None  # "text 'on my way' to Mia"
    pointed = after in _NEVER_VERBS and len(words) > 2 and words[2] in (  # "wait for me",
        "it", "them", "him", "her", "me", "us")  # "look for them": a verb, its pronoun object
    return named or quoted or pointed or after in _OBJECT_OPENS or after.isdigit() or (
        after in NUMBER_WORDS) or re.match(
        _ENSURE, " ".join(words), re.I) is not None or bool(_PLURAL_OBJECT.match(clause))


# an order's verb, its particle, then the thing it names: "Shut off my porch light"
_ORDERED = re.compile(r"^\S+\s+(?:(?:on|off|up|down|out)\s+)?((?:my|our|the|this|that)\s+"
                      r"[^,;.!?]+?)(?=\s+(?:on|off|up|down|out|from|in|to|for|at|with)\b|"
                      r"[,;.!?]|$)", re.I)


def ordered(clause: str) -> str:
    """The thing an order of the context names ("Shut off my porch light." -> "my porch
    light"): a later clause that says it again with "it" ("only switch it off, don't unplug
    it") means that thing; "" when the clause is no order or names no thing of its own."""
    m = _ORDERED.match(without_courtesy(clause)) if opens_order(clause) and not _states(
        clause) else None
    return m.group(1) if m else ""


# verbs whose form says a subject was left out before them: no order opens with one
_SUBJECT_LEFT_OUT = closed_class("is was has needs takes seems looks sounds feels goes says wants")


def _states(clause: str) -> bool:
    """The clause starts with its subject, as a statement does ("my tablet's overheating", "the
    flight got delayed"); an order starts with its verb. A statement that gives a value
    ("the password is gull-7781") is part of the request, not its context; what someone did
    ("Kai texted me "6:45"", subject left out or a name) is told, with its values."""
    first = clause.split()[0].lower().strip(",.;!?") if clause.split() else ""
    if first in _SUBJECT_LEFT_OUT | IRREGULAR_PAST:  # "needs 2 minutes", "takes ages": a
        return True  # verb of its subject; "ran into Bo", "caught in the rain": what happened
    gives = re.search(r"\d(?!\d*(?:st|nd|rd|th)\b)|(?<!\w)[\"“'‘]\w", clause)  # "2nd": a place
    if got(clause) or _PARTICIPLE.search(first) or sent_phrase(clause):  # "just got my bike
        return True  # back", "sitting on a bus": what the speaker did or does, its subject
        #   left out; "Ana sent me the code": what someone did
    return bool(_TOLD.match(clause)) or (not gives and (  # what was said is told, values too
        first in SUBJECTS | PERSONAL or bool(re.search(r"\w'(?:s|re|m|ve|d|ll)$", first))))
