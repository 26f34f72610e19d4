"""Words of a request's order that point back at what its context told: "the fan rattles,
send it back": "it" is the fan; "Lin wrote what day the party is, put a reminder on that
day": "that day" is the day the message gives, a value to read before it is used
(`lookup`), never the order's end by itself.

A told clause lends its referents in four ways: the person it starts with ("Noor wrote
about the ladder") for "her" or "him", or as the one an answer goes to ("write back"); the
named place it puts someone in ("Ravi is in Oslo") for "there"; its topic (its subject, else
the phrase after "about", "on", "regarding" or "against" that ends it: "not so sure on the
rug", "decided against the rug", else what the speaker says they got or did something to:
"just got my bike back from the shop") for "it" or "them" (not the "it" of "what day is
it", nor one that follows a new thing the order makes and a verb after "and": "make a note
and title it X"); and a wh-phrase ("what day the party is") for "that" (or "this", "the
same") followed by the wh-phrase's own noun (a "when" clause, by a noun of time: "that
hour", "that day"); once the value is read and quoted where the wh-phrase stood, the value
itself ("put a reminder on Friday").

A value a person told ("Lin texted me what day the party is") is read where that person
said it: in the message from them (`teller`), not wherever a value of its kind is shown; one
that came in a message from someone the request does not name ("the ferry line texted my
sailing time") is read in the messages (`came_by_message`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from planners.embedded.counts import NUMBER_WORDS
from planners.embedded.wording import TIME

_ABOUT = re.compile(r"\b(?:about|on|regarding|against)\s+(?:[a-z]+ing\s+)?"  # ("about buying")
                    r"((?:the|my|our|this|that)\s+.+?)\s*$", re.I)
_WH = re.compile(r"\b(?:what|which)\s+(\w+)\s+.+$", re.I)
_WHEN = re.compile(r"\bwhen\s+.+$", re.I)  # "when the party is": a time or a day, asked
_TIME_NOUNS = ("time", "day", "date", "hour")  # what "that ..." points at for a "when" clause
# "what day is it", "what hour is it": the "it" of the time, which points at nothing told
# a new thing the order makes, then a clause of its own: "set an alarm ... and label it
# X" labels the new alarm, whatever the context told
_MADE_BEFORE = re.compile(r"\b(?:a|an|another)\s+\w.*\b(?:and|then)\s+\S+\s*$", re.I)
AMBIENT_IT = re.compile(r"\b(?:time|day|date|hour|month|year)\s+is\s+it$", re.I)
# a named place a told clause puts someone or something in ("Mum's in Lima"), which "there"
# points back at; not "there is", "is there" (nothing is placed by those)
_IN_PLACE = re.compile(r"\b((?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
_THERE = re.compile(r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)\b(?:(?:over|out|down|up|back)\s+)?"
                    r"there\b(?!'s|\s+(?:is|are|was|were)\b)", re.I)
_READ = re.compile(r'"([^"]+)"$')  # a told value, read and quoted in place (`lookup.resolve`)
_POINTER = re.compile(r"\b(?:that|this|the\s+same)\s+(\w+)\b", re.I)
# a person by name, a verb, and to whom: "Aunt Lin texted me ", "Ada sent us "
_TELLER = re.compile(r"(?<![\w'’])((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)\s+[a-z]\w*\s+(?:me|us)\s+"
                     r"(?:(?:by|over|in|via)\s+(?:a\s+)?\w+\s+)?$")  # "wrote me over chat "

# a sentence that says who wrote the value, before the order that names it by its kind
# ("bertil messaged me where the barbecue is. pop the address in a memo"): the writer, written
# in any case where the sentence opens with them
_TOLD_BY = re.compile(r"(?:^|[.!?]\s+)((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*|(?!(?:someone|somebody|"
                      r"they|he|she|it|who|nobody|everyone)\b)[a-z][\w'’-]+)\s+(?:texted|messaged|"
                      r"wrote|emailed|sent)\s+(?:me|us)\s+(?:what|where|when|which|who|how|the)\b")


# a past verb of sending a message, or the message as the means ("said so in a message"):
# what it gave was written in a message
_MESSAGED = re.compile(r"\b(?:texted|messaged|sent|wrote|emailed|whatsapped|dm'?ed|"
                       r"(?:by|over|in|via)\s+(?:a\s+)?(?:text|message|sms|e-?mail|dm))\b", re.I)
_OWN_PLACE = re.compile(r"\b(?:from|in|on)\s+(?:my|the|our|your)\s+\w", re.I)


def came_by_message(text: str, phrase: str) -> bool:
    """The value `phrase` names came in a message ("the ferry line texted my sailing time",
    "the code Ida sent me"), unless the phrase says itself where it is written ("the code in
    my Shed note")."""
    return _MESSAGED.search(text) is not None and not says_where(phrase)


def says_where(phrase: str) -> bool:
    """The phrase says itself where its value is written ("the code in my Shed note")."""
    return _OWN_PLACE.search(phrase) is not None


def teller(text: str, phrase: str) -> str:
    """The person whose message tells the value `phrase` names ("Aunt Lin" of "Aunt Lin
    texted me what time the match starts"); "" when the request says nobody told it."""
    at = text.find(phrase)
    m = (_TELLER.search(text[:at]) or _TOLD_BY.search(text[:at])) if at > 0 else None
    return m.group(1) if m else ""


# "we still need lamp oil", "we've run out of rice", "I'll take two of those": the thing the
# person lacks, or chose
_ASKED_FOR = re.compile(r"^[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+(?:asked|is\s+asking|wants)\s+"
                        r"(?:me|us)\s+for\s+(.+?)$")
_NEEDED = re.compile(r"^(?:i|we)(?:(?:'ll|'ve)?\s+(?:also\s+|still\s+|really\s+)?"
                     r"(?:need|want|take|could\s+use|ran\s+out\s+of|run\s+out\s+of|"
                     r"are\s+out\s+of|'re\s+out\s+of)|(?:'m|\s+am|'re|\s+are)\s+(?:after|"
                     r"(?:thinking\s+(?:of|about)|planning\s+on)\s+(?:getting|buying|ordering)))\s+"
                     r"(?:some\s+|more\s+)?(.+?)(?:\s+(?:too|as\s+well|again|today|tonight|"
                     r"tomorrow|later|soon))?$", re.I)


# a count of the thing told, said alone ("four of those"): how many the order is for
_COUNTED = re.compile(r"(\w+)\s+of\s+(?:them|those|these)(?:\s+please)?", re.I)
# what the speaker got or did something to, said first ("just got my car back from the
# garage", "I bought a new speaker"): a past verb, its subject the speaker or left out, and its
# object, up to where a particle, a preposition or a time begins
_IRREGULAR_PAST = ("got|bought|brought|found|lost|made|took|sold|gave|had|built|caught|chose|"
                   "drove|paid|won|hung|kept|sent|tore|broke|wore|rode|met|saw|heard|left")
#   (not "put", "set", "read": orders as well)
_SPEAKER_DID = re.compile(
    rf"^(?:(?:i|we)(?:'ve|\s+have)?\s+)?(?:just\s+|finally\s+|recently\s+)?(?:{_IRREGULAR_PAST}|"
    r"[a-z]+[^e\s]ed)(?:\s+(?:up|back|out|in))?\s+((?:my|our|a|an|the|this|that|some)\s+.+?)"
    r"(?=\s+(?:back|up|out|in|on|off|"
    r"from|at|for|to|with|yesterday|today|this|last)\b|\s*[,;.!]|\s*$|"
    r"\s+(?:and|but)\s+(?:they|it|he|she|i|we|you)\b)", re.I)  # "... and it's flashing"


def got(clause: str) -> str:
    """What a told clause says the speaker got or did something to ("finally picked up my
    bike from the repair shop" -> "my bike"): an order after it that points back means it."""
    m = _SPEAKER_DID.match(clause.strip(" ,;.!"))
    return m.group(1) if m else ""


# "... is kept in my journal", "... is written on the fridge list": where it is kept
_KEPT = re.compile(r"\b(?:is|are|'s)\s+(?:(?:kept|written|saved|noted|stored)\s+(?:down\s+)?)?"
                   r"(?:in|on)\s+((?:my|the|our)\s+[\w-]+(?:\s+[\w-]+)?)\s*$", re.I)


def needed(clause: str) -> str:
    """What a told clause says the person lacks ("we still need lamp oil" -> "lamp oil"), or
    what someone asked them for ("Bo asked me for Ana's email address"): an order after it
    that points back ("pin it to our list", "mail it to Bo") means that thing."""
    m = _NEEDED.match(clause.strip(" ,;.!")) or _ASKED_FOR.match(clause.strip(" ,;.!"))
    return m.group(1) if m else ""


# someone sent the speaker a value: "Ana texted me the pickup time"
_SENT_ME = re.compile(r"^((?-i:[A-Z][\w'-]*)(?:\s+(?-i:[A-Z][\w'-]*))?|(?-i:[a-z][\w'-]+))\s+"
                      r"(texted|messaged|sent|emailed|mailed)\s+(?:me|us)\s+"
                      r"((?:the|a|an|their|his|her)\s+(?!(?:text|message|e-?mail|note|line)\b)"
                      r"[^,;.!?]+?)(?=\s+(?:and|but|so|while|when|this|today|yesterday|earlier|"
                      r"last|on)\b|$)", re.I)  # (a value, not the message itself; when it was
#   sent and what followed are not part of it; the sender in a hurry may be in lower case)


def sent_phrase(clause: str) -> tuple[str, str] | None:
    """A told clause that says someone sent the speaker a value ("Ana texted me the pickup
    time"): (the value as said, "the pickup time"; what it is, "the pickup time Ana texted
    me": read where it was sent), or None."""
    m = _SENT_ME.match(clause.strip(" ,;.!"))
    if m is None:
        return None
    value = re.sub(r"^an?(?=\s)", "the", m[3])
    return m[3], f"{value} {m[1]} {m[2]} me"


def sent_me(told: Sequence[str]) -> str:
    """What the value someone sent the speaker is (`sent_phrase`), or ""."""
    return next((p[1] for c in told if (p := sent_phrase(c))), "")


# "that" asked of, after the verb that asks ("what would that cost", "how much is that")
_THAT_ASKED = r"(?:(?<=\bwould\s)|(?<=\bwill\s)|(?<=\bdoes\s)|(?<=\bis\s))that(?=\s+[a-z]+\W*$)"
_OWN_OBJECT = re.compile(r"\b(?:the|my|our|this|that)\s+\w+", re.I)  # "buy the lamp and
#   send it there": "it" is the order's own thing, not a value sent to the speaker


def _read_value(told: Sequence[str]) -> str:
    """A value read and put in a told clause in its place (`lookup.resolve`): 'Ana texted me
    "4:35 pm"' -> "4:35 pm" (a clock time bare, so that it is read as one)."""
    m = next((m for c in told if (m := _READ.search(c.strip(" ,;.!")))), None)
    if m is None:
        return ""
    return m[1] if TIME.fullmatch(m[1]) else m[0]


# a question of which value the speaker is to use ("which line should I ring", "which address
# should we write to")
_SPEAKER_ASKS = re.compile(r"^(what|which)\s+(\w+)\s+(?:do|should|can|could|must)\s+(?:I|we)\b",
                           re.I)


# a subject that names no thing of its own ("all I picked", "everything we need", "what I
# chose"), and the place a told clause puts it in
_ALL_OF = re.compile(r"(?:everything|all|whatever|what)\b", re.I)
_HELD_IN = re.compile(r"\b(?:in|on)\s+((?:my|our|the)\s+[\w-]+)\s*$", re.I)


def _done_to(who: str, told: Sequence[str]) -> str:
    """The thing the person told of acts on ("Bo is admiring the green lamp in the shop" ->
    "the green lamp"), which "it" then means; "" when no told clause says one."""
    if not who:
        return ""
    thing = re.compile(rf"^{re.escape(who)}\s+(?:[a-z']+\s+){{1,3}}?((?:the|that|this)\s+"
                       r"[^,;.!?]+?)(?=\s+(?:in|on|at|from|for|to|this|today|tonight|tomorrow)\b"
                       r"|$)")
    return next((m[1] for c in told if (m := thing.match(c))), "")


def refer_back(clause: str, told: Sequence[str], topic: Callable[[str], str],
               person: Callable[[str], str]) -> str:
    """`clause` with what points back at the `told` clauses put in place (see the module
    docstring). `topic(told clause)`: what the clause is about by its grammar (its subject:
    "the boiler is fixed, ... archive the notes about it"), "" when it does not say;
    `person(told clause)`: the person it tells of, whom "her" or "him" is ("Noor wrote about
    the ladder, text her that it's free")."""
    lower = {w for w in (w.strip(",;:.!?") for w in " ".join([clause, *told]).split())
             if w.isalpha() and w.islower()}
    who = next((p for c in told if (p := person(c)) and not (
        p.split()[0] in c.split() and p.split()[0].lower() in lower)), "")  # ("New job, new
    #   boss": a capital word the request also writes in lower case is no name)
    if who:  # "write back (and tell her ...)": the answer goes to the person told of
        answer = re.sub(r"^(\S+\s+back)\b(?!\s+to\b)", rf"\1 to {who}", clause)
        clause = answer if answer != clause else re.sub(r"\b(?:her|him)\b|(?<=\bto\s)them\b",
                                                        who, clause, count=1)  # "send it to them"
        clause = re.sub(r"\b(?:their|his)\b(?=\s+[a-z])", f"{who}'s", clause, count=1)  # "what's
        #   their number?": the number of the one told of
        if (asks := _SPEAKER_ASKS.match(clause)) and who not in clause:  # "which line do I
            clause = f"{asks.group(1)} is {who}'s {asks.group(2)}"  # dial?": to reach the one
            #   told of, whose number it is
    first = next((m[0] for m in re.finditer(r"(?<!, )\b(?:it|them)\b", clause)
                  if not AMBIENT_IT.search(clause[:m.end()])), "")
    said = next((c for c in told if topic(c) and (topic(c) != who or first != "it")), "")
    #   ("it" is no person; "them" may be)
    about = topic(said) if said else sent_me(told) or _read_value(told) or next(
        (m.group(1) for c in told if (m := _ABOUT.search(c))), "") or next(
        (thing for c in told if (thing := got(c))), "") or (
        _done_to(who, told) if first == "it" else "")
    if about and _ALL_OF.match(about) and (held := _HELD_IN.search(said)):  # "all I picked
        about = held[1]  # is in my basket, buy it": what holds it all is meant
    if about and (kept := _KEPT.search(said)):  # "X is in my journal": X is read there
        about = f"{about} in {kept.group(1)}"
    counted = next((m.group(1) for c in told if (m := _COUNTED.fullmatch(c))
                    and (m.group(1).isdigit() or m.group(1).lower() in NUMBER_WORDS)), "")
    if about and counted:  # "I want the blue mug, three of them. Pop them in my basket"
        about = f"{counted} of {about}"
    timed = set(about.lower().split()) & set(_TIME_NOUNS) or TIME.fullmatch(about)
    then = r"|(?<=\bfor\s)then" if timed else ""
    pronoun = next((m for m in re.finditer(rf"(?<!, )\b(?:it|them{then}|{_THAT_ASKED})\b",
                                           clause)  # "..., it's
                    if not AMBIENT_IT.search(clause[:m.end()])), None)  # in my notes": the
    #   thing the order just named; "... for then": at the time told
    if about and pronoun and not _MADE_BEFORE.search(clause[:pronoun.start()]) and not (
            about == sent_me(told) and _OWN_OBJECT.search(clause[:pronoun.start()])):
        about = re.sub(r"^(?:a|an)\s+", "the ", about, flags=re.I)  # "it" is one thing
        about = re.sub(r"^(?:The|My|Our|Your|This|That)\b", lambda m: m[0].lower(), about)
        #   (a capital that only began its sentence names no one where it now stands)
        clause = clause[:pronoun.start()] + about + clause[pronoun.end():]  # known by now
    if who and about == who and (it := re.search(r"(?<!, )\bit\b", clause)) and (
            thing := _done_to(who, told)):  # "Bo eyes the lamp. text them what it costs"
        clause = clause[:it.start()] + thing + clause[it.end():]
    place = next((m.group(1) for c in told if (m := _IN_PLACE.search(c))), "")
    if place and (there := _THERE.search(clause)):
        clause = clause[:there.start()] + place + clause[there.end():]
    for c in told:
        wh, read = _WH.search(c), _READ.search(c)
        pointer = _POINTER.search(clause)
        if pointer and read:  # the value once read stands in its wh-phrase's place
            clause = clause[:pointer.start()] + read.group(1) + clause[pointer.end():]
        elif wh and pointer and pointer.group(1).lower() == wh.group(1).lower():
            clause = clause[:pointer.start()] + wh.group(0) + clause[pointer.end():]
        elif (when := _WHEN.search(c)) and pointer and pointer.group(1).lower() in _TIME_NOUNS:
            clause = clause[:pointer.start()] + when.group(0) + clause[pointer.end():]
    return clause
